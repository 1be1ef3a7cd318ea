/**
 * Proving, on the compiled machine itself, that every ending can be reached
 * and that no reachable state is a dead end. @xstate/graph walks the
 * machine's states (with the parts of the context conditions read), taking
 * at each the moves a player could make there.
 */
import { getAdjacencyMap, type AdjacencyValue } from '@xstate/graph';
import { afterChoice, type CompiledScenario, type NegotiationEvent, type NegotiationSnapshot } from './machine.js';
import { holds, logEntries, packageValue, walkawayValue, type NegotiationContext } from './model.js';
import { canAdvance, openChoices } from './view.js';

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
  /**
   * For each entry of `incompatible:` whose options play puts on the table
   * all at once, the shortest path that does (over every role).
   */
  incoherent: (ProofPath & { entry: string })[];
  /** Roles whose exploration hit the state budget (their result is partial). */
  incomplete: string[];
  /** Distinct states explored, over all roles. */
  states: number;
  /**
   * Choices of beats that play reaches but that are open in no reachable
   * state of any role; empty when a role's exploration was incomplete.
   */
  neverOpen: { beat: string; choice: string }[];
  /**
   * Branches that no play takes, though play reaches their owner (a choice
   * that opens, or a beat): `choice` is absent for a beat's own branches.
   * Empty when a role's exploration was incomplete.
   */
  neverTaken: { beat: string; choice?: string; branch: number }[];
  /** Replies of beats that play reaches that no play shows; empty when incomplete. */
  neverShown: { beat: string; reply: number }[];
  /**
   * What the meters and the package come to in play, over every state
   * explored and every context a condition is read in (a choice's
   * look-ahead, a beat play passes straight through), so that an ending
   * no play reaches can be explained by the numbers.
   */
  reached: Reached;
}

/** The lowest and highest of a number seen in play. */
export interface Span {
  min: number;
  max: number;
}

/** See {@link Proof.reached}. */
export interface Reached {
  meters: Record<string, Span>;
  /**
   * For each side: what the package is worth to it (`value`), and the
   * context where the package came closest to its walk-away or passed it
   * furthest (`best`: the package's worth and the walk-away there).
   */
  sides: Record<string, { value: Span; best: { value: number; walkaway: number } }>;
}

/** The moves a player could make in a state: continue, or each open choice. */
export function movesIn(compiled: CompiledScenario, snapshot: NegotiationSnapshot): NegotiationEvent[] {
  const ctx = snapshot.context;
  if (snapshot.status !== 'active' || ctx.ending !== null) return [];
  if (canAdvance(compiled.index, ctx)) return [{ type: 'ADVANCE' }];
  return openChoices(compiled.index, ctx).map((choice) => ({ type: 'CHOOSE', choice }));
}

/**
 * What makes two states of a call the same for everything that can happen
 * next: where the call is, the line showing, and what conditions read (the
 * meters, flags, package, fired injects and interrupts, tracked history,
 * the role). The log is left out: no guard reads it, so two calls that
 * differ only there go on alike. The last line queued is kept, as it tells
 * which reply the beat gave, so that the proof can say which replies play
 * shows (two replies of one length would otherwise be one state).
 */
export function stateKey(snap: NegotiationSnapshot): string {
  const c = snap.context;
  return JSON.stringify([
    snap.value,
    c.role,
    c.lineIndex,
    c.queue.length,
    c.queue[c.queue.length - 1] ?? null,
    c.meters,
    c.flags,
    c.terms,
    c.firedInjects,
    c.firedInterrupts,
    c.visited,
    c.chosen,
  ]);
}

/**
 * Explores every role's reachable states and reports endings reached, with
 * a shortest path to each, and dead ends.
 */
export function proveScenario(compiled: CompiledScenario, budget = PROOF_STATE_BUDGET): Proof {
  const s = compiled.scenario;
  // Each state is serialised by the traversal and again by the search below: remember the text.
  const serialized = new WeakMap<NegotiationSnapshot, string>();
  const serializeState = (snap: NegotiationSnapshot): string => {
    const known = serialized.get(snap);
    if (known !== undefined) return known;
    const text = stateKey(snap);
    serialized.set(snap, text);
    return text;
  };
  const reached: Reached = { meters: {}, sides: {} };
  const proof: Proof = { endings: {}, unreachedEndings: [], deadEnds: [], incoherent: [], incomplete: [], states: 0, neverOpen: [], neverTaken: [], neverShown: [], reached };
  const idx = compiled.index;
  for (const m of s.meters ?? []) reached.meters[m.id] = { min: m.start, max: m.start };
  const sides = s.sides.map((side) => side.id);
  // Contexts share their meters and package with the one before when a move left them alone (immer keeps what did not change), so each is weighed once.
  const weighed = new WeakMap<object, WeakSet<object>>();
  const weigh = (ctx: NegotiationContext) => {
    let byTerms = weighed.get(ctx.meters);
    if (byTerms?.has(ctx.terms)) return;
    if (!byTerms) weighed.set(ctx.meters, (byTerms = new WeakSet()));
    byTerms.add(ctx.terms);
    for (const id in ctx.meters) {
      const span = reached.meters[id];
      const v = ctx.meters[id]!;
      if (!span) reached.meters[id] = { min: v, max: v };
      else if (v < span.min) span.min = v;
      else if (v > span.max) span.max = v;
    }
    for (const side of sides) {
      const value = packageValue(idx, ctx, side);
      const walkaway = walkawayValue(idx, ctx.meters, side);
      const known = reached.sides[side];
      if (!known) reached.sides[side] = { value: { min: value, max: value }, best: { value, walkaway } };
      else {
        if (value < known.value.min) known.value.min = value;
        else if (value > known.value.max) known.value.max = value;
        if (value - walkaway > known.best.value - known.best.walkaway) known.best = { value, walkaway };
      }
    }
  };
  const reachedBeats = new Set<string>();
  const opened = new Set<string>();
  // Branches taken, as 'choice#i' or 'beat@i', and lines that were ever queued (a reply shown queues its lines).
  const taken = new Set<string>();
  const queued = new Set<string>();
  const interrupts = s.interrupts ?? [];
  const exclusions = s.incompatible ?? [];
  /** The branch the machine takes from `owner` on `ctx`: the first whose condition holds, or -1. */
  const branchOn = (branches: { when?: unknown }[], ctx: NegotiationContext) => branches.findIndex((b) => b.when === undefined || holds(b.when as never, ctx, idx));
  // Conditions are read only by the machine's guards, some in contexts play passes through without resting in a state (a beat
  // with no line of its own, a beat left at once for an interrupt): each guard weighs its context too, so none is missed.
  type Guard = (args: { context: NegotiationContext }, params: unknown) => boolean;
  const guards = compiled.machine.implementations.guards as Record<string, Guard>;
  const machine = compiled.machine.provide({
    guards: Object.fromEntries(
      Object.entries(guards).map(([name, guard]) => [
        name,
        (args: { context: NegotiationContext }, params: unknown) => {
          weigh(args.context);
          return guard(args, params);
        },
      ]),
    ) as never,
  });
  for (const role of s.roles) {
    let adjacency: Record<string, AdjacencyValue<NegotiationSnapshot, NegotiationEvent>>;
    try {
      adjacency = getAdjacencyMap(machine, {
        input: { role: role.id, seed: 1 },
        events: (snap: NegotiationSnapshot) => movesIn(compiled, snap),
        serializeState: (snap: NegotiationSnapshot) => serializeState(snap),
        limit: budget,
      }) as unknown as Record<string, AdjacencyValue<NegotiationSnapshot, NegotiationEvent>>;
    } catch (err) {
      if (err instanceof Error && /limit/i.test(err.message)) {
        proof.incomplete.push(role.id);
        continue;
      }
      throw err;
    }
    // Breadth first over the adjacency map, keeping only a parent pointer
    // per state: paths are rebuilt for the few states that need one, so a
    // long scenario costs time in proportion to its states, not their depth.
    const keys = Object.keys(adjacency);
    const first = keys[0];
    if (first === undefined) continue;
    proof.states += keys.length;
    const parent = new Map<string, { from: string; event: NegotiationEvent } | null>([[first, null]]);
    // Entries of `incompatible:` this role's play has already been found to hold.
    const clashed = new Set<string>();
    const queue = [first];
    const pathTo = (key: string): NegotiationEvent[] => {
      const events: NegotiationEvent[] = [];
      for (let p = parent.get(key); p; p = parent.get(p.from)) events.push(p.event);
      return events.reverse();
    };
    for (let qi = 0; qi < queue.length; qi++) {
      const key = queue[qi]!;
      const node = adjacency[key]!;
      const snap = node.state;
      const ending = snap.context.ending;
      const ctx = snap.context;
      reachedBeats.add(ctx.beat);
      weigh(ctx);
      for (const e of exclusions) {
        if (clashed.has(e.id) || !e.options.every((o) => ctx.terms[o.term] === o.option)) continue;
        clashed.add(e.id);
        // Breadth first, a role's first path to it is its shortest; another role's may be shorter still.
        const events = pathTo(key);
        const known = proof.incoherent.find((x) => x.entry === e.id);
        if (!known) proof.incoherent.push({ role: role.id, entry: e.id, events });
        else if (events.length < known.events.length) Object.assign(known, { role: role.id, events });
      }
      for (const l of ctx.queue) queued.add(l);
      // Lines shown on the way here count too: a reply whose effects set off an interrupt is shown and left at once.
      for (const e of logEntries(ctx.log)) if (e.kind === 'line') queued.add(e.id);
      for (const t of Object.values(node.transitions)) {
        if (t.event.type !== 'CHOOSE') continue;
        const id = t.event.choice;
        opened.add(id);
        const after = afterChoice(ctx, id, idx);
        weigh(after);
        const branches = idx.choices.get(id)?.branches;
        if (!branches) continue;
        // As the machine does: an interrupt set off by the choice comes before any branch.
        if (interrupts.some((it) => !after.firedInterrupts.includes(it.id) && holds(it.when, after, idx))) continue;
        const i = branchOn(branches, after);
        if (i >= 0) taken.add(`${id}#${i}`);
      }
      const beat = idx.beats.get(ctx.beat);
      // A beat's own branches are read when its last line is showing (or it has none) and play moves on.
      if (beat?.branches && !beat.choices && ctx.ending === null && ctx.lineIndex >= ctx.queue.length - 1) {
        const i = branchOn(beat.branches, ctx);
        if (i >= 0) taken.add(`${beat.id}@${i}`);
      }
      // A move that changes nothing (a branch list where nothing holds) is no way out.
      const transitions = Object.values(node.transitions).filter((t) => serializeState(t.state) !== key);
      if (ending !== null) {
        if (!proof.endings[ending]) proof.endings[ending] = { role: role.id, events: pathTo(key) };
      } else if (transitions.length === 0) {
        if (!proof.deadEnds.some((d) => d.beat === snap.context.beat && d.role === role.id))
          proof.deadEnds.push({ role: role.id, beat: snap.context.beat, events: pathTo(key) });
      }
      for (const t of transitions) {
        const next = serializeState(t.state);
        if (!parent.has(next)) {
          parent.set(next, { from: key, event: t.event });
          queue.push(next);
        }
      }
    }
  }
  proof.unreachedEndings = proof.incomplete.length > 0 ? [] : s.endings.map((e) => e.id).filter((id) => !proof.endings[id]);
  if (proof.incomplete.length === 0)
    for (const b of s.beats) {
      if (!reachedBeats.has(b.id)) continue;
      for (const c of b.choices ?? []) {
        if (!opened.has(c.id)) proof.neverOpen.push({ beat: b.id, choice: c.id });
        else (c.branches ?? []).forEach((_, i) => taken.has(`${c.id}#${i}`) || proof.neverTaken.push({ beat: b.id, choice: c.id, branch: i }));
      }
      // A beat with no lines of its own can pass straight through, and then no state of play sits at it to be seen.
      if (!b.choices && (b.lines ?? []).length > 0) (b.branches ?? []).forEach((_, i) => taken.has(`${b.id}@${i}`) || proof.neverTaken.push({ beat: b.id, branch: i }));
      // A reply with effects, in a call with interrupts, may be shown and left in one step on a path the proof merged with another: not told.
      (b.replies ?? []).forEach(
        (r, i) => r.lines.some((l) => queued.has(l.id)) || (interrupts.length > 0 && (r.effects ?? []).length > 0) || proof.neverShown.push({ beat: b.id, reply: i }),
      );
    }
  return proof;
}
