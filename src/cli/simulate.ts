/**
 * `npm run simulate -- FILE [--runs N] [--seed S] [--role R] [--json]`:
 * plays N seeded random playthroughs (1000 with seed 1 unless given) and
 * reports how often each ending came. The same seed prints the same output.
 */
import { checkParsedScenario } from '../engine/check.js';
import { simulate } from '../engine/simulate.js';
import { formatDiagnostic } from '../scenario/diagnostics.js';
import { intOption, parseArgs, runTool, UsageError } from './args.js';
import { parseScenarioText } from '../scenario/parse.js';
import { translationGiven } from './find-scenario.js';
import { readScenarioFile } from './read-file.js';

const USAGE = `usage: npm run simulate -- FILE [--runs N] [--seed S] [--role ROLE] [--json]
  Plays N seeded random playthroughs of the scenario and counts the endings.
  --runs N    how many playthroughs (1 to 1000000, default 1000)
  --seed S    the seed of every random draw (a whole number, default 1)
  --role R    play only this role (default: the roles in turn)
  --json      print one JSON object instead of a table`;

await runTool(USAGE, () => {
  const args = parseArgs(process.argv.slice(2), { tool: 'simulate', valued: ['runs', 'seed', 'role'], flags: ['json', 'help'] });
  if (args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.files.length !== 1) throw new UsageError('name exactly one scenario file');
  const runs = intOption(args, 'runs', 1000, 1, 1_000_000);
  const seed = intOption(args, 'seed', 1, 0, 0xffffffff);
  const file = args.files[0]!;
  const read = readScenarioFile(file);
  const parsed = 'diagnostic' in read ? undefined : parseScenarioText(read.bytes, file);
  const translation = parsed && translationGiven(file, parsed.data, (f) => `npm run simulate -- ${f}`);
  if (translation) throw new UsageError(translation);
  const checked = parsed === undefined ? { diagnostics: 'diagnostic' in read ? [read.diagnostic] : [], compiled: undefined } : checkParsedScenario(parsed, { prove: false });
  if (!checked.compiled) {
    for (const d of checked.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }
  const role = args.options.get('role');
  if (role !== undefined && !checked.compiled.scenario.roles.some((r) => r.id === role))
    throw new UsageError(`the scenario has no role '${role}' (roles: ${checked.compiled.scenario.roles.map((r) => r.id).join(', ')})`);
  const result = simulate(checked.compiled, { runs, seed, role });
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const width = Math.max(...Object.keys(result.endings).map((k) => k.length), 6);
  const lines = [`${runs} runs, seed ${seed}${role ? `, role ${role}` : ''}`, ''];
  const roles = Object.keys(result.byRole);
  lines.push(`${'ending'.padEnd(width)}  ${'all'.padStart(8)}  ${'share'.padStart(6)}${roles.map((r) => `  ${r.padStart(8)}`).join('')}`);
  for (const [ending, count] of Object.entries(result.endings)) {
    const share = `${((count / runs) * 100).toFixed(1)}%`;
    lines.push(`${ending.padEnd(width)}  ${String(count).padStart(8)}  ${share.padStart(6)}${roles.map((r) => `  ${String(result.byRole[r]![ending] ?? 0).padStart(8)}`).join('')}`);
  }
  lines.push('', `stuck runs: ${result.stuck}`, `mean choices a run: ${result.meanChoices}`, `mean moves a run: ${result.meanMoves}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  // Random runs can miss a rare ending; only the proof can say no play reaches it.
  const missed = Object.entries(result.endings).filter(([, n]) => n === 0).map(([id]) => `'${id}'`);
  if (missed.length > 0)
    process.stderr.write(`note: no run reached ${missed.join(', ')}; \`npm run validate -- ${file}\` proves whether any play can.\n`);
  return 0;
});
