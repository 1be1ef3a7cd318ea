/**
 * Engine benchmarks (`npm run bench`): checking and compiling the flagship,
 * a generated 5,000-beat scenario, 10,000 seeded playthroughs, and the
 * debrief (whose zone-of-agreement count is the costliest part of it).
 */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { parse } from 'yaml';
import { checkScenario } from '../../src/engine/check.js';
import { debriefOf } from '../../src/engine/debrief.js';
import { initialContext } from '../../src/engine/model.js';
import { simulate } from '../../src/engine/simulate.js';
import { generateScenarioYaml } from '../support/generate.js';

const flagship = readFileSync(new URL('../../scenarios/the-call.yaml', import.meta.url));
const bigYaml = generateScenarioYaml(5000);
const bigJson = JSON.stringify(parse(bigYaml));
const compiled = checkScenario(flagship, 'the-call.yaml', { prove: false }).compiled!;

describe('flagship: scenarios/the-call.yaml', () => {
  bench('check and compile (no proof)', () => {
    checkScenario(flagship, 'the-call.yaml', { prove: false });
  });
  bench('check, compile and prove every ending', () => {
    checkScenario(flagship, 'the-call.yaml');
  }, { iterations: 5, time: 0 });
});

describe('generated scenario of 5,000 beats', () => {
  bench('JSON: check and compile (no proof)', () => {
    checkScenario(bigJson, 'generated.json', { prove: false });
  }, { iterations: 5, time: 0 });
  bench('YAML: check and compile (no proof)', () => {
    checkScenario(bigYaml, 'generated.yaml', { prove: false });
  }, { iterations: 3, time: 0 });
  bench('JSON: check, compile and prove', () => {
    checkScenario(bigJson, 'generated.json');
  }, { iterations: 2, time: 0, warmupIterations: 0 });
});

describe('simulation', () => {
  bench('10,000 seeded playthroughs of the flagship', () => {
    simulate(compiled, { runs: 10_000, seed: 7 });
  }, { iterations: 3, time: 0, warmupIterations: 0 });
  // The machine's own speed: remembering one state at a time, nearly every move is a fresh step.
  bench('1,000 seeded playthroughs, one state remembered at a time', () => {
    simulate(compiled, { runs: 1_000, seed: 7, memory: 1 });
  }, { iterations: 3, time: 0, warmupIterations: 0 });
});

describe('debrief', () => {
  const ctx = initialContext(compiled.index, compiled.scenario.roles[0]!.id, 1);
  // The outcome screen builds it again at every redraw (a resize, a setting).
  bench('the flagship\'s debrief, both zones of agreement counted', () => {
    debriefOf(compiled, ctx);
  });
});
