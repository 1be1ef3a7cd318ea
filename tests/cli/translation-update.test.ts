/**
 * `npm run translation -- --update FILE` as an author runs it: the file it
 * prints or writes, what it tells on stderr, its exit code, and that the
 * author's file is never lost.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/cli/write-file.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FIXTURES = join(ROOT, 'tests/fixtures/translation-update');
const MARK = '# TODO translate: still in en';
const STACK_FRAME = /^\s{4}at /m;

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A folder holding talk.yaml and the named fixtures, as an author's scenarios folder would. */
function folderWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-update-'));
  made.push(dir);
  for (const n of ['talk.yaml', ...names]) copyFileSync(join(FIXTURES, n), join(dir, n));
  return dir;
}

/** Runs a tool in `cwd`; `stdout` may name a file to send the output into, as `>` does. */
function run(tool: 'translation' | 'validate', args: string[], cwd: string, options: { env?: Record<string, string>; stdout?: string } = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const fd = options.stdout === undefined ? undefined : openSync(options.stdout, 'w');
    const child = spawn(TSX, [join(ROOT, `src/cli/${tool}.ts`), ...args], { cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', fd ?? 'pipe', 'pipe'] });
    if (fd !== undefined) closeSync(fd);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// One at a time, each given time: each test starts the tool two to four times, on a machine that may be busy.
describe('npm run translation -- --update', { timeout: 180_000 }, () => {
  it('prints the file brought up to date and tells what it added; the file itself is untouched', async () => {
    const dir = folderWith('talk.es.yaml');
    const before = readFileSync(join(dir, 'talk.es.yaml'), 'utf8');
    const r = await run('translation', ['--update', 'talk.es.yaml'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  choice.talk: Hablar.\n\n  # Beat 'close'\n  line.close-1: |- ${MARK}\n    Then we agree.\n    Good.\n  choice.agree: Agree. ${MARK}\n\n  # Endings\n`);
    expect(r.stderr).toBe(
      [
        "talk.es.yaml: added 3 texts the scenario 'talk' has and the translation lacked, each still in en and marked `# TODO translate`:",
        '  line.close-1',
        '  choice.agree',
        '  ending.agreed.debrief',
        "talk.es.yaml: had no record of the words its texts were translated from, so one is added under `originals:`, assuming the 17 texts translated so far match the words the scenario 'talk' has now. Revise by hand any that was translated from older words; from now on, a change to the scenario's words is told.",
        'talk.es.yaml itself is unchanged: the file brought up to date is on the output. Add --write to rewrite talk.es.yaml in place.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'talk.es.yaml'), 'utf8')).toBe(before);
  });

  it('--write rewrites the file in place, which then validates clean', async () => {
    const dir = folderWith('talk.es.yaml');
    const r = await run('translation', ['--update', 'talk.es.yaml', '--write'], dir);
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(r.stderr.split('\n').slice(-2)).toEqual(['talk.es.yaml rewritten.', '']);
    expect(readFileSync(join(dir, 'talk.es.yaml'), 'utf8')).toContain(`  ending.agreed.debrief: Listening helped. ${MARK}\n`);
    const v = await run('validate', ['talk.es.yaml'], dir);
    // Valid, with the texts just added, still in the scenario's words, named below the count.
    expect([v.status, v.stdout, v.stderr]).toEqual([
      0,
      '',
      "1 file checked: 0 errors, 0 warnings\ntalk.es.yaml: 3 texts read just as in the scenario (en), still to translate unless they read the same in es (a name, say): line.close-1, choice.agree, ending.agreed.debrief\n",
    ]);
    // Run again, it has nothing to do, and leaves the file alone.
    const mtime = statSync(join(dir, 'talk.es.yaml')).mtimeMs;
    const again = await run('translation', ['--update', 'talk.es.yaml', '--write'], dir);
    expect([again.status, again.stderr]).toEqual([0, "talk.es.yaml is up to date with the scenario 'talk' (talk.yaml): nothing to add or remove.\n"]);
    expect(statSync(join(dir, 'talk.es.yaml')).mtimeMs).toBe(mtime);
  });

  it('validate tells each text whose original changed; --write marks them, lists them with their words now, and validate is then quiet', async () => {
    const dir = folderWith('revised.es.yaml');
    const warned = await run('validate', ['revised.es.yaml'], dir);
    expect([warned.status, warned.stderr]).toEqual([0, '1 file checked: 0 errors, 2 warnings\n']);
    const update = 'npm run -s translation -- --update revised.es.yaml talk.yaml --write';
    expect(warned.stdout).toBe(
      [
        "revised.es.yaml:30:3: warning BC705: the scenario's words for 'line.greet-2' changed after it was translated",
        '  They now read: "Shall we talk: now?"',
        `  Revise the translation to match. \`${update}\` marks each such text \`# TODO revise\` and records the new words, which ends this warning.`,
        "revised.es.yaml:34:3: warning BC705: the scenario's words for 'line.close-1' changed after it was translated",
        '  They now read: "Then we agree. Good."',
        `  Revise the translation to match. \`${update}\` marks each such text \`# TODO revise\` and records the new words, which ends this warning.`,
        '',
      ].join('\n'),
    );
    const r = await run('translation', ['--update', 'revised.es.yaml', '--write'], dir);
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toBe(
      [
        "revised.es.yaml: the scenario 'talk' changed the words of 2 texts after they were translated; each is marked `# TODO revise`: revise each to match, then delete the mark. Their words now:",
        '  line.greet-2: "Shall we talk: now?"',
        '  line.close-1: "Then we agree. Good."',
        'revised.es.yaml rewritten.',
        '',
      ].join('\n'),
    );
    const after = readFileSync(join(dir, 'revised.es.yaml'), 'utf8');
    expect(after).toContain('\n  line.greet-2: ¿Hablamos?   # Ana: ¿o «Conversamos»? # TODO revise: the original changed\n');
    expect(after).toContain('\n  line.close-1: |- # TODO revise: the original changed\n    Entonces estamos\n');
    const v = await run('validate', ['revised.es.yaml'], dir);
    // No warning now, but the marks are counted below the count until the translator deletes them.
    expect([v.status, v.stdout, v.stderr]).toEqual([0, '', "1 file checked: 0 errors, 0 warnings\nrevised.es.yaml: 2 texts marked `# TODO revise`, to revise to the scenario's new words\n"]);
  });

  it('a JSON translation, which cannot be marked, is told the texts whose original changed, as its list to revise', async () => {
    const dir = folderWith('revised.es.json');
    const r = await run('translation', ['--update', 'revised.es.json'], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ texts: { 'line.greet-2': '¿Hablamos?' } });
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      "revised.es.json: the scenario 'talk' changed the words of 2 texts after they were translated (JSON has no comments to mark them with); revise them to match. Their words now:",
      '  line.greet-2: "Shall we talk: now?"',
      '  line.close-1: "Then we agree. Good."',
    ]);
  });

  it('a text never translated whose original changed takes the new words and is told apart from the one to revise', async () => {
    const dir = folderWith('revised.es.json');
    const file = join(dir, 'revised.es.json');
    // line.greet-2 still holds the scenario's words from when the file was written.
    writeFileSync(file, readFileSync(file, 'utf8').replace('"line.greet-2": "¿Hablamos?"', '"line.greet-2": "Shall we talk?"'));
    const warned = await run('validate', ['revised.es.json'], dir);
    expect(warned.stdout.split('\n').filter((l) => l.includes('BC705'))).toEqual(["revised.es.json:23:5: warning BC705: the scenario's words for 'line.close-1' changed after it was translated"]);
    const r = await run('translation', ['--update', 'revised.es.json'], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ texts: { 'line.greet-2': 'Shall we talk: now?', 'line.close-1': 'Entonces estamos\nde acuerdo.' } });
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      "revised.es.json: the scenario 'talk' changed the words of 1 text after it was translated (JSON has no comments to mark it with); revise it to match. Its words now:",
      '  line.close-1: "Then we agree. Good."',
      "revised.es.json: the scenario 'talk' changed the words of 1 text not yet translated; it now holds the new words, still in en (JSON has no comments to mark it with):",
      '  line.greet-2',
    ]);
  });

  it('tells each key the scenario no longer has, where it is, keeps it, and says how to drop it', async () => {
    const dir = folderWith('stale.es.yaml');
    const r = await run('translation', ['--update', 'stale.es.yaml'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  line.greet-two: ¿Hablamos ahora?\n');
    expect(r.stderr).toBe(
      [
        "stale.es.yaml: added 1 text the scenario 'talk' has and the translation lacked, still in en and marked `# TODO translate`:",
        '  line.greet-2',
        "stale.es.yaml: had no record of the words its texts were translated from, so one is added under `originals:`, assuming the 19 texts translated so far match the words the scenario 'talk' has now. Revise by hand any that was translated from older words; from now on, a change to the scenario's words is told.",
        "stale.es.yaml:22:3: 'line.greet-two' is not a text of the scenario 'talk' any more; kept",
        "  Was it renamed to 'line.greet-2' (added above)? Move its translation to 'line.greet-2'.",
        "stale.es.yaml:24:3: 'flag.warned' is not a text of the scenario 'talk' any more; kept",
        '  `npm run translation -- talk.yaml es` lists every key this scenario has.',
        'These 2 keys are kept, and validate reports them as errors (BC702) until they go. Move any translation worth keeping to its new key, then remove them by hand or run: npm run -s translation -- --update stale.es.yaml --drop-stale',
        'stale.es.yaml itself is unchanged: the file brought up to date is on the output. Add --write to rewrite stale.es.yaml in place.',
        '',
      ].join('\n'),
    );
  });

  it('--drop-stale removes them, and shows what each held', async () => {
    const dir = folderWith('stale.es.yaml');
    const r = await run('translation', ['--update', 'stale.es.yaml', '--drop-stale', '--write'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("stale.es.yaml:22:3: 'line.greet-two' is not a text of the scenario 'talk' any more; removed\n");
    expect(r.stderr).toContain('  Its text was: ¿Hablamos ahora?\n');
    const after = readFileSync(join(dir, 'stale.es.yaml'), 'utf8');
    expect(after).not.toMatch(/^ {2}(line\.greet-two|flag\.warned):/m);
    const v = await run('validate', ['stale.es.yaml'], dir);
    expect([v.status, v.stdout]).toEqual([0, '']);
  });

  it('refuses a file that does not read, with the checker’s messages, and leaves it as it was', async () => {
    const dir = folderWith('broken.es.yaml');
    const before = readFileSync(join(dir, 'broken.es.yaml'), 'utf8');
    const r = await run('translation', ['--update', 'broken.es.yaml', '--write'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        "broken.es.yaml:7:4: error BC103: syntax error: 'summary' is indented further than 'title' on the line above",
        "  Keys of one mapping start at the same column: start 'summary' at column 3, under 'title'.",
        'broken.es.yaml was not updated: fix the errors above, then run the update again.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'broken.es.yaml'), 'utf8')).toBe(before);
  });

  it('a file sent into itself with > was emptied by the shell: it says so, and how to get it back', async () => {
    const dir = folderWith('talk.es.yaml');
    const r = await run('translation', ['--update', 'talk.es.yaml'], dir, { stdout: join(dir, 'talk.es.yaml') });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'error: the output is sent into talk.es.yaml itself, and the shell emptied that file before the update could read it. Get it back (from a copy, or `git checkout -- talk.es.yaml`), then use --write to rewrite it in place: npm run -s translation -- --update talk.es.yaml --write',
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('a translation named alone, as when npm kept --update for itself, is told the command to type', async () => {
    const dir = folderWith('talk.es.yaml');
    const r = await run('translation', ['talk.es.yaml'], dir, { env: { npm_lifecycle_event: 'translation', npm_config_write: 'true' } });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      "error: talk.es.yaml is a translation of the scenario 'talk' into es. To add the texts its scenario has gained, type:",
      '  npm run -s translation -- --update talk.es.yaml --write',
      'If you typed --update: `npm run` keeps the options written before -- for itself (it takes --update for its own --update-notifier), so the tool never saw it.',
    ]);
  });

  it('usage errors: --write without --update, a scenario that is not the one translated, a language that is not the file’s', async () => {
    const dir = folderWith('talk.es.yaml');
    copyFileSync(join(ROOT, 'tests/fixtures/tiny.yaml'), join(dir, 'tiny.yaml'));
    const lone = await run('translation', ['talk.yaml', 'es', '--write'], dir);
    expect([lone.status, lone.stderr.split('\n')[0]]).toEqual([2, 'error: --write goes with --update FILE, e.g. npm run -s translation -- --update scenarios/the-call.es.yaml --write']);
    const other = await run('translation', ['--update', 'talk.es.yaml', 'tiny.yaml'], dir);
    expect([other.status, other.stderr.split('\n')[0]]).toEqual([
      2,
      "error: tiny.yaml is the scenario 'tiny', but talk.es.yaml translates 'talk': name that scenario's file, or nothing to look for it in talk.es.yaml's folder",
    ]);
    const lang = await run('translation', ['talk.yaml', 'fr', '--update', 'talk.es.yaml'], dir);
    expect([lang.status, lang.stderr.split('\n')[0]]).toEqual([2, 'error: talk.es.yaml is a translation into es, not fr: leave the language out, --update takes it from the file']);
    const named = await run('translation', ['talk.yaml', 'es', '--update', 'talk.es.yaml'], dir);
    expect(named.status).toBe(0);
  });
});

describe('replacing a file', () => {
  it('leaves the file as it was when the new text cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backchannel-replace-'));
    made.push(dir);
    const file = join(dir, 'x.es.yaml');
    writeFileSync(file, 'before\n');
    // Something already in the way of the temporary copy.
    const temp = join(dir, `.x.es.yaml.${process.pid}.tmp`);
    mkdirSync(temp);
    expect(replaceFile(file, 'after\n')).toBe('a temporary file of the same name is in the way');
    expect(readFileSync(file, 'utf8')).toBe('before\n');
    rmdirSync(temp);
    expect(replaceFile(file, 'after\n')).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('after\n');
  });
});
