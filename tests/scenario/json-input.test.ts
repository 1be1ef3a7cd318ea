/**
 * Scenarios written as JSON: read by the fast JSON reader, with the same
 * positions and codes as YAML, and the committed JSON Schema kept current.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkScenario } from '../../src/engine/check.js';
import { scenarioJsonSchema, translationJsonSchema } from '../../src/scenario/json-schema.js';
import { parseScenarioText } from '../../src/scenario/parse.js';

const tiny = parse(readFileSync(new URL('../fixtures/tiny.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const pretty = JSON.stringify(tiny, null, 2);

describe('JSON scenarios', () => {
  it('a valid JSON scenario checks clean and compiles', () => {
    const r = checkScenario(pretty, 'tiny.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.compiled?.scenario.id).toBe('tiny');
  });
  it('an unknown key is reported at its own line and column', () => {
    const text = pretty.replace('"title": "A tiny call"', '"titel": "A tiny call"');
    const lineNo = text.split('\n').findIndex((l) => l.includes('"titel"')) + 1;
    const d = checkScenario(text, 'tiny.json').diagnostics.find((x) => x.code === 'BC202');
    expect(d).toMatchObject({ line: lineNo, col: 3, message: "unknown key 'titel' in a scenario" });
    expect(d!.hints[0]).toBe("Did you mean 'title'?");
  });
  it('a missing comma at the end of a line is reported there, where it goes, not on the next line', () => {
    const text = pretty.replace('"id": "tiny",', '"id": "tiny"');
    const lines = text.split('\n');
    const lineNo = lines.findIndex((l) => l.includes('"id": "tiny"')) + 1;
    const [d] = checkScenario(text, 'tiny.json').diagnostics;
    expect(d).toMatchObject({ code: 'BC103', line: lineNo, col: lines[lineNo - 1]!.length + 1, severity: 'error', message: 'syntax error: a comma is missing after this value' });
    expect(d!.hints).toEqual(['Add a comma here: in JSON, the items of a list or mapping are separated by commas.']);
  });
  it('a stray word on the next line of a mapping is not taken for a missing comma (only a key in quotes can follow there)', () => {
    const [d] = checkScenario('{"backchannel": 1\n nope}', 'x.json').diagnostics;
    expect(d).toMatchObject({ line: 2, col: 2, message: 'syntax error: expected "," or "}"' });
  });
  it('a text without its closing quote is reported where it opens', () => {
    const seen = (text: string) => checkScenario(text, 'x.json').diagnostics.map((d) => [d.line, d.col, d.message]);
    expect(seen('{\n  "backchannel": 1,\n  "id": "x,\n  "title": "T"\n}\n')).toEqual([[3, 9, 'syntax error: this text is not closed with " before the end of its line']]);
  });
  it('a bracket left open is named: at the wrong closing bracket, or where it opens when the file ends first', () => {
    const seen = (text: string) => checkScenario(text, 'x.json').diagnostics.map((d) => [d.line, d.col, d.message, d.hints]);
    expect(seen('{\n  "a": { "b": [1, 2\n}\n')).toEqual([[3, 1, 'syntax error: a ] is missing here, to close the [ opened at line 2', ['Add ] before this }.']]]);
    expect(seen('{\n  "backchannel": 1,\n  "a": { "b": 2\n')).toEqual([
      [3, 8, 'syntax error: this { is never closed with }', ['Add } where the mapping ends, and check that every { and [ opened after it is closed too.']],
    ]);
  });
  it('a trailing comma is pointed at, before } and before ]', () => {
    const seen = (text: string) => checkScenario(text, 'x.json').diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints]);
    const hints = ['Remove this comma: JSON allows no comma before } or ].'];
    expect(seen('{\n  "backchannel": 1,\n  "note": "x",\n}\n')).toEqual([['BC103', 3, 14, 'syntax error: a comma just before }', hints]]);
    expect(seen('{\n  "tags": ["a", "b",\n  ]\n}\n')).toEqual([['BC103', 2, 20, 'syntax error: a comma just before ]', hints]]);
  });
  it('a comment says JSON has none, for // and /* */', () => {
    const seen = (text: string) => checkScenario(text, 'x.json').diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints]);
    const hints = ['Remove it, or write the scenario in YAML, which allows # comments.'];
    expect(seen('{\n  // the version\n  "backchannel": 1\n}\n')).toEqual([['BC103', 2, 3, 'syntax error: JSON has no comments', hints]]);
    expect(seen('{ "backchannel": 1, /* the id */ "id": "x" }')).toEqual([['BC103', 1, 21, 'syntax error: JSON has no comments', hints]]);
  });
  it('a key without quotes is told to be quoted', () => {
    expect(checkScenario('{ backchannel: 1 }', 'x.json').diagnostics.map((d) => [d.line, d.col, d.message, d.hints])).toEqual([
      [1, 3, 'syntax error: expected a key in "double quotes"', ['Write every key in "double quotes", e.g. "id": "safe-passage".']],
    ]);
  });
  it('curly quotes in place of straight ones, around a key or a value, are named', () => {
    const seen = (text: string) => checkScenario(text, 'x.json').diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints]);
    const hints = ['Write straight double quotes ("): quotes typed by a word processor (“ ” ‘ ’) are not quotes to JSON.'];
    expect(seen('{\n  "backchannel": 1,\n  "id": “tiny”\n}\n')).toEqual([['BC103', 3, 9, 'syntax error: a curly quote (“) where text needs a straight double quote (")', hints]]);
    expect(seen('{\n  "backchannel": 1,\n  “id”: "tiny"\n}\n')).toEqual([['BC103', 3, 3, 'syntax error: a curly quote (“) where a key needs a straight double quote (")', hints]]);
    // Inside straight quotes they are text: only an id is told about them (BC205).
    const quoted = pretty.replace('"text": "Hello."', '"text": "“Hello.”"');
    expect(quoted).not.toBe(pretty);
    expect(checkScenario(quoted, 'tiny.json').diagnostics).toEqual([]);
  });
  it('a duplicate key and a __proto__ key are refused', () => {
    expect(checkScenario('{"backchannel": 1,\n "id": "a", "id": "b"}', 'd.json').diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([
      ['BC106', 2, 13, "the key 'id' appears twice in this mapping (first at line 2)"],
    ]);
    expect(checkScenario('{"backchannel": 1, "__proto__": {"polluted": true}}', 'p.json').diagnostics[0]).toMatchObject({ code: 'BC105' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('records the offset of every value and key exactly where the YAML library finds them', () => {
    const flagship = parse(readFileSync(new URL('../../scenarios/the-call.yaml', import.meta.url), 'utf8')) as unknown;
    const texts = [pretty, JSON.stringify(flagship), JSON.stringify(flagship, null, 1), '{"a": {}, "b": [], "c": [[], {"d": [1, "x", null]}], "e": {"f": {"g": true}}}'];
    // A leading comment keeps the text away from the JSON reader; the library then reads it as YAML.
    const prefix = '# read by the library\n';
    for (const text of texts) {
      const json = parseScenarioText(text, 'x.json');
      const lib = parseScenarioText(prefix + text, 'x.yaml', { libraryOnly: true });
      expect(json.reader).toBe('json');
      expect(lib.reader).toBe('yaml');
      const shift = (m: ReadonlyMap<string, number>) => Object.fromEntries([...m].map(([k, v]) => [k, v - prefix.length]));
      expect(Object.fromEntries(json.valueAt)).toEqual(shift(lib.valueAt));
      expect(Object.fromEntries(json.keyAt)).toEqual(shift(lib.keyAt));
      expect(json.data).toEqual(lib.data);
    }
  });
  it('a JSON list at the top is not a scenario', () => {
    expect(checkScenario('[1, 2]', 'l.json').diagnostics[0]).toMatchObject({ code: 'BC107' });
  });
});

describe('the JSON Schema for editors', () => {
  it('scenarios/backchannel-scenario.schema.json matches the format (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL('../../scenarios/backchannel-scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchema());
    expect(readFileSync(new URL('../../scenarios/backchannel-translation.schema.json', import.meta.url), 'utf8')).toBe(translationJsonSchema());
  });
  it('describes the top-level keys an author writes', () => {
    const schema = JSON.parse(scenarioJsonSchema()) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['backchannel', 'beats', 'endings', 'terms', 'roles']));
    expect(schema.required).toEqual(expect.arrayContaining(['backchannel', 'id', 'beats']));
  });
});
