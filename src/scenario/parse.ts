/**
 * Reading an untrusted scenario file into plain data while keeping the
 * position of every value, so later checks can point at a line and column.
 *
 * The file is never trusted: size, nesting, node count and alias expansion
 * are bounded, keys that could pollute prototypes are refused, and binary
 * or empty input is answered with a diagnostic rather than an exception.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { readJson } from './json-reader.js';
import { readYaml, type YamlPositions } from './yaml-reader.js';
import { CODES, type Diagnostic, type DiagnosticCode, type Position } from './diagnostics.js';
import { KEYS_BY_KIND, KNOWN_KEYS, kindAt } from './keys.js';
import { marginKeyHome, marginKeyMessage } from './margin-key.js';

/** Bounds on what a scenario file may be. */
export const LIMITS = {
  /** Largest file accepted, in bytes. */
  maxBytes: 4 * 1024 * 1024,
  /** Deepest nesting of mappings and sequences. */
  maxDepth: 48,
  /** Most values (after alias expansion) in one file. */
  maxNodes: 1_000_000,
  /** Most alias expansions (*name) in one file. */
  maxAliasExpansions: 10_000,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many syntax errors are reported, one a line. */
const MAX_SYNTAX_SHOWN = 3;

const TOO_DEEP = {
  message: `values are nested more than ${LIMITS.maxDepth} levels deep`,
  hints: ['Flatten the structure: conditions nest with all/any/not only a few levels.'],
};
const TOO_MANY = {
  message: `the file holds more than ${LIMITS.maxNodes} values`,
  hints: ['Make the scenario smaller, or use fewer aliases.'],
};

/** A path into the data: mapping keys and sequence indexes. */
export type DataPath = ReadonlyArray<string | number>;

/** Parsed data with a way back to positions in the source. */
export interface ParsedFile {
  file: string;
  /** The data, or undefined when the file could not be read at all. */
  data: unknown;
  diagnostics: Diagnostic[];
  /**
   * The text that was read, with line ends made plain (empty when the file
   * was refused unread), so that a hint can look at how a value was written.
   */
  text: string;
  /** Where the value at `path` starts (or its nearest ancestor that exists). */
  locate(path: DataPath): Position;
  /** Where the key that names `path` starts (falls back to the value). */
  locateKey(path: DataPath): Position;
}

/** Which reader turned the text into data: the JSON reader, the fast YAML reader, or the `yaml` library. */
export type ScenarioReader = 'json' | 'yaml-fast' | 'yaml';

/** A parsed file with how it was read and the raw offsets behind `locate` and `locateKey`. */
export interface ParsedFileDetail extends ParsedFile {
  /** The reader that read the text; undefined when it was refused before reading (too large, not text, empty, nested far too deep). */
  reader: ScenarioReader | undefined;
  /** Offset where each value starts, by path joined with U+0001. */
  readonly valueAt: ReadonlyMap<string, number>;
  /** Offset where each mapping key starts, by the path it names. */
  readonly keyAt: ReadonlyMap<string, number>;
}

/** Options for {@link parseScenarioText}. */
export interface ParseOptions {
  /**
   * Read YAML with the `yaml` library only, never the fast reader: the
   * reference that the fast reader must agree with.
   */
  libraryOnly?: boolean;
}

const pathKey = (path: DataPath): string => path.join('\u0001');

/** Builds a diagnostic with the code's own severity. */
export function diag(file: string, pos: Position, code: DiagnosticCode, message: string, hints: string[] = []): Diagnostic {
  return { file, line: pos.line, col: pos.col, severity: CODES[code].severity, code, message, hints };
}

/**
 * Where the first byte that breaks UTF-8 is, as a position (columns in
 * characters, as everywhere else), so that the author can find the letter
 * an editor saved in another encoding. Undefined when no such byte is found.
 */
function firstInvalidUtf8(bytes: Uint8Array): Position | undefined {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    // How many continuation bytes this lead byte takes, and the range the first of them must fall in (no overlongs, no surrogates).
    const [n, lo, hi] = b < 0x80 ? [0, 0, 0] : b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] : b === 0xed ? [2, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] : b === 0xf4 ? [3, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : [-1, 0, 0];
    let ok = n >= 0 && i + n < bytes.length + (n === 0 ? 1 : 0);
    for (let k = 1; ok && k <= n; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && (k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf);
    }
    if (!ok) return { line, col: [...new TextDecoder().decode(bytes.subarray(lineStart, i))].length + 1 };
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += n + 1;
  }
  return undefined;
}

/** How far into a file a zero byte marks it as binary: the formats that hold them have them from their first bytes. */
const BINARY_HEAD = 8192;

const startsWith = (bytes: Uint8Array, magic: readonly number[] | string): boolean =>
  typeof magic === 'string' ? [...magic].every((c, i) => bytes[i] === c.charCodeAt(0)) : magic.every((b, i) => bytes[i] === b);

/** Whether `ascii` occurs in the first bytes of a file. */
const headHolds = (bytes: Uint8Array, ascii: string): boolean => new TextDecoder('latin1').decode(bytes.subarray(0, BINARY_HEAD)).includes(ascii);

const PICTURE_HINT = 'A scenario must be a plain-text .yaml/.yml or .json file, and a picture cannot be one: check that this is the file you meant.';
const DOCUMENT_HINT = "A scenario must be a plain-text .yaml/.yml or .json file: copy the scenario's text out of the document into a text editor (such as Notepad or VS Code) and save it from there as a .yaml file.";

/** A document saved as Rich Text: text to a computer, but its letters are wrapped in the word processor's formatting codes. */
const RTF = {
  message: 'the file is not plain text: it looks like a word-processor document saved as Rich Text (.rtf)',
  hint: 'A scenario must be a plain-text .yaml/.yml or .json file: save the document as plain text instead (in TextEdit, Format > Make Plain Text; in Word, Save As > Plain Text), or copy its text into a text editor (such as Notepad or VS Code) and save it from there as a .yaml file.',
};

/**
 * What a file that is not text most likely is, told by the bytes it starts
 * with, so that the author hears "a PNG image" rather than a word on
 * encodings. Undefined when the start names no kind a teacher meets.
 */
function binaryKind(bytes: Uint8Array): { what: string; hint: string; message?: string } | undefined {
  if (startsWith(bytes, '{\\rtf')) return { what: 'a Rich Text document (.rtf)', hint: RTF.hint, message: RTF.message };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { what: 'a PNG image', hint: PICTURE_HINT };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { what: 'a JPEG image', hint: PICTURE_HINT };
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return { what: 'a GIF image', hint: PICTURE_HINT };
  if (startsWith(bytes, '%PDF-')) return { what: 'a PDF document', hint: DOCUMENT_HINT };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { what: 'an older Word or Office document (.doc, .xls)', hint: DOCUMENT_HINT };
  if (startsWith(bytes, 'PK\u0003\u0004') || startsWith(bytes, 'PK\u0005\u0006')) {
    // Word and OpenDocument files are ZIP archives; their first entries name them, uncompressed.
    if (headHolds(bytes, 'word/')) return { what: 'a Word document (.docx)', hint: DOCUMENT_HINT };
    if (headHolds(bytes, 'application/vnd.oasis.opendocument')) return { what: 'an OpenDocument file (.odt)', hint: DOCUMENT_HINT };
    return {
      what: 'a ZIP archive, or a document packed as one (.docx, .xlsx, .odt)',
      hint: "A scenario must be a plain-text .yaml/.yml or .json file: if this is a word-processor document, copy its text into a text editor (such as Notepad or VS Code) and save it from there as a .yaml file; if it is an archive, unzip it and check the file inside.",
    };
  }
  return undefined;
}

/** Whether a file's bytes are a UTF-16 byte order mark and what follows it. */
const isUtf16 = (bytes: Uint8Array): boolean => bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

/**
 * Whether a file is not text at all (a picture, a document, other binary
 * data), as the checker tells it: no name or encoding would make it a
 * scenario.
 */
export function isBinaryFile(bytes: Uint8Array): boolean {
  return !isUtf16(bytes) && (binaryKind(bytes) !== undefined || bytes.subarray(0, BINARY_HEAD).includes(0));
}

/** Decodes bytes as UTF-8, or returns undefined when they are not text. */
function decode(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Parses YAML (or JSON, which is read as YAML) into data with positions.
 * Never throws: every problem comes back as a diagnostic.
 *
 * The result also tells which reader read the text and gives the offsets by
 * path; `options` can keep YAML away from the fast reader.
 */
export function parseScenarioText(input: string | Uint8Array, file: string, options: ParseOptions = {}): ParsedFileDetail {
  let valueRanges = new Map<string, number>();
  let keyRanges = new Map<string, number>();
  // The fast YAML reader works out positions only when one is asked for.
  let pending: (() => YamlPositions) | undefined;
  const settle = () => {
    if (!pending) return;
    ({ valueAt: valueRanges, keyAt: keyRanges } = pending());
    pending = undefined;
  };
  const lineCounter = new LineCounter();
  const start: Position = { line: 1, col: 1 };
  const toPos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    const line = Math.max(1, p.line);
    let col = Math.max(1, p.col);
    // Columns count characters, as editors show them: a character outside
    // the basic plane (an emoji) is two UTF-16 units but one column.
    const before = result.text.slice(offset - (col - 1), offset);
    if (/[\uD800-\uDBFF]/.test(before)) col = [...before].length + 1;
    return { line, col };
  };
  const find = (map: Map<string, number>, path: DataPath): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const hit = map.get(pathKey(path.slice(0, n)));
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  const result: ParsedFileDetail = {
    file,
    data: undefined,
    diagnostics: [],
    text: '',
    reader: undefined,
    get valueAt() {
      settle();
      return valueRanges;
    },
    get keyAt() {
      settle();
      return keyRanges;
    },
    locate: (path) => {
      settle();
      const off = find(valueRanges, path);
      return off === undefined ? start : toPos(off);
    },
    locateKey: (path) => {
      settle();
      const off = keyRanges.get(pathKey(path)) ?? find(valueRanges, path);
      return off === undefined ? start : toPos(off);
    },
  };
  const fail = (code: DiagnosticCode, message: string, hints: string[], pos: Position = start): ParsedFileDetail => {
    result.diagnostics.push(diag(file, pos, code, message, hints));
    return result;
  };

  const byteLength = typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;
  if (byteLength > LIMITS.maxBytes) {
    return fail('BC102', `the file is ${byteLength} bytes; the limit is ${LIMITS.maxBytes} bytes`, [
      'Split the scenario into smaller scenarios, or remove unused text.',
    ]);
  }
  if (typeof input !== 'string') {
    // By its byte order mark first: UTF-16 text without a zero byte (all letters outside ASCII) is text all the same.
    if (isUtf16(input))
      return fail('BC101', 'the file is saved as UTF-16 text, not UTF-8', [
        'Save it again as UTF-8 (in Windows Notepad, "Save as", then Encoding: UTF-8; "Unicode" there means UTF-16).',
      ]);
    // A picture or a document cut short may hold no zero byte yet, and would
    // be told as text in another encoding: its first bytes give it away.
    const kind = binaryKind(input);
    if (kind) return fail('BC101', kind.message ?? `the file is not a text file: it looks like ${kind.what}`, [kind.hint]);
    if (input.subarray(0, BINARY_HEAD).includes(0))
      return fail('BC101', 'the file is not a text file: it holds binary data', [
        'A scenario must be a plain-text .yaml/.yml or .json file, written in a text editor such as Notepad or VS Code: check that this is the file you meant.',
      ]);
  }
  let text = typeof input === 'string' ? input : decode(input);
  if (text === undefined || text.includes('\u0000')) {
    // A zero byte here lies past the first bytes, where it names no kind of file; without one, point at the first letter saved in another encoding.
    const bad = typeof input !== 'string' && !input.includes(0) ? firstInvalidUtf8(input) : undefined;
    if (bad)
      return fail(
        'BC101',
        'the file is not UTF-8 text: the letter here is in another encoding',
        ['Save the scenario as UTF-8 from your editor (often under "Save as" or "Encoding"); files saved as Latin-1 or Windows-1252 break at letters such as é or ñ.'],
        bad,
      );
    return fail('BC101', 'the file is not UTF-8 text', [
      'Save the scenario as plain UTF-8 text (.yaml or .json) from a text editor.',
    ]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.startsWith('{\\rtf')) return fail('BC101', RTF.message, [RTF.hint]);
  // Windows line ends (CRLF), and the lone CR of old Mac editors, are line ends to YAML and to editors alike; made plain, they keep lines and columns, and the fast readers need not know CR.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  result.text = text;
  if (text.trim() === '') {
    return fail('BC100', 'the file is empty', ['Start from the worked example in scenarios/README.md.']);
  }
  // `npm run translation -- … > file` without -s writes npm's own banner first: "> backchannel@0.1.0 translation".
  const banner = /^\s*\n?> [\w@./-]+@\d[^\n]*\n/.exec(text);
  if (banner)
    return fail('BC103', "the file starts with npm's own lines, not with the scenario or translation", [
      'npm writes them when it runs a command whose output was saved to this file. Delete the lines that start with ">", or run the command again with -s: npm run -s translation -- SCENARIO LANG > FILE.',
    ], { line: text.slice(0, banner.index + banner[0].indexOf('>')).split('\n').length, col: 1 });

  // The library fills the line counter as it reads; the other readers leave it to this.
  const countLines = () => {
    lineCounter.addNewLine(0);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  };

  if (/^\s*[{[]/.test(text) && (file.endsWith('.json') || !/^\s*#/.test(text))) {
    result.reader = 'json';
    const json = readJson(text, LIMITS.maxDepth, LIMITS.maxNodes);
    if (json.ok) {
      pending = json.positions;
      countLines();
      result.data = json.data;
      if (json.data === null || typeof json.data !== 'object' || Array.isArray(json.data)) {
        result.data = undefined;
        return fail('BC107', 'the top of the file must be a mapping of keys to values', ['A JSON scenario is one object: { "backchannel": 1, "id": ... }.']);
      }
      return result;
    }
    if (file.endsWith('.json') || json.kind !== 'syntax') {
      countLines();
      const code = json.kind === 'duplicate' ? 'BC106' : json.kind === 'forbidden' ? 'BC105' : json.kind === 'syntax' ? 'BC103' : 'BC104';
      const hint =
        json.hint ? json.hint
        : json.kind === 'duplicate' ? 'Keep one: remove the other, or merge the two.'
        : json.kind === 'forbidden' ? 'Rename the key: __proto__, constructor and prototype are reserved.'
        : json.kind === 'syntax' ? 'Check for a missing comma, quote or bracket just before this place.'
        : 'Make the scenario smaller or flatter.';
      return fail(code, json.kind === 'syntax' ? `syntax error: ${json.message}` : json.message, [hint], toPos(json.offset));
    }
    // Not valid JSON, but the file may still be YAML in flow style: read it as YAML.
  }

  if (!options.libraryOnly) {
    // The fast reader declines anything unusual or wrong, and a top that is
    // not a mapping is left to the library as well, so that diagnostics come
    // from the library; only a file past a bound is refused here.
    const fast = readYaml(text, LIMITS.maxDepth, LIMITS.maxNodes);
    if (fast.ok && fast.data !== null && typeof fast.data === 'object' && !Array.isArray(fast.data)) {
      result.reader = 'yaml-fast';
      pending = fast.positions;
      countLines();
      result.data = fast.data;
      return result;
    }
    // The library would refuse this too, once it had read the whole file, far more slowly.
    if (!fast.ok && fast.limit) {
      result.reader = 'yaml-fast';
      countLines();
      const bound = fast.limit === 'depth' ? TOO_DEEP : TOO_MANY;
      return fail('BC104', bound.message, bound.hints, toPos(fast.offset));
    }
  }

  // Brackets nested hundreds deep cost the library seconds and, deeper
  // still, its whole stack: refuse them before it starts.
  const overrun = nestingOverrun(text, LIMITS.maxDepth, 4 * LIMITS.maxDepth);
  if (overrun >= 0) {
    countLines();
    return fail('BC104', TOO_DEEP.message, TOO_DEEP.hints, toPos(overrun));
  }

  result.reader = 'yaml';

  // The library's time grows with the square of the lines a tab upsets
  // (minutes for a large file indented with tabs), so a file indented with
  // tabs throughout is answered before the library reads it.
  let tabLines = 0;
  let firstTabAt = -1;
  for (const m of text.matchAll(/^ *\t/gm)) {
    if (firstTabAt < 0) firstTabAt = m.index + m[0].length - 1;
    if (++tabLines > MAX_TAB_LINES) {
      countLines();
      return fail('BC103', 'syntax error: this line is indented with a tab', [
        TAB_HINT,
        `More than ${MAX_TAB_LINES} lines are indented with tabs: replace every tab with spaces and check again.`,
      ], toPos(firstTabAt));
    }
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      // Keep YAML 1.2 core scalars: dates stay strings, `no` stays a string.
      schema: 'core',
    });
  } catch (err) {
    return fail('BC103', `the file could not be parsed (${String((err as Error)?.message ?? err).slice(0, 200)})`, [
      'Check the indentation and quoting near the start of the file.',
    ]);
  }

  const syntax: Diagnostic[] = [];
  // Slips that throw off the reading of the lines after them (an unclosed quote, a line indented wrongly).
  const upsetting = new Set<Diagnostic>();
  // Lines indented with a tab: each is a slip of its own, and the other errors on them come from it.
  const tabs = new Map<number, Position>();
  for (const e of doc.errors) {
    const lineStart = text.lastIndexOf('\n', e.pos[0] - 1) + 1;
    if (e.code !== 'TAB_AS_INDENT') {
      // After spaces, or before block text, a tab is not named by the library, which speaks of columns and
      // indented block values instead; a tab in the indentation of the line it complains about is the slip all the same.
      const lead = /^ *\t[ \t]*/.exec(text.slice(lineStart, Math.min(lineStart + 400, text.length)));
      if (lead && /[^\s]/.test(text.slice(lineStart + lead[0].length, lineStart + lead[0].length + 1))) {
        const at = toPos(lineStart + lead[0].indexOf('\t'));
        if (!tabs.has(at.line)) tabs.set(at.line, at);
      }
      continue;
    }
    const tab = text.indexOf('\t', lineStart);
    const at = toPos(tab >= lineStart && tab <= e.pos[1] ? tab : e.pos[0]);
    if (!tabs.has(at.line)) tabs.set(at.line, at);
  }
  // The library stops naming tabs once they have upset the lines around
  // them; a tab before the first letter of a line, after spaces or none, can be nothing but indentation.
  // A loop, not Math.min(...): a hostile file can have more tab lines than a call takes arguments.
  let firstTab = Infinity;
  for (const line of tabs.keys()) if (line < firstTab) firstTab = line;
  if (tabs.size > 0) {
    for (let at = 0, line = 1; at < text.length; line++) {
      const end = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
      const lead = /^ *\t/.exec(text.slice(at, Math.min(end, at + 400)));
      if (lead && line > firstTab && !tabs.has(line) && /\S/.test(text.slice(at, end))) tabs.set(line, { line, col: lead[0].length });
      at = end + 1;
    }
  }
  let repeats: Map<number, RepeatedKey> | undefined;
  const repeatsFound: Diagnostic[] = [];
  let quoted: Map<number, number> | undefined;
  // Found once: a file full of errors must not walk the document for each.
  const quotedEndingAt = (offset: number) => (quoted ??= quotedTextByEnd(doc)).get(offset);
  for (const e of doc.errors) {
    const pos = toPos(e.pos[0]);
    const firstLine = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (e.code === 'DUPLICATE_KEY') {
      repeats ??= repeatedKeys(doc, text);
      const repeat = repeats.get(e.pos[0]);
      if (repeat?.echo) continue;
      // A key of a list item written at the column of its `- ` or left of its keys ends the list, and YAML puts
      // it in the mapping that holds the list, where its name may already be: the indentation is the slip.
      const home = syntax.length < 2 * MAX_SYNTAX_SHOWN ? keyInList(text, e.pos[0]) : undefined;
      if (home && !home.beside && home.sure) {
        const d = diag(file, toPos(home.at), 'BC103', home.message, home.hints);
        upsetting.add(d);
        syntax.push(d);
        continue;
      }
      if (repeat?.stray) {
        const item = toPos(repeat.stray.itemAt);
        repeatsFound.push(
          diag(file, toPos(repeat.stray.at), 'BC106', `this list item is further in than the items of its list, so the keys below it are read into the item on line ${item.line}, which has its own '${repeat.key}' (line ${toPos(repeat.first).line})`, [
            `Line up every \`- \` of one list at the same column: start this one at column ${item.col}, under the \`- \` on line ${item.line}.`,
          ]),
        );
        continue;
      }
      const message =
        repeat?.newItem ? `the key '${repeat.key}' appears twice in this list item (first at line ${toPos(repeat.first).line})`
        : repeat ? `the key '${repeat.key}' appears twice in this mapping (first at line ${toPos(repeat.first).line})`
        : 'a key appears twice in the same mapping';
      const hint = repeat?.newItem
        ? `If a new item starts here, begin it with "- ", lined up with the "- " on line ${toPos(repeat.first).line}. Otherwise keep one '${repeat.key}'.`
        : 'Keep one: remove the other, or merge the two.';
      repeatsFound.push(diag(file, pos, 'BC106', message, [hint]));
    } else if (e.code === 'RESOURCE_EXHAUSTION' || e.message.includes('Maximum call stack size exceeded')) {
      // Where the library's stack runs out depends on how deep the stack
      // already is; when it runs out while resolving a scalar, the library
      // reports a failed tag instead, which is the same exhaustion.
      if (!result.diagnostics.some((d) => d.code === 'BC104'))
        result.diagnostics.push(diag(file, pos, 'BC104', 'the file nests values too deeply or expands too much to read', ['Flatten the structure, and write values out instead of using aliases (*name).']));
    } else if (e.code === 'MULTIPLE_DOCS') {
      result.diagnostics.push(diag(file, pos, 'BC103', 'the file holds more than one YAML document', ['Remove the `---` separator: one scenario per file.']));
    } else if (!tabs.has(pos.line)) {
      // At the end of the line above a tab, where what the tab holds was expected: the tab's doing, not a slip of that line.
      if (pos.line === firstTab - 1 && toPos(e.pos[1]).line === firstTab && text.slice(e.pos[0], text.indexOf('\n', e.pos[0])).trim() === '') continue;
      // Only the first few errors are shown: the search for a list above a key, which reads many lines, is kept to them.
      const own = plainSyntaxError(text, quotedEndingAt, e.code, firstLine, e.pos[0], syntax.length < 2 * MAX_SYNTAX_SHOWN);
      const d = own ? diag(file, toPos(own.at), 'BC103', own.message, own.hints) : diag(file, pos, 'BC103', `syntax error: ${firstLine}`, syntaxHint(e.code, firstLine));
      if (own?.upsets) upsetting.add(d);
      syntax.push(d);
    }
  }
  // A key typed at the margin upsets the lines after it, where YAML reports the trouble: told at the key.
  const margin = tabs.size === 0 ? marginSlip(text, doc.errors) : undefined;
  if (margin) {
    const d = diag(file, margin.at, 'BC103', `syntax error: ${margin.message}`, margin.hints);
    for (let i = repeatsFound.length - 1; i >= 0; i--) if (repeatsFound[i]!.line === margin.at.line) repeatsFound.splice(i, 1);
    for (let i = syntax.length - 1; i >= 0; i--) if (syntax[i]!.line === margin.at.line) syntax.splice(i, 1);
    upsetting.add(d);
    syntax.push(d);
  }
  // From a tab, or a slip that upsets the lines after it, on, keys of a nested mapping can land in the one
  // above and meet a key of the same name there (a role's `summary:` in the scenario's own): that repeat is
  // the slip's doing, and is left out with the other errors it sets off, as the note under the slip says.
  let firstUpset = firstTab;
  for (const d of upsetting) if (d.line < firstUpset) firstUpset = d.line;
  for (const d of repeatsFound) (d.line >= firstUpset ? syntax : result.diagnostics).push(d);
  // The library reports an unclosed quote where the text runs out, after
  // the errors it set off; at its opening quote it comes first on its line.
  syntax.sort((a, b) => a.line - b.line || a.col - b.col);
  result.diagnostics.push(...(tabs.size > 0 ? tabSlips(syntax, tabs, file) : firstSyntaxErrors(syntax, upsetting)));
  if (result.diagnostics.length > 0) return result;
  // A value that starts with ! is a YAML tag, which the library only warns
  // about and then drops: `title: !Stop now` would quietly become "now".
  // Scenarios use no tags, so each is reported as the slip it almost always is.
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED' || result.diagnostics.length >= MAX_SYNTAX_SHOWN) continue;
    const tag = /^[^\s,\]}]{1,40}/.exec(text.slice(w.pos[0], w.pos[0] + 41))?.[0] ?? '!';
    result.diagnostics.push(
      diag(file, toPos(w.pos[0]), 'BC103', 'syntax error: text that starts with ! must be in quotes', [
        `Put the whole text in "double quotes": in YAML, ! at the start of a value is a tag, which is dropped, so '${tag}' would be lost.`,
      ]),
    );
  }
  if (result.diagnostics.length > 0) return result;

  let nodes = 0;
  let aliasUses = 0;
  // Plain values written with an anchor, and the anchors some alias uses, to find the anchors that only take a word out of the text.
  const anchored: { pk: string; name: string; at: number; value: unknown }[] = [];
  const usedAnchors = new Set<string>();
  // Anchors by name, found once: resolving each alias through the document would walk it every time.
  const anchors = new Map<string, unknown>();
  visit(doc, {
    Node(_, node) {
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor && !anchors.has(anchor)) anchors.set(anchor, node);
    },
  });
  let stop: Diagnostic | undefined;

  // Paths travel as their joined key (`pk`) so that walking a large file
  // builds no arrays; the array form is rebuilt only to report a problem.
  const unkey = (pk: string): (string | number)[] => (pk === '' ? [] : pk.split('\u0001').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  const join = (pk: string, k: string | number) => (pk === '' ? String(k) : `${pk}\u0001${k}`);
  const toData = (node: unknown, pk: string, depth: number, viaAlias: boolean): unknown => {
    if (stop) return undefined;
    const n = node as Node | null;
    // Recorded first, so that a value past a bound is reported where it starts, as the fast reader reports it.
    if (n && !viaAlias && n.range) valueRanges.set(pk, n.range[0]);
    if (++nodes > LIMITS.maxNodes) {
      stop = diag(file, result.locate(unkey(pk)), 'BC104', TOO_MANY.message, TOO_MANY.hints);
      return undefined;
    }
    if (depth > LIMITS.maxDepth) {
      stop = diag(file, result.locate(unkey(pk)), 'BC104', TOO_DEEP.message, TOO_DEEP.hints);
      return undefined;
    }
    if (n === null || n === undefined) return null;
    if (isAlias(n)) {
      usedAnchors.add(n.source);
      if (++aliasUses > LIMITS.maxAliasExpansions) {
        stop = diag(file, result.locate(unkey(pk)), 'BC104', 'aliases expand too much', ['Write the values out instead of nesting aliases.']);
        return undefined;
      }
      return toData(anchors.get(n.source), pk, depth + 1, true);
    }
    if (isScalar(n)) {
      const v = n.value;
      if (n.anchor && !viaAlias && n.type === 'PLAIN' && n.range) anchored.push({ pk, name: n.anchor, at: n.range[0], value: v });
      return typeof v === 'bigint' ? Number(v) : v;
    }
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      for (const pair of n.items) {
        const k = pair.key as Node | null;
        if (!isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number' && typeof k.value !== 'boolean')) {
          const p = k && 'range' in k && k.range ? toPos(k.range[0]) : result.locate(unkey(pk));
          stop = diag(file, p, 'BC204', 'a mapping key must be plain text', ['Write keys as plain words, like `id:` or `text:`.']);
          return undefined;
        }
        const key = String(k.value);
        const childKey = join(pk, key);
        if (!viaAlias && k.range) keyRanges.set(childKey, k.range[0]);
        if (FORBIDDEN_KEYS.has(key)) {
          stop = diag(file, k.range ? toPos(k.range[0]) : result.locate(unkey(pk)), 'BC105', `the key '${key}' is not allowed`, ['Rename the key: __proto__, constructor and prototype are reserved.']);
          return undefined;
        }
        const value = toData(pair.value, childKey, depth + 1, viaAlias);
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (isSeq(n)) return n.items.map((item, i) => toData(item, join(pk, i), depth + 1, viaAlias));
    stop = diag(file, result.locate(unkey(pk)), 'BC204', 'a value of an unsupported kind', ['Use only mappings, lists, text, numbers and true/false.']);
    return undefined;
  };

  const data = toData(doc.contents, '', 0, false);
  if (stop) {
    result.diagnostics.push(stop);
    return result;
  }
  // Text that starts with & is read as an anchor: the word after & names
  // the value and leaves the text, so `summary: &Co arrived late` reads
  // "arrived late" and `name: &Sons` reads nothing, without a word. An
  // anchor that no alias uses does nothing else, so where the format takes
  // text it is reported as the slip it almost always is. Elsewhere (a key
  // the format does not know, a number) the value is left to the checks
  // that follow.
  for (const a of anchored) {
    if (usedAnchors.has(a.name) || (a.value !== null && typeof a.value !== 'string')) continue;
    const path = unkey(a.pk);
    const key = path[path.length - 1];
    if (typeof key !== 'string' || !(KEYS_BY_KIND[kindAt(path.slice(0, -1))] ?? []).includes(key)) continue;
    const amp = text.lastIndexOf(`&${a.name}`, a.at);
    if (amp < 0 || result.diagnostics.length >= MAX_SYNTAX_SHOWN) continue;
    const written = a.value === null || a.value === '' ? `&${a.name}` : `&${a.name} ${String(a.value)}`;
    result.diagnostics.push(diag(file, toPos(amp), 'BC103', 'syntax error: text that starts with & must be in quotes', [ampersandHint(key, written)]));
  }
  if (result.diagnostics.length > 0) return result;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('BC107', 'the top of the file must be a mapping of keys to values', [
      'A scenario starts with `backchannel: 1`, then `id:`, `title:` and so on, each on its own line.',
    ]);
  }
  result.data = data;
  return result;
}

/**
 * The first key typed at the margin that belongs to an object above it, on
 * a line up to the first the library complains about: the slip behind
 * those complaints. Undefined when there is none.
 */
function marginSlip(text: string, errors: readonly { pos: [number, number] }[]): { at: Position; message: string; hints: string[] } | undefined {
  if (errors.length === 0) return undefined;
  let first = Infinity;
  for (const e of errors) if (e.pos[0] < first) first = e.pos[0];
  const lines = text.split('\n');
  const last = text.slice(0, first).split('\n').length;
  for (let n = 1; n <= last && n <= lines.length; n++) {
    if (!/^[A-Za-z_][\w-]*:/.test(lines[n - 1]!)) continue;
    const home = marginKeyHome(lines, n);
    if (home) return { at: { line: n, col: 1 }, ...marginKeyMessage(home) };
  }
  return undefined;
}

/**
 * Where YAML text nests past `depth`, when somewhere it nests past `bound`
 * (much further than any scenario could): the first flow bracket, or block
 * indicator in a compact run like `- - -` or `? - ?`, beyond `depth` in that
 * run; else -1. Only a bracket where a value can start opens a collection,
 * as in YAML; quoted text, block text (`|`, `>`) and comments are skipped.
 * Block nesting by indentation is not counted: the size bound keeps it
 * within what the library reads.
 */
export function nestingOverrun(text: string, depth: number, bound: number): number {
  const n = text.length;
  const blank = (at: number) => at >= n || text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09 || text.charCodeAt(at) === 0x0a;
  let level = 0;
  let first = -1;
  let i = 0;
  while (i < n) {
    // A line: its indentation, then its tokens.
    const lineStart = i;
    while (i < n && text.charCodeAt(i) === 0x20) i++;
    const indent = i - lineStart;
    let valueStart = true;
    let indicators = 0;
    let firstIndicator = -1;
    let blockText = false;
    while (i < n && text.charCodeAt(i) !== 0x0a) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09) {
        i++;
        continue;
      }
      const prev = i === 0 ? 0x0a : text.charCodeAt(i - 1);
      if (c === 0x23 && (prev === 0x20 || prev === 0x09 || prev === 0x0a || i === lineStart)) {
        while (i < n && text.charCodeAt(i) !== 0x0a) i++;
        break;
      }
      if (valueStart && (c === 0x22 || c === 0x27)) {
        // Quoted text, which may run over several lines.
        i++;
        while (i < n) {
          const q = text.charCodeAt(i);
          if (c === 0x22 && q === 0x5c) i += 2;
          else if (q === c && c === 0x27 && text.charCodeAt(i + 1) === 0x27) i += 2;
          else if (q === c) break;
          else i++;
        }
        i++;
        valueStart = false;
        continue;
      }
      if (valueStart && level === 0 && (c === 0x2d || c === 0x3f || c === 0x3a) && blank(i + 1)) {
        indicators++;
        if (indicators === depth + 1) firstIndicator = i;
        if (indicators > bound) return firstIndicator;
        i++;
        continue;
      }
      if (valueStart && level === 0 && (c === 0x7c || c === 0x3e)) {
        blockText = true;
        while (i < n && text.charCodeAt(i) !== 0x0a) i++;
        break;
      }
      if (valueStart && (c === 0x26 || c === 0x21)) {
        // An anchor or a tag comes before the value it names.
        while (!blank(i) && !(level > 0 && (text.charCodeAt(i) === 0x2c || text.charCodeAt(i) === 0x5d || text.charCodeAt(i) === 0x7d))) i++;
        continue;
      }
      if (valueStart && (c === 0x5b || c === 0x7b)) {
        level++;
        if (level === depth + 1) first = i;
        if (level > bound) return first;
        i++;
        continue;
      }
      if (level > 0 && (c === 0x5d || c === 0x7d)) {
        level--;
        valueStart = false;
      } else if (level > 0 && c === 0x2c) valueStart = true;
      else if (c === 0x3a && (blank(i + 1) || (level > 0 && (prev === 0x22 || prev === 0x27)))) valueStart = true;
      else valueStart = false;
      i++;
    }
    i++;
    if (blockText) {
      // Block text runs on over the lines indented deeper than the line that started it, and blank lines.
      while (i < n) {
        let j = i;
        while (j < n && text.charCodeAt(j) === 0x20) j++;
        if (j < n && text.charCodeAt(j) !== 0x0a && j - i <= indent) break;
        const end = text.indexOf('\n', j);
        i = end < 0 ? n : end + 1;
      }
    }
  }
  return -1;
}

/**
 * The first error of each of the first lines with syntax errors. One slip
 * of indentation sets off errors on every line after it: the lines after
 * the first few are only counted in a note on the last one shown, and left
 * out of the summary, since they are most often not mistakes of their own.
 */
function firstSyntaxErrors(syntax: readonly Diagnostic[], upsetting: ReadonlySet<Diagnostic> = new Set()): Diagnostic[] {
  const firstOfLine = syntax.filter((d, i) => i === 0 || d.line !== syntax[i - 1]!.line);
  // A slip known to upset the lines after it ends what is shown: what follows it is most likely its doing.
  const upset = firstOfLine.findIndex((d) => upsetting.has(d));
  const count = upset >= 0 && upset < MAX_SYNTAX_SHOWN ? upset + 1 : MAX_SYNTAX_SHOWN;
  const shown = firstOfLine.slice(0, count);
  const hidden = firstOfLine.length - shown.length;
  if (hidden > 0 && upsetting.has(shown[shown.length - 1]!)) {
    const lines = hidden === 1 ? '1 more line after this has a syntax error, most likely only because of this one; it is' : `${hidden} more lines after this have syntax errors, most likely only because of this one; they are`;
    withNote(shown, `${lines} not shown or counted: fix this and check again.`);
  } else if (hidden > 0) {
    const lines = hidden === 1 ? '1 more line after this has a syntax error' : `${hidden} more lines after this have syntax errors`;
    withNote(shown, `${lines}, most likely caused by the first; they are not shown or counted: fix the first and check again.`);
  }
  return shown;
}

/** Adds a hint to the last diagnostic of a list. */
function withNote(shown: Diagnostic[], note: string): void {
  const last = shown[shown.length - 1]!;
  shown[shown.length - 1] = { ...last, hints: [...last.hints, note] };
}

/**
 * Syntax errors in a file indented with tabs. A tab throws off the
 * indentation of every line below it, so the library's errors after the
 * first tab read as slips of their own (a colon needing quotes, keys not
 * lined up) when only the tab is wrong. So each line indented with a tab is
 * reported, as that, and the other errors after the first of them are only
 * counted in a note that names the tab as their likely cause. Errors above
 * the first tab are the author's own, and are kept.
 */
function tabSlips(syntax: readonly Diagnostic[], tabs: ReadonlyMap<number, Position>, file: string): Diagnostic[] {
  const tabLines = [...tabs.keys()].sort((a, b) => a - b);
  const firstTab = tabLines[0]!;
  const before = firstSyntaxErrors(syntax.filter((d) => d.line < firstTab)).slice(0, MAX_SYNTAX_SHOWN - 1);
  const room = MAX_SYNTAX_SHOWN - before.length;
  const shown = [
    ...before,
    ...tabLines.slice(0, room).map((line) =>
      diag(file, tabs.get(line)!, 'BC103', 'syntax error: this line is indented with a tab', [TAB_HINT]),
    ),
  ];
  const moreTabs = tabLines.slice(room);
  const knockOn = new Set(syntax.filter((d) => d.line > firstTab && !tabs.has(d.line)).map((d) => d.line)).size;
  if (moreTabs.length > 0) {
    const listed = moreTabs.slice(0, 10).join(', ') + (moreTabs.length > 10 ? `, and ${moreTabs.length - 10} more` : '');
    withNote(shown, `${moreTabs.length === 1 ? 'Line' : 'Lines'} ${listed} ${moreTabs.length === 1 ? 'is' : 'are'} indented with a tab too.`);
  }
  if (knockOn > 0) {
    const lines = knockOn === 1 ? '1 other line below the tab has a syntax error, most likely only because of the tab; it is' : `${knockOn} other lines below the tab have syntax errors, most likely only because of the tab; they are`;
    withNote(shown, `${lines} not shown or counted: replace the tabs with spaces and check again.`);
  }
  return shown;
}

/**
 * A mapping key written twice: its text and the offset where it first
 * appears. `newItem` when the mapping is a list item and the repeat is of
 * its first key: most likely a new item whose "- " was left out, and then
 * the keys after it repeat too, only because of that (`echo`).
 */
interface RepeatedKey {
  key: string;
  first: number;
  newItem?: boolean;
  echo?: boolean;
  /** A `- ` further in than the items of its list, whose keys went into the item above: where it is, and that item's `- `. */
  stray?: { at: number; itemAt: number };
}

/** Every repeated mapping key, by the offset of the repeat (where the library reports it). */
function repeatedKeys(doc: Document.Parsed, text: string): Map<number, RepeatedKey> {
  const out = new Map<number, RepeatedKey>();
  visit(doc, {
    Map(_, map, path) {
      const seen = new Map<unknown, number>();
      const inList = isSeq(path[path.length - 1]);
      const head = map.items[0]?.key;
      const firstKey = isScalar(head) ? head.value : undefined;
      let newItem = false;
      let stray = false;
      for (const [i, pair] of map.items.entries()) {
        const k = pair.key;
        if (!isScalar(k) || !k.range) continue;
        const first = seen.get(k.value);
        if (first === undefined) seen.set(k.value, k.range[0]);
        else if (newItem || stray) out.set(k.range[0], { key: String(k.value), first, echo: true });
        else {
          newItem = inList && k.value === firstKey;
          const moved = inList && !newItem && typeof firstKey === 'string' && isScalar(head) && head.range ? strayItem(text, head.range[0], firstKey, k.range[0], map.items.slice(i).map((p) => (isScalar(p.key) ? String(p.key.value) : ''))) : undefined;
          stray = moved !== undefined;
          out.set(k.range[0], { key: String(k.value), first, newItem, stray: moved });
        }
      }
    },
  });
  return out;
}

/**
 * A list item's `- ` written further in than the items of its list, on
 * the line above a repeated key of the item before: YAML takes it for an
 * item of a list nested in that item, and the keys under it for more keys
 * of that item, which has them already. Only when the line just above the
 * repeat, or above the stray item's own deeper lines, is `- firstKey: …`
 * and one kind of object takes the stray item's keys with those after it.
 * Where the `- ` is, and where the item's own `- ` is; else undefined.
 */
function strayItem(text: string, headAt: number, firstKey: string, repeatAt: number, keysFromRepeat: readonly string[]): { at: number; itemAt: number } | undefined {
  const headLine = lineAround(text, headAt);
  const keyCol = headAt - headLine.start;
  const own = /^( *)- +$/.exec(text.slice(headLine.start, headAt));
  if (!own) return undefined;
  let line = lineAbove(text, lineAround(text, repeatAt).start);
  let deepest = Infinity;
  for (let n = 0; line && n < 200; line = lineAbove(text, line.start), n++) {
    const s = text.slice(line.start, Math.min(line.end, line.start + 400));
    const indent = s.search(/\S/);
    if (indent <= keyCol || indent > deepest) return undefined;
    if (s[indent] === '-') break;
    deepest = indent;
  }
  if (!line) return undefined;
  const item = itemKeys(text, line.start);
  if (!item || item.keys[0] !== firstKey || !oneKind([...item.keys, ...keysFromRepeat])) return undefined;
  return { at: line.start + item.col, itemAt: headLine.start + own[1]!.length };
}

/** Where each quoted text starts, by where it ends. */
function quotedTextByEnd(doc: Document.Parsed): Map<number, number> {
  const out = new Map<number, number>();
  visit(doc, {
    Scalar(_, node) {
      if (node.range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) out.set(node.range[1], node.range[0]);
    },
  });
  return out;
}

/**
 * A syntax error told in the author's terms, where the library's own words
 * would mislead: a key written without its colon, which the library sees as
 * a key running over two lines, and an unclosed quote, which it reports
 * where the text runs out rather than where the quote opens. Undefined for
 * every other error.
 */
function plainSyntaxError(
  text: string,
  quotedEndingAt: (offset: number) => number | undefined,
  code: string,
  message: string,
  offset: number,
  nearTop = true,
): { at: number; message: string; hints: string[]; upsets?: boolean } | undefined {
  if (nearTop && code === 'BAD_INDENT' && /sequence items/i.test(message)) {
    const deep = dashTooDeep(text, offset);
    if (deep) return deep;
  }
  const indent = code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'BAD_INDENT' || code === 'MULTILINE_IMPLICIT_KEY' ? indentSlip(text, offset) : undefined;
  if (indent) {
    // A key further in than the keys of a list item may belong beside the key of the list instead: it is told so when only that mapping takes it.
    const home = nearTop ? keyInList(text, indent.at) : undefined;
    return home?.beside && home.sure ? home : indent;
  }
  const inList = nearTop && (code === 'BAD_INDENT' || (code === 'MISSING_CHAR' && /sequence item without/i.test(message))) ? keyInList(text, offset) : undefined;
  if (inList) return inList;
  // `-{ id: …` or `-id: …`: a dash with no space after it does not start a list item, and upsets the lines around it.
  // The library may report it at the blank line before.
  const errorLine = lineAround(text, offset);
  const slipLine = !nearTop ? undefined : /\S/.test(text.slice(errorLine.start, errorLine.end)) ? errorLine : lineBelow(text, errorLine.start);
  const dashed = slipLine ? /^( *)-([^\s\d.-])/.exec(text.slice(slipLine.start, Math.min(slipLine.end, slipLine.start + 400))) : null;
  if (slipLine && dashed && code !== 'TAB_AS_INDENT') {
    const at = slipLine.start + dashed[1]!.length;
    const rest = text.slice(at + 1, Math.min(slipLine.end, at + 400)).trimEnd();
    return {
      at,
      upsets: true,
      message: "syntax error: a '-' with no space after it, which does not start a list item",
      hints: [`Write a space after the dash: \`- ${rest.length > 40 ? `${rest.slice(0, 40).trimEnd()}…` : rest}\`.`],
    };
  }
  // A line in braces where a key was looked for can be nothing but an item without its dash.
  const braces = (code === 'BAD_INDENT' || (code === 'MISSING_CHAR' && /map values/i.test(message))) && /^\s*\{/.test(text.slice(errorLine.start, errorLine.start + 400));
  if (nearTop && ((code === 'MISSING_CHAR' && /sequence item without/i.test(message)) || braces)) {
    const missing = dashMissing(text, offset);
    if (missing) return missing;
  }
  const special = specialStart(text, offset, code);
  if (special) return special;
  if (code === 'UNEXPECTED_TOKEN') {
    // Text that opens with a quote ends at the matching quote; words after it are a slip of their own.
    const end = text.slice(0, offset).trimEnd().length;
    const open = quotedEndingAt(end);
    if (open !== undefined && lineAround(text, open).start === lineAround(text, offset).start)
      return {
        at: open,
        message: 'syntax error: the text in quotes that starts here ends before the rest of the line',
        hints: [
          text[open] === "'"
            ? `A value that starts with a quote must end with it. Put the whole text in "double quotes"; single quotes inside it are then fine.`
            : `A value that starts with a quote must end with it. Put the whole text in "double quotes", and write \\" for each quote inside it.`,
        ],
      };
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /block sequence/i.test(message)) {
    // The library may report the item at the blank line before it.
    const line = lineBelow(text, lineAround(text, offset).start) ?? lineAround(text, offset);
    const deep = nearTop ? dashTooDeep(text, line.start) : undefined;
    if (deep) return deep;
    const dash = text.slice(line.start, line.end).search(/\S/);
    // An item of the list whose items have the same keys shows the column to use; else the item above, when it is one.
    const above = lineAbove(text, line.start);
    const aboveDash = above ? /^( *)- /.exec(text.slice(above.start, Math.min(above.end, above.start + 400))) : null;
    const sibling = nearTop ? itemLike(text, line.start) : undefined;
    const where =
      sibling ? ` Start this one at column ${sibling.col + 1}, under the \`- \` on line ${lineNumber(text, sibling.start)}.`
      : above && aboveDash ? ` Start this one at column ${aboveDash[1]!.length + 1}, under the \`- \` on line ${lineNumber(text, above.start)}.`
      : '';
    return {
      at: dash >= 0 ? line.start + dash : offset,
      upsets: true,
      message: 'syntax error: this list item is indented less than the items before it',
      hints: [`Line up every \`- \` of one list at the same column.${where}`],
    };
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /nested mappings/i.test(message)) {
    const colon = colonInText(text, offset);
    if (colon) return colon;
  }
  if (code === 'BLOCK_IN_FLOW') {
    const curly = curlyQuotedText(text, offset, true);
    if (curly)
      return {
        at: offset,
        message: `syntax error: a colon and a space inside text in curly quotes (${curly.quotes}), which are not quotes to YAML`,
        hints: [`Write it in straight double quotes: ${curly.key ? `${curly.key}: ` : ''}${JSON.stringify(curly.inner)}. Quotes typed by a word processor (“ ” ‘ ’) are letters to YAML, so inside { } or [ ] the colon followed by a space starts a new key.`],
      };
  }
  if (code === 'BLOCK_IN_FLOW')
    return {
      at: offset,
      message: 'syntax error: a colon and a space inside text written in { } or [ ]',
      hints: ['Put this text in "double quotes": inside { } or [ ], a colon followed by a space starts a new key.'],
    };
  if (code === 'BAD_INDENT' && /flow (map|sequence) in block collection/i.test(message)) {
    const open = unclosedBracket(text, offset);
    if (open) return open;
  }
  if (code === 'MULTILINE_IMPLICIT_KEY' || (code === 'MISSING_CHAR' && /map values/i.test(message))) {
    const noSpace = keyWithoutSpace(text, offset);
    if (noSpace) return noSpace;
    const below = valueBelowKey(text, offset);
    if (below) return below;
    const slip = keyWithoutColon(text, offset);
    if (!slip) return undefined;
    const example = `${slip.word}: ${slip.rest.length > 40 ? `${slip.rest.slice(0, 40).trimEnd()}…` : slip.rest}`;
    if (KNOWN_KEYS.has(slip.word))
      return { at: offset, message: `missing ':' after the key '${slip.word}'`, hints: [`Write \`${example}\`: a key is followed by a colon and a space, then its value.`] };
    return {
      at: offset,
      message: `a line with no ':' where a key was expected`,
      hints: [
        `If '${slip.word}' is a key, write \`${example}\`.`,
        'If the line goes on with the text of the line above, indent it further than the key above, or put the whole text in "double quotes".',
      ],
    };
  }
  const quote = code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(message)?.[1] : undefined;
  if (quote) {
    // The unclosed text runs up to the place of the error.
    const open = quotedEndingAt(offset);
    if (open === undefined || text[open] !== quote) return undefined;
    const name = quote === '"' ? 'double quote (")' : "single quote (')";
    return {
      at: open,
      upsets: true,
      message: `syntax error: the ${name} that starts this text is not closed`,
      hints: [`Close it with another ${quote} where the text ends; to put ${quote} inside the text, ${quote === '"' ? 'write \\"' : "write it twice ('')"}.`],
    };
  }
  return undefined;
}

/**
 * The first word and the rest of the line at `offset`, when that line reads
 * as a key written without its colon (`language en`, `- id warn`): the
 * offset starts the line's content, after any `- `, with a word, a space and
 * more text, and nowhere on the line a colon that could end a key.
 */
function keyWithoutColon(text: string, offset: number): { word: string; rest: string } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  if (!/^ *(?:- +)*$/.test(text.slice(lineStart, offset))) return undefined;
  // A hint needs the start of the line only; a bounded slice keeps the patterns below linear on a hostile file.
  const line = text.slice(offset, Math.min(lineEnd, offset + 400));
  const m = /^([A-Za-z_][\w-]*)[ \t]+([^\s#].*)$/.exec(line);
  if (!m || /:(?:\s|$)/.test(line)) return undefined;
  return { word: m[1]!, rest: m[2]!.replace(/\s+#.*$/, '').trimEnd() };
}

/** The line around `offset`: where it starts and ends. */
function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, end: end < 0 ? text.length : end };
}

/**
 * A line among the items of a list that does not start with `- `, as an
 * item written without its dash reads: told at the line, with the column of
 * the `- ` of the item above. Undefined when the line above is no item.
 */
function dashMissing(text: string, offset: number): { at: number; message: string; hints: string[]; upsets: boolean } | undefined {
  const line = lineAround(text, offset);
  const first = text.slice(line.start, Math.min(line.end, line.start + 400)).search(/\S/);
  const above = lineAbove(text, line.start);
  const dash = above ? /^( *)- /.exec(text.slice(above.start, Math.min(above.end, above.start + 400))) : null;
  if (first < 0 || !above || !dash) return undefined;
  return {
    at: line.start + first,
    upsets: true,
    message: "syntax error: this line is among the items of a list, but does not start with '- '",
    hints: [`If it is a new item, start it with \`- \` at column ${dash[1]!.length + 1}, under the \`- \` on line ${lineNumber(text, above.start)}.`],
  };
}

/** The line before the one starting at `start` that holds more than spaces and a comment, or undefined. */
function lineAbove(text: string, start: number): { start: number; end: number } | undefined {
  let end = start - 1;
  while (end > 0) {
    const from = text.lastIndexOf('\n', end - 1) + 1;
    if (/^\s*[^\s#]/.test(text.slice(from, Math.min(end, from + 400)))) return { start: from, end };
    end = from - 1;
  }
  return undefined;
}

/** A line read as `  - key: value`: the column of its key (0-based), the key, and what follows its colon. */
const KEY_LINE = /^( *)((?:- +)*)([A-Za-z_][\w-]*):(?: +(.*))?$/;

/**
 * A key indented further than the key on the line above it, whose value
 * stands on that same line, so that nothing can nest under it: YAML reads
 * the deeper line as more of that value, and fails on its colon. Told at
 * the key, with the column to start it at. The lines after it are then
 * read wrongly too.
 */
function indentSlip(text: string, offset: number): { at: number; message: string; hints: string[]; upsets: boolean } | undefined {
  // The library reports this at the value above (which it reads as running on) or at the deeper key.
  const here = lineAround(text, offset);
  const next = here.end < text.length ? lineBelow(text, here.end + 1) : undefined;
  return (next && deeperKey(text, here, next)) ?? (lineAbove(text, here.start) ? deeperKey(text, lineAbove(text, here.start)!, here) : undefined);
}

/**
 * The keys of the list item written as `- key: …` on the line at `start`,
 * with the keys under it, lined up on the first line deeper than its `- `
 * (the `- ` alone may be the slip, its keys where they belong). Undefined
 * when the line is not such an item.
 */
function itemKeys(text: string, start: number): { col: number; keys: string[] } | undefined {
  const line = lineAround(text, start);
  const m = KEY_LINE.exec(text.slice(line.start, Math.min(line.end, line.start + 400)));
  if (!m || m[2] === '') return undefined;
  const col = m[1]!.length;
  const keys = [m[3]!];
  let keyCol = -1;
  for (let next = line.end < text.length ? lineBelow(text, line.end + 1) : undefined, n = 0; next && n < 200; next = next.end < text.length ? lineBelow(text, next.end + 1) : undefined, n++) {
    const s = text.slice(next.start, Math.min(next.end, next.start + 400));
    const indent = s.search(/\S/);
    if (indent <= col) break;
    if (keyCol < 0) keyCol = indent;
    if (indent < keyCol) break;
    const k = KEY_LINE.exec(s);
    if (indent === keyCol && k && k[2] === '') keys.push(k[3]!);
  }
  return { col, keys };
}

/**
 * For a list item indented less than the items before it, the nearest item
 * above of the same kind: its first key the same, and some other key shared
 * when it has more. The item above may belong to a list nested in the last
 * item (the previous beat's `choices:`), so the list meant is found by the
 * keys, going up until a key less indented than the item holds the list.
 */
function itemLike(text: string, start: number): { start: number; col: number } | undefined {
  const mine = itemKeys(text, start);
  if (!mine) return undefined;
  const others = new Set(mine.keys.slice(1));
  for (let line = lineAbove(text, start), n = 0; line && n < LIST_WALK; line = lineAbove(text, line.start), n++) {
    const s = text.slice(line.start, Math.min(line.end, line.start + 400));
    const indent = s.search(/\S/);
    const dashed = s[indent] === '-';
    if (indent < mine.col && !dashed) break;
    if (!dashed) continue;
    const theirs = itemKeys(text, line.start);
    if (!theirs || theirs.keys[0] !== mine.keys[0]) continue;
    if (others.size === 0 || theirs.keys.slice(1).some((k) => others.has(k))) return { start: line.start, col: theirs.col };
  }
  return undefined;
}

/**
 * A list item whose `- ` is further in than the items of its own list: the
 * dash was pushed right (often alone, its keys left where they were), and
 * YAML can read it neither as one more item nor as a list nested in the
 * item above. The list's other items are found on the spine of lines going
 * up (the nearest item less indented, before any key that holds a list), or
 * else going down, below a key that holds this list. Told at the dash, with
 * the column of the other items; undefined when no such item is found.
 */
function dashTooDeep(text: string, start: number): { at: number; message: string; hints: string[]; upsets: boolean } | undefined {
  const line = lineAround(text, start);
  const own = /^( *)-(?: |$)/.exec(text.slice(line.start, Math.min(line.end, line.start + 400)));
  if (!own) return undefined;
  const col = own[1]!.length;
  const read = (l: { start: number; end: number }) => {
    const s = text.slice(l.start, Math.min(l.end, l.start + 400));
    const indent = s.search(/\S/);
    return { indent, dashed: /^-(?: |$)/.test(s.slice(indent)), holder: /^[A-Za-z_][\w-]*:\s*(?:#.*)?$/.test(s.slice(indent)) };
  };
  let sibling: { start: number; col: number } | undefined;
  let holderCol = -1;
  let least = col;
  for (let up = lineAbove(text, line.start), n = 0; up && n < LIST_WALK; up = lineAbove(text, up.start), n++) {
    const l = read(up);
    if (l.indent >= least) continue;
    least = l.indent;
    if (l.dashed) {
      // An item whose only key holds a list (`- lines:`) may hold this one, nested: no slip to tell.
      if (!/^- +[A-Za-z_][\w-]*:\s*(?:#.*)?$/.test(text.slice(up.start + l.indent, Math.min(up.end, up.start + 400)))) sibling = { start: up.start, col: l.indent };
      break;
    }
    if (l.holder) {
      holderCol = l.indent;
      break;
    }
  }
  if (!sibling && holderCol >= 0) {
    // The first item of its list: the items after it show the column meant.
    for (let down = line.end < text.length ? lineBelow(text, line.end + 1) : undefined, n = 0; down && n < LIST_WALK; down = down.end < text.length ? lineBelow(text, down.end + 1) : undefined, n++) {
      const l = read(down);
      if (l.indent > col || (l.indent === col && !l.dashed)) continue;
      if (l.dashed && l.indent < col && l.indent > holderCol) sibling = { start: down.start, col: l.indent };
      break;
    }
  }
  if (!sibling) return undefined;
  const next = line.end < text.length ? lineBelow(text, line.end + 1) : undefined;
  // The whole item moved, not the dash alone: its lines must move back with it.
  const body = next !== undefined && read(next).indent > col && !/^( *)- *[{[]/.test(text.slice(line.start, line.end));
  const shift = col - sibling.col;
  return {
    at: line.start + col,
    upsets: true,
    message: "syntax error: this list item's `- ` is further in than the other items of its list",
    hints: [
      `Line up every \`- \` of one list at the same column: start this one at column ${sibling.col + 1}, under the \`- \` on line ${lineNumber(text, sibling.start)}${body ? `, and move the item's lines below it ${shift} column${shift === 1 ? '' : 's'} left with it` : ''}.`,
    ],
  };
}

/** The number of the line that starts at `start`. */
const lineNumber = (text: string, start: number): number => text.slice(0, start).split('\n').length;

/** Whether some kind of object takes all of `keys`: whether they can stand in one mapping. */
const oneKind = (keys: readonly string[]): boolean => Object.values(KEYS_BY_KIND).some((kind) => keys.every((k) => kind.includes(k)));

/**
 * How many lines above a key the search for the list it was indented into
 * goes: past the longest list of beats a scenario holds. The search is made
 * for the first few errors only (see parseScenarioText).
 */
const LIST_WALK = 50_000;

/**
 * A key indented into the list above it: most often it belongs beside the
 * key that holds the list (`choices:` lined up with the `- ` of the
 * `lines:` items before it), sometimes among the keys of the list's last
 * item (`choices:` under the `- ` of the beat whose `lines:` it follows).
 * YAML can place it in neither, and the library says so in its own terms
 * ("All mapping items must start at the same column"). Told at the key,
 * with the column it belongs at: in the item when only the item's kind of
 * object takes it, else beside the key of the list. `sure` when the kinds
 * of object told the two apart; `beside` when the answer is the list's key.
 */
function keyInList(text: string, start: number): { at: number; message: string; hints: string[]; upsets: boolean; beside: boolean; sure: boolean } | undefined {
  // The library may report the slip at the blank line or comment before the key.
  const here = lineBelow(text, lineAround(text, start).start);
  if (!here) return undefined;
  const m = KEY_LINE.exec(text.slice(here.start, Math.min(here.end, here.start + 400)));
  if (!m || m[2] !== '') return undefined;
  const col = m[1]!.length;
  const key = m[3]!;
  // Up from the key to the nearest key left of every line between (or level with a list's `- `, as YAML
  // allows), with its value on the lines below.
  const passed: { start: number; indent: number; text: string }[] = [];
  let owner: { start: number; col: number; key: string; dashed: boolean } | undefined;
  let least = col;
  let leastDashes = false;
  for (let line = lineAbove(text, here.start); line && !owner && passed.length < LIST_WALK; line = lineAbove(text, line.start)) {
    const s = text.slice(line.start, Math.min(line.end, line.start + 400));
    const indent = s.search(/\S/);
    const k = KEY_LINE.exec(s);
    const keyCol = k ? k[1]!.length + k[2]!.length : -1;
    if (k && (k[4] === undefined || k[4].startsWith('#')) && (keyCol < least || (keyCol === least && leastDashes && keyCol < col))) owner = { start: line.start, col: keyCol, key: k[3]!, dashed: k[2] !== '' };
    else {
      passed.push({ start: line.start, indent, text: s });
      if (indent < least) [least, leastDashes] = [indent, s[indent] === '-'];
      else if (indent === least) leastDashes &&= s[indent] === '-';
    }
  }
  if (!owner || passed.length === 0 || col <= owner.col) return undefined;
  // Its value must be a list, and every line between a `- ` of it or deeper than that.
  const dash = passed[passed.length - 1]!.indent;
  if (dash < owner.col || passed.some((l) => l.indent < dash || (l.indent === dash && l.text[dash] !== '-'))) return undefined;
  const ownerKeys = [owner.key];
  for (let line = owner.dashed ? undefined : lineAbove(text, owner.start), n = 0; line && n < LIST_WALK; line = lineAbove(text, line.start), n++) {
    const s = text.slice(line.start, Math.min(line.end, line.start + 400));
    const k = KEY_LINE.exec(s);
    const at = k ? k[1]!.length + k[2]!.length : s.search(/\S/);
    if (at < owner.col) break;
    if (k && at === owner.col) {
      ownerKeys.push(k[3]!);
      if (k[2] !== '') break;
    }
  }
  // The list's last item, when it is a mapping written as keys under its `- `.
  const itemAt = passed.findIndex((l) => l.indent === dash);
  const item = KEY_LINE.exec(passed[itemAt]!.text);
  const itemCol = item && item[2] !== '' ? item[1]!.length + item[2]!.length : -1;
  const itemLines = itemCol < 0 ? [] : [...passed.slice(0, itemAt).filter((l) => l.indent === itemCol && KEY_LINE.test(l.text)), passed[itemAt]!];
  const itemKeys = itemLines.map((l) => KEY_LINE.exec(l.text)![3]!);
  // A mapping that already holds the key cannot take it again: a role's `summary:` does not belong beside
  // `roles:` when the scenario has its own `summary:` above.
  const itemTakes = itemKeys.length > 0 && !itemKeys.includes(key) && oneKind([...itemKeys, key]);
  const ownerTakes = !ownerKeys.includes(key) && oneKind([...ownerKeys, key]);
  const sure = itemTakes !== ownerTakes;
  if (itemTakes && !ownerTakes) {
    // Further in than the item's keys, the key is too deep, not in a list: told as such elsewhere.
    if (col > itemCol) return undefined;
    // Lined up with a `- ` that is itself further in than the other items of its list, the key is where it belongs.
    const deep = col === dash ? dashTooDeep(text, passed[itemAt]!.start) : undefined;
    if (deep) return { ...deep, beside: false, sure: true };
    const under = itemLines[0]!;
    const itemLine = lineNumber(text, passed[itemAt]!.start);
    return {
      at: here.start + col,
      upsets: true,
      beside: false,
      sure,
      message: col === dash ? `syntax error: '${key}' is lined up with the \`- \` of the list item on line ${itemLine}, not with its keys` : `syntax error: '${key}' is indented less than the keys of the list item on line ${itemLine}`,
      hints: [`Keys of one mapping start at the same column: start '${key}' at column ${itemCol + 1}, under '${KEY_LINE.exec(under.text)![3]!}' on line ${lineNumber(text, under.start)}.`],
    };
  }
  return {
    at: here.start + col,
    upsets: true,
    beside: true,
    sure,
    message: col === dash ? `syntax error: '${key}' is lined up with the items of '${owner.key}' above it, not with '${owner.key}'` : `syntax error: '${key}' is indented further than '${owner.key}' above it, inside its list`,
    hints: [`Keys of one mapping start at the same column: start '${key}' at column ${owner.col + 1}, under '${owner.key}' on line ${lineNumber(text, owner.start)}.`],
  };
}

/** The first line from `start` on that holds more than spaces and a comment, or undefined. */
function lineBelow(text: string, start: number): { start: number; end: number } | undefined {
  for (let from = start; from < text.length; ) {
    const line = lineAround(text, from);
    if (/^\s*[^\s#]/.test(text.slice(line.start, Math.min(line.end, line.start + 400)))) return line;
    from = line.end + 1;
  }
  return undefined;
}

/** When `line` is a key indented further than the key of `above`, whose value stands on its own line: the slip, told at the key. */
function deeperKey(text: string, above: { start: number; end: number }, line: { start: number; end: number }): { at: number; message: string; hints: string[]; upsets: boolean } | undefined {
  const m = KEY_LINE.exec(text.slice(line.start, Math.min(line.end, line.start + 400)));
  if (!m || m[2] !== '') return undefined;
  const p = KEY_LINE.exec(text.slice(above.start, Math.min(above.end, above.start + 400)));
  if (!p || !p[4] || /^[|>]/.test(p[4]) || (p[4].startsWith('"') && !/"\s*(#.*)?$/.test(p[4]))) return undefined;
  const col = m[1]!.length;
  const aboveCol = p[1]!.length + p[2]!.length;
  if (col <= aboveCol) return undefined;
  if (p[2] !== '') {
    // The item above may be the slip: a "- " indented less than the items of its list before it. Going up, the
    // lines less indented than all below them lead out of nested values to the item's siblings, then its parent.
    let outer: RegExpExecArray | undefined;
    let least = Infinity;
    for (let line = lineAbove(text, above.start); line; line = lineAbove(text, line.start)) {
      const lead = /^( *)(- )?/.exec(text.slice(line.start, Math.min(line.end, line.start + 400)))!;
      const col = lead[1]!.length;
      if (col <= p[1]!.length) break;
      if (col < least) [least, outer] = [col, lead];
    }
    if (outer?.[2])
      return {
        at: above.start + p[1]!.length,
        upsets: true,
        message: 'syntax error: this list item is indented less than the items before it',
        hints: [`Line up every \`- \` of one list at the same column: start this one at column ${least + 1}.`],
      };
  }
  return {
    at: line.start + col,
    upsets: true,
    message: `syntax error: '${m[3]!}' is indented further than '${p[3]!}' on the line above`,
    hints: [`Keys of one mapping start at the same column: start '${m[3]!}' at column ${aboveCol + 1}, under '${p[3]!}'.`],
  };
}

/**
 * Text after a key that itself holds a colon and a space (`title: Clerk:
 * a call`), which YAML reads as a second key on the line. Told at the text,
 * with the line written as it should be.
 */
function colonInText(text: string, offset: number): { at: number; message: string; hints: string[] } | undefined {
  const line = lineAround(text, offset);
  const m = KEY_LINE.exec(text.slice(line.start, Math.min(line.end, line.start + 400)));
  if (!m || !m[4] || !/: /.test(m[4]) || /^["'[{]/.test(m[4])) return undefined;
  const value = m[4].replace(/\s+#.*$/, '');
  const at = line.start + m[1]!.length + m[2]!.length + m[3]!.length + 1 + (m[0].length - m[1]!.length - m[2]!.length - m[3]!.length - 1 - m[4].length);
  const curly = curlyQuotedText(text, at, false);
  if (curly) {
    const inner = curly.inner.length > 50 ? `${curly.inner.slice(0, 50).trimEnd()}…` : curly.inner;
    return {
      at,
      message: `syntax error: a colon and a space inside text in curly quotes (${curly.quotes}), which are not quotes to YAML`,
      hints: [`Replace the curly quotes with straight double quotes: ${m[3]!}: ${JSON.stringify(inner)}. Quotes typed by a word processor (“ ” ‘ ’) are letters to YAML, so the colon followed by a space starts a new key.`],
    };
  }
  const shown = value.length > 50 ? `${value.slice(0, 50).trimEnd()}…` : value;
  return {
    at,
    message: 'syntax error: a colon and a space inside text that is not in quotes',
    hints: [`Put the text in "double quotes": ${m[3]!}: ${JSON.stringify(shown)}. Unquoted, a colon followed by a space starts a new key.`],
  };
}

/** Quotes a word processor types, each with the quotes that may close it. */
const CURLY_CLOSERS: Record<string, string> = { '“': '”“', '„': '“”', '‘': '’‘', '‚': '‘’', '«': '»', '»': '«', '”': '”' };

/**
 * Text that starts at `offset` with a curly quote and ends with one that
 * closes it, where the value ends (the line's end or a comment, or inside
 * { } or [ ] also a comma or closing bracket): the text between them, the
 * two quotes, and the key before it on the line. Undefined otherwise.
 */
function curlyQuotedText(text: string, offset: number, inFlow: boolean): { inner: string; quotes: string; key: string | undefined } | undefined {
  const open = text[offset] ?? '';
  const closers = CURLY_CLOSERS[open];
  if (!closers) return undefined;
  const line = lineAround(text, offset);
  const rest = text.slice(offset + 1, Math.min(line.end, offset + 1000));
  const after = inFlow ? /^\s*(?:[,}\]]|#|$)/ : /^\s*(?:#|$)/;
  for (let i = 0; i < rest.length; i++) {
    if (!closers.includes(rest[i]!) || !after.test(rest.slice(i + 1))) continue;
    const key = /([A-Za-z_][\w-]*): +$/.exec(text.slice(line.start, offset))?.[1];
    return { inner: rest.slice(0, i), quotes: `${open} ${rest[i]!}`, key };
  }
  return undefined;
}

/** Beyond this many lines indented with tabs, a file is answered without the library (see parseScenarioText). */
const MAX_TAB_LINES = 500;
const TAB_HINT = 'Indent with spaces, not tabs: YAML counts only spaces. Most editors can turn every tab into spaces at once (look for "Convert indentation to spaces").';

/**
 * A plain value that starts with a character YAML keeps for itself (`*`
 * names an anchor, `@` and a backquote are reserved, `%` starts a
 * directive), which the library words in its own terms. Told at that
 * character, with the quoting that makes it text.
 */
function specialStart(text: string, offset: number, code: string): { at: number; message: string; hints: string[] } | undefined {
  // BAD_ALIAS: `& Sons` or `* Sons`, an anchor or alias with no name, which the library words as such.
  if (code !== 'BAD_SCALAR_START' && code !== 'UNEXPECTED_TOKEN' && code !== 'BAD_ALIAS') return undefined;
  const line = lineAround(text, offset);
  // Up to and with the character at the error: the library reports @, ` and % at that very character.
  const before = text.slice(line.start, Math.min(offset + 1, line.end));
  // The value the error sits in or just after: the last one started on this line up to the error.
  const starts = [...before.matchAll(/(?:^|: |- |[{[,] *)([*@`%&])/g)];
  const last = starts[starts.length - 1];
  if (!last) return undefined;
  const at = line.start + last.index + last[0].length - 1;
  const c = last[1]!;
  if (c === '&') {
    const head = text.slice(line.start, at);
    const key = /([A-Za-z_][\w-]*): +$/.exec(head)?.[1];
    // Inside { } or [ ] the value ends at a comma or a closing bracket.
    const inFlow = head.split(/[{[]/).length > head.split(/[}\]]/).length;
    let written = text.slice(at, Math.min(line.end, at + 400)).replace(/\s+#.*$/, '');
    if (inFlow) written = written.replace(/\s*[,}\]].*$/, '');
    return { at, message: 'syntax error: text that starts with & must be in quotes', hints: [ampersandHint(key, written.trimEnd())] };
  }
  return {
    at,
    message: `syntax error: text that starts with ${c} must be in quotes`,
    hints: [`Put the whole text in "double quotes": in YAML, ${c === '*' ? '* at the start of a value refers to a saved value (an alias)' : c === '%' ? '% at the start of a value is a directive' : `${c} cannot start a value`}.`],
  };
}

/** How to write text that starts with &, shown quoted under its key. */
function ampersandHint(key: string | undefined, written: string): string {
  const shown = written.length > 50 ? `${written.slice(0, 50).trimEnd()}…` : written;
  return `Put the whole text in "double quotes": ${key ? `${key}: ` : ''}${JSON.stringify(shown)}. In YAML, & at the start of a value starts a name for the value (an anchor), not text.`;
}

/**
 * Text written on the line under its key, at the key's own column
 * (`title:` then `The call` below it): YAML reads it as a new key with no
 * colon. Told at the text, with the line as it should be; undefined when
 * the line reads as a key of its own that lost its colon (`label Now`).
 */
function valueBelowKey(text: string, offset: number): { at: number; message: string; hints: string[] } | undefined {
  const line = lineAround(text, offset);
  const s = text.slice(line.start, Math.min(line.end, line.start + 400));
  const indent = s.search(/\S/);
  if (indent < 0 || /^[-#"'{[]/.test(s.slice(indent)) || /:(?:\s|$)/.test(s)) return undefined;
  const above = lineAbove(text, line.start);
  const k = above ? KEY_LINE.exec(text.slice(above.start, Math.min(above.end, above.start + 400))) : null;
  if (!k || (k[4] !== undefined && !k[4].startsWith('#')) || k[1]!.length + k[2]!.length !== indent) return undefined;
  if (KNOWN_KEYS.has(/^[A-Za-z_][\w-]*/.exec(s.slice(indent))?.[0] ?? '')) return undefined;
  const value = s.slice(indent).replace(/\s+#.*$/, '').trimEnd();
  const shown = value.length > 40 ? `${value.slice(0, 40).trimEnd()}…` : value;
  return {
    at: line.start + indent,
    message: `the text of '${k[3]!}' is on the line below it, at the same column as the key`,
    hints: [`Write it on the key's line, after the colon and a space: \`${k[3]!}: ${shown}\`. Or indent it further than '${k[3]!}'.`],
  };
}

/** `id:vote`: a key whose colon has no space after it, so YAML reads the whole as text. */
function keyWithoutSpace(text: string, offset: number): { at: number; message: string; hints: string[] } | undefined {
  const line = lineAround(text, offset);
  const m = /^( *(?:- +)*)([A-Za-z_][\w-]*):([^\s:].*)$/.exec(text.slice(line.start, Math.min(line.end, line.start + 400)));
  if (!m || !KNOWN_KEYS.has(m[2]!) || /: /.test(m[3]!)) return undefined;
  const rest = m[3]!.replace(/\s+#.*$/, '').trimEnd();
  return {
    at: line.start + m[1]!.length,
    message: `missing space after the colon of '${m[2]!}'`,
    hints: [`Write \`${m[2]!}: ${rest.length > 40 ? `${rest.slice(0, 40)}…` : rest}\`: a key is followed by a colon and a space, then its value.`],
  };
}

/**
 * A `{` or `[` opened on the line above the error and never closed there:
 * most often a `#` in the text, which starts a comment and hides the
 * closing bracket, else a bracket left out. Told at the `#` or the bracket.
 */
function unclosedBracket(text: string, offset: number): { at: number; message: string; hints: string[]; upsets: boolean } | undefined {
  const here = lineAround(text, offset);
  for (const line of [here, lineAbove(text, here.start)]) {
    if (!line) continue;
    const content = text.slice(line.start, Math.min(line.end, line.start + 4000));
    let depth = 0;
    let firstOpen = -1;
    let quote = '';
    for (let i = 0; i < content.length; i++) {
      const c = content[i]!;
      if (quote) {
        if (c === quote) quote = '';
        continue;
      }
      if ((c === '"' || c === "'") && /[\s{[,:]/.test(content[i - 1] ?? ' ')) quote = c;
      else if (c === '{' || c === '[') {
        if (depth++ === 0 && firstOpen < 0) firstOpen = i;
      } else if (c === '}' || c === ']') depth--;
      else if (c === '#' && depth > 0 && /\s/.test(content[i - 1] ?? ' '))
        return {
          at: line.start + i,
          upsets: true,
          message: "syntax error: '#' starts a comment here, which hides the rest of the line and its closing bracket",
          hints: ['Put the text in "double quotes": after a space, # starts a comment in YAML.'],
        };
    }
    // An unclosed quote is told where it opens, by its own error.
    if (depth > 0 && firstOpen >= 0 && !quote)
      return {
        at: line.start + firstOpen,
        upsets: true,
        message: `syntax error: the ${content[firstOpen]} that starts here is not closed on its line`,
        hints: [`Close it with ${content[firstOpen] === '{' ? '}' : ']'} at the end of the line.`],
      };
  }
  return undefined;
}

/** What to do about one of the `yaml` library's errors, by its code and, where one code has several causes, its message. */
function syntaxHint(code: string, message: string): string[] {
  switch (code) {
    case 'TAB_AS_INDENT':
      return ['Indent with spaces, not tabs.'];
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
      return ['Check the indentation: items of one list or mapping line up under each other.'];
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/block sequence/i.test(message)) return ['A list item here is indented less than the items before it: line up every `- ` of one list.'];
      return [
        'Text with a colon followed by a space needs "double quotes".',
        'Or the next line is indented further than the keys beside it, so it reads as more of this value: line the keys up.',
      ];
    case 'UNEXPECTED_TOKEN':
      return ['Text with a colon followed by a space, or starting with a quote, needs quoting: put it in "double quotes".'];
    case 'BLOCK_IN_FLOW':
      return ['Inside { } or [ ], text with a colon followed by a space needs "double quotes", and lists or mappings must be written on the same line.'];
    case 'MISSING_CHAR':
      if (/map values/i.test(message)) return ['A key needs a colon and its value after it (`key: value`); if this line is not a key, check its indentation.'];
      if (/sequence item without/i.test(message)) return ['Each item of a list starts with `- `, lined up with the `- ` of the items above it.'];
      return ['A quote or bracket is not closed.'];
    case 'BAD_DQ_ESCAPE':
      return ['Inside "double quotes" write \\" for a quote and \\\\ for a backslash.'];
    default:
      return ['Check the line for unbalanced quotes, brackets, or a stray character.'];
  }
}
