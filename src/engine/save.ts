/**
 * Saved games. A save is the record of the player's moves, replayed on the
 * machine to resume: nothing in it is trusted, so a corrupt, tampered or
 * outdated save is refused with a reason, never half-loaded.
 */
import type { CompiledScenario } from './machine.js';
import { NegotiationSession, type MoveRecord, type SessionCallbacks } from './session.js';

/** Version of the save format. */
export const SAVE_FORMAT = 1;
/** Largest save accepted, in characters. */
export const MAX_SAVE_CHARS = 200_000;
/** Most moves a save may hold. */
export const MAX_SAVE_MOVES = 5_000;

const MOVE = /^(\+|[a-z][a-z0-9_-]{0,63})$/;

/** What is stored. */
export interface SavedGame {
  app: 'backchannel';
  format: typeof SAVE_FORMAT;
  savedAt: string;
  record: MoveRecord;
}

/** Serialises a session for storage. */
export function serializeSave(session: NegotiationSession, now = new Date()): string {
  const saved: SavedGame = { app: 'backchannel', format: SAVE_FORMAT, savedAt: now.toISOString(), record: session.record() };
  return JSON.stringify(saved);
}

/** Why a save could not be used: 'corrupt' (unreadable or tampered), 'outdated' (another version of the scenario), 'other' (another scenario). */
export type SaveProblem = 'corrupt' | 'outdated' | 'other-scenario';

/** The outcome of resuming. */
export type ResumeResult =
  | { ok: true; session: NegotiationSession }
  | { ok: false; problem: SaveProblem; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads the outer shape of a save without replaying it. */
export function readSave(text: unknown): { ok: true; save: SavedGame } | { ok: false; problem: SaveProblem; reason: string } {
  const corrupt = (reason: string) => ({ ok: false as const, problem: 'corrupt' as const, reason });
  if (typeof text !== 'string') return corrupt('the save is missing');
  if (text.length > MAX_SAVE_CHARS) return corrupt('the save is too large');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return corrupt('the save is not readable');
  }
  if (!isRecord(data) || data['app'] !== 'backchannel') return corrupt('the save is not a Backchannel save');
  if (data['format'] !== SAVE_FORMAT) return { ok: false, problem: 'outdated', reason: 'the save was made by another version of Backchannel' };
  const r = data['record'];
  if (!isRecord(r)) return corrupt('the save has no record of moves');
  const { scenario, contentHash, role, seed, moves } = r;
  if (typeof scenario !== 'string' || typeof contentHash !== 'string' || typeof role !== 'string') return corrupt('the save is incomplete');
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return corrupt('the save has a bad seed');
  if (!Array.isArray(moves) || moves.length > MAX_SAVE_MOVES || !moves.every((m) => typeof m === 'string' && MOVE.test(m)))
    return corrupt('the save has bad moves');
  const savedAt = typeof data['savedAt'] === 'string' ? data['savedAt'].slice(0, 40) : '';
  return { ok: true, save: { app: 'backchannel', format: SAVE_FORMAT, savedAt, record: { scenario, contentHash, role, seed, moves: moves as string[] } } };
}

/**
 * Resumes a saved call by replaying its moves. Every move must be accepted
 * by the machine, or the save is refused as tampered.
 */
export function resumeSave(compiled: CompiledScenario, text: unknown, callbacks: SessionCallbacks = {}): ResumeResult {
  const read = readSave(text);
  if (!read.ok) return read;
  const { record } = read.save;
  if (record.scenario !== compiled.scenario.id) return { ok: false, problem: 'other-scenario', reason: `the save is for the scenario '${record.scenario}'` };
  if (record.contentHash !== compiled.contentHash) return { ok: false, problem: 'outdated', reason: 'the scenario has changed since this game was saved' };
  if (!compiled.scenario.roles.some((r) => r.id === record.role)) return { ok: false, problem: 'corrupt', reason: 'the save names a role the scenario does not have' };
  const session = new NegotiationSession(compiled, { role: record.role, seed: record.seed }, callbacks);
  for (const move of record.moves) {
    if (!session.send(move, true)) {
      session.stop();
      return { ok: false, problem: 'corrupt', reason: 'the save holds a move the call does not allow' };
    }
  }
  return { ok: true, session };
}
