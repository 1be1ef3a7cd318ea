/**
 * Proving, on the compiled machine itself, that every ending can be reached
 * and that no reachable state is a dead end. @xstate/graph walks the
 * machine's states (with the parts of the context conditions read), taking
 * at each the moves a player could make there.
 */
import { getShortestPaths } from '@xstate/graph';
import type { Scenario } from '../scenario/schema.js';
import { conditions } from '../scenario/walk.js';
import type { CompiledScenario, NegotiationEvent, NegotiationSnapshot } from './machine.js';
import { viewOf } from './view.js';

/** Most distinct states explored per role before the proof gives up. */
export const PROOF_STATE_BUDGET = 60_000;

/** A way to reach something: the role played and the moves to make. */
export interface ProofPath {
  role: string;
  events: NegotiationEvent[];
}

/** What the proof found. */
export interface Proof {
  /** For each ending reached, the shortest path to it (in the first role that reaches it). */
  endings: Record<string, ProofPath>;
  /** Endings no play reaches in any role. */
  unreachedEndings: string[];
  /** States where play stops before an ending: the beat and the moves that lead there. */
  deadEnds: (ProofPath & { beat: string })[];
  /** Roles whose exploration hit the state budget (their result is partial). */
  incomplete: string[];
  /** Distinct states explored, over all roles. */
  states: number;
}

/** The moves a player could make in a state: continue, or each open choice. */
export function movesIn(compiled: CompiledScenario, snapshot: NegotiationSnapshot): NegotiationEvent[] {
  if (snapshot.status !== 'active') return [];
  const view = viewOf(compiled.index, snapshot);
  if (view.canAdvance) return [{ type: 'ADVANCE' }];
  return view.choices.filter((c) => c.available).map((c) => ({ type: 'CHOOSE', choice: c.id }));
}

/** The beats and choices that `visited` and `chose` conditions read; only those need remembering. */
function historyRead(s: Scenario): { beats: string[]; choices: string[] } {
  const beats = new Set<string>();
  const choices = new Set<string>();
  for (const { cond } of conditions(s)) {
    if ('visited' in cond) beats.add(cond.visited);
    if ('chose' in cond) choices.add(cond.chose);
  }
  return { beats: [...beats], choices: [...choices] };
}

/**
 * Explores every role's reachable states and reports endings reached, with
 * a shortest path to each, and dead ends.
 */
export function proveScenario(compiled: CompiledScenario, budget = PROOF_STATE_BUDGET): Proof {
  const s = compiled.scenario;
  const read = historyRead(s);
  const serializeState = (snap: NegotiationSnapshot): string => {
    const c = snap.context;
    return JSON.stringify([
      snap.value,
      c.lineIndex,
      c.queue.length,
      c.meters,
      c.flags,
      c.terms,
      c.firedInjects,
      c.firedInterrupts,
      read.beats.map((b) => (c.visited[b] ?? 0) > 0),
      read.choices.map((x) => (c.chosen[x] ?? 0) > 0),
    ]);
  };
  const proof: Proof = { endings: {}, unreachedEndings: [], deadEnds: [], incomplete: [], states: 0 };
  for (const role of s.roles) {
    let paths;
    try {
      paths = getShortestPaths(compiled.machine, {
        input: { role: role.id, seed: 1 },
        events: (snap: NegotiationSnapshot) => movesIn(compiled, snap),
        serializeState: (snap: NegotiationSnapshot) => serializeState(snap),
        limit: budget,
      });
    } catch (err) {
      if (err instanceof Error && /limit/i.test(err.message)) {
        proof.incomplete.push(role.id);
        continue;
      }
      throw err;
    }
    proof.states += paths.length;
    for (const p of paths) {
      const snap = p.state as NegotiationSnapshot;
      // The first step is the synthetic initial event, not a move.
      const events = p.steps.slice(1).map((st) => st.event as NegotiationEvent);
      const ending = snap.context.ending;
      if (ending !== null) {
        const known = proof.endings[ending];
        if (!known || (known.role === role.id && events.length < known.events.length)) proof.endings[ending] = { role: role.id, events };
      } else if (movesIn(compiled, snap).length === 0) {
        if (!proof.deadEnds.some((d) => d.beat === snap.context.beat && d.role === role.id))
          proof.deadEnds.push({ role: role.id, beat: snap.context.beat, events });
      }
    }
  }
  proof.unreachedEndings = proof.incomplete.length > 0 ? [] : s.endings.map((e) => e.id).filter((id) => !proof.endings[id]);
  return proof;
}
