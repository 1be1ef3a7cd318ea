/**
 * Reading a scenario file for the tools, turning file-system failures into
 * diagnostics rather than exceptions.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LIMITS, diag } from '../scenario/parse.js';
import type { Diagnostic } from '../scenario/diagnostics.js';

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
