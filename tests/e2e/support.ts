/**
 * Helpers for the browser tests: a Chromium per test file, pages that record
 * every console error and failed request, readers for the DOM mirror, the
 * test hook and the canvas, and drivers that play a call by keyboard or by
 * mouse on the canvas.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { readScenario } from '../../src/scenario/load.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { applyTranslation, checkTranslation, isTranslationData, pickTranslation, textSlots } from '../../src/scenario/translation.js';
import { stringsFor } from '../../src/game/i18n.js';
import type { Scenario } from '../../src/scenario/schema.js';

export const e2e = inject('e2e');
/** True when there is no browser to run the tests in (the global setup said why, loudly). */
export const noBrowser = e2e.chromium === null;

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results/screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: e2e.chromium!, headless: true, args: CHROMIUM_ARGS });
}

/** One Chromium for the enclosing describe block: launched before its tests, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors, failed requests and HTTP errors seen so far. */
  problems: string[];
}

export interface OpenOptions {
  width?: number;
  height?: number;
  query?: string;
  reducedMotion?: 'reduce' | 'no-preference';
  /** Reuse a context (to keep its storage across reloads). */
  context?: BrowserContext;
  touch?: boolean;
  /** Device pixels per CSS pixel (a phone's is 2 or 3). */
  scale?: number;
}

/** Records what must never happen on a page: console errors, uncaught errors, failed requests. */
export function watch(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    // Media elements and reloads cancel requests on purpose; that is not a failure.
    if (why.includes('ERR_ABORTED')) return;
    problems.push(`request failed: ${r.url()} ${why}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
}

/** Opens the game with `o.query` and waits until the canvas draws what the mirror shows. */
export async function open(browser: Browser, o: OpenOptions = {}): Promise<Opened> {
  const opened = await openUrl(browser, e2e.baseURL! + (o.query ?? ''), o);
  await waitCanvas(opened.page);
  return opened;
}

/** Opens any page (another build, the class results page) watching for problems, without waiting for a canvas. */
export async function openUrl(browser: Browser, url: string, o: OpenOptions = {}): Promise<Opened> {
  const context =
    o.context ??
    (await browser.newContext({
      viewport: { width: o.width ?? 1280, height: o.height ?? 720 },
      reducedMotion: o.reducedMotion ?? 'no-preference',
      acceptDownloads: true,
      hasTouch: o.touch ?? false,
      isMobile: false,
      deviceScaleFactor: o.scale ?? 1,
    }));
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  await page.goto(url);
  return { context, page, problems };
}

/** Waits until the canvas draws the screen the controller is on, with the same actions. */
export async function waitCanvas(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const h = window.__backchannel;
      if (!h || !h.ready()) return false;
      const c = h.canvas();
      const m = h.model() as { screen: { kind: string }; actions: { id: string }[] };
      const scene = { problem: 'title', title: 'title', briefing: 'briefing', call: 'call', outcome: 'outcome' }[m.screen.kind];
      return c !== null && c.scene === scene && c.actions.map((a) => a.id).join('|') === m.actions.map((a) => a.id).join('|');
    },
    null,
    { timeout: 20_000 },
  );
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

export interface MirrorButton {
  id: string;
  number: number;
  label: string;
  disabled: boolean;
  description: string;
}

export interface MirrorState {
  groupCount: number;
  groupLabel: string | null;
  buttons: MirrorButton[];
  buttonsOutsideGroup: string[];
  logRole: string | null;
  logLive: string | null;
  log: string[];
  line: string | null;
  ending: { id: string; title: string } | null;
  notices: string[];
}

/** Reads the DOM mirror the way an assistive technology would. */
export async function readMirror(page: Page): Promise<MirrorState> {
  return page.evaluate(() => {
    const groups = document.querySelectorAll('[role="group"][data-choices]');
    const group = groups[0] as HTMLElement | undefined;
    const describe = (b: Element) =>
      (b.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const buttons = [...(group?.querySelectorAll('button') ?? [])].map((b, i) => ({
      id: (b as HTMLElement).dataset['action'] ?? '',
      number: i + 1,
      label: b.querySelector('.act-label')?.textContent ?? b.textContent ?? '',
      disabled: (b as HTMLButtonElement).disabled,
      description: describe(b),
    }));
    const all = [...document.querySelectorAll('button')].filter((b) => !group?.contains(b) && !(b as HTMLElement).hidden);
    const log = document.querySelector('[role="log"]');
    const ending = document.querySelector('[data-ending]');
    return {
      groupCount: groups.length,
      groupLabel: group?.getAttribute('aria-label') ?? null,
      buttons,
      buttonsOutsideGroup: all.map((b) => b.getAttribute('data-control') ?? b.textContent ?? ''),
      logRole: log?.getAttribute('role') ?? null,
      logLive: log?.getAttribute('aria-live') ?? null,
      log: [...(log?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? ''),
      line: document.querySelector('[data-line] .m-line-text')?.textContent ?? null,
      ending: ending ? { id: ending.getAttribute('data-ending') ?? '', title: ending.textContent ?? '' } : null,
      notices: [...document.querySelectorAll('[data-notice]')].map((n) => n.textContent ?? ''),
    };
  });
}

interface HookView {
  phase: 'line' | 'choosing' | 'ended';
  beat: string;
  part: { id: string; title: string } | null;
  turn: number;
  line: { id: string; text: string; speaker: { id: string } | null } | null;
  choices: { id: string; number: number; text: string; available: boolean; reason: string }[];
  meters: { id: string; value: number; delta: number }[];
  log: unknown[];
  ending: { id: string; title: string } | null;
}

interface HookModel {
  screen: { kind: string; flash?: { id: string; timeline?: string | null }[] };
  actions: { id: string; label: string; disabled: boolean; reason: string; kind: string }[];
}

/**
 * Starts counting what a screen reader would be told from the dialogue:
 * entries added to a live log that is already on the page. Returns a
 * reader of the count so far.
 */
export async function countAnnounced(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { announced: number };
    w.announced = 0;
    new MutationObserver((records) => {
      for (const r of records) if ((r.target as Element).matches?.('[role="log"]')) w.announced += [...r.addedNodes].filter((n) => n.nodeName === 'LI').length;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { announced: number }).announced);
}

export async function hook(page: Page) {
  return page.evaluate(() => {
    const h = window.__backchannel!;
    return { view: h.view() as unknown, model: h.model() as unknown, canvas: h.canvas() };
  }) as Promise<{ view: HookView | null; model: HookModel; canvas: NonNullable<ReturnType<NonNullable<Window['__backchannel']>['canvas']>> }>;
}

/**
 * The DOM mirror, the engine's view (through the test hook) and the canvas
 * show the same line and the same choices, in the same order.
 */
export async function expectInSync(page: Page): Promise<void> {
  await waitCanvas(page);
  const [mirror, h] = await Promise.all([readMirror(page), hook(page)]);
  const { view, model, canvas } = h;
  expect(mirror.groupCount).toBe(1);
  expect(mirror.buttons.map((b) => b.label)).toEqual(model.actions.map((a) => a.label));
  expect(canvas.actions.map((a) => a.label)).toEqual(model.actions.map((a) => a.label));
  expect(canvas.actions.map((a) => a.disabled)).toEqual(mirror.buttons.map((b) => b.disabled));
  expect(canvas.actions.map((a) => a.number)).toEqual(mirror.buttons.map((b) => b.number));
  for (const b of mirror.buttons) if (b.disabled) expect(b.description.length).toBeGreaterThan(0);
  if (view && model.screen.kind === 'call') {
    // While news breaks in, the log stops at it, and the panel's current line with it: what was said after it is
    // added once the player is back in the call. Behind the news the canvas keeps the line said before it.
    const news = new Set((model.screen.flash ?? []).map((x) => x.id));
    const log = view.log as { kind: string; id: string; text?: string }[];
    const held = news.size === 0 ? -1 : log.findLastIndex((e) => e.kind === 'inject' && news.has(e.id));
    expect(mirror.line).toBe(news.size > 0 ? null : (view.line?.text ?? null));
    expect(canvas.line).toBe(held < 0 ? (view.line?.text ?? null) : (log.slice(0, held).findLast((e) => e.kind === 'line')?.text ?? null));
    expect(mirror.log).toHaveLength(held < 0 ? view.log.length : held + 1);
    if (view.phase === 'choosing' && (model.screen.flash ?? []).length === 0) {
      expect(mirror.buttons.map((b) => b.label)).toEqual(view.choices.map((c) => c.text));
      expect(mirror.buttons.map((b) => b.disabled)).toEqual(view.choices.map((c) => !c.available));
      for (const c of view.choices) if (!c.available) expect(mirror.buttons[c.number - 1]!.description).toContain(c.reason);
    }
  }
}

/**
 * The share of a page rectangle, drawn on the canvas, that is not plain
 * background: about 0 where nothing is drawn, most of it over a card.
 */
export async function canvasInk(page: Page, r: { x: number; y: number; w: number; h: number }): Promise<number> {
  return page.evaluate((r) => {
    const c = document.querySelector('#game canvas') as HTMLCanvasElement;
    const box = c.getBoundingClientRect();
    const k = c.width / box.width;
    const d = c.getContext('2d')!.getImageData(Math.round((r.x - box.left) * k), Math.round((r.y - box.top) * k), Math.round(r.w * k), Math.round(r.h * k)).data;
    // The call's background, #0b111c.
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - 0x0b) + Math.abs(d[i + 1]! - 0x11) + Math.abs(d[i + 2]! - 0x1c) > 16) ink++;
    return ink / (d.length / 4);
  }, r);
}

// ---- the scenario under test -------------------------------------------------

export interface Flagship {
  id: string;
  file: string;
  scenario: Scenario;
  roles: string[];
  /** Choice ids per role from the "# Playthroughs for tests" comment, when the file has one, with the ending each should reach. */
  plans: { role: string; label: string; choices: string[]; ending: string | null }[];
}

/** The flagship (scenarios/the-call.yaml) when it is there, else the first valid scenario in scenarios/. */
let flagshipCache: Flagship | null = null;

export function flagship(): Flagship {
  if (flagshipCache) return flagshipCache;
  flagshipCache = readFlagship();
  return flagshipCache;
}

function readFlagship(): Flagship {
  const dir = path.join(ROOT, 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'))
    .sort((a, b) => (a.startsWith('the-call.') ? -1 : b.startsWith('the-call.') ? 1 : a.localeCompare(b)));
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const r = readScenario(text, f);
    if (!r.scenario) continue;
    return { id: r.scenario.id, file: f, scenario: r.scenario, roles: r.scenario.roles.map((x) => x.id), plans: parsePlaythroughs(text, r.scenario) };
  }
  throw new Error('no valid scenario in scenarios/');
}

/**
 * The flagship as the page shows it with `lang=<lang>`: with the
 * translation in scenarios/ that the page would pick applied, else as
 * written.
 */
const flagshipInCache = new Map<string, Scenario>();

export function flagshipIn(lang: string): Scenario {
  const cached = flagshipInCache.get(lang);
  if (cached) return cached;
  const s = readFlagshipIn(lang);
  flagshipInCache.set(lang, s);
  return s;
}

function readFlagshipIn(lang: string): Scenario {
  const f = flagship();
  const dir = path.join(ROOT, 'scenarios');
  const translations = readdirSync(dir)
    .filter((n) => /\.(ya?ml|json)$/.test(n) && !n.endsWith('.schema.json'))
    .map((n) => parseScenarioText(readFileSync(path.join(dir, n)), n))
    .filter((p) => isTranslationData(p.data))
    .flatMap((p) => checkTranslation(p, (id) => (id === f.id ? { found: f.scenario, file: f.file } : { missing: [] })).translation ?? []);
  const t = pickTranslation(translations, f.scenario.language, lang);
  return t ? applyTranslation(f.scenario, t.texts, t.language) : f.scenario;
}

/**
 * Reads the comment block "# Playthroughs for tests" at the end of a
 * scenario: lines that name a role and list choice ids. The format is read
 * loosely: any comment line in the block with a role id and at least one
 * known choice id counts, the ids in order.
 */
export function parsePlaythroughs(text: string, s: Scenario): Flagship['plans'] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*#\s*playthroughs for tests/i.test(l));
  if (start < 0) return [];
  const choiceIds = new Set(s.beats.flatMap((b) => (b.choices ?? []).map((c) => c.id)));
  const roleIds = new Set(s.roles.map((r) => r.id));
  const endingIds = new Set(s.endings.map((e) => e.id));
  const out: Flagship['plans'] = [];
  for (const raw of lines.slice(start + 1)) {
    if (!/^\s*#/.test(raw)) {
      if (raw.trim() === '') continue;
      break;
    }
    const body = raw.replace(/^\s*#\s?/, '');
    const [head, ...rest] = body.split(':');
    if (rest.length === 0) continue;
    const headTokens = (head ?? '').split(/[\s/,()[\]]+/).filter(Boolean);
    const role = headTokens.find((t) => roleIds.has(t));
    const [path, after] = rest.join(':').split(/->|→|=>/);
    const tokens = (s: string | undefined) => (s ?? '').split(/[\s,>]+/).map((t) => t.trim().replace(/[.;]$/, ''));
    const choices = tokens(path).filter((t) => choiceIds.has(t));
    const ending = tokens(after).find((t) => endingIds.has(t)) ?? null;
    if (role && choices.length > 0) out.push({ role, label: head!.trim(), choices, ending });
  }
  return out;
}

// ---- drivers -----------------------------------------------------------------

export interface PlayOptions {
  /** Fail when the next planned choice is not open, rather than take another. */
  strict?: boolean;
  /** How the canvas is clicked: mouse (default) or touch taps. */
  how?: 'mouse' | 'touch';
  /** Choice ids to take, in order; when the next planned id is not shown, the first open choice is taken. */
  plan?: string[];
  /** Called at every step, e.g. to check the mirror against the canvas. */
  each?: (step: number) => Promise<void>;
  maxSteps?: number;
}

/** Picks the choice to take now: the next planned one when it is open, else the first open one. */
function pick(view: HookView, plan: string[], strict = false): { id: string; number: number } | null {
  const open = view.choices.filter((c) => c.available);
  const planned = plan.length > 0 ? open.find((x) => x.id === plan[0]) : undefined;
  if (planned) {
    plan.shift();
    return planned;
  }
  if (strict)
    throw new Error(
      plan.length > 0 ? `the planned choice '${plan[0]}' is not open; shown: ${view.choices.map((c) => `${c.id}${c.available ? '' : ' (closed)'}`).join(', ')}` : 'the plan ran out of choices before an ending',
    );
  return open[0] ?? null;
}

/** Plays the call to an ending with the keyboard only: digits and Enter. Returns the ending id. */
export async function playByKeyboard(page: Page, o: PlayOptions = {}): Promise<string> {
  const plan = [...(o.plan ?? [])];
  for (let step = 0; step < (o.maxSteps ?? 400); step++) {
    await waitCanvas(page);
    await o.each?.(step);
    const { view, model, canvas } = await hook(page);
    if (model.screen.kind === 'outcome') return view?.ending?.id ?? '';
    if (model.screen.kind !== 'call' || !view) throw new Error(`not in a call but on ${model.screen.kind}`);
    const cont = model.actions.find((a) => a.kind === 'continue');
    if (canvas.typing) {
      const before = view.line?.id;
      await page.keyboard.press('Enter');
      const after = (await hook(page)).view?.line?.id;
      expect(after, 'Enter first finishes the line being typed').toBe(before);
      continue;
    }
    if (cont) {
      await page.keyboard.press('Enter');
      continue;
    }
    const c = pick(view, plan, o.strict);
    if (!c) throw new Error('no open choice');
    const idx = model.actions.findIndex((a) => a.id === `choice:${c.id}`);
    expect(idx).toBeGreaterThanOrEqual(0);
    expect(idx).toBeLessThan(9);
    await page.keyboard.press(String(idx + 1));
  }
  throw new Error('no ending reached');
}

/** Clicks an action's card on the canvas, scrolling the canvas when the card is out of view. */
export async function clickCard(page: Page, id: string, how: 'mouse' | 'touch' = 'mouse'): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const { canvas } = await hook(page);
    const a = canvas.actions.find((x) => x.id === id);
    if (!a) throw new Error(`no card ${id} on the canvas`);
    if (a.visible) {
      if (how === 'touch') await page.touchscreen.tap(a.x + a.w / 2, a.y + a.h / 2);
      else await page.mouse.click(a.x + a.w / 2, a.y + a.h / 2);
      return;
    }
    const box = (await page.locator('#game canvas').boundingBox())!;
    if (how === 'touch') {
      // Drag the canvas content up or down with a finger.
      const cx = box.x + box.width / 2;
      const from = box.y + box.height * (a.y > box.y + box.height / 2 ? 0.7 : 0.3);
      const to = box.y + box.height * (a.y > box.y + box.height / 2 ? 0.3 : 0.7);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: cx, y: from }] });
      for (let k = 1; k <= 6; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: cx, y: from + ((to - from) * k) / 6 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
      await page.waitForTimeout(50);
      continue;
    }
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, a.y > box.y + box.height / 2 ? 200 : -200);
    await page.waitForTimeout(50);
  }
  throw new Error(`card ${id} never came into view`);
}

/** Taps or clicks the line on the canvas, scrolling the canvas up to it first when it is out of view. */
export async function tapLine(page: Page, how: 'mouse' | 'touch' = 'mouse'): Promise<void> {
  const canvasBox = (await page.locator('#game canvas').boundingBox())!;
  for (let i = 0; i < 12; i++) {
    const line = (await hook(page)).canvas.lineBox;
    if (!line) throw new Error('no line on the canvas');
    const top = Math.max(line.y, canvasBox.y);
    const bottom = Math.min(line.y + line.h, canvasBox.y + canvasBox.height);
    if (bottom - top > 20) {
      const [x, y] = [line.x + line.w / 2, (top + bottom) / 2];
      if (how === 'touch') await page.touchscreen.tap(x, y);
      else await page.mouse.click(x, y);
      return;
    }
    await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2);
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(50);
  }
  throw new Error('the line never came into view');
}

/**
 * Finishes the line being typed the way a player would (a tap or click on the
 * line, or Enter), then checks the choice cards are on the canvas: none held
 * back, and the first one in view actually painted, not just laid out.
 */
export async function showChoices(page: Page, how: 'keyboard' | 'mouse' | 'touch'): Promise<void> {
  if ((await hook(page)).canvas.typing) {
    if (how === 'keyboard') await page.keyboard.press('Enter');
    else await tapLine(page, how);
  }
  await page.waitForFunction(() => !window.__backchannel!.canvas()!.typing);
  const { view, canvas } = await hook(page);
  expect(view?.phase).toBe('choosing');
  const choices = canvas.actions.filter((a) => a.id.startsWith('choice:'));
  expect(choices.length, 'the canvas lays out the choices').toBe(view!.choices.length);
  expect(choices.some((a) => a.held), 'no choice card is held back').toBe(false);
  const first = choices.find((a) => a.visible);
  expect(first, 'a choice card is in view').toBeDefined();
  // The cards fade in: wait until the first one is painted.
  await expect.poll(() => canvasInk(page, first!), { timeout: 3000 }).toBeGreaterThan(0.5);
}

/** Plays the call to an ending by clicking cards on the canvas. Returns the ending id. */
export async function playByMouse(page: Page, o: PlayOptions = {}): Promise<string> {
  const plan = [...(o.plan ?? [])];
  for (let step = 0; step < (o.maxSteps ?? 400); step++) {
    await waitCanvas(page);
    await o.each?.(step);
    const { view, model, canvas } = await hook(page);
    if (model.screen.kind === 'outcome') return view?.ending?.id ?? '';
    if (!view) throw new Error(`not in a call but on ${model.screen.kind}`);
    const cont = model.actions.find((a) => a.kind === 'continue');
    const before = JSON.stringify([view.log.length, model.actions.map((a) => a.id), view.line?.id]);
    if (cont) await clickCard(page, cont.id, o.how);
    // The choice cards wait for the line to type out; a tap on the line finishes it (and, once it is out, does nothing).
    else if (canvas.actions.some((a) => a.held)) await tapLine(page, o.how);
    else {
      const c = pick(view, plan, o.strict);
      if (!c) throw new Error('no open choice');
      await clickCard(page, `choice:${c.id}`, o.how);
    }
    // A click on Continue while the line types only finishes it; click again then.
    await page.waitForFunction((b) => {
      const h = window.__backchannel!;
      const v = h.view() as { log: unknown[]; line: { id: string } | null } | null;
      const m = h.model() as { actions: { id: string }[] };
      const c = h.canvas();
      return JSON.stringify([v?.log.length, m.actions.map((a) => a.id), v?.line?.id]) !== b || (c !== null && !c.typing);
    }, before);
  }
  throw new Error('no ending reached');
}

/** From the title, picks a role and starts the call. */
export async function startAs(page: Page, role: string, by: 'keyboard' | 'mouse' | 'touch' = 'keyboard', scenario = flagship().id): Promise<void> {
  await waitCanvas(page);
  // Another scenario on the title: open the one under test first.
  const { model: first } = await hook(page);
  if (!first.actions.some((a) => a.id === `role:${role}`) && first.actions.some((a) => a.id === `scenario:${scenario}`)) {
    if (by === 'keyboard') await page.keyboard.press(String(first.actions.findIndex((a) => a.id === `scenario:${scenario}`) + 1));
    else await clickCard(page, `scenario:${scenario}`, by);
    await waitCanvas(page);
  }
  if (by === 'keyboard') {
    const { model } = await hook(page);
    const idx = model.actions.findIndex((a) => a.id === `role:${role}`);
    expect(idx).toBeGreaterThanOrEqual(0);
    await page.keyboard.press(String(idx + 1));
    await waitCanvas(page);
    await page.keyboard.press('Enter');
  } else {
    await clickCard(page, `role:${role}`, by);
    await waitCanvas(page);
    await clickCard(page, 'start', by);
  }
  await page.waitForFunction(() => (window.__backchannel!.model() as { screen: { kind: string } }).screen.kind === 'call');
  await waitCanvas(page);
}

// ---- languages ---------------------------------------------------------------

/** A text as compared for its language: trimmed, without the colon a label ends with. */
const bare = (text: string) => text.trim().replace(/\s*:$/, '');

/**
 * Texts whose language is known, each with its language: the game's own
 * words in every language it has (a template's words between its
 * placeholders), and the texts given. A text found in two languages tells
 * neither apart, so it is left out.
 */
export function knownTexts(given: [lang: string, texts: Iterable<string>][]): Map<string, string> {
  const found = new Map<string, Set<string>>();
  const note = (lang: string, text: string) => {
    const t = bare(text);
    if (t.length < 2 || !/\p{L}/u.test(t)) return;
    found.set(t, (found.get(t) ?? new Set()).add(lang));
  };
  const words = (v: unknown): string[] => (typeof v === 'string' ? v.split(/\{\w+\}/) : typeof v === 'object' && v !== null ? Object.values(v).flatMap(words) : []);
  for (const lang of ['en', 'es']) for (const w of words(stringsFor(lang).strings)) note(lang, w);
  for (const [lang, texts] of given) for (const t of texts) note(lang, t);
  return new Map([...found].flatMap(([t, langs]) => (langs.size === 1 ? [[t, [...langs][0]!] as [string, string]] : [])));
}

/** Every text of a scenario that a translation can give, as written. */
export function scenarioTexts(s: Scenario): string[] {
  return [...textSlots(s)].map((slot) => slot.text);
}

/** Each text in the DOM mirror with letters in it, and the language it is marked in: its nearest `lang`, the page's at the last. */
export async function mirrorLanguages(page: Page): Promise<[text: string, lang: string][]> {
  return page.evaluate(() => {
    const out: [string, string][] = [];
    const walk = document.createTreeWalker(document.getElementById('mirror')!, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const text = n.textContent ?? '';
      if (!/\p{L}/u.test(text)) continue;
      out.push([text, n.parentElement!.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang]);
    }
    return out;
  });
}

/**
 * Checks that the mirror marks every text whose language is known with
 * that language, and returns how many texts it checked in each language,
 * so that a test can tell a check of many texts from a check of none.
 */
export async function expectTruthfulLanguages(page: Page, known: Map<string, string>): Promise<Record<string, number>> {
  const checked: Record<string, number> = {};
  const wrong: string[] = [];
  for (const [text, lang] of await mirrorLanguages(page)) {
    const truth = known.get(bare(text));
    if (truth === undefined) continue;
    checked[truth] = (checked[truth] ?? 0) + 1;
    if (lang.toLowerCase().split('-')[0] !== truth) wrong.push(`"${bare(text)}" is marked ${lang}, but it is ${truth}`);
  }
  expect(wrong).toEqual([]);
  return checked;
}
