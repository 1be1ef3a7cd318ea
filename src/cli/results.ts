/**
 * `npm run results -- FILE... [--csv]`: a teacher's summary of the result
 * files players exported, as a table or as CSV for a spreadsheet.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, runTool, UsageError } from './args.js';
import { classSummary, leftOutText, MAX_RESULT_BYTES, readResult, scenarioNames, toCsv, type ResultRow, type ScenarioNames } from '../engine/results.js';
import { checkScenarioFolder } from '../game/build/scenario-plugin.js';
import { fill, stringsFor } from '../game/i18n.js';

const USAGE = `usage: npm run results -- FILE_OR_FOLDER... [--csv]
  Summarises result files exported with "Export results": who played which role, the ending, whether
  the final package was inside the zone of agreement, and how many reached each ending.
  A folder stands for the .json files directly inside it.
  --csv prints one line a result instead, for a spreadsheet.`;

/**
 * The names of the game's scenarios in English, from the folder the game is
 * built from, so that the summary names each scenario, role and ending as
 * the class results page does. Names only: the proof that every ending can
 * be reached is left to the build.
 */
function gameScenarioNames(): Map<string, ScenarioNames> {
  const dir = process.env['BACKCHANNEL_SCENARIO_DIR'] ?? resolve(import.meta.dirname, '../../scenarios');
  try {
    return scenarioNames(checkScenarioFolder(dir, dir, new Map(), { prove: false }).scenarios, 'en');
  } catch {
    // Without the game's scenarios, the names most files give still make one summary.
    return new Map();
  }
}

/** More files than any class exports; a bound so a mistyped folder (a whole disk) is refused, not read. */
const MAX_FOLDER_FILES = 5000;

await runTool(USAGE, () => {
  const args = parseArgs(process.argv.slice(2), { tool: 'results', valued: [], flags: ['csv', 'help'] });
  if (args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.files.length === 0) throw new UsageError('name at least one result file, or the folder that holds them');
  const read: ResultRow[] = [];
  const problems: string[] = [];
  // A folder is read here rather than left to the shell, whose * does not expand in Windows' Command Prompt or PowerShell.
  const files: string[] = [];
  for (const name of args.files) {
    let listing: string[] | null = null;
    try {
      if (statSync(name).isDirectory()) listing = readdirSync(name).filter((f) => f.toLowerCase().endsWith('.json')).sort();
    } catch {
      // Reported below, when the name is read as a file.
    }
    if (listing === null) files.push(name);
    else if (listing.length === 0) problems.push(`${name}: a folder with no .json files in it`);
    else if (listing.length > MAX_FOLDER_FILES) problems.push(`${name}: more than ${MAX_FOLDER_FILES} .json files; split them into smaller folders`);
    else files.push(...listing.map((f) => join(name, f)));
  }
  for (const file of files) {
    try {
      const st = statSync(file);
      if (st.isDirectory()) {
        problems.push(`${file}: a folder inside a folder; name it on its own`);
        continue;
      }
      if (st.size > MAX_RESULT_BYTES) {
        problems.push(leftOutText({ file, why: { kind: 'tooLarge' } }));
        continue;
      }
      const r = readResult(file, readFileSync(file, 'utf8'));
      if ('row' in r) read.push(r.row);
      else problems.push(r.error);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'could not be read'}`);
    }
  }
  const summary = classSummary(read, read.length > 0 ? gameScenarioNames() : new Map());
  const rows = summary.rows;
  problems.push(...summary.repeats.map((l) => leftOutText(l)));
  for (const p of problems) process.stderr.write(`left out: ${p}\n`);
  if (args.flags.has('csv')) {
    process.stdout.write(toCsv(rows));
  } else {
    // The class results page's words, so that the two read alike.
    const t = stringsFor('en').strings.results;
    const table = [['player', 'scenario', 'role', 'ending', 'inside the zone', 'turns', 'choices'], ...rows.map((r) => [r.player || t.unnamed, r.scenarioTitle, r.roleName, r.endingTitle || r.ending || t.noEnding, r.inZone ? t.yes : t.no, String(r.turns), String(r.choices)])];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
    const line = (row: string[]) => row.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
    const out = [`${rows.length} result${rows.length === 1 ? '' : 's'}`, '', ...table.map(line), '', t.zoneNote, '', 'endings reached:'];
    for (const g of summary.groups) {
      out.push(`  ${fill(t.endingsFor, { scenario: g.scenarioTitle, role: g.roleName })}: ${fill(t.groupNote, { n: g.inZone, total: g.total })}`);
      for (const e of g.endings) out.push(`    ${e.title || e.ending || t.noEnding} × ${e.count}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  // Usable output with some files left out is still a summary; none at all is a failure.
  return rows.length === 0 ? 1 : 0;
});

