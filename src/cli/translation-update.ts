/**
 * `npm run -s translation -- --update FILE`: a translation file brought up
 * to date with its scenario, on stdout, or written over the file with
 * `--write`. What was added, the texts whose original changed, and the
 * keys the scenario no longer has are told on stderr, so that stdout stays
 * the file alone.
 */
import { fstatSync, statSync } from 'node:fs';
import { closest, formatDiagnostic, type Diagnostic } from '../scenario/diagnostics.js';
import { readParsedScenario } from '../scenario/load.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { checkTranslation, isTranslationData, languageOf, textSlots, translationHead, type ScenarioLookup } from '../scenario/translation.js';
import { shown as shownText } from '../scenario/originals.js';
import { STILL_TO_TRANSLATE, TO_REVISE, updateTranslation } from '../scenario/translation-update.js';
import { UsageError } from './args.js';
import { findScenarioNear } from './find-scenario.js';
import { readScenarioFile } from './read-file.js';
import { replaceFile } from './write-file.js';

/** Added keys are listed one a line up to this many; the file's marks find the rest. */
const LISTED = 20;

export interface UpdateOptions {
  write: boolean;
  dropStale: boolean;
}

/**
 * Brings the translation `file` up to date. `named` is what else was named:
 * nothing, the scenario file, or the scenario file and the language.
 * Returns the exit code; usage errors are thrown.
 */
export function updateCommand(file: string, named: readonly string[], options: UpdateOptions, err: (line: string) => void, out: (text: string) => void): number {
  if (named.length > 2) throw new UsageError(`with --update, name at most the scenario file (and its language), not ${named.length} more files`);
  // `> FILE` has emptied the file before anything here runs: what it held is gone, and reading it would only say it is empty.
  if (sameFile(1, file))
    throw new UsageError(
      `the output is sent into ${file} itself, and the shell emptied that file before the update could read it. Get it back (from a copy, or \`git checkout -- ${file}\`), then use --write to rewrite it in place: npm run -s translation -- --update ${file} --write`,
    );

  const read = readScenarioFile(file);
  if ('diagnostic' in read) {
    err(formatDiagnostic(read.diagnostic));
    return 1;
  }
  const parsed = parseScenarioText(read.bytes, file);
  if (parsed.data !== undefined && !isTranslationData(parsed.data))
    throw new UsageError(`${file} is a scenario, not a translation: --update takes a translation file. To start one, type npm run -s translation -- ${file} LANGUAGE > FILE`);
  const head = translationHead(parsed.data);
  const [scenarioFile, language] = named;
  if (language !== undefined && head.language !== undefined && language.toLowerCase() !== head.language.toLowerCase())
    throw new UsageError(`${file} is a translation into ${head.language}, not ${language}: leave the language out, --update takes it from the file`);

  let lookup: ((id: string) => ScenarioLookup) | undefined;
  if (scenarioFile !== undefined) {
    const given = readScenarioFile(scenarioFile);
    if ('diagnostic' in given) {
      err(formatDiagnostic(given.diagnostic));
      return 1;
    }
    const p = parseScenarioText(given.bytes, scenarioFile);
    if (isTranslationData(p.data)) throw new UsageError(`${scenarioFile} is a translation too: name the scenario file it translates, or nothing to look for it in ${file}'s folder`);
    const r = readParsedScenario(p);
    if (!r.scenario) {
      for (const d of r.diagnostics) err(formatDiagnostic(d));
      err(`${scenarioFile} has errors: fix them first (npm run validate -- ${scenarioFile}); ${file} was not updated.`);
      return 1;
    }
    if (head.scenario !== undefined && head.scenario !== r.scenario.id)
      throw new UsageError(`${scenarioFile} is the scenario '${r.scenario.id}', but ${file} translates '${head.scenario}': name that scenario's file, or nothing to look for it in ${file}'s folder`);
    const found = { found: r.scenario, file: scenarioFile };
    lookup = () => found;
  }

  // The checks validate makes; a key the scenario lacks is what the update is for, anything else is fixed first.
  let scenario: { found: Scenario; file: string } | undefined;
  const check = checkTranslation(parsed, (id) => {
    const r = lookup ? lookup(id) : findScenarioNear(id, file);
    if ('found' in r) scenario = r;
    return r;
  });
  const blocking = check.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'BC702');
  if (blocking.length > 0 || !scenario || head.language === undefined) {
    for (const d of check.diagnostics) err(formatDiagnostic(d));
    err(`${file} was not updated: fix the errors above, then run the update again.`);
    return 1;
  }

  const text = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('utf8');
  const form = parsed.reader === 'json' ? 'json' : 'yaml';
  const u = updateTranslation(text, form, scenario.found, { dropStale: options.dropStale });
  const changed = u.text !== text;

  if (options.write) {
    if (changed) {
      const why = replaceFile(file, u.text);
      if (why !== undefined) {
        err(`${file}:1:1: the updated translation could not be written: ${why}. The file is unchanged.`);
        err('  Check that you may write to the file and its folder, or print it instead (leave out --write) and save it elsewhere.');
        return 1;
      }
    }
  } else out(u.text);

  const id = scenario.found.id;
  const own = languageOf(scenario.found);
  if (u.added.length > 0) {
    const marked = form === 'json' ? '(JSON has no comments to mark them with)' : `and marked \`# ${STILL_TO_TRANSLATE}\``;
    err(`${file}: added ${count(u.added.length, 'text')} the scenario '${id}' has and the translation lacked, ${u.added.length === 1 ? '' : 'each '}still in ${own} ${marked}:`);
    for (const k of u.added.slice(0, LISTED)) err(`  ${k}`);
    if (u.added.length > LISTED) err(`  and ${u.added.length - LISTED} more${form === 'json' ? '' : ` (search the file for ${STILL_TO_TRANSLATE})`}`);
  }
  if (u.revised.length > 0) {
    const n = u.revised.length;
    const marked = form === 'json' ? ` (JSON has no comments to mark ${n === 1 ? 'it' : 'them'} with); revise ${n === 1 ? 'it' : 'them'} to match` : `; ${n === 1 ? 'it is' : 'each is'} marked \`# ${TO_REVISE}\`: revise ${n === 1 ? 'it' : 'each'} to match, then delete the mark`;
    err(`${file}: the scenario '${id}' changed the words of ${count(n, 'text')} after ${n === 1 ? 'it was' : 'they were'} translated${marked}. ${n === 1 ? 'Its words' : 'Their words'} now:`);
    const words = new Map(textSlots(scenario.found).map((s) => [s.key, s.text]));
    for (const k of u.revised.slice(0, LISTED)) err(`  ${k}: "${shown(words.get(k) ?? '')}"`);
    if (n > LISTED) err(`  and ${n - LISTED} more${form === 'json' ? '' : ` (search the file for ${TO_REVISE})`}`);
  }
  if (u.untranslated.length > 0) {
    const n = u.untranslated.length;
    const marked = form === 'json' ? ` (JSON has no comments to mark ${n === 1 ? 'it' : 'them'} with)` : `, still marked \`# ${STILL_TO_TRANSLATE}\``;
    err(`${file}: the scenario '${id}' changed the words of ${count(n, 'text')} not yet translated; ${n === 1 ? 'it now holds' : 'each now holds'} the new words, still in ${own}${marked}:`);
    for (const k of u.untranslated.slice(0, LISTED)) err(`  ${k}`);
    if (n > LISTED) err(`  and ${n - LISTED} more${form === 'json' ? '' : ` (search the file for ${STILL_TO_TRANSLATE})`}`);
  }
  if (u.recorded)
    err(
      u.assumed.length > 0
        ? `${file}: had no record of the words its texts were translated from, so one is added under \`originals:\`, assuming the ${count(u.assumed.length, 'text')} translated so far match the words the scenario '${id}' has now. Revise by hand any that was translated from older words; from now on, a change to the scenario's words is told.`
        : `${file}: added \`originals:\`, the record of the scenario's words each text is translated from, so that a change to them is told.`,
    );
  else if (u.assumed.length > 0) {
    const n = u.assumed.length;
    err(`${file}: recorded under \`originals:\` the scenario's words for ${count(n, 'text')} that had none, assuming ${n === 1 ? 'its translation matches' : 'their translations match'} the words as they are now:`);
    for (const k of u.assumed.slice(0, LISTED)) err(`  ${k}`);
    if (n > LISTED) err(`  and ${n - LISTED} more`);
  }
  if (u.forgotten.length > 0)
    err(`${file}: removed from \`originals:\` what it recorded for ${u.forgotten.length === 1 ? 'a key' : `${u.forgotten.length} keys`} neither the texts nor the scenario have: ${u.forgotten.slice(0, LISTED).map((k) => `'${shown(k)}'`).join(', ')}${u.forgotten.length > LISTED ? ', …' : ''}`);
  if (u.stale.length > 0) {
    for (const key of u.stale) {
      const at = parsed.locateKey(['texts', key]);
      err(`${file}:${at.line}:${at.col}: '${shown(key)}' is not a text of the scenario '${id}' any more; ${u.dropped ? 'removed' : 'kept'}`);
      for (const h of staleHints(key, u.added, check.diagnostics, at, u.dropped)) err(`  ${h}`);
      if (u.dropped) err(`  Its text was: ${shown(String(valueOf(parsed.data, key)))}`);
    }
    if (!u.dropped) {
      const again = `npm run -s translation -- --update ${file}${scenarioFile !== undefined ? ` ${scenarioFile}` : ''} --drop-stale${options.write ? ' --write' : ''}`;
      const them = u.stale.length === 1 ? 'it' : 'them';
      err(
        `${u.stale.length === 1 ? 'This key is' : `These ${u.stale.length} keys are`} kept, and validate reports ${them} as ${them === 'it' ? 'an error' : 'errors'} (BC702) until ${them === 'it' ? 'it goes' : 'they go'}. Move any translation worth keeping to its new key, then remove ${them} by hand or run: ${again}`,
      );
    }
  }
  if (!changed) err(`${file} is up to date with the scenario '${id}' (${scenario.file}): nothing to add${u.stale.length > 0 && !u.dropped ? '' : ' or remove'}.`);
  else if (options.write) err(`${file} rewritten.`);
  else err(`${file} itself is unchanged: the file brought up to date is on the output. Add --write to rewrite ${file} in place.`);
  return 0;
}

/** For a key the scenario lacks: the key it was likely renamed to, among those added; else validate's own hints. */
function staleHints(key: string, added: readonly string[], diagnostics: readonly Diagnostic[], at: { line: number; col: number }, dropped: boolean): string[] {
  const near = closest(key, added);
  if (near !== undefined) return [`Was it renamed to '${near}' (added above)? ${dropped ? 'Its translation may serve there.' : `Move its translation to '${near}'.`}`];
  return diagnostics.find((d) => d.code === 'BC702' && d.line === at.line && d.col === at.col)?.hints ?? [];
}

function valueOf(data: unknown, key: string): unknown {
  const texts = (data as { texts?: Record<string, unknown> }).texts;
  return texts && Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : undefined;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Text from the file shown in a message: on one line, and cut when long. */
const shown = (text: string) => shownText(text, 100);

/** Whether the open file `fd` is the file at `path`. */
function sameFile(fd: number, path: string): boolean {
  try {
    const a = fstatSync(fd);
    const b = statSync(path);
    return a.isFile() && a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/**
 * When a translation file is named alone, without `--update`: what to tell
 * the author, who most likely meant to bring it up to date, and whose
 * `--update` npm may have kept for itself (it reads it as its own
 * `--update-notifier`, and hands nothing on that tells). Undefined for any
 * other file.
 */
export function translationAlone(file: string, env: NodeJS.ProcessEnv): string | undefined {
  const read = readScenarioFile(file);
  if ('diagnostic' in read) return undefined;
  const parsed = parseScenarioText(read.bytes, file);
  if (!isTranslationData(parsed.data)) return undefined;
  const { scenario, language } = translationHead(parsed.data);
  const kept = ['write', 'drop-stale'].filter((f) => env[`npm_config_${f.replace(/-/g, '_')}`] === 'true');
  const lines = [
    `${file} is a translation${scenario ? ` of the scenario '${scenario}'` : ''}${language ? ` into ${language}` : ''}. To add the texts its scenario has gained, type:`,
    `  npm run -s translation -- --update ${file}${kept.map((f) => ` --${f}`).join('')}`,
  ];
  if (!kept.includes('write')) lines.push('  (that prints the file brought up to date; add --write to rewrite it in place)');
  if (env['npm_lifecycle_event'] !== undefined)
    lines.push('If you typed --update: `npm run` keeps the options written before -- for itself (it takes --update for its own --update-notifier), so the tool never saw it.');
  return lines.join('\n');
}
