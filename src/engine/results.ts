/**
 * Result files: what "Export results" writes when a call has ended, and how
 * a teacher's summary reads them back (`npm run results` and the class
 * results page). The files come from students' devices, so reading treats
 * each as untrusted data: bounded in size, parsed as JSON only, and checked
 * field by field; a file that is not a Backchannel result is named with the
 * reason and left out, never trusted in part.
 */
import { applyTranslation, pickTranslation } from '../scenario/translate.js';
import type { Scenario } from '../scenario/schema.js';
import type { Debrief } from './debrief.js';
import type { CompiledScenario } from './machine.js';
import type { LogView } from './view.js';

/** What a teacher's export holds: the debrief and enough to replay the call. */
export function exportData(compiled: CompiledScenario, d: Debrief, record: { role: string; seed: number; moves: string[] }, now: Date, player = '', transcript: LogView[] = []) {
  return {
    app: 'backchannel',
    kind: 'debrief',
    exportedAt: now.toISOString(),
    /** The name or group the player gave, or null. */
    player: player || null,
    scenario: { id: compiled.scenario.id, title: compiled.scenario.title, contentHash: compiled.contentHash },
    role: record.role,
    /** The role's name, for a summary read without the scenario at hand. */
    roleName: compiled.scenario.roles.find((r) => r.id === record.role)?.name ?? record.role,
    seed: record.seed,
    moves: record.moves,
    /** What was said and what happened, in order, each line with its source or marked invented. */
    transcript,
    debrief: d,
  };
}

/**
 * The name "Export results" gives its file: the scenario, the role, the
 * player or group, and the time in UTC, so a teacher's folder sorts them and
 * no two groups' files collide.
 */
export function exportFileName(scenarioId: string, role: string, now: Date, player = ''): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  // Letters and digits of any script survive; anything a file system could object to becomes a dash.
  const who = [
    ...player
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  ]
    .slice(0, 40)
    .join('');
  return `backchannel-${scenarioId}-${role}-${who ? `${who}-` : ''}${stamp}.json`;
}

/** Largest result file read; an export of the flagship is about 60 KB. */
export const MAX_RESULT_BYTES = 2 * 1024 * 1024;

/** One player's result, as the summary shows it. */
export interface ResultRow {
  file: string;
  player: string;
  scenario: string;
  /** The scenario's title, or its id when the file lacks one. */
  scenarioTitle: string;
  role: string;
  /** The role's name, or its id in files exported before names were written. */
  roleName: string;
  ending: string;
  endingTitle: string;
  kind: string;
  inZone: boolean;
  turns: number;
  choices: number;
  exportedAt: string;
  /**
   * What makes two files one result: the call (scenario, role, seed and
   * moves), who played it and when it was exported. A file handed in twice,
   * or renamed on the way ("x (1).json"), has the same key.
   */
  key: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * A string field as plain, bounded text. Control characters go: a result
 * file written by hand could otherwise move the cursor, retitle the window
 * or fake rows in the teacher's terminal.
 */
const text = (v: unknown, max = 200): string | undefined =>
  // eslint-disable-next-line no-control-regex
  typeof v === 'string' ? [...v.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')].slice(0, max).join('') : undefined;

/** Why a file was left out of a summary, as data, for a reader to put in words in their language. */
export type LeftOutReason =
  | { kind: 'tooLarge' }
  | { kind: 'notJson' }
  | { kind: 'notResult' }
  | { kind: 'incomplete' }
  | { kind: 'unreadable' }
  /** The same result as the file `of`, which is counted instead. */
  | { kind: 'repeat'; of: string };

/** A file left out of a summary, and why. */
export interface LeftOut {
  file: string;
  why: LeftOutReason;
}

/** The words for each reason a file is left out: templates with `{file}`, `{mb}` (the size limit) and, for a repeat, `{of}`. */
export type LeftOutPhrases = Readonly<Record<LeftOutReason['kind'], string>>;

/** The English words, as `npm run results` prints them. */
export const ENGLISH_LEFT_OUT: LeftOutPhrases = {
  tooLarge: '{file}: larger than {mb} MB, not a result file',
  notJson: '{file}: not JSON, so not a result file exported by Backchannel',
  notResult: '{file}: not a result file exported by Backchannel ("Export results" on the outcome screen)',
  incomplete: '{file}: a result file without its scenario, role or debrief',
  unreadable: '{file}: could not be read',
  repeat: '{file}: the same result as {of}, counted once',
};

/** Why a file was left out, in words; English unless other `phrases` are given. */
export function leftOutText(l: LeftOut, phrases: LeftOutPhrases = ENGLISH_LEFT_OUT): string {
  const params: Record<string, string> = { file: l.file, mb: String(MAX_RESULT_BYTES / 1024 / 1024), of: l.why.kind === 'repeat' ? l.why.of : '' };
  // One pass, so that a file name holding "{of}" stays as it is.
  return phrases[l.why.kind].replace(/\{(file|mb|of)\}/g, (_, k: string) => params[k]!);
}

function leftOut(file: string, why: LeftOutReason): { error: string; leftOut: LeftOut } {
  const l = { file, why };
  return { error: leftOutText(l), leftOut: l };
}

/**
 * Reads one exported result file. When it is not one, `error` says why in
 * English and `leftOut` says it as data, for a page in another language.
 */
export function readResult(file: string, content: string): { row: ResultRow } | { error: string; leftOut: LeftOut } {
  if (content.length > MAX_RESULT_BYTES) return leftOut(file, { kind: 'tooLarge' });
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return leftOut(file, { kind: 'notJson' });
  }
  if (!isObject(data) || data['app'] !== 'backchannel' || data['kind'] !== 'debrief') return leftOut(file, { kind: 'notResult' });
  const scenario = isObject(data['scenario']) ? text(data['scenario']['id'], 64) : undefined;
  const role = text(data['role'], 64);
  const debrief = data['debrief'];
  if (scenario === undefined || role === undefined || !isObject(debrief)) return leftOut(file, { kind: 'incomplete' });
  const ending = isObject(debrief['ending']) ? debrief['ending'] : null;
  const path = Array.isArray(debrief['path']) ? debrief['path'] : [];
  const turns = typeof debrief['turns'] === 'number' && Number.isFinite(debrief['turns']) ? debrief['turns'] : 0;
  return {
    row: {
      file,
      player: text(data['player'], 60) ?? '',
      scenario,
      scenarioTitle: (isObject(data['scenario']) && text(data['scenario']['title'])) || scenario,
      role,
      roleName: text(data['roleName'], 120) || role,
      ending: (ending && text(ending['id'], 64)) ?? '',
      endingTitle: (ending && text(ending['title'])) ?? '',
      kind: (ending && text(ending['kind'], 32)) ?? '',
      inZone: debrief['inZone'] === true,
      turns,
      choices: path.length,
      exportedAt: text(data['exportedAt'], 40) ?? '',
      key: JSON.stringify([
        scenario,
        role,
        text(data['player'], 60) ?? '',
        text(data['exportedAt'], 40) ?? '',
        typeof data['seed'] === 'number' ? data['seed'] : null,
        Array.isArray(data['moves']) ? data['moves'].slice(0, 10_000).map((m) => text(m, 64) ?? '') : [],
      ]),
    },
  };
}

/**
 * The results with each one kept once: a file that repeats a result already
 * read (the same key) is left out, with the file it repeats. The first file
 * read of a result is the one kept.
 */
export function uniqueResults(rows: readonly ResultRow[]): { rows: ResultRow[]; repeats: LeftOut[] } {
  const first = new Map<string, ResultRow>();
  const repeats: LeftOut[] = [];
  for (const r of rows) {
    const seen = first.get(r.key);
    if (seen) repeats.push({ file: r.file, why: { kind: 'repeat', of: seen.file } });
    else first.set(r.key, r);
  }
  return { rows: [...first.values()], repeats };
}

/** How many results reached each ending, per scenario and role, most first. */
export function endingCounts(rows: ResultRow[]): { scenario: string; role: string; ending: string; title: string; count: number }[] {
  const counts = new Map<string, { scenario: string; role: string; ending: string; title: string; count: number }>();
  for (const r of rows) {
    const key = JSON.stringify([r.scenario, r.role, r.ending]);
    const c = counts.get(key) ?? { scenario: r.scenario, role: r.role, ending: r.ending, title: r.endingTitle, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => a.scenario.localeCompare(b.scenario) || a.role.localeCompare(b.role) || b.count - a.count || a.ending.localeCompare(b.ending));
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with
 * =, +, -, @ or a tab) is kept as text with a leading apostrophe: a result
 * file written by hand must not run anything on the teacher's machine.
 */
export function csvCell(v: string | number | boolean): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV, one header line and one line a result. */
export function toCsv(rows: ResultRow[]): string {
  const head = ['player', 'scenario', 'role', 'ending', 'ending title', 'kind', 'inside the zone', 'turns', 'choices', 'exported at', 'file'];
  const lines = rows.map((r) => [r.player, r.scenario, r.role, r.ending, r.endingTitle, r.kind, r.inZone, r.turns, r.choices, r.exportedAt, r.file].map(csvCell).join(','));
  return `${[head.join(','), ...lines].join('\n')}\n`;
}

/** A scenario's names in one language: its title, its roles' names and its endings' titles, by id. */
export interface ScenarioNames {
  title: string;
  roles: ReadonlyMap<string, string>;
  endings: ReadonlyMap<string, string>;
}

/** A scenario the game has, with the translations of it that passed their check. */
export interface KnownScenario {
  scenario: Scenario;
  translations?: readonly { language: string; texts: Record<string, string> }[];
}

/**
 * The names of each scenario in `lang`: from its translation into that
 * language, or as written when written in it. A scenario with neither is
 * not listed, and its results keep the names their files give.
 */
export function scenarioNames(scenarios: readonly KnownScenario[], lang: string): Map<string, ScenarioNames> {
  const out = new Map<string, ScenarioNames>();
  const base = (tag: string) => tag.toLowerCase().split('-')[0];
  for (const entry of scenarios) {
    const t = pickTranslation(entry.translations ?? [], entry.scenario.language, lang);
    const own = base(entry.scenario.language ?? 'en') === base(lang);
    if (!t && !own) continue;
    const s = t ? applyTranslation(entry.scenario, t.texts, t.language) : entry.scenario;
    out.set(s.id, { title: s.title, roles: new Map(s.roles.map((r) => [r.id, r.name])), endings: new Map(s.endings.map((e) => [e.id, e.title])) });
  }
  return out;
}

/**
 * The text given most often, so that one name shows for one thing however
 * many languages the files were exported in; a tie goes to the first in
 * code-point order, so the choice does not depend on the order files came in.
 */
export function mostCommon(values: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let most = 0;
  for (const [v, n] of counts) if (n > most || (n === most && v < best)) [best, most] = [v, n];
  return best;
}

/**
 * The rows with one name for each scenario, role and ending: the one
 * `known` gives when it has the scenario and the id, else the one most
 * files give.
 */
export function withNames(rows: readonly ResultRow[], known: ReadonlyMap<string, ScenarioNames> = new Map()): ResultRow[] {
  const given = new Map<string, string[]>();
  const note = (key: string, value: string) => {
    const list = given.get(key);
    if (list) list.push(value);
    else given.set(key, [value]);
  };
  const keyOf = (...parts: string[]) => JSON.stringify(parts);
  for (const r of rows) {
    note(keyOf('s', r.scenario), r.scenarioTitle);
    note(keyOf('r', r.scenario, r.role), r.roleName);
    note(keyOf('e', r.scenario, r.ending), r.endingTitle);
  }
  const chosen = new Map<string, string>();
  const pick = (key: string, own: string | undefined) => {
    let v = chosen.get(key);
    if (v === undefined) chosen.set(key, (v = own ?? mostCommon(given.get(key) ?? [])));
    return v;
  };
  return rows.map((r) => {
    const names = known.get(r.scenario);
    return {
      ...r,
      scenarioTitle: pick(keyOf('s', r.scenario), names?.title) || r.scenarioTitle,
      roleName: pick(keyOf('r', r.scenario, r.role), names?.roles.get(r.role)) || r.roleName,
      endingTitle: r.ending === '' ? r.endingTitle : pick(keyOf('e', r.scenario, r.ending), names?.endings.get(r.ending)) || r.endingTitle,
    };
  });
}

/** The results of one scenario and role: how many, how many inside the zone of agreement, and how many reached each ending, most first. */
export interface ResultGroup {
  scenario: string;
  role: string;
  scenarioTitle: string;
  roleName: string;
  total: number;
  inZone: number;
  endings: { ending: string; title: string; count: number }[];
}

/** A class's results as a teacher reads them, before they are put in words. */
export interface ClassSummary {
  /** Each result once, named as {@link withNames} names them, in the order of the players' names. */
  rows: ResultRow[];
  /** The files left out because they repeat a result already read. */
  repeats: LeftOut[];
  groups: ResultGroup[];
}

/**
 * The summary that `npm run results` and the class results page both give:
 * each result once, one name for each scenario, role and ending (`known`
 * gives the names in the reader's language), rows in the order of the
 * players' names, and per scenario and role how many reached each ending.
 */
export function classSummary(read: readonly ResultRow[], known: ReadonlyMap<string, ScenarioNames> = new Map()): ClassSummary {
  const unique = uniqueResults(read);
  const rows = withNames(unique.rows, known);
  // Group names often carry numbers: "Group 2" comes before "Group 10".
  rows.sort((a, b) => a.player.localeCompare(b.player, undefined, { numeric: true, sensitivity: 'base' }) || a.exportedAt.localeCompare(b.exportedAt) || a.file.localeCompare(b.file));
  const groups: ResultGroup[] = [];
  for (const c of endingCounts(rows)) {
    let g = groups.find((x) => x.scenario === c.scenario && x.role === c.role);
    if (!g) {
      const first = rows.find((r) => r.scenario === c.scenario && r.role === c.role)!;
      g = { scenario: c.scenario, role: c.role, scenarioTitle: first.scenarioTitle, roleName: first.roleName, total: 0, inZone: 0, endings: [] };
      groups.push(g);
    }
    g.total += c.count;
    g.inZone += rows.filter((r) => r.scenario === c.scenario && r.role === c.role && r.ending === c.ending && r.inZone).length;
    g.endings.push({ ending: c.ending, title: c.title, count: c.count });
  }
  return { rows, repeats: unique.repeats, groups };
}
