/**
 * Full games in a real browser: one with the keyboard only (digits and
 * Enter), one with the mouse on the canvas. At every step the DOM mirror,
 * the engine's view and the canvas show the same line and choices.
 */
import { describe, expect, it } from 'vitest';
import { canvasInk, clickCard, e2e, expectInSync, flagship, hook, noBrowser, open, playByKeyboard, playByMouse, readMirror, shot, startAs, useBrowser, waitCanvas } from './support.js';

describe.skipIf(noBrowser)(`full games in Chromium ${e2e.reason}`, () => {
  const browser = useBrowser();
  const f = flagship();

  it('plays to an ending with the keyboard only, the mirror and the canvas in step', async () => {
    const role = f.roles[0]!;
    const planned = f.plans.find((p) => p.role === role);
    const plan = planned?.choices;
    const { page, problems, context } = await open(browser(), { query: '?seed=11' });
    await expectInSync(page);
    await shot(page, 'title-1280x720');
    const title = await hook(page);
    const idx = title.model.actions.findIndex((a) => a.id === `role:${role}`);
    await page.keyboard.press(String(idx + 1));
    await waitCanvas(page);
    await expectInSync(page);
    await shot(page, 'briefing-1280x720');
    await page.keyboard.press('Enter');
    let sawTyping = false;
    let shotChoice = false;
    let shotFlash = false;
    const ending = await playByKeyboard(page, {
      ...(plan ? { plan, strict: true } : {}),
      each: async (step) => {
        await expectInSync(page);
        const { view, model, canvas } = await hook(page);
        if (canvas.typing) sawTyping = true;
        if (step === 0) await shot(page, 'call-line-1280x720');
        if (!shotChoice && view?.phase === 'choosing' && !(model.screen.flash ?? []).length) {
          shotChoice = true;
          await shot(page, 'call-choices-1280x720');
        }
        if (!shotFlash && (model.screen.flash ?? []).length > 0) {
          shotFlash = true;
          await page.waitForTimeout(400);
          await shot(page, 'call-news-flash-1280x720');
          // A real event moved in time says so under the flash, in the panel as on the canvas.
          const news = model.screen.flash![0]!;
          expect(await page.locator(`[data-inject="${news.id}"] .marker-timeline`).allTextContents()).toEqual(news.timeline ? [news.timeline] : []);
        }
      },
    });
    expect(f.scenario.endings.map((e) => e.id)).toContain(ending);
    if (planned?.ending) expect(ending, `the playthrough "${planned.label}"`).toBe(planned.ending);
    expect(sawTyping, 'the typewriter ran at least once').toBe(true);
    // Every choice and the ending asked for their sound cue.
    const cues = (await page.evaluate(() => window.__backchannel!.cues())) as string[];
    expect(cues).toContain('choice');
    const kind = f.scenario.endings.find((e) => e.id === ending)!;
    expect(cues).toContain(kind.cue ?? kind.kind);
    await expectInSync(page);
    const mirror = await readMirror(page);
    const endingDef = f.scenario.endings.find((e) => e.id === ending)!;
    expect(mirror.ending).toEqual({ id: ending, title: endingDef.title });
    expect((await hook(page)).canvas.ending).toBe(endingDef.title);
    // The panel names the kind of ending, as the canvas does above its title.
    expect(await page.locator('.m-ending-kind').textContent()).toBe({ agreement: 'Agreement', mediated: 'Mediated', impasse: 'Impasse', escalation: 'Escalation' }[endingDef.kind]);
    expect(mirror.buttons.map((b) => b.id)[0]).toBe('again');
    // Under the zone's counts, the panel lists the mixes of options they leave out, each with why.
    const leftOut = await page.locator('.m-sec-zone .m-note-list li').allTextContents();
    expect(leftOut).toHaveLength(f.scenario.incompatible?.length ?? 0);
    expect(leftOut[0]).toContain('Resigns now + Kept by Maduro: A leader who resigns now');
    await shot(page, 'outcome-1280x720');
    // The player writes a name or group (digits typed there press nothing), then exports.
    await page.fill('[data-control="player"]', 'Group 12');
    await page.locator('[data-control="player"]').press('Tab');
    expect((await readMirror(page)).ending).toEqual({ id: ending, title: endingDef.title });
    // The export names whom the file will carry, on the panel and on the canvas, so a group on a shared device sees the last group's name.
    expect(await page.locator('[data-control="export"]').textContent()).toBe('Export results as Group 12');
    await page.waitForFunction(() => window.__backchannel!.canvas()?.controls.some((c) => c.id === 'export' && c.label === 'Export results as Group 12'));
    // The export downloads the debrief as JSON.
    const download = page.waitForEvent('download');
    await page.locator('[data-control="export"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^backchannel-${f.id}-${role}-Group-12-.*\\.json$`));
    const data = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8'));
    expect(data.player).toBe('Group 12');
    expect(data.debrief.ending.id).toBe(ending);
    expect(data.seed).toBe(11);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('plays to an ending with the mouse on the canvas, then plays the other role', async () => {
    const role = f.roles[1] ?? f.roles[0]!;
    const planned = f.plans.find((p) => p.role === role);
    const plan = planned?.choices;
    const { page, problems, context } = await open(browser(), { query: '?seed=5' });
    await startAs(page, role, 'mouse');
    const ending = await playByMouse(page, {
      ...(plan ? { plan, strict: true } : {}),
      each: async () => expectInSync(page),
    });
    expect(f.scenario.endings.map((e) => e.id)).toContain(ending);
    if (planned?.ending) expect(ending, `the playthrough "${planned.label}"`).toBe(planned.ending);
    const mirror = await readMirror(page);
    expect(mirror.ending?.id).toBe(ending);
    if (f.roles.length > 1) {
      const other = f.roles.find((r) => r !== role)!;
      await clickCard(page, `other:${other}`);
      await waitCanvas(page);
      const { model } = await hook(page);
      expect(model.screen.kind).toBe('briefing');
      await expectInSync(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the choice cards on the canvas once the line they answer has typed out; a tap on their place finishes the line', async () => {
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${f.roles[0]}&seed=3` });
    // Slow text, so the line is still typing when it is looked at.
    await page.selectOption('[data-control="text-speed"]', 'slow');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    for (let i = 0; i < 40; i++) {
      await waitCanvas(page);
      const { view, canvas } = await hook(page);
      if (view?.phase === 'choosing' && canvas.typing) break;
      await page.keyboard.press('Enter');
    }
    const typing = await hook(page);
    expect(typing.view?.phase).toBe('choosing');
    expect(typing.canvas.typing).toBe(true);
    // The panel has no typewriter: its buttons are there, and they are the same choices the canvas has laid out.
    await expectInSync(page);
    const first = typing.canvas.actions[0]!;
    expect(typing.canvas.actions.every((a) => a.held)).toBe(true);
    expect(await canvasInk(page, first), 'no card is drawn while the line types').toBeLessThan(0.01);
    // A tap where the first card will be finishes the line and chooses nothing.
    await page.mouse.click(first.x + first.w / 2, first.y + first.h / 2);
    await page.waitForFunction(() => !window.__backchannel!.canvas()!.typing);
    await page.waitForTimeout(300);
    const shown = await hook(page);
    expect(shown.view?.log).toHaveLength(typing.view!.log.length);
    expect(shown.canvas.actions.some((a) => a.held)).toBe(false);
    expect(await canvasInk(page, first), 'the card is drawn once the line is out').toBeGreaterThan(0.5);
    await expectInSync(page);
    // Now the same tap chooses.
    await clickCard(page, first.id);
    await page.waitForFunction((n) => ((window.__backchannel!.view() as { log: unknown[] }).log.length > n), typing.view!.log.length);
    // A click the moment the cards appear lands too: finish the next choice's line and click at once.
    for (let i = 0; i < 40; i++) {
      await waitCanvas(page);
      const { view, canvas } = await hook(page);
      if (view?.phase === 'choosing' && canvas.actions.some((a) => a.held)) break;
      await page.keyboard.press('Enter');
    }
    const next = await hook(page);
    expect(next.canvas.actions.every((a) => a.held)).toBe(true);
    const card = next.canvas.actions.find((a) => !a.disabled)!;
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.__backchannel!.canvas()!.typing);
    await page.mouse.click(card.x + card.w / 2, card.y + card.h / 2);
    await page.waitForFunction((n) => ((window.__backchannel!.view() as { log: unknown[] }).log.length > n), next.view!.log.length, { timeout: 3000 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('meets the news first on the canvas: the line said after it, the meters’ changes and the new part and turn wait until the flash is closed', async () => {
    const { page, problems, context } = await open(browser(), { query: `?scenario=${f.id}&role=${f.roles[0]}&seed=2` });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
    let before: { line: string | null; meters: Map<string, string>; top: { part: string; turn: string } | null; sub: string; turn: number; part: string | undefined } | null = null;
    // The part the panel names under its heading, as a reader sees it.
    const panelSub = () => page.locator('#mirror .m-sub').textContent();
    let met = false;
    for (let step = 0; step < 200 && !met; step++) {
      await waitCanvas(page);
      const { view, model, canvas } = await hook(page);
      if (model.screen.kind !== 'call' || !view) break;
      if ((model.screen.flash ?? []).length === 0) {
        if (canvas.typing) await page.keyboard.press('Enter');
        else if (view.phase === 'choosing') {
          before = { line: canvas.line, meters: new Map(canvas.meters.map((m) => [m.id, m.value])), top: canvas.topBar, sub: (await panelSub()) ?? '', turn: view.turn, part: view.part?.title };
          await page.keyboard.press(String(view.choices.find((c) => c.available)!.number));
        } else await page.keyboard.press('Enter');
        continue;
      }
      met = true;
      // Behind the news, the call is as the player left it: the line they answered, the meters as they were, no change chips.
      await page.waitForTimeout(400);
      expect(canvas.line, 'the line said after the news waits').not.toBe(view.line?.text);
      expect(canvas.line).toBe(before!.line);
      expect(canvas.meters.map((m) => m.value)).toEqual([...before!.meters.values()]);
      expect(canvas.meters.every((m) => m.chipBox === null), 'no change chip shows behind the news').toBe(true);
      const moved = view.meters.filter((m) => `${m.value}` !== before!.meters.get(m.id)!.split('/')[0]);
      expect(moved.length, 'the move that brought the news moved a meter').toBeGreaterThan(0);
      // The panel's meters wait with the canvas's: the values before the move, and no change shown.
      const panelMeters = () => page.$$eval('#mirror [data-meter]', (els) => els.map((e) => ({ value: (e.querySelector('.m-meter-value')?.textContent ?? '').split('/')[0]!.trim(), delta: (e.querySelector('.delta')?.textContent ?? '').trim() })));
      expect((await panelMeters()).map((x) => x.value)).toEqual([...before!.meters.values()].map((v) => v.split('/')[0]!.trim()));
      expect((await panelMeters()).every((x) => x.delta === ''), 'no change shows in the panel behind the news').toBe(true);
      // The header waits too: the part and the turn the player left, on the canvas's top bar and in the panel.
      expect(view.turn, 'the move that brought the news started a new turn').toBeGreaterThan(before!.turn);
      expect(view.part?.title, 'the move that brought the news opened another part').not.toBe(before!.part);
      expect(canvas.topBar).toEqual(before!.top);
      expect(canvas.topBar!.turn).toContain(`Turn ${before!.turn}`);
      expect(await panelSub()).toBe(before!.sub);
      await shot(page, 'call-news-held-1280x720');
      // Back in the call, the line types out and the meters move, with their change chips.
      await page.keyboard.press('Escape');
      await waitCanvas(page);
      const back = await hook(page);
      expect(back.canvas.line).toBe(view.line?.text ?? null);
      if (view.line) expect(back.canvas.typing, 'the line said after the news types out now').toBe(true);
      for (const m of moved) expect(back.canvas.meters.find((x) => x.id === m.id)!.value.split('/')[0]).toBe(`${m.value}`);
      expect(back.canvas.meters.some((m) => m.chipBox !== null), 'the move’s changes show now').toBe(true);
      const after = await panelMeters();
      for (const m of moved) expect(after[view.meters.findIndex((x) => x.id === m.id)]!.value).toBe(`${m.value}`);
      expect(after.some((x) => x.delta !== ''), 'the panel shows the move’s changes now').toBe(true);
      expect(back.canvas.topBar!.turn).toContain(`Turn ${view.turn}`);
      expect(back.canvas.topBar!.part).toBe((view.part?.title ?? f.scenario.title).toUpperCase());
      expect(await panelSub()).toBe(`${view.part ? `Part: ${view.part.title}` : f.scenario.roles.find((r) => r.id === f.roles[0])!.name} · Turn ${view.turn}`);
      await expectInSync(page);
    }
    expect(met, 'the call met a news flash').toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.skipIf(f.plans.length === 0)('reaches the ending of every playthrough listed in the scenario', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const reached: Record<string, string> = {};
    for (const p of f.plans) {
      const { page, problems } = await open(browser(), { context, query: `?scenario=${f.id}&role=${p.role}&seed=1` });
      // The device keeps the last call of this role, which the link offers first: start a new one.
      const { model } = await hook(page);
      await page.keyboard.press(String(model.actions.findIndex((a) => a.id === 'start') + 1));
      await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
      reached[p.label] = await playByKeyboard(page, { plan: p.choices, strict: true });
      expect(problems, p.label).toEqual([]);
      await page.close();
    }
    expect(reached).toEqual(Object.fromEntries(f.plans.map((p) => [p.label, p.ending ?? reached[p.label]])));
    await context.close();
  });
});

