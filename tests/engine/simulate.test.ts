/**
 * Seeded random playthroughs: reproducible for a seed, varied across seeds,
 * and every run accounted for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { checkScenario } from '../../src/engine/check.js';
import type { CompiledScenario } from '../../src/engine/machine.js';
import { movesIn } from '../../src/engine/prove.js';
import { simulate, type SimulateOptions, type SimulationResult } from '../../src/engine/simulate.js';
import { parseSeed, seededRandom } from '../../src/engine/rng.js';
import { generateScenarioYaml } from '../support/generate.js';
import { compile, compileText, TINY } from './support.js';

/**
 * The plain way to play seeded runs: a fresh actor per run, every move sent
 * to it. `simulate` remembers states to go faster; it must count the same.
 */
function simulateOnActors(compiled: CompiledScenario, options: SimulateOptions): SimulationResult {
  const roles = options.role !== undefined ? [options.role] : compiled.scenario.roles.map((r) => r.id);
  const random = seededRandom(options.seed);
  const zero = () => Object.fromEntries(compiled.scenario.endings.map((e) => [e.id, 0]));
  const result: SimulationResult = { runs: options.runs, seed: options.seed, endings: zero(), byRole: Object.fromEntries(roles.map((r) => [r, zero()])), stuck: 0, meanChoices: 0, meanMoves: 0 };
  let choices = 0;
  let moves = 0;
  for (let run = 0; run < options.runs; run++) {
    const role = roles[run % roles.length]!;
    const actor = createActor(compiled.machine, { input: { role, seed: options.seed } }).start();
    let n = 0;
    for (; n < (options.maxMoves ?? 10_000); n++) {
      const open = movesIn(compiled, actor.getSnapshot());
      if (open.length === 0) break;
      const move = open.length === 1 ? open[0]! : open[Math.floor(random() * open.length)]!;
      if (move.type === 'CHOOSE') choices++;
      actor.send(move);
    }
    moves += n;
    const ending = actor.getSnapshot().context.ending;
    if (ending !== null) {
      result.endings[ending]! += 1;
      result.byRole[role]![ending]! += 1;
    } else result.stuck++;
    actor.stop();
  }
  result.meanChoices = options.runs > 0 ? Math.round((choices / options.runs) * 100) / 100 : 0;
  result.meanMoves = options.runs > 0 ? Math.round((moves / options.runs) * 100) / 100 : 0;
  return result;
}

const tiny = compileText(TINY);
// Every call of tiny ends within 4 choices (the clock), 12 moves at most;
// the cap keeps these tests fast whatever happens after an ending.
const CAP = 40;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('simulate', () => {
  it('the same seed gives identical results', () => {
    const one = simulate(tiny, { runs: 200, seed: 12345, maxMoves: CAP });
    const two = simulate(tiny, { runs: 200, seed: 12345, maxMoves: CAP });
    expect(two).toEqual(one);
  });

  it('different seeds usually give different results', () => {
    const results = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(simulate(tiny, { runs: 100, seed, maxMoves: CAP }).endings));
    expect(new Set(results).size).toBeGreaterThan(1);
  });

  it('every run ends somewhere or is counted stuck; every ending is listed; roles take turns', () => {
    const r = simulate(tiny, { runs: 301, seed: 9, maxMoves: CAP });
    expect(r.runs).toBe(301);
    expect(r.seed).toBe(9);
    expect(Object.keys(r.endings).sort()).toEqual(['deal', 'timeout', 'walkout']);
    expect(total(r.endings) + r.stuck).toBe(301);
    expect(r.stuck).toBe(0);
    expect(total(r.byRole['a']!)).toBe(151);
    expect(total(r.byRole['b']!)).toBe(150);
    for (const ending of Object.keys(r.endings)) expect(r.byRole['a']![ending]! + r.byRole['b']![ending]!).toBe(r.endings[ending]);
    expect(r.meanChoices).toBeGreaterThanOrEqual(1);
    expect(r.meanMoves).toBeGreaterThan(r.meanChoices);
  });

  // Once an ending is reached the snapshot is still 'active' (the `ended`
  // state is final only inside its parent); a run that kept choosing there
  // would count thousands of choices that change nothing.
  it('the mean number of choices counts the choices made before the ending (tiny: at most 4)', () => {
    const r = simulate(tiny, { runs: 3, seed: 1 });
    expect(r.endings['deal']).toBe(1);
    expect(r.meanChoices).toBeLessThanOrEqual(4);
    expect(r.meanMoves).toBeLessThanOrEqual(12);
  });

  it('no move is offered once the call has ended', () => {
    const actor = createActor(tiny.machine, { input: { role: 'a', seed: 1 } }).start();
    for (let i = 0; i < 2; i++) {
      actor.send({ type: 'ADVANCE' });
      actor.send({ type: 'CHOOSE', choice: 'offer' });
      actor.send({ type: 'ADVANCE' });
    }
    actor.send({ type: 'ADVANCE' });
    actor.send({ type: 'CHOOSE', choice: 'deal' }); // trust 3 by now, the clock at 1
    expect(actor.getSnapshot().context.ending).toBe('deal');
    expect(movesIn(tiny, actor.getSnapshot())).toEqual([]);
  });

  it('all three endings of tiny come up in a few hundred runs', () => {
    const r = simulate(tiny, { runs: 300, seed: 1, maxMoves: CAP });
    for (const count of Object.values(r.endings)) expect(count).toBeGreaterThan(0);
  });

  it('one role only, when asked', () => {
    const r = simulate(tiny, { runs: 50, seed: 3, role: 'b', maxMoves: CAP });
    expect(Object.keys(r.byRole)).toEqual(['b']);
    expect(total(r.byRole['b']!)).toBe(50);
  });

  it('a run with no open move left counts as stuck, as does one past the move cap', () => {
    const c = compile([
      `
      meters:
        - { id: trust, label: Trust, min: 0, max: 5, start: 0 }
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices:
            - { id: done, text: Done., end: deal }
            - { id: wait, text: Wait., next: stuck }
            - { id: loop, text: Loop., next: start }
        - id: stuck
          lines: [{ id: s, speaker: envoy, text: Well?, invented: true }]
          choices:
            - { id: close, text: Close., when: { meter: trust, gte: 1 }, unavailable: Needs trust, end: deal }
    `,
      `
      endings:
        - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
    `,
    ]);
    const r = simulate(c, { runs: 300, seed: 5, maxMoves: 6 });
    expect(r.stuck).toBeGreaterThan(0);
    expect(r.endings['deal']).toBeGreaterThan(0);
    expect(r.endings['deal']! + r.stuck).toBe(300);
  });

  it('zero runs give zero counts and zero means', () => {
    const r = simulate(tiny, { runs: 0, seed: 1 });
    expect(total(r.endings)).toBe(0);
    expect([r.stuck, r.meanChoices, r.meanMoves]).toEqual([0, 0, 0]);
  });
});

describe('simulate counts what stepping every run on its own actor counts', () => {
  const flagship = checkScenario(readFileSync(new URL('../../scenarios/the-call.yaml', import.meta.url)), 'the-call.yaml', { prove: false }).compiled!;
  const generated = checkScenario(generateScenarioYaml(60), 'generated.yaml', { prove: false }).compiled!;

  it('the flagship, both roles, two seeds', () => {
    for (const seed of [7, 2026]) expect(simulate(flagship, { runs: 300, seed })).toEqual(simulateOnActors(flagship, { runs: 300, seed }));
  }, 60_000);

  it('one role of the flagship', () => {
    expect(simulate(flagship, { runs: 200, seed: 3, role: 've' })).toEqual(simulateOnActors(flagship, { runs: 200, seed: 3, role: 've' }));
  }, 60_000);

  it('a generated scenario, and tiny with a move cap', () => {
    expect(simulate(generated, { runs: 200, seed: 11 })).toEqual(simulateOnActors(generated, { runs: 200, seed: 11 }));
    expect(simulate(tiny, { runs: 300, seed: 4, maxMoves: 5 })).toEqual(simulateOnActors(tiny, { runs: 300, seed: 4, maxMoves: 5 }));
  }, 60_000);

  it('the same when it may remember only a few states at a time', () => {
    const plain = simulateOnActors(flagship, { runs: 150, seed: 9 });
    for (const memory of [1, 7, 100]) expect(simulate(flagship, { runs: 150, seed: 9, memory })).toEqual(plain);
  }, 60_000);
});

describe('seeds', () => {
  it('the generator repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(99);
    const b = seededRandom(99);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });

  it('parseSeed reads whole numbers and hashes any other text', () => {
    expect(parseSeed('42', 1)).toBe(42);
    expect(parseSeed('', 7)).toBe(7);
    expect(parseSeed(null, 7)).toBe(7);
    expect(parseSeed('-1', 7)).toBe(0xffffffff);
    expect(parseSeed('tuesday', 1)).toBe(parseSeed('tuesday', 2));
    expect(parseSeed('tuesday', 1)).not.toBe(parseSeed('wednesday', 1));
  });
});
