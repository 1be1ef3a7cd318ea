/**
 * Visiting every part of a scenario with its path in the file, so checks
 * can report where a problem is without re-deriving paths each time.
 */
import type { DataPath } from './parse.js';
import type { Beat, Branch, Choice, Condition, Effect, Line, Scenario } from './schema.js';

/** A place where play moves on: to a beat (`next`) or an ending (`end`). */
export interface ExitRef {
  next?: string | undefined;
  end?: string | undefined;
  path: DataPath;
}

/** Every condition in the scenario with its path. */
export function* conditions(s: Scenario): Generator<{ cond: Condition; path: DataPath }> {
  function* deep(cond: Condition, path: DataPath): Generator<{ cond: Condition; path: DataPath }> {
    yield { cond, path };
    if ('all' in cond) for (const [i, c] of cond.all.entries()) yield* deep(c, [...path, 'all', i]);
    else if ('any' in cond) for (const [i, c] of cond.any.entries()) yield* deep(c, [...path, 'any', i]);
    else if ('not' in cond) yield* deep(cond.not, [...path, 'not']);
  }
  const branches = function* (bs: Branch[] | undefined, path: DataPath) {
    for (const [i, b] of (bs ?? []).entries()) if (b.when) yield* deep(b.when, [...path, 'branches', i, 'when']);
  };
  for (const [i, inj] of (s.injects ?? []).entries()) if (inj.when) yield* deep(inj.when, ['injects', i, 'when']);
  for (const [i, it] of (s.interrupts ?? []).entries()) yield* deep(it.when, ['interrupts', i, 'when']);
  for (const [bi, beat] of s.beats.entries()) {
    const bp = ['beats', bi];
    for (const [ri, r] of (beat.replies ?? []).entries()) if (r.when) yield* deep(r.when, [...bp, 'replies', ri, 'when']);
    yield* branches(beat.branches, bp);
    for (const [ci, c] of (beat.choices ?? []).entries()) {
      const cp = [...bp, 'choices', ci];
      if (c.when) yield* deep(c.when, [...cp, 'when']);
      yield* branches(c.branches, cp);
    }
  }
}

/** Flags that play can make true: those that start true, and those an effect sets. */
export function flagsEverTrue(s: Scenario): Set<string> {
  const set = new Set<string>();
  for (const f of s.flags ?? []) if (f.start) set.add(f.id);
  for (const { effect } of effects(s)) if ('flag' in effect && effect.set) set.add(effect.flag);
  return set;
}

/** Every effect in the scenario with its path. */
export function* effects(s: Scenario): Generator<{ effect: Effect; path: DataPath }> {
  const list = function* (es: Effect[] | undefined, path: DataPath) {
    for (const [i, effect] of (es ?? []).entries()) yield { effect, path: [...path, i] };
  };
  yield* list(s.everyChoice, ['everyChoice']);
  for (const [i, inj] of (s.injects ?? []).entries()) yield* list(inj.effects, ['injects', i, 'effects']);
  for (const [bi, beat] of s.beats.entries()) {
    yield* list(beat.effects, ['beats', bi, 'effects']);
    for (const [ri, r] of (beat.replies ?? []).entries()) yield* list(r.effects, ['beats', bi, 'replies', ri, 'effects']);
    for (const [ci, c] of (beat.choices ?? []).entries()) yield* list(c.effects, ['beats', bi, 'choices', ci, 'effects']);
  }
}

/** Every line of dialogue with its path. */
export function* lines(s: Scenario): Generator<{ line: Line; path: DataPath; beat: Beat }> {
  for (const [bi, beat] of s.beats.entries()) {
    for (const [li, line] of (beat.lines ?? []).entries()) yield { line, path: ['beats', bi, 'lines', li], beat };
    for (const [ri, r] of (beat.replies ?? []).entries())
      for (const [li, line] of r.lines.entries()) yield { line, path: ['beats', bi, 'replies', ri, 'lines', li], beat };
  }
}

/** Every choice with its path and beat. */
export function* choices(s: Scenario): Generator<{ choice: Choice; path: DataPath; beat: Beat }> {
  for (const [bi, beat] of s.beats.entries())
    for (const [ci, choice] of (beat.choices ?? []).entries()) yield { choice, path: ['beats', bi, 'choices', ci], beat };
}

/** The places a beat can lead to, for the given role (all roles when undefined). */
export function beatExits(beat: Beat, beatPath: DataPath, role?: string): ExitRef[] {
  const out: ExitRef[] = [];
  const branchExits = (bs: Branch[] | undefined, path: DataPath) => {
    for (const [i, b] of (bs ?? []).entries()) out.push({ next: b.next, end: b.end, path: [...path, 'branches', i] });
  };
  if (beat.next !== undefined || beat.end !== undefined) out.push({ next: beat.next, end: beat.end, path: beatPath });
  branchExits(beat.branches, beatPath);
  for (const [ci, c] of (beat.choices ?? []).entries()) {
    if (role !== undefined && c.role !== undefined && c.role !== role) continue;
    const cp = [...beatPath, 'choices', ci];
    if (c.next !== undefined || c.end !== undefined) out.push({ next: c.next, end: c.end, path: cp });
    branchExits(c.branches, cp);
  }
  return out;
}
