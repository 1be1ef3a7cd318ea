/**
 * The game as a screen-reader user plays it: in the panel alone, by Tab,
 * Enter and digits, hearing the live log, the status messages and where
 * focus lands. Each test asserts what such a player would notice.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sentence } from '../../src/game/mirror.js';
import { countAnnounced, e2e, flagship, hook, noBrowser, open, readMirror, useBrowser, waitCanvas } from './support.js';

/** What the focused element is, as a screen reader would name it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const group = document.querySelector('[data-choices]')!;
    return { id: a?.id ?? '', action: a?.dataset['action'] ?? null, control: a?.dataset['control'] ?? null, inGroup: !!a && group.contains(a) && a !== group, text: a?.textContent ?? '', tag: a?.tagName ?? '' };
  });

/** The description Chromium's accessibility tree gives the choices group. */
async function groupDescription(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: unknown }; description?: { value: unknown } }[] };
  await cdp.detach();
  const group = nodes.find((n) => !n.ignored && n.role?.value === 'group' && ['Choices', 'Opciones'].includes(String(n.name?.value)));
  return String(group?.description?.value ?? '');
}

const version = (page: Page) => page.evaluate(() => (window.__backchannel!.model() as { version: number }).version);

/** Waits until the game has moved on from `before` (a model version). */
const movedOn = (page: Page, before: number) => page.waitForFunction((v) => (window.__backchannel!.model() as { version: number }).version > v, before, { timeout: 5000 });

/**
 * Plays the call in the panel, as a screen-reader user does: Enter on the
 * focused button, or the digit of a planned choice while focus is on the
 * choices. After every move, focus must be on the first action open.
 */
async function playInPanel(page: Page, plan: string[], each?: (step: number) => Promise<void>): Promise<string> {
  const left = [...plan];
  for (let step = 0; step < 200; step++) {
    await waitCanvas(page);
    const { view, model } = await hook(page);
    if (model.screen.kind === 'outcome') return view?.ending?.id ?? '';
    await each?.(step);
    const { model: now } = await hook(page);
    if (now.screen.kind === 'outcome') return (await hook(page)).view?.ending?.id ?? '';
    const firstOpen = now.actions.find((a) => !a.disabled)!;
    if (step > 0) expect((await focused(page)).action, 'focus is on the first action the move left open').toBe(firstOpen.id);
    const before = await version(page);
    const planned = now.actions.findIndex((a) => a.id === `choice:${left[0]}` && !a.disabled);
    if (planned >= 0) {
      left.shift();
      await page.keyboard.press(String(planned + 1));
    } else {
      expect(firstOpen.kind, `the plan's next choice, ${left[0]}, is open`).toBe('continue');
      await page.keyboard.press('Enter');
    }
    await movedOn(page, before);
  }
  throw new Error('no ending reached');
}

describe.skipIf(noBrowser)(`the panel with a screen reader in Chromium ${e2e.reason}`, () => {
  const browser = useBrowser();
  const f = flagship();
  const amnesty = f.plans.find((p) => p.role === 'us' && p.choices.includes('us-am-refuse') && p.choices.includes('us-am-end'));

  it.skipIf(!amnesty)('a US call in the panel: headings focused, greyed-out choices explained, news heard alone, invented dialogue said once, the debrief in order', async () => {
    const { page, problems, context } = await open(browser(), { query: '?seed=1', reducedMotion: 'reduce' });
    // Picking a role from its button: the briefing is read from its heading.
    await page.focus('[data-action="role:us"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset['screen'] === 'briefing');
    const role = f.scenario.roles.find((r) => r.id === 'us')!;
    expect(await focused(page)).toMatchObject({ id: 'm-title', tag: 'H1', text: `Briefing: ${role.name}` });
    await page.keyboard.press('Tab');
    expect((await focused(page)).action, 'one Tab from the heading reaches the briefing’s action').toBe('start');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset['screen'] === 'call');
    expect((await focused(page)).id, 'the call is read from its heading').toBe('m-title');
    await page.keyboard.press('Tab');
    expect((await focused(page)).action).toBe('continue');

    let sawDemand = false;
    let sawNews = false;
    const ending = await playInPanel(page, amnesty!.choices, async () => {
      const { view, model } = await hook(page);
      const flash = model.screen.flash ?? [];
      if (flash.length > 0 && !sawNews) {
        sawNews = true;
        const news = flash[0]!;
        const mirror = await readMirror(page);
        // The news is the last thing the log told, with a stop between its text, when it really happened and its source.
        const last = page.locator('[role="log"] li').last();
        expect(await last.getAttribute('data-log')).toBe(news.id);
        const inject = view!.log.find((e) => (e as { id: string }).id === news.id) as { headline: string; text: string; timeline: string | null; source: string | null };
        const expected = [`News flash: ${sentence(inject.headline)}`, sentence(inject.text), inject.timeline ? sentence(inject.timeline) : null, inject.source ? sentence(`Source: ${inject.source}`) : null].filter(Boolean).join(' ');
        expect(await last.textContent()).toBe(expected);
        // What was said after it waits until the player is back in the call.
        const at = view!.log.findIndex((e) => (e as { id: string }).id === news.id);
        expect(mirror.log).toHaveLength(at + 1);
        expect(view!.log.length, 'the call went on after the news').toBeGreaterThan(at + 1);
        expect((await focused(page)).action).toBe('dismiss-flash');
        const told = await countAnnounced(page);
        const before = await version(page);
        await page.keyboard.press('Enter');
        await movedOn(page, before);
        expect(await told(), 'going back to the call is heard: the line said after the news').toBeGreaterThan(0);
        expect((await readMirror(page)).log).toHaveLength(view!.log.length);
      }
      if (view?.beat === 'us-am-demand' && view.phase === 'choosing' && !sawDemand) {
        sawDemand = true;
        const closed = view.choices.filter((c) => !c.available);
        expect(closed.length).toBeGreaterThan(0);
        const c = closed[0]!;
        const why = sentence(`Choice ${c.number}, “${c.text.replace(/\.$/, '')}”, is not available: ${c.reason}`);
        // Tab passes the disabled button by; the group says which is greyed out and why as focus enters it.
        const open = view.choices.filter((x) => x.available);
        for (const x of open) {
          expect((await focused(page)).action).toBe(`choice:${x.id}`);
          await page.keyboard.press('Tab');
        }
        expect((await focused(page)).inGroup).toBe(false);
        for (let i = 0; i < open.length; i++) await page.keyboard.press('Shift+Tab');
        expect((await focused(page)).action).toBe(`choice:${open[0]!.id}`);
        expect(await groupDescription(page)).toContain(why);
        // Its digit says why, as a status: not in the log, and nothing is taken.
        const mirror = await readMirror(page);
        const before = await version(page);
        await page.keyboard.press(String(c.number));
        await expect.poll(() => page.locator('[data-mirror-status]').textContent()).toBe(why);
        expect(await page.locator('[data-mirror-status]').getAttribute('role')).toBe('status');
        expect((await readMirror(page)).log).toEqual(mirror.log);
        expect(await version(page)).toBe(before);
        // Pressed again, it is told again: the status changes.
        await page.keyboard.press(String(c.number));
        await expect.poll(() => page.locator('[data-mirror-status]').textContent()).not.toBe(why);
        expect((await page.locator('[data-mirror-status]').textContent())!.trim()).toBe(why);
        expect((await focused(page)).inGroup, 'focus stays on the choices').toBe(true);
      }
    });
    expect(sawDemand, 'the call reached the amnesty demand').toBe(true);
    expect(sawNews, 'the call met a news flash').toBe(true);
    if (amnesty!.ending) expect(ending).toBe(amnesty!.ending);

    // At the ending, focus is on the outcome's heading, and the debrief reads from there.
    expect(await focused(page)).toMatchObject({ id: 'm-title', text: 'Outcome' });

    // Every line's status is exact, and "Invented dialogue" is said only where it starts.
    const { view } = await hook(page);
    const lines = await page.locator('[role="log"] li.log-line').evaluateAll((ls) => ls.map((l) => ({ id: l.getAttribute('data-log'), said: l.getAttribute('data-provenance'), text: l.textContent ?? '' })));
    const engine = (view!.log as { kind: string; id: string; invented: boolean; source: string | null }[]).filter((e) => e.kind === 'line');
    expect(lines.map((l) => l.id)).toEqual(engine.map((e) => e.id));
    let invented = false;
    for (const [i, l] of lines.entries()) {
      const e = engine[i]!;
      if (l.said === 'reported') invented = false;
      if (l.said === 'invented-from-here') invented = true;
      expect(e.source ? 'reported' : 'invented', `line ${l.id}`).toBe(l.said === 'reported' ? 'reported' : invented ? 'invented' : 'unmarked');
      if (e.source) expect(l.text).toContain(`Reported. Source: ${e.source}`);
      expect(l.text.includes('Invented dialogue')).toBe(l.said === 'invented-from-here');
    }
    expect(lines[0]!.text).toContain('Invented dialogue from here on, except lines marked as reported.');
    const saidInvented = lines.filter((l) => l.said === 'invented-from-here').length;
    expect(saidInvented).toBeLessThanOrEqual(engine.filter((e) => e.source).length + 1);
    expect(saidInvented).toBeLessThan(engine.filter((e) => e.invented).length);

    // The package on the table: each term a sentence, then what each option was worth, one option an item.
    const terms = page.locator('[data-section="terms"] .m-notes > li');
    expect(await terms.count()).toBe((f.scenario.terms ?? []).length);
    for (const li of await terms.all()) {
      expect(await li.locator('.note-text').textContent()).toMatch(/[.!?)]$/);
      expect(await li.locator(':scope > .marker').first().textContent()).toBe(' What each option was worth:');
      expect(await li.locator('.m-note-list > li').count()).toBeGreaterThan(1);
    }
    // The path: each move's kind in words.
    const kinds = await page.locator('[data-section="path"] .m-notes > li .marker').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) expect(k).toMatch(/^ Kind of move: (a |an )?[a-z ,]+(\.)?$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Continue in the panel is heard at the default text speed: it moves on while the canvas still types', async () => {
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${f.roles[0]}&seed=1` });
    expect(await page.locator('[data-control="text-speed"]').inputValue()).toBe('normal');
    await page.focus('[data-action="start"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset['screen'] === 'call');
    // Outside the panel, Enter first finishes the line the canvas types, as INTERFACE.md says.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await waitCanvas(page);
    await page.waitForFunction(() => window.__backchannel!.canvas()!.typing);
    const first = (await hook(page)).view?.line?.id;
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.__backchannel!.canvas()!.typing);
    expect((await hook(page)).view?.line?.id).toBe(first);
    // In the panel, each press moves on and is heard.
    await page.focus('[data-action="continue"]');
    let whileTyping = 0;
    for (let i = 0; i < 6; i++) {
      await waitCanvas(page);
      const { model, canvas } = await hook(page);
      if (model.actions[0]?.id !== 'continue') break;
      if (canvas.typing) whileTyping++;
      const told = await countAnnounced(page);
      const before = await version(page);
      await page.keyboard.press('Enter');
      await movedOn(page, before);
      expect(await told(), 'every press of Continue in the panel adds to the log').toBeGreaterThan(0);
    }
    expect(whileTyping, 'some presses came while the canvas typed').toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('never takes focus from a setting the player is in', async () => {
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${f.roles[0]}&seed=1`, reducedMotion: 'reduce' });
    await page.focus('[data-control="text-speed"]');
    // The call starts while the player is in the setting (a click from elsewhere, as another device or a canvas tap would).
    await page.evaluate(() => (document.querySelector('[data-action="start"]') as HTMLButtonElement).click());
    await page.waitForFunction(() => document.body.dataset['screen'] === 'call');
    await page.evaluate(() => (document.querySelector('[data-action="continue"]') as HTMLButtonElement).click());
    expect((await focused(page)).control).toBe('text-speed');
    expect(problems).toEqual([]);
    await context.close();
  });

  it.skipIf(!amnesty)('in Spanish: sources marked as English, numbers with a decimal comma, move kinds in Spanish', async () => {
    const { page, problems, context } = await open(browser(), { query: `?lang=es&scenario=${f.id}&role=us&seed=1`, reducedMotion: 'reduce' });
    // The briefing cites its sources with their English titles marked as English.
    const cited = page.locator('.m-screen .m-cite');
    expect(await cited.count()).toBeGreaterThan(0);
    for (const c of await cited.all()) expect(await c.getAttribute('lang')).toBe('en');
    // Once, in the list of sources, with its number; each fact refers to that number in Spanish words.
    expect(await page.locator('.m-screen [data-section="sources"] .note-text:has(.m-cite)').first().textContent()).toMatch(/^\[1\] Report on /);
    expect(await page.locator('.m-screen [data-section="briefing"] .marker').first().textContent()).toMatch(/^ Fuente \[1\]/);
    await page.focus('[data-action="start"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset['screen'] === 'call');
    await page.keyboard.press('Tab');
    await playInPanel(page, amnesty!.choices);
    // The log: a reported line cites its source in English, inside Spanish words.
    const reported = page.locator('[role="log"] li[data-provenance="reported"]').first();
    expect(await reported.textContent()).toContain('Documentado. Fuente: ');
    expect(await reported.locator('.m-cite').getAttribute('lang')).toBe('en');
    expect(await page.locator('[role="log"] li').first().textContent()).toContain('Diálogo inventado a partir de aquí');
    // The debrief: decimals with a comma, never a point; move kinds in Spanish words.
    const debrief = (await page.locator('.m-screen').textContent())!;
    expect(debrief).toMatch(/[+\u2212]\d+,\d/);
    expect(debrief).not.toMatch(/\d\.\d/);
    const kinds = await page.locator('[data-section="path"] .m-notes > li .marker').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) expect(k).toMatch(/^ Tipo de jugada: /);
    expect(kinds.join(' ')).not.toMatch(/\b(propose|concede|ask|reassure|threaten|mediate|refuse|delay|hang-up)\b/);
    expect(await page.locator('[data-section="terms"] .m-notes > li > .marker').first().textContent()).toBe(' Lo que valía cada opción:');
    expect(problems).toEqual([]);
    await context.close();
  });
});
