/**
 * `npm run results -- FILE... [--csv]`: a teacher's summary of the result
 * files players exported, as a table or as CSV for a spreadsheet.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, runTool, UsageError } from './args.js';
import { endingCounts, leftOutText, MAX_RESULT_BYTES, readResult, toCsv, uniqueResults, type ResultRow } from '../engine/results.js';

const USAGE = `usage: npm run results -- FILE_OR_FOLDER... [--csv]
  Summarises result files exported with "Export results": who played which role, the ending, whether
  the final package was inside the zone of agreement, and how many reached each ending.
  A folder stands for the .json files directly inside it.
  --csv prints one line a result instead, for a spreadsheet.`;

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
  const unique = uniqueResults(read);
  const rows = unique.rows;
  problems.push(...unique.repeats.map((l) => leftOutText(l)));
  for (const p of problems) process.stderr.write(`left out: ${p}\n`);
  if (args.flags.has('csv')) {
    process.stdout.write(toCsv(rows));
  } else {
    const table = [['player', 'scenario', 'role', 'ending', 'inside the zone', 'turns', 'choices'], ...rows.map((r) => [r.player || '—', r.scenario, r.role, r.endingTitle || r.ending || '—', r.inZone ? 'yes' : 'no', String(r.turns), String(r.choices)])];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
    const line = (row: string[]) => row.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
    const out = [
      `${rows.length} result${rows.length === 1 ? '' : 's'}`,
      '',
      ...table.map(line),
      '',
      'inside the zone: both sides would have accepted the final package, and it holds no mix of options the scenario rules out as incoherent',
      '',
      'endings reached:',
    ];
    for (const c of endingCounts(rows)) out.push(`  ${c.scenario}, ${c.role}: ${c.title || c.ending || 'no ending'} × ${c.count}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  // Usable output with some files left out is still a summary; none at all is a failure.
  return rows.length === 0 ? 1 : 0;
});

