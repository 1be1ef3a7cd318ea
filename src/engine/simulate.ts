/**
 * Seeded random playthroughs: each run plays the call to its end, taking a
 * random open choice whenever one is needed. The same seed gives the same
 * runs, so results can be compared and reproduced.
 *
 * Runs step the compiled machine with its own pure `transition` method.
 * Thousands of runs pass through the same states again and again, so each
 * state's open moves and the state each move leads to are remembered, keyed
 * by `stateKey`: the same notion of "the same state" the proof relies on. A
 * remembered step is exactly the step the machine would take, so the counts
 * are those of stepping every run afresh.
 */
import { createActor, initialTransition, type AnyActorScope } from 'xstate';
import type { CompiledScenario, NegotiationEvent, NegotiationSnapshot } from './machine.js';
import { movesIn, stateKey } from './prove.js';
import { seededRandom } from './rng.js';

/** Most distinct states a simulation remembers; past it, it forgets them all and carries on. */
export const SIMULATION_MEMORY = 50_000;

/** A state met during a simulation: the moves open in it and where each led. */
interface KnownState {
  snapshot: NegotiationSnapshot;
  moves: NegotiationEvent[];
  next: Map<string, KnownState>;
  /** Which filling of the memory it belongs to: links from an older one are not followed. */
  generation: number;
}

/** The states a simulation has met, by key and by snapshot object. */
class StateMemory {
  private byKey = new Map<string, KnownState>();
  private bySnapshot = new WeakMap<NegotiationSnapshot, KnownState>();
  private generation = 0;

  /**
   * One scope for every step: xstate's `transition()` helper builds a fresh
   * actor per call, which costs more than the step itself. Every action of
   * the machine is an assignment, resolved inside the step, so the scope
   * has nothing to run or deliver.
   */
  private readonly scope: AnyActorScope;

  constructor(
    private readonly compiled: CompiledScenario,
    private readonly limit: number,
  ) {
    const self = createActor(compiled.machine, { input: { role: '', seed: 1 } });
    const ignore = () => {};
    this.scope = { self, id: self.id, sessionId: self.sessionId, system: self.system, logger: ignore, defer: ignore, emit: ignore, stopChild: ignore, actionExecutor: ignore };
  }

  /** The state a snapshot stands for, met before or new. */
  know(snapshot: NegotiationSnapshot): KnownState {
    const seen = this.bySnapshot.get(snapshot);
    if (seen && seen.generation === this.generation) return seen;
    const key = stateKey(snapshot);
    let known = this.byKey.get(key);
    if (!known) {
      if (this.byKey.size >= this.limit) this.forget();
      known = { snapshot, moves: seen?.moves ?? movesIn(this.compiled, snapshot), next: new Map(), generation: this.generation };
      this.byKey.set(key, known);
    }
    this.bySnapshot.set(snapshot, known);
    return known;
  }

  /** Lets go of every state: links between them too, so none keeps the rest alive. */
  private forget(): void {
    for (const known of this.byKey.values()) known.next.clear();
    this.byKey.clear();
    this.generation++;
  }

  /** Where a move leads from a state, stepping the machine the first time. */
  step(from: KnownState, move: NegotiationEvent): KnownState {
    if (from.generation !== this.generation) from = this.know(from.snapshot);
    const moveKey = move.type === 'CHOOSE' ? move.choice : '';
    let to = from.next.get(moveKey);
    if (!to) {
      to = this.know(this.compiled.machine.transition(from.snapshot, move, this.scope));
      from.next.set(moveKey, to);
    }
    return to;
  }
}

/** Options of a simulation. */
export interface SimulateOptions {
  runs: number;
  seed: number;
  /** Play only this role; by default runs go round the roles in turn. */
  role?: string | undefined;
  /** Most moves in one run before it counts as stuck. */
  maxMoves?: number;
  /** Most distinct states remembered at once (default SIMULATION_MEMORY). */
  memory?: number;
}

/** What a simulation found. */
export interface SimulationResult {
  runs: number;
  seed: number;
  /** How many runs reached each ending, every ending listed. */
  endings: Record<string, number>;
  /** The same, for each role. */
  byRole: Record<string, Record<string, number>>;
  /** Runs that stopped before an ending (a dead end or the move cap). */
  stuck: number;
  /** Average number of choices in a run. */
  meanChoices: number;
  /** Average number of moves (continues and choices) in a run. */
  meanMoves: number;
}

/** Plays `runs` seeded random playthroughs. */
export function simulate(compiled: CompiledScenario, options: SimulateOptions): SimulationResult {
  const { scenario } = compiled;
  const roles = options.role !== undefined ? [options.role] : scenario.roles.map((r) => r.id);
  const maxMoves = options.maxMoves ?? 10_000;
  const random = seededRandom(options.seed);
  const zero = () => Object.fromEntries(scenario.endings.map((e) => [e.id, 0]));
  const result: SimulationResult = {
    runs: options.runs,
    seed: options.seed,
    endings: zero(),
    byRole: Object.fromEntries(roles.map((r) => [r, zero()])),
    stuck: 0,
    meanChoices: 0,
    meanMoves: 0,
  };
  let choices = 0;
  let moves = 0;
  const limit = options.memory !== undefined && Number.isFinite(options.memory) ? Math.max(1, Math.floor(options.memory)) : SIMULATION_MEMORY;
  const memory = new StateMemory(compiled, limit);
  const starts = new Map<string, KnownState>();
  for (let run = 0; run < options.runs; run++) {
    const role = roles[run % roles.length]!;
    let start = starts.get(role);
    if (!start) starts.set(role, (start = memory.know(initialTransition(compiled.machine, { role, seed: options.seed })[0])));
    let state = start;
    let n = 0;
    while (n < maxMoves) {
      const open = state.moves;
      if (open.length === 0) break;
      const move = open.length === 1 ? open[0]! : open[Math.floor(random() * open.length)]!;
      if (move.type === 'CHOOSE') choices++;
      state = memory.step(state, move);
      n++;
    }
    moves += n;
    const ending = state.snapshot.context.ending;
    if (ending !== null) {
      result.endings[ending] = (result.endings[ending] ?? 0) + 1;
      result.byRole[role]![ending] = (result.byRole[role]![ending] ?? 0) + 1;
    } else result.stuck++;
  }
  result.meanChoices = options.runs > 0 ? Math.round((choices / options.runs) * 100) / 100 : 0;
  result.meanMoves = options.runs > 0 ? Math.round((moves / options.runs) * 100) / 100 : 0;
  return result;
}
