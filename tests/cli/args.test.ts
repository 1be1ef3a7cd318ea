/**
 * Options that `npm run` kept for itself because the author left out the
 * `--` after the script's name: the tools say so, with the command to type.
 */
import { describe, expect, it } from 'vitest';
import { npmKept, parseArgs, UsageError, type ArgSpec } from '../../src/cli/args.js';

const SIMULATE: ArgSpec = { tool: 'simulate', valued: ['runs', 'seed', 'role'], flags: ['json', 'help'] };
const GRAPH: ArgSpec = { tool: 'graph', valued: ['format'], flags: ['help'], values: { format: ['mermaid', 'dot'] } };
const VALIDATE: ArgSpec = { tool: 'validate', valued: [], flags: ['quiet', 'help'] };
const RESULTS: ArgSpec = { tool: 'results', valued: [], flags: ['csv', 'help'] };
const TRANSLATION: ArgSpec = { tool: 'translation', valued: ['update'], flags: ['write', 'drop-stale', 'help'] };
/** What npm hands a script it runs, and the settings it kept. */
const byNpm = (kept: Record<string, string>) => ({ npm_lifecycle_event: 'x', ...Object.fromEntries(Object.entries(kept).map(([k, v]) => [`npm_config_${k}`, v])) });

describe('options npm kept for itself', () => {
  it('--runs 10: npm kept the option and left its value among the file names', () => {
    expect(npmKept(['scenarios/x.yaml', '10'], SIMULATE, byNpm({ runs: 'true' }))?.message).toBe(
      [
        "npm kept --runs for itself, so simulate never saw it: `npm run` needs -- between the script's name and the tool's options. Type:",
        '  npm run simulate -- scenarios/x.yaml --runs 10',
      ].join('\n'),
    );
  });

  it('--runs=10: npm kept the option with its value', () => {
    expect(npmKept(['scenarios/x.yaml'], SIMULATE, byNpm({ runs: '10' }))?.message.split('\n')[1]).toBe('  npm run simulate -- scenarios/x.yaml --runs 10');
  });

  it('a flag (--json) is put back after the file', () => {
    expect(npmKept(['scenarios/x.yaml'], SIMULATE, byNpm({ json: 'true' }))?.message.split('\n')).toEqual([
      "npm kept --json for itself, so simulate never saw it: `npm run` needs -- between the script's name and the tool's options. Type:",
      '  npm run simulate -- scenarios/x.yaml --json',
    ]);
  });

  it('two values left behind cannot be told apart: the command shows where they go, and names them', () => {
    expect(npmKept(['scenarios/x.yaml', '10', '3'], SIMULATE, byNpm({ runs: 'true', seed: 'true', json: 'true' }))?.message.split('\n')).toEqual([
      "npm kept --runs, --seed and --json for itself, so simulate never saw them: `npm run` needs -- between the script's name and the tool's options. Type:",
      '  npm run simulate -- scenarios/x.yaml --runs … --seed … --json',
      '  with the values you wrote (10, 3), each in place of … after its option.',
    ]);
  });

  it('--format dot: npm takes --format for one of its own options and hands on nothing, but leaves dot behind', () => {
    expect(npmKept(['scenarios/x.yaml', 'dot'], GRAPH, { npm_lifecycle_event: 'graph' })?.message.split('\n')[1]).toBe('  npm run graph -- scenarios/x.yaml --format dot');
  });

  it('every tool: validate and results flags too, with file names that need quotes kept whole', () => {
    expect(npmKept(['My scenarios/a.yaml', 'b.yaml'], VALIDATE, byNpm({ quiet: 'true' }))?.message.split('\n')[1]).toBe('  npm run validate -- "My scenarios/a.yaml" b.yaml --quiet');
    expect(npmKept(['class'], RESULTS, byNpm({ csv: 'true' }))?.message.split('\n')[1]).toBe('  npm run results -- class --csv');
    expect(npmKept(['--update', 'x.es.yaml'], TRANSLATION, byNpm({ write: 'true', drop_stale: 'true' }))?.message.split('\n')[1]).toBe(
      '  npm run translation -- --update x.es.yaml --write --drop-stale',
    );
  });

  it('says nothing when the options came through, or when npm did not start the tool', () => {
    expect(npmKept(['x.yaml', '--runs', '10'], SIMULATE, byNpm({ runs: 'true' }))).toBeUndefined();
    expect(npmKept(['x.yaml', '--runs=10'], SIMULATE, byNpm({ runs: '10' }))).toBeUndefined();
    expect(npmKept(['x.yaml', '10'], SIMULATE, { npm_config_runs: 'true' })).toBeUndefined();
    expect(npmKept(['x.yaml'], SIMULATE, byNpm({ yes: 'true', cache: '/root/.npm' }))).toBeUndefined();
    // A scenario file that happens to be named like a format is a file, not a value left behind.
    expect(npmKept(['dot'], GRAPH, { npm_lifecycle_event: 'graph' })).toBeUndefined();
  });

  it('is a usage error, raised before the leftover value is taken for a second file', () => {
    expect(() => parseArgs(['x.yaml', '10'], SIMULATE, byNpm({ runs: 'true' }))).toThrow(UsageError);
    expect(npmKept(['x.yaml', '10'], SIMULATE, byNpm({ runs: 'true' }))?.proven).toBe(true);
    expect(npmKept(['x.yaml', 'dot'], GRAPH, { npm_lifecycle_event: 'graph' })?.proven).toBe(true);
  });

  it('only tells, and goes on, when nothing was left behind: the setting may come from an .npmrc (json=true)', () => {
    expect(npmKept(['x.yaml'], SIMULATE, byNpm({ json: 'true' }))?.proven).toBe(false);
    expect(npmKept(['x.yaml'], SIMULATE, byNpm({ runs: '10' }))?.proven).toBe(false);
    const args = parseArgs(['x.yaml'], SIMULATE, byNpm({ json: 'true' }));
    expect(args.files).toEqual(['x.yaml']);
    expect(args.flags.has('json')).toBe(false);
  });
});
