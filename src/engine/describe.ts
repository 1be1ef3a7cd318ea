/**
 * The reason a choice is unavailable when its author wrote none, made from
 * its condition. The engine only reads the condition and the scenario's
 * names into a {@link ConditionText}; the words around them come from a
 * {@link ConditionPhrases}, so that the game can tell the reason in the
 * player's language while the engine holds no language but the English
 * that tools and tests read.
 */
import type { ComparisonKey, Condition } from '../scenario/schema.js';
import type { ScenarioIndex } from './model.js';

/** One comparison of a meter or value condition, e.g. `{ op: 'gte', value: 3 }`. */
export interface Bound {
  op: ComparisonKey;
  value: number;
}

/**
 * A condition as a reader is told it: its shape, with the scenario's own
 * names (meter labels, flag descriptions, option labels and so on) in
 * place, in whatever language the scenario was compiled in. An id stands
 * where the scenario has no name for the thing.
 */
export type ConditionText =
  | { kind: 'all' | 'any'; parts: ConditionText[] }
  | { kind: 'not'; part: ConditionText }
  | { kind: 'meter'; meter: string; bounds: Bound[] }
  | { kind: 'value'; side: string; bounds: Bound[] }
  | { kind: 'flag'; flag: string; is: boolean }
  /** `options` null: the term must be settled, on any option. An option of null: the term still open. */
  | { kind: 'term'; term: string; options: (string | null)[] | null }
  | { kind: 'acceptable'; side: string }
  /**
   * A beat, which has no name of its own, told by what a player notices of
   * it: the first line said in it (`line`, cut to a short quote), else the
   * title of its part (`part`); `beat` keeps its id for tools.
   */
  | { kind: 'visited'; beat: string; line?: string; part?: string }
  | { kind: 'chose'; choice: string }
  | { kind: 'role'; role: string };

/**
 * The words a condition is told with. Each is a template whose `{name}`
 * placeholders are filled with the parts of the condition; `and` and `or`
 * stand between the parts of a list.
 */
export interface ConditionPhrases {
  /** The whole reason, around the condition. */
  needs: string;
  and: string;
  or: string;
  not: string;
  /** A meter and its bounds, e.g. "{meter} {bounds}". */
  meter: string;
  /** A side's worth of the package on the table, and its bounds. */
  value: string;
  bounds: Readonly<Record<ComparisonKey, string>>;
  flag: string;
  notFlag: string;
  /** A term on one of the options listed. */
  term: string;
  /** A term on any option. */
  termSettled: string;
  /** An option that is no option: the term still open. */
  termOpen: string;
  acceptable: string;
  /** A beat, told by the first line said in it ({line}). */
  visited: string;
  /** A beat with no line of its own, told by its part ({part}). */
  visitedPart: string;
  /** A beat with neither: no name at all. */
  visitedAny: string;
  chose: string;
  role: string;
}

/** The English words: the reason as tools, tests and the game in English give it. */
export const ENGLISH_CONDITION_PHRASES: ConditionPhrases = {
  needs: 'Needs {condition}',
  and: ' and ',
  or: ' or ',
  not: 'not ({condition})',
  meter: '{meter} {bounds}',
  value: "the deal's worth to {side} {bounds}",
  bounds: { gte: 'of {n} or more', lte: 'of {n} or less', gt: 'above {n}', lt: 'below {n}', eq: 'of exactly {n}', ne: 'other than {n}' },
  flag: '{flag}',
  notFlag: 'not: {flag}',
  term: '{term}: {options}',
  termSettled: '{term} settled',
  termOpen: 'still open',
  acceptable: 'a package {side} can accept',
  visited: 'after "{line}"',
  visitedPart: 'after reaching "{part}"',
  visitedAny: 'a later point in the call',
  chose: 'after choosing "{choice}"',
  role: 'playing {role}',
};

/** Bounds are told lower first, then upper, so that a range reads as one ("of 2 or more and of 4 or less"). */
const BOUND_ORDER: readonly ComparisonKey[] = ['gte', 'lte', 'gt', 'lt', 'eq', 'ne'];

function boundsOf(cond: Partial<Record<ComparisonKey, number>>): Bound[] {
  return BOUND_ORDER.filter((k) => cond[k] !== undefined).map((op) => ({ op, value: cond[op]! }));
}

/** A condition read into its parts, with the names the scenario (or its translation) gives them. */
export function conditionText(cond: Condition, idx: ScenarioIndex): ConditionText {
  const s = idx.scenario;
  if ('all' in cond) return { kind: 'all', parts: cond.all.map((c) => conditionText(c, idx)) };
  if ('any' in cond) return { kind: 'any', parts: cond.any.map((c) => conditionText(c, idx)) };
  if ('not' in cond) return { kind: 'not', part: conditionText(cond.not, idx) };
  const sideName = (id: string) => s.sides.find((x) => x.id === id)?.name ?? id;
  if ('meter' in cond) return { kind: 'meter', meter: (s.meters ?? []).find((m) => m.id === cond.meter)?.label ?? cond.meter, bounds: boundsOf(cond) };
  if ('value' in cond) return { kind: 'value', side: sideName(cond.value), bounds: boundsOf(cond) };
  if ('flag' in cond) return { kind: 'flag', flag: (s.flags ?? []).find((f) => f.id === cond.flag)?.description ?? cond.flag, is: cond.is !== false };
  if ('term' in cond) {
    const t = idx.terms.get(cond.term);
    const option = (o: string) => (o === 'open' ? null : (t?.options.find((x) => x.id === o)?.label ?? o));
    const options = cond.in ? cond.in.map(option) : cond.is === undefined ? null : [option(cond.is)];
    return { kind: 'term', term: t?.label ?? cond.term, options };
  }
  if ('acceptable' in cond) return { kind: 'acceptable', side: sideName(cond.acceptable) };
  if ('visited' in cond) return visitedText(cond.visited, idx);
  if ('chose' in cond) return { kind: 'chose', choice: idx.choices.get(cond.chose)?.text ?? cond.chose };
  return { kind: 'role', role: s.roles.find((r) => r.id === cond.role)?.name ?? cond.role };
}

/**
 * A beat as a player can recognise it. The first line of the beat is heard
 * as it starts; replies are quoted only when the beat has one, since with
 * several the player may never have heard the one quoted.
 */
function visitedText(id: string, idx: ScenarioIndex): ConditionText {
  const beat = idx.beats.get(id);
  const line = beat?.lines?.[0] ?? (beat?.replies?.length === 1 ? beat.replies[0]!.lines[0] : undefined);
  if (line) return { kind: 'visited', beat: id, line: excerpt(line.text, 60) };
  const part = beat?.part ? idx.scenario.parts?.find((p) => p.id === beat.part)?.title : undefined;
  return part ? { kind: 'visited', beat: id, part } : { kind: 'visited', beat: id };
}

/** The start of a text, cut at a word and marked as cut, to say which line is meant. */
export function excerpt(text: string, max = 80): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Fills `{name}` placeholders; one left unfilled stays as written. */
function fillIn(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? params[k]! : m));
}

/**
 * Tells a condition in words. `number` writes the numbers of bounds, so
 * that a language can write 2.5 as "2,5"; left out, they are written as
 * JavaScript writes them.
 */
export function wordCondition(text: ConditionText, phrases: ConditionPhrases, number: (n: number) => string = String): string {
  return wordWith(text, phrases, number, (name) => name);
}

/**
 * Words with the scenario's names kept apart from them: `template` is the
 * words, with a placeholder (`{q0}`, `{q1}`…) where each name of `names`
 * goes. The reader's words and the scenario's may be in two languages, and
 * a page marks each name with its own; filled in, it is the plain text.
 */
export interface NamedWords {
  template: string;
  names: Record<string, string>;
}

/** A condition in words, as {@link wordCondition} tells it, with the scenario's names kept apart. */
export function wordConditionNamed(text: ConditionText, phrases: ConditionPhrases, number: (n: number) => string = String): NamedWords {
  const names: Record<string, string> = {};
  const template = wordWith(text, phrases, number, (name) => {
    const key = `q${Object.keys(names).length}`;
    names[key] = name;
    return `{${key}}`;
  });
  return { template, names };
}

/**
 * The words of a condition, each of the scenario's names given as `name`
 * makes it. Placeholders are filled in one pass over a template, never
 * over what was put in them, so a name cannot be taken for one.
 */
function wordWith(text: ConditionText, phrases: ConditionPhrases, number: (n: number) => string, name: (s: string) => string): string {
  const word = (t: ConditionText) => wordWith(t, phrases, number, name);
  const bounds = (bs: Bound[]) => bs.map((b) => fillIn(phrases.bounds[b.op], { n: number(b.value) })).join(phrases.and);
  switch (text.kind) {
    case 'all':
      return text.parts.map(word).join(phrases.and);
    case 'any':
      return text.parts.map(word).join(phrases.or);
    case 'not':
      return fillIn(phrases.not, { condition: word(text.part) });
    case 'meter':
      return fillIn(phrases.meter, { meter: name(text.meter), bounds: bounds(text.bounds) });
    case 'value':
      return fillIn(phrases.value, { side: name(text.side), bounds: bounds(text.bounds) });
    case 'flag':
      return fillIn(text.is ? phrases.flag : phrases.notFlag, { flag: name(text.flag) });
    case 'term':
      return text.options === null
        ? fillIn(phrases.termSettled, { term: name(text.term) })
        : fillIn(phrases.term, { term: name(text.term), options: text.options.map((o) => (o === null ? phrases.termOpen : name(o))).join(phrases.or) });
    case 'acceptable':
      return fillIn(phrases.acceptable, { side: name(text.side) });
    case 'visited':
      return text.line !== undefined ? fillIn(phrases.visited, { line: name(text.line) }) : text.part !== undefined ? fillIn(phrases.visitedPart, { part: name(text.part) }) : phrases.visitedAny;
    case 'chose':
      return fillIn(phrases.chose, { choice: name(text.choice) });
    case 'role':
      return fillIn(phrases.role, { role: name(text.role) });
  }
}

/**
 * Why a choice cannot be taken, before it is put in words: the author's
 * own text (already in the scenario's language, or its translation's), or
 * the condition that does not hold.
 */
export type UnavailableReason = { authored: string } | { needs: ConditionText };

/** The reason a choice is unavailable, as data: the author's text when there is one, else its condition; null when it has neither. */
export function unavailableWhy(cond: Condition | undefined, authored: string | undefined, idx: ScenarioIndex): UnavailableReason | null {
  if (authored) return { authored };
  return cond ? { needs: conditionText(cond, idx) } : null;
}

/** An unavailable reason in words: the author's text as written, or the condition told with `phrases`. */
export function wordReason(why: UnavailableReason | null, phrases: ConditionPhrases, number?: (n: number) => string): string {
  if (!why) return '';
  if ('authored' in why) return why.authored;
  return fillIn(phrases.needs, { condition: wordCondition(why.needs, phrases, number) });
}

/** The reason the game words for a condition that does not hold, with the scenario's names kept apart (see {@link NamedWords}). */
export function wordNeedsNamed(needs: ConditionText, phrases: ConditionPhrases, number?: (n: number) => string): NamedWords {
  const { template, names } = wordConditionNamed(needs, phrases, number);
  return { template: fillIn(phrases.needs, { condition: template }), names };
}
