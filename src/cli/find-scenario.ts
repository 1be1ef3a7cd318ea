/**
 * Looking at the other files in a file's folder, which the build reads with
 * it: the scenario a translation translates (the tools are often given a
 * translation alone), a scenario with the same id, a second translation into
 * one language.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isScenarioFile, readParsedScenario } from '../scenario/load.js';
import { parseScenarioText, type ParsedFile } from '../scenario/parse.js';
import { isTranslationData, translationHead, type ScenarioLookup } from '../scenario/translation.js';
import { fileKey, readScenarioFile } from './read-file.js';

/** More files than this in one folder are not looked through: a mistyped path into a huge folder is not read whole. */
const MAX_FILES = 500;

/**
 * The other scenario and translation files in the folder of `file`, read
 * and parsed one at a time as the caller asks for them: those whose names
 * `first` picks come first, then the rest in name order. Files in `skip`
 * (by `fileKey`, already compared by the caller) are left out, and so is a
 * file whose bytes lack `mustHold`, unparsed. A file that cannot be read is
 * passed over in silence: its own problems are not the subject here.
 */
function* filesBeside(file: string, skip: ReadonlySet<string>, mustHold?: string, first: (name: string) => boolean = () => false): Generator<{ path: string; parsed: ParsedFile }> {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir).filter(isScenarioFile).sort();
  } catch {
    return;
  }
  const own = fileKey(file);
  for (const name of [...names.filter(first), ...names.filter((n) => !first(n))].slice(0, MAX_FILES)) {
    const path = join(dir, name);
    const key = fileKey(path);
    if (key === own || skip.has(key)) continue;
    const read = readScenarioFile(path);
    if ('diagnostic' in read) continue;
    if (mustHold !== undefined && !Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).includes(mustHold)) continue;
    yield { path, parsed: parseScenarioText(read.bytes, path) };
  }
}

const topId = (data: unknown): unknown => (data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['id'] : undefined);

/**
 * The scenario files in the folder of `file` whose top-level `id:` is `id`:
 * the build reads a folder's files together and refuses two with one id, so
 * an author who validates one copied file hears of the clash now rather
 * than at the build. A translation names its scenario's id too, but it is
 * not a second scenario.
 */
export function scenariosBesideWithId(file: string, id: string, skip: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  for (const { path, parsed } of filesBeside(file, skip, id)) if (!isTranslationData(parsed.data) && topId(parsed.data) === id) found.push(path);
  return found;
}

/**
 * Looks in the folder of `file` for the scenario whose id is `id`: the
 * file named after the id first, then every other scenario file.
 */
export function findScenarioNear(id: string, file: string, skip: ReadonlySet<string> = new Set()): ScenarioLookup {
  const seen: string[] = [];
  for (const { path, parsed } of filesBeside(file, skip, undefined, (n) => n.replace(/\.(ya?ml|json)$/i, '') === id)) {
    if (isTranslationData(parsed.data)) continue;
    const found = topId(parsed.data);
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
 * The other translation files in the folder of `file` whose header names
 * the scenario `scenario` and the language `language` too, read: the build
 * reads the folder together and refuses a second translation into one
 * language (BC704), so a translation validated on its own hears of it now.
 * The caller checks each, to say whether it has errors of its own.
 */
export function translationsBeside(file: string, scenario: string, language: string, skip: ReadonlySet<string> = new Set()): ParsedFile[] {
  const found: ParsedFile[] = [];
  for (const { parsed } of filesBeside(file, skip, scenario)) {
    if (!isTranslationData(parsed.data)) continue;
    const head = translationHead(parsed.data);
    if (head.scenario === scenario && head.language?.toLowerCase() === language.toLowerCase()) found.push(parsed);
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
