import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { checkScenarioFolder, DEV_FILE, isScenarioFile, scenarioData, scenarioPlugin } from '../../src/game/build/scenario-plugin.js';
import { readScenarioData } from '../../src/game/scenario-data.js';

const tiny = path.resolve(import.meta.dirname, '../fixtures/tiny.yaml');
const tinyEs = path.resolve(import.meta.dirname, '../fixtures/tiny.es.yaml');
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
    const dev = scenarioData(r, true);
    expect(dev.problems.join('\n')).toMatch(/scenarios\/broken\.yaml:\d+:\d+: error BC\d{3}: /);
    expect(scenarioData(r, false).problems).toEqual([]);
  });

  it('refuses two scenarios with the same id', () => {
    const root = project({});
    copyFileSync(tiny, path.join(root, 'scenarios/a.yaml'));
    copyFileSync(tiny, path.join(root, 'scenarios/b.yaml'));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root);
    expect(r.scenarios).toHaveLength(1);
    // At the id of the second file, which the author must change.
    expect(r.errors[0]).toMatchObject({ file: 'scenarios/b.yaml', code: 'BC300', line: 2, col: 5, message: "the scenario id 'tiny' is already used by scenarios/a.yaml" });
  });

  it('gives the scenarios as JSON that the page reads back', () => {
    const root = project({});
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root);
    const data = readScenarioData(JSON.parse(JSON.stringify(scenarioData(r, true))));
    expect(data?.scenarios[0]!.scenario.id).toBe('tiny');
    expect(data?.scenarios[0]!.scenario).toEqual(r.scenarios[0]!.scenario);
    expect(data?.problems).toEqual([]);
  });
});

describe('translations in the folder', () => {
  it('are checked against their scenario and travel with it in the JSON', () => {
    const root = project({});
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    copyFileSync(tinyEs, path.join(root, 'scenarios/tiny.es.yaml'));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root);
    expect([r.errors, r.warnings]).toEqual([[], []]);
    expect(r.scenarios.map((s) => s.scenario.id)).toEqual(['tiny']);
    const data = readScenarioData(JSON.parse(JSON.stringify(scenarioData(r, true))));
    const t = data?.scenarios[0]!.translations;
    expect(t?.map((x) => [x.file, x.language])).toEqual([['scenarios/tiny.es.yaml', 'es']]);
    expect(t?.[0]!.texts['line.hello-2']).toBe('¿Hablamos?');
    // The record of the words each text was translated from is for authors: the page is given the texts alone.
    expect(readFileSync(tinyEs, 'utf8')).toContain('\noriginals:\n');
    expect(Object.keys(t![0]!)).toEqual(['file', 'language', 'texts']);
    expect(JSON.stringify(scenarioData(r, false))).not.toContain('originals');
  });

  it('a broken translation is an error in its own lines, and the scenario still plays, untranslated', () => {
    const root = project({ 'scenarios/tiny.es.yaml': readFileSync(tinyEs, 'utf8').replace('line.hello-2:', 'line.helo-2:'), 'scenarios/lost.fr.yaml': 'backchannel: 1\ntranslation: { scenario: tinny, language: fr }\ntexts: { title: Un appel }\n' });
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root);
    expect(r.errors.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.hints[0]}`)).toEqual([
      "scenarios/lost.fr.yaml:2:26 BC700 Did you mean 'tiny'?",
      "scenarios/tiny.es.yaml:37:3 BC702 Did you mean 'line.hello-2'?",
    ]);
    expect(r.scenarios[0]!.translations).toBeUndefined();
    // In development the page learns which translation failed, to tell a reader who asks for its language.
    const dev = scenarioData(r, true);
    expect(dev.translationProblems?.map((p) => [p.file, p.scenario, p.language, p.problems.length])).toEqual([
      ['scenarios/lost.fr.yaml', 'tinny', 'fr', 1],
      ['scenarios/tiny.es.yaml', 'tiny', 'es', 1],
    ]);
    expect(readScenarioData(JSON.parse(JSON.stringify(dev)))).not.toBeNull();
    expect(scenarioData(r, false).translationProblems).toBeUndefined();
  });

  it('a mended copy beside a broken translation is told, in the build as by validate, that the other has errors and which to delete', () => {
    const taken = path.resolve(import.meta.dirname, '../fixtures/translation-taken');
    const root = project({});
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    for (const f of ['tiny.es.yaml', 'tiny-mended.es.yaml']) copyFileSync(path.join(taken, f), path.join(root, 'scenarios', f));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root);
    expect(r.errors.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`)).toEqual([
      "scenarios/tiny-mended.es.yaml:5:13 BC704 scenarios/tiny.es.yaml translates the scenario 'tiny' into es too, and has 1 error of its own",
      'scenarios/tiny.es.yaml:9:3 BC702 unknown key \'line.helo-1\': the scenario \'tiny\' has no such text',
    ]);
    expect(r.errors[0]!.hints[0]).toBe('If this file is a mended copy of it, delete scenarios/tiny.es.yaml: the build stops on its errors, and once they are fixed, refuses two translations into es.');
  });

  it('a translation is checked again when its scenario changes, though the translation did not', () => {
    const root = project({});
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    copyFileSync(tinyEs, path.join(root, 'scenarios/tiny.es.yaml'));
    const cache = new Map();
    expect(checkScenarioFolder(path.join(root, 'scenarios'), root, cache).errors).toEqual([]);
    writeFileSync(path.join(root, 'scenarios/tiny.yaml'), readFileSync(tiny, 'utf8').replaceAll('hello-2', 'hello-two'));
    const r = checkScenarioFolder(path.join(root, 'scenarios'), root, cache);
    expect(r.errors.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual(["scenarios/tiny.es.yaml BC702 unknown key 'line.hello-2': the scenario 'tiny' has no such text"]);
  });
});

const page = '<!doctype html><title>t</title><script type="module" src="/main.js"></script>';
const main = "import { scenariosUrl } from 'virtual:scenarios'; fetch(scenariosUrl).then((r) => r.json()).then((d) => console.log(d.scenarios.length));";

describe('in Vite', () => {
  it('fails the build with the checker lines when a scenario has an error', async () => {
    const root = project({ 'index.html': page, 'main.js': main, 'scenarios/broken.yaml': 'backchannel: 1\nid: x\ntitle: 3\n' });
    const run = build({ root, configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], build: { outDir: path.join(root, 'dist'), write: false } });
    await expect(run).rejects.toThrow(/scenarios\/broken\.yaml:\d+:\d+: error BC\d{3}: /);
  }, 30_000);

  it('fails the build with the checker lines when a translation has an error', async () => {
    const root = project({ 'index.html': page, 'main.js': main, 'scenarios/tiny.es.yaml': 'backchannel: 1\ntranslation: { scenario: tiny, language: es }\ntexts:\n  titel: Una llamada\n' });
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    const run = build({ root, configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], build: { outDir: path.join(root, 'dist'), write: false } });
    await expect(run).rejects.toThrow(/scenarios\/tiny\.es\.yaml:4:3: error BC702: unknown key 'titel': the scenario 'tiny' has no such text\n {2}Did you mean 'title'\?/);
  }, 30_000);

  // `npm run build` is scripts/build.ts: the same build, told in words when it fails.
  it('npm run build stops on a broken scenario with the checker lines and no stack frames', () => {
    const ROOT = path.resolve(import.meta.dirname, '../..');
    const plugin = path.join(ROOT, 'src/game/build/scenario-plugin.ts');
    const root = project({
      'index.html': page,
      'main.js': main,
      'scenarios/broken.yaml': 'backchannel: 1\nid: x\ntitle: 3\n',
      'vite.config.ts': `import { scenarioPlugin } from ${JSON.stringify(plugin)};\nexport default { logLevel: 'silent', plugins: [scenarioPlugin()] };\n`,
    });
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/build.ts')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^scenarios\/broken\.yaml:\d+:\d+: error BC\d{3}: /m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('writes the scenarios as a JSON file beside the code, preloaded by the page, and not inside the code', async () => {
    const root = project({ 'index.html': page, 'main.js': main });
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    const outDir = path.join(root, 'dist');
    await build({ root, base: './', configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], build: { outDir } });
    const assets = readdirSync(path.join(outDir, 'assets'));
    const json = assets.filter((f) => /^scenarios-[A-Za-z0-9]+\.json$/.test(f));
    expect(json).toHaveLength(1);
    const data = readScenarioData(JSON.parse(readFileSync(path.join(outDir, 'assets', json[0]!), 'utf8')));
    expect(data?.scenarios.map((s) => [s.file, s.scenario.id])).toEqual([['scenarios/tiny.yaml', 'tiny']]);
    expect(data?.scenarios[0]!.scenario.title).toBe('A tiny call');
    expect(data?.problems).toEqual([]);
    // The page asks for it early, by a path relative to the page, in the mode fetch() uses.
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const link = /<link rel="preload" href="([^"]+)" as="fetch"[^>]*>/.exec(html);
    expect(link?.[1]).toBe(`./assets/${json[0]}`);
    expect(link?.[0]).toMatch(/ crossorigin/);
    // The code knows the file by name and carries none of its text.
    const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(outDir, 'assets', f), 'utf8')).join('\n');
    expect(js).toContain(json[0]);
    expect(js).not.toContain('A tiny call');
  }, 30_000);

  it('names the file by its content, so a changed scenario gets a new name', async () => {
    const names: string[] = [];
    for (const title of ['A tiny call', 'A tinier call']) {
      const root = project({ 'index.html': page, 'main.js': main });
      writeFileSync(path.join(root, 'scenarios/tiny.yaml'), readFileSync(tiny, 'utf8').replace('title: A tiny call', `title: ${title}`));
      await build({ root, configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], build: { outDir: path.join(root, 'dist') } });
      names.push(readdirSync(path.join(root, 'dist/assets')).find((f) => f.endsWith('.json'))!);
    }
    expect(names[0]).not.toBe(names[1]);
  }, 30_000);

  it('in development, a broken translation shows in the error overlay at its line, and in the data the page reads', async () => {
    const root = project({ 'index.html': page, 'main.js': main, 'scenarios/tiny.es.yaml': 'backchannel: 1\ntranslation: { scenario: tiny, language: es }\ntexts:\n  titel: Una llamada\n' });
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    const server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], server: { host: '127.0.0.1', port: 0, ws: false } });
    try {
      await server.listen();
      const sent: { type: string; err?: { message?: string; loc?: { file: string; line: number; column: number } } }[] = [];
      server.ws.send = ((payload: (typeof sent)[number]) => void sent.push(payload)) as typeof server.ws.send;
      const data = readScenarioData(await (await fetch(new URL(DEV_FILE, server.resolvedUrls!.local[0]!))).json());
      expect(data?.scenarios.map((s) => s.scenario.id)).toEqual(['tiny']);
      expect(data?.problems).toEqual(["scenarios/tiny.es.yaml:4:3: error BC702: unknown key 'titel': the scenario 'tiny' has no such text\n  Did you mean 'title'?"]);
      expect(data?.translationProblems?.map((p) => [p.scenario, p.language])).toEqual([['tiny', 'es']]);
      const shown = sent.filter((p) => p.type === 'error').at(-1);
      expect(shown?.err?.message).toContain("scenarios/tiny.es.yaml:4:3: error BC702: unknown key 'titel'");
      expect(shown?.err?.loc).toEqual({ file: path.join(root, 'scenarios/tiny.es.yaml'), line: 4, column: 3 });
    } finally {
      await server.close();
    }
  }, 30_000);

  it('serves the checked folder in development, problems included, instead of failing', async () => {
    const root = project({ 'index.html': page, 'main.js': main, 'scenarios/broken.yaml': 'backchannel: 1\nid: x\n' });
    copyFileSync(tiny, path.join(root, 'scenarios/tiny.yaml'));
    const server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: [scenarioPlugin()], server: { host: '127.0.0.1', port: 0, ws: false } });
    try {
      await server.listen();
      const sent: { type: string; err?: { id?: string; loc?: { file: string; line: number; column: number } } }[] = [];
      server.ws.send = ((payload: (typeof sent)[number]) => void sent.push(payload)) as typeof server.ws.send;
      const base = server.resolvedUrls!.local[0]!;
      const res = await fetch(new URL(DEV_FILE, base));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const data = readScenarioData(await res.json());
      expect(data?.scenarios.map((s) => s.scenario.id)).toEqual(['tiny']);
      expect(data?.problems.join('\n')).toMatch(/scenarios\/broken\.yaml:\d+:\d+: error BC\d{3}/);
      // The error overlay links to the broken file at its first error, not to the folder.
      const shown = sent.filter((p) => p.type === 'error').at(-1);
      const [, line, col] = /scenarios\/broken\.yaml:(\d+):(\d+)/.exec(data!.problems[0]!)!;
      expect(shown?.err?.id).toBe(path.join(root, 'scenarios/broken.yaml'));
      expect(shown?.err?.loc).toEqual({ file: path.join(root, 'scenarios/broken.yaml'), line: Number(line), column: Number(col) });
      // The page preloads the same URL the code is given.
      const html = await (await fetch(base)).text();
      expect(html).toContain(`<link rel="preload" href="/${DEV_FILE}" as="fetch"`);
      const mod = await server.transformRequest('virtual:scenarios');
      expect(mod?.code).toContain(JSON.stringify(`/${DEV_FILE}`));
      // An edit shows on the next request, with no restart.
      writeFileSync(path.join(root, 'scenarios/broken.yaml'), readFileSync(tiny, 'utf8').replace('id: tiny', 'id: fixed'));
      const again = readScenarioData(await (await fetch(new URL(DEV_FILE, base))).json());
      expect(again?.scenarios.map((s) => s.scenario.id).sort()).toEqual(['fixed', 'tiny']);
      expect(again?.problems).toEqual([]);
    } finally {
      await server.close();
    }
  }, 30_000);
});
