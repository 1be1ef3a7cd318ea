/**
 * Saves and settings across reloads: "Continue" resumes at the same line
 * with the same meters; a corrupt save is set aside with a notice; mute is
 * remembered.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countAnnounced, e2e, expectInSync, flagship, hook, noBrowser, open, readMirror, shot, startAs, useBrowser, waitCanvas } from './support.js';


/** A few moves into the call: continue through lines, take the first open choice. */
async function someMoves(page: Page, moves = 6): Promise<void> {
  for (let i = 0; i < moves; i++) {
    const { model } = await hook(page);
    const cont = model.actions.find((a) => a.kind === 'continue');
    const first = model.actions.findIndex((a) => !a.disabled);
    await page.keyboard.press(cont ? 'Enter' : String(first + 1));
    await waitCanvas(page);
    if ((await hook(page)).model.screen.kind !== 'call') break;
  }
}

describe.skipIf(noBrowser)(`saves and settings in Chromium ${e2e.reason}`, () => {
  const browser = useBrowser();
  const f = flagship();

  it('resumes at the same place after a reload', async () => {
    const { page, problems, context } = await open(browser(), { query: '?seed=3', reducedMotion: 'reduce' });
    await startAs(page, f.roles[0]!);
    await someMoves(page);
    const before = await hook(page);
    expect(before.model.screen.kind).toBe('call');
    await page.reload();
    await waitCanvas(page);
    const title = await hook(page);
    expect(title.model.screen.kind).toBe('title');
    expect(title.model.actions[0]!.id).toBe('resume');
    await shot(page, 'title-continue-1280x720');
    const announced = await countAnnounced(page);
    // Enter continues the saved call.
    await page.keyboard.press('Enter');
    await waitCanvas(page);
    const after = await hook(page);
    expect(before.view!.log.length).toBeGreaterThan(3);
    expect(await announced(), 'the resumed call is not read back entry by entry').toBe(0);
    expect((await readMirror(page)).log).toHaveLength(before.view!.log.length);
    expect(after.view?.line).toEqual(before.view?.line);
    expect(after.view?.meters.map((m) => [m.id, m.value])).toEqual(before.view?.meters.map((m) => [m.id, m.value]));
    expect(after.view?.log).toEqual(before.view?.log);
    expect(after.model.actions.map((a) => a.id)).toEqual(before.model.actions.map((a) => a.id));
    await expectInSync(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a role link reloaded offers the call saved in that role first, and resumes it at the same place', async () => {
    const role = f.roles[0]!;
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${role}&seed=3`, reducedMotion: 'reduce' });
    expect((await readMirror(page)).buttons.map((b) => b.id)).toEqual(['start']);
    await page.keyboard.press('Enter');
    await waitCanvas(page);
    await someMoves(page);
    const before = await hook(page);
    expect(before.model.screen.kind).toBe('call');
    expect(before.view!.log.length).toBeGreaterThan(3);
    // The tablet wakes up and loads the same link again.
    await page.reload();
    await waitCanvas(page);
    const briefing = await hook(page);
    expect(briefing.model.screen.kind).toBe('briefing');
    const roleName = f.scenario.roles.find((r) => r.id === role)!.name;
    const m = await readMirror(page);
    expect(m.buttons.map((b) => [b.id, b.label])).toEqual([
      ['resume', `Continue the saved call (${roleName})`],
      ['start', 'Start a new call (the saved one is replaced)'],
    ]);
    expect(briefing.canvas.actions.map((a) => a.label)).toEqual(m.buttons.map((b) => b.label));
    await shot(page, 'briefing-continue-1280x720');
    // Enter continues, as on the title page.
    await page.keyboard.press('Enter');
    await waitCanvas(page);
    const after = await hook(page);
    expect(after.model.screen.kind).toBe('call');
    expect(after.view?.line).toEqual(before.view?.line);
    expect(after.view?.meters.map((x) => [x.id, x.value])).toEqual(before.view?.meters.map((x) => [x.id, x.value]));
    expect(after.view?.log).toEqual(before.view?.log);
    expect((await readMirror(page)).log).toHaveLength(before.view!.log.length);
    await expectInSync(page);

    // The link of the other role, on the same device, starts its own call and leaves this one be.
    const other = f.roles.find((r) => r !== role);
    if (other) {
      await page.goto(page.url().replace(`role=${role}`, `role=${other}`));
      await waitCanvas(page);
      expect((await readMirror(page)).buttons.map((b) => b.id)).toEqual(['start']);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sets a corrupt save aside with a notice, and a new game still starts', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript((id) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(`backchannel:save:${id}`, '{"app":"backchannel","format":1,"record":{"scenario":"' + id + '","contentHash":"x","role":"??","seed":-4,"moves":[1]}}');
        sessionStorage.setItem('seeded', '1');
      }
    }, f.id);
    const { page, problems } = await open(browser(), { context });
    const m = await readMirror(page);
    expect(m.notices.join(' ')).toMatch(/set aside/);
    expect(m.buttons.map((b) => b.id)).not.toContain('resume');
    const stored = await page.evaluate((id) => ({ save: localStorage.getItem(`backchannel:save:${id}`), aside: localStorage.getItem(`backchannel:save-set-aside:${id}`) }), f.id);
    expect(stored.save).toBeNull();
    expect(stored.aside).toContain('"seed":-4');
    await shot(page, 'title-save-set-aside-1280x720');
    await startAs(page, f.roles[0]!);
    expect((await hook(page)).model.screen.kind).toBe('call');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('still plays in a browser with storage disabled, and says the call will not be kept', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const { page, problems } = await open(browser(), { context });
    const m = await readMirror(page);
    expect(m.notices.join(' ')).toMatch(/does not keep data/);
    await startAs(page, f.roles[0]!);
    await page.keyboard.press('m');
    expect(await page.locator('[data-control="mute"]').getAttribute('aria-pressed')).toBe('true');
    await expectInSync(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('remembers mute (M key or the mute button) across reloads', async () => {
    const { page, problems, context } = await open(browser());
    const pressed = () => page.locator('[data-control="mute"]').getAttribute('aria-pressed');
    expect(await pressed()).toBe('false');
    await page.keyboard.press('m');
    expect(await pressed()).toBe('true');
    await page.reload();
    await waitCanvas(page);
    expect(await pressed()).toBe('true');
    await page.locator('[data-control="mute"]').click();
    expect(await pressed()).toBe('false');
    await page.reload();
    await waitCanvas(page);
    expect(await pressed()).toBe('false');
    expect(problems).toEqual([]);
    await context.close();
  });
});
