/**
 * The command-line tools as an author runs them: exit codes, one diagnostic
 * a line, no stack traces, reproducible simulations, and graphs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const TINY = 'tests/fixtures/tiny.yaml';
const TINY_ES = 'tests/fixtures/tiny.es.yaml';
const BROKEN = 'tests/fixtures/checker/BC301-unknown-ending.yaml';

/** Runs a tool to its end (or kills it after `timeout` ms). Tests run these side by side, each a tsx process of its own, so on two busy cores one can take tens of seconds: the limits catch a hang, not a slow start. */
function run(tool: 'validate' | 'simulate' | 'graph' | 'translation', args: string[], timeout = 60_000, env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(TSX, [`src/cli/${tool}.ts`, ...args], { cwd: ROOT, timeout, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

const DIAGNOSTIC = /^[^:]+:\d+:\d+: (error|warning) BC\d{3}: \S/;
const STACK_FRAME = /^\s{4}at /m;

const dir = mkdtempSync(join(tmpdir(), 'backchannel-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('validate', { timeout: 120_000 }, () => {
  it('exits 0 for a valid file and says so on stderr', async ({ expect }) => {
    const r = await run('validate', [TINY]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('1 file checked: 0 errors, 0 warnings\n');
  });

  it('exits 1 for a broken file, one diagnostic a line with its hints indented', async ({ expect }) => {
    const r = await run('validate', [BROKEN]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([`${BROKEN}:27:39: error BC301: no ending has the id 'dael'`, "  Did you mean 'deal'?"]);
    for (const l of lines) expect(DIAGNOSTIC.test(l) || /^ {2}\S/.test(l)).toBe(true);
    expect(r.stderr).toBe('1 file checked: 1 error, 0 warnings\n');
  });

  // `npm run` starts the tool in the project's folder; an author who typed the command in another folder names files from there.
  it('reads file names from the folder the npm command was typed in, and tells them as typed', async ({ expect }) => {
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-typed-'));
    copyFileSync(join(ROOT, BROKEN), join(folder, 'mine.yaml'));
    const r = await run('validate', ['mine.yaml'], 60_000, { INIT_CWD: folder, npm_lifecycle_script: 'tsx src/cli/validate.ts' });
    rmSync(folder, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe("mine.yaml:27:39: error BC301: no ending has the id 'dael'");
  });

  // The summary counts the errors printed; the note names the lines left out and says they are not counted.
  it('after a tab, the summary counts the syntax errors it prints', async ({ expect }) => {
    const file = join(dir, 'tab.yaml');
    writeFileSync(file, readFileSync(join(ROOT, TINY), 'utf8').replace('    side: a\n', '\tside: a\n'));
    const r = await run('validate', [file]);
    expect(r.status).toBe(1);
    const heads = r.stdout.split('\n').filter((l) => DIAGNOSTIC.test(l));
    expect(heads).toHaveLength(1);
    expect(r.stdout).toContain('other lines below the tab have syntax errors, most likely only because of the tab; they are not shown or counted: replace the tabs with spaces and check again.\n');
    expect(r.stderr).toBe('1 file checked: 1 error, 0 warnings\n');
  });

  it('refuses a second file with a scenario id already used, at its id, as the build does', async ({ expect }) => {
    const copy = join(dir, 'copy-of-tiny.yaml');
    copyFileSync(join(ROOT, TINY), copy);
    const r = await run('validate', [TINY, copy]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`${copy}:2:5: error BC300: the scenario id 'tiny' is already used by ${TINY}`);
    expect(r.stderr).toBe('2 files checked: 1 error, 0 warnings\n');
  });

  // A teacher copies a scenario to start a new one and validates only the copy: the build reads the folder together, so the clash is told now.
  it('checks a file validated on its own against the other scenario files in its folder, naming the one with its id', async ({ expect }) => {
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-folder-'));
    try {
      const tiny = readFileSync(join(ROOT, TINY), 'utf8');
      const original = join(folder, 'original.yaml');
      const copy = join(folder, 'copy.yaml');
      writeFileSync(original, tiny);
      writeFileSync(copy, tiny);
      // Files that cannot be read or parsed, or hold another id, are passed over without a word about them.
      writeFileSync(join(folder, 'broken.yaml'), `${tiny}\tstray: tab\n`);
      writeFileSync(join(folder, 'picture.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x69, 0x64]));
      writeFileSync(join(folder, 'other.json'), JSON.stringify({ ...parse(tiny), id: 'other' }));
      writeFileSync(join(folder, 'notes.txt'), tiny);
      // A translation names the scenario's id as well, without being a second scenario.
      writeFileSync(join(folder, 'original.es.yaml'), 'backchannel: 1\ntranslation: { scenario: tiny, language: es }\nid: tiny\ntexts: { title: Una llamada }\n');
      // A named pipe would block a read for ever; it is passed over like any file that is not a regular one.
      spawnSync('mkfifo', [join(folder, 'pipe.yaml')]);
      const r = await run('validate', [copy]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe(
        [
          `${copy}:2:5: error BC300: the scenario id 'tiny' is already used by ${original}`,
          '  Give each scenario its own id: the game and its saves find scenarios by id.',
          '  The build reads every scenario file in this folder together, and refuses two with one id.',
          '',
        ].join('\n'),
      );
      expect(r.stderr).toBe('1 file checked: 1 error, 0 warnings\n');
      // Validating the pair names the clash once, as before.
      const both = await run('validate', [original, copy]);
      expect(both.stdout.split('\n').filter((l) => DIAGNOSTIC.test(l))).toEqual([`${copy}:2:5: error BC300: the scenario id 'tiny' is already used by ${original}`]);
      // A third copy is named in the hint.
      writeFileSync(join(folder, 'second-copy.yaml'), tiny);
      const three = await run('validate', [copy]);
      expect(three.stdout.split('\n')[2]).toBe(`  The build reads every scenario file in this folder together, and refuses two with one id (${join(folder, 'second-copy.yaml')} has it too).`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('checks several files, and --quiet prints only the diagnostics', async ({ expect }) => {
    const r = await run('validate', [TINY, BROKEN, 'tests/fixtures/checker/BC501-unused-meter.yaml', '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const heads = r.stdout.split('\n').filter((l) => DIAGNOSTIC.test(l));
    expect(heads.map((l) => l.split(': ')[1])).toEqual(['error BC301', 'warning BC501']);
  });

  it('a warning alone exits 0', async ({ expect }) => {
    const r = await run('validate', ['tests/fixtures/checker/BC400-unreached-beat.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tests\/fixtures\/checker\/BC400-unreached-beat\.yaml:28:9: warning BC400: /);
  });

  it('a binary file, a folder and a missing file are diagnostics, not stack traces', async ({ expect }) => {
    const binary = join(dir, 'picture.yaml');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const missing = join(dir, 'nowhere.yaml');
    const r = await run('validate', [binary, dir, missing]);
    expect(r.status).toBe(1);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK_FRAME);
    expect(r.stdout.split('\n').filter((l) => DIAGNOSTIC.test(l))).toEqual([
      `${binary}:1:1: error BC101: the file is not a text file: it looks like a PNG image`,
      `${dir}:1:1: error BC101: this is a folder, not a scenario file`,
      `${missing}:1:1: error BC101: no such file`,
    ]);
  });

  it('a picture or a document under its own name is told as not text, without the advice to rename it', async ({ expect }) => {
    const picture = join(dir, 'map.png');
    writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const r = await run('validate', [picture, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `${picture}:1:1: error BC101: the file is not a text file: it looks like a PNG image\n  A scenario must be a plain-text .yaml/.yml or .json file, and a picture cannot be one: check that this is the file you meant.\n`,
    );
  });

  it('exits 2 with the usage when no file is named', async ({ expect }) => {
    const r = await run('validate', []);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: name at least one scenario file\nusage: npm run validate/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 with the usage on an unknown option', async ({ expect }) => {
    const r = await run('validate', [TINY, '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown option --frobnicate\nusage: npm run validate/);
  });

  it('warns (BC108) that the game will not read a scenario saved under another ending, and says what to rename it to', async ({ expect }) => {
    const dir = mkdtempSync(join(tmpdir(), 'backchannel-names-'));
    try {
      const txt = join(dir, 'river.txt');
      writeFileSync(txt, readFileSync(join(ROOT, TINY), 'utf8'));
      const r = await run('validate', [txt]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(
        `${txt}:1:1: warning BC108: the game reads only files whose names end in .yaml, .yml or .json, so it will not show this one\n  Rename it, e.g. to river.yaml (or river.json if it is written in JSON), and keep it in the scenarios folder.\n`,
      );
      const doubled = join(dir, 'river.yaml.txt');
      writeFileSync(doubled, readFileSync(join(ROOT, TINY), 'utf8'));
      expect((await run('validate', [doubled])).stdout).toContain('\n  Rename it to river.yaml, and keep it in the scenarios folder.\n');
      const schema = join(dir, 'river.schema.json');
      writeFileSync(schema, JSON.stringify(parse(readFileSync(join(ROOT, TINY), 'utf8'))));
      expect((await run('validate', [schema])).stdout).toBe(
        `${schema}:1:1: warning BC108: the game does not read files whose names end in .schema.json, so it will not show this one\n  That ending is kept for the JSON Schema that editors use: rename it, e.g. to river.json.\n`,
      );
      const yml = join(dir, 'river.yml');
      writeFileSync(yml, readFileSync(join(ROOT, TINY), 'utf8'));
      expect((await run('validate', [yml])).stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the option meant when an unknown one is a slip of it', async ({ expect }) => {
    const r = await run('simulate', [TINY, '--run', '5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown option --run \(did you mean --runs\?\)\nusage: npm run simulate/);
  });

  // `npm run simulate FILE --runs 10` without `--`: npm keeps --runs (handing it on as npm_config_runs) and passes 10 as a second file.
  it('an option npm kept for itself is a usage error that shows the command with --', async ({ expect }) => {
    const r = await run('simulate', [TINY, '10'], 60_000, { npm_lifecycle_event: 'simulate', npm_config_runs: 'true' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      "error: npm kept --runs for itself, so simulate never saw it: `npm run` needs -- between the script's name and the tool's options. Type:",
      `  npm run simulate -- ${TINY} --runs 10`,
      'usage: npm run simulate -- FILE [--runs N] [--seed S] [--role ROLE] [--json]',
    ]);
    const graph = await run('graph', [TINY, 'dot'], 60_000, { npm_lifecycle_event: 'graph' });
    expect(graph.status).toBe(2);
    expect(graph.stderr.split('\n').slice(0, 2)).toEqual([
      "error: npm kept --format for itself, so graph never saw it: `npm run` needs -- between the script's name and the tool's options. Type:",
      `  npm run graph -- ${TINY} --format dot`,
    ]);
  });

  // A beat with `replies` but none that holds shows no line and passes
  // straight on; two such beats leading to each other would turn the
  // machine's eventless transitions round forever, so the checker must
  // name the loop (BC403) before anything runs it.
  it('a loop of beats whose replies never hold is answered (BC403), not a hang', async ({ expect }) => {
    const r = await run('validate', ['tests/fixtures/checker/BC403-reply-loop.yaml'], 60_000);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error BC403: /);
  });
});

describe.concurrent('simulate', { timeout: 120_000 }, () => {
  it('--json prints one JSON object with runs, seed and endings; the same seed prints the same', async ({ expect }) => {
    const args = [TINY, '--runs', '20', '--seed', '7', '--json'];
    const one = await run('simulate', args);
    const two = await run('simulate', args);
    expect(one.status).toBe(0);
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = JSON.parse(one.stdout) as { runs: number; seed: number; endings: Record<string, number>; stuck: number };
    expect(result.runs).toBe(20);
    expect(result.seed).toBe(7);
    expect(Object.keys(result.endings).sort()).toEqual(['deal', 'timeout', 'walkout']);
    expect(Object.values(result.endings).reduce((a, b) => a + b, 0) + result.stuck).toBe(20);
    expect(two.stdout).toBe(one.stdout);
  });

  it('prints a table by default and refuses a role the scenario does not have', async ({ expect }) => {
    const table = await run('simulate', [TINY, '--runs', '10']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^10 runs, seed 1\n/);
    expect(table.stdout).toMatch(/^walkout +\d+ +[\d.]+%/m);
    // One run reaches one ending: the tool says that missing the others proves nothing.
    const few = await run('simulate', [TINY, '--runs', '1', '--seed', '3', '--json']);
    const missed = Object.entries(JSON.parse(few.stdout).endings as Record<string, number>).filter(([, n]) => n === 0).map(([id]) => id);
    const once = await run('simulate', [TINY, '--runs', '1', '--seed', '3']);
    expect(missed.length).toBeGreaterThan(0);
    expect(once.stderr).toBe(`note: no run reached ${missed.map((id) => `'${id}'`).join(', ')}; \`npm run validate -- ${TINY}\` proves whether any play can.\n`);
    const bad = await run('simulate', [TINY, '--role', 'zz']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no role 'zz' \(roles: a, b\)/);
  });

  it('a broken file exits 1 with its diagnostics; a bad --runs exits 2', async ({ expect }) => {
    const broken = await run('simulate', [BROKEN]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(DIAGNOSTIC);
    const bad = await run('simulate', [TINY, '--runs', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--runs takes a whole number/);
  });
});

describe.concurrent('graph', { timeout: 120_000 }, () => {
  it('prints Mermaid by default and dot with --format dot', async ({ expect }) => {
    const mermaid = await run('graph', [TINY]);
    expect(mermaid.status).toBe(0);
    expect(mermaid.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(mermaid.stdout).toContain('subgraph part_open["Opening"]');
    const dot = await run('graph', [TINY, '--format', 'dot']);
    expect(dot.status).toBe(0);
    expect(dot.stdout.startsWith('digraph "tiny" {\n')).toBe(true);
    expect(dot.stdout).toContain('subgraph "cluster_talk"');
  });

  // The authoring guide shows the start of this map; every line it shows must be in the real one.
  it("gives the map the authoring guide shows for the worked example", async ({ expect }) => {
    const guide = readFileSync(join(ROOT, 'scenarios/README.md'), 'utf8');
    const sample = /The Mermaid map starts like this:\n\n```text\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(sample).toBeDefined();
    const shown = sample!.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('%%'));
    expect(shown.length).toBeGreaterThan(5);
    const r = await run('graph', ['scenarios/example-minimal.yaml']);
    expect(r.status).toBe(0);
    const real = new Set(r.stdout.split('\n'));
    expect(shown.filter((l) => !real.has(l))).toEqual([]);
  });

  it('exits 2 on --format svg, and 1 on a broken file', async ({ expect }) => {
    const svg = await run('graph', [TINY, '--format', 'svg']);
    expect(svg.status).toBe(2);
    expect(svg.stderr).toMatch(/^error: --format is mermaid or dot, not 'svg'\nusage: npm run graph/);
    expect(svg.stdout).toBe('');
    const broken = await run('graph', [BROKEN]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(DIAGNOSTIC);
  });
});

describe.concurrent('translations', { timeout: 120_000 }, () => {
  it('validate checks a translation against the scenario given with it, or else the one in its folder', async ({ expect }) => {
    const both = await run('validate', [TINY, TINY_ES]);
    expect([both.status, both.stdout, both.stderr]).toEqual([0, '', '2 files checked: 0 errors, 0 warnings\n']);
    const alone = await run('validate', [TINY_ES]);
    expect([alone.status, alone.stdout, alone.stderr]).toEqual([0, '', '1 file checked: 0 errors, 0 warnings\n']);
  });

  it('validate tells, below its count, which texts of a translation still read as the scenario does and how many are marked to revise', async ({ expect }) => {
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-left-'));
    try {
      copyFileSync(join(ROOT, TINY), join(folder, 'tiny.yaml'));
      const es = readFileSync(join(ROOT, TINY_ES), 'utf8')
        .replace('title: Una llamada diminuta', 'title: A tiny call')
        .replace('period: Una tarde inventada', 'period: Una tarde inventada # TODO revise: the original changed');
      const file = join(folder, 'tiny.es.yaml');
      writeFileSync(file, es);
      const r = await run('validate', [file]);
      expect([r.status, r.stdout]).toEqual([0, '']);
      expect(r.stderr.split('\n')).toEqual([
        '1 file checked: 0 errors, 0 warnings',
        `${file}: 1 text reads just as in the scenario (en), still to translate unless it reads the same in es (a name, say): title`,
        `${file}: 1 text marked \`# TODO revise\`, to revise to the scenario's new words`,
        '',
      ]);
      // Only the diagnostics with --quiet, as before.
      expect((await run('validate', [file, '--quiet'])).stderr).toBe('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a folder of scenarios with a translation among them passes, as scenarios/*.yaml does', async ({ expect }) => {
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-folder-'));
    try {
      copyFileSync(join(ROOT, TINY), join(folder, 'tiny.yaml'));
      copyFileSync(join(ROOT, TINY_ES), join(folder, 'tiny.es.yaml'));
      copyFileSync(join(ROOT, 'scenarios/example-minimal.yaml'), join(folder, 'example-minimal.yaml'));
      // The shell sorts a glob: the translation comes before its scenario.
      const r = await run('validate', ['example-minimal.yaml', 'tiny.es.yaml', 'tiny.yaml'].map((f) => join(folder, f)));
      expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '3 files checked: 0 errors, 0 warnings\n']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a translation validated on its own is checked against the translations beside it, as the build reads them', async ({ expect }) => {
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-folder-'));
    try {
      copyFileSync(join(ROOT, TINY), join(folder, 'tiny.yaml'));
      copyFileSync(join(ROOT, TINY_ES), join(folder, 'tiny.es.yaml'));
      const second = join(folder, 'tiny-spanish.yaml');
      copyFileSync(join(ROOT, TINY_ES), second);
      const r = await run('validate', [second]);
      expect(r.status).toBe(1);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error BC704: the scenario 'tiny' already has a translation into es: ${join(folder, 'tiny.es.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      // Named together, the pair is told once, as before.
      const both = await run('validate', [join(folder, 'tiny.es.yaml'), second]);
      expect(both.stdout.split('\n').filter((l) => l.includes('BC704'))).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a translation copied to be mended hears that the file beside it has errors of its own, and which to delete; one that cannot be read is not counted', async ({ expect }) => {
    const mended = 'tests/fixtures/translation-taken/tiny-mended.es.yaml';
    const broken = 'tests/fixtures/translation-taken/tiny.es.yaml';
    const r = await run('validate', [TINY, mended]);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      `${mended}:5:13: error BC704: ${broken} translates the scenario 'tiny' into es too, and has 1 error of its own\n` +
        `  If this file is a mended copy of it, delete ${broken}: the build stops on its errors, and once they are fixed, refuses two translations into es.\n` +
        "  Otherwise keep one file: merge the texts to keep into one, then delete the other. If this file is in another language, set its `language:` to that language's code.\n" +
        `  To see its errors: npm run validate -- ${broken}\n`,
      '2 files checked: 1 error, 0 warnings\n',
    ]);
    // Beside a file that does not read, nobody can tell what that one translates: the copy is checked as the only one.
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-unread-'));
    try {
      copyFileSync(join(ROOT, TINY), join(folder, 'tiny.yaml'));
      copyFileSync(join(ROOT, mended), join(folder, 'tiny-mended.es.yaml'));
      writeFileSync(join(folder, 'tiny.es.yaml'), readFileSync(join(ROOT, mended), 'utf8').replace('title: Una', 'title: "Una'));
      const alone = await run('validate', [join(folder, 'tiny-mended.es.yaml')]);
      expect(alone.stdout).not.toContain('BC704');
      expect(alone.stdout).toContain('warning BC703');
      expect(alone.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('an unknown key is an error with the key meant; texts left out are one warning', async ({ expect }) => {
    const unknown = join(dir, 'unknown-key.es.yaml');
    writeFileSync(unknown, readFileSync(join(ROOT, TINY_ES), 'utf8').replace('  line.hello-2:', '  line.helo-2:'));
    const bad = await run('validate', [TINY, unknown]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe(`${unknown}:37:3: error BC702: unknown key 'line.helo-2': the scenario 'tiny' has no such text\n  Did you mean 'line.hello-2'?\n`);
    // A folder of its own: beside the translation above, it would be a second one into es, which the build refuses.
    const partial = join(mkdtempSync(join(tmpdir(), 'backchannel-partial-')), 'partial.es.yaml');
    writeFileSync(partial, 'backchannel: 1\ntranslation:\n  scenario: tiny\n  language: es\ntexts:\n  title: Una llamada diminuta\n  line.hello-1: Hola.\n');
    const some = await run('validate', [TINY, partial]);
    expect(some.status).toBe(0);
    expect(some.stdout).toBe(
      `${partial}:5:1: warning BC703: 44 of 46 texts are not translated, so they show in the scenario's own language (en): 'summary', 'period', 'objective.learn' and 41 more\n` +
        `  Add them under \`texts:\`: \`npm run -s translation -- --update ${partial} ${TINY} --write\` adds each one, in the scenario's words and marked to translate.\n`,
    );
    expect(some.stderr).toBe('2 files checked: 0 errors, 1 warning\n');
  });

  it('a translation whose scenario is nowhere to be found is an error', async ({ expect }) => {
    const lonely = mkdtempSync(join(tmpdir(), 'backchannel-lonely-'));
    try {
      const file = join(lonely, 'tiny.es.yaml');
      copyFileSync(join(ROOT, TINY_ES), file);
      const r = await run('validate', [file]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe(`${file}:4:13: error BC700: no scenario with the id 'tiny' was found\n  A translation is checked against its scenario: keep it in the folder of the scenario file whose \`id:\` is 'tiny'.\n`);
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });

  it('simulate and graph say a translation is not a scenario, and name the scenario file', async ({ expect }) => {
    const sim = await run('simulate', [TINY_ES, '--runs', '5']);
    expect(sim.status).toBe(2);
    expect(sim.stderr.split('\n')[0]).toBe(`error: ${TINY_ES} is a translation of the scenario 'tiny' into es, not a scenario: name the scenario file instead, as in npm run simulate -- ${TINY}`);
    const graph = await run('graph', [TINY_ES]);
    expect(graph.status).toBe(2);
    expect(graph.stderr.split('\n')[0]).toBe(`error: ${TINY_ES} is a translation of the scenario 'tiny' into es, not a scenario: name the scenario file instead, as in npm run graph -- ${TINY}`);
    expect(`${sim.stderr}${graph.stderr}`).not.toMatch(STACK_FRAME);
  });

  it('npm run translation prints a translation file with every text, which validates clean', async ({ expect }) => {
    const r = await run('translation', [TINY, 'es']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('\ntranslation:\n  scenario: tiny\n  language: es\ntexts:\n');
    expect(r.stdout).toContain('\n  line.hello-2: Shall we talk?\n');
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-skeleton-'));
    try {
      copyFileSync(join(ROOT, TINY), join(folder, 'tiny.yaml'));
      writeFileSync(join(folder, 'tiny.es.yaml'), r.stdout);
      const v = await run('validate', [join(folder, 'tiny.es.yaml')]);
      expect([v.status, v.stdout]).toEqual([0, '']);
      // Valid, and every text of it told as still to translate: the first four by key, then how many more.
      const texts = Object.keys((parse(r.stdout) as { texts: Record<string, string> }).texts);
      expect(v.stderr).toBe(
        `1 file checked: 0 errors, 0 warnings\n${join(folder, 'tiny.es.yaml')}: ${texts.length} texts read just as in the scenario (en), still to translate unless they read the same in es (a name, say): ${texts.slice(0, 4).join(', ')} and ${texts.length - 4} more\n`,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('npm run translation refuses the scenario’s own language, a translation, a bad code and a broken scenario', async ({ expect }) => {
    const own = await run('translation', [TINY, 'en']);
    expect(own.status).toBe(2);
    expect(own.stderr).toMatch(/^error: the scenario 'tiny' is written in en already: name the language to translate it into\nusage: npm run translation/);
    const given = await run('translation', [TINY_ES, 'fr']);
    expect(given.status).toBe(2);
    expect(given.stderr.split('\n')[0]).toBe(`error: ${TINY_ES} is a translation of the scenario 'tiny' into es, not a scenario: name the scenario file instead, as in npm run translation -- ${TINY} fr`);
    const code = await run('translation', [TINY, 'Spanish']);
    expect(code.status).toBe(2);
    expect(code.stderr).toMatch(/^error: 'Spanish' is not a language code such as es, fr or pt-BR\n/);
    const broken = await run('translation', [BROKEN, 'es']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(DIAGNOSTIC);
    expect(`${own.stderr}${given.stderr}${broken.stderr}`).not.toMatch(STACK_FRAME);
  });
});
