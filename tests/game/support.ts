/** Helpers for the game's Node tests: the tiny fixture scenario, compiled. */
import { readFileSync } from 'node:fs';
import { compileScenario, type CompiledScenario } from '../../src/engine/machine.js';
import { readScenario } from '../../src/scenario/load.js';

export function tinyCompiled(): CompiledScenario {
  const file = new URL('../fixtures/tiny.yaml', import.meta.url);
  const r = readScenario(readFileSync(file), 'tiny.yaml');
  if (!r.scenario) throw new Error('tiny.yaml does not read');
  return compileScenario(r.scenario);
}
