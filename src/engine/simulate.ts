/**
 * Seeded random playthroughs: each run plays the call to its end, taking a
 * random open choice whenever one is needed. The same seed gives the same
 * runs, so results can be compared and reproduced.
 */
import { createActor } from 'xstate';
import type { CompiledScenario, NegotiationEvent } from './machine.js';
import { movesIn } from './prove.js';
import { seededRandom } from './rng.js';

/** Options of a simulation. */
export interface SimulateOptions {
  runs: number;
  seed: number;
  /** Play only this role; by default runs go round the roles in turn. */
  role?: string | undefined;
  /** Most moves in one run before it counts as stuck. */
  maxMoves?: number;
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
  for (let run = 0; run < options.runs; run++) {
    const role = roles[run % roles.length]!;
    const actor = createActor(compiled.machine, { input: { role, seed: options.seed } }).start();
    let snap = actor.getSnapshot();
    let n = 0;
    while (snap.status === 'active' && n < maxMoves) {
      const open: NegotiationEvent[] = movesIn(compiled, snap);
      if (open.length === 0) break;
      const move = open.length === 1 ? open[0]! : open[Math.floor(random() * open.length)]!;
      if (move.type === 'CHOOSE') choices++;
      actor.send(move);
      snap = actor.getSnapshot();
      n++;
    }
    moves += n;
    const ending = snap.context.ending;
    if (ending !== null) {
      result.endings[ending] = (result.endings[ending] ?? 0) + 1;
      result.byRole[role]![ending] = (result.byRole[role]![ending] ?? 0) + 1;
    } else result.stuck++;
    actor.stop();
  }
  result.meanChoices = options.runs > 0 ? Math.round((choices / options.runs) * 100) / 100 : 0;
  result.meanMoves = options.runs > 0 ? Math.round((moves / options.runs) * 100) / 100 : 0;
  return result;
}
