/**
 * The negotiation model: what each condition means, what a package is worth
 * to each side (promises discounted by belief), walk-away values moved by
 * meters, and the zone of possible agreement, checked on hand-computed
 * examples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  indexScenario,
  holds,
  isAcceptable,
  meterShare,
  packageValue,
  termValue,
  walkawayValue,
  zoneOfAgreement,
  ZOPA_LIMIT,
  type NegotiationState,
  type ScenarioIndex,
} from '../../src/engine/model.js';
import type { Condition, Scenario } from '../../src/scenario/schema.js';
import { debriefOf } from '../../src/engine/debrief.js';
import { ADVANCE, checkInline, choose, compile, compileText, start, TINY } from './support.js';

/**
 * Two sides, two terms. Values (a, b):
 *   bridge: shared (2, 2)  closed (4, -1)
 *   toll:   low    (2, 0)  high   (-1, 3)
 * Walk-away: a 3; b 2 + 1 per point of pressure.
 */
const market = compile(
  [
    `
    meters:
      - { id: pressure, label: Pressure, min: 0, max: 4, start: 0 }
      - { id: belief, label: Belief, min: 0, max: 4, start: 1 }
    terms:
      - id: bridge
        label: The bridge
        options:
          - { id: shared, label: Shared, values: { a: 2, b: 2 } }
          - { id: closed, label: Closed, values: { a: 4, b: -1 } }
      - id: toll
        label: The toll
        options:
          - { id: low, label: Low, values: { a: 2, b: 0 } }
          - { id: high, label: High, values: { a: -1, b: 3 } }
      - id: promise
        label: A promise
        credibility: { side: a, meter: belief }
        options:
          - { id: kept, label: Kept, values: { a: 8, b: -2 } }
          - { id: broken, label: Broken, values: { a: -4, b: 1 } }
    beats:
      - id: start
        lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
        choices:
          - { id: press, text: Press., effects: [{ meter: pressure, add: 1 }, { meter: belief, add: 1 }], next: start }
          - { id: done, text: Done., when: { acceptable: b }, unavailable: Not acceptable, end: deal }
  `,
    `
    endings:
      - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
  `,
  ],
  {
    sides: '- { id: a, name: Side A, walkaway: 3 }\n- { id: b, name: Side B, walkaway: 2, walkawayShifts: [{ meter: pressure, perPoint: 1 }] }\n',
  },
);
const idx = market.index;

const state = (over: Partial<NegotiationState> = {}): NegotiationState => ({
  role: 'a',
  meters: { pressure: 0, belief: 1 },
  flags: {},
  terms: { bridge: null, toll: null, promise: null },
  visited: {},
  chosen: {},
  ...over,
});

describe('conditions', () => {
  const st = state({
    meters: { pressure: 2, belief: 1 },
    flags: { warned: true, calm: false },
    terms: { bridge: 'shared', toll: null, promise: null },
    visited: { start: 1 },
    chosen: { press: 2 },
  });
  const cases: [string, Condition, boolean][] = [
    ['meter gte (equal)', { meter: 'pressure', gte: 2 }, true],
    ['meter gt (equal)', { meter: 'pressure', gt: 2 }, false],
    ['meter lt', { meter: 'pressure', lt: 3 }, true],
    ['meter lte below', { meter: 'pressure', lte: 1 }, false],
    ['meter eq', { meter: 'pressure', eq: 2 }, true],
    ['meter ne', { meter: 'pressure', ne: 2 }, false],
    ['meter range (every comparison must hold)', { meter: 'pressure', gte: 1, lt: 2 }, false],
    ['flag set', { flag: 'warned' }, true],
    ['flag is false', { flag: 'calm', is: false }, true],
    ['undeclared flag counts as false', { flag: 'other' }, false],
    ['term settled', { term: 'bridge' }, true],
    ['term still open is not settled', { term: 'toll' }, false],
    ['term is an option', { term: 'bridge', is: 'shared' }, true],
    ['term is another option', { term: 'bridge', is: 'closed' }, false],
    ['term is open', { term: 'toll', is: 'open' }, true],
    ['term in a list including open', { term: 'toll', in: ['low', 'open'] }, true],
    ['term in a list without the option', { term: 'bridge', in: ['closed'] }, false],
    ['visited', { visited: 'start' }, true],
    ['not visited', { visited: 'elsewhere' }, false],
    ['chose', { chose: 'press' }, true],
    ['role', { role: 'a' }, true],
    ['other role', { role: 'b' }, false],
    ['all', { all: [{ flag: 'warned' }, { meter: 'pressure', gte: 2 }] }, true],
    ['all with one false', { all: [{ flag: 'warned' }, { role: 'b' }] }, false],
    ['any', { any: [{ role: 'b' }, { flag: 'warned' }] }, true],
    ['any all false', { any: [{ role: 'b' }, { flag: 'calm' }] }, false],
    ['not', { not: { role: 'b' } }, true],
    ['value of the package to a side', { value: 'a', eq: 2 }, true],
    ['acceptable to b (2 ≥ 2 + 2·1)? no', { acceptable: 'b' }, false],
  ];
  it.each(cases)('%s', (_name, cond, expected) => {
    expect(holds(cond, st, idx)).toBe(expected);
  });

  it('no condition holds', () => {
    expect(holds(undefined, st, idx)).toBe(true);
  });
});

describe('values', () => {
  it('an open term is worth nothing; a package adds its terms', () => {
    expect(packageValue(idx, state(), 'a')).toBe(0);
    const st = state({ terms: { bridge: 'closed', toll: 'high', promise: null } });
    expect(packageValue(idx, st, 'a')).toBe(3);
    expect(packageValue(idx, st, 'b')).toBe(2);
  });

  it('a promise is worth its value × the share of the belief meter’s range, to the side that must believe it', () => {
    const promise = idx.terms.get('promise')!;
    expect(meterShare(idx, { belief: 1 }, 'belief')).toBe(0.25);
    expect(termValue(idx, promise, 'kept', 'a', { belief: 1 })).toBe(2); // 8 × 1/4
    expect(termValue(idx, promise, 'kept', 'a', { belief: 4 })).toBe(8);
    expect(termValue(idx, promise, 'kept', 'a', { belief: 0 })).toBe(0);
    // The other side's value and losses are not discounted.
    expect(termValue(idx, promise, 'kept', 'b', { belief: 1 })).toBe(-2);
    expect(termValue(idx, promise, 'broken', 'a', { belief: 1 })).toBe(-4);
    expect(packageValue(idx, state({ terms: { bridge: 'shared', toll: null, promise: 'kept' } }), 'a')).toBe(4);
  });

  it('walk-away values move with the meters that weigh on them', () => {
    expect(walkawayValue(idx, { pressure: 0 }, 'b')).toBe(2);
    expect(walkawayValue(idx, { pressure: 3 }, 'b')).toBe(5);
    expect(walkawayValue(idx, { pressure: 3 }, 'a')).toBe(3);
    const tiny = compileText(TINY).index;
    expect(walkawayValue(tiny, { pressure: 2 }, 'a')).toBe(1); // 2 − 0.5 × 2
  });

  it('a package is acceptable when worth at least the walk-away value, which pressure raises', () => {
    const st = state({ terms: { bridge: 'shared', toll: 'low', promise: null } }); // (4, 2)
    expect(isAcceptable(idx, st, 'a')).toBe(true);
    expect(isAcceptable(idx, st, 'b')).toBe(true);
    expect(isAcceptable(idx, { ...st, meters: { pressure: 1, belief: 1 } }, 'b')).toBe(false);
  });
});

describe('zone of possible agreement', () => {
  it('at the start: two packages acceptable to both, best by joint surplus', () => {
    // Belief 0 makes the promise worthless to a (and it costs b): 3 × 3 × 3 = 27 packages in all.
    const z = zoneOfAgreement(idx, { pressure: 0, belief: 0 });
    expect(z.total).toBe(27);
    expect(z.considered).toBe(27);
    expect(z.partial).toBe(false);
    expect(z.walkaways).toEqual({ a: 3, b: 2 });
    // Acceptable: shared+low (4,2), closed+high (3,2), and each of them with the
    // promise broken gives a −4: no. Kept (a 0, b −2): no. So exactly two.
    expect(z.size).toBe(2);
    expect(z.best).toEqual([
      { terms: { bridge: 'shared', toll: 'low', promise: null }, values: { a: 4, b: 2 } },
      { terms: { bridge: 'closed', toll: 'high', promise: null }, values: { a: 3, b: 2 } },
    ]);
  });

  it('pressure on b closes the zone', () => {
    const z = zoneOfAgreement(idx, { pressure: 1, belief: 0 });
    expect(z.walkaways).toEqual({ a: 3, b: 3 });
    expect(z.size).toBe(0);
    expect(z.best).toEqual([]);
  });

  it('belief in the promise opens more packages; keep limits how many are listed', () => {
    // belief 4: kept is worth 8 to a and −2 to b; e.g. shared+high+kept = (9, 3).
    const z = zoneOfAgreement(idx, { pressure: 0, belief: 4 }, 1);
    // Acceptable: shared+low (4,2), closed+high (3,2) and shared+high+kept (9,3);
    // open+high+kept is (7,1): b 1 < 2, no.
    expect(z.size).toBe(3);
    expect(z.best).toHaveLength(1);
    expect(z.best[0]).toEqual({ terms: { bridge: 'shared', toll: 'high', promise: 'kept' }, values: { a: 9, b: 3 } });
  });
});

/**
 * Only what the zone reads: sides, terms, meters and exclusions. Values are
 * per side, per option; an exclusion lists [term, option] index pairs.
 */
function market2(sides: { walkaway: number; shift?: number }[], terms: number[][][], credible?: number, incompatible: [number, number][][] = []): ScenarioIndex {
  const sideIds = sides.map((_, i) => `s${i}`);
  const scenario = {
    sides: sides.map((s, i) => ({ id: sideIds[i], name: `Side ${i}`, walkaway: s.walkaway, walkawayShifts: s.shift ? [{ meter: 'belief', perPoint: s.shift }] : undefined })),
    meters: [{ id: 'belief', label: 'Belief', min: 0, max: 4, start: 2 }],
    terms: terms.map((options, ti) => ({
      id: `t${ti}`,
      label: `Term ${ti}`,
      credibility: ti === credible ? { side: 's0', meter: 'belief' } : undefined,
      options: options.map((values, oi) => ({ id: `o${oi}`, label: `Option ${oi}`, values: Object.fromEntries(values.map((v, si) => [sideIds[si], v])) })),
    })),
    incompatible: incompatible.map((pairs, i) => ({ id: `x${i}`, options: pairs.map(([t, o]) => ({ term: `t${t}`, option: `o${o}` })), why: 'No.' })),
    beats: [],
    endings: [],
  } as unknown as Scenario;
  return indexScenario(scenario);
}

/** Every package, one by one, judged as the game judges the package on the table; those an exclusion holds whole are left out. */
function everyPackage(idx: ScenarioIndex, meters: Record<string, number>) {
  const terms = idx.scenario.terms ?? [];
  const sides = idx.scenario.sides.map((s) => s.id);
  const acceptable: { terms: Record<string, string | null>; surplus: number }[] = [];
  let total = 0;
  let excluded = 0;
  const visit = (ti: number, chosen: Record<string, string | null>): void => {
    if (ti === terms.length) {
      if ((idx.scenario.incompatible ?? []).some((e) => e.options.every((o) => chosen[o.term] === o.option))) {
        excluded++;
        return;
      }
      total++;
      const st = { meters, terms: chosen };
      if (sides.every((s) => isAcceptable(idx, st, s))) acceptable.push({ terms: { ...chosen }, surplus: sides.reduce((a, s) => a + packageValue(idx, st, s) - walkawayValue(idx, meters, s), 0) });
      return;
    }
    for (const o of [null, ...terms[ti]!.options.map((x) => x.id)]) visit(ti + 1, { ...chosen, [terms[ti]!.id]: o });
  };
  visit(0, {});
  return { total, excluded, acceptable };
}

describe('zone of possible agreement: the search against every package', () => {
  it('counts exactly the packages every side would accept, and keeps the best of them, leaving out excluded mixes', () => {
    const value = fc.integer({ min: -4, max: 6 });
    // An exclusion: two to three distinct terms (by index, reduced modulo the terms there are), each with one of its three options.
    const exclusion = fc.uniqueArray(fc.tuple(fc.nat(4), fc.nat(2)), { minLength: 2, maxLength: 3, selector: ([t]) => t });
    fc.assert(
      fc.property(
        fc.array(fc.record({ walkaway: fc.integer({ min: -2, max: 8 }), shift: fc.constantFrom(0, 0.5, -1) }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: -1, max: 4 }),
        fc.array(exclusion, { maxLength: 4 }),
        (sides, terms, belief, credible, drawn) => {
          // Only exclusions whose terms and options exist, with their terms still distinct, as the checker demands.
          const incompatible = drawn
            .map((pairs) => pairs.filter(([t, o]) => t < terms.length && o < terms[t]!.length))
            .filter((pairs) => pairs.length >= 2);
          const idx = market2(sides, terms, credible, incompatible);
          const meters = { belief };
          const z = zoneOfAgreement(idx, meters, 2);
          const all = everyPackage(idx, meters);
          expect(z.partial).toBe(false);
          expect(z.total).toBe(all.total);
          expect(z.excluded).toBe(all.excluded);
          expect(z.considered).toBe(all.total);
          expect(z.size).toBe(all.acceptable.length);
          // The best two by joint surplus; among equals, any of them may be kept.
          const surpluses = all.acceptable.map((p) => p.surplus).sort((a, b) => b - a).slice(0, 2);
          expect(z.best.map((b) => Object.entries(b.values).reduce((a, [s, v]) => a + v - z.walkaways[s]!, 0))).toEqual(surpluses.map((x) => expect.closeTo(x, 9)));
          for (const b of z.best) expect(all.acceptable.some((p) => JSON.stringify(p.terms) === JSON.stringify(b.terms))).toBe(true);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it('answers exactly for sixteen terms with exclusions, and for the total when the search itself stops', () => {
    // Side 0 gains only from 'o0' and needs fifteen of them; 't0: o0' with 't1: o0' is excluded.
    const narrow = market2([{ walkaway: 15 }], Array.from({ length: 16 }, () => [[1], [0]]), undefined, [[[0, 0], [1, 0]]]);
    const z = zoneOfAgreement(narrow, { belief: 2 });
    expect(z.partial).toBe(false);
    expect(z.total).toBe(3 ** 16 - 3 ** 14);
    expect(z.excluded).toBe(3 ** 14);
    // With 'o0' on every term but one of t0, t1, which is open or 'o1'.
    expect(z.size).toBe(4);
    // Every package acceptable; each exclusion pairs 'o0' of one term with 'o0' of the next.
    const wide = market2([{ walkaway: -100 }], Array.from({ length: 16 }, () => [[1], [1]]), undefined, Array.from({ length: 15 }, (_, i) => [[i, 0], [i + 1, 0]]));
    const w = zoneOfAgreement(wide, { belief: 2 });
    // Packages where 'o0' never follows 'o0': term by term, a package ends at 'o0' or at one of the two others.
    let [atO0, other] = [1, 2];
    for (let i = 1; i < 16; i++) [atO0, other] = [other, 2 * (atO0 + other)];
    expect(w.total).toBe(atO0 + other);
    expect(w.excluded).toBe(3 ** 16 - (atO0 + other));
    expect(w.partial).toBe(true);
    expect(w.considered).toBeLessThan(w.total);
    expect(w.best.every((p) => Object.values(p.terms).every((o, i, all) => !(o === 'o0' && all[i + 1] === 'o0')))).toBe(true);
  });

  it('answers exactly for forty terms when few packages can satisfy a side', () => {
    // Side 0 gains only from 'yes' on each term and needs all forty; side 1 minds nothing.
    const idx = market2([{ walkaway: 40 }, { walkaway: 0 }], Array.from({ length: 40 }, () => [[1, 0], [0, 0]]));
    const z = zoneOfAgreement(idx, { belief: 2 });
    expect(z.partial).toBe(false);
    expect(z.total).toBe(3 ** 40);
    expect(z.considered).toBe(3 ** 40);
    expect(z.size).toBe(1);
    expect(z.best[0]!.terms).toEqual(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`t${i}`, 'o0'])));
  });

  it('stops at its step limit when almost every package is acceptable, and says the count is partial', () => {
    const idx = market2([{ walkaway: -100 }, { walkaway: -100 }], Array.from({ length: 20 }, () => [[1, 1], [0, 0]]));
    const z = zoneOfAgreement(idx, { belief: 2 });
    expect(z.total).toBe(3 ** 20);
    expect(z.partial).toBe(true);
    expect(z.considered).toBeLessThan(z.total);
    expect(z.size).toBeGreaterThan(0);
    expect(z.size).toBeLessThanOrEqual(ZOPA_LIMIT);
    expect(z.best).toHaveLength(3);
  });
});

describe('in play', () => {
  it('an `acceptable` choice opens once the package and meters make it so', () => {
    const actor = start(market);
    expect(holds({ acceptable: 'b' }, actor.getSnapshot().context, idx)).toBe(false);
    actor.send(choose('done'));
    expect(actor.getSnapshot().context.ending).toBeNull();
  });

  it('visited and chose conditions remember history in play', () => {
    const c = compile([
      `
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices:
            - { id: listen, text: Listen., next: start }
            - { id: done, text: Done., when: { all: [{ chose: listen }, { visited: start }] }, unavailable: Listen first, end: deal }
    `,
      `
      endings:
        - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
    `,
    ]);
    const actor = start(c);
    actor.send(choose('done'));
    expect(actor.getSnapshot().context.ending).toBeNull();
    actor.send(choose('listen'));
    actor.send(ADVANCE);
    actor.send(choose('done'));
    expect(actor.getSnapshot().context.ending).toBe('deal');
  });
});

describe('options that cannot stand together', () => {
  // Closing the bridge and then asking a toll builds a package the scenario excludes; a longer way round does too.
  const body = `
    terms:
      - id: bridge
        label: The bridge
        options:
          - { id: shared, label: Shared, values: { a: 2 } }
          - { id: closed, label: Closed, values: { a: 1 } }
      - id: toll
        label: The toll
        options:
          - { id: high, label: High, values: { a: 2 } }
    incompatible:
      - id: closed-toll
        options: [{ term: bridge, option: closed }, { term: toll, option: high }]
        why: A closed bridge takes no toll.
    beats:
      - id: start
        lines: [{ id: l1, speaker: envoy, text: Hi., invented: true }]
        choices:
          - { id: wait, text: Wait., next: pause }
          - { id: close, text: Close it., effects: [{ term: bridge, set: closed }], next: mid }
      - id: pause
        lines: [{ id: l2, speaker: envoy, text: Well?, invented: true }]
        choices:
          - { id: close-late, text: Close it., effects: [{ term: bridge, set: closed }], next: mid }
      - id: mid
        lines: [{ id: l3, speaker: envoy, text: And the toll?, invented: true }]
        choices:
          - { id: toll, text: Ask a toll., effects: [{ term: toll, set: high }], end: deal }
          - { id: leave, text: Leave it., end: deal }
    endings:
      - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
  `;

  it('the check warns, with the shortest play, when play can put an excluded mix on the table', () => {
    const r = checkInline(body);
    const warned = r.diagnostics.filter((d) => d.code === 'BC410');
    expect(warned.map((d) => d.message)).toEqual(["in role 'a', play puts every option of the exclusion 'closed-toll' on the table after the choices close, toll"]);
    expect(r.scenario).toBeDefined();
  });

  it('a call that ends on it plays on, and the debrief puts it outside a zone that leaves it out', () => {
    const compiled = compile(body);
    const actor = start(compiled);
    actor.send(choose('close'));
    actor.send(choose('toll'));
    const ctx = actor.getSnapshot().context;
    expect(ctx.ending).toBe('deal');
    const d = debriefOf(compiled, ctx);
    // Worth 3 to a, whose walk-away is 0: acceptable, yet not a package anyone could propose.
    expect(d.sides[0]!.accepted).toBe(true);
    expect(d.inZone).toBe(false);
    expect(d.zoneAtEnd.total).toBe(5);
    expect(d.zoneAtEnd.excluded).toBe(1);
    expect(d.zoneAtEnd.best.map((b) => b.terms)).not.toContainEqual({ bridge: 'closed', toll: 'high' });
  });
});
