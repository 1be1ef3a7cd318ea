/**
 * The teacher's summary of exported results: it reads the files the game
 * exports, leaves out anything else with the reason, and writes CSV a
 * spreadsheet opens without running anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell, endingCounts, readResult, scenarioNames, toCsv } from '../../src/engine/results.js';
import { ResultsList } from '../../src/game/class-results.js';
import { stringsFor } from '../../src/game/i18n.js';
import { exportedResult, tinyEntry } from '../game/support.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'backchannel-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exported = (player: string) => exportedResult(player);

describe('reading a result file', () => {
  it('reads what the game exports', () => {
    const r = readResult('ana.json', exported('Ana & Luis'));
    expect(r).toEqual({
      row: expect.objectContaining({ file: 'ana.json', player: 'Ana & Luis', scenario: 'tiny', role: 'a', ending: 'deal', kind: 'agreement', inZone: true, exportedAt: '2026-03-04T10:00:00.000Z' }),
    });
    // Titles and names come with the file, so a summary reads without the scenario at hand.
    expect(r).toMatchObject({ row: { scenarioTitle: 'A tiny call', roleName: "Side A's envoy" } });
    // A file from before names were written shows the role's id.
    const old = JSON.parse(exportedResult('Bo'));
    delete old.roleName;
    expect(readResult('bo.json', JSON.stringify(old))).toMatchObject({ row: { role: 'a', roleName: 'a' } });
    if ('row' in r) expect(r.row.choices).toBeGreaterThan(0);
  });

  it('leaves out anything else, saying why', () => {
    expect(readResult('a.json', '{not json')).toEqual({ error: 'a.json: not JSON, so not a result file exported by Backchannel', leftOut: { file: 'a.json', why: { kind: 'notJson' } } });
    expect(readResult('b.json', JSON.stringify({ app: 'other' }))).toEqual({
      error: 'b.json: not a result file exported by Backchannel ("Export results" on the outcome screen)',
      leftOut: { file: 'b.json', why: { kind: 'notResult' } },
    });
    expect(readResult('c.json', JSON.stringify({ app: 'backchannel', kind: 'debrief', role: 'a' }))).toEqual({
      error: 'c.json: a result file without its scenario, role or debrief',
      leftOut: { file: 'c.json', why: { kind: 'incomplete' } },
    });
    expect(readResult('d.json', '[1,2]')).toMatchObject({ error: expect.stringContaining('not a result file') });
  });

  it('keeps odd field values as plain, bounded text', () => {
    const data = JSON.parse(exported('x'));
    data.player = 'y'.repeat(1000);
    data.debrief.turns = 'many';
    const r = readResult('odd.json', JSON.stringify(data).replace(/^\{/, '{"__proto__":{"polluted":true},'));
    if (!('row' in r)) throw new Error(r.error);
    expect(r.row.player).toHaveLength(60);
    // Control characters (a terminal's escapes, a line break faking a row) become spaces.
    data.player = '\u001b[2J\u001b]0;pwned\u0007Eve\nfake row';
    const esc = readResult('esc.json', JSON.stringify(data));
    if (!('row' in esc)) throw new Error(esc.error);
    expect(esc.row.player).toBe(' [2J ]0;pwned Eve fake row');
    expect(r.row.turns).toBe(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('the summary', () => {
  it('counts endings by scenario and role', () => {
    const rows = ['Ana', 'Bo', 'Cy'].map((p) => (readResult(`${p}.json`, exported(p)) as { row: Parameters<typeof toCsv>[0][number] }).row);
    expect(endingCounts(rows)).toEqual([{ scenario: 'tiny', role: 'a', ending: 'deal', title: 'A deal', count: 3 }]);
  });

  it('writes CSV that a spreadsheet reads as text, never as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Ana, Luis')).toBe('"Ana, Luis"');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(true)).toBe('true');
    const row = (readResult('ana.json', exported('=1+1')) as { row: Parameters<typeof toCsv>[0][number] }).row;
    const csv = toCsv([row]).split('\n');
    expect(csv[0]).toBe('player,scenario,role,ending,ending title,kind,inside the zone,turns,choices,exported at,file');
    expect(csv[1]!.startsWith("'=1+1,tiny,a,deal,A deal,agreement,true,")).toBe(true);
  });

  it('npm run results: a table, files that are not results left out with the reason, and CSV on request', () => {
    writeFileSync(join(dir, 'ana.json'), exported('Ana'));
    writeFileSync(join(dir, 'bo.json'), exported('Bo'));
    writeFileSync(join(dir, 'notes.json'), '{"hello": 1}');
    const tool = (args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/results.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    const files = ['ana.json', 'bo.json', 'notes.json', 'missing.json'].map((f) => join(dir, f));
    const r = tool(files);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^2 results\n\nplayer +scenario +role +ending +inside the zone +turns +choices\nAna +A tiny call +Side A's envoy +A deal +yes +\d+ +\d+\nBo +A tiny call +Side A's envoy +A deal +yes/);
    expect(r.stdout).toContain("endings reached:\n  A tiny call, playing Side A's envoy: 2 of 2 final packages inside the zone of agreement\n    A deal × 2\n");
    expect(r.stderr).toBe(`left out: ${files[2]}: not a result file exported by Backchannel ("Export results" on the outcome screen)\nleft out: ${files[3]}: no such file\n`);
    const csv = tool(['--csv', ...files.slice(0, 2)]);
    expect(csv.status).toBe(0);
    expect(csv.stdout.trimEnd().split('\n')).toHaveLength(3);
    const none = tool([files[2]!]);
    expect(none.status).toBe(1);
    expect(tool([]).status).toBe(2);
  }, 60_000);

  it('npm run results with a folder reads the .json files in it, as on Windows where the shell leaves * to the program', () => {
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-class-'));
    try {
      writeFileSync(join(folder, 'cy.json'), exported('Cy'));
      writeFileSync(join(folder, 'ana.json'), exported('Ana'));
      writeFileSync(join(folder, 'readme.txt'), 'not a result');
      // The same file handed in twice, renamed on the way, is one result.
      writeFileSync(join(folder, 'ana (1).json'), exported('Ana'));
      const tool = (args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/results.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
      const r = tool([folder]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^2 results\n\nplayer .*\nAna +A tiny call .*\nCy +A tiny call /);
      expect(r.stderr).toBe(`left out: ${join(folder, 'ana.json')}: the same result as ${join(folder, 'ana (1).json')}, counted once\n`);
      const empty = mkdtempSync(join(tmpdir(), 'backchannel-empty-'));
      const none = tool([empty]);
      expect(none.status).toBe(1);
      expect(none.stderr).toBe(`left out: ${empty}: a folder with no .json files in it\n`);
      rmSync(empty, { recursive: true, force: true });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  // A class whose groups played in two languages: the teacher must read the same names, counts and rows on the page and in the terminal.
  it('npm run results gives the class results page’s summary, with the game’s scenarios and without them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'backchannel-mixed-'));
    const game = mkdtempSync(join(tmpdir(), 'backchannel-game-'));
    const nothing = mkdtempSync(join(tmpdir(), 'backchannel-none-'));
    try {
      const files: [string, string][] = [
        ['ana.json', exportedResult('Ana', { lang: 'es' })],
        ['bo.json', exportedResult('Bo')],
        ['cy.json', exportedResult('Group 10', { lang: 'es', warn: true })],
        ['di.json', exportedResult('Group 2', { lang: 'es', at: '2026-03-04T11:00:00Z' })],
      ];
      for (const [name, text] of files) writeFileSync(join(folder, name), text);
      writeFileSync(join(game, 'tiny.yaml'), readFileSync(join(ROOT, 'tests/fixtures/tiny.yaml')));
      writeFileSync(join(game, 'tiny.es.yaml'), readFileSync(join(ROOT, 'tests/fixtures/tiny.es.yaml')));
      const list = new ResultsList();
      await list.add(files.map(([name, text]) => ({ name: join(folder, name), size: text.length, text: async () => text })));
      const t = stringsFor('en').strings;
      const tool = (args: string[], scenarios: string) =>
        spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/results.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BACKCHANNEL_SCENARIO_DIR: scenarios } });
      for (const [scenarios, known, title] of [
        // The game has the scenario in English: its names, though most files give the Spanish ones.
        [game, scenarioNames([tinyEntry()], 'en'), 'A tiny call'],
        // The game has no such scenario: the names most files give.
        [nothing, new Map(), 'Una llamada diminuta'],
      ] as const) {
        const page = list.summary(t, known);
        expect(page.groups[0]!.heading.startsWith(title)).toBe(true);
        const csv = tool(['--csv', folder], scenarios);
        expect(csv.status).toBe(0);
        expect(csv.stdout).toBe(toCsv(page.rows));
        const table = tool([folder], scenarios);
        expect(table.status).toBe(0);
        const lines = table.stdout.split('\n');
        expect(lines.slice(3, 3 + page.rows.length).map((l) => l.split(/ {2,}/))).toEqual(
          page.rows.map((r) => [r.player, r.scenarioTitle, r.roleName, r.endingTitle, r.inZone ? 'yes' : 'no', String(r.turns), String(r.choices)]),
        );
        const counts = page.groups.flatMap((g) => [`  ${g.heading}: ${g.inZone} of ${g.total} final packages inside the zone of agreement`, ...g.endings.map((e) => `    ${e.title} × ${e.count}`)]);
        expect(table.stdout).toContain(`endings reached:\n${counts.join('\n')}\n`);
      }
    } finally {
      for (const d of [folder, game, nothing]) rmSync(d, { recursive: true, force: true });
    }
  }, 90_000);
});
