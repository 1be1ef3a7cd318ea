/**
 * `npm run graph -- FILE [--format mermaid|dot]`: the scenario's graph on
 * standard output.
 */
import { checkParsedScenario } from '../engine/check.js';
import { toDot, toMermaid } from '../engine/graph.js';
import { formatDiagnostic } from '../scenario/diagnostics.js';
import { parseArgs, runTool, UsageError } from './args.js';
import { parseScenarioText } from '../scenario/parse.js';
import { translationGiven } from './find-scenario.js';
import { readScenarioFile } from './read-file.js';

const USAGE = `usage: npm run graph -- FILE [--format mermaid|dot]
  Prints the scenario's beats, choices and endings as a Mermaid (default) or Graphviz dot graph.`;

await runTool(USAGE, () => {
  const args = parseArgs(process.argv.slice(2), { tool: 'graph', valued: ['format'], flags: ['help'], values: { format: ['mermaid', 'dot'] } });
  if (args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.files.length !== 1) throw new UsageError('name exactly one scenario file');
  const format = args.options.get('format') ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') throw new UsageError(`--format is mermaid or dot, not '${format}'`);
  const file = args.files[0]!;
  const read = readScenarioFile(file);
  const parsed = 'diagnostic' in read ? undefined : parseScenarioText(read.bytes, file);
  const translation = parsed && translationGiven(file, parsed.data, (f) => `npm run graph -- ${f}`);
  if (translation) throw new UsageError(translation);
  const checked = parsed === undefined ? { diagnostics: 'diagnostic' in read ? [read.diagnostic] : [], scenario: undefined } : checkParsedScenario(parsed, { prove: false });
  if (!checked.scenario) {
    for (const d of checked.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }
  process.stdout.write(format === 'dot' ? toDot(checked.scenario) : toMermaid(checked.scenario));
  return 0;
});
