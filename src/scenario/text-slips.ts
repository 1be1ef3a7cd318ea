/**
 * Text that YAML reads otherwise than it looks, with no error to show for
 * it: a `#` in the middle of unquoted text starts a comment and cuts the
 * text short, and curly quotes around a whole text are letters, which
 * players see. Both are warnings: a comment after a text and quotes meant
 * to show are both possible, and each has a way to say so.
 */
import { diag, type DataPath, type ParsedFile } from './parse.js';
import type { Diagnostic } from './diagnostics.js';

/** Keys whose value is text shown to players or teachers, not an id. */
const TEXT_KEYS: ReadonlySet<string> = new Set([
  'title', 'summary', 'text', 'note', 'unavailable', 'debrief', 'name', 'interests', 'label', 'description', 'headline', 'timeline', 'publisher', 'date',
]);

/**
 * The pairs of quotes a word processor types around text, opening quote
 * first. Guillemets (« ») are left out: in many languages they are the
 * ordinary way to quote, typed on purpose.
 */
const CURLY_PAIRS: readonly [string, string][] = [
  ['“', '”'],
  ['‘', '’'],
  ['„', '“'],
  ['„', '”'],
  ['‚', '‘'],
];

/** How much of a text a hint shows. */
const SHOWN = 50;

const shorten = (t: string): string => (t.length > SHOWN ? `${t.slice(0, SHOWN).trimEnd()}…` : t);

/** The warnings for every text of a scenario's data, in the order of the file, and for its numbers. */
export function checkTextSlips(parsed: ParsedFile): Diagnostic[] {
  return [...slipsIn(parsed, isText), ...thousandsPoints(parsed)];
}

/**
 * Numbers written with a point between the thousands (`walkaway: 1.500`),
 * as many languages write them. YAML reads the point as a decimal point, so
 * the game gets 1.5, with no error to show for it. A number that starts
 * with 0 (`0.500`) or has other than three digits after its point is a
 * decimal as written, and left alone.
 */
function thousandsPoints(parsed: ParsedFile): Diagnostic[] {
  const shape = /^-?[1-9]\d{0,2}\.\d{3}$/;
  // Positions cost a large file time: only a file with such a number somewhere is searched.
  if (!/(^|[\s:,[{-])-?[1-9]\d{0,2}\.\d{3}(?![\d.])/m.test(parsed.text)) return [];
  const lines = parsed.text.split('\n');
  const out: Diagnostic[] = [];
  for (const [value, path] of leaves(parsed.data)) {
    if (typeof value !== 'number' || path.length === 0) continue;
    const at = parsed.locate(path);
    const written = /^[^\s,\]}#]+/.exec([...(lines[at.line - 1] ?? '')].slice(at.col - 1).join(''))?.[0] ?? '';
    if (!shape.test(written)) continue;
    const key = path.findLast((k) => typeof k === 'string') ?? 'value';
    const whole = written.replace('.', '');
    out.push(
      diag(parsed.file, at, 'BC210', `'${written}' is read as ${String(value)}: a point in a number is a decimal point, not a separator between thousands`, [
        `For ${Number(whole).toLocaleString('en')}, write it with no point: \`${String(key)}: ${whole}\`. If ${String(value)} is meant, write \`${String(key)}: ${String(value)}\`.`,
      ]),
    );
  }
  return out;
}

/** Every value that is neither a list nor a mapping, with its path, in the order of the file. */
function* leaves(value: unknown, path: (string | number)[] = []): Generator<[unknown, (string | number)[]]> {
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* leaves(value[i], [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* leaves(v, [...path, k]);
  else yield [value, path];
}

/**
 * The warnings for every text under a translation file's `texts:`, in the
 * order of the file: a translator's words can have the slips an author's
 * can.
 */
export function checkTranslationTextSlips(parsed: ParsedFile): Diagnostic[] {
  return slipsIn(parsed, (path) => path.length === 2 && path[0] === 'texts' && typeof path[1] === 'string');
}

function slipsIn(parsed: ParsedFile, isText: (path: DataPath) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Positions cost a large file time, so a text is located only when it may hold a slip: a `#` after a
  // space and a letter somewhere in the file, or a curly quote opening the text.
  const hashes = /\S[ \t]+#[^\s#]/.test(parsed.text);
  let split: string[] | undefined;
  const chars = new Map<number, string[]>();
  // By characters, as columns count them.
  const lineAt = (n: number): string[] | undefined => {
    split ??= parsed.text.split('\n');
    if (!chars.has(n) && split[n - 1] !== undefined) chars.set(n, [...split[n - 1]!]);
    return chars.get(n);
  };
  for (const [value, path] of leaves(parsed.data)) {
    if (typeof value !== 'string' || !(hashes || CURLY_PAIRS.some(([o]) => value.startsWith(o))) || !isText(path)) continue;
    const slip = textSlip(parsed, lineAt, path, value);
    if (slip) out.push(slip);
  }
  return out;
}

function isText(path: DataPath): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  return TEXT_KEYS.has(key) || (path.length === 2 && path[0] === 'period' && (key === 'start' || key === 'end'));
}

/** The warning for one text, written plain at `path`, or undefined. */
function textSlip(parsed: ParsedFile, lineAt: (n: number) => string[] | undefined, path: DataPath, value: string): Diagnostic | undefined {
  const at = parsed.locate(path);
  const line = lineAt(at.line);
  if (!line) return undefined;
  const key = String(path[path.length - 1]);
  const chars = [...value];
  const from = at.col - 1;
  const written = line.slice(from, from + chars.length).join('');
  const open = line[from];

  const pair = CURLY_PAIRS.find(([o, c]) => open === o && value.startsWith(o) && value.endsWith(c) && chars.length > 2);
  if (pair) {
    const inner = chars.slice(1, -1).join('');
    // Two quotations in one text (“Yes,” she said, “we will.”) are typography, not a text wrapped in quotes.
    const more = pair[0] === '‘' || pair[0] === '‚' ? inner.includes(pair[0]) : /[“”„]/.test(inner);
    if (!more && inner.trim() !== '') {
      const bare = shorten(inner.trim());
      // Left bare, the text must still read as plain text, or the hint would swap one slip for another.
      const plain = /^[^\s"'{}[\]&*!|>%@`#,?:-]/.test(bare) && !/: |\s#|:$/.test(bare) && !/^-?\d[\d.]*$/.test(bare);
      return diag(parsed.file, at, 'BC209', `the text of '${key}' is wrapped in curly quotes (${pair[0]} ${pair[1]}), which players will see as part of it`, [
        `Quotes typed by a word processor (“ ” ‘ ’) are letters to YAML, not quotes. ${plain ? `Remove them (\`${key}: ${bare}\`), or write` : 'Write'} straight quotes, which do not show (\`${key}: ${JSON.stringify(bare)}\`); to show the curly ones, keep them inside straight ones: \`${key}: ${JSON.stringify(`${pair[0]}${bare}${pair[1]}`)}\`.`,
      ]);
    }
  }

  // Plain text on one line, followed by a comment that reads as more of it (`#2`, `#MeToo`).
  if (written !== value || open === '"' || open === "'") return undefined;
  const rest = line.slice(from + chars.length).join('');
  const cut = /^[ \t]+#([^\s#].*)$/.exec(rest);
  if (!cut) return undefined;
  const whole = shorten(`${value}${rest}`.trimEnd());
  return diag(parsed.file, { line: at.line, col: at.col + chars.length + rest.indexOf('#') }, 'BC109', `the text of '${key}' stops before '#${shorten(cut[1]!.trimEnd())}': after a space, # starts a comment, which the game does not show`, [
    `To keep it in the text, put the whole text in "double quotes": \`${key}: ${JSON.stringify(whole)}\`. If it is a comment, write a space after the #.`,
  ]);
}
