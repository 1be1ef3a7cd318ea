/**
 * Tiny inline scenarios for behaviour tests: a fixed header (one source,
 * one objective, one actor) around the part under test, so each test shows
 * only the beats, meters and endings it is about.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createActor } from 'xstate';
import { checkScenario } from '../../src/engine/check.js';
import { compileScenario, type CompiledScenario, type NegotiationEvent } from '../../src/engine/machine.js';
import { formatDiagnostic } from '../../src/scenario/diagnostics.js';
import { readScenario } from '../../src/scenario/load.js';

export const TINY_PATH = fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url));
export const TINY = readFileSync(TINY_PATH, 'utf8');

/** Removes the common indentation of a template literal, so fixtures can be indented in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

const ROLE = (id: string, side: string, start: string) => `  - id: ${id}
    side: ${side}
    name: Role ${id.toUpperCase()}
    summary: You play ${id}.
    start: ${start}
    briefing: [{ id: brief-${id}, text: Brief., source: notes }]
    goals: [{ id: goal-${id}, text: Goal., invented: true }]
`;

export interface HeaderOptions {
  /** The `sides:` list items; default one side `a` with walkaway 0. */
  sides?: string;
  /** Role ids with their side; default one role `a` on side `a`. */
  roles?: { id: string; side: string }[];
  /** The beat every role starts at; default `start`. */
  start?: string;
}

/**
 * A whole scenario file: the standard header, then `body` (meters, beats,
 * endings…). A body given in pieces has each piece dedented on its own.
 */
export function scenarioText(body: string | string[], options: HeaderOptions = {}): string {
  const roles = options.roles ?? [{ id: 'a', side: 'a' }];
  return [
    'backchannel: 1',
    'id: inline',
    'title: Inline',
    'summary: A scenario written inside a test.',
    'period: { label: Now }',
    'sources:',
    '  - { id: notes, title: Notes, publisher: Tests, date: "2026-01-01" }',
    'objectives:',
    '  - { id: learn, text: Learn. }',
    'parts:',
    '  - { id: open, title: Opening }',
    '  - { id: talk, title: Talks }',
    'sides:',
    dedent(options.sides ?? '- { id: a, name: Side A, walkaway: 0 }\n').replace(/^/gm, '  ').trimEnd(),
    'roles:',
    roles.map((r) => ROLE(r.id, r.side, options.start ?? 'start')).join('').trimEnd(),
    'actors:',
    '  - { id: envoy, name: The envoy, title: Invented character, portrait: envoy }',
    ...(Array.isArray(body) ? body : [body]).map((b) => dedent(b).trimEnd()),
    '',
  ].join('\n');
}

/** Reads and compiles a scenario, failing loudly (with the diagnostics) when it has errors. */
export function compileText(text: string): CompiledScenario {
  const read = readScenario(text, 'inline.yaml');
  if (!read.scenario) throw new Error(`fixture has errors:\n${read.diagnostics.map(formatDiagnostic).join('\n')}\n---\n${text}`);
  return compileScenario(read.scenario);
}

/** `scenarioText` then `compileText`. */
export function compile(body: string | string[], options: HeaderOptions = {}): CompiledScenario {
  return compileText(scenarioText(body, options));
}

/** The full check (with the proof) of an inline scenario. */
export function checkInline(body: string | string[], options: HeaderOptions = {}) {
  return checkScenario(scenarioText(body, options), 'inline.yaml');
}

/** Starts a call on the bare machine. */
export function start(compiled: CompiledScenario, role = 'a', seed = 1) {
  return createActor(compiled.machine, { input: { role, seed } }).start();
}

export const ADVANCE: NegotiationEvent = { type: 'ADVANCE' };
export const choose = (choice: string): NegotiationEvent => ({ type: 'CHOOSE', choice });
