/**
 * Translation files: a scenario's texts in another language, as a plain
 * file beside the scenario, with no code. The file names the scenario it
 * translates and its language, and gives texts by key:
 *
 * ```yaml
 * backchannel: 1
 * translation:
 *   scenario: the-call
 *   language: es
 * texts:
 *   title: La llamada
 *   line.us-open-1: …
 * ```
 *
 * A file is a translation when it has a top-level `translation:` key. The
 * checks here give diagnostics like the scenario checker's: every problem
 * with its place in the file and a hint. A text left out is not an error:
 * the game shows the scenario's own text there, and one warning counts them.
 */
import { Document, Scalar, YAMLMap } from 'yaml';
import { z } from 'zod';
import { closest, hasErrors, sortDiagnostics, suggest, type Diagnostic } from './diagnostics.js';
import { checkOriginals, fingerprint, FINGERPRINT_PATTERN, originalsYaml, shown } from './originals.js';
import { diag, type DataPath, type ParsedFile } from './parse.js';
import { FORMAT_VERSION, ID_PATTERN, actorSchema, choiceSchema, endingSchema, flagSchema, incompatibleSchema, injectSchema, lineSchema, meterSchema, optionSchema, roleSchema, scenarioSchema, sideSchema, sourceSchema, termSchema, type Scenario } from './schema.js';
import { checkTranslationTextSlips } from './text-slips.js';
import { textSlots, type TextField, type TextSlot } from './translate.js';
import { describeType, isMapping } from './value-types.js';

export { applyTranslation, pickTranslation, textSlots, type TextField, type TextSlot, type TranslatedTexts } from './translate.js';

/** The language codes a scenario's `language:` takes, and so a translation's. */
const languageSchema = scenarioSchema.shape.language.unwrap();

/** Longest key a translation may give, in characters; a longer one cannot name a text. */
export const MAX_KEY_LENGTH = 200;

const S = scenarioSchema.shape;
/** The zod string schema of each translatable field, read for its maximum so that a translation has the scenario's limits. */
const FIELD_SCHEMAS: Record<TextField, { maxLength: number | null }> = {
  title: S.title,
  summary: S.summary,
  period: S.period.shape.label,
  objective: S.objectives.element.shape.text,
  'concept.name': S.concepts.unwrap().element.shape.name,
  'concept.text': S.concepts.unwrap().element.shape.text,
  'part.title': S.parts.unwrap().element.shape.title,
  'part.description': S.parts.unwrap().element.shape.description.unwrap(),
  'source.note': sourceSchema.shape.note.unwrap(),
  'side.name': sideSchema.shape.name,
  'side.interests': sideSchema.shape.interests.unwrap(),
  'role.name': roleSchema.shape.name,
  'role.summary': roleSchema.shape.summary,
  item: roleSchema.shape.briefing.element.shape.text,
  'actor.name': actorSchema.shape.name,
  'actor.title': actorSchema.shape.title,
  'meter.label': meterSchema.shape.label,
  'meter.description': meterSchema.shape.description.unwrap(),
  'flag.description': flagSchema.shape.description,
  'term.label': termSchema.shape.label,
  'term.description': termSchema.shape.description.unwrap(),
  'term.option': optionSchema.shape.label,
  'incompatible.why': incompatibleSchema.shape.why,
  'inject.headline': injectSchema.shape.headline,
  'inject.text': injectSchema.shape.text,
  'inject.timeline': injectSchema.shape.timeline.unwrap(),
  line: lineSchema.shape.text,
  'line.note': lineSchema.shape.note.unwrap(),
  choice: choiceSchema.shape.text,
  'choice.unavailable': choiceSchema.shape.unavailable.unwrap(),
  'ending.title': endingSchema.shape.title,
  'ending.summary': endingSchema.shape.summary,
  'ending.debrief': endingSchema.shape.debrief,
  'ending.history': endingSchema.shape.history.unwrap().shape.text,
};

/**
 * The form of every key a scenario's texts can have, made from the kinds of
 * field above, so that an editor marks a key no scenario could have (the
 * checker then says which key was meant).
 */
const KEY_PATTERN = keyPattern(Object.keys(FIELD_SCHEMAS) as TextField[]);

function keyPattern(fields: readonly TextField[]): RegExp {
  const idSource = ID_PATTERN.source.replace(/^\^|\$$/g, '');
  const plain: string[] = [];
  const byKind = new Map<string, { bare: boolean; subs: string[] }>();
  for (const field of fields) {
    const [kind, sub] = field.split('.') as [string, string | undefined];
    if (field === 'title' || field === 'summary' || field === 'period') {
      plain.push(field);
      continue;
    }
    const k = byKind.get(kind) ?? { bare: false, subs: [] };
    // An option is named with its term and its own id: term.<id>.option.<id>.
    if (sub === undefined) k.bare = true;
    else k.subs.push(sub === 'option' ? `option\\.${idSource}` : sub);
    byKind.set(kind, k);
  }
  const kinds = [...byKind].map(([kind, { bare, subs }]) => {
    const tail = subs.length === 0 ? '' : `\\.(?:${subs.join('|')})`;
    return `${kind}\\.${idSource}${bare && tail ? `(?:${tail})?` : tail}`;
  });
  return new RegExp(`^(?:${[...plain, ...kinds].join('|')})$`);
}

/** The translation file format, version 1 (`backchannel: 1`, as scenarios). */
export const translationFileSchema = z
  .strictObject({
    backchannel: z.number().meta({ description: 'Format version of this file. This build reads 1.' }),
    translation: z
      .strictObject({
        scenario: z.string().regex(ID_PATTERN).meta({ description: 'The id of the scenario translated: a scenario file in the same folder.' }),
        language: languageSchema.meta({ description: 'The language of the texts, such as `es` or `pt-BR`; not the scenario’s own.' }),
      })
      .meta({ description: 'What this file translates, and into which language.' }),
    texts: z
      .record(z.string().max(MAX_KEY_LENGTH).regex(KEY_PATTERN), z.string().min(1).max(4000))
      .meta({
        description:
          'Translated texts by key, e.g. `title`, `line.<id>`, `choice.<id>`, `flag.<id>.description`, `incompatible.<id>.why`, `ending.<id>.debrief`; scenarios/README.md lists every key. A key left out keeps the scenario’s text.',
      }),
    originals: z
      .record(z.string().max(MAX_KEY_LENGTH).regex(KEY_PATTERN), z.string().regex(FINGERPRINT_PATTERN))
      .optional()
      .meta({
        description:
          'Written by `npm run translation`, not by hand: for each text, a fingerprint of the scenario’s words it was translated from, so that `npm run validate` can tell a text whose original changed (BC705). The game does not read it.',
      }),
  })
  .meta({ title: 'Backchannel translation', description: 'A translation of a Backchannel scenario. See scenarios/README.md.' });

/** A translation file as written. */
export type TranslationFile = z.infer<typeof translationFileSchema>;

/** A translation that passed its checks: only keys of the scenario, each with usable text. */
export interface CheckedTranslation {
  /** The id of the scenario translated. */
  scenario: string;
  /** The language of the texts. */
  language: string;
  /** Translated texts by key. */
  texts: Record<string, string>;
}

/** The most characters a text of this kind of field may have: the scenario format's own limit. */
export function maxLengthOf(field: TextField): number {
  return FIELD_SCHEMAS[field].maxLength ?? 4000;
}

/** A translatable text of a scenario: its key, the text as the scenario has it, and the most characters a translation of it may have. */
export interface TranslatableText {
  key: string;
  text: string;
  max: number;
}

/**
 * Every key a translation of this scenario may give, in the order of the
 * scenario file, with the scenario's own text and the field's maximum
 * length (the same as the scenario format's).
 */
export function translatableTexts(scenario: Scenario): TranslatableText[] {
  return textSlots(scenario).map((s) => ({ key: s.key, text: s.text, max: maxLengthOf(s.field) }));
}

/**
 * Whether read data is a translation file rather than a scenario: it has a
 * top-level `translation:` key. A file with `texts:` and neither `id:` nor
 * `beats:` is one too, whose `translation:` block was left out: it is then
 * told that, rather than everything a scenario would miss.
 */
export function isTranslationData(data: unknown): boolean {
  if (!isMapping(data)) return false;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  return has('translation') || (has('texts') && !has('id') && !has('beats'));
}

/** What a translation file says it translates, as far as it is well formed. */
export interface TranslationHead {
  scenario?: string;
  language?: string;
}

/** The scenario id and language a translation file names, each only when it is well formed. */
export function translationHead(data: unknown): TranslationHead {
  const block = own(data, 'translation');
  const scenario = own(block, 'scenario');
  const language = own(block, 'language');
  return {
    ...(typeof scenario === 'string' && ID_PATTERN.test(scenario) ? { scenario } : {}),
    ...(typeof language === 'string' && languageSchema.safeParse(language).success ? { language } : {}),
  };
}

/**
 * What looking for the scenario a translation names found: the scenario
 * and its file; a file with that id that has errors of its own; or nothing,
 * with the ids of the scenarios that were there, for a "did you mean".
 */
export type ScenarioLookup =
  | { found: Scenario; file: string }
  | { broken: string }
  | { missing: readonly string[] };

/** What checking a translation file gave: the translation when it has no errors, and every problem found. */
export interface TranslationCheck {
  translation?: CheckedTranslation;
  diagnostics: Diagnostic[];
}

/** Top-level keys of a translation file, and the keys of its `translation:` block. */
const TOP_KEYS = ['backchannel', 'translation', 'texts', 'originals'] as const;
const HEAD_KEYS = ['scenario', 'language'] as const;

/** Beyond this many unknown keys, the rest are reported without a "did you mean" (each costs a search of every key). */
const MAX_SUGGESTIONS = 200;
/** The warning on untranslated texts names this many of them. */
const MISSING_SHOWN = 3;

const ID_HINT = 'An id starts with a lowercase letter and uses only a-z, 0-9, - and _ (at most 64 characters), e.g. `the-call`.';

function own(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string, unknown>)[key] : undefined;
}


/** The language a scenario is written in: its `language:`, else English. */
export function languageOf(scenario: Scenario): string {
  return scenario.language ?? 'en';
}

/**
 * Checks a read translation file. `find` looks for the scenario with a
 * given id (among the files checked with it, or in its folder) and says what
 * it found. Never throws: whatever the data, the answer is diagnostics.
 */
export function checkTranslation(parsed: ParsedFile, find: (id: string) => ScenarioLookup): TranslationCheck {
  const { file, data } = parsed;
  // A file the reader could not read comes with its reasons, and no data.
  const out: Diagnostic[] = [...parsed.diagnostics];
  const report = (at: { line: number; col: number }, code: Parameters<typeof diag>[2], message: string, hints: string[]) => out.push(diag(file, at, code, message, hints));
  if (!isMapping(data)) return { diagnostics: out };

  const version = own(data, 'backchannel');
  if (version === undefined) {
    report({ line: 1, col: 1 }, 'BC200', 'the format version is missing', [`Add \`backchannel: ${FORMAT_VERSION}\` as the first key of the file.`]);
    return { diagnostics: out };
  }
  if (version !== FORMAT_VERSION) {
    const newer = typeof version === 'number' && version > FORMAT_VERSION;
    report(
      parsed.locate(['backchannel']),
      'BC201',
      typeof version === 'number' ? `format version ${version} is not one this build reads (it reads ${FORMAT_VERSION})` : `the format version must be a number, not ${describeType(version)}`,
      [newer ? 'This file was written for a newer Backchannel: update Backchannel.' : `Write \`backchannel: ${FORMAT_VERSION}\` without quotes.`],
    );
    return { diagnostics: out };
  }

  // A misspelt key is told once, as unknown with the key meant, not also as that key missing.
  const misspelt = new Set<string>();
  const unknownKeys = (where: DataPath, allowed: readonly string[], what: string) => {
    const mapping = where.length === 0 ? data : own(data, String(where[0]));
    for (const key of Object.keys(mapping as object))
      if (!allowed.includes(key)) {
        report(parsed.locateKey([...where, key]), 'BC202', `unknown key '${shown(key)}' in ${what}`, [suggest(key, allowed, 'keys here')]);
        const meant = closest(key, allowed);
        if (meant) misspelt.add([...where, meant].join('.'));
      }
  };
  unknownKeys([], TOP_KEYS, 'a translation');

  // What is translated, and into which language.
  const head = own(data, 'translation');
  let scenarioId: string | undefined;
  let language: string | undefined;
  if (head === undefined) {
    if (!misspelt.has('translation'))
      report({ line: 1, col: 1 }, 'BC203', "the translation is missing its 'translation'", [
        'Add, above `texts:`, the id of the scenario translated and the language of the texts: `translation: { scenario: the-call, language: es }`.',
      ]);
  } else if (!isMapping(head)) {
    report(parsed.locate(['translation']), 'BC204', `'translation' should be a mapping, not ${describeType(head)}`, [
      "'translation' is a mapping: give it `scenario:` (the id of the scenario translated) and `language:` (the language of the texts) on the lines below, indented.",
    ]);
  } else {
    unknownKeys(['translation'], HEAD_KEYS, 'the translation block');
    const sid = own(head, 'scenario');
    if (sid === undefined) {
      if (!misspelt.has('translation.scenario'))
        report(parsed.locateKey(['translation']), 'BC203', "the translation block is missing its 'scenario'", ['Add `scenario:` with the id of the scenario this file translates: the `id:` at the top of the scenario file.']);
    } else if (typeof sid !== 'string') report(parsed.locate(['translation', 'scenario']), 'BC204', `'scenario' should be text, not ${describeType(sid)}`, ['Write the id of the scenario this file translates.']);
    else if (!ID_PATTERN.test(sid)) report(parsed.locate(['translation', 'scenario']), 'BC205', `'${shown(sid)}' is not a valid id`, [ID_HINT]);
    else scenarioId = sid;
    const lang = own(head, 'language');
    if (lang === undefined) {
      if (!misspelt.has('translation.language'))
        report(parsed.locateKey(['translation']), 'BC203', "the translation block is missing its 'language'", ['Add `language:` with the code of the language of the texts, such as `es`, `fr` or `pt-BR`.']);
    } else if (typeof lang !== 'string' || !languageSchema.safeParse(lang).success)
      report(parsed.locate(['translation', 'language']), 'BC206', "'language' is not in the expected form", ['Use a language code such as `es`, `fr` or `pt-BR`.']);
    else language = lang;
  }

  const texts = own(data, 'texts');
  if (texts === undefined) {
    if (!misspelt.has('texts')) report({ line: 1, col: 1 }, 'BC203', "the translation is missing its 'texts'", ['Add `texts:` and, below it, one `key: translated text` a line, indented.']);
  } else if (!isMapping(texts))
    report(parsed.locate(['texts']), 'BC204', `'texts' should be a mapping, not ${describeType(texts)}`, ['Under `texts:`, write one `key: translated text` a line, indented, e.g. `title: La llamada`.']);

  // The scenario it translates: without it, keys and lengths cannot be checked.
  let scenario: Scenario | undefined;
  let scenarioFile: string | undefined;
  if (scenarioId !== undefined) {
    const where = parsed.locate(['translation', 'scenario']);
    const r = find(scenarioId);
    if ('found' in r) {
      scenario = r.found;
      scenarioFile = r.file;
    } else if ('broken' in r)
      report(where, 'BC700', `the scenario '${scenarioId}' (${r.broken}) has errors, so this translation cannot be checked against it`, [`Fix the scenario first: npm run validate -- ${r.broken}`]);
    else {
      const near = closest(scenarioId, r.missing);
      report(where, 'BC700', `no scenario with the id '${scenarioId}' was found`, [
        ...(near ? [`Did you mean '${near}'?`] : []),
        `A translation is checked against its scenario: keep it in the folder of the scenario file whose \`id:\` is '${scenarioId}'.`,
      ]);
    }
  }
  if (scenario && language !== undefined && language.toLowerCase() === languageOf(scenario).toLowerCase()) {
    report(parsed.locate(['translation', 'language']), 'BC701', `the scenario '${scenario.id}' is written in ${language} already`, [
      'A translation is into another language: set `language:` to the language of these texts. To change the scenario’s own words, edit the scenario file.',
      ...(scenario.language === undefined ? ['The scenario has no `language:`, so it is taken to be written in English (en).'] : []),
    ]);
  }

  const kept: [string, string][] = [];
  if (isMapping(texts)) {
    const slots = scenario ? textSlots(scenario) : [];
    const byKey = new Map<string, TextSlot>(slots.map((s) => [s.key, s]));
    const hints = scenario ? new KeyHints(slots) : undefined;
    let suggested = 0;
    for (const [key, value] of Object.entries(texts)) {
      const path: DataPath = ['texts', key];
      const slot = byKey.get(key);
      if (isMapping(value)) {
        report(parsed.locate(path), 'BC204', `'${shown(key)}' should be text, not a mapping`, [
          'Keys do not nest: write each key in full, dots and all, on its own line under `texts:`, e.g. `line.hello-1: Hola.`',
        ]);
        continue;
      }
      if (scenario && !slot) {
        const hint = suggested++ < MAX_SUGGESTIONS && hints ? hints.forUnknown(key, scenarioFile!, language ?? 'es') : [];
        report(parsed.locateKey(path), 'BC702', `unknown key '${shown(key)}': the scenario '${scenario.id}' has no such text`, hint);
        continue;
      }
      if (value === null || (typeof value === 'string' && value.trim() === '')) {
        report(parsed.locate(path), 'BC206', `'${shown(key)}' is empty`, ['Write the translated text after the colon, or remove the line to show the scenario’s own text.']);
        continue;
      }
      if (typeof value !== 'string') {
        report(parsed.locate(path), 'BC204', `'${shown(key)}' should be text, not ${describeType(value)}`, ['Write text; put it in "double quotes" if it looks like a number or true/false.']);
        continue;
      }
      const max = slot ? maxLengthOf(slot.field) : 4000;
      if (value.length > max) {
        report(parsed.locate(path), 'BC206', `'${shown(key)}' must have at most ${max} characters (it has ${value.length})`, [
          'Shorten the translation: the scenario’s own text has the same limit, which keeps it readable on screen.',
        ]);
        continue;
      }
      kept.push([key, value]);
    }
    out.push(...checkTranslationTextSlips(parsed));
    // Left out is allowed (the scenario's own text shows), but said once, so that a forgotten text is found; after the errors are fixed, so as not to bury them.
    if (scenario && language !== undefined && !hasErrors(out)) {
      const given = new Set(Object.keys(texts));
      const missing = slots.filter((s) => !given.has(s.key)).map((s) => s.key);
      if (missing.length > 0) {
        const names = missing.slice(0, MISSING_SHOWN).map((k) => `'${k}'`).join(', ');
        const more = missing.length > MISSING_SHOWN ? ` and ${missing.length - MISSING_SHOWN} more` : '';
        report(
          parsed.locateKey(['texts']),
          'BC703',
          `${missing.length} of ${slots.length} texts are not translated, so they show in the scenario's own language (${languageOf(scenario)}): ${names}${more}`,
          [`Add them under \`texts:\`: \`npm run -s translation -- --update ${file} ${scenarioFile} --write\` adds each one, in the scenario's words and marked to translate.`],
        );
      }
    }
    // Texts whose original changed after they were translated, from the record under `originals:`; nothing without one.
    if (scenario) out.push(...checkOriginals(parsed, scenario, `npm run -s translation -- --update ${file} ${scenarioFile} --write`));
  }

  const diagnostics = sortDiagnostics(out);
  if (hasErrors(diagnostics) || !scenario || language === undefined) return { diagnostics };
  return { translation: { scenario: scenario.id, language, texts: Object.fromEntries(kept) }, diagnostics };
}

/** What checking one of several translation files gave, with its file. */
export interface TranslationOutcome extends TranslationCheck {
  file: string;
}

/**
 * Checks several translation files, each against the scenario `find` finds
 * for it (`file` is the translation's, for a search in its folder), and
 * refuses (BC704) a second translation of one scenario into one language.
 *
 * A file with errors of its own still counts as a translation into the
 * language its header names, as the build reads it too; the BC704 then says
 * that it has errors, so that an author who copied a broken file to mend it
 * is told which one to delete rather than that a good one is there already.
 * A file whose header does not name both a scenario and a language (or that
 * could not be read at all) is not counted: nobody can tell what it
 * translates, and its own errors say so.
 */
export function checkTranslations(files: readonly ParsedFile[], find: (id: string, file: string) => ScenarioLookup): TranslationOutcome[] {
  const checked = files.map((parsed) => ({ parsed, r: checkTranslation(parsed, (id) => find(id, parsed.file)) }));
  const broken = new Map<string, OtherTranslation>();
  for (const { parsed, r } of checked) {
    if (r.translation) continue;
    const key = headKey(translationHead(parsed.data));
    if (key !== undefined && !broken.has(key)) broken.set(key, { file: parsed.file, errors: r.diagnostics.filter((d) => d.severity === 'error').length });
  }
  const taken = new Map<string, string>();
  return checked.map(({ parsed, r }) => {
    const t = r.translation;
    if (!t) return { file: parsed.file, ...r };
    const key = headKey(t)!;
    const first = taken.get(key);
    if (first === undefined) taken.set(key, parsed.file);
    const other = first !== undefined ? { file: first } : broken.get(key);
    if (other === undefined) return { file: parsed.file, ...r };
    // An error now, so the count of texts left out waits, as it waits for any other error.
    const diagnostics = sortDiagnostics([...r.diagnostics.filter((d) => d.code !== 'BC703'), translationTaken(parsed.file, t.scenario, t.language, other, parsed.locate(['translation', 'language']))]);
    return { file: parsed.file, diagnostics };
  });
}

/** What a translation's header names, as one key (the language in any case), or undefined when it names less. */
function headKey(head: TranslationHead): string | undefined {
  return head.scenario === undefined || head.language === undefined ? undefined : `${head.scenario}\u0000${head.language.toLowerCase()}`;
}

/** The other translation of a scenario into one language, and how many errors of its own it has, if any. */
export interface OtherTranslation {
  file: string;
  errors?: number;
}

/**
 * BC704 for a second translation of one scenario into one language: the
 * game could show only one of them. When the other file has errors of its
 * own, that is said, since it is then most likely the file this one was
 * copied from to be mended.
 */
export function translationTaken(file: string, scenario: string, language: string, other: OtherTranslation, at: { line: number; col: number }): Diagnostic {
  const otherLanguage = `If this file is in another language, set its \`language:\` to that language's code.`;
  if (!other.errors)
    return diag(file, at, 'BC704', `the scenario '${scenario}' already has a translation into ${language}: ${other.file}`, [
      `The game shows one translation a language: delete one of the two files, or merge them (copy the texts to keep into one, then delete the other). ${otherLanguage}`,
    ]);
  const errors = other.errors === 1 ? '1 error' : `${other.errors} errors`;
  return diag(file, at, 'BC704', `${other.file} translates the scenario '${scenario}' into ${language} too, and has ${errors} of its own`, [
    `If this file is a mended copy of it, delete ${other.file}: the build stops on its errors, and once they are fixed, refuses two translations into ${language}.`,
    `Otherwise keep one file: merge the texts to keep into one, then delete the other. ${otherLanguage}`,
    `To see its errors: npm run validate -- ${other.file}`,
  ]);
}

/** The kinds of key, the start of every key before its first dot. */
const KINDS = [...new Set(Object.keys(FIELD_SCHEMAS).map((f) => f.split('.')[0]!))];

/** Hints for a key the scenario does not have: the key meant, or why there is no such text. */
class KeyHints {
  private readonly byKind = new Map<string, string[]>();
  private readonly byId = new Map<string, string[]>();
  private readonly keys: ReadonlySet<string>;
  /** How many more keys may be compared for a "did you mean". */
  private budget = 200_000;

  constructor(slots: readonly TextSlot[]) {
    this.keys = new Set(slots.map((s) => s.key));
    for (const { key } of slots) {
      const [kind, id] = key.split('.');
      push(this.byKind, kind!, key);
      if (id !== undefined) push(this.byId, id, key);
    }
  }

  forUnknown(key: string, scenarioFile: string, language: string): string[] {
    const list = `\`npm run translation -- ${scenarioFile} ${language}\` lists every key this scenario has.`;
    if (key.length > MAX_KEY_LENGTH) return [list];
    const [kind = '', id, ...rest] = key.split('.');
    const field = rest.join('.');
    if (kind === 'source' && id !== undefined && field !== 'note')
      return ['Sources keep their titles and publishers as published: only a source’s `note` is translated, as `source.<id>.note`.'];
    // A text the format has, but this item does not: nothing to translate.
    const parent = id === undefined ? undefined : field === '' ? undefined : `${kind}.${id}`;
    const item = parent !== undefined && (this.byId.get(id!) ?? []).some((k) => k === parent || k.startsWith(`${parent}.`));
    if (item && OPTIONAL_FIELDS[kind]?.includes(field))
      return [`The ${kind} '${id}' has no ${field} in the scenario, so there is nothing to translate: remove this line, or add the ${field} to the scenario first.`];
    // Only keys of a length an edit or a cut could reach are compared, within a budget, so that a
    // scenario of thousands of lines and a translation of thousands of slips are still answered at once.
    const reach = Math.max(2, Math.floor(key.length / 3));
    const candidates = (this.byKind.get(kind) ?? [...this.keys]).filter((c) => Math.abs(c.length - key.length) <= reach || (key.length >= 4 && c.startsWith(key)));
    this.budget -= candidates.length;
    const near = this.budget >= 0 ? closest(key, candidates) : undefined;
    if (near) return [`Did you mean '${near}'?`];
    // The right id under another kind (`choice.hello-1` for a line).
    const other = id === undefined ? undefined : (this.byId.get(id) ?? []).find((k) => k.split('.').length === key.split('.').length) ?? this.byId.get(id)?.[0];
    if (other) return [`Did you mean '${other}'?`];
    if (!KINDS.includes(kind)) return [`A key starts with one of: ${KINDS.join(', ')}.`, list];
    return [list];
  }
}

/** Optional text fields by kind of key, which an item may not have. */
const OPTIONAL_FIELDS: Record<string, readonly string[]> = {
  part: ['description'],
  source: ['note'],
  side: ['interests'],
  meter: ['description'],
  term: ['description'],
  inject: ['timeline'],
  line: ['note'],
  choice: ['unavailable'],
  ending: ['history'],
};

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Comments that head each group of keys in a skeleton, by the top-level key of the scenario the text is under. */
const GROUPS: Record<string, string> = {
  title: 'About the scenario',
  summary: 'About the scenario',
  period: 'About the scenario',
  objectives: 'About the scenario',
  concepts: 'Concepts',
  parts: 'Parts of the call',
  sources: 'Notes on sources (titles and publishers stay as published)',
  sides: 'Sides',
  actors: 'Actors',
  meters: 'Meters',
  flags: 'Flags (a description tells the player why a choice is not available yet, when the choice has no unavailable text)',
  terms: 'Terms and their options',
  incompatible: 'Options that cannot stand together: why (shown in the debrief)',
  injects: 'News flashes',
  endings: 'Endings',
};

const roleHeading = (id: string) => `Role '${id}': its name, summary, briefing, goals and unknowns`;
const beatHeading = (id: string) => `Beat '${id}'`;
const HEADINGS: ReadonlySet<string> = new Set(Object.values(GROUPS));

/**
 * Whether a comment's text (without its `#`) is one of the headings a
 * skeleton writes above a group of keys, whatever role or beat it names.
 */
export function isGroupHeading(comment: string): boolean {
  const t = comment.trim();
  const id = /^(?:Role|Beat) '([^']*)'/.exec(t)?.[1];
  if (id !== undefined) return t === roleHeading(id) || t === beatHeading(id);
  return HEADINGS.has(t);
}

/**
 * A complete translation file for a scenario, every text still in the
 * scenario's own words: an author copies it beside the scenario as
 * `<id>.<language>.yaml` and translates the values. It checks with no error
 * and no warning, and applying it gives the scenario back unchanged.
 */
export function translationSkeleton(scenario: Scenario, language: string): string {
  const slots = textSlots(scenario);
  const texts = new YAMLMap<Scalar, Scalar>();
  let group = '';
  for (const slot of slots) {
    const [top, index] = slot.path;
    const here =
      top === 'roles' ? roleHeading(scenario.roles[index as number]!.id)
      : top === 'beats' ? beatHeading(scenario.beats[index as number]!.id)
      : GROUPS[String(top)] ?? String(top);
    const key = new Scalar(slot.key);
    if (here !== group) {
      key.commentBefore = ` ${here}`;
      // A blank line between groups, except before the first.
      if (group !== '') key.spaceBefore = true;
      group = here;
    }
    texts.add({ key, value: new Scalar(slot.text) });
  }
  const doc = new Document({ backchannel: FORMAT_VERSION, translation: { scenario: scenario.id, language } });
  doc.set('texts', texts);
  doc.commentBefore = [
    ' yaml-language-server: $schema=./backchannel-translation.schema.json',
    '',
    ` A translation of the scenario '${scenario.id}' into ${language}. Every text below is still`,
    ` the scenario's own (${languageOf(scenario)}): translate the values and keep the keys. A key left`,
    " out shows the scenario's text. Check the file with npm run validate.",
  ].join('\n');
  // The record of the words each text is translated from: the scenario's own, as they are now.
  return `${doc.toString({ lineWidth: 0 })}\n${originalsYaml(slots.map((s) => [s.key, fingerprint(s.text)]))}`;
}
