/**
 * What a view shows, read from a snapshot. Views (the Phaser scenes, the
 * accessible DOM mirror, the command line) draw this and nothing else, so
 * they can never disagree about the state of the call.
 */
import type { EndingKind } from '../scenario/schema.js';
import { ENGLISH_CONDITION_PHRASES, unavailableWhy, wordReason, type UnavailableReason } from './describe.js';
import type { NegotiationSnapshot } from './machine.js';
import { holds, logEntries, type NegotiationContext, type ScenarioIndex } from './model.js';

/** A speaker as a view shows them. */
export interface SpeakerView {
  id: string;
  name: string;
  title: string;
  side?: string | undefined;
  portrait?: string | undefined;
}

/** A line as a view shows it. */
export interface LineView {
  id: string;
  speaker: SpeakerView | null;
  text: string;
  /** The source the line is drawn from, when it is reported. */
  source: { id: string; title: string; publisher: string } | null;
  /** True when the line is invented for the game. */
  invented: boolean;
}

/** A choice as a view shows it. */
export interface ChoiceView {
  id: string;
  /** 1-based position among the shown choices: the digit key that takes it. */
  number: number;
  text: string;
  available: boolean;
  /** Why it cannot be taken now, in English unless its author wrote it (empty when available). */
  reason: string;
  /** The same reason as data, for a view to tell in the player's language (null when available or when there is none). */
  why: UnavailableReason | null;
  tags: string[];
}

/** A meter as a view shows it. */
export interface MeterView {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** How much it moved with the last event. */
  delta: number;
  description?: string | undefined;
}

/** A news flash. */
export interface InjectView {
  id: string;
  headline: string;
  text: string;
  source: { id: string; title: string } | null;
  invented: boolean;
  /** Where the news falls in the real timeline, when the game moves it. */
  timeline: string | null;
}

/** An ending as a view shows it. */
export interface EndingView {
  id: string;
  title: string;
  kind: EndingKind;
  summary: string;
  debrief: string;
  concepts: { id: string; name: string; text: string }[];
  /** `source` is the title of the source the account comes from; `also`, the titles of further sources it draws on. */
  history: { text: string; source: string; also: string[] } | null;
}

/** An entry of the dialogue log, ready to print. */
export type LogView =
  | { kind: 'line'; id: string; speaker: string; text: string; invented: boolean; source: string | null }
  | { kind: 'choice'; id: string; text: string }
  | { kind: 'inject'; id: string; headline: string; text: string; invented: boolean; source: string | null; timeline: string | null }
  | { kind: 'ending'; id: string; title: string };

/** Everything a view needs to draw the call. */
export interface CallView {
  scenarioId: string;
  role: string;
  /** 'line': a line is showing and continue moves on; 'choosing': the player must choose; 'ended': an ending is reached. */
  phase: 'line' | 'choosing' | 'ended';
  beat: string;
  part: { id: string; title: string } | null;
  line: LineView | null;
  /** True when ADVANCE moves the call on. */
  canAdvance: boolean;
  choices: ChoiceView[];
  meters: MeterView[];
  /** Injects raised by the last event. */
  injects: InjectView[];
  ending: EndingView | null;
  log: LogView[];
  cues: string[];
  turn: number;
}

function speakerView(idx: ScenarioIndex, id: string): SpeakerView | null {
  const a = idx.scenario.actors.find((x) => x.id === id);
  return a ? { id: a.id, name: a.name, title: a.title, side: a.side, portrait: a.portrait } : null;
}

function sourceRef(idx: ScenarioIndex, id: string | undefined) {
  const s = id === undefined ? undefined : idx.scenario.sources.find((x) => x.id === id);
  return s ? { id: s.id, title: s.title, publisher: s.publisher } : null;
}

/** A line by id, as a view shows it. */
export function lineView(idx: ScenarioIndex, id: string): LineView | null {
  const l = idx.lines.get(id);
  if (!l) return null;
  return { id, speaker: speakerView(idx, l.speaker), text: l.text, source: sourceRef(idx, l.source), invented: l.invented === true };
}

/** An inject by id, as a view shows it. */
export function injectView(idx: ScenarioIndex, id: string): InjectView | null {
  const i = idx.injects.get(id);
  if (!i) return null;
  return { id, headline: i.headline, text: i.text, source: sourceRef(idx, i.source), invented: i.invented === true, timeline: i.timeline ?? null };
}

/** An ending by id, as a view shows it. */
export function endingView(idx: ScenarioIndex, id: string): EndingView | null {
  const e = idx.endings.get(id);
  if (!e) return null;
  const concepts = (e.concepts ?? []).flatMap((c) => (idx.scenario.concepts ?? []).filter((x) => x.id === c));
  const titleOf = (sid: string) => idx.scenario.sources.find((s) => s.id === sid)?.title ?? sid;
  const history = e.history ? { text: e.history.text, source: titleOf(e.history.source), also: (e.history.also ?? []).map(titleOf) } : null;
  return { id, title: e.title, kind: e.kind, summary: e.summary, debrief: e.debrief, concepts, history };
}

/** The choices of the current beat for the role played, with availability. */
export function choiceViews(idx: ScenarioIndex, ctx: NegotiationContext): ChoiceView[] {
  const beat = idx.beats.get(ctx.beat);
  const out: ChoiceView[] = [];
  for (const c of beat?.choices ?? []) {
    if (c.role !== undefined && c.role !== ctx.role) continue;
    const available = holds(c.when, ctx, idx);
    if (!available && c.hide) continue;
    const why = available ? null : unavailableWhy(c.when, c.unavailable, idx);
    out.push({
      id: c.id,
      number: out.length + 1,
      text: c.text,
      available,
      reason: wordReason(why, ENGLISH_CONDITION_PHRASES),
      why,
      tags: c.tags ?? [],
    });
  }
  return out;
}

/**
 * The ids of the choices the player can take now, in order: what
 * `choiceViews` marks available, without building text nobody reads (the
 * proof and the simulator ask this at every state).
 */
export function openChoices(idx: ScenarioIndex, ctx: NegotiationContext): string[] {
  if (!isChoosing(idx, ctx)) return [];
  const out: string[] = [];
  for (const c of idx.beats.get(ctx.beat)?.choices ?? []) {
    if ((c.role === undefined || c.role === ctx.role) && holds(c.when, ctx, idx)) out.push(c.id);
  }
  return out;
}

/** The dialogue log so far, ready to print. */
export function logViews(idx: ScenarioIndex, ctx: NegotiationContext): LogView[] {
  return logEntries(ctx.log).flatMap((e): LogView[] => {
    if (e.kind === 'line') {
      const l = lineView(idx, e.id);
      return l ? [{ kind: 'line', id: e.id, speaker: l.speaker?.name ?? '', text: l.text, invented: l.invented, source: l.source?.title ?? null }] : [];
    }
    if (e.kind === 'choice') {
      const c = idx.choices.get(e.id);
      return c ? [{ kind: 'choice', id: e.id, text: c.text }] : [];
    }
    if (e.kind === 'inject') {
      const i = idx.injects.get(e.id);
      return i ? [{ kind: 'inject', id: e.id, headline: i.headline, text: i.text, invented: i.invented === true, source: sourceRef(idx, i.source)?.title ?? null, timeline: i.timeline ?? null }] : [];
    }
    const end = idx.endings.get(e.id);
    return end ? [{ kind: 'ending', id: e.id, title: end.title }] : [];
  });
}

/** True when the current beat is waiting for a choice. */
export function isChoosing(idx: ScenarioIndex, ctx: NegotiationContext): boolean {
  return ctx.ending === null && idx.beats.get(ctx.beat)?.choices !== undefined && ctx.lineIndex >= ctx.queue.length - 1;
}

/** True when ADVANCE moves the call on: a line remains, or a way out of the beat holds. */
export function canAdvance(idx: ScenarioIndex, ctx: NegotiationContext): boolean {
  if (ctx.ending !== null || isChoosing(idx, ctx)) return false;
  if (ctx.lineIndex < ctx.queue.length - 1) return true;
  const beat = idx.beats.get(ctx.beat);
  if (!beat) return false;
  if (beat.branches) return beat.branches.some((b) => holds(b.when, ctx, idx));
  return beat.next !== undefined || beat.end !== undefined;
}

/** Reads a snapshot into what a view shows. */
export function viewOf(idx: ScenarioIndex, snapshot: NegotiationSnapshot): CallView {
  const ctx = snapshot.context;
  const beat = idx.beats.get(ctx.beat);
  const ended = ctx.ending !== null;
  const lineId = ended ? undefined : ctx.queue[ctx.lineIndex];
  const choosing = isChoosing(idx, ctx);
  const part = beat?.part ? (idx.scenario.parts ?? []).find((p) => p.id === beat.part) : undefined;
  return {
    scenarioId: ctx.scenarioId,
    role: ctx.role,
    phase: ended ? 'ended' : choosing ? 'choosing' : 'line',
    beat: ctx.beat,
    part: part ? { id: part.id, title: part.title } : null,
    line: lineId === undefined ? null : lineView(idx, lineId),
    canAdvance: canAdvance(idx, ctx),
    choices: choosing ? choiceViews(idx, ctx) : [],
    meters: (idx.scenario.meters ?? [])
      .filter((m) => !m.hidden)
      .map((m) => ({ id: m.id, label: m.label, value: ctx.meters[m.id] ?? m.start, min: m.min, max: m.max, delta: ctx.lastDelta[m.id] ?? 0, description: m.description })),
    injects: ctx.freshInjects.flatMap((id) => injectView(idx, id) ?? []),
    ending: ctx.ending === null ? null : endingView(idx, ctx.ending),
    log: logViews(idx, ctx),
    cues: [...ctx.cues],
    turn: ctx.turn,
  };
}
