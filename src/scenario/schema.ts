/**
 * The scenario file format, version 1, as a zod schema.
 *
 * The schema is the single description of the format: the loader validates
 * against it, the TypeScript types are inferred from it, and the JSON Schema
 * that editors use for autocompletion is generated from it
 * (`npm run schema`). Every object is strict, so a misspelt key is reported
 * rather than silently ignored.
 */
import { z } from 'zod';

/** The format version this build reads and writes. */
export const FORMAT_VERSION = 1;

/** Pattern every id follows: it keeps ids safe as state names and URL parts. */
export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

const id = z
  .string()
  .regex(ID_PATTERN)
  .meta({ description: 'An id: a lowercase letter, then up to 63 of a-z, 0-9, - and _.' });

const text = (description: string, max = 4000) =>
  z.string().min(1).max(max).meta({ description });

const provenance = {
  source: id.optional().meta({ description: 'Id of the source (under `sources`) this text is drawn from.' }),
  invented: z
    .boolean()
    .optional()
    .meta({ description: 'true when the text is invented for the game rather than reported.' }),
};

const comparisons = {
  eq: z.number().optional(),
  ne: z.number().optional(),
  gt: z.number().optional(),
  gte: z.number().optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
};

/** The comparison keys a meter or value condition may use. */
export const COMPARISON_KEYS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type ComparisonKey = (typeof COMPARISON_KEYS)[number];

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({ meter: string } & Partial<Record<ComparisonKey, number>>)
  | { flag: string; is?: boolean }
  | { term: string; is?: string; in?: string[] }
  | { acceptable: string }
  | ({ value: string } & Partial<Record<ComparisonKey, number>>)
  | { visited: string }
  | { chose: string }
  | { role: string };

/** The keys that name the kind of a condition; exactly one appears in each. */
export const CONDITION_KINDS = ['all', 'any', 'not', 'meter', 'flag', 'term', 'acceptable', 'value', 'visited', 'chose', 'role'] as const;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1).max(64) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(64) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ meter: id, ...comparisons }),
    z.strictObject({ flag: id, is: z.boolean().optional() }),
    z.strictObject({ term: id, is: z.union([id, z.literal('open')]).optional(), in: z.array(id).min(1).max(64).optional() }),
    z.strictObject({ acceptable: id }),
    z.strictObject({ value: id, ...comparisons }),
    z.strictObject({ visited: id }),
    z.strictObject({ chose: id }),
    z.strictObject({ role: id }),
  ]),
).meta({
  description:
    'A condition: one of meter, flag, term, acceptable, value, visited, chose, role, or all/any/not around other conditions.',
});

export const effectSchema = z
  .union([
    z.strictObject({ meter: id, add: z.number() }),
    z.strictObject({ meter: id, set: z.number() }),
    z.strictObject({ flag: id, set: z.boolean() }),
    z.strictObject({ term: id, set: z.union([id, z.literal('open')]) }),
    z.strictObject({ inject: id }),
  ])
  .meta({
    description:
      'An effect: {meter, add} or {meter, set} (kept inside the range), {flag, set}, {term, set} (an option id or "open"), or {inject}.',
  });
export type Effect = z.infer<typeof effectSchema>;

/** The keys that name the kind of an effect. */
export const EFFECT_KINDS = ['meter', 'flag', 'term', 'inject'] as const;

const effects = z.array(effectSchema).max(64);

export const lineSchema = z
  .strictObject({
    id: id.meta({ description: 'Stable id of this line, unique across the file; exported transcripts name lines by it.' }),
    speaker: id.meta({ description: 'Id of the actor who speaks (under `actors`).' }),
    text: text('What is said.'),
    ...provenance,
    cue: id.optional().meta({ description: 'Sound cue played when the line appears.' }),
    note: text('A note for the debrief, not shown during play: listed on the outcome screen when the line was said.').optional(),
  })
  .meta({ description: 'A line of dialogue. Give it a `source` or mark it `invented: true`.' });
export type Line = z.infer<typeof lineSchema>;

const exits = {
  next: id.optional().meta({ description: 'Id of the beat that follows.' }),
  end: id.optional().meta({ description: 'Id of the ending reached.' }),
};

export const branchSchema = z
  .strictObject({
    when: conditionSchema.optional(),
    ...exits,
  })
  .meta({ description: 'A route: the first branch whose `when` holds (or that has none) is taken.' });
export type Branch = z.infer<typeof branchSchema>;

export const MOVE_TAGS = [
  'propose',
  'concede',
  'ask',
  'reassure',
  'threaten',
  'mediate',
  'refuse',
  'delay',
  'hang-up',
] as const;

export const choiceSchema = z
  .strictObject({
    id: id.meta({ description: 'Stable id of this choice.' }),
    text: text('What the player says or offers.', 600),
    role: id.optional().meta({ description: 'Only this role is offered the choice.' }),
    when: conditionSchema.optional().meta({ description: 'The choice can be taken only while this holds.' }),
    unavailable: text('Shown when `when` does not hold, e.g. "Needs trust of 3 or more".', 300).optional(),
    hide: z.boolean().optional().meta({ description: 'Hide the choice, rather than grey it out, while unavailable.' }),
    tags: z.array(z.enum(MOVE_TAGS)).max(8).optional().meta({ description: 'What kind of move this is, for the debrief.' }),
    effects: effects.optional(),
    ...exits,
    branches: z.array(branchSchema).min(1).max(64).optional(),
  })
  .meta({ description: 'A choice offered to the player. Give it exactly one of next, end or branches.' });
export type Choice = z.infer<typeof choiceSchema>;

export const replySchema = z
  .strictObject({
    when: conditionSchema.optional(),
    lines: z.array(lineSchema).min(1).max(64),
    effects: effects.optional(),
  })
  .meta({ description: 'A counterpart reply: the first reply whose `when` holds is spoken after the beat’s lines.' });
export type Reply = z.infer<typeof replySchema>;

export const beatSchema = z
  .strictObject({
    id: id.meta({ description: 'Stable id of the beat.' }),
    part: id.optional().meta({ description: 'Id of the part (under `parts`) this beat belongs to.' }),
    role: id.optional().meta({ description: 'Only this role plays the beat.' }),
    lines: z.array(lineSchema).max(64).optional(),
    replies: z.array(replySchema).min(1).max(32).optional(),
    injects: z.array(id).max(8).optional().meta({ description: 'Ids of injects that break in when the beat starts.' }),
    effects: effects.optional().meta({ description: 'Applied when the beat starts.' }),
    choices: z.array(choiceSchema).min(1).max(32).optional(),
    ...exits,
    branches: z.array(branchSchema).min(1).max(64).optional(),
  })
  .meta({ description: 'A beat of the call. Give it exactly one of choices, next, end or branches.' });
export type Beat = z.infer<typeof beatSchema>;

export const ENDING_KINDS = ['agreement', 'mediated', 'impasse', 'escalation'] as const;
export type EndingKind = (typeof ENDING_KINDS)[number];

export const endingSchema = z.strictObject({
  id,
  title: text('Title of the ending.', 200),
  kind: z.enum(ENDING_KINDS),
  summary: text('One or two sentences on what happened.'),
  debrief: text('What the ending teaches.'),
  concepts: z.array(id).max(12).optional().meta({ description: 'Ids of concepts (under `concepts`) it illustrates.' }),
  history: z
    .strictObject({
      text: text('What actually happened, for comparison.'),
      source: id.meta({ description: 'Id of the source (under `sources`) the account comes from.' }),
      also: z.array(id).min(1).max(7).optional().meta({ description: 'Ids of further sources (under `sources`) the account draws on, when it brings facts from more than one.' }),
    })
    .optional(),
  cue: id.optional(),
});
export type Ending = z.infer<typeof endingSchema>;

const noteItem = z.strictObject({ id, text: text('The text.'), ...provenance });
export type NoteItem = z.infer<typeof noteItem>;

export const roleSchema = z.strictObject({
  id,
  side: id.meta({ description: 'Id of the side (under `sides`) the player speaks for.' }),
  name: text('Name of the role, e.g. "US negotiator".', 120),
  summary: text('One line on who the player is.', 600),
  start: id.meta({ description: 'Id of the first beat in this role.' }),
  briefing: z.array(noteItem).min(1).max(64).meta({ description: 'What this role knows, each with its source.' }),
  goals: z.array(noteItem).min(1).max(32),
  unknowns: z.array(noteItem).max(32).optional().meta({ description: 'What this role does not know.' }),
});
export type Role = z.infer<typeof roleSchema>;

export const sideSchema = z.strictObject({
  id,
  name: text('Name of the side.', 120),
  walkaway: z.number().meta({
    description: 'The value of this side’s best alternative to a deal: a package is acceptable when it is worth at least this.',
  }),
  walkawayShifts: z
    .array(z.strictObject({ meter: id, perPoint: z.number() }))
    .max(16)
    .optional()
    .meta({ description: 'How meters move the walk-away value: walkaway + sum(meter value × perPoint).' }),
  interests: text('What this side wants, shown in the debrief.').optional(),
});
export type Side = z.infer<typeof sideSchema>;

export const actorSchema = z.strictObject({
  id,
  name: text('Name.', 120),
  title: text('Title or office.', 200),
  side: id.optional(),
  portrait: id.optional().meta({ description: 'Key of the portrait art.' }),
});
export type Actor = z.infer<typeof actorSchema>;

export const meterSchema = z.strictObject({
  id,
  label: text('Label shown to the player.', 60),
  description: text('What the meter means.', 600).optional(),
  min: z.number(),
  max: z.number(),
  start: z.number(),
  hidden: z.boolean().optional().meta({ description: 'Hidden during play, revealed in the debrief.' }),
});
export type Meter = z.infer<typeof meterSchema>;

export const flagSchema = z.strictObject({
  id,
  description: text('What the flag records.', 600),
  start: z.boolean().optional(),
});
export type Flag = z.infer<typeof flagSchema>;

export const optionSchema = z.strictObject({
  id,
  label: text('Label of the option.', 200),
  values: z
    .record(id, z.number())
    .meta({ description: 'Each side’s hidden valuation of this option, by side id.' }),
});
export type TermOption = z.infer<typeof optionSchema>;

export const termSchema = z.strictObject({
  id,
  label: text('Label of the issue on the table.', 120),
  description: text('What the issue is.', 600).optional(),
  options: z.array(optionSchema).min(1).max(16),
  start: id.optional().meta({ description: 'Option on the table at the start; left out, the term is open.' }),
  credibility: z
    .strictObject({ side: id, meter: id })
    .optional()
    .meta({
      description:
        'A promise: for this side, the term is worth only as much as the meter says it believes it (value × meter share of its range).',
    }),
});
export type Term = z.infer<typeof termSchema>;

export const incompatibleSchema = z
  .strictObject({
    id: id.meta({ description: 'Stable id of this entry; a translation names its `why` by it.' }),
    options: z
      .array(
        z.strictObject({
          term: id.meta({ description: 'Id of the term (under `terms`).' }),
          option: id.meta({ description: 'Id of one of its options.' }),
        }),
      )
      .min(2)
      .max(16)
      .meta({ description: 'Two or more options, each of a different term, that no package can hold together.' }),
    why: text('Why no negotiator would propose them together, in a sentence; shown in the debrief as the game’s model.', 600),
  })
  .meta({
    description:
      'Options of different terms that cannot stand together in one package: the zone of agreement leaves out every package that holds them all, and the checker warns when play can put them all on the table.',
  });
export type Incompatible = z.infer<typeof incompatibleSchema>;

export const injectSchema = z.strictObject({
  id,
  headline: text('Headline of the news flash.', 160),
  text: text('The news.', 1200),
  ...provenance,
  timeline: text('Where the news falls in the real timeline, when the game moves it into the call, e.g. "Reported after the call; brought into it for the game."', 300).optional(),
  when: conditionSchema.optional().meta({ description: 'Breaks in by itself, once, as soon as this holds after a choice or when a beat starts.' }),
  effects: effects.optional(),
  cue: id.optional(),
});
export type Inject = z.infer<typeof injectSchema>;

export const interruptSchema = z.strictObject({
  id,
  when: conditionSchema,
  ...exits,
});
export type Interrupt = z.infer<typeof interruptSchema>;

export const sourceSchema = z.strictObject({
  id,
  title: text('Title of the source.', 300),
  publisher: text('Who published it.', 200),
  date: z.string().min(4).max(40).meta({ description: 'Date of publication, e.g. 2025-12-01.' }),
  url: z.string().max(500).optional(),
  note: text('Why it is cited, or how far to trust it.', 1200).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const scenarioSchema = z
  .strictObject({
    backchannel: z.number().meta({ description: 'Format version of this file. This build reads 1.' }),
    id,
    version: z.number().int().min(1).optional().meta({ description: 'Content version, for authors and teachers to tell editions apart. Saved games are set aside whenever the content changes, whatever this says.' }),
    title: text('Title.', 200),
    summary: text('Short summary.', 2000),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).optional(),
    period: z
      .strictObject({ label: text('When the events took place, as a phrase.', 200), start: z.string().optional(), end: z.string().optional() })
      .meta({ description: 'When the events took place.' }),
    sources: z.array(sourceSchema).min(1).max(64),
    objectives: z.array(z.strictObject({ id, text: text('A learning objective.', 600) })).min(1).max(32),
    concepts: z
      .array(z.strictObject({ id, name: text('Name of the concept.', 120), text: text('Explanation for the debrief.') }))
      .max(32)
      .optional(),
    parts: z
      .array(z.strictObject({ id, title: text('Title of this part of the negotiation.', 160), description: text('What happens in it.', 600).optional() }))
      .max(32)
      .optional(),
    sides: z.array(sideSchema).min(1).max(8),
    roles: z.array(roleSchema).min(1).max(8),
    actors: z.array(actorSchema).min(1).max(64),
    meters: z.array(meterSchema).max(16).optional(),
    flags: z.array(flagSchema).max(128).optional(),
    terms: z.array(termSchema).max(16).optional(),
    incompatible: z.array(incompatibleSchema).max(32).optional().meta({ description: 'Mixes of term options that cannot form one package, each with why.' }),
    everyChoice: effects.optional().meta({ description: 'Effects applied after every choice, such as the clock running down.' }),
    injects: z.array(injectSchema).max(64).optional(),
    interrupts: z.array(interruptSchema).max(32).optional(),
    beats: z.array(beatSchema).min(1).max(10000),
    endings: z.array(endingSchema).min(1).max(64),
  })
  .meta({
    title: 'Backchannel scenario',
    description: 'A negotiation scenario for Backchannel. See scenarios/README.md.',
  });

/** A scenario as read from a file and checked against the schema. */
export type Scenario = z.infer<typeof scenarioSchema>;
