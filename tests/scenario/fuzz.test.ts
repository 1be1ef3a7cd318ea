/**
 * Whatever a file holds, the checker answers with well-formed diagnostics
 * (a known code, a place in the file, a message) and never throws; when it
 * finds no error, it hands back a scenario.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { checkScenario, type CheckResult } from '../../src/engine/check.js';
import { CODES, type Diagnostic } from '../../src/scenario/diagnostics.js';
import { readScenario, type ReadResult } from '../../src/scenario/load.js';
import { LIMITS, parseScenarioText } from '../../src/scenario/parse.js';

const TINY = readFileSync(fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url)), 'utf8');
const TINY_LINES = TINY.split('\n');

/** How many lines a text has, as an editor counts them. */
const lineCount = (input: string | Uint8Array): number => {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  return text.split(/\r\n|\r|\n/).length;
};

function expectWellFormed(diagnostics: Diagnostic[], input: string | Uint8Array, file: string): void {
  expect(Array.isArray(diagnostics)).toBe(true);
  const lines = lineCount(input);
  for (const d of diagnostics) {
    expect(Object.keys(CODES)).toContain(d.code);
    expect(d.severity).toBe(CODES[d.code].severity);
    expect(d.file).toBe(file);
    expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
    expect(Number.isInteger(d.col) && d.col >= 1).toBe(true);
    // A diagnostic points inside the file.
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(typeof d.message).toBe('string');
    expect(d.message.trim().length).toBeGreaterThan(0);
    expect(Array.isArray(d.hints)).toBe(true);
    for (const h of d.hints) expect(h.trim().length).toBeGreaterThan(0);
  }
  // Sorted by place, so output is stable.
  for (let i = 1; i < diagnostics.length; i++) {
    const [a, b] = [diagnostics[i - 1]!, diagnostics[i]!];
    expect(a.line < b.line || (a.line === b.line && a.col <= b.col)).toBe(true);
  }
}

function expectReadResult(r: ReadResult, input: string | Uint8Array): void {
  expectWellFormed(r.diagnostics, input, 'fuzz.yaml');
  const errors = r.diagnostics.some((d) => d.severity === 'error');
  if (errors) expect(r.scenario).toBeUndefined();
  else expect(r.scenario).toBeDefined();
}

function expectCheckResult(r: CheckResult, input: string | Uint8Array): void {
  expectWellFormed(r.diagnostics, input, 'fuzz.yaml');
  const errors = r.diagnostics.some((d) => d.severity === 'error');
  if (errors) {
    expect(r.scenario).toBeUndefined();
  } else {
    expect(r.scenario).toBeDefined();
    expect(r.compiled).toBeDefined();
    expect(r.proof).toBeDefined();
  }
}

/** Both entry points, on the same input. */
function checkBoth(input: string | Uint8Array): void {
  expectReadResult(readScenario(input, 'fuzz.yaml'), input);
  expectCheckResult(checkScenario(input, 'fuzz.yaml'), input);
}

// ---- inputs ---------------------------------------------------------------

/** Text built from YAML's special characters, to reach the parser's corners. */
const yamlish = fc
  .array(
    fc.constantFrom(
      ':', ': ', '-', '- ', '\n', '\n  ', '  ', '#', '&a', '*a', '!!str', '!tag', '"', "'", '{', '}', '[', ']', ',', '|', '>', '?', '%YAML 1.2',
      '---', '...', 'key', 'id', 'backchannel: 1', '__proto__', '<<: *a', '\t', '\r\n', '\ufeff', '0x1F', '1e999', 'null', '~', 'true',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** One edit of tiny.yaml, as an author might make by mistake. */
const ids = [...new Set([...TINY.matchAll(/id: ([a-z][a-z0-9_-]*)/g)].map((m) => m[1]!))];
const mutation: fc.Arbitrary<string> = fc.oneof(
  // delete a line
  fc.nat(TINY_LINES.length - 1).map((i) => TINY_LINES.filter((_, j) => j !== i).join('\n')),
  // duplicate a line
  fc.nat(TINY_LINES.length - 1).map((i) => [...TINY_LINES.slice(0, i + 1), ...TINY_LINES.slice(i)].join('\n')),
  // swap two lines
  fc.tuple(fc.nat(TINY_LINES.length - 1), fc.nat(TINY_LINES.length - 1)).map(([i, j]) => {
    const l = [...TINY_LINES];
    [l[i], l[j]] = [l[j]!, l[i]!];
    return l.join('\n');
  }),
  // replace a character
  fc.tuple(fc.nat(TINY.length - 1), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })).map(([at, c]) => TINY.slice(0, at) + c + TINY.slice(at + 1)),
  // change one occurrence of an id into another id, or into something else
  fc
    .tuple(fc.constantFrom(...ids), fc.nat(20), fc.oneof(fc.constantFrom(...ids), fc.stringMatching(/^[a-zA-Z0-9_ -]{0,8}$/)))
    .map(([from, nth, to]) => {
      const re = new RegExp(`\\b${from}\\b`, 'g');
      let k = 0;
      const hits = (TINY.match(re) ?? []).length;
      return TINY.replace(re, (m) => (k++ === nth % Math.max(hits, 1) ? to : m));
    }),
  // change a number
  fc.tuple(fc.nat(30), fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double(), fc.constantFrom('-', '1.5.2', '0x10', '"3"'))).map(([nth, to]) => {
    let k = 0;
    const hits = (TINY.match(/-?\d+(\.\d+)?/g) ?? []).length;
    return TINY.replace(/-?\d+(\.\d+)?/g, (m) => (k++ === nth % hits ? String(to) : m));
  }),
);

/** tiny.yaml's data with one value, anywhere, replaced by arbitrary JSON. */
const tinyData = parseYaml(TINY) as unknown;
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
const tinyPaths = paths(tinyData).filter((p) => p.length > 0);
const replaced = fc.tuple(fc.constantFrom(...tinyPaths), fc.jsonValue({ maxDepth: 3 })).map(([path, value]) => {
  const copy = structuredClone(tinyData) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
});

// ---- properties -------------------------------------------------------------

describe('never throws, always answers well', () => {
  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), checkBoth), { numRuns: 250 });
  });

  it('strings made of YAML syntax', () => {
    fc.assert(fc.property(yamlish, checkBoth), { numRuns: 300 });
  });

  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), checkBoth), { numRuns: 250 });
  });

  it('arbitrary JSON values, written as JSON and as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, asJson) => {
        const text = asJson ? JSON.stringify(value, null, 2) : stringifyYaml(value);
        checkBoth(text);
      }),
      { numRuns: 250 },
    );
  });

  it('tiny.yaml with one value replaced by arbitrary JSON, written as YAML and as JSON', () => {
    fc.assert(
      fc.property(replaced, fc.boolean(), (data, asJson) => {
        checkBoth(asJson ? JSON.stringify(data) : stringifyYaml(data));
      }),
      { numRuns: 150 },
    );
  });

  it('one edit of tiny.yaml: a line deleted, duplicated or swapped, a character, an id or a number changed', () => {
    // The full check (which reads first) is enough here: most edits leave a
    // valid scenario, and the proof is what takes the time.
    fc.assert(
      fc.property(mutation, (text) => expectCheckResult(checkScenario(text, 'fuzz.yaml'), text)),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('reading JSON', () => {
  /** Keys a file may not use, and more nesting than allowed, are refused on purpose. */
  const acceptable = (v: unknown, depth = 0): boolean => {
    if (depth > LIMITS.maxDepth) return false;
    if (Array.isArray(v)) return v.every((x) => acceptable(x, depth + 1));
    if (v && typeof v === 'object') return Object.entries(v).every(([k, x]) => !['__proto__', 'constructor', 'prototype'].includes(k) && acceptable(x, depth + 1));
    return true;
  };

  it('an object read from JSON is the same data JSON.parse gives, whatever the spacing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 5 })), fc.constantFrom(undefined, 2, '\t'), (obj, space) => {
        fc.pre(acceptable(obj));
        const text = JSON.stringify(obj, null, space);
        const parsed = parseScenarioText(text, 'fuzz.json');
        expect(parsed.diagnostics).toEqual([]);
        expect(parsed.data).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('tiny.yaml written as JSON reads as the same scenario, with no diagnostics', () => {
    const fromYaml = readScenario(TINY, 'tiny.yaml');
    const fromJson = readScenario(JSON.stringify(tinyData, null, 2), 'tiny.json');
    expect(fromJson.diagnostics).toEqual([]);
    expect(fromJson.scenario).toEqual(fromYaml.scenario);
  });

  it('a JSON value points at its own line and column', () => {
    const text = JSON.stringify({ ...(tinyData as object), backchannel: 1, id: 'Not An Id' }, null, 2);
    const r = readScenario(text, 'tiny.json');
    const line = text.split('\n').findIndex((l) => l.includes('"Not An Id"')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('"Not An Id"') + 1;
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['BC205', line, col]]);
  });
});
