/**
 * `npm run translation -- SCENARIO LANGUAGE`: prints a complete translation
 * file for the scenario, every text still in the scenario's words, for an
 * author to save beside it as `<id>.<language>.yaml` and translate.
 * `npm run translation -- --update FILE` brings a translation written
 * earlier up to date with its scenario (see translation-update.ts).
 */
import { basename, dirname, join } from 'node:path';
import { formatDiagnostic } from '../scenario/diagnostics.js';
import { readParsedScenario } from '../scenario/load.js';
import { parseScenarioText } from '../scenario/parse.js';
import { languageOf, translationSkeleton } from '../scenario/translation.js';
import { scenarioSchema } from '../scenario/schema.js';
import { parseArgs, runTool, UsageError } from './args.js';
import { translationGiven } from './find-scenario.js';
import { readScenarioFile } from './read-file.js';
import { translationAlone, updateCommand } from './translation-update.js';

const USAGE = `usage: npm run translation -- SCENARIO LANGUAGE
       npm run translation -- --update FILE [SCENARIO] [--write] [--drop-stale]
  Prints a translation file for the scenario with every text to translate, in the scenario's own words.
  Save it beside the scenario, e.g. npm run -s translation -- scenarios/the-call.yaml es > scenarios/the-call.es.yaml
  (-s keeps npm's own lines out of the file),
  then translate the values and check it with npm run validate.
  --update FILE  bring the translation FILE up to date with its scenario (the one with its id in its folder,
                 or SCENARIO): the texts the scenario has gained are added, still in its words and marked
                 # TODO translate, and those whose words it changed since they were translated are marked
                 # TODO revise; the file brought up to date is printed, and what changed is told
  --write        rewrite FILE in place instead of printing it
  --drop-stale   remove the keys the scenario no longer has (they are kept and told otherwise)`;

await runTool(USAGE, () => {
  const argv = process.argv.slice(2);
  // A translation named alone is most likely an update whose --update npm kept for itself.
  const alone = argv.length === 1 && !argv[0]!.startsWith('--') ? translationAlone(argv[0]!, process.env) : undefined;
  if (alone) throw new UsageError(alone);
  const args = parseArgs(argv, { tool: 'translation', valued: ['update'], flags: ['write', 'drop-stale', 'help'] });
  if (args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const update = args.options.get('update');
  const write = args.flags.has('write');
  const dropStale = args.flags.has('drop-stale');
  if (update !== undefined)
    return updateCommand(update, args.files, { write, dropStale }, (line) => process.stderr.write(`${line}\n`), (text) => process.stdout.write(text));
  if (write || dropStale) throw new UsageError(`--${write ? 'write' : 'drop-stale'} goes with --update FILE, e.g. npm run -s translation -- --update scenarios/the-call.es.yaml --write`);
  if (args.files.length !== 2) throw new UsageError('name a scenario file and a language, e.g. scenarios/the-call.yaml es');
  const [file, language] = args.files as [string, string];
  if (!scenarioSchema.shape.language.safeParse(language).success) throw new UsageError(`'${language}' is not a language code such as es, fr or pt-BR`);
  const read = readScenarioFile(file);
  if ('diagnostic' in read) {
    process.stderr.write(`${formatDiagnostic(read.diagnostic)}\n`);
    return 1;
  }
  const parsed = parseScenarioText(read.bytes, file);
  const translation = translationGiven(file, parsed.data, (f) => `npm run translation -- ${f} ${language}`);
  if (translation) throw new UsageError(translation);
  const r = readParsedScenario(parsed);
  if (!r.scenario) {
    for (const d of r.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`${file} has errors: fix them first (npm run validate -- ${file}).\n`);
    return 1;
  }
  if (language.toLowerCase() === languageOf(r.scenario).toLowerCase())
    throw new UsageError(`the scenario '${r.scenario.id}' is written in ${languageOf(r.scenario)} already: name the language to translate it into`);
  process.stdout.write(translationSkeleton(r.scenario, language));
  const suggested = join(dirname(file), `${basename(file).replace(/\.(ya?ml|json)$/i, '')}.${language}.yaml`);
  // Told on stderr, so that the file redirected from stdout is the translation alone.
  if (process.stdout.isTTY) process.stderr.write(`\nSave this as ${suggested}, translate the values, then check it: npm run validate -- ${suggested}\n`);
  return 0;
});
