/**
 * Bringing a translation up to date with its changed scenario: one fixture
 * a behaviour in tests/fixtures/translation-update/, each a translation of
 * talk.yaml written before it changed. What the author gets back is the
 * whole file, so the tests compare whole files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readScenario } from '../../src/scenario/load.js';
import { checkOriginals, fingerprint } from '../../src/scenario/originals.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { checkTranslation, textSlots } from '../../src/scenario/translation.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { updateTranslation } from '../../src/scenario/translation-update.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/translation-update/${name}`, import.meta.url)), 'utf8');
const talk = readScenario(fixture('talk.yaml'), 'talk.yaml').scenario!;
const tiny = readScenario(readFileSync(fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url)), 'utf8'), 'tiny.yaml').scenario!;
const MARK = '# TODO translate: still in en';
const REVISE = '# TODO revise: the original changed';
const HEADING = "# Written by npm run translation, not by hand: a fingerprint of the scenario's words\n# each text was translated from, so that validate can tell when they change.\n";
/** The record the update writes: each key with the fingerprint of the scenario's words now, in the scenario's order (the fixtures' own). */
const record = (scenario: Scenario, except: readonly string[] = []) =>
  `${HEADING}originals:\n${textSlots(scenario)
    .filter((t) => !except.includes(t.key))
    .map((t) => `  ${t.key}: "${fingerprint(t.text)}"\n`)
    .join('')}`;
const talkKeys = textSlots(talk).map((t) => t.key);

describe('updating a translation', () => {
  it('adds each missing text after its neighbours, in the scenario’s words and marked, and keeps every other line as written', () => {
    const before = fixture('talk.es.yaml');
    const u = updateTranslation(before, 'yaml', talk);
    expect(u.added).toEqual(['line.close-1', 'choice.agree', 'ending.agreed.debrief']);
    expect(u.stale).toEqual([]);
    // It had no record of the words it was translated from: one is added, the texts translated so far taken to match.
    expect([u.recorded, u.assumed, u.revised]).toEqual([true, talkKeys.filter((k) => !u.added.includes(k)), []]);
    // A whole beat that is new comes under the heading the generator gives it.
    const beat = ['', "  # Beat 'close'", `  line.close-1: |- ${MARK}`, '    Then we agree.', '    Good.', `  choice.agree: Agree. ${MARK}`, ''].join('\n');
    expect(u.text).toBe(
      before
        .replace('  choice.talk: Hablar.\n', `  choice.talk: Hablar.\n${beat}`)
        .replace('  ending.agreed.summary: "Acordaron."\n', `  ending.agreed.summary: "Acordaron."\n  ending.agreed.debrief: Listening helped. ${MARK}\n`) +
        `\n${record(talk)}`,
    );
    // What it added checks clean: nothing left out, nothing unknown.
    const checked = checkTranslation(parseScenarioText(u.text, 'talk.es.yaml'), () => ({ found: talk, file: 'talk.yaml' }));
    expect(checked.diagnostics).toEqual([]);
  });

  it('gives a complete translation back unchanged, byte for byte', () => {
    const complete = readFileSync(fileURLToPath(new URL('../fixtures/tiny.es.yaml', import.meta.url)), 'utf8');
    expect(updateTranslation(complete, 'yaml', tiny)).toEqual({ text: complete, added: [], stale: [], dropped: false, revised: [], untranslated: [], assumed: [], recorded: false, forgotten: [] });
  });

  it('gives a complete translation with no record of its originals one at its end, and says it took every text to match', () => {
    const complete = readFileSync(fileURLToPath(new URL('../fixtures/tiny.es.yaml', import.meta.url)), 'utf8');
    const without = complete.slice(0, complete.indexOf(`\n${HEADING}`) + 1);
    const u = updateTranslation(without, 'yaml', tiny);
    expect(u.text).toBe(complete);
    expect([u.added, u.recorded, u.assumed.length, u.revised]).toEqual([[], true, textSlots(tiny).length, []]);
  });

  it('marks each text whose original changed, after any comment on its line or on the line of its |, and records the new words', () => {
    const before = fixture('revised.es.yaml');
    const u = updateTranslation(before, 'yaml', talk);
    expect([u.added, u.stale, u.revised, u.assumed, u.recorded]).toEqual([[], [], ['line.greet-2', 'line.close-1'], [], false]);
    expect(u.text).toBe(
      before
        .replace('  line.greet-2: ¿Hablamos?   # Ana: ¿o «Conversamos»?\n', `  line.greet-2: ¿Hablamos?   # Ana: ¿o «Conversamos»? ${REVISE}\n`)
        .replace('  line.close-1: |-\n', `  line.close-1: |- ${REVISE}\n`)
        .replace('  line.greet-2: "a7c3bab8"\n', `  line.greet-2: "${fingerprint('Shall we talk: now?')}"\n`)
        .replace('  line.close-1: "7c4ff3e0"\n', `  line.close-1: "${fingerprint('Then we agree.\nGood.')}"\n`),
    );
    expect(u.text.endsWith(record(talk))).toBe(true);
    // The record is now the scenario's words: validate is quiet, and the update has nothing more to do, the marks staying for the translator.
    expect(checkTranslation(parseScenarioText(u.text, 'talk.es.yaml'), () => ({ found: talk, file: 'talk.yaml' })).diagnostics).toEqual([]);
    expect(updateTranslation(u.text, 'yaml', talk).text).toBe(u.text);
  });

  it('in a JSON translation, refreshes the fingerprints of the texts whose original changed and marks nothing (JSON has no comments)', () => {
    const before = fixture('revised.es.json');
    const u = updateTranslation(before, 'json', talk);
    expect(u.revised).toEqual(['line.greet-2', 'line.close-1']);
    expect(u.text).toBe(
      before.replace('    "line.greet-2": "a7c3bab8",\n', `    "line.greet-2": "${fingerprint('Shall we talk: now?')}",\n`).replace('    "line.close-1": "7c4ff3e0",\n', `    "line.close-1": "${fingerprint('Then we agree.\nGood.')}",\n`),
    );
  });

  it('marks a text whose original changed in texts written in braces, which it writes out one a line', () => {
    const before = 'backchannel: 1\ntranslation: { scenario: talk, language: es }\ntexts: { line.greet-2: ¿Hablamos? }\noriginals: { line.greet-2: "a7c3bab8" }\n';
    const u = updateTranslation(before, 'yaml', talk);
    expect(u.revised).toEqual(['line.greet-2']);
    expect(u.text).toContain(`\n  line.greet-2: ¿Hablamos? ${REVISE}\n`);
    expect(u.text.endsWith(`\n\n${record(talk)}`)).toBe(true);
  });

  it('records the words of a text that had no fingerprint, or not one, and forgets one whose key neither the texts nor the scenario have', () => {
    const complete = readFileSync(fileURLToPath(new URL('../fixtures/tiny.es.yaml', import.meta.url)), 'utf8');
    const hello = `  line.hello-1: "${fingerprint('Hello.')}"\n`;
    const odd = complete.replace(hello, '').replace(`  line.hello-2: "${fingerprint('Shall we talk?')}"\n`, '  line.hello-2: 12345678\n  line.gone: "0badc0de"\n');
    const u = updateTranslation(odd, 'yaml', tiny);
    expect([u.recorded, u.assumed, u.revised, u.forgotten]).toEqual([false, ['line.hello-1', 'line.hello-2'], [], ['line.gone']]);
    expect(u.text).toBe(complete);
  });

  it('finds the keys the scenario no longer has, keeps them unless asked, and leaves the comments above them', () => {
    const before = fixture('stale.es.yaml');
    const kept = updateTranslation(before, 'yaml', talk);
    expect(kept.stale).toEqual(['line.greet-two', 'flag.warned']);
    expect(kept.dropped).toBe(false);
    expect(kept.text).toBe(`${before.replace('  line.greet-two:', `  line.greet-2: "Shall we talk: now?" ${MARK}\n  line.greet-two:`)}\n${record(talk)}`);
    const dropped = updateTranslation(before, 'yaml', talk, { dropStale: true });
    expect(dropped.dropped).toBe(true);
    expect(dropped.text).toBe(
      `${before.replace('  line.greet-two: ¿Hablamos ahora?\n', `  line.greet-2: "Shall we talk: now?" ${MARK}\n`).replace('  flag.warned: Advertido\n', '')}\n${record(talk)}`,
    );
    expect(dropped.text).toContain('  # The greeting, said twice\n  line.greet-1: Hola.\n');
  });

  it('drops the heading of a group whose every key is dropped, with its blank line, and keeps every other comment', () => {
    const before = fixture('removed-groups.es.yaml');
    const u = updateTranslation(before, 'yaml', talk, { dropStale: true });
    expect(u.stale).toEqual(['line.prologue-1', 'flag.warned.description', 'line.greet-3', 'line.detour-1', 'choice.detour', 'line.aside-1', 'line.epilogue-1']);
    expect(u.text).toBe(
      before
        // At the top of the texts, the blank line below the group goes with it.
        .replace("  # Beat 'prologue'\n  line.prologue-1: Antes de todo.\n\n", '')
        .replace('\n  # Flags (a description tells the player why a choice is not available yet, when the choice has no unavailable text)\n  flag.warned.description: Se dio una advertencia.\n', '')
        // Its beat keeps other keys, so the heading stays.
        .replace('  line.greet-3: Una línea que ya no está.\n', '')
        .replace("\n  # Beat 'detour'\n  line.detour-1: Un rodeo.\n  choice.detour: Dar un rodeo.\n", '')
        // The author's own comment stays, set apart as it was.
        .replace("  # Beat 'aside'\n  # Ana: revisar el tono\n  line.aside-1: Un aparte.\n", '  # Ana: revisar el tono\n')
        .replace("\n  # Beat 'epilogue'\n  line.epilogue-1: Fin.\n", '') + `\n${record(talk)}`,
    );
    expect(u.text).toContain("  choice.talk: Hablar.\n\n  # Ana: revisar el tono\n\n  # Beat 'close'\n");
    expect(u.text.endsWith(`  ending.agreed.debrief: Escuchar ayudó.\n\n${record(talk)}`)).toBe(true);
    // Kept, not asked to drop: every heading stays, and only the record is added.
    expect(updateTranslation(before, 'yaml', talk).text).toBe(`${before}\n${record(talk)}`);
  });

  it('writes texts given in braces out again one a line under their headings, the added ones marked, and keeps every other line as written', () => {
    const before = fixture('inline.es.yaml');
    const u = updateTranslation(before, 'yaml', talk, { dropStale: true });
    expect(u.added).toHaveLength(18);
    expect(u.stale).toEqual(['line.greet-one']);
    const lines = u.text.split('\n');
    // Above and below the texts, the file is as written; the comment after the braces stays on the line of `texts:`.
    expect(lines.slice(0, 5)).toEqual([...before.split('\n').slice(0, 4), "texts:  # a comment of the author's"]);
    expect(u.text.endsWith(`\n  ending.agreed.debrief: Listening helped. ${MARK}\n# The end of the file.\n\n${record(talk)}`)).toBe(true);
    expect(lines.slice(5, 11)).toEqual(['  # About the scenario', '  title: Una charla corta', '  summary: Dos enviados se reúnen.', `  period: A made-up morning ${MARK}`, `  objective.listen: Listen first. ${MARK}`, '']);
    expect(u.text).toContain(`\n\n  # Beat 'greet'\n  line.greet-1: Hello. ${MARK}\n`);
    expect(u.text).not.toContain('greet-one');
    const checked = checkTranslation(parseScenarioText(u.text, 'talk.es.yaml'), () => ({ found: talk, file: 'talk.yaml' }));
    expect(checked.diagnostics).toEqual([]);
  });

  it('adds to a JSON translation in the scenario’s order, each text written as its neighbours are, with no marks (JSON has no comments)', () => {
    const u = updateTranslation(fixture('talk.es.json'), 'json', talk);
    const data = JSON.parse(u.text) as { texts: Record<string, string> };
    expect(Object.keys(data.texts).slice(0, 3)).toEqual(['title', 'summary', 'period']);
    expect(data.texts['title']).toBe('Una charla corta');
    expect(data.texts['line.greet-1']).toBe('Hola.');
    expect(data.texts['line.close-1']).toBe('Then we agree.\nGood.');
    // The author's lines as written; each text added on a line of its own, indented as theirs.
    const added = (keys: string[]) => keys.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(data.texts[k])},\n`).join('');
    const [afterTitle, afterHello] = [u.added.slice(0, 11), u.added.slice(11)];
    expect(u.text).toBe(
      [
        '{',
        '  "backchannel": 1,',
        '  "translation": { "scenario": "talk", "language": "es" },',
        '  "texts": {',
        `    "title": "Una charla corta",\n${added(afterTitle)}    "line.greet-1": "Hola.",\n${added(afterHello).replace(/,\n$/, '')}`,
        '  },',
        // The record, written as the texts are: one a line, with their indent.
        '  "originals": {',
        textSlots(talk).map((t) => `    ${JSON.stringify(t.key)}: "${fingerprint(t.text)}"`).join(',\n'),
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps a JSON translation written on one line on one line, its escapes as written, and drops what the scenario no longer has with its comma', () => {
    const before = fixture('one-line.es.json');
    const u = updateTranslation(before, 'json', talk, { dropStale: true });
    expect(u.stale).toEqual(['line.greet-one', 'flag.warned']);
    expect(u.text.split('\n')).toHaveLength(2);
    expect(u.text.startsWith('{"backchannel": 1, "translation": {"scenario": "talk", "language": "es"}, "texts": {"title": "Una charla \\u00abcorta\\u00bb", "summary": "Two envoys meet.", ')).toBe(true);
    expect(u.text).toContain('"ending.agreed.debrief": "Listening helped."}, "originals": {"title": "');
    expect(u.text.endsWith(`"ending.agreed.debrief": "${fingerprint('Listening helped.')}"}}\n`)).toBe(true);
  });

  it('keeps Windows line ends, a byte-order mark, and a last line without a line break', () => {
    const before = `\uFEFF${fixture('talk.es.yaml').replace(/\n$/, '').replace(/\n/g, '\r\n')}`;
    const u = updateTranslation(before, 'yaml', talk);
    expect(u.text.startsWith('\uFEFF# Written for talk.yaml')).toBe(true);
    expect(u.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(u.text).toContain(`\r\n  ending.agreed.summary: "Acordaron."\r\n  ending.agreed.debrief: Listening helped. ${MARK}\r\n\r\n# Written by`);
    expect(u.text.endsWith(record(talk).replace(/\n/g, '\r\n'))).toBe(true);
  });
});

describe('a text still in the scenario’s words whose original changed', () => {
  // Written from revised.es.yaml with the two texts whose original changed left as the scenario had them then.
  const untranslated = fixture('revised.es.yaml')
    .replace('  line.greet-2: ¿Hablamos?   # Ana: ¿o «Conversamos»?\n', `  line.greet-2: Shall we talk? ${MARK}\n`)
    .replace('  line.close-1: |-\n    Entonces estamos\n    de acuerdo.\n', '  line.close-1: |-\n    Then we agree.\n');
  const check = (text: string, name = 'talk.es.yaml') => checkTranslation(parseScenarioText(text, name), () => ({ found: talk, file: 'talk.yaml' })).diagnostics;

  it('is not told as changed after it was translated: it never was', () => {
    expect(check(untranslated)).toEqual([]);
  });

  it('takes the new words, quoted or as a block as needed, keeps its mark or gets one, and is not marked to revise', () => {
    const u = updateTranslation(untranslated, 'yaml', talk);
    expect([u.revised, u.untranslated]).toEqual([[], ['line.greet-2', 'line.close-1']]);
    expect(u.text).toBe(
      untranslated
        .replace(`  line.greet-2: Shall we talk? ${MARK}\n`, `  line.greet-2: "Shall we talk: now?" ${MARK}\n`)
        .replace('  line.close-1: |-\n    Then we agree.\n', `  line.close-1: |- ${MARK}\n    Then we agree.\n    Good.\n`)
        .replace('  line.greet-2: "a7c3bab8"\n', `  line.greet-2: "${fingerprint('Shall we talk: now?')}"\n`)
        .replace('  line.close-1: "7c4ff3e0"\n', `  line.close-1: "${fingerprint('Then we agree.\nGood.')}"\n`),
    );
    expect(check(u.text)).toEqual([]);
    expect(updateTranslation(u.text, 'yaml', talk).text).toBe(u.text);
  });

  it('keeps a comment of the author on its line, and writes words that need a line break below it', () => {
    const before = untranslated.replace('  line.close-1: |-\n    Then we agree.\n', '  line.close-1: Then we agree.   # Ana: later\n');
    const u = updateTranslation(before, 'yaml', talk);
    expect(u.text).toContain(`\n  line.close-1: |-   # Ana: later ${MARK}\n    Then we agree.\n    Good.\n  choice.agree:`);
    expect(check(u.text)).toEqual([]);
  });

  it('in texts written in braces, and in a file written wholly in braces', () => {
    const braces = 'backchannel: 1\ntranslation: { scenario: talk, language: es }\ntexts: { line.greet-1: Hola., line.greet-2: Shall we talk? }\noriginals: { line.greet-1: "a521c1ff", line.greet-2: "a7c3bab8" }\n';
    const u = updateTranslation(braces, 'yaml', talk);
    expect(u.untranslated).toEqual(['line.greet-2']);
    expect(u.text).toContain(`\n  line.greet-2: "Shall we talk: now?" ${MARK}\n`);
    const whole = '{ backchannel: 1, translation: { scenario: talk, language: es }, texts: { line.greet-1: Hola., line.greet-2: Shall we talk? }, originals: { line.greet-1: "a521c1ff", line.greet-2: "a7c3bab8" } }\n';
    const w = updateTranslation(whole, 'yaml', talk);
    expect(w.untranslated).toEqual(['line.greet-2']);
    expect(w.text).toContain(`\n  line.greet-2: "Shall we talk: now?" ${MARK}\n`);
  });

  it('in JSON, takes the new words in place', () => {
    const before = fixture('revised.es.json').replace('"line.greet-2": "¿Hablamos?"', '"line.greet-2": "Shall we talk?"');
    expect(check(before, 'talk.es.json').map((d) => d.message)).toEqual(["the scenario's words for 'line.close-1' changed after it was translated"]);
    const u = updateTranslation(before, 'json', talk);
    expect([u.revised, u.untranslated]).toEqual([['line.close-1'], ['line.greet-2']]);
    expect(u.text).toContain('\n    "line.greet-2": "Shall we talk: now?",\n');
  });
});

describe('odd records', () => {
  const complete = readFileSync(fileURLToPath(new URL('../fixtures/tiny.es.yaml', import.meta.url)), 'utf8');
  const check = (text: string) => checkTranslation(parseScenarioText(text, 'tiny.es.yaml'), () => ({ found: tiny, file: 'tiny.yaml' })).diagnostics;

  it('gives a file written wholly in braces, with no record yet, one', () => {
    const data = parse(complete) as Record<string, unknown>;
    delete data['originals'];
    // JSON is YAML in braces: one flow mapping from the first { to the last }.
    const braces = `${JSON.stringify(data)}\n`;
    expect(braces.trimStart().startsWith('{')).toBe(true);
    expect(check(braces)).toEqual([]);
    const u = updateTranslation(braces, 'yaml', tiny);
    expect(u.recorded).toBe(true);
    expect(u.text).toContain(`\n${HEADING}originals:\n  title: "0985b08a"\n`);
    expect(check(u.text)).toEqual([]);
  });

  it('writes a kept key that YAML would read otherwise in quotes', () => {
    const before = complete.replace('  title: Una llamada', '  "old: key": Vieja\n  title: Una llamada').replace('  title: "0985b08a"\n', '  "old: key": "0badc0de"\n  title: "0985b08a"\n').replace('  line.hello-1: "a521c1ff"\n', '');
    const u = updateTranslation(before, 'yaml', tiny);
    expect([u.stale, u.assumed]).toEqual([['old: key'], ['line.hello-1']]);
    expect(u.text).toContain('\n  "old: key": "0badc0de"\n  title: "0985b08a"\n');
  });

  it('keeps the comments written among the lines of originals: when it writes the block again', () => {
    const before = complete
      .replace('originals:\n', 'originals:\n  # Ana: checked against the 2024 script\n')
      .replace('  line.hello-1: "a521c1ff"\n', '  # the greeting\n  line.hello-1: "a521c1ff"\n')
      .replace('  line.hello-2: "a7c3bab8"\n', '  line.gone: "0badc0de"\n  line.hello-2: "a7c3bab8"  # "Hablamos" kept\n')
      .replace('  ending.timeout.debrief: "4b52a27c"\n', '  ending.timeout.debrief: "4b52a27c"\n  # the end\n');
    const u = updateTranslation(before, 'yaml', tiny);
    expect(u.forgotten).toEqual(['line.gone']);
    expect(u.text).toBe(before.replace('  line.gone: "0badc0de"\n', '').replace('  # "Hablamos" kept', ' # "Hablamos" kept'));
  });

  it('reads a fingerprint put in capitals as the same one', () => {
    const upper = complete.replace('  title: "0985b08a"', '  title: "0985B08A"');
    expect(check(upper)).toEqual([]);
    expect(updateTranslation(upper, 'yaml', tiny).text).toBe(upper);
    const changed = updateTranslation(upper.replace('  line.hello-1: "a521c1ff"', '  line.hello-1: "A521C1F0"'), 'yaml', tiny);
    expect(changed.revised).toEqual(['line.hello-1']);
    expect(changed.text).toContain('\n  title: "0985b08a"\n');
  });

  it('cuts a long key in a message between characters, never inside an emoji', () => {
    const key = `${'x'.repeat(78)}😀😀😀`;
    const parsed = parseScenarioText(complete.replace('  title: "0985b08a"\n', `  title: "0985b08a"\n  ${key}: "0badc0de"\n`), 'tiny.es.yaml');
    expect(checkOriginals(parsed, tiny, 'update').map((d) => d.message)).toEqual([`'originals' has a fingerprint for '${'x'.repeat(78)}😀…', which is not a text of the scenario 'tiny'`]);
  });
});
