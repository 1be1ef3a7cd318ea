/**
 * Reading the result files players export ("Export results") for a
 * teacher's summary. The files come from students' machines, so each is
 * read as untrusted data: bounded in size, parsed as JSON only, and checked
 * field by field; a file that is not a Backchannel result is named with the
 * reason and left out, never trusted in part.
 */

/** Largest result file read; an export of the flagship is about 60 KB. */
export const MAX_RESULT_BYTES = 2 * 1024 * 1024;

/** One player's result, as the summary shows it. */
export interface ResultRow {
  file: string;
  player: string;
  scenario: string;
  role: string;
  ending: string;
  endingTitle: string;
  kind: string;
  inZone: boolean;
  turns: number;
  choices: number;
  exportedAt: string;
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

/** Reads one exported result file; `error` says in words why it was left out. */
export function readResult(file: string, content: string): { row: ResultRow } | { error: string } {
  if (content.length > MAX_RESULT_BYTES) return { error: `${file}: larger than ${MAX_RESULT_BYTES / 1024 / 1024} MB, not a result file` };
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return { error: `${file}: not JSON, so not a result file exported by Backchannel` };
  }
  if (!isObject(data) || data['app'] !== 'backchannel' || data['kind'] !== 'debrief') return { error: `${file}: not a result file exported by Backchannel ("Export results" on the outcome screen)` };
  const scenario = isObject(data['scenario']) ? text(data['scenario']['id'], 64) : undefined;
  const role = text(data['role'], 64);
  const debrief = data['debrief'];
  if (scenario === undefined || role === undefined || !isObject(debrief)) return { error: `${file}: a result file without its scenario, role or debrief` };
  const ending = isObject(debrief['ending']) ? debrief['ending'] : null;
  const path = Array.isArray(debrief['path']) ? debrief['path'] : [];
  const turns = typeof debrief['turns'] === 'number' && Number.isFinite(debrief['turns']) ? debrief['turns'] : 0;
  return {
    row: {
      file,
      player: text(data['player'], 60) ?? '',
      scenario,
      role,
      ending: (ending && text(ending['id'], 64)) ?? '',
      endingTitle: (ending && text(ending['title'])) ?? '',
      kind: (ending && text(ending['kind'], 32)) ?? '',
      inZone: debrief['inZone'] === true,
      turns,
      choices: path.length,
      exportedAt: text(data['exportedAt'], 40) ?? '',
    },
  };
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
