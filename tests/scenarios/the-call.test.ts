/**
 * Transcript tests of the flagship, "The Call": for each role and each of
 * the four branches of the call, a scripted sequence of choices (listed at
 * the end of the scenario file) reaches its ending, with the lines, meters
 * and package the branch should show along the way.
 */
import { readFileSync } from 'node:fs';
import { getAdjacencyMap, type AdjacencyValue } from '@xstate/graph';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.js';
import { debriefOf } from '../../src/engine/debrief.js';
import type { CompiledScenario, NegotiationEvent, NegotiationSnapshot } from '../../src/engine/machine.js';
import { logEntries, type NegotiationContext } from '../../src/engine/model.js';
import { movesIn, stateKey } from '../../src/engine/prove.js';
import { NegotiationSession } from '../../src/engine/session.js';
import type { CallView } from '../../src/engine/view.js';

const text = readFileSync(new URL('../../scenarios/the-call.yaml', import.meta.url), 'utf8');

/** The playthroughs from the file's closing comment: `# role branch: a, b, c -> ending`. */
const playthroughs = [...text.matchAll(/^# (us|ve) ([a-z-]+): (.+) -> ([a-z-]+)$/gm)].map((m) => ({
  role: m[1]!,
  branch: m[2]!,
  choices: m[3]!.split(',').map((c) => c.trim()),
  ending: m[4]!,
}));

let compiled: CompiledScenario;
beforeAll(() => {
  const r = checkScenario(text, 'the-call.yaml', { prove: false });
  expect(r.diagnostics).toEqual([]);
  compiled = r.compiled!;
});

/** Plays the choices in order, continuing through lines; returns every view seen. */
function play(role: string, choices: string[]): { session: NegotiationSession; views: CallView[] } {
  const session = new NegotiationSession(compiled, { role, seed: 1 });
  const views: CallView[] = [session.view];
  for (const choice of choices) {
    while (session.view.canAdvance) {
      expect(session.advance()).toBe(true);
      views.push(session.view);
    }
    const offered = session.view.choices.find((c) => c.id === choice);
    expect(offered, `choice ${choice} is offered at ${session.view.beat}`).toBeDefined();
    expect(offered!.available, `choice ${choice} is open (${offered!.reason})`).toBe(true);
    expect(session.choose(choice)).toBe(true);
    views.push(session.view);
  }
  while (session.view.canAdvance) {
    session.advance();
    views.push(session.view);
  }
  return { session, views };
}

const meter = (v: CallView, id: string) => v.meters.find((m) => m.id === id)?.value;

describe('the flagship scenario is clean', () => {
  it('validates with no error and no warning, and the proof reaches every ending in both roles', () => {
    const r = checkScenario(text, 'the-call.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.proof!.endings).sort()).toEqual(compiled.scenario.endings.map((e) => e.id).sort());
    expect(r.proof!.deadEnds).toEqual([]);
  }, 120_000);

  it('has at least 40 beats, 6 endings over agreement, impasse and escalation, and both roles', () => {
    expect(compiled.scenario.beats.length).toBeGreaterThanOrEqual(40);
    expect(compiled.scenario.endings.length).toBeGreaterThanOrEqual(6);
    expect(new Set(compiled.scenario.endings.map((e) => e.kind))).toEqual(new Set(['agreement', 'mediated', 'impasse', 'escalation']));
    expect(compiled.scenario.roles.map((r) => r.id).sort()).toEqual(['us', 've']);
  });

  it('shows the four branches of the call as named parts of the machine', () => {
    const parts = Object.keys((compiled.machine.config.states as Record<string, { states?: object }>)['call']!.states!);
    expect(parts).toEqual(expect.arrayContaining(['safe-passage', 'amnesty', 'armed-forces', 'chamorro']));
  });

  it('lists eight scripted playthroughs, one per role and branch', () => {
    expect(playthroughs.map((p) => `${p.role} ${p.branch}`).sort()).toEqual(
      ['us', 've'].flatMap((r) => ['amnesty', 'armed-forces', 'chamorro', 'safe-passage'].map((b) => `${r} ${b}`)),
    );
  });
});

describe.each(['us', 've'])('playing the %s role', (role) => {
  it('resignation for safe passage ends in the safe-passage deal, with resignation now and safe passage on the table', () => {
    const p = playthroughs.find((x) => x.role === role && x.branch === 'safe-passage')!;
    const { session, views } = play(role, p.choices);
    expect(session.view.ending?.id).toBe('safe-passage-deal');
    expect(session.view.ending?.kind).toBe('agreement');
    expect(views.some((v) => v.part?.id === 'safe-passage')).toBe(true);
    const d = debriefOf(compiled, session.snapshot.context);
    expect(d.terms.find((t) => t.id === 'resignation')!.option).toBe('now');
    expect(d.terms.find((t) => t.id === 'safe-passage')!.option).not.toBeNull();
    expect(d.inZone).toBe(true);
    // Safe passage is a promise to Caracas: the debrief says how much of it counted, and why.
    const sp = d.terms.find((t) => t.id === 'safe-passage')!.promise!;
    expect(sp).toMatchObject({ side: 've', full: 4.5, meter: 'credibility' });
    expect(sp.belief).toBeCloseTo((sp.meterValue - sp.meterMin) / (sp.meterMax - sp.meterMin), 2);
    expect(sp.worth).toBeCloseTo(4.5 * sp.belief, 1);
    // So a student can add the package up: each side's value is the sum of what each term counted for it.
    for (const side of d.sides) {
      const sum = d.terms.reduce((acc, t) => {
        if (t.option === null) return acc;
        if (t.promise && t.promise.side === side.id) return acc + t.promise.worth;
        return acc + (t.options.find((o) => o.id === t.option)!.values[side.id] ?? 0);
      }, 0);
      expect(sum).toBeCloseTo(side.value, 1);
    }
    // No binary noise in what a teacher exports: every number to the cent at most.
    const numbers = JSON.stringify(d).match(/-?\d+\.\d+/g) ?? [];
    for (const n of numbers) expect(n.split('.')[1]!.length, n).toBeLessThanOrEqual(2);
  });

  it('the amnesty demand refused ends with the lines going dead, an impasse', () => {
    const p = playthroughs.find((x) => x.role === role && x.branch === 'amnesty')!;
    const { session, views } = play(role, p.choices);
    expect(session.view.ending?.id).toBe('lines-dead');
    expect(session.view.ending?.kind).toBe('impasse');
    expect(views.some((v) => v.part?.id === 'amnesty')).toBe(true);
    // The refusal is in the dialogue: some line of the amnesty part speaks of amnesty.
    expect(session.view.log.some((l) => l.kind === 'line' && /amnest/i.test(l.text))).toBe(true);
  });

  it('the armed-forces proposal collapsing ends in escalation, with escalation risen and news breaking in', () => {
    const p = playthroughs.find((x) => x.role === role && x.branch === 'armed-forces')!;
    const { session, views } = play(role, p.choices);
    expect(session.view.ending?.id).toBe('escalation');
    expect(views.some((v) => v.part?.id === 'armed-forces')).toBe(true);
    expect(views.some((v) => v.injects.length > 0)).toBe(true);
    const d = debriefOf(compiled, session.snapshot.context);
    const esc = d.meters.find((m) => m.id === 'escalation')!;
    expect(esc.end).toBeGreaterThan(esc.start);
  });

  it('a Chamorro-style transition ends in the Chamorro arrangement, with the army kept for the transition and early elections', () => {
    const p = playthroughs.find((x) => x.role === role && x.branch === 'chamorro')!;
    const { session, views } = play(role, p.choices);
    expect(session.view.ending?.id).toBe('chamorro-arrangement');
    expect(views.some((v) => v.part?.id === 'chamorro')).toBe(true);
    const d = debriefOf(compiled, session.snapshot.context);
    expect(d.terms.find((t) => t.id === 'armed-forces')!.option).toBe('kept-for-transition');
    expect(d.terms.find((t) => t.id === 'elections')!.option).toBe('early-observed');
    expect(d.inZone).toBe(true);
    expect(session.view.ending?.history?.text).toMatch(/1990/);
    // The note brings facts from the 1990 press, the Library of Congress study and the 2025 report, and names all three.
    expect(session.view.ending?.history?.source).toBe("Reports on Violeta Chamorro's inauguration");
    expect(session.view.ending?.history?.also).toEqual(['Nicaragua: A Country Study', 'Report on the Trump–Maduro phone call']);
    // The clock ran down with each choice.
    expect(meter(views[views.length - 1]!, 'clock')).toBeLessThan(meter(views[0]!, 'clock')!);
  });
});

describe('facts and fiction', () => {
  it('every line is either sourced or marked invented, and reported lines cite the report or a named source', () => {
    for (const line of compiled.index.lines.values()) {
      expect(line.invented === true || line.source !== undefined, line.id).toBe(true);
      if (line.source) expect(compiled.scenario.sources.some((s) => s.id === line.source)).toBe(true);
    }
  });
  it('the same offer lands differently depending on what came before (a reply reads the state)', () => {
    const beatsWithStateReplies = compiled.scenario.beats.filter((b) => (b.replies ?? []).filter((r) => r.when).length > 0);
    expect(beatsWithStateReplies.length).toBeGreaterThanOrEqual(6);
  });
});

/**
 * Every state each role can reach, with the ending states kept: the same
 * walk the checker's proof makes. States that differ only in their log are
 * one state, so a log read here is that of one shortest way to the state.
 */
function endingStates(role: string): NegotiationContext[] {
  const adjacency = getAdjacencyMap(compiled.machine, {
    input: { role, seed: 1 },
    events: (snap: NegotiationSnapshot) => movesIn(compiled, snap),
    serializeState: (snap: NegotiationSnapshot) => stateKey(snap),
  }) as unknown as Record<string, AdjacencyValue<NegotiationSnapshot, NegotiationEvent>>;
  return Object.values(adjacency)
    .map((node) => node.state.context)
    .filter((ctx) => ctx.ending !== null);
}

describe('what the model teaches, over every reachable ending', () => {
  let ends: Record<string, NegotiationContext[]>;
  beforeAll(() => {
    ends = { us: endingStates('us'), ve: endingStates('ve') };
  }, 120_000);
  const threatening = (ctx: NegotiationContext) =>
    logEntries(ctx.log).some((e) => e.kind === 'choice' && (compiled.index.choices.get(e.id)?.tags ?? []).includes('threaten'));

  it('threats alone never buy a resignation: every deal in which Maduro resigns now has guarantors behind the promise', () => {
    for (const role of ['us', 've']) {
      const resigns = ends[role]!.filter((c) => c.ending === 'safe-passage-deal' || c.ending === 'guaranteed-amnesty');
      expect(resigns.length, role).toBeGreaterThan(0);
      for (const c of resigns) expect(c.flags['guarantors-engaged'], `${role} ${c.ending}`).toBe(true);
    }
  });

  it('a deal struck in the transition talks never reads as an immediate resignation', () => {
    for (const role of ['us', 've']) {
      for (const c of ends[role]!) {
        if (c.terms['armed-forces'] === 'kept-for-transition' && c.ending !== 'escalation') {
          expect(c.terms['resignation'], `${role} ${c.ending}`).toBe('after-election');
        }
        if (c.ending === 'safe-passage-deal' || c.ending === 'guaranteed-amnesty') expect(c.terms['resignation']).toBe('now');
      }
    }
  });

  it('each role can reach every agreement without making a threat', () => {
    const agreements = compiled.scenario.endings.filter((e) => e.kind === 'agreement').map((e) => e.id);
    for (const role of ['us', 've']) {
      const peaceful = new Set(ends[role]!.filter((c) => !threatening(c)).map((c) => c.ending));
      for (const id of agreements) expect(peaceful.has(id), `${role} reaches ${id} without a threat`).toBe(true);
    }
  });
});
