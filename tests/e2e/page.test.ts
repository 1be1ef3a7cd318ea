/**
 * The page's outside faces (INTERFACE.md): a clean first load with a
 * favicon, the accessible mirror's structure, the mirror readable before
 * Phaser has loaded, the URL parameters, and reduced motion.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { describe, expect, it } from 'vitest';
import { countAnnounced, e2e, expectInSync, flagship, flagshipIn, hook, noBrowser, open, playByKeyboard, readMirror, ROOT, shot, startAs, useBrowser, waitCanvas, watch } from './support.js';

describe.skipIf(noBrowser)(`the page in Chromium ${e2e.reason}`, () => {
  const browser = useBrowser();
  const f = flagship();

  it('builds a bundle without the YAML parser, zod or the checker, with Phaser in its own chunk and without its WebGL renderer', () => {
    const dir = path.join(ROOT, 'test-results/e2e-dist/assets');
    const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const phaser = js.filter((f) => /^phaser-(?!app-)/.test(f));
    expect(phaser).toHaveLength(1);
    // The game draws with Canvas: Phaser's WebGL renderer and its shaders stay out of what a player downloads.
    expect(readFileSync(path.join(dir, phaser[0]!), 'utf8')).not.toMatch(/gl_FragColor|webglcontextlost/);
    for (const f of js) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/YAMLParseError|ZodError|\$ZodType|checkSemantics|parseScenarioText/);
      if (!phaser.includes(f)) expect(text.length, `${f} stays small`).toBeLessThan(300_000);
    }
    const html = readFileSync(path.join(ROOT, 'test-results/e2e-dist/index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
    // The scenarios are a JSON file beside the code, not text inside it.
    const data = readdirSync(dir).filter((f) => /^scenarios-.*\.json$/.test(f));
    expect(data).toHaveLength(1);
    expect(html).toContain(`<link rel="preload" href="./assets/${data[0]}" as="fetch"`);
    for (const file of js) expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toContain(f.scenario.summary.slice(0, 60));
  });

  it('plays the scenarios from the file it fetched, asking for it once', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    const asked: string[] = [];
    // The file as served, with the flagship's title changed: what the page shows can only come from it.
    await page.route(/\/assets\/scenarios-[^/]*\.json$/, async (route) => {
      asked.push(route.request().url());
      const res = await route.fetch();
      const data = (await res.json()) as { scenarios: { scenario: { id: string; title: string } }[] };
      for (const s of data.scenarios) if (s.scenario.id === f.id) s.scenario.title = `${s.scenario.title} (as fetched)`;
      await route.fulfill({ response: res, json: data });
    });
    await page.goto(`${e2e.baseURL!}?seed=7`);
    await waitCanvas(page);
    const { model, canvas } = await hook(page);
    expect((model.screen as unknown as { scenario: { title: string } }).scenario.title).toBe(`${f.scenario.title} (as fetched)`);
    expect(canvas.heading).toBe(`${f.scenario.title} (as fetched)`);
    expect(await page.locator('#mirror .m-screen h2').first().textContent()).toBe(`${f.scenario.title} (as fetched)`);
    await startAs(page, f.roles[0]!);
    expect(await playByKeyboard(page)).not.toBe('');
    expect((await readMirror(page)).ending).not.toBeNull();
    // The preload and the page's fetch are one request.
    expect(asked).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so in words, on the canvas and in the mirror, when the scenario file cannot be fetched, and tries again', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    let fail = true;
    await page.route(/\/assets\/scenarios-[^/]*\.json$/, (route) => (fail ? route.fulfill({ status: 404, body: 'not here' }) : route.continue()));
    await page.goto(e2e.baseURL!);
    await waitCanvas(page);
    const heading = 'The scenarios could not be loaded';
    expect(await page.locator('#m-title').textContent()).toBe(heading);
    expect(await page.locator('.m-problems').textContent()).toMatch(/scenarios-[^/]*\.json: the server answered HTTP 404/);
    const m = await readMirror(page);
    expect(m.buttons.map((b) => b.label)).toEqual(['Try again']);
    const { canvas } = await hook(page);
    expect(canvas.heading).toBe(heading);
    expect(canvas.actions.map((a) => a.label)).toEqual(['Try again']);
    await shot(page, 'load-failed-1280x720');
    fail = false;
    await page.keyboard.press('1');
    await page.waitForFunction(() => (window.__backchannel?.model() as { screen: { kind: string } } | undefined)?.screen.kind === 'title');
    await waitCanvas(page);
    expect(await page.locator('#m-title').textContent()).not.toBe(heading);
    await context.close();
  });

  it('says the scenario file is damaged, rather than hanging, when its data has the right outline but cannot be played', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    // Passes the fetch's outline check (a list of scenarios with ids) but lacks what a scenario needs.
    const damaged = JSON.stringify({ scenarios: [{ file: 'scenarios/x.yaml', scenario: { id: 'x', roles: [], beats: [], endings: [{ id: 'e' }] } }], problems: [], warnings: [] });
    await page.route(/\/assets\/scenarios-[^/]*\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: damaged }));
    await page.goto(e2e.baseURL!);
    await page.waitForFunction(() => window.__backchannel?.ready());
    expect(await page.locator('#m-title').textContent()).toBe('The scenarios could not be loaded');
    expect(await page.locator('.m-problems').textContent()).toMatch(/damaged and cannot be played/);
    const m = await readMirror(page);
    expect(m.buttons.map((b) => b.label)).toEqual(['Try again']);
    await context.close();
  });

  it('loads with no console error and no failed request, favicon included', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    const favicon: number[] = [];
    page.on('response', (r) => {
      if (/favicon\.(svg|ico)$/.test(new URL(r.url()).pathname)) favicon.push(r.status());
    });
    await page.goto(e2e.baseURL!);
    await page.waitForFunction(() => window.__backchannel?.ready());
    await page.waitForLoadState('networkidle');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^\.\/favicon\.svg$/);
    // Chromium asks for the favicon itself; whatever it asks for must be there.
    const icon = await page.evaluate(async () => (await fetch((document.querySelector('link[rel="icon"]') as HTMLLinkElement).href)).status);
    expect(icon).toBe(200);
    expect(favicon.every((s) => s === 200)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the mirror as INTERFACE.md says: one choices group, a live log, side controls outside', async () => {
    const { page, problems, context } = await open(browser());
    const m = await readMirror(page);
    expect(m.groupCount).toBe(1);
    expect(m.groupLabel).toBe('Choices');
    expect(m.logRole).toBe('log');
    expect(m.logLive).toBe('polite');
    expect(m.buttons.length).toBeGreaterThan(0);
    expect(m.buttonsOutsideGroup).toContain('mute');
    for (const b of m.buttons) expect(b.id.startsWith('role:') || b.id.startsWith('scenario:') || b.id === 'resume').toBe(true);
    // The example that comes for scenario authors is the last pick, in the panel and on the canvas, and says what it is.
    const example = m.buttons.findIndex((b) => b.id === 'scenario:example-minimal');
    if (example >= 0) {
      expect(example).toBe(m.buttons.length - 1);
      expect(m.buttons[example]!.label).toBe('Example for scenario authors: The Sill Bridge Toll');
      expect((await hook(page)).canvas.actions.at(-1)!.label).toBe('Example for scenario authors: The Sill Bridge Toll');
    }
    // Every control is reachable with Tab, and focus shows.
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const r = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a || a === document.body) return null;
        const style = getComputedStyle(a);
        return { key: a.dataset['action'] ?? a.dataset['control'] ?? a.id ?? a.tagName, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      });
      if (r) {
        reached.add(r.key);
        expect(r.outline, `focus is visible on ${r.key}`).toBe(true);
      }
    }
    for (const b of m.buttons) expect(reached).toContain(b.id);
    for (const c of ['mute', 'volume', 'text-speed', 'reduced-motion']) expect(reached).toContain(c);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps keyboard focus in the panel and in sight: on each new screen’s heading, through news flashes told once, to the ending, and back to the title', async () => {
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${f.roles[0]}&seed=11`, reducedMotion: 'reduce' });
    await waitCanvas(page);
    await page.focus('[data-choices]');
    await page.keyboard.press('Enter');
    let flashes = 0;
    await playByKeyboard(page, {
      each: async () => {
        const { model } = await hook(page);
        if ((model.screen.flash ?? []).length === 0) return;
        flashes++;
        // Told once: by the log, which carries the news and its source, and not again by an alert.
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        for (const news of model.screen.flash!) expect(await page.locator(`[role="log"] [data-log="${news.id}"]`).count()).toBe(1);
        if (flashes === 1) {
          // The flash covers the call like a dialogue box: Escape closes it, as its button does, and focus stays where it was, on the call's heading.
          await page.keyboard.press('Escape');
          await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { flash?: unknown[] } }).screen.flash?.length === 0);
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('m-title');
        }
      },
    });
    expect(flashes, 'the keyboard play met a news flash').toBeGreaterThan(0);
    const inSight = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const r = a.getBoundingClientRect();
        const panel = document.getElementById('mirror')!.getBoundingClientRect();
        return { heading: a.id === 'm-title' ? a.textContent : null, visible: r.bottom > Math.max(0, panel.top) && r.top < Math.min(innerHeight, panel.bottom) };
      });
    expect(await readMirror(page).then((m) => m.ending)).not.toBeNull();
    expect(await inSight(), 'at the ending, focus is on the outcome’s heading, on screen, for the debrief to be read from the top').toEqual({ heading: 'Outcome', visible: true });
    // Play again: the new call's first line is told, added to the live log already on the page.
    const told = await countAnnounced(page);
    await page.keyboard.press('1');
    await page.waitForFunction(() => document.body.dataset['screen'] === 'call');
    expect(await told()).toBe(1);
    await playByKeyboard(page);
    // "Back to title" hides itself once pressed; focus stays in the panel, on the title's heading.
    await page.focus('[data-control="title"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset['screen'] === 'title');
    expect(await inSight()).toEqual({ heading: 'Backchannel', visible: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives a screen reader the words as written, never capitals added by the style, and headings that step down one level at a time', async () => {
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${f.roles[0]}&seed=11`, reducedMotion: 'reduce' });
    const cdp = await context.newCDPSession(page);
    const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
    /** Text the accessibility tree exposes that the page does not hold as written (capitals from text-transform show up here). */
    const notAsWritten = async (): Promise<string[]> => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: unknown } }[] };
      // textContent, not innerText, which applies text-transform itself.
      const written = squash(await page.evaluate(() => document.body.textContent ?? ''));
      return nodes
        .filter((n) => !n.ignored && ['StaticText', 'heading', 'log'].includes(n.role?.value ?? ''))
        .map((n) => squash(String(n.name?.value ?? '')))
        .filter((t) => /\p{L}/u.test(t) && !written.includes(t));
    };
    /** Headings, in page order, that skip a level on the way down (an h1 followed by an h3). */
    const skipped = () =>
      page.evaluate(() => {
        const hs = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].filter((h) => h.checkVisibility());
        return hs.filter((h, i) => i > 0 && Number(h.tagName[1]) > Number(hs[i - 1]!.tagName[1]) + 1).map((h) => `${h.tagName}: ${h.textContent}`);
      });
    // The briefing: the panel's headings.
    expect(await notAsWritten()).toEqual([]);
    expect(await skipped()).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    // The call, through an invented line's marker and a news flash, to the ending.
    let flashes = 0;
    await playByKeyboard(page, {
      each: async () => {
        const { model } = await hook(page);
        if ((model.screen.flash ?? []).length > 0) flashes++;
        if (flashes <= 1) expect(await notAsWritten()).toEqual([]);
        expect(await skipped()).toEqual([]);
      },
    });
    expect(flashes).toBeGreaterThan(0);
    expect(await page.locator('.marker-invented').count()).toBeGreaterThan(0);
    expect(await notAsWritten()).toEqual([]);
    expect(await skipped()).toEqual([]);
    await cdp.detach();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells a screen reader how a move changed the meters', async () => {
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${f.roles[0]}&seed=11`, reducedMotion: 'reduce' });
    const news = page.locator('[data-meter-news]');
    expect(await news.getAttribute('role')).toBe('status');
    expect(await news.getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    expect(await news.textContent(), 'the meters a call starts with are not news').toBe('');
    const minus = (n: number) => (n > 0 ? `+${n}` : `\u2212${-n}`);
    let told = 0;
    for (let step = 0; step < 80 && told < 2; step++) {
      await waitCanvas(page);
      const { view, model } = await hook(page);
      if (model.screen.kind !== 'call' || !view) break;
      if (model.actions.some((a) => a.kind === 'continue')) {
        await page.keyboard.press('Enter');
        continue;
      }
      const before = new Map(view.meters.map((m) => [m.id, m.value]));
      const open = view.choices.find((c) => c.available)!;
      await page.keyboard.press(String(open.number));
      await waitCanvas(page);
      const after = (await hook(page)).view;
      if (!after) break;
      const changed = after.meters.filter((m) => before.get(m.id) !== m.value);
      if (changed.length === 0) continue;
      told++;
      const labels = await page.locator('[data-meter] .m-meter-label').allTextContents();
      const text = await news.textContent();
      for (const m of changed) {
        const label = labels[after.meters.indexOf(m)]!;
        expect(text).toContain(`${label} ${minus(m.value - before.get(m.id)!)}, now ${m.value} of `);
      }
    }
    expect(told, 'moves changed the meters').toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the game in the mirror before Phaser has loaded', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/phaser-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${e2e.baseURL!}?scenario=${f.id}&role=${f.roles[0]}`);
    await page.waitForSelector('[data-choices] button');
    const early = await page.evaluate(() => ({ ready: window.__backchannel!.ready(), canvas: document.querySelector('#game canvas') !== null }));
    expect(early).toEqual({ ready: false, canvas: false });
    // The mirror already plays: start the call and read its first line.
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-line]');
    const m = await readMirror(page);
    const { view } = await hook(page);
    expect(m.line).toBe(view?.line?.text);
    expect(m.log.length).toBeGreaterThan(0);
    release();
    await page.waitForFunction(() => window.__backchannel!.ready());
    await expectInSync(page);
    await context.close();
  });

  it('reads scenario, role, lang and seed from the URL', async () => {
    const role = f.roles[f.roles.length - 1]!;
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${role}&lang=es&seed=4242` });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.locator('.skip-link').textContent()).toBe('Saltar al panel de la llamada');
    const { model } = await hook(page);
    expect(model.screen.kind).toBe('briefing');
    const m = await readMirror(page);
    expect(m.groupLabel).toBe('Opciones');
    // In Spanish when scenarios/ holds a Spanish translation of the flagship.
    const roleName = flagshipIn('es').roles.find((r) => r.id === role)!.name;
    expect(await page.locator('#m-title').textContent()).toContain(roleName);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    const rec = (await page.evaluate(() => window.__backchannel!.session())) as { role: string; seed: number };
    expect(rec).toMatchObject({ role, seed: 4242 });
    // For a language the game has no words for, its words stay English, and the page says so to a screen reader.
    const fr = await open(browser(), { query: `?lang=fr`, context });
    expect(await fr.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect((await readMirror(fr.page)).groupLabel).toBe('Choices');
    expect(await fr.page.locator('.skip-link').textContent()).toBe('Skip to the call panel');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says in words, on the canvas and in the mirror, when no scenario can be played', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'bc-empty-'));
    const outDir = path.join(ROOT, 'test-results/e2e-dist-empty');
    const before = process.env['BACKCHANNEL_SCENARIO_DIR'];
    process.env['BACKCHANNEL_SCENARIO_DIR'] = empty;
    try {
      await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    } finally {
      if (before === undefined) delete process.env['BACKCHANNEL_SCENARIO_DIR'];
      else process.env['BACKCHANNEL_SCENARIO_DIR'] = before;
      rmSync(empty, { recursive: true, force: true });
    }
    const server = await preview({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    try {
      const url = server.resolvedUrls!.local[0]!;
      const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const problems: string[] = [];
      watch(page, problems);
      await page.goto(url);
      await page.waitForFunction(() => window.__backchannel?.canvas()?.heading === 'No scenario can be played');
      expect(await page.locator('#m-title').textContent()).toBe('No scenario can be played');
      expect(await page.locator('.m-problems').textContent()).toContain('scenarios/');
      await shot(page, 'problem-1280x720');
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    }
  });

  it('honours prefers-reduced-motion: no typewriter', async () => {
    const { page, problems, context } = await open(browser(), { reducedMotion: 'reduce', query: `?scenario=${f.id}` });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    for (let i = 0; i < 4; i++) {
      const { canvas, model } = await hook(page);
      expect(canvas.typing).toBe(false);
      expect((model as unknown as { reducedMotion: boolean }).reducedMotion).toBe(true);
      if (!model.actions.some((a) => a.kind === 'continue')) break;
      await page.keyboard.press('Enter');
    }
    expect(await page.locator('#m-motion').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
