/**
 * The class results page (results.html) in Chromium: a teacher reaches it
 * from the game's panel, adds the files groups exported, and sees the
 * endings counted, each result in a table, what was left out and why, and a
 * CSV to download; whatever the files say shows as text.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exportedResult } from '../game/support.js';
import { e2e, noBrowser, open, openUrl, shot, useBrowser } from './support.js';

const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe.skipIf(noBrowser)(`the class results page in Chromium ${e2e.reason}`, () => {
  const browser = useBrowser();

  it('is linked from the game’s panel, in the game’s language', async () => {
    const { page, problems, context } = await open(browser(), { query: '?lang=es' });
    const link = page.locator('[data-control="class-results"]');
    expect(await link.textContent()).toBe('Resultados de la clase (para docentes)');
    await link.click();
    await page.waitForURL(/results\.html\?lang=es$/);
    expect(await page.locator('h1').textContent()).toBe('Resultados de la clase');
    expect(await page.locator('[role="status"]').textContent()).toBe('Todavía no hay resultados.');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    // And back to the game, still in Spanish.
    await page.getByRole('link', { name: 'Volver al juego' }).click();
    await page.waitForURL(/\/\?lang=es$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    it(`summarises the files a class exported, at ${width}×${height}`, async () => {
      const { context, page, problems } = await openUrl(browser(), `${e2e.baseURL}results.html`, { width, height });
      const status = page.locator('[role="status"]');
      expect(await status.textContent()).toBe('No results yet.');
      expect(await page.locator('[data-control="csv"]').isDisabled()).toBe(true);
      await shot(page, `results-empty-${width}x${height}`);

      const hostile = '<img src=x onerror="window.__pwned=1">';
      // The button opens the browser's file chooser; the files chosen there are what is read.
      const chooser = page.waitForEvent('filechooser');
      await page.locator('[data-control="add-results"]').click();
      await (
        await chooser
      ).setFiles([
        json('g10.json', exportedResult('Group 10')),
        json('g2.json', exportedResult('Group 2', { warn: true })),
        json('g1.json', exportedResult(hostile)),
        json('notes.json', '{"hello": 1}'),
      ]);
      await page.waitForSelector('.r-table');
      expect(await status.textContent()).toBe('3 results. 1 file left out (see below).');
      // The endings, counted for the role that played them.
      const group = page.locator('.r-group');
      expect(await group.locator('h3').textContent()).toBe("A tiny call, playing Side A's envoy");
      expect(await group.locator('.r-bar[data-ending="deal"] .r-bar-count').textContent()).toBe('2');
      expect(await group.locator('.r-group-note').textContent()).toMatch(/^[23] of 3 final packages inside the zone of agreement$/);
      // Each result, names sorted as a person would; the hostile name is text, not markup.
      const players = await page.locator('.r-table tbody th').allTextContents();
      expect(players).toEqual([hostile, 'Group 2', 'Group 10']);
      expect(await page.locator('.r-table img').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      const first = await page.locator('.r-table tbody tr').nth(2).locator('td').allTextContents();
      expect(first.slice(0, 4)).toEqual(["Side A's envoy", 'A deal', 'Agreement', 'yes']);
      expect(await page.locator('.r-left-out li').allTextContents()).toEqual(['notes.json: not a result file exported by Backchannel ("Export results" on the outcome screen)']);
      await shot(page, `results-${width}x${height}`);

      // The same file added again replaces the first copy; it is not counted twice.
      await page.locator('input[type="file"]').setInputFiles([json('g10.json', exportedResult('Group 10'))]);
      await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === '3 results. 1 file left out (see below).');
      expect(await page.locator('.r-table tbody tr').count()).toBe(3);

      // The CSV a spreadsheet opens: UTF-8 marked as such, one line a result.
      const download = page.waitForEvent('download');
      await page.locator('[data-control="csv"]').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^backchannel-class-results-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await file.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFplayer,scenario,role,ending,')).toBe(true);
      expect(csv.trimEnd().split('\n')).toHaveLength(4);

      await page.locator('[data-control="clear"]').click();
      expect(await status.textContent()).toBe('No results yet.');
      expect(await page.locator('.r-table').count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('a class whose files mixed languages sees one title for the scenario, the one most files give', async () => {
    // The game built here has no scenario 'tiny', so the page knows no names of its own for it.
    const { context, page, problems } = await openUrl(browser(), `${e2e.baseURL}results.html`);
    await page.locator('input[type="file"]').setInputFiles([
      json('bo.json', exportedResult('Bo')),
      json('ana.json', exportedResult('Ana', { lang: 'es' })),
      json('cy.json', exportedResult('Cy', { lang: 'es', warn: true })),
    ]);
    await page.waitForSelector('.r-table');
    expect(await page.locator('.r-group h3').allTextContents()).toEqual(['Una llamada diminuta, playing Enviado del lado A']);
    expect(await page.locator('.r-table tbody tr td:nth-of-type(1)').allTextContents()).toEqual(['Enviado del lado A', 'Enviado del lado A', 'Enviado del lado A']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds files dropped on the page', async () => {
    const { context, page, problems } = await openUrl(browser(), `${e2e.baseURL}results.html`);
    const text = exportedResult('Dropped');
    // A real drag from the desktop cannot be scripted; this is the event the browser fires for one.
    await page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      const over = new DragEvent('dragover', { dataTransfer: dt, cancelable: true, bubbles: true });
      document.body.dispatchEvent(over);
      if (!over.defaultPrevented) throw new Error('the page did not accept the drag');
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true, bubbles: true }));
    }, text);
    await page.waitForSelector('.r-table');
    expect(await page.locator('.r-table tbody th').allTextContents()).toEqual(['Dropped']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
