/**
 * The class results page's reading of files, without a browser: what a
 * teacher sees counted, grouped and left out, however the files arrive.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES, mostCommon, scenarioNames } from '../../src/engine/results.js';
import { MAX_RESULT_FILES, ResultsList, shortTime, type ResultSource } from '../../src/game/class-results.js';
import { stringsFor } from '../../src/game/i18n.js';
import { exportedResult, tinyEntry } from './support.js';

const t = stringsFor('en').strings;
const file = (name: string, content: string): ResultSource => ({ name, size: content.length, text: async () => content });

describe('the class results list', () => {
  it('counts each role’s endings, and how many final packages lay inside the zone', async () => {
    const list = new ResultsList();
    await list.add([file('g10.json', exportedResult('Group 10')), file('g2.json', exportedResult('Group 2', { warn: true })), file('g1.json', exportedResult('Group 1'))]);
    const s = list.summary(t);
    // Numbers in names sort as numbers.
    expect(s.rows.map((r) => r.player)).toEqual(['Group 1', 'Group 2', 'Group 10']);
    expect(s.groups).toHaveLength(1);
    const g = s.groups[0]!;
    expect(g.heading).toBe("A tiny call, playing Side A's envoy");
    expect(g.total).toBe(3);
    expect(g.endings[0]).toEqual({ ending: 'deal', title: 'A deal', count: 2 });
    expect(g.endings[1]!.count).toBe(1);
    expect(g.endings[1]!.ending).not.toBe('deal');
    expect(g.inZone).toBe(s.rows.filter((r) => r.inZone).length);
    expect(g.inZone).toBeGreaterThanOrEqual(2);
    expect(s.leftOut).toEqual([]);
  });

  it('counts a result once however often it is added, and keeps different results that share a name', async () => {
    const list = new ResultsList();
    const ana = exportedResult('Ana');
    await list.add([file('ana.json', ana)]);
    // The same file again, and the same result renamed on its way: one result.
    await list.add([file('ana.json', ana), file('ana (1).json', ana), file('bo.json', exportedResult('Bo'))]);
    let s = list.summary(t);
    expect(s.rows.map((r) => [r.player, r.file])).toEqual([
      ['Ana', 'ana.json'],
      ['Bo', 'bo.json'],
    ]);
    expect(s.leftOut).toEqual(['ana (1).json: the same result as ana.json, counted once']);
    // Another call under a name already used (the group played again) is a result of its own.
    await list.add([file('ana.json', exportedResult('Ana', { warn: true, at: '2026-03-04T10:20:00Z' }))]);
    s = list.summary(t);
    expect(s.rows.map((r) => r.player)).toEqual(['Ana', 'Ana', 'Bo']);
    expect(s.rows.map((r) => r.ending)).toContain('deal');
    expect(s.rows.filter((r) => r.ending !== 'deal')).toHaveLength(1);
    // A name that was not a result, then is, leaves the left-out list.
    await list.add([file('cy.json', '{oops')]);
    expect(list.summary(t).leftOut).toContain('cy.json: not JSON, so not a result file exported by Backchannel');
    await list.add([file('cy.json', exportedResult('Cy'))]);
    expect(list.summary(t).leftOut).toEqual(['ana (1).json: the same result as ana.json, counted once']);
    expect(list.summary(t).rows).toHaveLength(4);
    list.clear();
    expect(list.summary(t)).toEqual({ rows: [], leftOut: [], groups: [] });
  });

  it('leaves out what it cannot use, saying why, without reading files too large to be results', async () => {
    const list = new ResultsList();
    let read = false;
    const huge: ResultSource = {
      name: 'holiday.mp4',
      size: MAX_RESULT_BYTES + 1,
      text: async () => {
        read = true;
        return '';
      },
    };
    const unreadable: ResultSource = { name: 'gone.json', size: 10, text: () => Promise.reject(new Error('NotReadableError')) };
    await list.add([huge, unreadable, file('notes.json', '{"hello": 1}'), file('ok.json', exportedResult('Ok'))]);
    const s = list.summary(t);
    expect(read).toBe(false);
    expect(s.rows.map((r) => r.player)).toEqual(['Ok']);
    expect(s.leftOut).toEqual([
      'gone.json: could not be read',
      'holiday.mp4: larger than 2 MB, not a result file',
      'notes.json: not a result file exported by Backchannel ("Export results" on the outcome screen)',
    ]);
  });

  it('says why a file was left out in the page’s language', async () => {
    const list = new ResultsList();
    const ana = exportedResult('Ana');
    const huge: ResultSource = { name: 'holiday.mp4', size: MAX_RESULT_BYTES + 1, text: async () => '' };
    const unreadable: ResultSource = { name: 'gone.json', size: 10, text: () => Promise.reject(new Error('NotReadableError')) };
    await list.add([
      file('ana.json', ana),
      file('ana (1).json', ana),
      huge,
      unreadable,
      file('notes.json', '{"hello": 1}'),
      file('cy.json', '{oops'),
      file('half.json', JSON.stringify({ app: 'backchannel', kind: 'debrief', role: 'a' })),
    ]);
    expect(list.summary(stringsFor('es').strings).leftOut).toEqual([
      'ana (1).json: el mismo resultado que ana.json, contado una sola vez',
      'cy.json: no es JSON, así que no es un archivo de resultados exportado por Backchannel',
      'gone.json: no se pudo leer',
      'half.json: un archivo de resultados al que le falta el escenario, el papel o el análisis del desenlace',
      'holiday.mp4: ocupa más de 2 MB, así que no es un archivo de resultados',
      'notes.json: no es un archivo de resultados exportado por Backchannel («Exportar resultados» en la pantalla del desenlace)',
    ]);
    // The same files in English read as npm run results prints them.
    expect(list.summary(t).leftOut).toContain('ana (1).json: the same result as ana.json, counted once');
    expect(list.summary(t).leftOut).toContain('half.json: a result file without its scenario, role or debrief');
  });

  it('a class whose files mixed languages sees one title, one role name and one title an ending, whatever order the files came in', async () => {
    const files = [
      file('ana.json', exportedResult('Ana', { lang: 'es' })),
      file('bo.json', exportedResult('Bo')),
      file('cy.json', exportedResult('Cy', { lang: 'es', warn: true })),
      file('di.json', exportedResult('Di', { lang: 'es', at: '2026-03-04T11:00:00Z' })),
    ];
    const summaries = await Promise.all(
      [files, [...files].reverse(), [files[1]!, files[3]!, files[0]!, files[2]!]].map(async (order) => {
        const list = new ResultsList();
        await list.add(order);
        return list.summary(t);
      }),
    );
    for (const s of summaries) {
      // Three of the four were exported in Spanish: the Spanish names are the most common.
      expect(s.groups.map((g) => g.heading)).toEqual(['Una llamada diminuta, playing Enviado del lado A']);
      expect(s.groups[0]!.endings.find((e) => e.ending === 'deal')).toEqual({ ending: 'deal', title: 'Un acuerdo', count: 3 });
      expect(new Set(s.rows.map((r) => r.roleName))).toEqual(new Set(['Enviado del lado A']));
      expect(s.rows.filter((r) => r.ending === 'deal').map((r) => r.endingTitle)).toEqual(['Un acuerdo', 'Un acuerdo', 'Un acuerdo']);
    }
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
  });

  it('shows the names in the page’s language when the page has the scenario', async () => {
    const list = new ResultsList();
    await list.add([file('ana.json', exportedResult('Ana', { lang: 'es' })), file('bo.json', exportedResult('Bo')), file('cy.json', exportedResult('Cy', { lang: 'es' }))]);
    const data = { scenarios: [tinyEntry()], problems: [], warnings: [] };
    const en = list.summary(t, scenarioNames(data.scenarios, 'en'));
    expect(en.groups.map((g) => g.heading)).toEqual(["A tiny call, playing Side A's envoy"]);
    expect(en.groups[0]!.endings[0]).toEqual({ ending: 'deal', title: 'A deal', count: 3 });
    expect(en.rows.map((r) => [r.player, r.roleName, r.endingTitle])).toEqual([
      ['Ana', "Side A's envoy", 'A deal'],
      ['Bo', "Side A's envoy", 'A deal'],
      ['Cy', "Side A's envoy", 'A deal'],
    ]);
    const es = list.summary(stringsFor('es').strings, scenarioNames(data.scenarios, 'es'));
    expect(es.groups.map((g) => g.heading)).toEqual(['Una llamada diminuta, con el papel de Enviado del lado A']);
    // A scenario the page has in no fitting language leaves the files' own names, the most common first.
    expect(scenarioNames(data.scenarios, 'fr').size).toBe(0);
    expect(list.summary(t, scenarioNames(data.scenarios, 'fr')).groups[0]!.heading).toBe('Una llamada diminuta, playing Enviado del lado A');
  });

  it('the most common text wins, and a tie goes the same way whatever the order', () => {
    expect(mostCommon(['b', 'a', 'b'])).toBe('b');
    expect(mostCommon(['b', 'a'])).toBe('a');
    expect(mostCommon(['a', 'b'])).toBe('a');
    expect(mostCommon(['', '', 'x'])).toBe('x');
    expect(mostCommon([])).toBe('');
  });

  it('holds at most MAX_RESULT_FILES files and says how many more were refused', async () => {
    const list = new ResultsList();
    const many = Array.from({ length: MAX_RESULT_FILES + 3 }, (_, i) => file(`f${i}.json`, '{}'));
    await list.add(many);
    expect(list.summary(t).leftOut).toHaveLength(MAX_RESULT_FILES);
    expect(list.overflowed).toBe(3);
    // A file already in the list can still be replaced when it is full.
    await list.add([file('f0.json', exportedResult('Zed'))]);
    expect(list.summary(t).rows.map((r) => r.player)).toEqual(['Zed']);
  });

  it('shows export times in minutes, and anything odd as it came', () => {
    expect(shortTime('2026-11-25T10:04:05.000Z')).toBe('2026-11-25 10:04');
    expect(shortTime('yesterday')).toBe('yesterday');
  });
});
