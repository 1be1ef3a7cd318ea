/**
 * A call in progress, for views: it wraps the machine's actor, records the
 * player's moves for saving, and tells the view what changed through
 * callbacks. The view never decides an outcome; it only sends ADVANCE and
 * CHOOSE and draws what comes back.
 */
import { createActor, type Actor } from 'xstate';
import type { CompiledScenario, NegotiationMachine, NegotiationSnapshot } from './machine.js';
import { viewOf, type CallView } from './view.js';

/** The callbacks a view gives a session. */
export interface SessionCallbacks {
  /** The call changed: redraw from this view. */
  onView?: (view: CallView) => void;
  /** A sound cue the call asks for. */
  onCue?: (cue: string) => void;
}

/** One recorded move: '+' for ADVANCE, a choice id for CHOOSE. */
export type RecordedMove = string;

/** The record of moves of one call, from which it can be replayed exactly. */
export interface MoveRecord {
  scenario: string;
  contentHash: string;
  role: string;
  seed: number;
  moves: RecordedMove[];
}

/** Thrown when a session is asked for a role the scenario does not have. */
export class UnknownRoleError extends Error {}

/** A call in progress. */
export class NegotiationSession {
  readonly compiled: CompiledScenario;
  readonly role: string;
  readonly seed: number;
  private readonly actor: Actor<NegotiationMachine>;
  private readonly moves: RecordedMove[] = [];
  private readonly callbacks: SessionCallbacks;
  private current: CallView;

  constructor(compiled: CompiledScenario, options: { role: string; seed?: number }, callbacks: SessionCallbacks = {}) {
    if (!compiled.scenario.roles.some((r) => r.id === options.role))
      throw new UnknownRoleError(`the scenario '${compiled.scenario.id}' has no role '${options.role}'`);
    this.compiled = compiled;
    this.role = options.role;
    this.seed = options.seed ?? 1;
    this.callbacks = callbacks;
    this.actor = createActor(compiled.machine, { input: { role: this.role, seed: this.seed } });
    this.actor.start();
    this.current = viewOf(compiled.index, this.actor.getSnapshot());
  }

  /** What the view shows now. */
  get view(): CallView {
    return this.current;
  }

  /** The machine's snapshot, for tools that inspect the state. */
  get snapshot(): NegotiationSnapshot {
    return this.actor.getSnapshot();
  }

  /** Tells the view about the opening state (the first line and its cues). */
  announce(): void {
    this.publish();
  }

  /** Finishes the current line and moves on. Returns false when there was nothing to move on to. */
  advance(): boolean {
    return this.send('+');
  }

  /** Takes a choice by id. Returns false when the choice is not open now. */
  choose(choiceId: string): boolean {
    return this.send(choiceId);
  }

  /** Takes the Nth shown choice (1-based), as the digit keys do. */
  chooseNumber(n: number): boolean {
    const c = this.current.choices[n - 1];
    return c !== undefined && c.available && this.choose(c.id);
  }

  /** The record from which this call can be replayed. */
  record(): MoveRecord {
    return { scenario: this.compiled.scenario.id, contentHash: this.compiled.contentHash, role: this.role, seed: this.seed, moves: [...this.moves] };
  }

  /** Stops the machine. */
  stop(): void {
    this.actor.stop();
  }

  /**
   * Sends one recorded move. A move the machine does not accept changes
   * nothing and is not recorded.
   */
  send(move: RecordedMove, quiet = false): boolean {
    const before = this.actor.getSnapshot();
    if (before.status !== 'active') return false;
    this.actor.send(move === '+' ? { type: 'ADVANCE' } : { type: 'CHOOSE', choice: move });
    const after = this.actor.getSnapshot();
    if (after === before || (after.context === before.context && JSON.stringify(after.value) === JSON.stringify(before.value))) return false;
    this.moves.push(move);
    this.current = viewOf(this.compiled.index, after);
    if (!quiet) this.publish();
    return true;
  }

  private publish(): void {
    for (const cue of this.current.cues) this.callbacks.onCue?.(cue);
    this.callbacks.onView?.(this.current);
  }
}
