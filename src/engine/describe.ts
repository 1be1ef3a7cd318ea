/**
 * Plain-language descriptions of conditions, used as the reason a choice is
 * unavailable when its author gave none, and by the graph tool.
 */
import type { Condition } from '../scenario/schema.js';
import type { ScenarioIndex } from './model.js';

const OPS: Record<string, (v: number) => string> = {
  gte: (v) => `of ${v} or more`,
  lte: (v) => `of ${v} or less`,
  gt: (v) => `above ${v}`,
  lt: (v) => `below ${v}`,
  eq: (v) => `of exactly ${v}`,
  ne: (v) => `other than ${v}`,
};

/** A short, readable phrase for a condition, e.g. "Trust of 3 or more". */
export function describeCondition(cond: Condition, idx: ScenarioIndex): string {
  if ('all' in cond) return cond.all.map((c) => describeCondition(c, idx)).join(' and ');
  if ('any' in cond) return cond.any.map((c) => describeCondition(c, idx)).join(' or ');
  if ('not' in cond) return `not (${describeCondition(cond.not, idx)})`;
  if ('meter' in cond || 'value' in cond) {
    const name =
      'meter' in cond
        ? (idx.scenario.meters ?? []).find((m) => m.id === cond.meter)?.label ?? cond.meter
        : `the deal's worth to ${idx.scenario.sides.find((s) => s.id === cond.value)?.name ?? cond.value}`;
    const parts = Object.entries(OPS)
      .filter(([k]) => (cond as Record<string, unknown>)[k] !== undefined)
      .map(([k, phrase]) => phrase((cond as unknown as Record<string, number>)[k]!));
    return `${name} ${parts.join(' and ')}`;
  }
  if ('flag' in cond) {
    const f = (idx.scenario.flags ?? []).find((x) => x.id === cond.flag);
    return `${cond.is === false ? 'not: ' : ''}${f?.description ?? cond.flag}`;
  }
  if ('term' in cond) {
    const t = idx.terms.get(cond.term);
    const label = (o: string) => (o === 'open' ? 'still open' : (t?.options.find((x) => x.id === o)?.label ?? o));
    if (cond.in) return `${t?.label ?? cond.term}: ${cond.in.map(label).join(' or ')}`;
    return cond.is === undefined ? `${t?.label ?? cond.term} settled` : `${t?.label ?? cond.term}: ${label(cond.is)}`;
  }
  if ('acceptable' in cond) return `a package ${idx.scenario.sides.find((s) => s.id === cond.acceptable)?.name ?? cond.acceptable} can accept`;
  if ('visited' in cond) return `after "${cond.visited}"`;
  if ('chose' in cond) return `after choosing "${idx.choices.get(cond.chose)?.text ?? cond.chose}"`;
  if ('role' in cond) return `playing ${idx.scenario.roles.find((r) => r.id === cond.role)?.name ?? cond.role}`;
  return 'a condition';
}

/** The reason shown for an unavailable choice: the author's, else one made from its condition. */
export function unavailableReason(cond: Condition | undefined, authored: string | undefined, idx: ScenarioIndex): string {
  if (authored) return authored;
  if (!cond) return '';
  return `Needs ${describeCondition(cond, idx)}`;
}
