/**
 * What each screen shows, as plain data built from the scenario and the
 * engine's views. Both the Phaser scenes and the accessible DOM mirror draw
 * a ScreenModel and nothing else, so they always agree; and the actions of
 * a screen are one list, in screen order, for the canvas cards, the mirror's
 * buttons and the digit keys alike.
 */
import type { Debrief } from '../engine/debrief.js';
import type { Zopa } from '../engine/model.js';
import type { CompiledScenario } from '../engine/machine.js';
import { excerpt, wordNeedsNamed, wordReason } from '../engine/describe.js';
import type { CallView, EndingView, InjectView, LogView } from '../engine/view.js';
import type { Role, Scenario, Source } from '../scenario/schema.js';
import { fill, num, signed, stringsIn, type Strings } from './i18n.js';
import type { Settings } from './settings.js';

/**
 * A text of the game's words around names from the scenario: its template
 * and the names apart, so that the panel can mark the names' language where
 * it is not the game's. Filled in, it is the text the canvas draws.
 */
export interface Quoted {
  template: string;
  names: Record<string, string>;
}

/** A text of the game's words with the scenario's names in it, filled in and kept apart. */
export function quote(template: string, names: Record<string, string>): { text: string; quoted: Quoted } {
  return { text: fill(template, names), quoted: { template, names } };
}

/** An action that moves the game forward: a button of the choices group, a card on the canvas. */
export interface ActionModel {
  /** Stable id, e.g. 'start', 'role:us', 'choice:offer', 'continue'. */
  id: string;
  label: string;
  /** A second line, e.g. a role's summary. */
  detail: string;
  disabled: boolean;
  /** Why it is disabled (empty when enabled). */
  reason: string;
  /** The language of the scenario's words in the action (a choice's label, a pick's detail, the names its label quotes); unset when it has none. */
  lang?: string;
  /** A label of the game's words around the scenario's names, in `lang`. */
  quoted?: Quoted;
  /** The language of the reason: the author's is the scenario's, and the game words its own in the scenario's language when it can (see {@link reasonWords}). */
  reasonLang?: string;
  /** A reason the game words: its words (in `reasonLang`) around the scenario's names (in `lang`), apart, so that the panel can mark the names where the two languages differ. */
  reasonQuoted?: Quoted;
  /** The language of `detail` when it differs from `lang`: an example's note is the game's words, not the scenario's. */
  detailLang?: string;
  /** 'continue' actions are what Enter and Space press. */
  kind: 'continue' | 'choice' | 'pick' | 'primary';
}

/** One item of a briefing or debrief: a fact with its source, a goal, a step. */
export interface NoteModel {
  /** The scenario's own words, unless `quoted` says they are the game's. */
  text: string;
  /** When the text is the game's words (around the scenario's names, if any): the template and the names apart. */
  quoted?: Quoted;
  /** When the marker is the game's words around the scenario's names. */
  markerQuoted?: Quoted;
  /** "Source [n]" (a number in the screen's list of sources), "Invented", a source's note in that list, or null. */
  marker: string | null;
  invented: boolean;
  tone?: 'good' | 'bad' | 'neutral';
  /** When the text is a source's citation: its number and the citation apart, so the panel can mark the language the source was published in. The marker is then the author's note on the source. */
  cite?: { number: string; title: string };
  /** What the panel lists under the note in place of the marker, which runs the same items together on one line of the canvas: the label the game's words, the items the scenario's. */
  list?: { label: string; items: string[] };
}

/** A titled list of notes. */
export interface SectionModel {
  id: string;
  heading: string;
  items: NoteModel[];
  ordered?: boolean;
}

/** A side's revealed position, for the outcome's chart. */
export interface SideChart {
  id: string;
  name: string;
  value: number;
  walkaway: number;
  walkawayAtStart: number;
  accepted: boolean;
}

export type Screen =
  | { kind: 'problem'; heading: string; intro: string; problems: string[] }
  | { kind: 'title'; heading: string; tagline: string; scenario: { id: string; title: string; summary: string; period: string; sides: string[] } | null; prompt: string }
  | { kind: 'briefing'; heading: string; subheading: string; headingQuoted: Quoted; subQuoted: Quoted; summary: string; sections: SectionModel[] }
  | {
      kind: 'call';
      heading: string;
      subheading: string;
      headingQuoted: Quoted;
      subQuoted: Quoted;
      /** The role the player speaks for. */
      roleName: string;
      view: CallView;
      /** News flashes breaking into the call; while present, they cover it and the only action dismisses them. */
      flash: InjectView[];
      /** "Invented dialogue" or "Source: …" for the current line. */
      lineMarker: string;
      /** The titles of everyone who speaks in this role's call, so the nameplate can be sized once for all of them. */
      speakerTitles: string[];
      /** The part and the turn the screen shows, which the subheading names: behind a news flash, those the player left. */
      part: CallHeader['part'];
      turn: number;
    }
  | {
      kind: 'outcome';
      heading: string;
      subheading: string;
      subQuoted: Quoted;
      /** The role played and the scenario's title, which the subheading joins; the canvas's narrow top bar names the role first. */
      roleName: string;
      scenarioTitle: string;
      ending: EndingView;
      /** The kind of ending (agreement, impasse…) in the game's language. */
      kindLabel: string;
      inZone: boolean;
      sides: SideChart[];
      sections: SectionModel[];
      log: LogView[];
    };

export interface Notice {
  id: string;
  text: string;
  tone: 'info' | 'warning';
}

/** Everything a view draws. */
export interface ScreenModel {
  /** Grows with every change, so views can tell a new model from a repeat. */
  version: number;
  screen: Screen;
  actions: ActionModel[];
  notices: Notice[];
  settings: Settings;
  reducedMotion: boolean;
  /** The language of the game's words. */
  uiLang: string;
  /** The language of the scenario's text. */
  contentLang: string;
  /** The language the scenario was written in, which its sources are cited in as published: contentLang unless it is shown translated. */
  sourceLang: string;
  strings: Strings;
  canExport: boolean;
  canGoToTitle: boolean;
}

/** A source's full citation, as published. */
const citation = (src: Source) => `${src.title} (${src.publisher}, ${src.date})`;

/**
 * The sources cited, numbered in the order they are first cited, so that a
 * list of facts can carry a short reference each and give the full citation
 * once.
 */
function numberSources(s: Scenario, cited: readonly (string | undefined)[]): Map<string, number> {
  const refs = new Map<string, number>();
  for (const id of cited) if (id !== undefined && !refs.has(id) && s.sources.some((x) => x.id === id)) refs.set(id, refs.size + 1);
  return refs;
}

/**
 * The numbered sources with their full citations and, under each, the
 * author's note on it. The note is where a class learns how far to trust a
 * source (unnamed informants, a misdated event), so it is shown wherever
 * the sources are listed.
 */
function sourcesSection(s: Scenario, refs: Map<string, number>, t: Strings): SectionModel {
  const items = [...refs].flatMap(([id, n]) => {
    const src = s.sources.find((x) => x.id === id);
    return src ? [{ text: `[${n}] ${citation(src)}`, cite: { number: `[${n}]`, title: citation(src) }, marker: src.note ?? null, invented: false }] : [];
  });
  return { id: 'sources', heading: t.sourcesHeading, items };
}

/** "Source [1]", or "Source [1] · Source [3]": where each source stands in the numbered list of sources beside the item; null when none does. */
function sourceRefs(ids: readonly string[], refs: Map<string, number>, t: Strings): string | null {
  const marks = ids.flatMap((id) => {
    const n = refs.get(id);
    return n === undefined ? [] : [fill(t.sourceRef, { n })];
  });
  return marks.length > 0 ? marks.join(' · ') : null;
}

/** A briefing or goal item with its marker: the number of its source in the list beside it, rather than the whole citation again. */
function noteOf(item: { text: string; source?: string | undefined; invented?: boolean | undefined }, t: Strings, refs: Map<string, number>): NoteModel {
  const marker = item.source === undefined ? null : sourceRefs([item.source], refs, t);
  if (marker) return { text: item.text, marker, invented: false };
  if (item.invented) return { text: item.text, marker: t.invented, invented: true };
  return { text: item.text, marker: null, invented: false };
}

export function titleScreen(scenario: Scenario | null, t: Strings): Screen {
  return {
    kind: 'title',
    heading: t.appName,
    tagline: t.tagline,
    scenario: scenario ? { id: scenario.id, title: scenario.title, summary: scenario.summary, period: scenario.period.label, sides: scenario.sides.map((x) => x.name) } : null,
    prompt: t.pickRole,
  };
}

export function briefingScreen(scenario: Scenario, role: Role, t: Strings): Screen {
  const unknowns = role.unknowns ?? [];
  const refs = numberSources(scenario, [...role.briefing, ...role.goals, ...unknowns].map((x) => x.source));
  const sections: SectionModel[] = [
    { id: 'briefing', heading: t.whatYouKnow, items: role.briefing.map((b) => noteOf(b, t, refs)) },
    { id: 'goals', heading: t.yourGoals, items: role.goals.map((g) => noteOf(g, t, refs)) },
  ];
  if (unknowns.length > 0) sections.push({ id: 'unknowns', heading: t.whatYouDontKnow, items: unknowns.map((u) => noteOf(u, t, refs)) });
  if (refs.size > 0) sections.push(sourcesSection(scenario, refs, t));
  const heading = quote(`${t.briefingHeading}: {role}`, { role: role.name });
  return { kind: 'briefing', heading: heading.text, subheading: scenario.title, headingQuoted: heading.quoted, subQuoted: { template: '{title}', names: { title: scenario.title } }, summary: role.summary, sections };
}

/** The marker shown with a line, so a class can tell fact from fiction. */
export function lineMarker(view: CallView, t: Strings): string {
  const l = view.line;
  if (!l) return '';
  if (l.source) return fill(t.source, { source: l.source.title });
  if (l.invented) return t.inventedDialogue;
  return '';
}

/** The titles of the actors who speak in a role's beats, each once. */
export function speakerTitles(scenario: Scenario, role: Role): string[] {
  const ids = new Set(
    scenario.beats
      .filter((b) => b.role === undefined || b.role === role.id)
      .flatMap((b) => [...(b.lines ?? []), ...(b.replies ?? []).flatMap((r) => r.lines)])
      .map((l) => l.speaker),
  );
  return [...new Set(scenario.actors.filter((a) => ids.has(a.id)).map((a) => a.title))];
}

/** The part of the negotiation and the turn, which the call's header shows. */
export interface CallHeader {
  part: { id: string; title: string } | null;
  turn: number;
}

export const callHeader = (view: CallView): CallHeader => ({ part: view.part, turn: view.turn });

/**
 * The header a call shows: behind a news flash, the one the player left
 * (`left`, when known), so that the call waits behind the news as it was,
 * its line and meters with it, and the move's new part and turn show once
 * the news is dismissed; otherwise the view's own.
 */
export function shownHeader(view: CallView, flash: readonly InjectView[], left: CallHeader | null): CallHeader {
  return flash.length > 0 && left ? left : callHeader(view);
}

/** The call's screen; `left` is the header shown before the news now up, if any, broke in. */
export function callScreen(scenario: Scenario, role: Role, view: CallView, flash: InjectView[], t: Strings, left: CallHeader | null = null): Screen {
  const { part, turn } = shownHeader(view, flash, left);
  // The turn is the game's number, filled in before the names are quoted; the panel says it as the canvas's top bar does.
  const turnWords = fill(t.turn, { n: String(turn) });
  const sub = part ? quote(`${t.partLabel} · ${turnWords}`, { title: part.title }) : quote(`{role} · ${turnWords}`, { role: role.name });
  return {
    kind: 'call',
    heading: scenario.title,
    subheading: sub.text,
    headingQuoted: { template: '{title}', names: { title: scenario.title } },
    subQuoted: sub.quoted,
    roleName: role.name,
    view,
    flash,
    lineMarker: lineMarker(view, t),
    speakerTitles: speakerTitles(scenario, role),
    part,
    turn,
  };
}

/**
 * The words the game gives the reason for a greyed-out choice in: those of
 * the scenario's language when the game has them, so that a reason built
 * from the scenario's names reads in one language with them; else the
 * game's own.
 */
export function reasonWords(contentLang: string, t: Strings): { lang: string; strings: Strings } {
  const own = stringsIn(contentLang);
  return own ? { lang: contentLang, strings: own } : { lang: t.locale, strings: t };
}

/** The actions of the call screen; `contentLang` is the language the scenario is shown in. */
export function callActions(view: CallView, flash: InjectView[], t: Strings, contentLang: string = t.locale): ActionModel[] {
  if (flash.length > 0) return [{ id: 'dismiss-flash', label: t.backToCall, detail: '', disabled: false, reason: '', kind: 'continue' }];
  if (view.phase === 'line' && view.canAdvance) return [{ id: 'continue', label: t.continue, detail: '', disabled: false, reason: '', kind: 'continue' }];
  if (view.phase === 'choosing') {
    const words = reasonWords(contentLang, t);
    const number = (n: number) => num(n, words.strings.locale);
    return view.choices.map((c) => ({
      id: `choice:${c.id}`,
      label: c.text,
      detail: '',
      disabled: !c.available,
      reason: c.available ? '' : wordReason(c.why, words.strings.conditions, number),
      lang: contentLang,
      reasonLang: c.why !== null && 'needs' in c.why ? words.lang : contentLang,
      ...(!c.available && c.why !== null && 'needs' in c.why ? { reasonQuoted: wordNeedsNamed(c.why.needs, words.strings.conditions, number) } : {}),
      kind: 'choice' as const,
    }));
  }
  return [];
}

/** How many packages every side would accept, told as a lower bound when the count was cut short. */
function zoneSentence(z: Zopa, whole: string, partial: string, t: Strings): string {
  const n = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 });
  return fill(z.partial ? partial : whole, { size: n.format(z.size), total: n.format(z.total), considered: n.format(z.considered) });
}

/** One package every side would have accepted, at the end or else at the start: the zone made concrete. */
function zoneExample(d: Debrief, t: Strings): SectionModel['items'] {
  const [best, template] = d.zoneAtEnd.best[0] ? [d.zoneAtEnd.best[0], t.zoneExampleEnd] : d.zoneAtStart.best[0] ? [d.zoneAtStart.best[0], t.zoneExampleStart] : [null, ''];
  if (!best) return [];
  const parts = d.terms.flatMap((term) => {
    const option = best.terms[term.id];
    return option ? [`${term.label}: ${term.options.find((o) => o.id === option)?.label ?? option}`] : [];
  });
  const values = d.sides.map((side) => `${side.name} ${signed(best.values[side.id] ?? 0, t.locale)}`).join(', ');
  const q = parts.length > 0 ? quote(template, { package: parts.join('; '), values }) : quote(fill(template, { package: t.termsAllOpen }), { values });
  return [{ text: q.text, quoted: q.quoted, marker: null, invented: false }];
}

/** The mixes of options the scenario rules out, each with why: the counts above leave out every package holding one. */
function zoneLeftOut(s: Scenario, t: Strings): SectionModel['items'] {
  const entries = s.incompatible ?? [];
  if (entries.length === 0) return [];
  const label = (term: string, option: string) => s.terms?.find((x) => x.id === term)?.options.find((o) => o.id === option)?.label ?? option;
  const items = entries.map((e) => `${e.options.map((o) => label(o.term, o.option)).join(' + ')}: ${e.why}`);
  return [{ ...ours(t.zoneLeftOut), marker: items.join(' · '), list: { label: t.zoneLeftOutList, items }, invented: false }];
}

/** What each option of a term is worth to each side: one line on the canvas, a list in the panel. */
function optionValues(options: Debrief['terms'][number]['options'], s: Scenario, t: Strings): Pick<NoteModel, 'marker' | 'list'> {
  const items = options.map((o) => `${o.label}: ${s.sides.map((side) => `${side.name} ${signed(o.values[side.id] ?? 0, t.locale)}`).join(', ')}`);
  return { marker: items.join(' · '), list: { label: t.optionValues, items } };
}

/** A move's kinds (its tags) as a phrase in the game's language, e.g. "Kind of move: mediation and reassurance". */
export function moveKinds(tags: readonly string[], t: Strings): string | null {
  if (tags.length === 0) return null;
  const names = tags.map((tag) => (t.moveTags as Record<string, string>)[tag] ?? tag);
  return fill(t.moveKinds, { kinds: new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(names) });
}

/** An item in the game's words alone. */
const ours = (text: string): Pick<NoteModel, 'text' | 'quoted'> => ({ text, quoted: { template: text, names: {} } });

/** A term on the table, and what a promise on it was worth: the game's words around the scenario's names. */
function termText(term: Debrief['terms'][number], t: Strings): Pick<NoteModel, 'text' | 'quoted'> {
  const p = term.promise;
  // The names are left as placeholders here and filled by quote(), so the panel can tell them from the game's words.
  const promise = p
    ? ` (${fill(t.promiseWorth, {
        full: signed(p.full, t.locale),
        num: num(p.meterValue - p.meterMin, t.locale),
        den: num(p.meterMax - p.meterMin, t.locale),
        worth: signed(p.worth, t.locale),
        value: num(p.meterValue, t.locale),
        min: num(p.meterMin, t.locale),
        max: num(p.meterMax, t.locale),
      })})`
    : '';
  const names: Record<string, string> = { term: term.label, ...(p ? { side: p.sideName, meter: p.meterLabel } : {}) };
  if (term.option !== null) names['option'] = term.optionLabel;
  return quote(`{term}: ${term.option === null ? t.termsOpen : '{option}'}${promise}`, names);
}

/** The debrief as sections, for the outcome screen and the mirror. */
export function outcomeSections(compiled: CompiledScenario, d: Debrief, t: Strings): SectionModel[] {
  const s = compiled.scenario;
  const e = d.ending;
  const out: SectionModel[] = [];
  if (e) out.push({ id: 'meaning', heading: t.whatItMeans, items: [{ text: e.debrief, marker: null, invented: false }] });
  out.push({
    id: 'zone',
    heading: t.bothSides,
    items: [
      { ...ours(d.inZone ? t.insideZone : t.outsideZone), marker: null, invented: false, tone: d.inZone ? 'good' : 'bad' },
      // The values and interests are the author's, set for teaching: said before the first of them, so no class reads them as the governments' own.
      { ...ours(t.modelNote), marker: null, invented: false },
      ...d.sides.map((side) => ({
        ...quote(
          `{side}: ${fill(t.valueOfDeal, { value: signed(side.value, t.locale) })}; ${fill(t.walkaway, { value: signed(side.walkaway, t.locale), start: signed(side.walkawayAtStart, t.locale) })}. ${side.accepted ? t.accepts : t.rejects}.${side.interests ? ' {interests}' : ''}`,
          { side: side.name, ...(side.interests ? { interests: side.interests } : {}) },
        ),
        marker: t.modelTag,
        invented: true,
        tone: side.accepted ? ('good' as const) : ('bad' as const),
      })),
      // An ending without a deal over a package both would accept is the lesson itself: a zone makes a deal possible, not certain.
      ...(d.inZone && e && (e.kind === 'impasse' || e.kind === 'escalation') ? [{ ...ours(t.zoneUnclosed), marker: null, invented: false }] : []),
      { ...ours(zoneSentence(d.zoneAtStart, t.zoneAtStart, t.zoneAtStartPartial, t)), marker: null, invented: false },
      { ...ours(zoneSentence(d.zoneAtEnd, t.zoneAtEnd, t.zoneAtEndPartial, t)), marker: null, invented: false },
      ...zoneExample(d, t),
      ...zoneLeftOut(s, t),
    ],
  });
  if (d.terms.length > 0)
    out.push({
      id: 'terms',
      heading: t.terms,
      items: d.terms.map((term) => ({
        ...termText(term, t),
        ...optionValues(term.options, s, t),
        invented: false,
      })),
    });
  out.push({
    id: 'path',
    heading: t.yourPath,
    ordered: true,
    items: d.path.length === 0 ? [{ ...ours(t.noChoices), marker: null, invented: false }] : d.path.map((p) => ({ text: p.text, marker: moveKinds(p.tags, t), invented: false })),
  });
  if (d.notes.length > 0)
    out.push({ id: 'notes', heading: t.lineNotes, items: d.notes.map((n) => {
        const on = quote(t.lineNoteOn, { speaker: n.speaker, line: excerpt(n.text) });
        return { text: n.note, marker: on.text, markerQuoted: on.quoted, invented: false };
      }) });
  if (e && e.concepts.length > 0) out.push({ id: 'concepts', heading: t.concepts, items: e.concepts.map((c) => ({ text: `${c.name}: ${c.text}`, marker: null, invented: false })) });
  // Every source is listed with its note, whichever ending was reached: the caveats on the report matter to all of them.
  const refs = numberSources(s, s.sources.map((x) => x.id));
  const history = e ? compiled.index.endings.get(e.id)?.history : undefined;
  if (e?.history && history)
    out.push({ id: 'history', heading: t.history, items: [{ text: e.history.text, marker: sourceRefs([history.source, ...(history.also ?? [])], refs, t), invented: false }] });
  if (refs.size > 0) out.push(sourcesSection(s, refs, t));
  if (d.meters.length > 0)
    out.push({
      id: 'meters',
      heading: t.metersEnd,
      items: d.meters.map((m) => ({ text: `${m.label}: ${num(m.start, t.locale)} → ${num(m.end, t.locale)}`, marker: m.hidden ? t.hiddenMeter : null, invented: false })),
    });
  return out;
}

export function outcomeScreen(compiled: CompiledScenario, role: Role, d: Debrief, log: LogView[], t: Strings): Screen | null {
  if (!d.ending) return null;
  const sub = quote('{title} · {role}', { title: compiled.scenario.title, role: role.name });
  return {
    kind: 'outcome',
    heading: t.outcomeHeading,
    subheading: sub.text,
    subQuoted: sub.quoted,
    roleName: role.name,
    scenarioTitle: compiled.scenario.title,
    ending: d.ending,
    kindLabel: t.endingKinds[d.ending.kind],
    inZone: d.inZone,
    sides: d.sides.map((x) => ({ id: x.id, name: x.name, value: x.value, walkaway: x.walkaway, walkawayAtStart: x.walkawayAtStart, accepted: x.accepted })),
    sections: outcomeSections(compiled, d, t),
    log,
  };
}
