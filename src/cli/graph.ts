/**
 * `npm run graph -- FILE [--format mermaid|dot]`: the scenario's graph on
 * standard output.
 */
import { checkScenario } from '../engine/check.js';
import { toDot, toMermaid } from '../engine/graph.js';
import { formatDiagnostic } from '../scenario/diagnostics.js';
import { parseArgs, runTool, UsageError } from './args.js';
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
  const checked = 'diagnostic' in read ? { diagnostics: [read.diagnostic], scenario: undefined } : checkScenario(read.bytes, file, { prove: false });
  if (!checked.scenario) {
    for (const d of checked.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }
  process.stdout.write(format === 'dot' ? toDot(checked.scenario) : toMermaid(checked.scenario));
  return 0;
});
