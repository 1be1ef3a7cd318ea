/**
 * Generated valid scenarios: a chain of beats with choices, branches on
 * meters and flags, effects, replies and an interrupt, every beat and
 * ending reachable on the graph. The checker must accept them (or reject
 * them only because conditions make an ending unreachable), and every path
 * its proof gives to an ending must reach that ending on the machine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { stringify as stringifyYaml } from 'yaml';
import { checkScenario } from '../../src/engine/check.js';
import { logEntries } from '../../src/engine/model.js';
import { simulate } from '../../src/engine/simulate.js';
import type { Condition, Effect } from '../../src/scenario/schema.js';

interface Plan {
  beats: number;
  endings: number;
  meters: { max: number; start: number }[];
  flags: number;
  twoRoles: boolean;
  clock: boolean;
  interrupt: boolean;
  /** Random numbers that decide the rest, read in turn. */
  dice: number[];
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  beats: fc.integer({ min: 1, max: 30 }),
  endings: fc.integer({ min: 1, max: 4 }),
  meters: fc.array(fc.record({ max: fc.integer({ min: 1, max: 3 }), start: fc.nat(3) }), { minLength: 1, maxLength: 2 }),
  flags: fc.integer({ min: 0, max: 2 }),
  twoRoles: fc.boolean(),
  clock: fc.boolean(),
  interrupt: fc.boolean(),
  dice: fc.array(fc.nat(1_000_000), { minLength: 64, maxLength: 64 }),
});

type Exit = { next: string } | { end: string };

/** Builds the scenario data a plan describes. */
export function buildScenario(plan: Plan): Record<string, unknown> {
  let roll = 0;
  const die = (n: number) => plan.dice[roll++ % plan.dice.length]! % n;
  const beatIds = Array.from({ length: plan.beats }, (_, i) => `b${i}`);
  const endingIds = Array.from({ length: plan.endings }, (_, i) => `e${i}`);
  const meters = plan.meters.map((m, i) => ({ id: `m${i}`, label: `Meter ${i}`, min: 0, max: m.max, start: Math.min(m.start, m.max) }));
  const flags = Array.from({ length: plan.flags }, (_, i) => ({ id: `f${i}`, description: `Flag ${i}.` }));

  const condition = (): Condition => {
    if (flags.length > 0 && die(3) === 0) return { flag: flags[die(flags.length)]!.id, is: die(2) === 0 };
    const m = meters[die(meters.length)]!;
    const v = die(m.max + 1);
    return die(2) === 0 ? { meter: m.id, gte: v } : { meter: m.id, lte: v };
  };
  const effects = (): Effect[] => {
    const out: Effect[] = [];
    const n = die(3);
    for (let k = 0; k < n; k++) {
      if (flags.length > 0 && die(3) === 0) out.push({ flag: flags[die(flags.length)]!.id, set: true });
      else out.push({ meter: meters[die(meters.length)]!.id, add: die(2) === 0 ? 1 + die(2) : -1 - die(2) });
    }
    return out;
  };
  /** A way on from beat i: a later beat or an ending. */
  const later = (i: number): Exit => {
    const later = beatIds.slice(i + 1);
    const k = die(later.length + endingIds.length);
    return k < later.length ? { next: later[k]! } : { end: endingIds[k - later.length]! };
  };
  /** The way on that keeps every beat reachable: the next beat, or an ending after the last. */
  const spine = (i: number): Exit => (i + 1 < plan.beats ? { next: beatIds[i + 1]! } : { end: endingIds[die(endingIds.length)]! });
  const line = (id: string) => ({ id, speaker: 'envoy', text: `Line ${id}.`, invented: true });

  const beats = beatIds.map((id, i) => {
    const beat: Record<string, unknown> = { id, lines: Array.from({ length: 1 + die(2) }, (_, k) => line(`${id}-l${k}`)) };
    if (die(4) === 0) beat['effects'] = effects();
    if (flags.length > 0 && die(4) === 0)
      beat['replies'] = [{ when: { flag: flags[0]!.id }, lines: [line(`${id}-r0`)] }, { lines: [line(`${id}-r1`)] }];
    const last = i === plan.beats - 1;
    if (!last && die(5) === 0) {
      // Routing on the state after the lines, with a fallback along the spine.
      beat['branches'] = [{ when: condition(), ...later(i) }, { ...spine(i) }];
      return beat;
    }
    const choices: Record<string, unknown>[] = [{ id: `${id}-c0`, text: 'Go on.', effects: effects(), ...spine(i) }];
    const extra = die(3);
    for (let k = 1; k <= extra; k++) {
      const choice: Record<string, unknown> = { id: `${id}-c${k}`, text: `Option ${k}.`, effects: effects() };
      if (die(2) === 0) Object.assign(choice, { when: condition(), unavailable: 'Not now.' });
      if (plan.twoRoles && die(4) === 0) choice['role'] = die(2) === 0 ? 'a' : 'b';
      if (die(3) === 0) choice['branches'] = [{ when: condition(), ...later(i) }, { ...later(i) }];
      else Object.assign(choice, later(i));
      choices.push(choice);
    }
    beat['choices'] = choices;
    return beat;
  });

  // Every ending reached on the graph: endings nothing leads to get a plain
  // choice in a beat that waits for the player.
  const text = JSON.stringify(beats);
  const choosers = beats.filter((b) => b['choices'] !== undefined);
  for (const e of endingIds) {
    if (text.includes(`"end":"${e}"`)) continue;
    const b = choosers[die(choosers.length)]!;
    const list = b['choices'] as Record<string, unknown>[];
    list.push({ id: `${b['id'] as string}-to-${e}`, text: `Settle on ${e}.`, end: e });
  }

  const data: Record<string, unknown> = {
    backchannel: 1,
    id: 'generated',
    title: 'Generated',
    summary: 'A generated scenario.',
    period: { label: 'Now' },
    sources: [{ id: 'notes', title: 'Notes', publisher: 'Tests', date: '2026-01-01' }],
    objectives: [{ id: 'learn', text: 'Learn.' }],
    sides: [{ id: 'a', name: 'Side A', walkaway: 0 }],
    roles: (plan.twoRoles ? ['a', 'b'] : ['a']).map((r) => ({
      id: r,
      side: 'a',
      name: `Role ${r}`,
      summary: 'You.',
      start: 'b0',
      briefing: [{ id: `brief-${r}`, text: 'Brief.', source: 'notes' }],
      goals: [{ id: `goal-${r}`, text: 'Goal.', invented: true }],
    })),
    actors: [{ id: 'envoy', name: 'The envoy', title: 'Envoy' }],
    meters,
    ...(flags.length > 0 ? { flags } : {}),
    ...(plan.clock ? { everyChoice: [{ meter: 'm0', add: -1 }] } : {}),
    ...(plan.interrupt ? { interrupts: [{ id: 'boil-over', when: { meter: 'm0', gte: meters[0]!.max }, end: endingIds[endingIds.length - 1] }] } : {}),
    beats,
    endings: endingIds.map((id) => ({ id, title: `Ending ${id}`, kind: 'agreement', summary: 'It ended.', debrief: 'A lesson.' })),
  };
  return data;
}

describe('generated scenarios', () => {
  it('are accepted, and every proof path reaches its ending when replayed on the machine', () => {
    let valid = 0;
    let rejected = 0;
    fc.assert(
      fc.property(planArb, fc.boolean(), (plan, asJson) => {
        const data = buildScenario(plan);
        const text = asJson ? JSON.stringify(data, null, 1) : stringifyYaml(data);
        const r = checkScenario(text, asJson ? 'generated.json' : 'generated.yaml');
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          // Only conditions may keep an ending out of reach (or strand a role).
          expect(errors.map((d) => d.code).filter((c) => c !== 'BC401' && c !== 'BC402')).toEqual([]);
          expect(r.scenario).toBeUndefined();
          rejected++;
          return;
        }
        valid++;
        // Warnings are about unused meters or flags, or choices, branches and replies whose conditions never hold.
        expect(r.diagnostics.map((d) => d.code).filter((c) => !['BC501', 'BC407', 'BC408', 'BC409'].includes(c))).toEqual([]);
        const compiled = r.compiled!;
        const proof = r.proof!;
        expect(r.diagnostics.filter((d) => d.code === 'BC407')).toHaveLength(proof.neverOpen.length);
        // A choice said to be never open is taken by no proof path.
        const never = new Set(proof.neverOpen.map((n) => n.choice));
        for (const path of Object.values(proof.endings)) for (const e of path.events) if (e.type === 'CHOOSE') expect(never.has(e.choice)).toBe(false);
        expect(proof.incomplete).toEqual([]);
        expect(proof.deadEnds).toEqual([]);
        expect(Object.keys(proof.endings).sort()).toEqual((data['endings'] as { id: string }[]).map((e) => e.id).sort());
        for (const [id, path] of Object.entries(proof.endings)) {
          const actor = createActor(compiled.machine, { input: { role: path.role, seed: 1 } }).start();
          for (const event of path.events) {
            const before = actor.getSnapshot();
            actor.send(event);
            // Every move of the path is one the machine accepts.
            expect(actor.getSnapshot()).not.toBe(before);
          }
          expect(actor.getSnapshot().context.ending).toBe(id);
          // A reply said to be shown in no play is not shown on the way either.
          const said = new Set(logEntries(actor.getSnapshot().context.log).flatMap((e) => (e.kind === 'line' ? [e.id] : [])));
          for (const n of proof.neverShown) {
            const reply = compiled.index.beats.get(n.beat)!.replies![n.reply]!;
            for (const l of reply.lines) expect(said.has(l.id)).toBe(false);
          }
          actor.stop();
        }
        // With no dead end proved, random play always ends (paths are at most 30 beats long).
        const sim = simulate(compiled, { runs: 10, seed: plan.dice[0]!, maxMoves: 200 });
        expect(sim.stuck).toBe(0);
      }),
      { numRuns: 60 },
    );
    // The generator is useful only if many scenarios it makes are valid (about 57% are).
    expect(valid, `${valid} valid, ${rejected} rejected`).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('a generated scenario whose one way on needs a meter value it cannot reach is rejected with BC401 and BC402, and the choice is reported as never open', () => {
    const data = buildScenario({ beats: 1, endings: 1, meters: [{ max: 3, start: 0 }], flags: 0, twoRoles: false, clock: false, interrupt: false, dice: [0] });
    const beat = (data['beats'] as Record<string, unknown>[])[0]!;
    const choice = (beat['choices'] as Record<string, unknown>[])[0]!;
    Object.assign(choice, { effects: [], when: { meter: 'm0', gte: 2 }, unavailable: 'Not yet.' });
    const r = checkScenario(stringifyYaml(data), 'generated.yaml');
    // The choice is also reported as never open, at its condition.
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['BC401', 'BC402', 'BC407']);
  });
});
