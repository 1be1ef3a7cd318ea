/**
 * A fast reader for the YAML that scenario files are written in, recording
 * where each value and key starts, as parse.ts does through the `yaml`
 * library but many times faster.
 *
 * It reads a strict subset: block mappings and sequences (including the
 * compact `- key: value` form), flow mappings and sequences, plain, quoted
 * and block scalars, and comments, with YAML 1.2 core-schema scalars. It
 * declines everything else (anchors, aliases, tags, directives, document
 * markers, explicit keys, tabs outside quotes and comments, carriage
 * returns, duplicate or reserved keys, non-text keys) and anything it is not
 * sure is well formed. A decline is never an error: parse.ts then reads the
 * text with the `yaml` library, which stays the one judge of what is wrong
 * and where. The one exception is a file that goes past the depth or value
 * bound in the part this reader has read: parse.ts refuses it at once, as
 * the library path would (it may also hold other problems further on, which
 * the author meets once it is within bounds). So every text this reader
 * accepts must give exactly the data and offsets that the library path
 * gives; when in doubt, it declines.
 */

import { replayPositions, type Positions } from './positions.js';

/** Where each value and each mapping key starts, by path joined with U+0001 as in parse.ts. */
export type YamlPositions = Positions;

/**
 * What reading gives: the data and its positions, or a decline. Positions
 * are worked out on the first call, since filling maps keyed by path costs
 * more than reading and is needed only to report a problem.
 */
export type YamlRead =
  | { ok: true; data: unknown; positions: () => YamlPositions }
  | { ok: false; offset: number; reason: string; limit?: 'depth' | 'values' };

// Merge keys (`<<`) are refused too: their meaning depends on the YAML version.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', '<<']);
/** The library refuses implicit keys longer than 1024 characters; stay well clear. */
const MAX_KEY = 1000;

const TAB = 9;
const LF = 10;
const SP = 32;
const BANG = 33;
const DQ = 34;
const HASH = 35;
const PERCENT = 37;
const AMP = 38;
const SQ = 39;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** Characters that cannot start a plain scalar (or that start something else). */
const NOT_PLAIN_START = new Set([COMMA, LBRACKET, RBRACKET, LBRACE, RBRACE, HASH, AMP, STAR, BANG, PIPE, GT, SQ, DQ, PERCENT, AT, BACKTICK, QUESTION, COLON]);
const FLOW_INDICATOR = new Set([COMMA, LBRACKET, RBRACKET, LBRACE, RBRACE]);

// The core schema's tests, in the order the library tries them. Each is
// anchored and free of nested repetition, so it runs in linear time.
const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_INF_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const HEX_DIGITS_RE = /^[0-9a-fA-F]+$/;
/**
 * A character outside tab, line feed and the printable ranges (so controls,
 * carriage returns, C1 controls, line and paragraph separators, byte-order
 * marks and non-characters), or a lone surrogate.
 */
const UNUSUAL_RE = /[^\t\n -~\xa0-\u2027\u202a-\ufefe\uff00-\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Resolves a plain scalar's text as the YAML 1.2 core schema does. */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most text starts with a letter that cannot begin a null, boolean or number.
  const maybe =
    (c >= 48 && c <= 57) || c === DASH || c === PLUS || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!maybe) return s;
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return c === 116 || c === 84;
  if (OCT_RE.test(s)) return parseInt(s.slice(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.slice(2), 16);
  if (NAN_INF_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : c === DASH ? -Infinity : Infinity;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

/** Double-quoted escapes, by the code of the character after the backslash. */
const ESCAPES: Record<number, string> = {
  48: '\0',
  97: '\x07',
  98: '\b',
  101: '\x1b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
  118: '\v',
  78: '\u0085',
  95: '\u00a0',
  76: '\u2028',
  80: '\u2029',
  32: ' ',
  34: '"',
  47: '/',
  92: '\\',
  9: '\t',
};

class Decline {
  constructor(
    readonly offset: number,
    readonly reason: string,
    /** Set when the text read so far is fine but goes past a bound. */
    readonly limit?: 'depth' | 'values',
  ) {}
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

class Reader {
  /**
   * Offsets in reading order: for each value its offset and its shape (0 for
   * a scalar, 2n+1 for a mapping of n entries, 2n+2 for a sequence of n
   * items), each mapping entry preceded by its key's offset.
   */
  readonly log: number[] = [];
  /** Mapping keys in reading order. */
  readonly keys: string[] = [];
  private readonly n: number;
  /** The current offset. */
  private i = 0;
  /** Where the current line starts. */
  private ls = 0;
  /** Indentation of the current content line, or -1 at the end of the text. */
  private ind = -1;
  /** Whether moving to the current line passed a comment line. */
  private sawComment = false;
  /** How many blank lines moving to the current line passed. */
  private blank = 0;
  private nodes = 0;

  constructor(
    private readonly t: string,
    private readonly maxDepth: number,
    private readonly maxNodes: number,
  ) {
    this.n = t.length;
  }

  read(): unknown {
    this.prescan();
    this.seekContent(0);
    if (this.ind < 0) this.fail('no content');
    const data = this.blockNode(-1, 0);
    if (this.ind !== -1) this.fail('text after the top-level value');
    return data;
  }

  private fail(reason: string, at: number = this.i): never {
    throw new Decline(at, reason);
  }

  /** Counts a value and bounds nesting, as parse.ts does on the library's nodes. */
  private enter(depth: number, at: number = this.i): void {
    if (++this.nodes > this.maxNodes) throw new Decline(at, 'too many values', 'values');
    if (depth > this.maxDepth) throw new Decline(at, 'nested too deeply', 'depth');
  }

  /**
   * Refuses characters whose handling differs between YAML readers (controls,
   * carriage returns, line and paragraph separators, byte-order marks, lone
   * surrogates) and document markers, once, so that later scanning only has
   * to know spaces, tabs and line feeds.
   */
  private prescan(): void {
    const t = this.t;
    const odd = UNUSUAL_RE.exec(t);
    if (odd) this.fail('an unusual character', odd.index);
    if (/^(?:---|\.\.\.)/.test(t)) this.fail('a document marker', 0);
    for (const marker of ['\n---', '\n...']) {
      const at = t.indexOf(marker);
      if (at !== -1) this.fail('a document marker', at + 1);
    }
  }

  /** From the start of a line, moves to the first character of the next line with content. */
  private seekContent(from: number): void {
    const t = this.t;
    const n = this.n;
    let i = from;
    for (;;) {
      this.ls = i;
      let j = i;
      while (t.charCodeAt(j) === SP) j++;
      if (j >= n) {
        this.i = n;
        this.ind = -1;
        return;
      }
      const c = t.charCodeAt(j);
      if (c === LF) {
        this.blank++;
        i = j + 1;
        continue;
      }
      if (c === HASH) {
        this.sawComment = true;
        const e = t.indexOf('\n', j);
        if (e === -1) {
          this.i = n;
          this.ind = -1;
          return;
        }
        i = e + 1;
        continue;
      }
      if (c === TAB) this.fail('a tab in indentation', j);
      this.i = j;
      this.ind = j - i;
      return;
    }
  }

  /** From the end of a line (a line feed or the end of the text), moves to the next line with content. */
  private nextLine(): void {
    this.sawComment = false;
    this.blank = 0;
    if (this.i >= this.n) {
      this.ls = this.n;
      this.ind = -1;
      return;
    }
    this.seekContent(this.i + 1);
  }

  /** Ends a line at `i`, which is a comment already known to be separated, a line feed or the end. */
  private finishLine(i: number): void {
    if (this.t.charCodeAt(i) === HASH) {
      const e = this.t.indexOf('\n', i);
      i = e === -1 ? this.n : e;
    }
    this.i = i;
    this.nextLine();
  }

  /** After a value: only spaces and a comment may follow on its line. */
  private endLine(): void {
    const t = this.t;
    const s = this.i;
    let i = s;
    while (t.charCodeAt(i) === SP) i++;
    const c = t.charCodeAt(i);
    if (c === HASH) {
      if (i === s) this.fail('a comment not separated by a space', i);
    } else if (i < this.n && c !== LF) this.fail('unexpected text after a value', i);
    this.finishLine(i);
  }

  /** Whether `j` is a space, a line feed or the end (what must follow `-` and `:` indicators). */
  private isBlank(j: number): boolean {
    const c = this.t.charCodeAt(j);
    return j >= this.n || c === SP || c === LF;
  }

  /** Whether a plain scalar may start at `i`. */
  private plainStart(i: number, flow: boolean): boolean {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (i >= this.n || c === SP || c === TAB || c === LF) return false;
    if (c === DASH) {
      const d = t.charCodeAt(i + 1);
      if (i + 1 >= this.n || d === SP || d === TAB || d === LF) return false;
      return !(flow && FLOW_INDICATOR.has(d));
    }
    return !NOT_PLAIN_START.has(c);
  }

  /** Whether the line at `i` starts with an implicit key: a single-line scalar and `: `. */
  private keyAhead(): boolean {
    const t = this.t;
    const n = this.n;
    const i = this.i;
    const q = t.charCodeAt(i);
    let j: number;
    if (q === DQ || q === SQ) {
      j = i + 1;
      for (;;) {
        const d = t.charCodeAt(j);
        if (j >= n || d === LF) return false;
        if (q === DQ && d === BACKSLASH) j += 2;
        else if (d === q) {
          if (q === SQ && t.charCodeAt(j + 1) === SQ) j += 2;
          else break;
        } else j++;
      }
      j++;
      return t.charCodeAt(j) === COLON && this.isBlank(j + 1);
    }
    if (!this.plainStart(i, false)) return false;
    for (j = i; j < n; j++) {
      const d = t.charCodeAt(j);
      if (d === LF) return false;
      if (d === COLON && this.isBlank(j + 1)) return true;
      if (d === HASH && t.charCodeAt(j - 1) === SP) return false;
    }
    return false;
  }

  /** A node that starts a line: a block sequence or mapping, or a single value. */
  private blockNode(parent: number, depth: number): unknown {
    const c = this.t.charCodeAt(this.i);
    if (c === DASH && this.isBlank(this.i + 1)) return this.blockSeq(depth);
    if (this.keyAhead()) return this.blockMap(depth);
    if (c === PIPE || c === GT) this.fail('a block scalar on its own line');
    return this.inlineValue(parent, depth);
  }

  private blockSeq(depth: number): unknown[] {
    this.enter(depth);
    const t = this.t;
    const indent = this.i - this.ls;
    const at = this.log.length;
    this.log.push(this.i, 0);
    const out: unknown[] = [];
    for (;;) {
      let i = this.i + 1;
      while (t.charCodeAt(i) === SP) i++;
      this.i = i;
      const c = t.charCodeAt(i);
      if (i >= this.n || c === LF || c === HASH) {
        this.finishLine(i);
        if (this.ind > indent) out.push(this.blockNode(indent, depth + 1));
        else {
          this.enter(depth + 1, i);
          // The library puts an empty item just after the indicator and its spaces.
          this.log.push(i, 0);
          out.push(null);
        }
      } else if (c === DASH && this.isBlank(i + 1)) out.push(this.blockSeq(depth + 1));
      else if (this.keyAhead()) out.push(this.blockMap(depth + 1));
      else out.push(this.inlineValue(indent, depth + 1));
      if (this.ind === indent && t.charCodeAt(this.i) === DASH && this.isBlank(this.i + 1)) continue;
      if (this.ind > indent) this.fail('bad indentation in a sequence');
      this.log[at + 1] = out.length * 2 + 2;
      return out;
    }
  }

  private blockMap(depth: number): Record<string, unknown> {
    this.enter(depth);
    const indent = this.i - this.ls;
    const at = this.log.length;
    this.log.push(this.i, 0);
    const out: Record<string, unknown> = {};
    let count = 0;
    for (;;) {
      const keyStart = this.i;
      const key = this.key(false);
      if (hasOwn(out, key)) this.fail('a duplicate key', keyStart);
      this.keys.push(key);
      this.log.push(keyStart);
      count++;
      this.i++;
      // Reserved keys are refused in blockKey, so plain assignment is safe.
      out[key] = this.mapValue(indent, depth + 1);
      if (this.ind === indent) continue;
      if (this.ind > indent) this.fail('bad indentation in a mapping');
      this.log[at + 1] = count * 2 + 1;
      return out;
    }
  }

  /**
   * Reads an implicit mapping key, quoted or plain, and stops on its `:`.
   * Block and flow keys differ only in where plain text may end and in
   * what may follow the `:`.
   */
  private key(flow: boolean): string {
    const t = this.t;
    const start = this.i;
    const c = t.charCodeAt(start);
    let key: string;
    if (c === DQ) key = this.dq(-1, true);
    else if (c === SQ) key = this.sq(-1, true);
    else {
      if (!this.plainStart(start, flow)) this.fail(flow ? 'not a flow mapping key' : 'not a mapping key');
      const j = flow ? this.flowKeyEnd(start) : this.blockKeyEnd(start);
      if (t.charCodeAt(j - 1) === SP) this.fail('a space before a key indicator', j);
      key = t.slice(start, j);
      if (typeof resolvePlain(key) !== 'string') this.fail('a key that is not text', start);
      this.i = j;
    }
    if (flow) {
      if (t.charCodeAt(this.i) !== COLON) this.fail('a flow mapping key without ":"');
    } else if (t.charCodeAt(this.i) !== COLON || !this.isBlank(this.i + 1)) this.fail('a key without ": "');
    if (this.i - start > MAX_KEY) this.fail('a very long key', start);
    if (FORBIDDEN.has(key)) this.fail('a reserved key', start);
    return key;
  }

  /** Where a plain block key ends: at the first `:` followed by a blank. */
  private blockKeyEnd(start: number): number {
    const t = this.t;
    for (let j = start; ; j++) {
      const d = t.charCodeAt(j);
      if (j >= this.n || d === LF || (d === HASH && t.charCodeAt(j - 1) === SP)) this.fail('not a mapping key');
      if (d === TAB) this.fail('a tab in a key', j);
      if (d === COLON && this.isBlank(j + 1)) return j;
    }
  }

  /** Where a plain flow key ends: at the first `:` followed by a blank or the end of the entry. */
  private flowKeyEnd(start: number): number {
    const t = this.t;
    for (let j = start; ; j++) {
      const d = t.charCodeAt(j);
      if (j >= this.n || d === LF || FLOW_INDICATOR.has(d) || d === TAB || (d === HASH && t.charCodeAt(j - 1) === SP)) this.fail('a flow mapping key without ":"', j);
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (this.isBlank(j + 1) || e === COMMA || e === RBRACE || e === RBRACKET) return j;
        if (e === LBRACE || e === LBRACKET) this.fail('a flow collection right after ":"', j);
      }
    }
  }

  /** The value after a block mapping key's `:`. */
  private mapValue(indent: number, depth: number): unknown {
    const t = this.t;
    let i = this.i;
    while (t.charCodeAt(i) === SP) i++;
    const c = t.charCodeAt(i);
    if (i >= this.n || c === LF || c === HASH) {
      this.finishLine(i);
      if (this.ind > indent) return this.blockNode(indent, depth);
      if (this.ind === indent && t.charCodeAt(this.i) === DASH && this.isBlank(this.i + 1)) return this.blockSeq(depth);
      this.enter(depth, i);
      // The library puts an empty value just after the `:` and its spaces.
      this.log.push(i, 0);
      return null;
    }
    this.i = i;
    return this.inlineValue(indent, depth);
  }

  /** A value that is not a block collection, starting at `i`; ends on the next content line. */
  private inlineValue(parent: number, depth: number): unknown {
    this.enter(depth);
    const c = this.t.charCodeAt(this.i);
    const at = this.log.length;
    this.log.push(this.i, 0);
    let v: unknown;
    if (c === DQ) v = this.dq(parent, false);
    else if (c === SQ) v = this.sq(parent, false);
    else if (c === LBRACKET || c === LBRACE) v = this.flow(parent, depth, 1, at);
    else if (c === PIPE || c === GT) return this.blockScalar(parent);
    else if (this.plainStart(this.i, false)) return this.plainBlock(parent);
    else this.fail('an unsupported value');
    this.endLine();
    return v;
  }

  /**
   * Scans one line of a plain scalar in block context from `s`: returns where
   * its text ends, and leaves `i` on the line feed, the end, or a comment.
   */
  private plainLine(s: number): number {
    const t = this.t;
    const n = this.n;
    let j = s;
    let end = s;
    for (; j < n; j++) {
      const c = t.charCodeAt(j);
      if (c === SP) continue;
      if (c === LF) break;
      if (c === TAB) this.fail('a tab in plain text', j);
      if (c === HASH && t.charCodeAt(j - 1) === SP) break;
      if (c === COLON && this.isBlank(j + 1)) this.fail('a mapping inside a plain value', j);
      end = j + 1;
    }
    this.i = j;
    return end;
  }

  /** A plain scalar in block context, folded over its continuation lines. */
  private plainBlock(parent: number): unknown {
    const t = this.t;
    const start = this.i;
    let value = t.slice(start, this.plainLine(start));
    while (t.charCodeAt(this.i) !== HASH) {
      this.nextLine();
      if (this.ind <= parent || this.sawComment) return resolvePlain(value);
      const s = this.i;
      const c = t.charCodeAt(s);
      // A continuation line that looks like structure is left to the library.
      if (NOT_PLAIN_START.has(c) || c === DASH) this.fail('a continuation line that starts with an indicator', s);
      const e = this.plainLine(s);
      value += (this.blank > 0 ? '\n'.repeat(this.blank) : ' ') + t.slice(s, e);
    }
    this.finishLine(this.i);
    return resolvePlain(value);
  }

  /**
   * The end of a line of quoted text, both quote styles alike: the text
   * from `from` to the line feed at `j` without its trailing blanks, and the
   * fold that joins it to the next line; returns them and where the text goes on.
   */
  private quotedLineEnd(from: number, j: number, parent: number, key: boolean): [string, number] {
    const t = this.t;
    if (key) this.fail('a key over two lines', j);
    let e = j;
    while (e > from && (t.charCodeAt(e - 1) === SP || t.charCodeAt(e - 1) === TAB)) e--;
    const [k, breaks] = this.quotedBreak(j, parent);
    return [t.slice(from, e) + (breaks > 1 ? '\n'.repeat(breaks - 1) : ' '), k];
  }

  /**
   * After a line feed inside a quoted scalar at `j`: skips the line breaks and
   * indentation that fold, checks the next line is indented past the parent,
   * and returns where its text starts and how many line breaks there were.
   */
  private quotedBreak(j: number, parent: number): [number, number] {
    const t = this.t;
    const n = this.n;
    let breaks = 0;
    let k = j;
    for (; k < n; k++) {
      const d = t.charCodeAt(k);
      if (d === LF) {
        breaks++;
        this.ls = k + 1;
      } else if (d === TAB) this.fail('a tab in indentation', k);
      else if (d !== SP) break;
    }
    if (k >= n) this.fail('a quoted scalar that is not closed', j);
    if (k - this.ls <= parent) this.fail('a quoted scalar line that is not indented enough', k);
    return [k, breaks];
  }

  /** A double-quoted scalar at `i`; a key must fit on its line. */
  private dq(parent: number, key: boolean): string {
    const t = this.t;
    const n = this.n;
    let j = this.i + 1;
    let from = j;
    let out = '';
    for (;;) {
      if (j >= n) this.fail('a quoted scalar that is not closed', this.i);
      const c = t.charCodeAt(j);
      if (c === DQ) {
        out += t.slice(from, j);
        this.i = j + 1;
        return out;
      }
      if (c === BACKSLASH) {
        out += t.slice(from, j);
        const e = t.charCodeAt(j + 1);
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          j += 2;
        } else if (e === 120 || e === 117 || e === 85) {
          const len = e === 120 ? 2 : e === 117 ? 4 : 8;
          const hex = t.slice(j + 2, j + 2 + len);
          if (hex.length !== len || !HEX_DIGITS_RE.test(hex)) this.fail('a bad escape', j);
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) this.fail('a bad escape', j);
          out += String.fromCodePoint(code);
          j += 2 + len;
        } else if (e === LF && !key) {
          // An escaped line break joins the lines without a space.
          j += 2;
          this.ls = j;
          while (t.charCodeAt(j) === SP) j++;
          if (t.charCodeAt(j) === TAB) this.fail('a tab in indentation', j);
          if (t.charCodeAt(j) !== LF) {
            if (j >= n) this.fail('a quoted scalar that is not closed', this.i);
            if (j - this.ls <= parent) this.fail('a quoted scalar line that is not indented enough', j);
          }
        } else this.fail('a bad escape', j);
        from = j;
        continue;
      }
      if (c === LF) {
        const [text, k] = this.quotedLineEnd(from, j, parent, key);
        out += text;
        j = from = k;
        continue;
      }
      j++;
    }
  }

  /** A single-quoted scalar at `i`; a key must fit on its line. */
  private sq(parent: number, key: boolean): string {
    const t = this.t;
    const n = this.n;
    let j = this.i + 1;
    let from = j;
    let out = '';
    for (;;) {
      if (j >= n) this.fail('a quoted scalar that is not closed', this.i);
      const c = t.charCodeAt(j);
      if (c === SQ) {
        if (t.charCodeAt(j + 1) === SQ) {
          out += t.slice(from, j + 1);
          j += 2;
          from = j;
          continue;
        }
        out += t.slice(from, j);
        this.i = j + 1;
        return out;
      }
      if (c === LF) {
        const [text, k] = this.quotedLineEnd(from, j, parent, key);
        out += text;
        j = from = k;
        continue;
      }
      j++;
    }
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at `i`. */
  private blockScalar(parent: number): string {
    const t = this.t;
    const n = this.n;
    if (parent < 0) this.fail('a block scalar at the top');
    const folded = t.charCodeAt(this.i) === GT;
    let j = this.i + 1;
    let chomp = 0;
    let explicit = 0;
    for (let k = 0; k < 2; k++) {
      const c = t.charCodeAt(j);
      if ((c === DASH || c === PLUS) && chomp === 0) {
        chomp = c === DASH ? -1 : 1;
        j++;
      } else if (c >= 49 && c <= 57 && explicit === 0) {
        explicit = c - 48;
        j++;
      } else break;
    }
    if (j < n && t.charCodeAt(j) !== SP && t.charCodeAt(j) !== LF) this.fail('a bad block scalar header', j);
    while (t.charCodeAt(j) === SP) j++;
    if (t.charCodeAt(j) === HASH) {
      const e = t.indexOf('\n', j);
      j = e === -1 ? n : e;
    } else if (j < n && t.charCodeAt(j) !== LF) this.fail('a bad block scalar header', j);

    // The lines up to the first one indented no more than the parent, as
    // [indentation, text start, text end]; a line of spaces has start === end.
    let contentIndent = explicit > 0 ? parent + explicit : -1;
    const lines: number[] = [];
    let pos = j;
    while (pos < n) {
      const ls = pos + 1;
      let k = ls;
      while (t.charCodeAt(k) === SP) k++;
      if (k >= n || t.charCodeAt(k) === LF) {
        lines.push(k - ls, k, k);
        pos = k;
        continue;
      }
      const col = k - ls;
      if (contentIndent < 0 && col > parent) contentIndent = col;
      if (col < contentIndent || contentIndent < 0) {
        if (col > parent) this.fail('a block scalar line that is not indented enough', k);
        // The library counts the line break before the next entry as one more (empty) line.
        lines.push(0, pos + 1, pos + 1);
        break;
      }
      let e = k;
      for (; e < n; e++) {
        const d = t.charCodeAt(e);
        if (d === LF) break;
        if (d === TAB) this.fail('a tab in a block scalar', e);
      }
      lines.push(col, k, e);
      pos = e;
    }

    const count = lines.length / 3;
    let first = 0;
    while (first < count && lines[first * 3 + 1] === lines[first * 3 + 2]) first++;
    if (first === count) this.fail('an empty block scalar', this.i);
    for (let q = 0; q < first; q++) if (lines[q * 3]! > contentIndent) this.fail('a more-indented leading empty line', this.i);
    let last = count - 1;
    while (lines[last * 3 + 1] === lines[last * 3 + 2] && lines[last * 3]! <= contentIndent) last--;
    // The library measures trailing lines of spaces against the first line's
    // indentation rather than the indicator's; keep clear of the difference.
    if (explicit > 0 && lines[last * 3 + 1] === lines[last * 3 + 2]) this.fail('trailing spaces after a block scalar with an indentation indicator', this.i);

    let value = '\n'.repeat(first);
    let sep = '';
    let prevMore = false;
    for (let q = first; q <= last; q++) {
      const extra = lines[q * 3]! - contentIndent;
      const text = t.slice(lines[q * 3 + 1], lines[q * 3 + 2]);
      if (!folded) {
        value += sep + (extra > 0 ? ' '.repeat(extra) : '') + text;
        sep = '\n';
      } else if (extra > 0) {
        // More-indented lines keep their line breaks.
        if (sep === ' ') sep = '\n';
        else if (!prevMore && sep === '\n') sep = '\n\n';
        value += sep + ' '.repeat(extra) + text;
        sep = '\n';
        prevMore = true;
      } else if (text === '') {
        if (sep === '\n') value += '\n';
        else sep = '\n';
      } else {
        value += sep + text;
        sep = ' ';
        prevMore = false;
      }
    }
    if (chomp === 0) value += '\n';
    else if (chomp === 1) {
      value += '\n'.repeat(count - 1 - last);
      if (!value.endsWith('\n')) value += '\n';
    }
    this.i = pos;
    this.nextLine();
    return value;
  }

  /**
   * Skips spaces, line breaks and comments inside a flow collection. Its
   * lines must be indented past the parent block, except that the outermost
   * closing bracket may line up with it.
   */
  private flowSpace(parent: number, level: number): void {
    const t = this.t;
    const n = this.n;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === SP) i++;
      else if (c === LF) {
        i++;
        this.ls = i;
        while (t.charCodeAt(i) === SP) i++;
        const d = t.charCodeAt(i);
        if (i >= n || d === LF) continue;
        if (d === TAB) this.fail('a tab in indentation', i);
        const col = i - this.ls;
        if (col <= parent && !(col === parent && level === 1 && (d === RBRACKET || d === RBRACE))) this.fail('a flow collection line that is not indented enough', i);
      } else if (c === HASH) {
        const p = t.charCodeAt(i - 1);
        if (p !== SP && p !== LF) this.fail('a comment not separated by a space', i);
        const e = t.indexOf('\n', i);
        i = e === -1 ? n : e;
      } else if (c === TAB) this.fail('a tab in a flow collection', i);
      else break;
    }
    this.i = i;
  }

  /**
   * A flow mapping or sequence at `i`; `level` counts enclosing flow
   * collections, and `at` is its entry in the log.
   */
  private flow(parent: number, depth: number, level: number, at: number): unknown {
    const t = this.t;
    const open = t.charCodeAt(this.i);
    this.i++;
    if (open === LBRACE) {
      const out: Record<string, unknown> = {};
      let count = 0;
      for (;;) {
        this.flowSpace(parent, level);
        if (t.charCodeAt(this.i) === RBRACE) {
          this.i++;
          this.log[at + 1] = count * 2 + 1;
          return out;
        }
        const keyStart = this.i;
        const key = this.key(true);
        if (hasOwn(out, key)) this.fail('a duplicate key', keyStart);
        this.keys.push(key);
        this.log.push(keyStart);
        count++;
        let j = this.i + 1;
        while (t.charCodeAt(j) === SP) j++;
        const c = t.charCodeAt(j);
        this.i = j;
        if (c === COMMA || c === RBRACE) {
          this.enter(depth + 1);
          this.log.push(j, 0);
          out[key] = null;
        } else {
          if (c === LF || c === HASH) {
            this.flowSpace(parent, level);
            const d = t.charCodeAt(this.i);
            // Where the library puts an empty value left on its own line is not worth matching.
            if (d === COMMA || d === RBRACE) this.fail('an empty flow value after a line break');
          }
          out[key] = this.flowValue(parent, depth + 1, level);
        }
        this.flowSpace(parent, level);
        const d = t.charCodeAt(this.i);
        if (d === COMMA) this.i++;
        else if (d === RBRACE) {
          this.i++;
          this.log[at + 1] = count * 2 + 1;
          return out;
        } else this.fail('expected "," or "}"');
      }
    }
    const out: unknown[] = [];
    for (;;) {
      this.flowSpace(parent, level);
      if (t.charCodeAt(this.i) === RBRACKET) {
        this.i++;
        this.log[at + 1] = out.length * 2 + 2;
        return out;
      }
      out.push(this.flowValue(parent, depth + 1, level));
      this.flowSpace(parent, level);
      const d = t.charCodeAt(this.i);
      if (d === COMMA) this.i++;
      else if (d === RBRACKET) {
        this.i++;
        this.log[at + 1] = out.length * 2 + 2;
        return out;
      } else this.fail('expected "," or "]"');
    }
  }

  private flowValue(parent: number, depth: number, level: number): unknown {
    this.enter(depth);
    const t = this.t;
    const c = t.charCodeAt(this.i);
    const at = this.log.length;
    this.log.push(this.i, 0);
    if (c === DQ) return this.dq(parent, false);
    if (c === SQ) return this.sq(parent, false);
    if (c === LBRACKET || c === LBRACE) return this.flow(parent, depth, level + 1, at);
    if (!this.plainStart(this.i, true)) this.fail('an unsupported flow value');
    const n = this.n;
    let s = this.i;
    let value = '';
    let breaks = 0;
    for (;;) {
      const end = this.flowPlainLine(s);
      value += (breaks === 0 ? '' : breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)) + t.slice(s, end);
      this.i = end;
      let k = this.lineEnd(end);
      if (t.charCodeAt(k) !== LF) break;
      // The text may go on over the next lines, folded as in block context.
      let ls = this.ls;
      breaks = 0;
      for (; k < n; k++) {
        const d = t.charCodeAt(k);
        if (d === LF) {
          breaks++;
          ls = k + 1;
        } else if (d !== SP) break;
      }
      const d = t.charCodeAt(k);
      // What ends the scalar is left to the collection (which also checks the indentation).
      if (k >= n || d === HASH || d === TAB || FLOW_INDICATOR.has(d) || d === COLON) break;
      if (NOT_PLAIN_START.has(d) || d === DASH) this.fail('a continuation line that starts with an indicator', k);
      if (k - ls <= parent) this.fail('a flow scalar line that is not indented enough', k);
      this.ls = ls;
      s = k;
    }
    return resolvePlain(value);
  }

  /** Where the spaces from `i` end. */
  private lineEnd(i: number): number {
    while (this.t.charCodeAt(i) === SP) i++;
    return i;
  }

  /**
   * Scans one line of a plain scalar in flow context from `s`, up to a flow
   * indicator, ": ", a comment or the line's end; returns where its text ends.
   */
  private flowPlainLine(s: number): number {
    const t = this.t;
    const n = this.n;
    let end = s;
    for (let j = s; j < n; j++) {
      const d = t.charCodeAt(j);
      if (d === SP) continue;
      if (d === LF || FLOW_INDICATOR.has(d)) break;
      if (d === TAB) this.fail('a tab in plain text', j);
      if (d === HASH && t.charCodeAt(j - 1) === SP) break;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (this.isBlank(j + 1) || FLOW_INDICATOR.has(e)) break;
      }
      end = j + 1;
    }
    return end;
  }
}

/**
 * Reads scenario YAML in the subset described above; paths are joined with
 * U+0001 as in parse.ts. Returns `ok: false` (a decline, with the offset and
 * reason, for tests) for anything else, so the caller can use the `yaml`
 * library instead. A decline with `limit` set means everything before the
 * offset was read and the file goes past the depth or value bound there.
 * Never throws for any input.
 */
export function readYaml(text: string, maxDepth: number, maxNodes: number): YamlRead {
  const reader = new Reader(text, maxDepth, maxNodes);
  try {
    const data = reader.read();
    let positions: YamlPositions | undefined;
    return { ok: true, data, positions: () => (positions ??= replayPositions(reader)) };
  } catch (err) {
    if (err instanceof Decline) return err.limit ? { ok: false, offset: err.offset, reason: err.reason, limit: err.limit } : { ok: false, offset: err.offset, reason: err.reason };
    throw err;
  }
}
