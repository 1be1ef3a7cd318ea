/**
 * Finding the scenario a translation translates, in the translation's own
 * folder, by the scenario's id: the tools are often given a translation
 * alone, and the game reads the two from one folder.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isScenarioFile, readParsedScenario } from '../scenario/load.js';
import { parseScenarioText } from '../scenario/parse.js';
import { isTranslationData, translationHead, type ScenarioLookup } from '../scenario/translation.js';
import { readScenarioFile } from './read-file.js';

/** More files than this in one folder are not looked through. */
const MAX_FILES = 500;

/**
 * Looks in the folder of `file` for the scenario whose id is `id`: the
 * file named after the id first, then every other scenario file. `skip`
 * holds files (resolved paths) already checked, which are not read again.
 */
export function findScenarioNear(id: string, file: string, skip: ReadonlySet<string> = new Set()): ScenarioLookup {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir).filter(isScenarioFile).sort();
  } catch {
    names = [];
  }
  const named = names.filter((n) => n.replace(/\.(ya?ml|json)$/i, '') === id);
  const ordered = [...named, ...names.filter((n) => !named.includes(n))].slice(0, MAX_FILES);
  const seen: string[] = [];
  for (const name of ordered) {
    const path = join(dir, name);
    if (skip.has(resolve(path)) || resolve(path) === resolve(file)) continue;
    const read = readScenarioFile(path);
    if ('diagnostic' in read) continue;
    const parsed = parseScenarioText(read.bytes, path);
    if (isTranslationData(parsed.data)) continue;
    const found = (parsed.data as Record<string, unknown> | undefined)?.['id'];
    if (typeof found !== 'string') continue;
    if (found !== id) {
      seen.push(found);
      continue;
    }
    const r = readParsedScenario(parsed);
    return r.scenario ? { found: r.scenario, file: path } : { broken: path };
  }
  return { missing: seen };
}

/**
 * The other translation files in the folder of `file` that translate the
 * scenario `scenario` into `language` too: the build reads the folder
 * together and refuses a second translation into one language (BC704), so a
 * translation validated on its own hears of it now. `skip` holds files
 * (resolved paths) already compared with each other.
 */
export function translationsBeside(file: string, scenario: string, language: string, skip: ReadonlySet<string> = new Set()): string[] {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir).filter(isScenarioFile).sort().slice(0, MAX_FILES);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (skip.has(resolve(path)) || resolve(path) === resolve(file)) continue;
    const read = readScenarioFile(path);
    if ('diagnostic' in read) continue;
    const data = parseScenarioText(read.bytes, path).data;
    if (!isTranslationData(data)) continue;
    const head = translationHead(data);
    if (head.scenario === scenario && head.language?.toLowerCase() === language.toLowerCase()) found.push(path);
  }
  return found;
}

/**
 * When a tool that plays or draws a scenario is given a translation: what to
 * tell the author, with the command to run on the scenario instead when the
 * scenario is in the translation's folder. `command` writes that command
 * for a scenario file. Undefined for any other file.
 */
export function translationGiven(file: string, data: unknown, command: (scenarioFile: string) => string): string | undefined {
  if (!isTranslationData(data)) return undefined;
  const { scenario, language } = translationHead(data);
  const what = `${file} is a translation${scenario ? ` of the scenario '${scenario}'` : ''}${language ? ` into ${language}` : ''}, not a scenario`;
  if (!scenario) return `${what}: name the scenario file instead`;
  const near = findScenarioNear(scenario, file);
  const at = 'found' in near ? near.file : 'broken' in near ? near.broken : undefined;
  return at ? `${what}: name the scenario file instead, as in ${command(at)}` : `${what}: name the scenario file instead (the one with \`id: ${scenario}\`)`;
}
