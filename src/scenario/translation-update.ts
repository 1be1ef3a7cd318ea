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
 * The file also keeps, under `originals:` at its end, a fingerprint of the
 * scenario's words each text was translated from (see originals.ts). The
 * update compares them with the scenario's words now: a text whose original
 * changed is marked as to revise, and its fingerprint is brought up to
 * date, as are those of the texts it adds. A file with no record yet gets
 * one, taking its translations to match the scenario's words as they are.
 */
import { isMap, isScalar, parseDocument, Scalar, stringify, YAMLMap, type Document, type Pair } from 'yaml';
import { fingerprint, isFingerprint, ORIGINALS, ORIGINALS_HEADING, originalsYaml, readOriginals, sameFingerprint, type OriginalsNotes } from './originals.js';
import type { Scenario } from './schema.js';
import { isGroupHeading, languageOf, textSlots, translationSkeleton } from './translation.js';

/** The comment after each added text; one word an author can search the file for. */
export const STILL_TO_TRANSLATE = 'TODO translate';

/** The comment after each text whose original changed after it was translated; searched for as the one above. */
export const TO_REVISE = 'TODO revise';

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
  /** The keys whose original changed after they were translated, in the file's order: marked (in YAML), their fingerprints brought up to date. */
  revised: string[];
  /**
   * The keys whose original changed while the file still held the old words
   * (never translated), in the file's order: given the new words, marked
   * still to translate (in YAML), their fingerprints brought up to date.
   */
  untranslated: string[];
  /**
   * The keys translated before whose words were recorded now, with nothing
   * to compare them with (no record, or none usable for the key): their
   * translations are taken to match the scenario's words as they are.
   */
  assumed: string[];
  /** Whether the file had no `originals:` (or one that is not a mapping) and was given one. */
  recorded: boolean;
  /** Fingerprints removed because neither the texts nor the scenario have their key. */
  forgotten: string[];
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
  const words = new Map(slots.map((s) => [s.key, s.text]));
  const read = form === 'json' ? jsonFile(text) : yamlFile(text);
  const before = read.texts;
  const present = new Set(before.keys());
  const added = slots.filter((s) => !present.has(s.key));
  const stale = [...before.keys()].filter((k) => !order.has(k));
  const dropped = options.dropStale === true && stale.length > 0;
  const drop: ReadonlySet<string> = dropped ? new Set(stale) : new Set();

  // What the record says of each text the file has: the same words, other words, or nothing usable.
  const record = readOriginals(read.data);
  const recorded = !record?.usable;
  const was = record?.entries ?? new Map<string, unknown>();
  const revised: string[] = [];
  const assumed: string[] = [];
  // Keys whose text is exactly the words recorded: never translated, so they follow the scenario's new words.
  const refresh = new Map<string, string>();
  for (const key of before.keys()) {
    const now = words.get(key);
    if (now === undefined) continue;
    const fp = was.get(key);
    const value = before.get(key);
    if (!isFingerprint(fp)) assumed.push(key);
    else if (sameFingerprint(fp, now)) continue;
    else if (typeof value === 'string' && sameFingerprint(fp, value)) refresh.set(key, now);
    else revised.push(key);
  }

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

  // The record to keep: every text of the file after the update, in its order, with the scenario's words now; a
  // key the scenario no longer has keeps its fingerprint while its text is kept.
  const keys = [...(runs.get(null) ?? []).map((r) => r.key)];
  for (const k of before.keys()) {
    if (!drop.has(k)) keys.push(k);
    for (const r of runs.get(k) ?? []) keys.push(r.key);
  }
  const originals = new Map<string, string>();
  for (const k of keys) {
    const now = words.get(k);
    const fp = now !== undefined ? fingerprint(now) : was.get(k);
    if (isFingerprint(fp)) originals.set(k, fp.toLowerCase());
  }
  const forgotten = [...was.keys()].filter((k) => !originals.has(k) && !present.has(k));
  // A fingerprint put in capitals by hand is the same number: no cause to rewrite the file.
  const sameRecord = !recorded && was.size === originals.size && [...originals].every(([k, v]) => { const w = was.get(k); return typeof w === 'string' && w.toLowerCase() === v; });

  const result = { added: added.map((s) => s.key), stale, dropped, revised, untranslated: [...refresh.keys()], assumed, recorded, forgotten };
  if (added.length === 0 && !dropped && revised.length === 0 && refresh.size === 0 && sameRecord) return { text, ...result };

  const mark = `${STILL_TO_TRANSLATE}: still in ${languageOf(scenario)}`;
  const revise = form === 'json' || revised.length === 0 ? new Set<string>() : new Set(revised);
  let out = text;
  if (added.length > 0 || dropped || revise.size > 0 || refresh.size > 0)
    out = form === 'json' ? updateJson(text, runs, drop, refresh) : updateYaml(text, runs, drop, groupsOf(scenario), mark, revise, `${TO_REVISE}: the original changed`, refresh);
  if (!sameRecord) out = form === 'json' ? jsonOriginals(out, originals) : yamlOriginals(out, originals);

  // The file must read back as exactly the texts meant: the author's, those added, and not those dropped; and the record meant.
  const expected = new Map(before);
  for (const k of drop) expected.delete(k);
  for (const s of added) expected.set(s.key, s.text);
  for (const [k, v] of refresh) expected.set(k, v);
  const after = form === 'json' ? jsonFile(out) : yamlFile(out);
  const same = <V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, unknown>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
  if (!same(expected, after.texts)) throw new Error('the updated translation does not read back as the texts it should hold');
  if (!sameRecord && !same(originals, readOriginals(after.data)?.entries ?? new Map())) throw new Error('the updated translation does not read back as the record of originals it should hold');
  return { text: out, ...result };
}

/** A translation file's data, and its texts by key in the file's order. */
interface FileRead {
  data: unknown;
  texts: Map<string, unknown>;
}

function yamlFile(text: string): FileRead {
  const doc = parseDocument(stripBom(text));
  const texts = doc.get('texts');
  const out = new Map<string, unknown>();
  if (isMap(texts)) for (const p of texts.items) out.set(String(isScalar(p.key) ? p.key.value : p.key), isScalar(p.value) ? p.value.value : p.value);
  return { data: doc.toJS(), texts: out };
}

function jsonFile(text: string): FileRead {
  const data = JSON.parse(stripBom(text)) as { texts?: Record<string, unknown> };
  return { data, texts: new Map(Object.entries(data.texts ?? {})) };
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

/**
 * A YAML translation with the texts added and dropped, and each text in
 * `revise` marked with the comment `reviseMark` at the end of its line (the
 * line of `|` or `>` for a text written as a block).
 */
function updateYaml(text: string, runs: Runs, drop: ReadonlySet<string>, groups: ReadonlyMap<string, string>, mark: string, revise: ReadonlySet<string>, reviseMark: string, refresh: ReadonlyMap<string, string>): string {
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = stripBom(text);
  const doc = parseDocument(body);
  const texts = doc.get('texts');
  if (!isMap(texts)) throw new Error('the translation has no texts to update');
  // A whole file written in braces has no lines to add to.
  if (!isMap(doc.contents) || doc.contents.flow) return bom + rewriteYaml(doc, texts, runs, drop, groups, mark, revise, reviseMark, refresh);

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

  if (texts.flow) return bom + flowToBlock(body, doc.contents, texts, runs, drop, groups, render, eol, revise, reviseMark, refresh, mark);

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
    // At the end of the line of the value's last character, or of a block's `|` or `>`, after any comment there.
    const v = p.value as { type?: string; range: [number, number, number] };
    const block = v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED';
    const markAt = block ? v.range[0] : Math.max(v.range[0], v.range[1] - 1);
    const markNl = body.indexOf('\n', markAt);
    const lineEnd = markNl === -1 ? body.length : body[markNl - 1] === '\r' ? markNl - 1 : markNl;
    const markLine = body.slice(lineStart(markAt), lineEnd);
    if (revise.has(key) && !markLine.includes(TO_REVISE)) edits.push({ start: lineEnd, end: lineEnd, text: ` # ${reviseMark}` });
    const now = refresh.get(key);
    if (now !== undefined) {
      edits.push(...replacedValue(body, v, now, indentOf(p), eol, markNl));
      if (!markLine.includes(STILL_TO_TRANSLATE)) edits.push({ start: lineEnd, end: lineEnd, text: ` # ${mark}` });
    }
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

/**
 * The edits that give a text in the file new words, written as the old ones
 * were (plain, in quotes, or as a block with its `|` or `>`, where the new
 * words allow it), leaving any comment on its line where it is. `keyIndent`
 * is the indent of its key; `markNl` the line break after the line that
 * ends the old value (or a block's `|`), -1 at the end of the file.
 */
function replacedValue(body: string, v: { type?: string; range: [number, number, number] }, words: string, keyIndent: string, eol: string, markNl: number): TextEdit[] {
  const wasBlock = v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED';
  const scalar = new Scalar(words);
  // Words on several lines after a value on one: as a block, whose lines go below any comment (a folded plain or quoted value could not).
  scalar.type = (wasBlock || !words.includes('\n') ? v.type : 'BLOCK_LITERAL') as Scalar.Type | undefined;
  const [head, ...lines] = stringify({ k: scalar }, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
  const header = head!.slice('k: '.length);
  // A block's lines indented as the author's were, else two spaces past the key.
  const oldLines = wasBlock && markNl !== -1 ? body.slice(markNl + 1, v.range[1]) : '';
  const indent = /^([ \t]*)\S/m.exec(oldLines)?.[1] ?? `${keyIndent}  `;
  const content = lines.map((l) => (l === '' ? l : indent + l.replace(/^ {2}/, ''))).join(eol);
  if (wasBlock) {
    // The `|` or `>` with its indicators, then the lines below it up to the block's end.
    const headerEnd = v.range[0] + /^\S*/.exec(body.slice(v.range[0]))![0].length;
    const edits: TextEdit[] = [{ start: v.range[0], end: headerEnd, text: header }];
    if (markNl !== -1) edits.push({ start: markNl + 1, end: v.range[1], text: lines.length > 0 ? content + eol : '' });
    return edits;
  }
  const edits: TextEdit[] = [{ start: v.range[0], end: v.range[1], text: header }];
  // Words that no longer fit on a line go below it, after any comment there.
  if (lines.length > 0) edits.push(markNl === -1 ? { start: body.length, end: body.length, text: eol + content } : { start: markNl + 1, end: markNl + 1, text: content + eol });
  return edits;
}

type Render = (run: readonly { key: string; text: string }[], indent: string, group: string | undefined, atEnd: boolean) => string;

/**
 * A `texts:` written in braces, which has no room for the comment that marks
 * each text added, written in its place as one `key: text` a line, with the
 * texts added among them; every other line of the file stays as written.
 */
function flowToBlock(body: string, top: YAMLMap, texts: YAMLMap, runs: Runs, drop: ReadonlySet<string>, groups: ReadonlyMap<string, string>, render: Render, eol: string, revise: ReadonlySet<string>, reviseMark: string, refresh: ReadonlyMap<string, string>, mark: string): string {
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
      const now = refresh.get(key);
      const value = now ?? (isScalar(p.value) ? p.value.value : p.value);
      const [first, ...rest] = stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
      const comment = revise.has(key) ? ` # ${reviseMark}` : now !== undefined ? ` # ${mark}` : '';
      block += [`${first!}${comment}`, ...rest].map((l) => (l === '' ? l : indent + l)).join(eol) + eol;
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
function rewriteYaml(doc: Document, texts: YAMLMap, runs: Runs, drop: ReadonlySet<string>, groups: ReadonlyMap<string, string>, mark: string, revise: ReadonlySet<string>, reviseMark: string, refresh: ReadonlyMap<string, string>): string {
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
    if (revise.has(key) && isScalar(p.value)) p.value.comment = ` ${reviseMark}`;
    const now = refresh.get(key);
    if (now !== undefined && isScalar(p.value)) {
      p.value.value = now;
      p.value.comment = ` ${mark}`;
    }
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
function updateJson(text: string, runs: Runs, drop: ReadonlySet<string>, refresh: ReadonlyMap<string, string>): string {
  const body = stripBom(text);
  const t = jsonTextsOf(body);
  const kept = t?.members.filter((m) => !drop.has(m.key)) ?? [];
  // Empty, or emptied: no neighbours to write like.
  if (!t || kept.length === 0) return writeJson(text, runs, drop, refresh);
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
    const now = refresh.get(m.key);
    if (now !== undefined) edits.push({ start: m.valueStart, end: m.valueEnd, text: JSON.stringify(now) });
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

/** The members of the JSON object that opens at `open`, and where it closes. The file is JSON known to read. */
function jsonObject(body: string, open: number): { members: JsonMember[]; close: number } {
  let i = open + 1;
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
  const members: JsonMember[] = [];
  for (ws(); body[i] === '"'; ws()) {
    const keyStart = i;
    const key = str();
    const keyEnd = i;
    ws();
    i++;
    ws();
    const valueStart = i;
    skip();
    members.push({ key, keyStart, keyEnd, valueStart, valueEnd: i });
    ws();
    if (body[i] === ',') i++;
  }
  return { members, close: i };
}

/** The top-level object of a JSON file: where it opens, its members and where it closes; undefined when the file is not an object. */
function jsonTop(body: string): { open: number; members: JsonMember[]; close: number } | undefined {
  const open = body.search(/\S/);
  return open !== -1 && body[open] === '{' ? { open, ...jsonObject(body, open) } : undefined;
}

/** Where a JSON file's `texts` object opens, and its members; undefined when it is not an object. The file is JSON known to read. */
function jsonTextsOf(body: string): { open: number; members: JsonMember[] } | undefined {
  const t = jsonTop(body)?.members.find((m) => m.key === 'texts' && body[m.valueStart] === '{');
  return t ? { open: t.valueStart, members: jsonObject(body, t.valueStart).members } : undefined;
}

/**
 * A YAML translation with `originals` as its record: written in place of the
 * one it has, heading comment and all, else at the end of the file, set
 * apart by a blank line. A file written wholly in braces is written out
 * again, one key a line. Every other line stays as written.
 */
function yamlOriginals(text: string, originals: ReadonlyMap<string, string>): string {
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = stripBom(text);
  const doc = parseDocument(body);
  const top = doc.contents;
  if (!isMap(top)) throw new Error('the translation is not a mapping');
  if (top.flow) {
    const map = new YAMLMap();
    for (const [k, v] of originals) map.add(doc.createPair(k, Object.assign(new Scalar(v), { type: Scalar.QUOTE_DOUBLE })));
    // A pair of nodes, not doc.set: its key must be a node to carry the heading comment.
    const pairs = top.items as Pair<unknown, unknown>[];
    const at = pairs.findIndex((p) => (isScalar(p.key) ? p.key.value : p.key) === ORIGINALS);
    const pair = doc.createPair(ORIGINALS, map);
    (pair.key as Scalar).commentBefore = ORIGINALS_HEADING.join('\n');
    if (at === -1) pairs.push(pair);
    else pairs[at] = pair;
    top.flow = false;
    return bom + doc.toString({ lineWidth: 0 });
  }
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = (at: number) => body.lastIndexOf('\n', at - 1) + 1;
  const pairs = top.items as Pair<unknown, unknown>[];
  const named = (name: string) => pairs.find((p) => isScalar(p.key) && p.key.value === name);
  // Indented as the texts are.
  const texts = named('texts')?.value;
  const firstKey = isMap(texts) && !texts.flow ? (texts.items[0]?.key as { range?: [number, number, number] } | undefined) : undefined;
  const indent = firstKey?.range ? body.slice(lineStart(firstKey.range[0]), firstKey.range[0]) : '  ';
  const pair = named(ORIGINALS);
  if (!pair) {
    const ended = body === '' || body.endsWith('\n') ? body : body + eol;
    const apart = ended === '' || /\n[ \t]*\r?\n$/.test(ended) ? '' : eol;
    return bom + ended + apart + originalsYaml(originals, indent, eol);
  }
  // From its heading, when the lines above it are the heading, to the end of the last line of its value.
  const key = (pair.key as { range: [number, number, number] }).range;
  const keyLine = lineStart(key[0]);
  let above = keyLine;
  let matched = 0;
  for (const h of [...ORIGINALS_HEADING].reverse()) {
    if (above === 0) break;
    const prev = lineStart(above - 1);
    if (body.slice(prev, above).trim() !== `#${h}`.trim()) break;
    above = prev;
    matched++;
  }
  const lastEnd = Math.max(key[2], (pair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? 0);
  const nl = lastEnd > 0 && body[lastEnd - 1] === '\n' ? lastEnd - 1 : body.indexOf('\n', lastEnd);
  const end = nl === -1 ? body.length : nl + 1;
  let start = keyLine;
  let block = originalsYaml(originals, indent, eol, notesIn(body.slice(keyLine, end), keyLine, pair.value, originals));
  if (matched === ORIGINALS_HEADING.length) start = above;
  // Another comment right above keeps its place, with no heading of ours under it.
  else if (keyLine > 0 && /^\s*#/.test(body.slice(lineStart(keyLine - 1), keyLine))) block = block.split(eol).slice(ORIGINALS_HEADING.length).join(eol);
  if (nl === -1) block = block.slice(0, -eol.length);
  // A heading newly written is set apart by a blank line, as at the end of a file.
  if (matched < ORIGINALS_HEADING.length && block.startsWith('#') && start > 0 && body.slice(lineStart(start - 1), start).trim() !== '') block = eol + block;
  // And from a key that follows it, as the groups of texts are.
  if (end < body.length && !/^[ \t]*\r?\n/.test(body.slice(end)) && !/^[ \t]*#/.test(body.slice(end))) block += eol;
  return bom + body.slice(0, start) + block + body.slice(end);
}

/**
 * The comments an author wrote among the lines of an `originals:` block
 * (`block`, from the offset `at` of the file), each with the key it stood
 * above or beside, so that writing the block again keeps them. A comment
 * above a key no longer recorded goes with the next key kept, or to the end.
 */
function notesIn(block: string, at: number, value: unknown, kept: ReadonlyMap<string, string>): OriginalsNotes {
  // Each key by where it starts, with where its value ends.
  const keyAt = new Map<number, { key: string; valueEnd: number }>();
  if (isMap(value))
    for (const p of value.items as Pair<unknown, unknown>[]) {
      const r = (p.key as { range?: [number, number, number] } | null)?.range;
      const v = (p.value as { range?: [number, number, number] } | null)?.range;
      if (r) keyAt.set(r[0], { key: String(isScalar(p.key) ? p.key.value : p.key), valueEnd: v?.[1] ?? r[1] });
    }
  const before = new Map<string, string[]>();
  const after = new Map<string, string>();
  let pending: string[] = [];
  let offset = at;
  // The first line is `originals:` itself.
  for (const [i, line] of block.split('\n').entries()) {
    const from = offset;
    offset += line.length + 1;
    if (i === 0) continue;
    const text = line.replace(/\r$/, '');
    if (/^\s*#/.test(text)) {
      pending.push(text.trim());
      continue;
    }
    const entry = [...keyAt].find(([k]) => k >= from && k < from + text.length)?.[1];
    if (entry === undefined || !kept.has(entry.key)) continue;
    if (pending.length > 0) before.set(entry.key, pending);
    pending = [];
    const trailing = /^\s+(#.*)$/.exec(text.slice(entry.valueEnd - from));
    if (trailing) after.set(entry.key, trailing[1]!.trimEnd());
  }
  return { before, after, end: pending };
}

/**
 * A JSON translation with `originals` as its record: the value of the one it
 * has replaced, else added after its last member, written as the file's
 * other members are (one a line with their indent, or all on one line).
 */
function jsonOriginals(text: string, originals: ReadonlyMap<string, string>): string {
  const body = stripBom(text);
  const top = jsonTop(body);
  if (!top || top.members.length === 0) throw new Error('the translation is not a JSON object');
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const first = top.members[0]!;
  const colon = body.slice(first.keyEnd, first.valueStart);
  const lead = body.slice(top.open + 1, first.keyStart);
  const lines = lead.includes('\n');
  const outer = lines ? lead.slice(lead.lastIndexOf('\n') + 1) : '';
  const inner = jsonTextsOf(body)?.members[0];
  const innerIndent = inner && lines ? body.slice(body.lastIndexOf('\n', inner.keyStart) + 1, inner.keyStart) : `${outer}${outer || '  '}`;
  const entries = [...originals].map(([k, v]) => `${JSON.stringify(k)}${colon}${JSON.stringify(v)}`);
  const value =
    entries.length === 0 ? '{}'
    : lines ? `{${eol}${entries.map((e) => innerIndent + e).join(`,${eol}`)}${eol}${outer}}`
    : `{${entries.join(', ')}}`;
  const edits: TextEdit[] = [];
  const had = top.members.find((m) => m.key === ORIGINALS);
  if (had) edits.push({ start: had.valueStart, end: had.valueEnd, text: value });
  else {
    const last = top.members[top.members.length - 1]!;
    edits.push({ start: last.valueEnd, end: last.valueEnd, text: `,${lines ? eol + outer : ' '}${JSON.stringify(ORIGINALS)}${colon}${value}` });
  }
  return (text.startsWith(BOM) ? BOM : '') + applyEdits(body, edits);
}

/** A JSON translation written out again whole, texts in the scenario's order, indented as the file was. */
function writeJson(text: string, runs: Runs, drop: ReadonlySet<string>, refresh: ReadonlyMap<string, string>): string {
  const body = stripBom(text);
  const data = JSON.parse(body) as Record<string, unknown>;
  // Entries rather than assignments, so that no key is taken for a property every object has.
  const entries: [string, unknown][] = [];
  const addRun = (key: string | null) => {
    for (const { key: k, text: v } of runs.get(key) ?? []) entries.push([k, v]);
  };
  addRun(null);
  for (const [k, v] of Object.entries((data['texts'] ?? {}) as Record<string, unknown>)) {
    if (!drop.has(k)) entries.push([k, refresh.get(k) ?? v]);
    addRun(k);
  }
  data['texts'] = Object.fromEntries(entries);
  const indent = /\n([ \t]+)"/.exec(body)?.[1] ?? '  ';
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const out = JSON.stringify(data, null, indent).replace(/\n/g, eol);
  return (text.startsWith(BOM) ? BOM : '') + out + (/\n$/.test(body) ? eol : '');
}
