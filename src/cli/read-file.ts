/**
 * Reading a scenario file for the tools, turning file-system failures into
 * diagnostics rather than exceptions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isScenarioFile } from '../scenario/load.js';
import { LIMITS, diag, parseScenarioText } from '../scenario/parse.js';
import { isTranslationData } from '../scenario/translation.js';
import type { Diagnostic } from '../scenario/diagnostics.js';

/** Most files beside a validated one that are looked at for a clash of ids. */
const MAX_BESIDE = 500;

/** The bytes of a file, or a diagnostic saying why it could not be read. */
export function readScenarioFile(file: string): { bytes: Uint8Array } | { diagnostic: Diagnostic } {
  const at = { line: 1, col: 1 };
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { diagnostic: diag(file, at, 'BC101', 'this is a folder, not a scenario file', ['Name a .yaml or .json file, e.g. scenarios/the-call.yaml.']) };
    // A pipe or a device would block the read, or never end it.
    if (!st.isFile()) return { diagnostic: diag(file, at, 'BC101', 'this is not a regular file', ['Name a .yaml or .json file saved on the disk, e.g. scenarios/the-call.yaml.']) };
    if (st.size > LIMITS.maxBytes)
      return { diagnostic: diag(file, at, 'BC102', `the file is ${st.size} bytes; the limit is ${LIMITS.maxBytes} bytes`, ['Split the scenario into smaller scenarios.']) };
    return { bytes: readFileSync(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'the file could not be read';
    return { diagnostic: diag(file, at, 'BC101', why, ['Check the path and that the file exists.']) };
  }
}

/**
 * What names one file whatever the path was typed as: on a disk that
 * ignores case (Windows, macOS), `Copy.yaml` and `copy.yaml` are one file.
 */
export function fileKey(path: string): string {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return resolve(path);
  }
}

/**
 * The scenario files in the folder of `file`, other than it and those in
 * `skip` (by `fileKey`), whose top-level `id:` is `id`: the build reads a
 * folder's files together and refuses two with one id, so an author who
 * validates one copied file hears of the clash now rather than at the build.
 * Only what is needed to find the id is read: a file whose bytes do not hold
 * the id is not parsed, and a file that cannot be read or parsed is passed
 * over in silence, as its own problems are not the subject here.
 */
export function scenariosBesideWithId(file: string, id: string, skip: ReadonlySet<string>): string[] {
  const dir = dirname(file);
  let names: string[];
  try {
    // Bounded like the build's own folder: a mistyped path into a huge folder is not read whole.
    names = readdirSync(dir).filter(isScenarioFile).sort().slice(0, MAX_BESIDE);
  } catch {
    return [];
  }
  const own = fileKey(file);
  const found: string[] = [];
  for (const name of names) {
    const other = join(dir, name);
    const key = fileKey(other);
    if (key === own || skip.has(key)) continue;
    const read = readScenarioFile(other);
    if ('diagnostic' in read || !Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).includes(id)) continue;
    let data: unknown;
    try {
      data = parseScenarioText(read.bytes, other).data;
    } catch {
      continue;
    }
    // A translation names its scenario's id too, but it is not a second scenario.
    if (data !== null && typeof data === 'object' && !isTranslationData(data) && (data as Record<string, unknown>)['id'] === id) found.push(other);
  }
  return found;
}
