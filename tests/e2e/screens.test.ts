/**
 * Every scene on a phone (390×844, both ways up, and a smaller 667×375
 * held sideways, in English and in Spanish, whose texts run longer), a
 * 1280×720 laptop and a 1920×1080 projector: it renders, fits and stays
 * playable, and the call's meters, their change chips and the speaker's
 * name and title can be read. Screenshots go to test-results/screenshots/
 * for a person to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvasInk, clickCard, e2e, expectInSync, flagship, flagshipIn, hook, noBrowser, open, playByKeyboard, playByMouse, shot, showChoices, useBrowser, waitCanvas } from './support.js';

async function fits(page: Page, width: number): Promise<void> {
  const r = await page.evaluate(() => {
    const c = document.querySelector('#game canvas') as HTMLCanvasElement;
    const box = c.getBoundingClientRect();
    return { scrollWidth: document.documentElement.scrollWidth, canvasW: box.width, canvasH: box.height, left: box.left };
  });
  expect(r.scrollWidth).toBeLessThanOrEqual(width);
  expect(r.left).toBeGreaterThanOrEqual(0);
  expect(r.canvasW).toBeLessThanOrEqual(width);
  expect(r.canvasH).toBeGreaterThan(300);
}

type Box = { x: number; y: number; w: number; h: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every meter on the canvas has its whole label, inside the canvas and clear of its bar and value; a change chip stands clear of all three. */
async function expectMetersReadable(page: Page, lang = 'en'): Promise<void> {
  const { canvas } = await hook(page);
  const box = (await page.locator('#game canvas').boundingBox())!;
  const labels = new Map((flagshipIn(lang).meters ?? []).map((m) => [m.id, m.label]));
  expect(canvas.meters.length).toBeGreaterThan(0);
  for (const m of canvas.meters) {
    expect(m.label, 'the label is drawn in full').toBe(labels.get(m.id));
    expect(m.labelBox.x).toBeGreaterThanOrEqual(box.x);
    expect(m.labelBox.x + m.labelBox.w, `${m.label} ends inside the canvas`).toBeLessThanOrEqual(box.x + box.width);
    expect(overlaps(m.labelBox, m.barBox), `${m.label} is clear of its bar`).toBe(false);
    expect(overlaps(m.labelBox, m.valueBox), `${m.label} is clear of its value`).toBe(false);
    const chip = m.chipBox;
    if (!chip) continue;
    // Clear space, not a hairline: the chip reads as its own mark, not as the label's last word.
    expect(chip.x - (m.labelBox.x + m.labelBox.w), `the change chip of ${m.label} stands clear of the label`).toBeGreaterThanOrEqual(6);
    expect(overlaps(chip, m.barBox), `the change chip of ${m.label} is clear of its bar`).toBe(false);
    expect(overlaps(chip, m.valueBox), `the change chip of ${m.label} is clear of its value`).toBe(false);
  }
}

/**
 * The meters stand together, one after the other: the space between one
 * meter's bar and the next label is less than a line of text, so the list
 * does not spread over spare height and each label reads with its own bar.
 */
async function expectMetersGrouped(page: Page): Promise<void> {
  const { canvas } = await hook(page);
  for (let i = 1; i < canvas.meters.length; i++) {
    const [prev, next] = [canvas.meters[i - 1]!, canvas.meters[i]!];
    const below = Math.max(prev.barBox.y + prev.barBox.h, prev.labelBox.y + prev.labelBox.h);
    expect(next.labelBox.y - below, `${next.label} follows ${prev.label} closely`).toBeLessThan(next.labelBox.h);
    expect(next.labelBox.y - (prev.barBox.y + prev.barBox.h), `${next.label} is further from the bar above than from its own`).toBeGreaterThan(next.barBox.y - (next.labelBox.y + next.labelBox.h));
  }
}

/**
 * The speaker's title is drawn whole (nothing cut), in at most `maxLines`
 * lines, and clear of the meters.
 */
async function expectSpeakerReadable(page: Page, lang: string, maxLines: number): Promise<void> {
  const { canvas, view } = await hook(page);
  const sp = canvas.speaker;
  const speakerId = view?.line?.speaker?.id;
  if (!sp || !speakerId) return;
  const actor = flagshipIn(lang).actors.find((a) => a.id === speakerId)!;
  expect(sp.name).toBe(actor.name);
  expect(sp.titleLines.join('').replace(/\s/g, ''), 'the title is drawn in full').toBe(actor.title.replace(/\s/g, ''));
  expect(sp.titleLines.length, `"${actor.title}" takes at most ${maxLines} lines`).toBeLessThanOrEqual(maxLines);
  for (const m of canvas.meters) expect(overlaps(sp.titleBox, m.labelBox), `the title is clear of ${m.label}`).toBe(false);
}

/** No text on the canvas is smaller than a projector at the back of a classroom can show: 14 px on a 1280×720 screen and up, scaled as the rest; 13 px on a phone, held close. */
async function expectTextReadable(page: Page, width: number): Promise<void> {
  const { canvas } = await hook(page);
  expect(canvas.smallestText, `the smallest text on the ${canvas.scene} at ${width} px wide`).toBeGreaterThanOrEqual(width >= 1280 ? 14 : 13);
}

describe.skipIf(noBrowser)(`screens at phone and projector sizes ${e2e.reason}`, () => {
  const browser = useBrowser();
  const f = flagship();

  it('renders and plays on a 390×844 phone, by touch on the canvas', async () => {
    const { page, problems, context } = await open(browser(), { width: 390, height: 844, query: '?seed=2', touch: true, scale: 2 });
    // The canvas has device pixels, so its text is crisp.
    expect(await page.evaluate(() => (document.querySelector('#game canvas') as HTMLCanvasElement).width)).toBe(780);
    await fits(page, 390);
    await shot(page, 'title-390x844');
    const role = f.roles[0]!;
    await clickCard(page, `role:${role}`, 'touch');
    await waitCanvas(page);
    await fits(page, 390);
    await shot(page, 'briefing-390x844');
    await clickCard(page, 'start', 'touch');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    await waitCanvas(page);
    await fits(page, 390);
    await expectMetersReadable(page);
    await shot(page, 'call-390x844');
    let shotChoices = false;
    let shotFlash = false;
    const plan = f.plans.find((p) => p.role === role)?.choices;
    await playByMouse(page, {
      how: 'touch',
      ...(plan ? { plan } : {}),
      each: async () => {
        await expectInSync(page);
        const { view, model } = await hook(page);
        if (!shotChoices && view?.phase === 'choosing' && !(model.screen.flash ?? []).length) {
          shotChoices = true;
          await showChoices(page, 'touch');
          await shot(page, 'call-choices-390x844');
        }
        if (!shotFlash && (model.screen.flash ?? []).length > 0) {
          shotFlash = true;
          await page.waitForTimeout(400);
          await shot(page, 'call-news-flash-390x844');
        }
      },
    });
    await fits(page, 390);
    await shot(page, 'outcome-390x844');
    await page.screenshot({ path: 'test-results/screenshots/outcome-390x844-full.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a phone held sideways, swiping up past the end of the canvas scrolls the page to the panel', async () => {
    const { page, problems, context } = await open(browser(), { width: 844, height: 390, query: '?seed=2&scenario=the-call', touch: true, scale: 2 });
    await waitCanvas(page);
    await clickCard(page, 'start', 'touch');
    await waitCanvas(page);
    const box = (await page.locator('#game canvas').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const swipeUp = async () => {
      const x = box.x + box.width / 2;
      const [from, to] = [box.height * 0.8, box.height * 0.2];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from }] });
      for (let k = 1; k <= 6; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: from + ((to - from) * k) / 6 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(60);
    };
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const lineBefore = (await hook(page)).view?.line?.id;
    // The canvas fills the screen: swipes first scroll its own content, then the page.
    for (let i = 0; i < 8 && (await page.evaluate(() => window.scrollY)) < 300; i++) await swipeUp();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(300);
    const top = await page.evaluate(() => document.querySelector('#mirror')!.getBoundingClientRect().top);
    expect(top, 'the panel has come up into the screen').toBeLessThan(390);
    // A swipe is not a tap: the call is still at the same line.
    expect((await hook(page)).view?.line?.id).toBe(lineBefore);
    await cdp.detach();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a phone, a swipe that starts on a canvas setting does not press it; a tap does', async () => {
    const { page, problems, context } = await open(browser(), { width: 390, height: 844, query: '?seed=2', touch: true, scale: 2 });
    const cdp = await context.newCDPSession(page);
    const swipe = async (x: number, from: number, to: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: from }] });
      for (let k = 1; k <= 8; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: from + ((to - from) * k) / 8 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(60);
    };
    const pill = async (id: string) => {
      const c = (await hook(page)).canvas.controls.find((x) => x.id === id);
      if (!c) throw new Error(`no ${id} pill on the canvas`);
      return c;
    };
    const box = (await page.locator('#game canvas').boundingBox())!;
    // The settings sit at the end of the title: scroll the canvas there with swipes that start elsewhere.
    for (let i = 0; i < 10; i++) {
      const p = await pill('mute');
      const canvasBottom = (await page.locator('#game canvas').boundingBox())!;
      if (p.y + p.h < canvasBottom.y + canvasBottom.height - 40) break;
      await swipe(box.x + 30, box.y + box.height * 0.6, box.y + box.height * 0.25);
    }
    const muted = () => page.locator('[data-control="mute"]').getAttribute('aria-pressed');
    const speed = () => page.locator('[data-control="text-speed"]').inputValue();
    expect(await muted()).toBe('false');
    const speedBefore = await speed();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    // A swipe up from the pill: the canvas has no more to scroll, so the page moves under the finger.
    for (const id of ['mute', 'text-speed']) {
      const p = await pill(id);
      await swipe(p.x + p.w / 2, p.y + p.h / 2, p.y + p.h / 2 - 120);
    }
    expect(await page.evaluate(() => window.scrollY), 'the swipes scrolled the page').toBeGreaterThan(scrollBefore);
    expect(await muted(), 'a swipe from the sound pill left the sound as it was').toBe('false');
    expect(await speed(), 'a swipe from the text-speed pill left the speed as it was').toBe(speedBefore);
    // A tap on the same pill still presses it.
    const p = await pill('mute');
    await page.touchscreen.tap(p.x + p.w / 2, p.y + p.h / 2);
    await page.waitForFunction(() => document.querySelector('[data-control="mute"]')?.getAttribute('aria-pressed') === 'true');
    expect((await pill('mute')).label).toBe('Sound: off');
    await cdp.detach();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a phone, "More below" has a strip of its own that no words run under, and a tap on it scrolls down', async () => {
    const { page, problems, context } = await open(browser(), { width: 390, height: 844, query: '?seed=2', touch: true, scale: 2 });
    const canvas = (await page.locator('#game canvas').boundingBox())!;
    const hintClear = async () => {
      const hint = (await hook(page)).canvas.scrollHint;
      expect(hint, 'the hint shows while there is more below').not.toBeNull();
      // The band the hint sits in, left of the hint: plain background, whatever is scrolled behind it.
      const band = { x: canvas.x + 2, y: hint!.y, w: hint!.x - canvas.x - 10, h: hint!.h };
      expect(await canvasInk(page, band), 'no words under the hint').toBeLessThan(0.01);
      return hint!;
    };
    const hint = await hintClear();
    const firstCard = async () => (await hook(page)).canvas.actions[0]!.y;
    const before = await firstCard();
    await page.touchscreen.tap(hint.x + hint.w / 2, hint.y + hint.h / 2);
    expect(await firstCard(), 'the tap scrolled the content up').toBeLessThan(before - 100);
    expect((await hook(page)).model.screen.kind, 'the tap pressed nothing').toBe('title');
    // The briefing is long: part-way down, its words still stop above the hint.
    await clickCard(page, `role:${f.roles[0]}`, 'touch');
    await waitCanvas(page);
    await hintClear();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.mouse.wheel(0, 130);
    await page.waitForTimeout(100);
    await hintClear();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the panel beside the canvas has larger type on a 1920×1080 projector, and the same as before on a laptop and a phone', async () => {
    const sizes: Record<string, number> = {};
    for (const [w, h] of [
      [390, 844],
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const { page, problems, context } = await open(browser(), { width: w, height: h, query: '?seed=2' });
      const r = await page.evaluate(() => {
        const mirror = document.querySelector('#mirror') as HTMLElement;
        const button = mirror.querySelector('[data-choices] button') as HTMLElement;
        return { button: parseFloat(getComputedStyle(button).fontSize), overflow: mirror.scrollWidth - mirror.clientWidth };
      });
      sizes[`${w}x${h}`] = r.button;
      expect(r.overflow, `nothing in the panel runs past its edge at ${w}×${h}`).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await context.close();
    }
    expect(sizes['390x844']).toBe(16);
    expect(sizes['1280x720']).toBe(16);
    expect(sizes['1920x1080']).toBeGreaterThanOrEqual(21);
  });

  /** Checks, at a choice on a phone held sideways, that the line and every choice are in view with nothing to scroll to. */
  async function expectAllInView(page: Page, where: string): Promise<void> {
    const { canvas } = await hook(page);
    expect(canvas.scrollHint, `nothing to scroll to (${where})`).toBeNull();
    for (const a of canvas.actions) expect(a.visible, `${a.label} is in view (${where})`).toBe(true);
  }

  // In Spanish too, whose texts run longer: every choice of every playthrough, not only the opening.
  for (const lang of ['en', 'es'] as const)
    it.skipIf(f.plans.length === 0)(`on a phone held sideways (667×375)${lang === 'en' ? '' : ' in Spanish'}, shows the line and every choice without scrolling, at each choice of every listed playthrough`, async () => {
      const context = await browser().newContext({ viewport: { width: 667, height: 375 }, reducedMotion: 'reduce' });
      for (const p of f.plans) {
        const { page, problems } = await open(browser(), { context, query: `?scenario=${f.id}&role=${p.role}&seed=1${lang === 'en' ? '' : `&lang=${lang}`}` });
        const { model } = await hook(page);
        await page.keyboard.press(String(model.actions.findIndex((a) => a.id === 'start') + 1));
        await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
        let choices = 0;
        await playByKeyboard(page, {
          plan: p.choices,
          strict: true,
          each: async () => {
            const { view, model } = await hook(page);
            if (view?.phase !== 'choosing' || (model.screen.flash ?? []).length > 0) return;
            choices++;
            await expectAllInView(page, `${lang}, ${p.label}, ${view.beat}`);
          },
        });
        expect(choices).toBeGreaterThan(0);
        expect(problems).toEqual([]);
        await page.close();
      }
      await context.close();
      // Eight calls played through: more than the project's 90 s for one test when both cores are busy.
    }, 240_000);

  for (const [w, h, lang] of [
    [844, 390, 'en'],
    [667, 375, 'en'],
    [667, 375, 'es'],
    [1280, 720, 'en'],
    [1920, 1080, 'en'],
  ] as const) {
    const size = `${w}x${h}${lang === 'en' ? '' : `-${lang}`}`;
    // A phone held sideways: the speaker's title sits beside a small portrait, above the meters.
    const sideways = h < 480;
    it(`renders every scene at ${w}×${h}${lang === 'en' ? '' : ` in ${lang}`}`, async () => {
      const { page, problems, context } = await open(browser(), { width: w, height: h, query: `?seed=9${lang === 'en' ? '' : `&lang=${lang}`}` });
      await fits(page, w);
      await shot(page, `title-${size}`);
      await expectTextReadable(page, w);
      const role = f.roles[f.roles.length - 1]!;
      const { model } = await hook(page);
      await page.keyboard.press(String(model.actions.findIndex((a) => a.id === `role:${role}`) + 1));
      await waitCanvas(page);
      await shot(page, `briefing-${size}`);
      await expectTextReadable(page, w);
      await page.keyboard.press('Enter');
      await waitCanvas(page);
      let shotChoices = false;
      let shotChange = false;
      let shotFlash = false;
      await playByKeyboard(page, {
        each: async () => {
          const { view, model } = await hook(page);
          const flash = (model.screen.flash ?? []).length > 0;
          if (!shotFlash && flash) {
            shotFlash = true;
            await page.waitForTimeout(400);
            await shot(page, `call-news-flash-${size}`);
      await expectTextReadable(page, w);
            // The way back to the call is in view, or "More below" says it is a scroll away: never cut off below the canvas.
            const { canvas } = await hook(page);
            const back = canvas.actions.find((a) => a.id === 'dismiss-flash')!;
            const box = (await page.locator('#game canvas').boundingBox())!;
            const inside = back.visible && back.y >= box.y && back.y + back.h <= box.y + box.height;
            expect(inside || canvas.scrollHint !== null, 'Back to the call can be reached').toBe(true);
          }
          if (!flash && view?.line) await expectSpeakerReadable(page, lang, sideways ? 3 : 4);
          if (!shotChoices && view?.phase === 'choosing' && !flash) {
            shotChoices = true;
            await showChoices(page, 'keyboard');
            await expectMetersReadable(page, lang);
            if (sideways) await expectMetersGrouped(page);
            await shot(page, `call-choices-${size}`);
      await expectTextReadable(page, w);
          }
          if (!shotChange && view?.phase === 'choosing' && !flash && view.meters.some((m) => m.delta !== 0)) {
            shotChange = true;
            await showChoices(page, 'keyboard');
            await page.waitForTimeout(400);
            await expectMetersReadable(page, lang);
            expect((await hook(page)).canvas.meters.some((m) => m.chipBox !== null), 'a change chip shows').toBe(true);
            await shot(page, `call-change-${size}`);
      await expectTextReadable(page, w);
          }
        },
      });
      expect(shotChange, 'the call moved a meter').toBe(true);
      await expectInSync(page);
      await shot(page, `outcome-${size}`);
      await expectTextReadable(page, w);
      if (sideways) {
        // The cards at the foot of the debrief stand side by side, leaving the debrief most of the height.
        const cards = (await hook(page)).canvas.actions;
        const span = Math.max(...cards.map((a) => a.y + a.h)) - Math.min(...cards.map((a) => a.y));
        expect(span, 'the outcome cards take a fifth of the height at most').toBeLessThanOrEqual(h * 0.2);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
