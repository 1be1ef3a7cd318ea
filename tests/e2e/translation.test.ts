/**
 * A scenario's translation in the browser: a build of a folder holding
 * tiny.yaml and its Spanish translation, opened with `?lang=es`, shows the
 * translated line in the DOM mirror and on the canvas; a call saved in
 * English resumes in Spanish. The page's code still carries neither the
 * YAML reader nor zod. The class results page of the same build, in
 * Spanish, gives the scenario's Spanish names to results exported in either
 * language, and says in Spanish why a file was left out.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportedResult } from '../game/support.js';
import { readScenario } from '../../src/scenario/load.js';
import { e2e, expectInSync, expectTruthfulLanguages, hook, knownTexts, noBrowser, openUrl, playByKeyboard, readMirror, ROOT, scenarioTexts, shot, useBrowser, waitCanvas } from './support.js';

const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

const fixture = (name: string) => readFileSync(path.join(ROOT, 'tests/fixtures', name), 'utf8');

/**
 * tiny with no translation, whose deal has no reason of its author's: the
 * game words one, from a meter's label and the beat it needs visited.
 */
const UNTRANSLATED = fixture('tiny.yaml')
  .replace('id: tiny', 'id: untranslated')
  .replace('title: A tiny call', 'title: A tiny call, in English only')
  .replace('when: { meter: trust, gte: 3 }, unavailable: Needs trust of 3 or more,', 'when: { all: [{ meter: trust, gte: 3 }, { visited: answer }] },');

/** tiny written in French, a language the game has no words in, whose deal has no reason of its author's either. */
const IN_FRENCH = fixture('tiny-in-french.yaml');

/** Every text whose language the tests know: the game's own words, tiny's in English, Spanish and French. */
const KNOWN = knownTexts([
  ['en', scenarioTexts(readScenario(UNTRANSLATED, 'untranslated.yaml').scenario!)],
  ['es', Object.values((parse(fixture('tiny.es.yaml')) as { texts: Record<string, string> }).texts)],
  ['fr', [...Object.values((parse(fixture('tiny.fr.yaml')) as { texts: Record<string, string> }).texts), ...scenarioTexts(readScenario(IN_FRENCH, 'tiny-in-french.yaml').scenario!)]],
]);

const CITE = 'Made-up notes (Backchannel tests, 2026-01-01)';

/** The language each source's title is marked in, with the title. */
const citeLanguages = (page: import('playwright-core').Page) => page.locator('#mirror .m-cite').evaluateAll((cs) => cs.map((c) => [c.closest('[lang]')?.getAttribute('lang'), c.textContent]));

describe.skipIf(noBrowser)(`a translated scenario in Chromium ${e2e.reason}`, () => {
  const browser = useBrowser();
  const outDir = path.join(ROOT, 'test-results/e2e-dist-translation');
  let server: PreviewServer | undefined;
  let base = '';

  beforeAll(async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bc-translation-'));
    copyFileSync(path.join(ROOT, 'tests/fixtures/tiny.yaml'), path.join(folder, 'tiny.yaml'));
    copyFileSync(path.join(ROOT, 'tests/fixtures/tiny.es.yaml'), path.join(folder, 'tiny.es.yaml'));
    // French: a language the scenario has and the game's own words do not.
    copyFileSync(path.join(ROOT, 'tests/fixtures/tiny.fr.yaml'), path.join(folder, 'tiny.fr.yaml'));
    writeFileSync(path.join(folder, 'untranslated.yaml'), UNTRANSLATED);
    // Named to sort after tiny.yaml, which the title screen, opened with no scenario=, must show first.
    writeFileSync(path.join(folder, 'written-in-french.yaml'), IN_FRENCH);
    const before = process.env['BACKCHANNEL_SCENARIO_DIR'];
    process.env['BACKCHANNEL_SCENARIO_DIR'] = folder;
    try {
      await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    } finally {
      if (before === undefined) delete process.env['BACKCHANNEL_SCENARIO_DIR'];
      else process.env['BACKCHANNEL_SCENARIO_DIR'] = before;
      rmSync(folder, { recursive: true, force: true });
    }
    server = await preview({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    base = server.resolvedUrls!.local[0]!;
  });
  afterAll(async () => {
    if (server) await new Promise<void>((r) => server!.httpServer.close(() => r()));
  });

  const start = async (page: import('playwright-core').Page) => {
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    await waitCanvas(page);
  };

  it('the translation travels in the scenario file, and the code still carries no YAML reader or zod', () => {
    const dir = path.join(outDir, 'assets');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) expect(readFileSync(path.join(dir, f), 'utf8'), f).not.toMatch(/YAMLParseError|ZodError|\$ZodType|checkSemantics|parseScenarioText/);
    const data = JSON.parse(readFileSync(path.join(dir, readdirSync(dir).find((f) => /^scenarios-.*\.json$/.test(f))!), 'utf8')) as { scenarios: { translations?: { language: string }[] }[] };
    expect(data.scenarios.find((x) => x.translations)!.translations?.map((t) => t.language)).toEqual(['es', 'fr']);
  });

  it('with ?lang=es the call is in Spanish, in the DOM mirror and on the canvas', async () => {
    const { context, page, problems } = await openUrl(browser(), `${base}?lang=es&scenario=tiny&role=a&seed=7`);
    await waitCanvas(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.locator('#m-title').textContent()).toBe('Informe: Enviado del lado A');
    // The scenario is in the page's language: no notice that it is written in another, and no lang= of its own,
    // but for its sources' titles, cited as published, in the language the scenario was written in.
    expect((await readMirror(page)).notices.join(' ')).not.toMatch(/escrito en/);
    expect(await page.locator('#mirror [lang]:not(.m-cite)').count()).toBe(0);
    expect(await page.locator('#mirror .m-cite').evaluateAll((cs) => cs.map((c) => [c.getAttribute('lang'), c.textContent]))).toEqual([['en', 'Made-up notes (Backchannel tests, 2026-01-01)']]);
    await start(page);
    // tiny's first line, "Hello.", in its Spanish translation.
    await page.waitForFunction(() => (window.__backchannel!.canvas() as { line: string | null } | null)?.line === 'Hola.');
    expect((await readMirror(page)).line).toBe('Hola.');
    expect((await hook(page)).canvas.line).toBe('Hola.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__backchannel!.view() as { phase: string } | null)?.phase === 'choosing');
    await expectInSync(page);
    const m = await readMirror(page);
    expect(m.line).toBe('¿Hablamos?');
    expect(m.buttons.map((b) => b.label)).toEqual(['Ofrecer compartir el puente.', 'Advertirles.', 'Cerrar el acuerdo.']);
    expect(m.buttons[2]!.description).toContain('Hace falta una confianza de 3 o más');
    expect((await hook(page)).canvas.actions.map((a) => a.label)).toEqual(['Ofrecer compartir el puente.', 'Advertirles.', 'Cerrar el acuerdo.']);
    await shot(page, 'translation-es-1280x720');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a call saved in English resumes in Spanish with ?lang=es', async () => {
    const { context, page, problems } = await openUrl(browser(), `${base}?scenario=tiny&role=a&seed=7`);
    await waitCanvas(page);
    expect(await page.locator('#m-title').textContent()).toBe("Briefing: Side A's envoy");
    await start(page);
    expect((await readMirror(page)).line).toBe('Hello.');
    await page.goto(`${base}?lang=es`);
    await waitCanvas(page);
    const title = await readMirror(page);
    expect(title.buttons[0]!.label).toBe('Continuar la llamada guardada (Enviado del lado A)');
    await page.keyboard.press('1');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    await waitCanvas(page);
    expect((await readMirror(page)).line).toBe('Hola.');
    expect((await hook(page)).canvas.line).toBe('Hola.');
    expect((await readMirror(page)).notices.join(' ')).toContain('Se reanudó tu llamada guardada.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the class results page in Spanish names the scenario in Spanish, whatever language each file was exported in', async () => {
    const { context, page, problems } = await openUrl(browser(), `${base}results.html?lang=es`, { width: 1280, height: 720 });
    expect(await page.locator('h1').textContent()).toBe('Resultados de la clase');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-control="add-results"]').click();
    const ana = exportedResult('Grupo Ana');
    await (
      await chooser
    ).setFiles([
      // Two in English, one in Spanish: the page's own language wins over the most common.
      json('ana.json', ana),
      json('ana (1).json', ana),
      json('bo.json', exportedResult('Grupo Bo', { warn: true })),
      json('cy.json', exportedResult('Grupo Cy', { lang: 'es' })),
      json('notas.json', '{"hola": 1}'),
      json('roto.json', '{roto'),
    ]);
    await page.waitForSelector('.r-table');
    // The scenario arrives after the page is drawn; its names replace the files' own.
    await page.waitForFunction(() => document.querySelector('.r-group h3')?.textContent === 'Una llamada diminuta, con el papel de Enviado del lado A');
    expect(await page.locator('[role="status"]').textContent()).toBe('3 resultados. 3 archivos descartados (ver abajo).');
    expect(await page.locator('.r-group .r-bar[data-ending="deal"] .r-bar-label').textContent()).toBe('Un acuerdo');
    const rows = await page.locator('.r-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent)));
    expect(rows.map((r) => r[1])).toEqual(['Enviado del lado A', 'Enviado del lado A', 'Enviado del lado A']);
    expect(rows.filter((r) => r[0] !== 'Grupo Bo').map((r) => r[2])).toEqual(['Un acuerdo', 'Un acuerdo']);
    expect(await page.locator('.r-left-out li').allTextContents()).toEqual([
      'ana (1).json: el mismo resultado que ana.json, contado una sola vez',
      'notas.json: no es un archivo de resultados exportado por Backchannel («Exportar resultados» en la pantalla del desenlace)',
      'roto.json: no es JSON, así que no es un archivo de resultados exportado por Backchannel',
    ]);
    await shot(page, 'results-es-1280x720');
    await page.locator('.r-left-out').scrollIntoViewIfNeeded();
    await shot(page, 'results-es-left-out-1280x720');
    expect(problems).toEqual([]);
    await context.close();
  });

  // Whatever lang= asks for, the game's words are in the language the page says, and the scenario's text in the one it is shown in.
  for (const c of [
    { lang: 'es', ui: 'es', content: 'es' },
    // French: the game has no words in it, the scenario a translation.
    { lang: 'fr', ui: 'en', content: 'fr' },
    { lang: 'en', ui: 'en', content: 'en' },
    // Neither has German.
    { lang: 'de', ui: 'en', content: 'en' },
    // Not a language tag at all: the address's value is left out.
    { lang: 'x_1!', ui: 'en', content: 'en' },
  ])
    it(`every lang mark in the panel tells the truth with lang=${c.lang}: the briefing, the call and the outcome`, async () => {
      const { context, page, problems } = await openUrl(browser(), `${base}?lang=${encodeURIComponent(c.lang)}&scenario=tiny&role=a&seed=7`, { reducedMotion: 'reduce' });
      await waitCanvas(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(c.ui);
      expect(await page.locator('#mirror').getAttribute('lang')).toBe(c.ui);
      const seen: Record<string, number>[] = [await expectTruthfulLanguages(page, KNOWN)];
      // The source's title is cited as published, in English, whatever it stands among.
      expect(await citeLanguages(page)).toEqual([['en', CITE]]);
      // The briefing's headings are the game's words; its facts the scenario's.
      expect(await page.locator('.m-sec-h').evaluateAll((hs) => hs.map((h) => h.closest('[lang]')?.getAttribute('lang')))).toEqual([c.ui, c.ui, c.ui]);
      expect(await page.locator('[data-section="briefing"] .note-text').evaluate((e) => e.closest('[lang]')?.getAttribute('lang'))).toBe(c.content);
      // Where the two are one language, nothing in the panel needs a mark of its own but the source's title.
      if (c.ui === c.content) expect(await page.locator('#mirror [lang]:not(.m-cite)').count()).toBe(0);
      await page.keyboard.press('Enter');
      const ending = await playByKeyboard(page, {
        plan: ['offer', 'offer', 'deal'],
        each: async () => {
          seen.push(await expectTruthfulLanguages(page, KNOWN));
        },
      });
      expect(ending).toBe('deal');
      seen.push(await expectTruthfulLanguages(page, KNOWN));
      expect(await citeLanguages(page)).toEqual([['en', CITE]]);
      expect(await page.locator('[data-ending] h2').evaluate((e) => e.closest('[lang]')?.getAttribute('lang'))).toBe(c.content);
      expect(await page.locator('.m-ending-kind').evaluate((e) => e.closest('[lang]')?.getAttribute('lang'))).toBe(c.ui);
      // Many texts of each language were checked, not a few.
      const total = (lang: string) => seen.reduce((n, x) => n + (x[lang] ?? 0), 0);
      expect(total(c.ui)).toBeGreaterThan(50);
      expect(total(c.content)).toBeGreaterThan(50);
      if (c.lang === 'fr') await shot(page, 'translation-fr-outcome-1280x720');
      expect(problems).toEqual([]);
      await context.close();
    });

  it('a scenario with no translation into the page’s language stays in its own, reasons the game words included, and the panel marks it', async () => {
    const { context, page, problems } = await openUrl(browser(), `${base}?lang=es`, { reducedMotion: 'reduce' });
    await waitCanvas(page);
    // The title lists the other scenario under its own title, in its own language, among the game's words.
    const pick = page.locator('[data-action="scenario:untranslated"]');
    expect(await pick.textContent()).toContain('Abrir escenario: A tiny call, in English only');
    expect(await pick.locator('.act-label [lang]').evaluateAll((xs) => xs.map((x) => [x.getAttribute('lang'), x.textContent]))).toEqual([['en', 'A tiny call, in English only']]);
    expect(await page.locator('#m-detail-scenario-untranslated').getAttribute('lang')).toBe('en');
    await expectTruthfulLanguages(page, KNOWN);
    await context.close();

    const opened = await openUrl(browser(), `${base}?lang=es&scenario=untranslated&role=a&seed=7`, { reducedMotion: 'reduce' });
    const p = opened.page;
    await waitCanvas(p);
    expect(await p.locator('#m-title').textContent()).toBe("Informe: Side A's envoy");
    expect(await p.locator('#m-title [lang]').evaluateAll((xs) => xs.map((x) => [x.getAttribute('lang'), x.textContent]))).toEqual([['en', "Side A's envoy"]]);
    expect((await readMirror(p)).notices.join(' ')).toContain('El escenario está escrito en inglés');
    await expectTruthfulLanguages(p, KNOWN);
    await p.keyboard.press('Enter');
    await waitCanvas(p);
    await p.keyboard.press('Enter');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => (window.__backchannel!.view() as { phase: string } | null)?.phase === 'choosing');
    await waitCanvas(p);
    // The game's reason is in the scenario's English, with the beat it needs told by its part, not its id.
    const reason = 'Needs Trust of 3 or more and after reaching "Talks"';
    const m = await readMirror(p);
    expect(m.buttons[2]!).toMatchObject({ label: 'Close the deal.', disabled: true, description: `No disponible: ${reason}` });
    expect(m.buttons[2]!.description).not.toContain('answer');
    expect(await p.locator('#m-reason-choice-deal [lang]').evaluateAll((xs) => xs.map((x) => [x.getAttribute('lang'), x.textContent]))).toEqual([['en', reason]]);
    expect(await p.locator('[data-action="choice:deal"]').getAttribute('lang')).toBe('en');
    // Its digit says why in the game's words, the choice and the reason in theirs.
    await p.keyboard.press('3');
    const status = p.locator('[data-mirror-status]');
    expect(await status.textContent()).toBe(`La opción 3, «Close the deal», no está disponible: ${reason}.`);
    expect(await status.locator('[lang]').evaluateAll((xs) => xs.map((x) => [x.getAttribute('lang'), x.textContent]))).toEqual([
      ['en', 'Close the deal'],
      ['en', reason],
    ]);
    // As a screen reader is told it on entering the choices: one sentence, which a description cannot mark, so it carries no marks to add stray spaces.
    const cdp = await p.context().newCDPSession(p);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: unknown }; description?: { value: unknown } }[] };
    await cdp.detach();
    expect(nodes.find((n) => !n.ignored && n.role?.value === 'group' && n.name?.value === 'Opciones')?.description?.value).toBe(`La opción 3, «Close the deal», no está disponible: ${reason}.`);
    await expectTruthfulLanguages(p, KNOWN);
    expect((await hook(p)).canvas.actions.find((a) => a.id === 'choice:deal')?.reason).toBe(reason);
    await shot(p, 'untranslated-es-call-1280x720');
    expect(await playByKeyboard(p, { plan: ['offer', 'offer', 'deal'] })).toBe('deal');
    const counted = await expectTruthfulLanguages(p, KNOWN);
    expect(counted['en']).toBeGreaterThan(10);
    expect(counted['es']).toBeGreaterThan(10);
    await shot(p, 'untranslated-es-outcome-1280x720');
    expect(opened.problems).toEqual([]);
    expect(problems).toEqual([]);
    await opened.context.close();
  });
  it('a reason the game words for a scenario in a language it has no words in marks each of the scenario’s names with its language', async () => {
    const names = ['Confiance', 'Le pont', 'Partagé', 'Pourparlers'].map((n) => ['fr', n]);
    for (const c of [
      { lang: 'en', reason: 'Needs Confiance of 3 or more and Le pont: Partagé and after reaching "Pourparlers"', said: (r: string) => `Choice 3, “Conclure l'accord”, is not available: ${r}.`, describe: 'Not available: ' },
      { lang: 'es', reason: 'Requiere Confiance de 3 o más y Le pont: Partagé y haber llegado a «Pourparlers»', said: (r: string) => `La opción 3, «Conclure l'accord», no está disponible: ${r}.`, describe: 'No disponible: ' },
    ]) {
      const { context, page, problems } = await openUrl(browser(), `${base}?lang=${c.lang}&scenario=tiny-in-french&role=a&seed=7`, { reducedMotion: 'reduce' });
      await waitCanvas(page);
      await page.keyboard.press('Enter');
      await waitCanvas(page);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (window.__backchannel!.view() as { phase: string } | null)?.phase === 'choosing');
      const m = await readMirror(page);
      expect(m.buttons[2]!).toMatchObject({ label: "Conclure l'accord.", disabled: true, description: `${c.describe}${c.reason}` });
      // The game's words carry the page's language; the names from the scenario, theirs.
      const marks = (selector: string) => page.locator(selector).locator('[lang]').evaluateAll((xs) => xs.map((x) => [x.getAttribute('lang'), x.textContent]));
      expect(await marks('#m-reason-choice-deal')).toEqual(names);
      await page.keyboard.press('3');
      const status = page.locator('[data-mirror-status]');
      expect(await status.textContent()).toBe(c.said(c.reason));
      expect(await marks('[data-mirror-status]')).toEqual([['fr', "Conclure l'accord"], ...names]);
      // As a screen reader computes the button's description: the names' own elements add no stray spaces.
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: unknown }; description?: { value: unknown } }[] };
      await cdp.detach();
      expect(nodes.find((n) => !n.ignored && n.role?.value === 'button' && n.name?.value === "Conclure l'accord.")?.description?.value).toBe(`${c.describe}${c.reason}`);
      expect((await hook(page)).canvas.actions.find((a) => a.id === 'choice:deal')?.reason).toBe(c.reason);
      const counted = await expectTruthfulLanguages(page, KNOWN);
      expect(counted['fr']).toBeGreaterThan(10);
      if (c.lang === 'en') await shot(page, 'in-french-reason-1280x720');
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
