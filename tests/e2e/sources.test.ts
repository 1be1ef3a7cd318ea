/**
 * Where the facts come from, as a class sees it: the briefing cites each
 * source once, with its note, and ties every fact to it by number; the
 * outcome lists the sources with their notes and says that the values are
 * the game's model. Screenshots scrolled to the end of each screen go to
 * test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2e, expectInSync, expectTruthfulLanguages, flagship, flagshipIn, hook, knownTexts, noBrowser, open, playByKeyboard, scenarioTexts, shot, useBrowser, waitCanvas } from './support.js';

/** The text of a section of the mirror, item by item. */
async function mirrorSection(page: Page, id: string): Promise<string[]> {
  return page.locator(`[data-section="${id}"] li`).allTextContents();
}

/** Scrolls the canvas to the end of the screen with the wheel. */
async function scrollCanvasToEnd(page: Page): Promise<void> {
  const box = (await page.locator('#game canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 40 && (await hook(page)).canvas.scrollHint !== null; i++) await page.mouse.wheel(0, 400);
  await page.waitForTimeout(150);
}

const REPORT = 'Report on the Trump–Maduro phone call (An online news report (the copy used names no publisher), 2025-11-30 or later)';

/** Each source's title in the panel, with the language it is marked in. */
const citeLanguages = (page: Page) => page.locator('#mirror .m-cite').evaluateAll((cs) => cs.map((c) => [c.closest('[lang]')?.getAttribute('lang'), c.textContent]));

describe.skipIf(noBrowser)(`sources and the game's model in Chromium ${e2e.reason}`, () => {
  const browser = useBrowser();
  const f = flagship();

  for (const [w, h] of [
    [1280, 720],
    [390, 844],
  ] as const)
    it(`the briefing cites the report once, with its note, and numbers each fact at ${w}×${h}`, async () => {
      const { page, problems, context } = await open(browser(), { width: w, height: h, query: `?scenario=${f.id}&role=us`, reducedMotion: 'reduce' });
      const screenText = (await page.locator('section.m-screen').textContent()) ?? '';
      expect(screenText.split(REPORT).length - 1, 'the full citation appears once').toBe(1);
      const sources = await mirrorSection(page, 'sources');
      expect(sources).toHaveLength(1);
      expect(sources[0]).toContain(`[1] ${REPORT}`);
      expect(sources[0]).toMatch(/relies on unnamed sources/);
      expect(sources[0]).toMatch(/"dictator" in its own voice/);
      expect(sources[0]).toMatch(/to 1991/);
      const facts = await mirrorSection(page, 'briefing');
      expect(facts.length).toBeGreaterThan(5);
      for (const fact of facts) expect(fact).toMatch(/ Source \[1\]\.?$/);
      await expectInSync(page);
      await shot(page, `briefing-top-${w}x${h}`);
      await scrollCanvasToEnd(page);
      await shot(page, `briefing-sources-${w}x${h}`);
      expect(problems).toEqual([]);
      await context.close();
    });

  it('in Spanish, the note on the report is translated and the citation stays as published', async () => {
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=ve&lang=es`, reducedMotion: 'reduce' });
    const sources = await mirrorSection(page, 'sources');
    expect(await page.locator('[data-section="sources"] .m-sec-h').textContent()).toBe('Fuentes');
    expect(sources[0]).toContain(`[1] ${REPORT}`);
    expect(sources[0]).toMatch(/fuentes anónimas/);
    expect(sources[0]).toMatch(/«dictador»/);
    for (const fact of await mirrorSection(page, 'briefing')) expect(fact).toMatch(/ Fuente \[1\]\.?$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const [w, h] of [
    [1280, 720],
    [390, 844],
  ] as const)
    it(`the outcome lists every source with its note and marks the values as the game’s model at ${w}×${h}`, async () => {
      const { page, problems, context } = await open(browser(), { width: w, height: h, query: `?scenario=${f.id}&role=us&seed=4`, reducedMotion: 'reduce' });
      await page.keyboard.press('Enter');
      await waitCanvas(page);
      await playByKeyboard(page);
      await expectInSync(page);
      const sources = await mirrorSection(page, 'sources');
      expect(sources).toHaveLength(f.scenario.sources.length);
      expect(sources[0]).toContain(`[1] ${REPORT}`);
      expect(sources[0]).toMatch(/relies on unnamed sources/);
      for (const [i, src] of f.scenario.sources.entries()) expect(sources[i]).toContain(src.note!);
      const history = await mirrorSection(page, 'history');
      expect(history[0]).toMatch(/ Source \[[1-4]\]( · Source \[[1-4]\])*\.?$/);
      const zone = await mirrorSection(page, 'zone');
      expect(zone[1]).toMatch(/game’s model, set by the scenario’s author for teaching\. They are not the known positions of the real governments\./);
      const sides = zone.filter((x) => x.includes('Worth of the final package'));
      expect(sides).toHaveLength(2);
      for (const side of sides) expect(side).toMatch(/ The game’s model\.?$/);
      await shot(page, `outcome-top-${w}x${h}`);
      await scrollCanvasToEnd(page);
      await shot(page, `outcome-sources-${w}x${h}`);
      expect(problems).toEqual([]);
      await context.close();
    });

  // The Call has a Spanish translation and no French one, and the game's words have no French either.
  for (const c of [
    { lang: 'es', ui: 'es' },
    { lang: 'fr', ui: 'en' },
    { lang: 'en', ui: 'en' },
    { lang: 'e$', ui: 'en' },
  ])
    it(`with lang=${c.lang}, each source's title is marked as the English it was published in, and nothing else is marked wrongly`, async () => {
      const known = knownTexts([
        ['en', scenarioTexts(f.scenario)],
        ['es', scenarioTexts(flagshipIn('es'))],
      ]);
      const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=ve&seed=4&lang=${encodeURIComponent(c.lang)}`, reducedMotion: 'reduce' });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(c.ui);
      const cites = await citeLanguages(page);
      expect(cites.length).toBeGreaterThan(0);
      for (const [lang, title] of cites) expect([lang, title]).toEqual(['en', expect.stringMatching(/\(.*\)$/)]);
      // In one language throughout, only a title published in another language carries a mark.
      const others = await page.locator('#mirror [lang]:not(.m-cite)').evaluateAll((xs) => xs.map((x) => `${x.getAttribute('lang')}: ${x.textContent}`));
      expect(others).toEqual([]);
      const counted = await expectTruthfulLanguages(page, known);
      expect(counted[c.ui]).toBeGreaterThan(10);
      await page.keyboard.press('Enter');
      await waitCanvas(page);
      await playByKeyboard(page);
      for (const [lang] of await citeLanguages(page)) expect(lang).toBe('en');
      expect(await page.locator('#mirror [lang]:not(.m-cite)').count()).toBe(0);
      await expectTruthfulLanguages(page, known);
      expect(problems).toEqual([]);
      await context.close();
    });
});
