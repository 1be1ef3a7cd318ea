/**
 * The debrief: what the call came to, and what each side really wanted.
 * It reveals the hidden valuations and walk-away points, whether the final
 * package lay inside the zone of possible agreement, and the path taken.
 */
import type { CompiledScenario } from './machine.js';
import { excludedBy, isAcceptable, logEntries, meterShare, packageValue, termValue, walkawayValue, zoneOfAgreement, type NegotiationContext, type Zopa } from './model.js';
import { endingView, type EndingView } from './view.js';

/** One side's view of the final package, revealed. */
export interface SideDebrief {
  id: string;
  name: string;
  interests: string | null;
  /** What the final package was worth to this side. */
  value: number;
  /** Its walk-away value when the call ended. */
  walkaway: number;
  /** Its walk-away value when the call started. */
  walkawayAtStart: number;
  accepted: boolean;
}

/** A term of the final package. */
export interface TermDebrief {
  id: string;
  label: string;
  option: string | null;
  optionLabel: string;
  /** What each option of the term was worth to each side, revealed. */
  options: { id: string; label: string; values: Record<string, number> }[];
  /**
   * For a promise (a term with `credibility`) whose final option is worth
   * something to the side that must believe it: how much of it counted.
   */
  promise: PromiseDebrief | null;
}

/** How far a promise on the final package was believed, and what it was worth for it. */
export interface PromiseDebrief {
  side: string;
  sideName: string;
  /** Its value if fully believed. */
  full: number;
  /** The share of it that counted, 0..1: where the meter stood in its range. */
  belief: number;
  /** What it counted for: full × belief. */
  worth: number;
  meter: string;
  meterLabel: string;
  meterValue: number;
  meterMin: number;
  meterMax: number;
}

/** A step the player took. */
export interface StepDebrief {
  choice: string;
  text: string;
  tags: string[];
  part: string | null;
}

/** A line that was said in the call and carries the author's note for the debrief. */
export interface LineNoteDebrief {
  line: string;
  speaker: string;
  text: string;
  note: string;
}

/** Everything the outcome screen and a teacher's export show. */
export interface Debrief {
  scenarioId: string;
  role: string;
  ending: EndingView | null;
  terms: TermDebrief[];
  sides: SideDebrief[];
  /**
   * True when the final package was acceptable to every side and is one a
   * negotiator could propose: no entry of `incompatible:` holds whole in it.
   */
  inZone: boolean;
  zoneAtStart: Zopa;
  zoneAtEnd: Zopa;
  path: StepDebrief[];
  /** The author's notes on lines said in this call, in the order they were said, each once. */
  notes: LineNoteDebrief[];
  meters: { id: string; label: string; start: number; end: number; hidden: boolean }[];
  turns: number;
}

/** Builds the debrief of a call from its final context. */
export function debriefOf(compiled: CompiledScenario, ctx: NegotiationContext): Debrief {
  const { index: idx, scenario: s } = compiled;
  const startMeters = Object.fromEntries((s.meters ?? []).map((m) => [m.id, m.start]));
  const sides = s.sides.map((side) => ({
    id: side.id,
    name: side.name,
    interests: side.interests ?? null,
    value: round(packageValue(idx, ctx, side.id)),
    walkaway: round(walkawayValue(idx, ctx.meters, side.id)),
    walkawayAtStart: round(walkawayValue(idx, startMeters, side.id)),
    accepted: isAcceptable(idx, ctx, side.id),
  }));
  const terms = (s.terms ?? []).map((t) => {
    const option = ctx.terms[t.id] ?? null;
    const chosen = t.options.find((o) => o.id === option);
    const cred = t.credibility;
    const full = cred && chosen ? (chosen.values[cred.side] ?? 0) : 0;
    const meter = cred ? s.meters?.find((m) => m.id === cred.meter) : undefined;
    const promise: PromiseDebrief | null =
      cred && chosen && meter && full > 0
        ? {
            side: cred.side,
            sideName: s.sides.find((x) => x.id === cred.side)?.name ?? cred.side,
            full,
            belief: round(meterShare(idx, ctx.meters, cred.meter)),
            worth: round(termValue(idx, t, chosen.id, cred.side, ctx.meters)),
            meter: meter.id,
            meterLabel: meter.label,
            meterValue: ctx.meters[meter.id] ?? meter.start,
            meterMin: meter.min,
            meterMax: meter.max,
          }
        : null;
    return {
      id: t.id,
      label: t.label,
      option,
      optionLabel: option === null ? 'Open' : (chosen?.label ?? option),
      options: t.options.map((o) => ({ id: o.id, label: o.label, values: { ...o.values } })),
      promise,
    };
  });
  const path = logEntries(ctx.log).flatMap((e) => {
    if (e.kind !== 'choice') return [];
    const c = idx.choices.get(e.id);
    if (!c) return [];
    return [{ choice: c.id, text: c.text, tags: c.tags ?? [], part: idx.beats.get(c.beat)?.part ?? null }];
  });
  const noted = new Set<string>();
  const notes = logEntries(ctx.log).flatMap((e) => {
    if (e.kind !== 'line' || noted.has(e.id)) return [];
    const l = idx.lines.get(e.id);
    if (!l?.note) return [];
    noted.add(e.id);
    return [{ line: l.id, speaker: s.actors.find((a) => a.id === l.speaker)?.name ?? l.speaker, text: l.text, note: l.note }];
  });
  return {
    scenarioId: s.id,
    role: ctx.role,
    ending: ctx.ending === null ? null : endingView(idx, ctx.ending),
    terms,
    sides,
    inZone: sides.every((x) => x.accepted) && excludedBy(idx, ctx.terms) === undefined,
    zoneAtStart: roundZone(zoneOfAgreement(idx, startMeters)),
    zoneAtEnd: roundZone(zoneOfAgreement(idx, ctx.meters)),
    path,
    notes,
    meters: (s.meters ?? []).map((m) => ({ id: m.id, label: m.label, start: m.start, end: ctx.meters[m.id] ?? m.start, hidden: m.hidden === true })),
    turns: ctx.turn,
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Values to the cent, as everywhere else in the debrief: sums of decimals carry binary noise (3.3499999999999996). */
function roundZone(z: Zopa): Zopa {
  const each = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
  return { ...z, walkaways: each(z.walkaways), best: z.best.map((b) => ({ terms: b.terms, values: each(b.values) })) };
}
