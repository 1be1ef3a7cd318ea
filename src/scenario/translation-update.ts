/**
 * Bringing a translation file up to date with its scenario after the
 * scenario changed: the texts it has gained are added, each in the
 * scenario's own words and marked as still to translate, and the keys it no
 * longer has are found (and removed only when asked).
 *
 * A file is edited as text, not written out again from its data: every
 * line the author wrote, with its comments, quotes and wrapping, stays as it
 * was, and the only lines that change are those added or removed. A JSON
 * file gets each text added written as its neighbours are. A `texts:`
 * written in braces (`texts: { … }`) has no room for the comment that marks
 * a text added, so it alone is written out again, one text a line.
 *
 * What this cannot tell is a text whose original changed after it was
 * translated: a translation file keeps only the translated words, not the
 * words they were translated from.
 */
import { isMap, isScalar, parseDocument, stringify, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Scenario } from './schema.js';
import { isGroupHeading, languageOf, textSlots, translationSkeleton } from './translation.js';

/** The comment after each added text; one word an author can search the file for. */
export const STILL_TO_TRANSLATE = 'TODO translate';

/** What bringing a translation up to date gave. */
export interface TranslationUpdate {
  /** The whole file, up to date; the same text as given when nothing changed. */
  text: string;
  /** The keys added, in the scenario's order. */
  added: string[];
  /** The keys the scenario no longer has, in the file's order: kept, or removed when asked. */
  stale: string[];
  /** Whether the stale keys were removed. */
  dropped: boolean;
}

/** The form a translation file is written in, as the reader found it. */
export type TranslationForm = 'yaml' | 'json';

/**
 * Brings the translation `text` up to date with `scenario`. The text must be
 * a translation file that reads without errors, but for keys the scenario
 * does not have. Throws when the result would not read back as the texts
 * meant, so that a caller never writes a file that lost something.
 */
export function updateTranslation(text: string, form: TranslationForm, scenario: Scenario, options: { dropStale?: boolean } = {}): TranslationUpdate {
  const slots = textSlots(scenario);
  const order = new Map(slots.map((s, i) => [s.key, i]));
  const before = form === 'json' ? jsonTexts(text) : yamlTexts(text);
  const present = new Set(before.keys());
  const added = slots.filter((s) => !present.has(s.key));
  const stale = [...before.keys()].filter((k) => !order.has(k));
  const dropped = options.dropStale === true && stale.length > 0;
  const result = { added: added.map((s) => s.key), stale, dropped };
  if (added.length === 0 && !dropped) return { text, ...result };

  // Each text added goes after the nearest text before it in the scenario's order that the file has, so a
  // line added to a beat lands among that beat's lines; one with no such text goes first.
  const runs = new Map<string | null, { key: string; text: string }[]>();
  let anchor: string | null = null;
  for (const slot of slots) {
    if (present.has(slot.key)) anchor = slot.key;
    else {
      const run = runs.get(anchor) ?? [];
      run.push({ key: slot.key, text: slot.text });
      runs.set(anchor, run);
    }
  }
  const mark = `${STILL_TO_TRANSLATE}: still in ${languageOf(scenario)}`;
  const out =
    form === 'json' ? updateJson(text, runs, dropped ? new Set(stale) : new Set())
    : updateYaml(text, runs, dropped ? new Set(stale) : new Set(), groupsOf(scenario), mark);

  // The file must read back as exactly the texts meant: the author's, those added, and not those dropped.
  const expected = new Map(before);
  if (dropped) for (const k of stale) expected.delete(k);
  for (const s of added) expected.set(s.key, s.text);
  const after = form === 'json' ? jsonTexts(out) : yamlTexts(out);
  if (after.size !== expected.size || [...expected].some(([k, v]) => after.get(k) !== v)) throw new Error('the updated translation does not read back as the texts it should hold');
  return { text: out, ...result };
}

/** The texts of a translation file, by key, in the file's order. */
function yamlTexts(text: string): Map<string, unknown> {
  const texts = parseDocument(stripBom(text)).get('texts');
  const out = new Map<string, unknown>();
  if (isMap(texts)) for (const p of texts.items) out.set(String(isScalar(p.key) ? p.key.value : p.key), isScalar(p.value) ? p.value.value : p.value);
  return out;
}

function jsonTexts(text: string): Map<string, unknown> {
  const data = JSON.parse(stripBom(text)) as { texts?: Record<string, unknown> };
  return new Map(Object.entries(data.texts ?? {}));
}

const BOM = '\uFEFF';
const stripBom = (text: string) => (text.startsWith(BOM) ? text.slice(1) : text);

/**
 * The heading comment of the group each key belongs to, as the generator
 * writes them (`Beat 'answer'`), read from its own output so that the two
 * always agree.
 */
function groupsOf(scenario: Scenario): Map<string, string> {
  const texts = parseDocument(translationSkeleton(scenario, 'xx')).get('texts');
  const groups = new Map<string, string>();
  if (!isMap(texts)) return groups;
  // The first group's heading reads as the comment of the whole mapping.
  let group = texts.commentBefore?.trim() ?? '';
  for (const p of texts.items) {
    if (!isScalar(p.key)) continue;
    if (p.key.commentBefore) group = p.key.commentBefore.trim();
    groups.set(String(p.key.value), group);
  }
  return groups;
}

type Runs = ReadonlyMap<string | null, readonly { key: string; text: string }[]>;

function updateYaml(text: string, runs: Runs, drop: ReadonlySet<string>, groups: ReadonlyMap<string, string>, mark: string): string {
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = stripBom(text);
  const doc = parseDocument(body);
  const texts = doc.get('texts');
  if (!isMap(texts)) throw new Error('the translation has no texts to update');
  // A whole file written in braces has no lines to add to.
  if (!isMap(doc.contents) || doc.contents.flow) return bom + rewriteYaml(doc, texts, runs, drop, groups, mark);

  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  const pairs = texts.items as Pair<unknown, unknown>[];
  const keyOf = (p: Pair<unknown, unknown>) => String(isScalar(p.key) ? p.key.value : p.key);
  const lineStart = (at: number) => body.lastIndexOf('\n', at - 1) + 1;
  // Where the line that ends a pair (its value, or its key when it has none) ends, past the line break.
  const pairEnd = (p: Pair<unknown, unknown>) => {
    const node = (isScalar(p.value) ? p.value : p.key) as { range?: [number, number, number] };
    const end = node.range![1];
    if (end > 0 && body[end - 1] === '\n') return end;
    const nl = body.indexOf('\n', end);
    return nl === -1 ? body.length : nl + 1;
  };
  const indentOf = (p: Pair<unknown, unknown>) => {
    const at = (p.key as { range: [number, number, number] }).range[0];
    return body.slice(lineStart(at), at);
  };

  const render = (run: readonly { key: string; text: string }[], indent: string, group: string | undefined, atEnd: boolean) => {
    const lines: string[] = [];
    for (const { key, text: value } of run) {
      const own = groups.get(key);
      if (own !== undefined && own !== group) {
        lines.push('', `${indent}# ${own}`);
        group = own;
      }
      const [first, ...rest] = stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
      lines.push(`${indent}${first!} # ${mark}`, ...rest.map((l) => (l === '' ? l : indent + l)));
    }
    // A file whose last line has no line break gets one before the lines added after it.
    const joined = lines.join(eol) + eol;
    return atEnd && !body.endsWith('\n') ? eol + joined : joined;
  };

  if (texts.flow) return bom + flowToBlock(body, doc.contents, texts, runs, drop, groups, render, eol);

  const first = pairs[0]!;
  const opening = runs.get(null);
  if (opening) {
    const at = lineStart((first.key as { range: [number, number, number] }).range[0]);
    edits.push({ start: at, end: at, text: render(opening, indentOf(first), groups.get(keyOf(first)), false) });
  }
  for (const p of pairs) {
    const key = keyOf(p);
    const end = pairEnd(p);
    if (drop.has(key)) edits.push({ start: lineStart((p.key as { range: [number, number, number] }).range[0]), end, text: '' });
    const run = runs.get(key);
    if (run) edits.push({ start: end, end, text: render(run, indentOf(p), groups.get(key), end === body.length) });
  }
  if (drop.size > 0) {
    const textsPair = isMap(doc.contents) ? (doc.contents.items as Pair<unknown, unknown>[]).find((p) => isScalar(p.key) && p.key.value === 'texts') : undefined;
    const keyEnd = (textsPair?.key as { range?: [number, number, number] } | undefined)?.range?.[1] ?? 0;
    const afterTexts = body.indexOf('\n', keyEnd) + 1;
    const keyLines = pairs.map((p) => lineStart((p.key as { range: [number, number, number] }).range[0]));
    edits.push(...orphanHeadings(body, pairs.map((p, i) => ({ key: keyOf(p), from: i === 0 ? afterTexts : pairEnd(pairs[i - 1]!), to: keyLines[i]! })), drop));
  }
  return bom + applyEdits(body, edits);
}

/**
 * The removals of the heading comments (as a skeleton writes them, such as
 * `# Beat 'close'`) over a group of keys that are all dropped, each with the
 * blank line that set it apart, so that no heading is left over nothing.
 * `pairs` gives each key with the lines before it (`from` to `to`), where
 * its comments are. Any other comment stays, even over keys dropped.
 */
function orphanHeadings(body: string, pairs: readonly { key: string; from: number; to: number }[], drop: ReadonlySet<string>): { start: number; end: number; text: string }[] {
  type Line = { start: number; end: number; text: string };
  const linesOf = (from: number, to: number): Line[] => {
    const out: Line[] = [];
    for (let at = from; at < to; ) {
      const nl = body.indexOf('\n', at);
      const end = nl === -1 || nl >= to ? to : nl + 1;
      out.push({ start: at, end, text: body.slice(at, end) });
      at = end;
    }
    return out;
  };
  const blank = (l: Line | undefined) => l !== undefined && l.text.trim() === '';
  const gaps = pairs.map((p) => linesOf(p.from, p.to));
  // Each heading, by the gap it stands in, with the keys below it up to the next heading.
  const groups: { gap: number; line: number; last: number }[] = [];
  gaps.forEach((lines, i) => {
    const h = lines.findLastIndex((l) => /^\s*#/.test(l.text) && isGroupHeading(l.text.replace(/^\s*#/, '')));
    if (h !== -1) groups.push({ gap: i, line: h, last: i });
    else if (groups.length > 0) groups[groups.length - 1]!.last = i;
  });
  const out: { start: number; end: number; text: string }[] = [];
  for (const g of groups) {
    if (pairs.slice(g.gap, g.last + 1).some((p) => !drop.has(p.key))) continue;
    const heading = gaps[g.gap]![g.line]!;
    out.push({ start: heading.start, end: heading.end, text: '' });
    // The blank line above it, or, at the top of the texts, the one below the group; none while an author's comment under it stays.
    if (gaps[g.gap]!.slice(g.line + 1).some((l) => !blank(l))) continue;
    const above = gaps[g.gap]![g.line - 1];
    const below = gaps[g.last + 1]?.[0];
    if (blank(above)) out.push({ start: above!.start, end: above!.end, text: '' });
    else if (blank(below)) out.push({ start: below!.start, end: below!.end, text: '' });
  }
  return out;
}

type Render = (run: readonly { key: string; text: string }[], indent: string, group: string | undefined, atEnd: boolean) => string;

/**
 * A `texts:` written in braces, which has no room for the comment that marks
 * each text added, written in its place as one `key: text` a line, with the
 * texts added among them; every other line of the file stays as written.
 */
function flowToBlock(body: string, top: YAMLMap, texts: YAMLMap, runs: Runs, drop: ReadonlySet<string>, groups: ReadonlyMap<string, string>, render: Render, eol: string): string {
  const pair = (top.items as Pair<unknown, unknown>[]).find((p) => isScalar(p.key) && p.key.value === 'texts')!;
  const keyRange = (pair.key as { range: [number, number, number] }).range;
  const flowEnd = (texts as { range?: [number, number, number] }).range![1];
  const indent = `${body.slice(body.lastIndexOf('\n', keyRange[0] - 1) + 1, keyRange[0])}  `;
  // Every group under its heading, as in a new file, the author's texts too: the braces held no comments to keep.
  let block = '';
  let group: string | undefined;
  const addRun = (key: string | null) => {
    const run = runs.get(key);
    if (!run) return;
    block += render(run, indent, group, false);
    group = groups.get(run[run.length - 1]!.key) ?? group;
  };
  addRun(null);
  for (const p of texts.items as Pair<unknown, unknown>[]) {
    const key = String(isScalar(p.key) ? p.key.value : p.key);
    if (!drop.has(key)) {
      const own = groups.get(key);
      if (own !== undefined && own !== group) block += `${eol}${indent}# ${own}${eol}`;
      group = own ?? group;
      const value = isScalar(p.value) ? p.value.value : p.value;
      block += stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, '').split('\n').map((l) => (l === '' ? l : indent + l)).join(eol) + eol;
    }
    addRun(key);
  }
  // The first heading, at the top of the texts, needs no blank line above it.
  block = block.replace(/^\r?\n/, '');
  // Anything after the braces on their line (a comment) stays on the line of `texts:`.
  const nl = body.indexOf('\n', flowEnd);
  const rest = nl === -1 ? `${body.slice(flowEnd)}${eol}` : body.slice(flowEnd, nl + 1);
  const after = nl === -1 ? '' : body.slice(nl + 1);
  const colon = body.indexOf(':', keyRange[1]);
  return `${body.slice(0, colon + 1)}${rest}${block}${after}`;
}

/** A `texts:` in a file written wholly in braces, written out again as one `key: text` a line. */
function rewriteYaml(doc: Document, texts: YAMLMap, runs: Runs, drop: ReadonlySet<string>, groups: ReadonlyMap<string, string>, mark: string): string {
  const made = (key: string, value: string, heading: string | undefined) => {
    const pair = doc.createPair(key, value) as Pair<{ commentBefore?: string }, { comment?: string }>;
    if (heading !== undefined) pair.key.commentBefore = ` ${heading}`;
    pair.value!.comment = ` ${mark}`;
    return pair;
  };
  const items: Pair<unknown, unknown>[] = [];
  let group: string | undefined;
  const addRun = (key: string | null) => {
    for (const { key: k, text } of runs.get(key) ?? []) {
      const own = groups.get(k);
      items.push(made(k, text, own !== group ? own : undefined));
      group = own;
    }
  };
  addRun(null);
  for (const p of texts.items as Pair<unknown, unknown>[]) {
    const key = String(isScalar(p.key) ? p.key.value : p.key);
    group = groups.get(key) ?? group;
    if (!drop.has(key)) items.push(p);
    addRun(key);
  }
  texts.items = items;
  texts.flow = false;
  if (isMap(doc.contents)) doc.contents.flow = false;
  return doc.toString({ lineWidth: 0 });
}

/**
 * A JSON translation with the texts added and dropped, edited as text like a
 * YAML one: each text added is written as its neighbours are (on a line of
 * its own with their indent, or beside them on one line), and every other
 * character stays as written.
 */
function updateJson(text: string, runs: Runs, drop: ReadonlySet<string>): string {
  const body = stripBom(text);
  const t = jsonTextsOf(body);
  const kept = t?.members.filter((m) => !drop.has(m.key)) ?? [];
  // Empty, or emptied: no neighbours to write like.
  if (!t || kept.length === 0) return writeJson(text, runs, drop);
  const { members } = t;
  const first = members[0]!;
  const colon = body.slice(first.keyEnd, first.valueStart);
  const before = body.slice(t.open + 1, first.keyStart);
  const between = members.length > 1 ? body.slice(members[0]!.valueEnd, members[1]!.keyStart) : `,${before.includes('\n') ? before : ' '}`;
  const entry = (k: string, v: string) => `${JSON.stringify(k)}${colon}${JSON.stringify(v)}`;
  const edits: TextEdit[] = [];
  const opening = runs.get(null);
  if (opening) edits.push({ start: first.keyStart, end: first.keyStart, text: opening.map((r) => entry(r.key, r.text) + between).join('') });
  members.forEach((m, i) => {
    const run = runs.get(m.key);
    if (run) edits.push({ start: m.valueEnd, end: m.valueEnd, text: run.map((r) => between + entry(r.key, r.text)).join('') });
    if (!drop.has(m.key)) return;
    // With the comma and space after it; the last one with those before it.
    const next = members[i + 1];
    if (next) edits.push({ start: m.keyStart, end: next.keyStart, text: '' });
    else edits.push({ start: members[i - 1]!.valueEnd, end: m.valueEnd, text: '' });
  });
  return (text.startsWith(BOM) ? BOM : '') + applyEdits(body, edits);
}

/** A text edited in place, each span replaced. */
interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits front to back. A removal and an addition at one place: the
 * removal first, as its line comes first; a span inside one already removed
 * is not written twice.
 */
function applyEdits(body: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += body.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + body.slice(at);
}

/** One `"key": "text"` of a JSON translation's texts, by offsets in the file. */
interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** Where a JSON file's `texts` object opens, and its members; undefined when it is not an object. The file is JSON known to read. */
function jsonTextsOf(body: string): { open: number; members: JsonMember[] } | undefined {
  let i = 0;
  const ws = () => {
    while (i < body.length && /[ \t\r\n]/.test(body[i]!)) i++;
  };
  const str = () => {
    const start = i++;
    while (i < body.length && body[i] !== '"') i += body[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(body.slice(start, i)) as string;
  };
  const skip = () => {
    if (body[i] === '"') return void str();
    if (body[i] !== '{' && body[i] !== '[') {
      while (i < body.length && !/[,}\] \t\r\n]/.test(body[i]!)) i++;
      return;
    }
    let depth = 0;
    do {
      if (body[i] === '"') {
        str();
        continue;
      }
      if (body[i] === '{' || body[i] === '[') depth++;
      else if (body[i] === '}' || body[i] === ']') depth--;
      i++;
    } while (depth > 0 && i < body.length);
  };
  ws();
  if (body[i] !== '{') return undefined;
  i++;
  for (ws(); body[i] === '"'; ws()) {
    const key = str();
    ws();
    i++;
    ws();
    if (key !== 'texts' || body[i] !== '{') skip();
    else {
      const open = i++;
      const members: JsonMember[] = [];
      for (ws(); body[i] === '"'; ws()) {
        const keyStart = i;
        const k = str();
        const keyEnd = i;
        ws();
        i++;
        ws();
        const valueStart = i;
        skip();
        members.push({ key: k, keyStart, keyEnd, valueStart, valueEnd: i });
        ws();
        if (body[i] === ',') i++;
      }
      return { open, members };
    }
    ws();
    if (body[i] === ',') i++;
  }
  return undefined;
}

/** A JSON translation written out again whole, texts in the scenario's order, indented as the file was. */
function writeJson(text: string, runs: Runs, drop: ReadonlySet<string>): string {
  const body = stripBom(text);
  const data = JSON.parse(body) as Record<string, unknown>;
  // Entries rather than assignments, so that no key is taken for a property every object has.
  const entries: [string, unknown][] = [];
  const addRun = (key: string | null) => {
    for (const { key: k, text: v } of runs.get(key) ?? []) entries.push([k, v]);
  };
  addRun(null);
  for (const [k, v] of Object.entries((data['texts'] ?? {}) as Record<string, unknown>)) {
    if (!drop.has(k)) entries.push([k, v]);
    addRun(k);
  }
  data['texts'] = Object.fromEntries(entries);
  const indent = /\n([ \t]+)"/.exec(body)?.[1] ?? '  ';
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const out = JSON.stringify(data, null, indent).replace(/\n/g, eol);
  return (text.startsWith(BOM) ? BOM : '') + out + (/\n$/.test(body) ? eol : '');
}
