/**
 * Why no play reaches an ending, where the proof's numbers can tell: a
 * condition on the way to it that asks a meter for a value play never
 * gives it, or a side's acceptance of a package when no package play
 * reaches is worth its walk-away.
 */
import type { DataPath, ParsedFile } from '../scenario/parse.js';
import { COMPARISON_KEYS, type Condition, type Scenario } from '../scenario/schema.js';
import { impossibleRange } from '../scenario/semantics.js';
import { conditions } from '../scenario/walk.js';
import type { Proof } from './prove.js';

/** A number as an author reads it: whole, or to two decimals. */
const num = (v: number): string => String(Math.round(v * 100) / 100);

/** A condition written the way the guide writes one, `{ meter: trust, gte: 3 }`. */
function written(c: Condition): string {
  return `{ ${Object.entries(c)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ')} }`;
}

/** The conditions that must hold for `cond` to hold: itself, or each part of an `all:`. */
function needed(cond: Condition | undefined): Condition[] {
  if (cond === undefined) return [];
  return 'all' in cond ? cond.all.flatMap(needed) : [cond];
}

/**
 * The ways into an ending, each with the conditions that must all hold for
 * play to take it: a choice's `when:` and its branch's, a beat's branch, or
 * an interrupt. A way with no condition (a beat's plain `end:`) has none.
 */
function waysInto(s: Scenario, ending: string): Condition[][] {
  const ways: Condition[][] = [];
  for (const it of s.interrupts ?? []) if (it.end === ending) ways.push(needed(it.when));
  for (const beat of s.beats) {
    if (beat.end === ending) ways.push([]);
    for (const b of beat.branches ?? []) if (b.end === ending) ways.push(needed(b.when));
    for (const c of beat.choices ?? []) {
      if (c.end === ending) ways.push(needed(c.when));
      for (const b of c.branches ?? []) if (b.end === ending) ways.push([...needed(c.when), ...needed(b.when)]);
    }
  }
  return ways;
}

/**
 * Hints for the ending `ending`, which no play reaches: for each condition
 * on a way into it that never holds by the numbers play reaches, what it
 * asks and what play gives. When every way into the ending is explained,
 * these are the whole story; otherwise the last hint says to look further.
 */
export function whyUnreached(s: Scenario, proof: Proof, parsed: ParsedFile, ending: string): string[] {
  const { reached } = proof;
  const paths = new Map<Condition, DataPath>();
  for (const { cond, path } of conditions(s)) if (!paths.has(cond)) paths.set(cond, path);
  const told = new Map<Condition, string>();
  const why = (c: Condition): string | undefined => {
    if ('meter' in c) {
      const span = reached.meters[c.meter];
      const reason = span ? impossibleRange(c, span.min, span.max) : undefined;
      if (!reason) return undefined;
      const range = span!.min === span!.max ? `stays at ${num(span!.min)}` : `only goes from ${num(span!.min)} to ${num(span!.max)}`;
      return `never holds: in play '${c.meter}' ${range}. Change the effects that move it, or the number asked for.`;
    }
    const side = 'acceptable' in c ? c.acceptable : 'value' in c ? c.value : undefined;
    const seen = side === undefined ? undefined : reached.sides[side];
    if (!seen) return undefined;
    if ('acceptable' in c) {
      if (seen.best.value >= seen.best.walkaway - 1e-9) return undefined;
      return `never holds: the best package play reaches is worth ${num(seen.best.value)} to '${side}', and its walk-away then is ${num(seen.best.walkaway)}. Lower the walk-away of '${side}', or let play put options worth more to it on the table.`;
    }
    if (!COMPARISON_KEYS.some((k) => (c as Partial<Record<string, number>>)[k] !== undefined)) return undefined;
    if (!impossibleRange(c as Partial<Record<(typeof COMPARISON_KEYS)[number], number>>, seen.value.min, seen.value.max)) return undefined;
    const range = seen.value.min === seen.value.max ? `is always worth ${num(seen.value.min)}` : `is worth from ${num(seen.value.min)} to ${num(seen.value.max)}`;
    return `never holds: in play the package ${range} to '${side}'. Change the values of the options, or the number asked for.`;
  };
  const ways = waysInto(s, ending);
  let explained = 0;
  for (const way of ways) {
    let found = false;
    for (const c of way) {
      const reason = why(c);
      if (reason === undefined) continue;
      found = true;
      if (told.has(c)) continue;
      const path = paths.get(c);
      const where = path ? ` at line ${parsed.locate(path).line}` : '';
      told.set(c, `The condition \`${written(c)}\`${where} ${reason}`);
    }
    if (found) explained++;
  }
  if (told.size === 0) return [];
  return explained === ways.length ? [...told.values()] : [...told.values(), 'Other ways into it are blocked too: check the `when:` of the branches and choices that lead to it.'];
}
