/**
 * The negotiation model: the state of a call, how conditions read it, how
 * effects change it, and what a package of terms is worth to each side.
 *
 * Pure functions over plain data. The machine (machine.ts) calls them from
 * its named guards and actions; the checker and the debrief call them too,
 * so every part of the engine agrees on what a condition means.
 */
import type { Draft } from 'immer';
import { conditions } from '../scenario/walk.js';
import type { Beat, Choice, Condition, Effect, Ending, Incompatible, Inject, Line, Scenario, Term } from '../scenario/schema.js';

/** An entry of the call's log, in the order it happened. */
export type LogEntry =
  | { kind: 'line'; id: string }
  | { kind: 'choice'; id: string }
  | { kind: 'inject'; id: string }
  | { kind: 'ending'; id: string };

/**
 * One entry of the log and the entries before it. A class rather than a plain
 * object so immer treats it as an opaque value: it never drafts a node or
 * walks the older entries behind it when a new one is added.
 */
export class LogNode {
  constructor(
    readonly entry: LogEntry,
    readonly prev: LogList,
  ) {
    Object.freeze(this);
  }
}

/**
 * The log as a persistent list, newest first: adding an entry shares the
 * rest, so a long call (or the checker's thousands of explored states) never
 * copies the whole log.
 */
export type LogList = LogNode | null;

/** The log's entries, oldest first. */
export function logEntries(log: LogList): LogEntry[] {
  const out: LogEntry[] = [];
  for (let node = log; node !== null; node = node.prev) out.push(node.entry);
  return out.reverse();
}

/** Everything the machine remembers about a call in progress. */
export interface NegotiationContext {
  scenarioId: string;
  role: string;
  seed: number;
  /** The current beat, or '' before the first. */
  beat: string;
  /** Ids of the lines the current beat shows, in order. */
  queue: string[];
  /** Which line of `queue` is showing. */
  lineIndex: number;
  meters: Record<string, number>;
  flags: Record<string, boolean>;
  /** The package: the option on the table for each term, or null while open. */
  terms: Record<string, string | null>;
  /** How many times each beat was entered (only beats that conditions ask about). */
  visited: Record<string, number>;
  /** How many times each choice was taken (only choices that conditions ask about). */
  chosen: Record<string, number>;
  firedInjects: string[];
  /** Injects that broke in with the last event, to show as news flashes. */
  freshInjects: string[];
  firedInterrupts: string[];
  log: LogList;
  /** How each meter moved with the last event. */
  lastDelta: Record<string, number>;
  /** Sound cues raised by the last event, for the view to play. */
  cues: string[];
  ending: string | null;
  turn: number;
}

/** A scenario with lookup tables, built once per compile. */
export interface ScenarioIndex {
  scenario: Scenario;
  beats: Map<string, Beat>;
  endings: Map<string, Ending>;
  lines: Map<string, Line & { beat: string }>;
  choices: Map<string, Choice & { beat: string }>;
  injects: Map<string, Inject>;
  terms: Map<string, Term>;
  meterRange: Map<string, { min: number; max: number }>;
  /** Beats and choices that `visited` and `chose` conditions read: the only history worth keeping. */
  tracked: { beats: Set<string>; choices: Set<string> };
  /** Injects that fire on a condition, checked after every change. */
  watchedInjects: (Inject & { when: Condition })[];
}

/** Builds the lookup tables for a checked scenario. */
export function indexScenario(scenario: Scenario): ScenarioIndex {
  const idx: ScenarioIndex = {
    scenario,
    beats: new Map(scenario.beats.map((b) => [b.id, b])),
    endings: new Map(scenario.endings.map((e) => [e.id, e])),
    lines: new Map(),
    choices: new Map(),
    injects: new Map((scenario.injects ?? []).map((i) => [i.id, i])),
    terms: new Map((scenario.terms ?? []).map((t) => [t.id, t])),
    meterRange: new Map((scenario.meters ?? []).map((m) => [m.id, { min: m.min, max: m.max }])),
    tracked: historyRead(scenario),
    watchedInjects: (scenario.injects ?? []).filter((i): i is Inject & { when: Condition } => i.when !== undefined),
  };
  for (const b of scenario.beats) {
    for (const l of b.lines ?? []) idx.lines.set(l.id, { ...l, beat: b.id });
    for (const r of b.replies ?? []) for (const l of r.lines) idx.lines.set(l.id, { ...l, beat: b.id });
    for (const c of b.choices ?? []) idx.choices.set(c.id, { ...c, beat: b.id });
  }
  return idx;
}

/** The beats and choices that `visited` and `chose` conditions read. */
export function historyRead(s: Scenario): { beats: Set<string>; choices: Set<string> } {
  const beats = new Set<string>();
  const choices = new Set<string>();
  for (const { cond } of conditions(s)) {
    if ('visited' in cond) beats.add(cond.visited);
    if ('chose' in cond) choices.add(cond.chose);
  }
  return { beats, choices };
}

/** The state of a call before its first beat. */
export function initialContext(idx: ScenarioIndex, role: string, seed: number): NegotiationContext {
  const s = idx.scenario;
  return {
    scenarioId: s.id,
    role,
    seed,
    beat: '',
    queue: [],
    lineIndex: 0,
    meters: Object.fromEntries((s.meters ?? []).map((m) => [m.id, m.start])),
    flags: Object.fromEntries((s.flags ?? []).map((f) => [f.id, f.start ?? false])),
    terms: Object.fromEntries((s.terms ?? []).map((t) => [t.id, t.start ?? null])),
    visited: {},
    chosen: {},
    firedInjects: [],
    freshInjects: [],
    firedInterrupts: [],
    log: null,
    lastDelta: {},
    cues: [],
    ending: null,
    turn: 0,
  };
}

/** The part of the state that values and conditions read. */
export type NegotiationState = Pick<NegotiationContext, 'role' | 'meters' | 'flags' | 'terms' | 'visited' | 'chosen'>;

function compare(v: number, c: Partial<Record<'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte', number>>): boolean {
  if (c.eq !== undefined && !(v === c.eq)) return false;
  if (c.ne !== undefined && !(v !== c.ne)) return false;
  if (c.gt !== undefined && !(v > c.gt)) return false;
  if (c.gte !== undefined && !(v >= c.gte)) return false;
  if (c.lt !== undefined && !(v < c.lt)) return false;
  if (c.lte !== undefined && !(v <= c.lte)) return false;
  return true;
}

/** Whether a condition holds in a state. */
export function holds(cond: Condition | undefined, st: NegotiationState, idx: ScenarioIndex): boolean {
  if (cond === undefined) return true;
  if ('all' in cond) return cond.all.every((c) => holds(c, st, idx));
  if ('any' in cond) return cond.any.some((c) => holds(c, st, idx));
  if ('not' in cond) return !holds(cond.not, st, idx);
  if ('meter' in cond) return compare(st.meters[cond.meter] ?? 0, cond);
  if ('flag' in cond) return (st.flags[cond.flag] ?? false) === (cond.is ?? true);
  if ('term' in cond) {
    const current = st.terms[cond.term] ?? 'open';
    if (cond.in) return cond.in.includes(current);
    return cond.is === undefined ? current !== 'open' : current === cond.is;
  }
  if ('acceptable' in cond) return isAcceptable(idx, st, cond.acceptable);
  if ('value' in cond) return compare(packageValue(idx, st, cond.value), cond);
  if ('visited' in cond) return (st.visited[cond.visited] ?? 0) > 0;
  if ('chose' in cond) return (st.chosen[cond.chose] ?? 0) > 0;
  if ('role' in cond) return st.role === cond.role;
  return false;
}

function clampMeter(idx: ScenarioIndex, id: string, v: number): number {
  const r = idx.meterRange.get(id);
  return r ? Math.min(r.max, Math.max(r.min, v)) : v;
}

/** Applies effects to a draft state; meters stay inside their ranges. */
export function applyEffects(d: Draft<NegotiationContext>, effects: readonly Effect[] | undefined, idx: ScenarioIndex): void {
  for (const e of effects ?? []) {
    if ('meter' in e) {
      const before = d.meters[e.meter] ?? 0;
      const after = clampMeter(idx, e.meter, 'add' in e ? before + e.add : e.set);
      d.meters[e.meter] = after;
      if (after !== before) d.lastDelta[e.meter] = (d.lastDelta[e.meter] ?? 0) + (after - before);
    } else if ('flag' in e) d.flags[e.flag] = e.set;
    else if ('term' in e) d.terms[e.term] = e.set === 'open' ? null : e.set;
    else if ('inject' in e) fireInject(d, e.inject, idx);
  }
}

function addLog(d: Draft<NegotiationContext>, entry: LogEntry): void {
  d.log = new LogNode(entry, d.log as LogList);
}

function fireInject(d: Draft<NegotiationContext>, id: string, idx: ScenarioIndex): void {
  if (d.firedInjects.includes(id)) return;
  const inj = idx.injects.get(id);
  if (!inj) return;
  d.firedInjects.push(id);
  d.freshInjects.push(id);
  addLog(d, { kind: 'inject', id });
  d.cues.push(inj.cue ?? 'inject');
  applyEffects(d, inj.effects, idx);
}

/** Fires, once each, the injects whose `when` now holds. */
function fireDueInjects(d: Draft<NegotiationContext>, idx: ScenarioIndex): void {
  for (const inj of idx.watchedInjects) {
    if (!d.firedInjects.includes(inj.id) && holds(inj.when, d, idx)) fireInject(d, inj.id, idx);
  }
}

function showLine(d: Draft<NegotiationContext>, idx: ScenarioIndex): void {
  const id = d.queue[d.lineIndex];
  if (id === undefined) return;
  addLog(d, { kind: 'line', id });
  const cue = idx.lines.get(id)?.cue;
  if (cue) d.cues.push(cue);
}

/** Starts a beat: its effects and injects, then its lines and the first reply that fits. */
export function enterBeat(d: Draft<NegotiationContext>, beatId: string, idx: ScenarioIndex): void {
  const beat = idx.beats.get(beatId);
  if (!beat) return;
  d.beat = beatId;
  if (idx.tracked.beats.has(beatId)) d.visited[beatId] = (d.visited[beatId] ?? 0) + 1;
  applyEffects(d, beat.effects, idx);
  for (const inj of beat.injects ?? []) fireInject(d, inj, idx);
  const queue = (beat.lines ?? []).map((l) => l.id);
  const reply = beat.replies?.find((r) => holds(r.when, d, idx));
  if (reply) {
    queue.push(...reply.lines.map((l) => l.id));
    applyEffects(d, reply.effects, idx);
  }
  fireDueInjects(d, idx);
  d.queue = queue;
  d.lineIndex = 0;
  showLine(d, idx);
}

/** Moves to the next line of the current beat. */
export function advanceLine(d: Draft<NegotiationContext>, idx: ScenarioIndex): void {
  beginStep(d);
  d.lineIndex += 1;
  showLine(d, idx);
}

/** Starts handling a new event: clears the cues, injects and meter moves the last one raised. */
export function beginStep(d: Draft<NegotiationContext>): void {
  d.cues = [];
  d.freshInjects = [];
  d.lastDelta = {};
}

/** Takes a choice: logs it, applies its effects, the per-choice effects, and injects now due. */
export function takeChoice(d: Draft<NegotiationContext>, choiceId: string, idx: ScenarioIndex): void {
  const choice = idx.choices.get(choiceId);
  if (!choice) return;
  beginStep(d);
  d.cues.push('choice');
  d.turn += 1;
  if (idx.tracked.choices.has(choiceId)) d.chosen[choiceId] = (d.chosen[choiceId] ?? 0) + 1;
  addLog(d, { kind: 'choice', id: choiceId });
  applyEffects(d, choice.effects, idx);
  applyEffects(d, idx.scenario.everyChoice, idx);
  fireDueInjects(d, idx);
}

/** Records that play reached an ending. */
export function reachEnding(d: Draft<NegotiationContext>, endingId: string, idx: ScenarioIndex): void {
  const ending = idx.endings.get(endingId);
  d.ending = endingId;
  d.queue = [];
  d.lineIndex = 0;
  addLog(d, { kind: 'ending', id: endingId });
  d.cues.push(ending?.cue ?? ending?.kind ?? 'ending');
}

/** The share of its range a meter stands at, from 0 to 1. */
export function meterShare(idx: ScenarioIndex, meters: Record<string, number>, id: string): number {
  const r = idx.meterRange.get(id);
  if (!r || r.max === r.min) return 1;
  return ((meters[id] ?? r.min) - r.min) / (r.max - r.min);
}

/** What one term's current option is worth to a side, promises discounted by belief. */
export function termValue(idx: ScenarioIndex, term: Term, option: string | null, side: string, meters: Record<string, number>): number {
  if (option === null) return 0;
  const opt = term.options.find((o) => o.id === option);
  const raw = opt?.values[side] ?? 0;
  if (term.credibility && term.credibility.side === side && raw > 0) return raw * meterShare(idx, meters, term.credibility.meter);
  return raw;
}

/** What the package on the table is worth to a side. */
export function packageValue(idx: ScenarioIndex, st: Pick<NegotiationState, 'meters' | 'terms'>, side: string): number {
  let total = 0;
  for (const t of idx.scenario.terms ?? []) total += termValue(idx, t, st.terms[t.id] ?? null, side, st.meters);
  return total;
}

/** A side's walk-away value now: its base, moved by the meters that weigh on it. */
export function walkawayValue(idx: ScenarioIndex, meters: Record<string, number>, side: string): number {
  const s = idx.scenario.sides.find((x) => x.id === side);
  if (!s) return Infinity;
  let v = s.walkaway;
  for (const w of s.walkawayShifts ?? []) v += (meters[w.meter] ?? 0) * w.perPoint;
  return v;
}

/** Whether the package on the table is worth at least a side's walk-away value. */
export function isAcceptable(idx: ScenarioIndex, st: Pick<NegotiationState, 'meters' | 'terms'>, side: string): boolean {
  return packageValue(idx, st, side) >= walkawayValue(idx, st.meters, side) - 1e-9;
}

/**
 * Most steps the zone-of-agreement search takes before it stops with a
 * partial count. The search skips every package that cannot satisfy a side,
 * so this bounds the work, not the number of terms a scenario may have.
 */
export const ZOPA_LIMIT = 200_000;

/** A package and what it is worth to each side. */
export interface ValuedPackage {
  terms: Record<string, string | null>;
  values: Record<string, number>;
}

/** The zone of possible agreement at given meters. */
export interface Zopa {
  /** How many coherent packages are acceptable to every side; a lower bound when `partial`. */
  size: number;
  /**
   * How many packages a negotiator could propose: each term open or at one
   * of its options, less every package that holds all the options of an
   * entry of the scenario's `incompatible:`. In the rare scenario whose
   * exclusions overlap too much to count within ZOPA_LIMIT steps, it is
   * every mix of options instead, and `partial` is set.
   */
  total: number;
  /** How many mixes of options `incompatible:` rules out: every mix is `total + excluded`. */
  excluded: number;
  /** How many of the `total` packages the search accounted for: `total` unless `partial`. */
  considered: number;
  /** True when a count stopped at ZOPA_LIMIT steps before accounting for every package. */
  partial: boolean;
  /** The acceptable coherent packages with the largest joint surplus, best first. */
  best: ValuedPackage[];
  walkaways: Record<string, number>;
}

/** Slack on value comparisons, so that sums of decimals that should meet do. */
const EPSILON = 1e-9;

/**
 * The entries of `incompatible:` as bit masks over terms in the zone
 * search's order, which fixes the last term first. Setting term `ti` to
 * its choice `oi` (0 open, then its options) leaves behind the entries in
 * `kill[ti][oi]`, which name another option of it, and completes those in
 * `complete[ti][oi]`: entries whose last term to be fixed is this one, with
 * this option. An entry naming an unknown term or option, or one term
 * twice, can hold in no package and is left out.
 */
interface Exclusions {
  /** One bit per entry kept; 0 when there are none. */
  all: number;
  kill: number[][];
  complete: number[][];
  /** Entries that name each term. */
  naming: number[];
}

function exclusionMasks(idx: ScenarioIndex, choicesPerTerm: readonly (readonly (string | null)[])[]): Exclusions {
  const terms = idx.scenario.terms ?? [];
  const kill = choicesPerTerm.map((c) => c.map(() => 0));
  const complete = choicesPerTerm.map((c) => c.map(() => 0));
  const naming = terms.map(() => 0);
  let all = 0;
  let bit = 0;
  for (const entry of idx.scenario.incompatible ?? []) {
    const picks = entry.options.map((o) => {
      const ti = terms.findIndex((t) => t.id === o.term);
      return { ti, oi: ti < 0 ? -1 : choicesPerTerm[ti]!.indexOf(o.option) };
    });
    if (bit >= 32 || picks.some((p) => p.oi < 1) || new Set(picks.map((p) => p.ti)).size !== picks.length) continue;
    const mask = 1 << bit++;
    all |= mask;
    const last = Math.min(...picks.map((p) => p.ti));
    for (const { ti, oi } of picks) {
      naming[ti]! |= mask;
      kill[ti]!.forEach((_, o) => o !== oi && (kill[ti]![o]! |= mask));
      if (ti === last) complete[ti]![oi]! |= mask;
    }
  }
  return { all, kill, complete, naming };
}

/**
 * How many packages differ from a partial one only in terms 0..open-1 and
 * hold no excluded mix, when `alive` is the set of entries the fixed terms
 * still match. Remembered by (open, alive), which is all it depends on, so
 * the count costs the number of distinct such pairs, not the packages.
 */
function coherentCounter(ex: Exclusions, sizes: readonly number[], under: readonly number[], budget: number) {
  const memo = new Map<number, number>();
  let steps = 0;
  let stopped = false;
  const count = (open: number, alive: number): number => {
    if (alive === 0 || open === 0) return under[open]!;
    const ti = open - 1;
    // A term no live entry names multiplies the count below it.
    if ((ex.naming[ti]! & alive) === 0) return sizes[ti]! * count(ti, alive);
    // Unsigned, as the 32nd entry's bit makes the mask negative; no scenario has 4,096 terms.
    const key = (alive >>> 0) * 4096 + open;
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (++steps > budget) {
      stopped = true;
      return 0;
    }
    let n = 0;
    for (let oi = 0; oi < sizes[ti]!; oi++) {
      const next = alive & ~ex.kill[ti]![oi]!;
      if ((next & ex.complete[ti]![oi]!) === 0) n += count(ti, next);
    }
    if (!stopped) memo.set(key, n);
    return n;
  };
  return { count, stopped: () => stopped };
}

const coherence = new WeakMap<ScenarioIndex, { ex: Exclusions; counter: ReturnType<typeof coherentCounter>; total: number }>();

/**
 * Counts the coherent packages (each term open or one of its options, and
 * no entry of `incompatible:` held whole) worth at least every side's
 * walk-away value at the given meters, and keeps the best.
 *
 * The search fixes terms one at a time and leaves a branch as soon as some
 * side could not reach its walk-away value even with its favourite option on
 * every term still open, or as soon as the options fixed hold an excluded
 * mix. Packages in a branch left for its value are counted as considered
 * without being visited. So a scenario with many terms costs what its
 * acceptable region costs, not what the product of its options would.
 */
export function zoneOfAgreement(idx: ScenarioIndex, meters: Record<string, number>, keep = 3): Zopa {
  const terms = idx.scenario.terms ?? [];
  const sides = idx.scenario.sides.map((s) => s.id);
  const walk = sides.map((s) => walkawayValue(idx, meters, s));
  const choicesPerTerm = terms.map((t) => [null, ...t.options.map((o) => o.id)] as (string | null)[]);
  const valueTable = terms.map((t, ti) => choicesPerTerm[ti]!.map((o) => sides.map((s) => termValue(idx, t, o, s, meters))));
  // The search fixes the last term first, so the order in which it meets
  // packages (and so which of equally good ones it keeps) is the order of a
  // counter whose first term turns fastest.
  // headroom[n][si]: the most terms 0..n-1 can still add for side si.
  // under[n]: how many packages differ only in terms 0..n-1.
  const headroom: number[][] = [sides.map(() => 0)];
  const under: number[] = [1];
  for (let n = 1; n <= terms.length; n++) {
    headroom.push(sides.map((_, si) => headroom[n - 1]![si]! + Math.max(...valueTable[n - 1]!.map((v) => v[si]!))));
    under.push(under[n - 1]! * choicesPerTerm[n - 1]!.length);
  }
  const mixes = under[terms.length]!;
  // What exclusions leave is the same at any meters: worked out once per scenario, with the counts remembered.
  let coherent = coherence.get(idx);
  if (!coherent) {
    const ex = exclusionMasks(idx, choicesPerTerm);
    const counter = coherentCounter(
      ex,
      choicesPerTerm.map((c) => c.length),
      under,
      ZOPA_LIMIT,
    );
    const counted = ex.all === 0 ? mixes : counter.count(terms.length, ex.all);
    // Too many overlapping exclusions to count: every mix stands in for the total, and the count says it is partial.
    coherent = { ex, counter, total: counter.stopped() ? mixes : counted };
    coherence.set(idx, coherent);
  }
  const { ex, counter, total } = coherent;
  const pick = new Array<number>(terms.length).fill(0);
  // One running sum per depth, reused, so the search allocates nothing per package.
  const sums = Array.from({ length: terms.length + 1 }, () => new Array<number>(sides.length).fill(0));
  const best: { pick: number[]; values: number[]; surplus: number }[] = [];
  let size = 0;
  let considered = 0;
  let steps = 0;
  let partial = counter.stopped();

  const atLeaf = () => {
    // Summed in term order, as packageValue does, so the verdict matches isAcceptable exactly.
    const values = sides.map((_, si) => {
      let v = 0;
      for (let ti = 0; ti < terms.length; ti++) v += valueTable[ti]![pick[ti]!]![si]!;
      return v;
    });
    for (let si = 0; si < sides.length; si++) if (values[si]! < walk[si]! - EPSILON) return;
    size++;
    let surplus = 0;
    for (let si = 0; si < sides.length; si++) surplus += values[si]! - walk[si]!;
    if (best.length < keep || surplus > best[best.length - 1]!.surplus) {
      best.push({ pick: [...pick], values, surplus });
      best.sort((a, b) => b.surplus - a.surplus);
      if (best.length > keep) best.pop();
    }
  };

  // open: how many terms (0..open-1) are still to fix; sums[open] holds the value of the fixed ones;
  // alive: the entries of `incompatible:` the fixed terms still match, none of them whole.
  const search = (open: number, alive: number): void => {
    if (++steps > ZOPA_LIMIT) {
      partial = true;
      return;
    }
    const here = sums[open]!;
    for (let si = 0; si < sides.length; si++) {
      if (here[si]! + headroom[open]![si]! < walk[si]! - 2 * EPSILON) {
        considered += counter.count(open, alive);
        return;
      }
    }
    if (open === 0) {
      considered++;
      atLeaf();
      return;
    }
    const ti = open - 1;
    const next = sums[ti]!;
    const row = valueTable[ti]!;
    for (let oi = 0; oi < row.length && !partial; oi++) {
      const still = alive & ~ex.kill[ti]![oi]!;
      // Every package below holds an excluded mix: none is one a negotiator could propose.
      if ((still & ex.complete[ti]![oi]!) !== 0) continue;
      pick[ti] = oi;
      for (let si = 0; si < sides.length; si++) next[si] = here[si]! + row[oi]![si]!;
      search(ti, still);
    }
    pick[ti] = 0;
  };
  search(terms.length, ex.all);
  partial ||= counter.stopped();

  return {
    size,
    total,
    excluded: mixes - total,
    // A finished search accounted for every package; saying so exactly avoids
    // the rounding of a sum that can pass 2^53 with many terms.
    considered: partial ? considered : total,
    partial,
    walkaways: Object.fromEntries(sides.map((s, si) => [s, walk[si]!])),
    best: best.map((b) => ({
      terms: Object.fromEntries(terms.map((t, ti) => [t.id, choicesPerTerm[ti]![b.pick[ti]!]!])),
      values: Object.fromEntries(sides.map((s, si) => [s, b.values[si]!])),
    })),
  };
}

/**
 * The entry of the scenario's `incompatible:` whose options are all on the
 * table in this package, if any: a package no negotiator could propose,
 * which the zone of agreement leaves out.
 */
export function excludedBy(idx: ScenarioIndex, terms: Record<string, string | null>): Incompatible | undefined {
  return idx.scenario.incompatible?.find((e) => e.options.every((o) => terms[o.term] === o.option));
}
