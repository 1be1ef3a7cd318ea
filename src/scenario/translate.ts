/**
 * Where every translatable text of a scenario lives, by the key a
 * translation file names it with, and putting translated texts in place.
 *
 * This module imports neither zod nor the YAML reader: the page applies a
 * translation with it, and the page's code must stay small. The checking
 * of translation files, which needs both, is in translation.ts.
 */
import type { Scenario } from './schema.js';

/**
 * The kind of field a key names, for the field's maximum length; the names
 * follow the keys (`line.<id>.note` is a `line.note`).
 */
export type TextField =
  | 'title'
  | 'summary'
  | 'period'
  | 'objective'
  | 'concept.name'
  | 'concept.text'
  | 'part.title'
  | 'part.description'
  | 'source.note'
  | 'side.name'
  | 'side.interests'
  | 'role.name'
  | 'role.summary'
  | 'item'
  | 'actor.name'
  | 'actor.title'
  | 'meter.label'
  | 'meter.description'
  | 'flag.description'
  | 'term.label'
  | 'term.description'
  | 'term.option'
  | 'incompatible.why'
  | 'inject.headline'
  | 'inject.text'
  | 'inject.timeline'
  | 'line'
  | 'line.note'
  | 'choice'
  | 'choice.unavailable'
  | 'ending.title'
  | 'ending.summary'
  | 'ending.debrief'
  | 'ending.history';

/** One translatable text: its key, its text in the scenario, what kind of field holds it, and where. */
export interface TextSlot {
  key: string;
  text: string;
  field: TextField;
  /** Keys and indexes from the top of the scenario to the text. */
  path: readonly (string | number)[];
}

/** The texts given to {@link applyTranslation}: by key, as a map or a plain record. */
export type TranslatedTexts = ReadonlyMap<string, string> | Readonly<Record<string, unknown>>;

/**
 * Every translatable text of a scenario, in the order the scenario file
 * gives them (the order of the format's keys). Only texts that are present
 * are listed: an optional field left out has no key. Sources' titles and
 * publishers, ids and numbers are not translatable.
 */
export function textSlots(s: Scenario): TextSlot[] {
  const out: TextSlot[] = [];
  const add = (key: string, text: string | undefined, field: TextField, path: (string | number)[]) => {
    if (typeof text === 'string') out.push({ key, text, field, path });
  };
  add('title', s.title, 'title', ['title']);
  add('summary', s.summary, 'summary', ['summary']);
  add('period', s.period.label, 'period', ['period', 'label']);
  s.objectives.forEach((o, i) => add(`objective.${o.id}`, o.text, 'objective', ['objectives', i, 'text']));
  (s.concepts ?? []).forEach((c, i) => {
    add(`concept.${c.id}.name`, c.name, 'concept.name', ['concepts', i, 'name']);
    add(`concept.${c.id}.text`, c.text, 'concept.text', ['concepts', i, 'text']);
  });
  (s.parts ?? []).forEach((p, i) => {
    add(`part.${p.id}.title`, p.title, 'part.title', ['parts', i, 'title']);
    add(`part.${p.id}.description`, p.description, 'part.description', ['parts', i, 'description']);
  });
  s.sources.forEach((src, i) => add(`source.${src.id}.note`, src.note, 'source.note', ['sources', i, 'note']));
  s.sides.forEach((side, i) => {
    add(`side.${side.id}.name`, side.name, 'side.name', ['sides', i, 'name']);
    add(`side.${side.id}.interests`, side.interests, 'side.interests', ['sides', i, 'interests']);
  });
  s.roles.forEach((r, i) => {
    add(`role.${r.id}.name`, r.name, 'role.name', ['roles', i, 'name']);
    add(`role.${r.id}.summary`, r.summary, 'role.summary', ['roles', i, 'summary']);
    for (const list of ['briefing', 'goals', 'unknowns'] as const)
      (r[list] ?? []).forEach((item, j) => add(`item.${item.id}`, item.text, 'item', ['roles', i, list, j, 'text']));
  });
  s.actors.forEach((a, i) => {
    add(`actor.${a.id}.name`, a.name, 'actor.name', ['actors', i, 'name']);
    add(`actor.${a.id}.title`, a.title, 'actor.title', ['actors', i, 'title']);
  });
  (s.meters ?? []).forEach((m, i) => {
    add(`meter.${m.id}.label`, m.label, 'meter.label', ['meters', i, 'label']);
    add(`meter.${m.id}.description`, m.description, 'meter.description', ['meters', i, 'description']);
  });
  // A flag's description is the player's reason for a greyed-out choice that has no `unavailable:` of its own.
  (s.flags ?? []).forEach((f, i) => add(`flag.${f.id}.description`, f.description, 'flag.description', ['flags', i, 'description']));
  (s.terms ?? []).forEach((t, i) => {
    add(`term.${t.id}.label`, t.label, 'term.label', ['terms', i, 'label']);
    add(`term.${t.id}.description`, t.description, 'term.description', ['terms', i, 'description']);
    t.options.forEach((o, j) => add(`term.${t.id}.option.${o.id}`, o.label, 'term.option', ['terms', i, 'options', j, 'label']));
  });
  (s.incompatible ?? []).forEach((e, i) => add(`incompatible.${e.id}.why`, e.why, 'incompatible.why', ['incompatible', i, 'why']));
  (s.injects ?? []).forEach((inj, i) => {
    add(`inject.${inj.id}.headline`, inj.headline, 'inject.headline', ['injects', i, 'headline']);
    add(`inject.${inj.id}.text`, inj.text, 'inject.text', ['injects', i, 'text']);
    add(`inject.${inj.id}.timeline`, inj.timeline, 'inject.timeline', ['injects', i, 'timeline']);
  });
  s.beats.forEach((beat, b) => {
    const line = (l: { id: string; text: string; note?: string | undefined }, path: (string | number)[]) => {
      add(`line.${l.id}`, l.text, 'line', [...path, 'text']);
      add(`line.${l.id}.note`, l.note, 'line.note', [...path, 'note']);
    };
    (beat.lines ?? []).forEach((l, i) => line(l, ['beats', b, 'lines', i]));
    (beat.replies ?? []).forEach((r, ri) => r.lines.forEach((l, i) => line(l, ['beats', b, 'replies', ri, 'lines', i])));
    (beat.choices ?? []).forEach((c, i) => {
      add(`choice.${c.id}`, c.text, 'choice', ['beats', b, 'choices', i, 'text']);
      add(`choice.${c.id}.unavailable`, c.unavailable, 'choice.unavailable', ['beats', b, 'choices', i, 'unavailable']);
    });
  });
  s.endings.forEach((e, i) => {
    add(`ending.${e.id}.title`, e.title, 'ending.title', ['endings', i, 'title']);
    add(`ending.${e.id}.summary`, e.summary, 'ending.summary', ['endings', i, 'summary']);
    add(`ending.${e.id}.debrief`, e.debrief, 'ending.debrief', ['endings', i, 'debrief']);
    add(`ending.${e.id}.history`, e.history?.text, 'ending.history', ['endings', i, 'history', 'text']);
  });
  return out;
}

/** The translated text for `key`, when `texts` holds usable text for it. Own entries only: `__proto__` and the like are never looked up through. */
function lookUp(texts: TranslatedTexts, key: string): string | undefined {
  const v = texts instanceof Map ? texts.get(key) : Object.prototype.hasOwnProperty.call(texts, key) ? (texts as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/**
 * A translated copy of a scenario: each text whose key `texts` holds is
 * replaced, every other text stays as written, and ids, numbers and
 * structure are untouched, so the engine plays the copy exactly as it plays
 * the original. `language`, when given, becomes the copy's `language`.
 * The scenario passed in is never changed; parts of it without a
 * translated text are shared with the copy.
 */
export function applyTranslation(scenario: Scenario, texts: TranslatedTexts, language?: string): Scenario {
  const root: Record<string, unknown> = { ...scenario };
  if (language !== undefined) root['language'] = language;
  // Containers already copied on the way to an earlier text, so each is copied once and never shared with the original.
  const copied = new Set<object>([root]);
  for (const slot of textSlots(scenario)) {
    const text = lookUp(texts, slot.key);
    if (text === undefined || text === slot.text) continue;
    let at = root as Record<string | number, unknown>;
    for (const step of slot.path.slice(0, -1)) {
      let child = at[step] as Record<string | number, unknown>;
      if (!copied.has(child)) {
        child = (Array.isArray(child) ? [...child] : { ...child }) as Record<string | number, unknown>;
        copied.add(child);
        at[step] = child;
      }
      at = child;
    }
    at[slot.path[slot.path.length - 1]!] = text;
  }
  return root as unknown as Scenario;
}

/**
 * The translation to show for the language a reader asks for (`lang=`), or
 * undefined when the scenario's own text fits as well or better. An exact
 * tag wins (`es-VE`), then the scenario itself when written in that tag,
 * then the base language (`es`), then the scenario when written in it,
 * then any translation into a variety of the base language.
 */
export function pickTranslation<T extends { language: string }>(translations: readonly T[], written: string | undefined, asked: string | null | undefined): T | undefined {
  if (!asked) return undefined;
  const tag = asked.toLowerCase();
  const base = tag.split('-')[0]!;
  const own = (written ?? 'en').toLowerCase();
  const find = (ok: (lang: string) => boolean) => translations.find((t) => ok(t.language.toLowerCase()));
  return (
    find((l) => l === tag) ??
    (own === tag ? undefined : find((l) => l === base)) ??
    (own === base || own.split('-')[0] === base ? undefined : find((l) => l.split('-')[0] === base))
  );
}
