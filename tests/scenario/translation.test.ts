/**
 * Translation files: one fixture per rule (tests/fixtures/translation/
 * <CODE>-<name>.yaml, each a translation of tests/fixtures/tiny.yaml) must
 * give exactly the diagnostic an author needs, where the problem is, with a
 * hint; the texts a scenario offers; applying a translation; and the
 * skeleton `npm run translation` prints, which must check clean and give the
 * scenario back unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES, type DiagnosticCode } from '../../src/scenario/diagnostics.js';
import { readScenario } from '../../src/scenario/load.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/schema.js';
import {
  applyTranslation,
  checkTranslation,
  checkTranslations,
  isTranslationData,
  pickTranslation,
  translatableTexts,
  translationSkeleton,
  type ScenarioLookup,
} from '../../src/scenario/translation.js';
import { translationJsonSchema } from '../../src/scenario/json-schema.js';
import { fingerprint } from '../../src/scenario/originals.js';
import { generateScenarioYaml } from '../support/generate.js';

const fromRoot = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const scenarioOf = (path: string): Scenario => {
  const r = readScenario(fromRoot(path), path);
  if (!r.scenario) throw new Error(`${path} does not read`);
  return r.scenario;
};
const tiny = scenarioOf('tests/fixtures/tiny.yaml');

/** The lookup the tools give: tiny is found, 'broken' is a file with errors, nothing else exists. */
const find = (id: string): ScenarioLookup =>
  id === 'tiny' ? { found: tiny, file: 'tests/fixtures/tiny.yaml' } : id === 'broken' ? { broken: 'scenarios/broken.yaml' } : { missing: ['tiny'] };

function check(text: string, file = 'tiny.es.yaml', lookup = find) {
  return checkTranslation(parseScenarioText(text, file), lookup);
}

const fixture = (name: string) => fromRoot(`tests/fixtures/translation/${name}.yaml`);

interface Expected {
  code: DiagnosticCode;
  line: number;
  col: number;
  message: string;
  hints: string[];
}

/** The BC703 hint: the command that adds the texts left out to the translation itself. */
const UPDATE = "`npm run -s translation -- --update BC703-missing-keys.yaml tests/fixtures/tiny.yaml --write` adds each one, in the scenario's words and marked to translate.";

/** The update command a hint gives for a fixture. */
const updateOf = (name: string) => `npm run -s translation -- --update ${name}.yaml tests/fixtures/tiny.yaml --write`;

/** [fixture name, the one diagnostic it must give] */
const RULES: [string, Expected][] = [
  // A translator's words can have the slips an author's can: the warnings are the scenario checker's, at the text.
  [
    'BC109-hash-in-text',
    {
      code: 'BC109',
      line: 25,
      col: 32,
      message: "the text of 'actor.envoy.name' stops before '#2 del consejo': after a space, # starts a comment, which the game does not show",
      hints: ['To keep it in the text, put the whole text in "double quotes": `actor.envoy.name: "El enviado #2 del consejo"`. If it is a comment, write a space after the #.'],
    },
  ],
  [
    'BC209-curly-quoted-text',
    {
      code: 'BC209',
      line: 7,
      col: 10,
      message: "the text of 'title' is wrapped in curly quotes (“ ”), which players will see as part of it",
      hints: [
        'Quotes typed by a word processor (“ ” ‘ ’) are letters to YAML, not quotes. Remove them (`title: Una llamada diminuta`), or write straight quotes, which do not show (`title: "Una llamada diminuta"`); to show the curly ones, keep them inside straight ones: `title: "“Una llamada diminuta”"`.',
      ],
    },
  ],
  ['BC200-no-version', { code: 'BC200', line: 1, col: 1, message: 'the format version is missing', hints: ['Add `backchannel: 1` as the first key of the file.'] }],
  ['BC201-future-version', { code: 'BC201', line: 1, col: 14, message: 'format version 2 is not one this build reads (it reads 1)', hints: ['This file was written for a newer Backchannel: update Backchannel.'] }],
  ['BC202-misspelt-key', { code: 'BC202', line: 4, col: 3, message: "unknown key 'langauge' in the translation block", hints: ["Did you mean 'language'?"] }],
  [
    'BC203-no-translation-block',
    {
      code: 'BC203',
      line: 1,
      col: 1,
      message: "the translation is missing its 'translation'",
      hints: ['Add, above `texts:`, the id of the scenario translated and the language of the texts: `translation: { scenario: the-call, language: es }`.'],
    },
  ],
  [
    'BC203-no-language',
    { code: 'BC203', line: 2, col: 1, message: "the translation block is missing its 'language'", hints: ['Add `language:` with the code of the language of the texts, such as `es`, `fr` or `pt-BR`.'] },
  ],
  [
    'BC204-nested-keys',
    {
      code: 'BC204',
      line: 8,
      col: 5,
      message: "'line' should be text, not a mapping",
      hints: ['Keys do not nest: write each key in full, dots and all, on its own line under `texts:`, e.g. `line.hello-1: Hola.`'],
    },
  ],
  ['BC204-number', { code: 'BC204', line: 6, col: 10, message: "'title' should be text, not a number", hints: ['Write text; put it in "double quotes" if it looks like a number or true/false.'] }],
  [
    'BC205-bad-scenario-id',
    {
      code: 'BC205',
      line: 3,
      col: 13,
      message: "'Tiny Call' is not a valid id",
      hints: ['An id starts with a lowercase letter and uses only a-z, 0-9, - and _ (at most 64 characters), e.g. `the-call`.'],
    },
  ],
  ['BC206-bad-language', { code: 'BC206', line: 4, col: 13, message: "'language' is not in the expected form", hints: ['Use a language code such as `es`, `fr` or `pt-BR`.'] }],
  ['BC206-empty-text', { code: 'BC206', line: 7, col: 16, message: "'line.hello-1' is empty", hints: ['Write the translated text after the colon, or remove the line to show the scenario’s own text.'] }],
  [
    'BC206-too-long',
    {
      code: 'BC206',
      line: 6,
      col: 10,
      message: "'title' must have at most 200 characters (it has 251)",
      hints: ['Shorten the translation: the scenario’s own text has the same limit, which keeps it readable on screen.'],
    },
  ],
  [
    'BC700-unknown-scenario',
    {
      code: 'BC700',
      line: 3,
      col: 13,
      message: "no scenario with the id 'tinny' was found",
      hints: ["Did you mean 'tiny'?", "A translation is checked against its scenario: keep it in the folder of the scenario file whose `id:` is 'tinny'."],
    },
  ],
  [
    'BC700-broken-scenario',
    {
      code: 'BC700',
      line: 3,
      col: 13,
      message: "the scenario 'broken' (scenarios/broken.yaml) has errors, so this translation cannot be checked against it",
      hints: ['Fix the scenario first: npm run validate -- scenarios/broken.yaml'],
    },
  ],
  [
    'BC701-own-language',
    {
      code: 'BC701',
      line: 4,
      col: 13,
      message: "the scenario 'tiny' is written in en already",
      hints: [
        'A translation is into another language: set `language:` to the language of these texts. To change the scenario’s own words, edit the scenario file.',
        'The scenario has no `language:`, so it is taken to be written in English (en).',
      ],
    },
  ],
  ['BC702-unknown-key', { code: 'BC702', line: 7, col: 3, message: "unknown key 'line.helo-1': the scenario 'tiny' has no such text", hints: ["Did you mean 'line.hello-1'?"] }],
  [
    'BC702-no-such-note',
    {
      code: 'BC702',
      line: 7,
      col: 3,
      message: "unknown key 'line.hello-1.note': the scenario 'tiny' has no such text",
      hints: ["The line 'hello-1' has no note in the scenario, so there is nothing to translate: remove this line, or add the note to the scenario first."],
    },
  ],
  [
    'BC702-source-title',
    {
      code: 'BC702',
      line: 7,
      col: 3,
      message: "unknown key 'source.notes.title': the scenario 'tiny' has no such text",
      hints: ['Sources keep their titles and publishers as published: only a source’s `note` is translated, as `source.<id>.note`.'],
    },
  ],
  // The right id under another kind of key: a line's id written as a choice's.
  ['BC702-wrong-kind', { code: 'BC702', line: 7, col: 3, message: "unknown key 'choice.hello-2': the scenario 'tiny' has no such text", hints: ["Did you mean 'line.hello-2'?"] }],
  [
    'BC703-missing-keys',
    {
      code: 'BC703',
      line: 5,
      col: 1,
      message: "43 of 46 texts are not translated, so they show in the scenario's own language (en): 'summary', 'period', 'objective.learn' and 40 more",
      hints: [`Add them under \`texts:\`: ${UPDATE}`],
    },
  ],
  // The record under `originals:` says the text was translated from other words than the scenario has now: told at the text, with its words now.
  [
    'BC705-original-changed',
    {
      code: 'BC705',
      line: 37,
      col: 3,
      message: "the scenario's words for 'line.hello-2' changed after it was translated",
      hints: ['They now read: "Shall we talk?"', `Revise the translation to match. \`${updateOf('BC705-original-changed')}\` marks each such text \`# TODO revise\` and records the new words, which ends this warning.`],
    },
  ],
  [
    'BC705-stale-fingerprint',
    {
      code: 'BC705',
      line: 59,
      col: 3,
      message: "'originals' has a fingerprint for 'line.hello-3', which is not a text of the scenario 'tiny'",
      hints: [`\`originals:\` is written by npm run translation, not by hand: \`${updateOf('BC705-stale-fingerprint')}\` removes it.`],
    },
  ],
  // Its quotes taken away, a fingerprint of digits alone reads as a number.
  [
    'BC705-bad-fingerprint',
    {
      code: 'BC705',
      line: 59,
      col: 17,
      message: `'line.hello-1' under 'originals' should be a fingerprint in quotes, such as "1f0c5a9e", not a number, so a change to its original cannot be told`,
      hints: [
        `\`originals:\` is written by npm run translation, not by hand: \`${updateOf('BC705-bad-fingerprint')}\` records the scenario's words as they are now for this text, taking its translation to match them.`,
      ],
    },
  ],
];

describe('one fixture per translation rule', () => {
  it.each(RULES)('%s', (name, e) => {
    const r = check(fixture(name), `${name}.yaml`);
    expect(r.diagnostics.map(({ code, severity, line, col, message, hints }) => ({ code, severity, line, col, message, hints }))).toEqual([
      { code: e.code, severity: CODES[e.code].severity, line: e.line, col: e.col, message: e.message, hints: e.hints },
    ]);
    expect(r.diagnostics[0]!.file).toBe(`${name}.yaml`);
    // Errors keep the translation out of the game; warnings do not.
    if (CODES[e.code].severity === 'warning') expect(r.translation?.texts['line.hello-1']).toBe('Hola.');
    else expect(r.translation).toBeUndefined();
  });

  it('every fixture is in the table, and every translation code is tested here', () => {
    const files = readdirSync(fileURLToPath(new URL('../fixtures/translation', import.meta.url))).map((f) => f.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual(RULES.map(([n]) => n).sort());
    const covered = new Set([...RULES.map(([, e]) => e.code), 'BC704']);
    expect(Object.keys(CODES).filter((c) => c.startsWith('BC7') && !covered.has(c as DiagnosticCode))).toEqual([]);
  });

  it('BC704: a second translation of one scenario into one language, at its language', () => {
    const text = fromRoot('tests/fixtures/tiny.es.yaml');
    const [first, second] = checkTranslations([parseScenarioText(text, 'a.es.yaml'), parseScenarioText(text.replace('title: Una llamada diminuta', 'title: Una llamada breve'), 'b.es.yaml')], (id) => find(id));
    expect(first!.diagnostics).toEqual([]);
    expect(first!.translation?.language).toBe('es');
    expect(second!.translation).toBeUndefined();
    expect(second!.diagnostics).toEqual([
      {
        file: 'b.es.yaml',
        line: 5,
        col: 13,
        severity: 'error',
        code: 'BC704',
        message: "the scenario 'tiny' already has a translation into es: a.es.yaml",
        hints: [
          "The game shows one translation a language: delete one of the two files, or merge them (copy the texts to keep into one, then delete the other). If this file is in another language, set its `language:` to that language's code.",
        ],
      },
    ]);
  });

  // tests/fixtures/translation-taken: a translation with a slip, and the copy an author made of it to mend it.
  const taken = (name: string) => parseScenarioText(fromRoot(`tests/fixtures/translation-taken/${name}`), name);

  it('BC704 beside a translation with errors of its own: the mended copy is told which file to delete, whichever comes first', () => {
    const expected = {
      file: 'tiny-mended.es.yaml',
      line: 5,
      col: 13,
      severity: 'error',
      code: 'BC704',
      message: "tiny.es.yaml translates the scenario 'tiny' into es too, and has 1 error of its own",
      hints: [
        'If this file is a mended copy of it, delete tiny.es.yaml: the build stops on its errors, and once they are fixed, refuses two translations into es.',
        "Otherwise keep one file: merge the texts to keep into one, then delete the other. If this file is in another language, set its `language:` to that language's code.",
        'To see its errors: npm run validate -- tiny.es.yaml',
      ],
    };
    for (const order of [['tiny.es.yaml', 'tiny-mended.es.yaml'], ['tiny-mended.es.yaml', 'tiny.es.yaml']]) {
      const byFile = new Map(checkTranslations(order.map(taken), (id) => find(id)).map((o) => [o.file, o]));
      expect(byFile.get('tiny-mended.es.yaml')!.diagnostics).toEqual([expected]);
      expect(byFile.get('tiny-mended.es.yaml')!.translation).toBeUndefined();
      // The broken file hears only of its own slip, not that a copy exists.
      expect(byFile.get('tiny.es.yaml')!.diagnostics.map((d) => d.code)).toEqual(['BC702']);
    }
  });

  it('a file that cannot be read, or whose header does not name both a scenario and a language, is no translation into a language', () => {
    const mended = fromRoot('tests/fixtures/translation-taken/tiny-mended.es.yaml');
    const others = {
      unreadable: mended.replace('  title: Una llamada diminuta', '  title: "Una llamada diminuta'),
      'no language': mended.replace('  language: es\n', ''),
      'language misspelt': mended.replace('  language: es', '  langauge: es'),
      'language malformed': mended.replace('  language: es', '  language: español'),
    };
    for (const [what, text] of Object.entries(others)) {
      const [other, copy] = checkTranslations([parseScenarioText(text, 'tiny.es.yaml'), taken('tiny-mended.es.yaml')], (id) => find(id));
      expect(other!.diagnostics.length, what).toBeGreaterThan(0);
      expect(copy!.diagnostics, what).toEqual([expect.objectContaining({ code: 'BC703' })]);
      expect(copy!.translation?.language, what).toBe('es');
    }
  });
});

describe('checking a translation', () => {
  it('a complete translation checks clean and keeps every text', () => {
    const r = check(fromRoot('tests/fixtures/tiny.es.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.translation?.scenario).toBe('tiny');
    expect(r.translation?.language).toBe('es');
    expect(Object.keys(r.translation!.texts)).toHaveLength(translatableTexts(tiny).length);
  });

  it('a flag’s description has a key like any other text: a slip in it is told with the key meant, and leaving it out is counted', () => {
    const head = 'backchannel: 1\ntranslation: { scenario: tiny, language: es }\ntexts:\n';
    const slips = check(`${head}  title: Una llamada diminuta\n  flag.warnd.description: Se dio una advertencia.\n  flag.warned.text: Se dio una advertencia.\n`);
    expect(slips.diagnostics.map((d) => [d.code, d.message, d.hints[0]])).toEqual([
      ['BC702', "unknown key 'flag.warnd.description': the scenario 'tiny' has no such text", "Did you mean 'flag.warned.description'?"],
      ['BC702', "unknown key 'flag.warned.text': the scenario 'tiny' has no such text", "Did you mean 'flag.warned.description'?"],
    ]);
    const given = check(`${head}  flag.warned.description: Se dio una advertencia.\n`);
    expect(given.translation?.texts).toEqual({ 'flag.warned.description': 'Se dio una advertencia.' });
    expect(given.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^45 of 46 texts are not translated/)]);
    expect(given.diagnostics[0]!.message).not.toContain('flag.warned.description');
    const missing = check(fromRoot('tests/fixtures/tiny.es.yaml').replace(/^ {2}flag\.warned\.description: .*\n/m, ''));
    expect(missing.diagnostics.map((d) => [d.code, d.message])).toEqual([['BC703', "1 of 46 texts are not translated, so they show in the scenario's own language (en): 'flag.warned.description'"]]);
    // Too long for a flag's description is too long for its translation.
    const long = check(`${head}  flag.warned.description: ${'a'.repeat(601)}\n`);
    expect(long.diagnostics.map((d) => d.message)).toEqual(["'flag.warned.description' must have at most 600 characters (it has 601)"]);
  });

  it('reads the same from JSON', () => {
    const json = JSON.stringify({ backchannel: 1, translation: { scenario: 'tiny', language: 'es' }, texts: { title: 'Una llamada diminuta', 'line.helo-1': 'Hola.' } }, null, 2);
    const r = check(json, 'tiny.es.json');
    expect(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.hints[0]}`)).toEqual(["9:5 BC702 Did you mean 'line.hello-1'?"]);
  });

  it('a key such as __proto__ or constructor is refused like any other unknown key, and pollutes nothing', () => {
    const r = check(JSON.stringify({ backchannel: 1, translation: { scenario: 'tiny', language: 'es' }, texts: { toString: 'x', hasOwnProperty: 'y', title: 'T' } }));
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['BC702', "unknown key 'toString': the scenario 'tiny' has no such text"],
      ['BC702', "unknown key 'hasOwnProperty': the scenario 'tiny' has no such text"],
    ]);
    // The reader refuses these keys outright, before the translation checks see them.
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `backchannel: 1\ntranslation: { scenario: tiny, language: es }\ntexts:\n  ${key}: { polluted: true }\n`;
      const d = check(text).diagnostics;
      expect(d.map((x) => x.code)).toEqual(['BC105']);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a misspelt top-level key is told once, with the key meant', () => {
    const r = check('backchannel: 1\ntranslation: { scenario: tiny, language: es }\ntext:\n  title: T\n');
    expect(r.diagnostics.map((d) => [d.code, d.message, d.hints[0]])).toEqual([['BC202', "unknown key 'text' in a translation", "Did you mean 'texts'?"]]);
  });

  it('whatever the input, answers with diagnostics and never throws', () => {
    const inputs = [
      '',
      '- a list',
      'translation: 3',
      'backchannel: "1"\ntranslation: {}',
      'backchannel: 1\ntranslation: [1, 2]\ntexts: [a, b]',
      'backchannel: 1\ntranslation: { scenario: 3, language: [es] }\ntexts: {}',
      `backchannel: 1\ntranslation: { scenario: tiny, language: es }\ntexts:\n  "${'k'.repeat(5000)}": x\n  title: "${'y'.repeat(100_000)}"`,
      'backchannel: 1\ntranslation: { scenario: tiny, language: es }\ntexts:\n  "line.\\u0000\\n": x',
      '\u0000\u0001binary',
    ];
    for (const text of inputs) {
      const r = check(text);
      expect(r.diagnostics.length, text.slice(0, 40)).toBeGreaterThan(0);
      for (const d of r.diagnostics) expect(d.message.length).toBeLessThan(400);
    }
  });

  it('thousands of unknown keys are answered quickly', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `  line.missing-${i}: x`).join('\n');
    const start = performance.now();
    const r = check(`backchannel: 1\ntranslation: { scenario: tiny, language: es }\ntexts:\n${keys}\n`);
    expect(r.diagnostics.filter((d) => d.code === 'BC702')).toHaveLength(5000);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('is recognised by its translation: key, or by texts: without a scenario’s keys', () => {
    expect(isTranslationData({ translation: {} })).toBe(true);
    expect(isTranslationData({ backchannel: 1, texts: {} })).toBe(true);
    expect(isTranslationData({ backchannel: 1, id: 'x', texts: {} })).toBe(false);
    expect(isTranslationData(tiny)).toBe(false);
    expect(isTranslationData(['translation'])).toBe(false);
    expect(isTranslationData(null)).toBe(false);
  });
});

describe('the record of the words each text was translated from', () => {
  const es = fromRoot('tests/fixtures/tiny.es.yaml');
  const withoutRecord = es.slice(0, es.indexOf('\n# Written by npm run translation') + 1);

  it('fingerprints words with 32-bit FNV-1a over their UTF-8, the same however an accent is written', () => {
    expect(['', 'a', 'foobar'].map(fingerprint)).toEqual(['811c9dc5', 'e40c292c', 'bf9cf968']);
    expect(fingerprint('¿Hablamos?')).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint('Cafe\u0301')).toBe(fingerprint('Café'));
    expect(fingerprint('Shall we talk?')).not.toBe(fingerprint('Shall we talk? '));
  });

  it('a file without one, or whose record matches the scenario, gets no warning; the game is given the texts alone', () => {
    expect(check(withoutRecord).diagnostics).toEqual([]);
    const r = check(es);
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.translation!)).toEqual(['scenario', 'language', 'texts']);
    expect(Object.keys(r.translation!.texts)).not.toContain('originals');
  });

  it('a record that is not a mapping is one warning, at it', () => {
    const r = check(`${withoutRecord}originals: 3\n`);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.col, d.message])).toEqual([
      ['BC705', 'warning', 54, 12, "'originals' should be a mapping of keys to fingerprints, not a number, so a text whose original changed cannot be told"],
    ]);
    expect(r.translation).toBeDefined();
  });

  it('a text the scenario no longer has is told once, as a key the scenario lacks, not again for its fingerprint', () => {
    const renamed = es.replace('  line.hello-2: ¿Hablamos?', '  line.helo-2: ¿Hablamos?').replace(/^ {2}line\.hello-2: "/m, '  line.helo-2: "');
    expect(check(renamed).diagnostics.map((d) => [d.code, d.line])).toEqual([['BC702', 37]]);
  });

  it('in JSON the hint says the update lists such texts, as JSON has no comments to mark them', () => {
    const json = JSON.stringify({ backchannel: 1, translation: { scenario: 'tiny', language: 'es' }, texts: { title: 'Una llamada' }, originals: { title: fingerprint('A tiny call, before') } }, null, 2);
    const r = check(json, 'tiny.es.json');
    const told = r.diagnostics.find((d) => d.code === 'BC705')!;
    expect([told.line, told.col, told.message]).toEqual([8, 5, "the scenario's words for 'title' changed after it was translated"]);
    expect(told.hints[1]).toContain('lists each such text and records the new words');
  });

  it('keys such as toString are fingerprints of no text, and pollute nothing', () => {
    const r = check(`${withoutRecord}originals:\n  toString: "12345678"\n  hasOwnProperty: nope\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "'originals' has a fingerprint for 'toString', which is not a text of the scenario 'tiny'",
      "'originals' has a fingerprint for 'hasOwnProperty', which is not a text of the scenario 'tiny'",
    ]);
    expect(check(`${withoutRecord}originals:\n  __proto__: { title: "12345678" }\n`).diagnostics.map((d) => d.code)).toEqual(['BC105']);
    expect(({} as Record<string, unknown>)['title']).toBeUndefined();
  });
});

describe('the texts a scenario offers', () => {
  it('lists every key with its text, in file order, only for the fields present', () => {
    const texts = translatableTexts(tiny);
    const keys = texts.map((t) => t.key);
    expect(keys.slice(0, 5)).toEqual(['title', 'summary', 'period', 'objective.learn', 'concept.batna.name']);
    expect(keys).toContain('term.bridge.option.shared');
    expect(keys).toContain('choice.deal.unavailable');
    expect(keys).toContain('item.goal-b');
    // A flag's description is the reason a greyed-out choice with no unavailable text gives the player.
    expect(keys).toContain('flag.warned.description');
    expect(keys.indexOf('flag.warned.description')).toBeGreaterThan(keys.indexOf('meter.clock.label'));
    expect(keys.indexOf('flag.warned.description')).toBeLessThan(keys.indexOf('term.bridge.label'));
    // tiny's lines have no notes, and its parts, meters and terms no descriptions: no key for them.
    expect(keys.filter((k) => k.endsWith('.note') || (k.endsWith('.description') && !k.startsWith('flag.')))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(texts.find((t) => t.key === 'line.hello-2')?.text).toBe('Shall we talk?');
  });

  it('gives each field the scenario format’s maximum', () => {
    const all = translatableTexts(scenarioOf('scenarios/the-call.yaml'));
    const max = (key: string) => all.find((t) => t.key === key)?.max;
    const first = (prefix: string, suffix = '') => all.find((t) => t.key.startsWith(prefix) && t.key.endsWith(suffix) && t.key.split('.').length === (suffix ? 3 : 2))!.key;
    expect(max('title')).toBe(200);
    expect(max('summary')).toBe(2000);
    expect(max(first('choice.'))).toBe(600);
    expect(max(first('line.'))).toBe(4000);
    expect(max(first('meter.', '.label'))).toBe(60);
    expect(max(first('role.', '.name'))).toBe(120);
    expect(max(first('inject.', '.headline'))).toBe(160);
    expect(all.some((t) => /^line\.[^.]+\.note$/.test(t.key))).toBe(true);
  });
});

describe('applying a translation', () => {
  const es = check(fromRoot('tests/fixtures/tiny.es.yaml')).translation!;

  it('puts each translated text in place and leaves ids, numbers and the original untouched', () => {
    const before = JSON.stringify(tiny);
    const t = applyTranslation(tiny, es.texts, 'es');
    expect(JSON.stringify(tiny)).toBe(before);
    expect(t.title).toBe('Una llamada diminuta');
    expect(t.language).toBe('es');
    expect(t.beats[0]!.lines![1]!.text).toBe('¿Hablamos?');
    expect(t.beats[1]!.replies![0]!.lines[0]!.text).toBe('Eso fue una amenaza.');
    expect(t.beats[0]!.choices![2]).toMatchObject({ id: 'deal', text: 'Cerrar el acuerdo.', unavailable: 'Hace falta una confianza de 3 o más', end: 'deal' });
    expect(t.terms![0]!.options[0]).toEqual({ id: 'shared', label: 'Compartido', values: { a: 3, b: 2 } });
    expect(t.roles[1]!.goals[0]).toEqual({ id: 'goal-b', text: 'Conservar el peaje.', invented: true });
    expect(t.endings[2]!.debrief).toBe('El tiempo también es un coste.');
    // What is not text is the same: the structure the engine plays.
    const strip = (s: Scenario) => JSON.stringify(s, (k, v) => (typeof v === 'string' && !['id', 'speaker', 'side', 'start', 'next', 'end', 'source', 'part', 'kind', 'cue', 'meter', 'flag', 'term', 'set', 'inject', 'role', 'acceptable', 'portrait', 'date', 'is'].includes(k) ? '' : v));
    expect(strip({ ...t, language: undefined })).toBe(strip(tiny));
    // Parts with no translated text are shared, not copied.
    expect(t.sources).toBe(tiny.sources);
    expect(t.everyChoice).toBe(tiny.everyChoice);
  });

  it('takes a Map or a record; keeps the original where a text is missing, empty or not text', () => {
    expect(applyTranslation(tiny, new Map([['title', 'Título']])).title).toBe('Título');
    const t = applyTranslation(tiny, { title: '  ', summary: 3, period: 'Una tarde', 'line.nope': 'x' });
    expect([t.title, t.summary, t.period.label]).toEqual([tiny.title, tiny.summary, 'Una tarde']);
    expect(t.language).toBe(tiny.language);
  });

  it('looks up own keys only: inherited names and __proto__ are never read through', () => {
    const texts = JSON.parse('{"__proto__": {"title": "polluted"}, "summary": "Resumen"}') as Record<string, unknown>;
    const t = applyTranslation(tiny, texts);
    expect(t.title).toBe(tiny.title);
    expect(t.summary).toBe('Resumen');
    expect(applyTranslation(tiny, Object.create({ title: 'inherited' }) as Record<string, unknown>).title).toBe(tiny.title);
  });
});

describe('the skeleton of a translation', () => {
  const files = {
    'tests/fixtures/tiny.yaml': tiny,
    'scenarios/the-call.yaml': scenarioOf('scenarios/the-call.yaml'),
    'scenarios/example-minimal.yaml': scenarioOf('scenarios/example-minimal.yaml'),
    generated: readScenario(generateScenarioYaml(60), 'generated.yaml').scenario!,
  };

  it.each(Object.entries(files))('%s: checks with no error and no warning, and applied gives the scenario back', (file, scenario) => {
    const text = translationSkeleton(scenario, 'es');
    const parsed = parseScenarioText(text, 'x.es.yaml');
    // The fast reader reads it, as it reads scenarios; the YAML library agrees.
    expect(parsed.reader).toBe('yaml-fast');
    expect(parsed.data).toStrictEqual(parseScenarioText(text, 'x.es.yaml', { libraryOnly: true }).data);
    const r = checkTranslation(parsed, (id) => (id === scenario.id ? { found: scenario, file } : { missing: [] }));
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.translation!.texts)).toEqual(translatableTexts(scenario).map((t) => t.key));
    expect(applyTranslation(scenario, r.translation!.texts)).toEqual(scenario);
    expect(applyTranslation(scenario, r.translation!.texts, 'es')).toEqual({ ...scenario, language: 'es' });
    // The words each text is translated from, recorded at the end: the scenario's own, as they are now.
    const originals = (parsed.data as { originals: Record<string, string> }).originals;
    expect(Object.entries(originals)).toEqual(translatableTexts(scenario).map((t) => [t.key, fingerprint(t.text)]));
    expect(text).toMatch(/\n\n# Written by npm run translation, not by hand: [^\n]*\n# [^\n]*\noriginals:\n {2}title: "[0-9a-f]{8}"\n/);
  });

  it.each(Object.entries(files))('%s: every key is of a form the JSON Schema lets an editor accept', (_, scenario) => {
    const pattern = new RegExp((JSON.parse(translationJsonSchema()) as { properties: { texts: { propertyNames: { pattern: string } } } }).properties.texts.propertyNames.pattern);
    for (const { key } of translatableTexts(scenario)) expect(key).toMatch(pattern);
  });

  it('the JSON Schema marks a key of no form a scenario has, so an editor flags it as it is typed', () => {
    const pattern = new RegExp((JSON.parse(translationJsonSchema()) as { properties: { texts: { propertyNames: { pattern: string } } } }).properties.texts.propertyNames.pattern);
    for (const key of ['flag.warned', 'flags.warned.description', 'line', 'line.Hello', 'term.bridge.option', 'meter.trust.labels', 'Title', 'source.notes.title', 'title.x'])
      expect(key).not.toMatch(pattern);
    for (const key of ['flag.warned.description', 'term.bridge.option.shared', 'line.hello-1.note', 'choice.deal.unavailable', 'item.brief-a']) expect(key).toMatch(pattern);
  });

  it('names the scenario and the language, and heads each role and beat', () => {
    const text = translationSkeleton(tiny, 'pt-BR');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/backchannel-translation\.schema\.json\n/);
    expect(text).toContain('\nbackchannel: 1\ntranslation:\n  scenario: tiny\n  language: pt-BR\ntexts:\n');
    expect(text).toContain("\n  # Beat 'hello'\n  line.hello-1: Hello.\n");
    expect(text).toContain("\n  # Role 'b': its name, summary, briefing, goals and unknowns\n  role.b.name: Side B's envoy\n");
  });
});

describe('picking the translation for the language asked', () => {
  const ts = [{ language: 'es' }, { language: 'pt-BR' }, { language: 'fr-CA' }];
  it('an exact tag, else its base language, else a variety of it; never over the scenario’s own', () => {
    expect(pickTranslation(ts, 'en', 'es')?.language).toBe('es');
    expect(pickTranslation(ts, 'en', 'es-VE')?.language).toBe('es');
    expect(pickTranslation(ts, 'en', 'PT-br')?.language).toBe('pt-BR');
    expect(pickTranslation(ts, 'en', 'pt')?.language).toBe('pt-BR');
    expect(pickTranslation(ts, 'en', 'fr')?.language).toBe('fr-CA');
    expect(pickTranslation(ts, undefined, 'de')).toBeUndefined();
    expect(pickTranslation(ts, 'en', null)).toBeUndefined();
    expect(pickTranslation([{ language: 'en-GB' }], 'en', 'en')).toBeUndefined();
    expect(pickTranslation([{ language: 'en-GB' }], 'en', 'en-GB')?.language).toBe('en-GB');
    expect(pickTranslation([{ language: 'es' }], 'es-VE', 'es-VE')).toBeUndefined();
  });
});
