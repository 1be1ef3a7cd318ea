/**
 * Reading a scenario file: parse with positions, check the format version
 * and the schema, then the meaning. Never throws.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { parseScenarioText, type ParsedFile } from './parse.js';
import { checkSchema } from './schema-check.js';
import { checkSemantics } from './semantics.js';
import { checkTextSlips } from './text-slips.js';
import type { Scenario } from './schema.js';

/** What reading a scenario file gives: the scenario when it is usable, and every problem found. */
export interface ReadResult {
  /** Present when the file has no errors (warnings allowed). */
  scenario?: Scenario;
  diagnostics: Diagnostic[];
  parsed: ParsedFile;
}

/**
 * Reads and checks a scenario from its text or bytes. `file` names it in
 * diagnostics. Whatever the input, the answer is diagnostics, never an
 * exception.
 */
export function readScenario(input: string | Uint8Array, file: string): ReadResult {
  return readParsedScenario(parseScenarioText(input, file));
}

/**
 * Checks a scenario already read by `parseScenarioText`, for a caller that
 * first looked at the data (to tell a translation from a scenario, say).
 */
export function readParsedScenario(parsed: ParsedFile): ReadResult {
  if (parsed.data === undefined) return { diagnostics: sortDiagnostics(parsed.diagnostics), parsed };
  const schema = checkSchema(parsed);
  if (!schema.scenario) return { diagnostics: sortDiagnostics(schema.diagnostics), parsed };
  const diagnostics = sortDiagnostics([...schema.diagnostics, ...checkTextSlips(parsed), ...checkSemantics(schema.scenario, parsed)]);
  return diagnostics.some((d) => d.severity === 'error')
    ? { diagnostics, parsed }
    : { scenario: schema.scenario, diagnostics, parsed };
}

/**
 * Whether the game reads a file of this name from the scenarios folder:
 * YAML or JSON, but not the JSON Schema that editors use.
 */
export function isScenarioFile(name: string): boolean {
  if (!/\.(ya?ml|json)$/i.test(name)) return false;
  if (/\.schema\.json$/i.test(name)) return false;
  return true;
}
