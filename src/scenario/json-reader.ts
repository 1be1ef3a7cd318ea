/**
 * A strict JSON reader that records where each value and key starts, for
 * scenario files written as JSON. It is much faster than reading JSON as
 * YAML, refuses duplicate keys and reserved keys, and bounds nesting.
 */

import { replayPositions, type PositionLog, type Positions } from './positions.js';

/**
 * What reading gives: the data and its offsets by joined path, or the first
 * problem. Offsets are worked out on the first call (see positions.ts).
 */
export type JsonRead =
  | { ok: true; data: unknown; positions: () => Positions }
  | { ok: false; offset: number; kind: 'syntax' | 'duplicate' | 'forbidden' | 'depth' | 'size'; message: string; hint?: string };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Quotes a word processor types in place of straight ones: JSON has no use for them outside text. */
const CURLY_QUOTES = '\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B';
const CURLY_HINT = 'Write straight double quotes ("): quotes typed by a word processor (“ ” ‘ ’) are not quotes to JSON.';

class Stop {
  constructor(
    readonly offset: number,
    readonly kind: 'syntax' | 'duplicate' | 'forbidden' | 'depth' | 'size',
    readonly message: string,
    /** What to do, when the problem says more than the usual missing comma, quote or bracket. */
    readonly hint?: string,
  ) {}
}

/** Reads JSON text; paths are joined with U+0001 as in parse.ts. */
export function readJson(text: string, maxDepth: number, maxNodes: number): JsonRead {
  let i = 0;
  let nodes = 0;
  const recorded: PositionLog = { log: [], keys: [] };
  const { log, keys } = recorded;
  const fail = (message: string, kind: Stop['kind'] = 'syntax', hint?: string): never => {
    throw new Stop(i, kind, message, hint);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    // Authors used to JavaScript write comments; say so rather than that a key or value is missing.
    if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('JSON has no comments', 'syntax', 'Remove it, or write the scenario in YAML, which allows # comments.');
  };
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  /**
   * Where a list or mapping should go on or end but does not: told at the
   * place to fix. A new line that starts another key or value after a value
   * wants a comma at the end of the line before; the end of the file or the
   * wrong closing bracket wants the bracket that opened at `open` closed.
   */
  const notContinued = (valueEnd: number, open: number, close: '}' | ']'): never => {
    const opener = close === '}' ? '{' : '[';
    if (i >= text.length) {
      i = open;
      fail(`this ${opener} is never closed with ${close}`, 'syntax', `Add ${close} where the ${close === '}' ? 'mapping' : 'list'} ends, and check that every { and [ opened after it is closed too.`);
    }
    if (text[i] === '}' || text[i] === ']') {
      fail(`a ${close} is missing here, to close the ${opener} opened at line ${lineOf(open)}`, 'syntax', `Add ${close} before this ${text[i]}.`);
    }
    // In a mapping only a key in quotes can come next; in a list, any value.
    if (text.slice(valueEnd, i).includes('\n') && (close === '}' ? text[i] === '"' : /["{[\-\dtfn]/.test(text[i] ?? ''))) {
      i = valueEnd;
      fail('a comma is missing after this value', 'syntax', 'Add a comma here: in JSON, the items of a list or mapping are separated by commas.');
    }
    return fail(`expected "," or "${close}"`);
  };
  /** After a comma: a closing bracket there is a trailing comma, reported at the comma. */
  const noTrailingComma = (comma: number, close: string) => {
    ws();
    if (text[i] !== close) return;
    i = comma;
    fail(`a comma just before ${close}`, 'syntax', 'Remove this comma: JSON allows no comma before } or ].');
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    let from = i;
    for (;;) {
      if (i >= text.length) {
        i = start;
        fail('a text value is not closed with "');
      }
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 10 || c === 13) {
        // Most often the closing quote was left out: point at the text that was never closed.
        i = start;
        fail('this text is not closed with " before the end of its line', 'syntax', 'Add the closing ". Text in JSON stays on one line; write \\n where a new line is meant.');
      }
      if (c < 32) fail('a control character inside text; write \\n for a new line');
      if (c === 92) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('a bad escape inside text');
        from = i;
      } else i++;
    }
    out += text.slice(from, i);
    i++;
    return out;
  };
  const value = (depth: number): unknown => {
    if (depth > maxDepth) fail(`values are nested more than ${maxDepth} levels deep`, 'depth');
    if (++nodes > maxNodes) fail(`the file holds more than ${maxNodes} values`, 'size');
    ws();
    const at = log.length;
    log.push(i, 0);
    const c = text[i];
    if (c === '{') {
      const open = i;
      i++;
      const out: Record<string, unknown> = {};
      // Each key with where it starts, to say where a repeated key first appears.
      const seen = new Map<string, number>();
      ws();
      if (text[i] === '}') {
        i++;
        log[at + 1] = 1;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"' && CURLY_QUOTES.includes(text[i] ?? '"')) fail(`a curly quote (${text[i]}) where a key needs a straight double quote (")`, 'syntax', CURLY_HINT);
        if (text[i] !== '"') fail('expected a key in "double quotes"', 'syntax', /[A-Za-z_']/.test(text[i] ?? '') ? 'Write every key in "double quotes", e.g. "id": "safe-passage".' : undefined);
        const keyStart = i;
        const key = str();
        const first = seen.get(key);
        if (first !== undefined) {
          i = keyStart;
          fail(`the key '${key}' appears twice in this mapping (first at line ${lineOf(first)})`, 'duplicate');
        }
        if (FORBIDDEN.has(key)) {
          i = keyStart;
          fail(`the key '${key}' is not allowed`, 'forbidden');
        }
        seen.set(key, keyStart);
        keys.push(key);
        log.push(keyStart);
        ws();
        if (text[i] !== ':') fail('expected ":" after the key');
        i++;
        Object.defineProperty(out, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        const valueEnd = i;
        ws();
        if (text[i] === ',') {
          noTrailingComma(i++, '}');
          continue;
        }
        if (text[i] === '}') {
          i++;
          log[at + 1] = seen.size * 2 + 1;
          return out;
        }
        notContinued(valueEnd, open, '}');
      }
    }
    if (c === '[') {
      const open = i;
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        log[at + 1] = 2;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        const valueEnd = i;
        ws();
        if (text[i] === ',') {
          noTrailingComma(i++, ']');
          continue;
        }
        if (text[i] === ']') {
          i++;
          log[at + 1] = out.length * 2 + 2;
          return out;
        }
        notContinued(valueEnd, open, ']');
      }
    }
    if (c === '"') return str();
    if (c !== undefined && CURLY_QUOTES.includes(c)) fail(`a curly quote (${c}) where text needs a straight double quote (")`, 'syntax', CURLY_HINT);
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) fail('expected a value: text in "double quotes", a number, true, false, null, a list or a mapping');
    i += m![0].length;
    const w = m![0];
    return w === 'true' ? true : w === 'false' ? false : w === 'null' ? null : Number(w);
  };
  try {
    const data = value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    let positions: Positions | undefined;
    return { ok: true, data, positions: () => (positions ??= replayPositions(recorded)) };
  } catch (err) {
    if (err instanceof Stop) return { ok: false, offset: err.offset, kind: err.kind, message: err.message, ...(err.hint === undefined ? {} : { hint: err.hint }) };
    throw err;
  }
}
