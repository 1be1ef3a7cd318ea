/**
 * Saved calls in storage: one per scenario, written after every move.
 * A save that cannot be resumed (corrupt, tampered, outdated) is moved to
 * a "set aside" key, so it never blocks a new game and stays inspectable.
 */
import type { CompiledScenario } from '../engine/machine.js';
import { resumeSave, serializeSave, type SaveProblem } from '../engine/save.js';
import type { NegotiationSession, SessionCallbacks } from '../engine/session.js';
import type { SafeStorage } from './storage.js';

export const saveKey = (scenarioId: string) => `backchannel:save:${scenarioId}`;
export const setAsideKey = (scenarioId: string) => `backchannel:save-set-aside:${scenarioId}`;

/** Stores the session's save. Returns false when storage refused it. */
export function storeSave(storage: SafeStorage, session: NegotiationSession): boolean {
  return storage.set(saveKey(session.compiled.scenario.id), serializeSave(session));
}

export function hasSave(storage: SafeStorage, scenarioId: string): boolean {
  return storage.get(saveKey(scenarioId)) !== null;
}

export function clearSave(storage: SafeStorage, scenarioId: string): void {
  storage.remove(saveKey(scenarioId));
}

/** What looking at a stored save gave. */
export type SaveCheck =
  | { kind: 'none' }
  | { kind: 'ok'; role: string; moves: number; ended: boolean }
  | { kind: 'set-aside'; problem: SaveProblem; reason: string };

/**
 * Looks at the stored save of a scenario by replaying it. A save that does
 * not resume is set aside (moved to another key) and reported.
 */
export function checkStoredSave(storage: SafeStorage, compiled: CompiledScenario): SaveCheck {
  const id = compiled.scenario.id;
  const text = storage.get(saveKey(id));
  if (text === null) return { kind: 'none' };
  let r: ReturnType<typeof resumeSave>;
  try {
    r = resumeSave(compiled, text);
  } catch (e) {
    r = { ok: false, problem: 'corrupt', reason: `the save could not be replayed (${(e as Error).message})` };
  }
  if (r.ok) {
    const view = r.session.view;
    const out: SaveCheck = { kind: 'ok', role: r.session.role, moves: r.session.record().moves.length, ended: view.phase === 'ended' };
    r.session.stop();
    return out;
  }
  setAside(storage, id, text);
  return { kind: 'set-aside', problem: r.problem, reason: r.reason };
}

/** Moves a save out of the way, keeping its text for inspection. */
export function setAside(storage: SafeStorage, scenarioId: string, text: string): void {
  storage.set(setAsideKey(scenarioId), text);
  storage.remove(saveKey(scenarioId));
}

/** Resumes the stored save of a scenario; on failure sets it aside. */
export function resumeStored(
  storage: SafeStorage,
  compiled: CompiledScenario,
  callbacks: SessionCallbacks,
): { ok: true; session: NegotiationSession } | { ok: false; problem: SaveProblem | 'missing'; reason: string } {
  const id = compiled.scenario.id;
  const text = storage.get(saveKey(id));
  if (text === null) return { ok: false, problem: 'missing', reason: 'there is no saved call' };
  let r: ReturnType<typeof resumeSave>;
  try {
    r = resumeSave(compiled, text, callbacks);
  } catch (e) {
    r = { ok: false, problem: 'corrupt', reason: `the save could not be replayed (${(e as Error).message})` };
  }
  if (!r.ok) setAside(storage, id, text);
  return r;
}
