/**
 * `npm run validate -- FILE...`: checks scenario and translation files and
 * prints one diagnostic a line. Two valid files with the same scenario id
 * are an error, as they are to the build, and so is a file whose id a
 * scenario file beside it (not named) already has. A translation is checked
 * against its scenario: one of the files given, else the scenario with its
 * id in the translation's folder. Exit 0 when every file is valid
 * (warnings allowed), 1 on any error, 2 on a usage error.
 */
import { basename } from 'node:path';
import { checkParsedScenario, scenarioIdTaken } from '../engine/check.js';
import { formatDiagnostic, type Diagnostic } from '../scenario/diagnostics.js';
import { isScenarioFile } from '../scenario/load.js';
import { diag, isBinaryFile, parseScenarioText, type ParsedFile } from '../scenario/parse.js';
import { checkTranslation, checkTranslations, isTranslationData, languageOf, textSlots, translationTaken, type ScenarioLookup } from '../scenario/translation.js';
import { TO_REVISE } from '../scenario/translation-update.js';
import { parseArgs, runTool, UsageError } from './args.js';
import { findScenarioNear, scenariosBesideWithId, translationsBeside } from './find-scenario.js';
import { fileKey, readScenarioFile } from './read-file.js';

const USAGE = `usage: npm run validate -- FILE... [--quiet]
  Checks each scenario or translation file (YAML or JSON) and prints FILE:LINE:COL: error|warning CODE: message.
  Files that give the same scenario id are an error, as they are to the build; so is a file whose id
  another scenario file in its folder already has.
  A translation is checked against its scenario: a file given, else the one with its id in its folder.
  Below the count, for each translation: its texts that still read as the scenario's, and how many are marked # TODO revise.
  --quiet   print nothing but the diagnostics (no count, nothing on what is left to translate)`;

await runTool(USAGE, () => {
  const args = parseArgs(process.argv.slice(2), { tool: 'validate', valued: [], flags: ['quiet', 'help'] });
  if (args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.files.length === 0) throw new UsageError('name at least one scenario file');
  let errors = 0;
  let warnings = 0;
  const ids = new Map<string, string>();
  // Files named on the command line are compared with each other here; the looks at their folders pass over them.
  const named = new Set(args.files.map(fileKey));
  // Scenario files given, by id, for the translations among the files: a valid one, or the file of one with errors.
  const byId = new Map<string, ScenarioLookup>();
  const found: Diagnostic[][] = [];
  const translations: { parsed: ParsedFile; into: Diagnostic[] }[] = [];
  for (const file of args.files) {
    const read = readScenarioFile(file);
    const diagnostics: Diagnostic[] = [];
    found.push(diagnostics);
    if ('diagnostic' in read) diagnostics.push(read.diagnostic);
    else {
      const name = basename(file);
      if (/\.schema\.json$/i.test(name)) {
        diagnostics.push(
          diag(file, { line: 1, col: 1 }, 'BC108', 'the game does not read files whose names end in .schema.json, so it will not show this one', [
            `That ending is kept for the JSON Schema that editors use: rename it, e.g. to ${name.replace(/\.schema\.json$/i, '.json')}.`,
          ]),
        );
      } else if (!isScenarioFile(name) && !isBinaryFile(read.bytes)) {
        // A picture or a document is told as that (BC101): renaming it would not make it a scenario.
        // An editor that adds its own ending (Notepad's .txt) leaves the one meant before it: keep that one.
        const meant = /\.(ya?ml|json)(?=\.[^.]*$)/i.exec(name);
        const stem = meant ? name.slice(0, meant.index) : name.replace(/\.[^.]*$/, '') || name;
        const rename = meant ? `Rename it to ${stem}${meant[0]}` : `Rename it, e.g. to ${stem}.yaml (or ${stem}.json if it is written in JSON)`;
        diagnostics.push(
          diag(file, { line: 1, col: 1 }, 'BC108', 'the game reads only files whose names end in .yaml, .yml or .json, so it will not show this one', [
            `${rename}, and keep it in the scenarios folder.`,
          ]),
        );
      }
      const parsed = parseScenarioText(read.bytes, file);
      // Translations are checked once every scenario given is known.
      if (isTranslationData(parsed.data)) {
        translations.push({ parsed, into: diagnostics });
        continue;
      }
      const r = checkParsedScenario(parsed);
      diagnostics.push(...r.diagnostics);
      if (r.scenario) {
        const at = r.idAt ?? { line: 1, col: 1 };
        const other = ids.get(r.scenario.id);
        if (other !== undefined) diagnostics.push(scenarioIdTaken(file, r.scenario.id, other, at));
        else {
          ids.set(r.scenario.id, file);
          byId.set(r.scenario.id, { found: r.scenario, file });
          const [beside, ...more] = scenariosBesideWithId(file, r.scenario.id, named);
          if (beside !== undefined)
            diagnostics.push(
              scenarioIdTaken(file, r.scenario.id, beside, at, [
                `The build reads every scenario file in this folder together, and refuses two with one id${more.length > 0 ? ` (${more.join(', ')} ${more.length === 1 ? 'has' : 'have'} it too)` : ''}.`,
              ]),
            );
        }
      } else {
        const id = (parsed.data as Record<string, unknown> | undefined)?.['id'];
        if (typeof id === 'string' && !byId.has(id)) byId.set(id, { broken: file });
      }
    }
  }
  // A translation's scenario is one of the files given, else the file with its id in the translation's folder.
  const lookup = (id: string, file: string): ScenarioLookup => {
    const hit = byId.get(id);
    if (hit) return hit;
    const near = findScenarioNear(id, file, named);
    return 'missing' in near ? { missing: [...ids.keys(), ...near.missing] } : near;
  };
  const outcomes = checkTranslations(translations.map((t) => t.parsed), lookup);
  const leftToDo: { file: string; same: string[]; revise: number; lang: string; into: string }[] = [];
  outcomes.forEach((o, i) => {
    const { parsed, into } = translations[i]!;
    into.push(...o.diagnostics);
    if (o.translation) {
      const hit = lookup(o.translation.scenario, parsed.file);
      if ('found' in hit) {
        const texts = o.translation.texts;
        const same = textSlots(hit.found)
          .filter((slot) => Object.prototype.hasOwnProperty.call(texts, slot.key) && texts[slot.key] === slot.text)
          .map((slot) => slot.key);
        leftToDo.push({ file: parsed.file, same, revise: reviseMarks(parsed.text), lang: languageOf(hit.found), into: o.translation.language });
      }
    }
    // The build reads the translations beside it too, and refuses a second one into the same language.
    if (!o.translation || o.diagnostics.some((d) => d.code === 'BC704')) return;
    const beside = translationsBeside(parsed.file, o.translation.scenario, o.translation.language, named).map((p) => ({
      file: p.file,
      errors: checkTranslation(p, (id) => lookup(id, p.file)).diagnostics.filter((d) => d.severity === 'error').length,
    }));
    // A sound one is the clash itself; one with errors is told as such, being most likely the file this one mends.
    const other = beside.find((b) => b.errors === 0) ?? beside[0];
    if (other !== undefined) {
      for (let j = into.length - 1; j >= 0; j--) if (into[j]!.code === 'BC703') into.splice(j, 1);
      into.push(translationTaken(parsed.file, o.translation.scenario, o.translation.language, other, parsed.locate(['translation', 'language'])));
    }
  });
  for (const diagnostics of found) {
    for (const d of diagnostics) {
      process.stdout.write(`${formatDiagnostic(d)}\n`);
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  if (!args.flags.has('quiet')) {
    const files = `${args.files.length} file${args.files.length === 1 ? '' : 's'}`;
    process.stderr.write(`${files} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    // What is left to translate is valid, so no diagnostic counts it; the translator still needs to know how much.
    for (const left of leftToDo) {
      if (left.same.length > 0) {
        const keys = left.same.length > 5 ? `${left.same.slice(0, 4).join(', ')} and ${left.same.length - 4} more` : left.same.join(', ');
        const n = left.same.length;
        process.stderr.write(`${left.file}: ${n} text${n === 1 ? ' reads' : 's read'} just as in the scenario (${left.lang}), still to translate unless ${n === 1 ? 'it reads' : 'they read'} the same in ${left.into} (a name, say): ${keys}\n`);
      }
      if (left.revise > 0) process.stderr.write(`${left.file}: ${left.revise} text${left.revise === 1 ? '' : 's'} marked \`# ${TO_REVISE}\`, to revise to the scenario's new words\n`);
    }
  }
  return errors > 0 ? 1 : 0;
});

/** How many lines of a YAML translation carry the update's mark for a text to revise, in a comment (JSON has none). */
function reviseMarks(text: string): number {
  let n = 0;
  // A mark is a comment: a # at the start of a line or after a space, so a # inside a text's words does not count.
  for (const line of text.split('\n')) if (/(?:^|\s)#.*$/.exec(line)?.[0].includes(TO_REVISE)) n++;
  return n;
}
