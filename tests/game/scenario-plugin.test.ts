import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { checkScenarioFolder, isScenarioFile, scenarioPlugin, virtualModuleSource } from '../../src/game/build/scenario-plugin.js';

const tiny = path.resolve(import.meta.dirname, '../fixtures/tiny.yaml');
const made: string[] = [];
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bc-plugin-'));
  made.push(root);
  mkdirSync(path.join(root, 'scenarios'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('which files are scenarios', () => {
  it('takes YAML and JSON but not the JSON Schema', () => {
    expect(isScenarioFile('the-call.yaml')).toBe(true);
    expect(isScenarioFile('x.yml')).toBe(true);
    expect(isScenarioFile('x.json')).toBe(true);
    expect(isScenarioFile('backchannel-scenario.schema.json')).toBe(false);
    expect(isScenarioFile('README.md')).toBe(false);
  });
});

describe('checking the folder', () => {
  it('keeps good scenarios and reports errors as FILE:LINE:COL lines', () => {
    const root = project({ 'scenarios/backchannel-scenario.schema.json': '{"not":"a scenario"}', 'scenarios/broken.yaml': 'backchannel: 1\nid: Broken Id\n' });
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root);
    expect(r.scenarios.map((s) => s.scenario.id)).toEqual(['tiny']);
    expect(r.scenarios[0]!.file).toBe('scenarios/tiny.yaml');
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.every((d) => d.file === 'scenarios/broken.yaml')).toBe(true);
    const src = virtualModuleSource(r, true);
    expect(src).toMatch(/scenarios\/broken\.yaml:\d+:\d+: error BC\d{3}: /);
    expect(virtualModuleSource(r, false)).toContain('export const problems = [];');
  });

  it('refuses two scenarios with the same id', () => {
    const root = project({});
    copyFileSync(tiny, path.join(root, 'scenarios/a.yaml'));
    copyFileSync(tiny, path.join(root, 'scenarios/b.yaml'));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root);
    expect(r.scenarios).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'scenarios/b.yaml', code: 'BC300' });
  });

  it('gives the scenarios as data the virtual module parses back', async () => {
    const root = project({});
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(virtualModuleSource(r, true))}`)) as { scenarios: { scenario: { id: string } }[]; problems: string[] };
    expect(mod.scenarios[0]!.scenario.id).toBe('tiny');
    expect(mod.problems).toEqual([]);
  });
});

const page = '<!doctype html><title>t</title><script type="module" src="/main.js"></script>';
const main = "import { scenarios, problems } from 'virtual:scenarios'; console.log(scenarios.length, problems.length);";

describe('in Vite', () => {
  it('fails the build with the checker lines when a scenario has an error', async () => {
    const root = project({ 'index.html': page, 'main.js': main, 'scenarios/broken.yaml': 'backchannel: 1\nid: x\ntitle: 3\n' });
    const run = build({ root, configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], build: { outDir: path.join(root, 'dist'), write: false } });
    await expect(run).rejects.toThrow(/scenarios\/broken\.yaml:\d+:\d+: error BC\d{3}: /);
  }, 30_000);

  it('builds when every scenario is valid', async () => {
    const root = project({ 'index.html': page, 'main.js': main });
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    await build({ root, configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], build: { outDir: path.join(root, 'dist') } });
    const js = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
    expect(js).toContain('<script');
  }, 30_000);

  it('serves problems to the page in development instead of failing', async () => {
    const root = project({ 'index.html': page, 'main.js': main, 'scenarios/broken.yaml': 'backchannel: 1\nid: x\n' });
    const server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], server: { middlewareMode: true, ws: false } });
    try {
      const r = await server.transformRequest('virtual:scenarios');
      expect(r?.code).toMatch(/scenarios\/broken\.yaml:\d+:\d+: error BC\d{3}/);
    } finally {
      await server.close();
    }
  }, 30_000);
});
