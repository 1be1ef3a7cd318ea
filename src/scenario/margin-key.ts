/**
 * A key of a nested object (a beat's `choices:`, a choice's `next:`, a
 * role's `summary:`) typed at the left margin, where only the scenario's own
 * keys go. Retyping a line or pasting it often loses its indentation: YAML
 * then reads the key as one of the whole scenario, and the keys after it as
 * wrongly indented, so what it reports is far from the slip. The home of
 * such a key is found from the indentation of the lines above it: the
 * innermost object still open there whose kind takes the key.
 */
import { KEYS_BY_KIND, kindAt } from './keys.js';

/** A line read as `  - key: value`: the indentation, the dashes, the key and what follows its colon. */
const KEY_LINE = /^( *)((?:- +)*)([A-Za-z_][\w-]*):(?: +(.*))?$/;

/** The scenario's own keys: typed at the margin they are where they belong, unless one is already there. */
const TOP_KEYS: ReadonlySet<string> = new Set(KEYS_BY_KIND['scenario']);

/** How far up from the key the search goes: past the longest beat a scenario holds. */
const WALK = 5_000;

interface Line {
  /** 0-based number of the line. */
  n: number;
  indent: number;
  text: string;
}

/** Where a key typed at the margin belongs. */
export interface MarginKey {
  key: string;
  /** The kind of object it belongs to, e.g. 'beat'. */
  kind: string;
  /** 1-based line of the `- ` or key that starts that object. */
  objectLine: number;
  /** 1-based column its keys start at. */
  col: number;
  /** The key it should line up under, and its 1-based line. */
  under: { key: string; line: number };
  /** Whether the key's value is on the lines under it, left of where the key goes, so that they must move with it. */
  bodyToo: boolean;
  /** For one of the scenario's own keys: the 1-based line where the scenario already has it. */
  topAt?: number;
}

/**
 * Where the key at the start of line `lineNo` (1-based) belongs, when it is
 * typed at the margin and is not one of the scenario's keys (or is one the
 * scenario already has above), and an object open on the lines above takes
 * it; else undefined.
 */
export function marginKeyHome(text: string | readonly string[], lineNo: number): MarginKey | undefined {
  const all = typeof text === 'string' ? text.split('\n') : text;
  const raw = all[lineNo - 1];
  if (raw === undefined) return undefined;
  const m = KEY_LINE.exec(raw.slice(0, 400));
  if (!m || m[1] !== '' || m[2] !== '') return undefined;
  const key = m[3]!;
  let topAt: number | undefined;
  if (TOP_KEYS.has(key)) {
    const first = all.findIndex((l, i) => i !== lineNo - 1 && l.startsWith(`${key}:`) && /^[^:]+:(?:\s|$)/.test(l));
    if (first < 0) return undefined;
    topAt = first + 1;
  } else if (!Object.values(KEYS_BY_KIND).some((keys) => keys.includes(key))) return undefined;

  const read = (n: number): Line | undefined => {
    const t = (all[n] ?? '').slice(0, 400);
    const indent = t.search(/\S/);
    return indent < 0 || t[indent] === '#' ? undefined : { n, indent, text: t };
  };
  // Up from the key: each line less indented than every line passed opens an object the key may belong to.
  let least = Infinity;
  for (let n = lineNo - 2, walked = 0; n >= 0 && walked < WALK; n--, walked++) {
    const line = read(n);
    if (!line || line.indent >= least) continue;
    least = line.indent;
    if (line.indent === 0) return undefined;
    const k = KEY_LINE.exec(line.text);
    if (!k) continue;
    const col = k[1]!.length + k[2]!.length;
    const home = objectAt(read, n, col, lineNo - 1);
    if (!home || home.keys.includes(key) || !(KEYS_BY_KIND[home.kind] ?? []).includes(key)) continue;
    const below = read(lineNo);
    return {
      key,
      kind: home.kind,
      objectLine: home.head + 1,
      col: col + 1,
      under: { key: home.last.key, line: home.last.n + 1 },
      bodyToo: (m[4] === undefined || m[4].startsWith('#')) && below !== undefined && below.indent < col,
      topAt,
    };
  }
  return undefined;
}

/**
 * The object whose keys start at column `col` (0-based) around line `at`:
 * its kind, its keys, the line that starts it and its last key before
 * `stop`. Undefined when it cannot be told.
 */
function objectAt(read: (n: number) => Line | undefined, at: number, col: number, stop: number): { kind: string; keys: string[]; head: number; last: { key: string; n: number } } | undefined {
  const keys: string[] = [];
  let last: { key: string; n: number } | undefined;
  let head = -1;
  let kind: string | undefined;
  // Its keys from `at` down to the key at the margin.
  for (let n = at; n < stop; n++) {
    const line = read(n);
    if (!line) continue;
    if (n > at && line.indent < col) break;
    const k = KEY_LINE.exec(line.text);
    if (k && k[1]!.length + k[2]!.length === col && (n === at || k[2] === '')) {
      keys.push(k[3]!);
      last = { key: k[3]!, n };
    }
  }
  // And up, to the `- ` that starts it (an item of a list) or the key it is the value of.
  for (let n = at; n >= 0; n--) {
    const line = read(n);
    if (!line) continue;
    const k = KEY_LINE.exec(line.text);
    if (line.indent === col && n !== at && k && k[2] === '') {
      keys.push(k[3]!);
      continue;
    }
    if (line.indent > col || (line.indent === col && n === at && k?.[2] === '')) continue;
    if (k && k[2] !== '' && k[1]!.length + k[2]!.length === col) {
      // An item of a list: the key that holds the list names its kind.
      if (n !== at) keys.push(k[3]!);
      head = n;
      for (let p = n - 1; p >= 0; p--) {
        const holder = read(p);
        if (!holder || holder.indent >= line.indent + (holder.text.trimStart().startsWith('-') ? 0 : 1)) continue;
        const h = KEY_LINE.exec(holder.text);
        if (h && (h[4] === undefined || h[4].startsWith('#'))) kind = kindAt([h[3]!, 0]);
        break;
      }
      break;
    }
    if (k && (k[4] === undefined || k[4].startsWith('#')) && k[1]!.length + k[2]!.length < col) {
      head = n;
      kind = kindAt([k[3]!]);
      break;
    }
    return undefined;
  }
  if (kind === undefined || kind === 'value' || !last || head < 0) return undefined;
  return { kind, keys, head, last };
}

/** What to tell the author about a key typed at the margin. */
export function marginKeyMessage(home: MarginKey): { message: string; hints: string[] } {
  const a = /^[aeiou]/.test(home.kind) ? 'an' : 'a';
  const why =
    home.topAt !== undefined
      ? `At column 1 it would be a second '${home.key}' of the whole scenario, which has its own on line ${home.topAt}`
      : `'${home.key}' is a key of ${a} ${home.kind}, not of the whole scenario`;
  const spaces = home.col - 1;
  return {
    message: `'${home.key}' starts at column 1, outside the ${home.kind} it belongs to (line ${home.objectLine})`,
    hints: [
      `${why}: indent it by ${spaces} space${spaces === 1 ? '' : 's'}, to column ${home.col}, under '${home.under.key}' on line ${home.under.line}${home.bodyToo ? ', and the lines under it by as much' : ''}.`,
    ],
  };
}
