/**
 * Browser benchmark (`npm run bench`, after the engine benchmarks): builds
 * the game and a bare Phaser page as a yardstick, serves both with
 * `vite preview` on 127.0.0.1, and measures in one Chromium run:
 * navigation to the first line readable in the DOM mirror and to the first
 * pressable action, against the bare scene's first frame; frames per second
 * during the call; JS heap after 20 replays against after 1, each read after
 * a forced garbage collection, at two paces (lines read to the end, and
 * every line skipped), and how much of the difference is compiled code
 * rather than objects; total JS gzip.
 * Two shared cores vary by about 20% between runs, so ratios measured in one
 * run are what to compare.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

const root = resolve(import.meta.dirname, '..');
const chromiumPath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((p) => p && existsSync(p));
if (!chromiumPath) {
  process.stdout.write('browser benchmark skipped: no Chromium found (set CHROMIUM_PATH)\n');
  process.exit(0);
}

const bareDir = join(tmpdir(), 'backchannel-bare-phaser');
rmSync(bareDir, { recursive: true, force: true });
mkdirSync(bareDir, { recursive: true });
writeFileSync(
  join(bareDir, 'index.html'),
  '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bare</title></head><body><div id="g"></div><script type="module" src="./main.ts"></script></body></html>',
);
writeFileSync(
  join(bareDir, 'main.ts'),
  `import Phaser from 'phaser';
class Bare extends Phaser.Scene {
  create() { this.add.text(20, 20, 'bare scene', { color: '#fff' }); }
  update() { const w = window as unknown as { firstFrame?: number }; if (w.firstFrame === undefined) w.firstFrame = performance.now(); }
}
new Phaser.Game({ type: Phaser.CANVAS, parent: 'g', width: 1280, height: 720, audio: { noAudio: true }, scene: [Bare] });
`,
);

const quiet = { logLevel: 'error' as const };
process.stdout.write('building the game and the bare Phaser page...\n');
await build({ root, ...quiet, build: { outDir: join(root, 'dist') } });
await build({ root: bareDir, base: './', ...quiet, resolve: { alias: { phaser: join(root, 'node_modules/phaser') } }, build: { outDir: join(bareDir, 'dist'), chunkSizeWarningLimit: 4000 } });

const gameServer = await preview({ root, ...quiet, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
const bareServer = await preview({ root: bareDir, ...quiet, build: { outDir: join(bareDir, 'dist') }, preview: { host: '127.0.0.1', port: 0 } });
const urlOf = (s: typeof gameServer) => s.resolvedUrls?.local[0] ?? '';

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const RUNS = 5;

async function fresh(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return context.newPage();
}

// Marks, in the page's own clock, when the briefing's first section shows in
// the mirror and when the first action can be pressed.
// Kept as text: the page must not depend on helpers the TypeScript runner adds to functions.
const markFirsts = `(() => {
  const check = () => {
    const text = document.querySelector('#mirror [data-section], #mirror [data-line]');
    if (window.firstLine === undefined && text && (text.textContent || '').trim().length > 0) window.firstLine = performance.now();
    const action = document.querySelector('[data-choices] button:not([disabled])');
    if (window.firstAction === undefined && action) window.firstAction = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

const bareFrames: number[] = [];
const firstLines: number[] = [];
const firstActions: number[] = [];
const canvasReady: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const bare = await fresh();
  await bare.goto(urlOf(bareServer));
  await bare.waitForFunction(() => (window as unknown as { firstFrame?: number }).firstFrame !== undefined);
  bareFrames.push(await bare.evaluate(() => (window as unknown as { firstFrame: number }).firstFrame));
  await bare.context().close();

  const game = await fresh();
  await game.addInitScript({ content: markFirsts });
  await game.goto(`${urlOf(gameServer)}?scenario=the-call&role=us&seed=1`);
  await game.waitForFunction(() => {
    const w = window as unknown as { firstLine?: number; firstAction?: number; __backchannel?: { ready(): boolean } };
    return w.firstLine !== undefined && w.firstAction !== undefined && w.__backchannel?.ready() === true;
  });
  const t = await game.evaluate(() => {
    const w = window as unknown as { firstLine: number; firstAction: number };
    return { line: w.firstLine, action: w.firstAction };
  });
  firstLines.push(t.line);
  firstActions.push(t.action);
  canvasReady.push(await game.evaluate(() => performance.getEntriesByType('resource').filter((e) => /phaser/.test(e.name)).map((e) => (e as PerformanceResourceTiming).responseEnd)[0] ?? NaN));
  await game.context().close();
}

const game = await fresh();
await game.goto(`${urlOf(gameServer)}?scenario=the-call&role=us&seed=1`);
await game.waitForFunction(() => (window as unknown as { __backchannel?: { ready(): boolean } }).__backchannel?.ready() === true);
// Frames per second while the call is on screen.
const startBtn = game.locator('[data-choices] button:not([disabled])').first();
await startBtn.click();
const fps = (await game.evaluate(`new Promise((done) => {
  let frames = 0;
  const t0 = performance.now();
  function tick() {
    frames++;
    if (performance.now() - t0 < 3000) requestAnimationFrame(tick);
    else done((frames * 1000) / (performance.now() - t0));
  }
  requestAnimationFrame(tick);
})`)) as number;
await game.context().close();

// The heap over replays. Each run has a page of its own, played with the
// game's own keys sent through the DevTools protocol. No driver library is
// injected: the page runs the game, its test hook and one small probe.
// Two paces. 'read': each line types out in full (at the fast text speed)
// before the next key, as when a class reads along. 'skip': every key as
// soon as the page has answered the last, so every line is cut short.
type Pace = 'read' | 'skip';
interface HeapRun {
  pace: Pace;
  after1: number;
  after20: number;
  kinds1: { code: number; objects: number };
  kinds20: { code: number; objects: number };
  replayMs: number;
  presses: number;
  trend: string[];
}

const signedKB = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${Math.abs(bytes / 1024).toFixed(0)} KB`;

async function heapRun(pace: Pace): Promise<HeapRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // The game's own settings record, which it checks when it reads it.
  if (pace === 'read') await context.addInitScript({ content: `localStorage.setItem('backchannel:settings', JSON.stringify({ textSpeed: 'fast' }))` });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const evaluate = async (expression: string): Promise<unknown> => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
  await page.goto(`${urlOf(gameServer)}?scenario=the-call&role=us&seed=1`);
  for (let waited = 0; (await evaluate('window.__backchannel?.ready() === true')) !== true; waited += 50) {
    if (waited > 30_000) throw new Error('the canvas did not start within 30 s');
    await sleep(50);
  }
  // The number of the first button that can be pressed (the digit key that presses it), plus 100 once the
  // ending shows; 0 while nothing can be pressed or, at reading pace, while a line is still typing out.
  const probe = `(() => {
    ${pace === 'read' ? 'const c = window.__backchannel.canvas(); if (!c || c.typing) return 0;' : ''}
    const buttons = document.querySelectorAll('[data-choices] button');
    for (let i = 0; i < buttons.length; i++) if (!buttons[i].disabled) return (document.querySelector('[data-ending]') ? 100 : 0) + i + 1;
    return 0;
  })()`;
  const next = async (): Promise<number> => {
    for (let waited = 0; waited < 60_000; waited += 20) {
      const n = (await evaluate(probe)) as number;
      if (n > 0) return n;
      await sleep(20);
    }
    throw new Error('nothing to press for a minute');
  };
  let presses = 0;
  const press = async (n: number) => {
    if (n > 9) throw new Error(`the first open choice is number ${n}, which has no digit key`);
    const key = String(n);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code: `Digit${key}`, text: key, windowsVirtualKeyCode: 48 + n });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: `Digit${key}`, windowsVirtualKeyCode: 48 + n });
    presses++;
  };
  // One replay: the first button (Start, then Play again), then the first open choice or Continue until the ending.
  const replay = async () => {
    await press((await next()) % 100);
    for (let n = await next(); n < 100; n = await next()) await press(n);
  };
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const m = await cdp.send('Performance.getMetrics');
    return m.metrics.find((x) => x.name === 'JSHeapUsedSize')!.value;
  };
  // The heap by kind, from a heap snapshot, to tell what the page keeps
  // (objects) from the machine code V8 compiles as more functions turn hot.
  // Blink's own objects ('native') live outside the JS heap and are left out.
  const heapByKind = async () => {
    const chunks: string[] = [];
    const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
    const fields = snap.snapshot.meta.node_fields;
    const typeNames = snap.snapshot.meta.node_types[0];
    const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
    let code = 0;
    let objects = 0;
    for (let i = 0; i < snap.nodes.length; i += fields.length) {
      const type = typeNames[snap.nodes[i + typeAt]!];
      const size = snap.nodes[i + sizeAt]!;
      if (type === 'code') code += size;
      else if (type !== 'native' && type !== 'synthetic') objects += size;
    }
    return { code, objects };
  };
  await cdp.send('Performance.enable');
  const t0 = performance.now();
  await replay();
  const replayMs = performance.now() - t0;
  // The snapshot comes first at both points, so both readings follow one and count alike whatever taking it leaves behind.
  const kinds1 = await heapByKind();
  const after1 = await heap();
  for (let i = 1; i < 20; i++) await replay();
  const kinds20 = await heapByKind();
  const after20 = await heap();
  // BENCH_REPLAYS=60 (say) goes on replaying and prints the heap every 10 replays, to see whether it levels off.
  const more = Number(process.env['BENCH_REPLAYS'] ?? 20);
  const trend: string[] = [];
  for (let i = 21; i <= more; i++) {
    await replay();
    if (i % 10 === 0 || i === more) trend.push(`after ${i}: ${((await heap()) / 1e6).toFixed(1)} MB`);
  }
  if (trend.length > 0) {
    const k = await heapByKind();
    trend.push(`since after 1: compiled code ${signedKB(k.code - kinds1.code)}, objects ${signedKB(k.objects - kinds1.objects)}`);
  }
  await context.close();
  return { pace, after1, after20, kinds1, kinds20, replayMs, presses, trend };
}

process.stdout.write('replaying 20 calls at reading pace (about 5 minutes), then 20 skipping every line...\n');
const heapRuns = [await heapRun('read'), await heapRun('skip')];
await browser.close();
await gameServer.close();
await bareServer.close();

const jsFiles = readdirSync(join(root, 'dist/assets')).filter((f) => f.endsWith('.js'));
const gzipTotal = jsFiles.reduce((sum, f) => sum + gzipSync(readFileSync(join(root, 'dist/assets', f))).length, 0);
// Not JavaScript, so not in the total above; shown so the move of the scenarios out of the code is visible.
const dataFiles = readdirSync(join(root, 'dist/assets')).filter((f) => /^scenarios-.*\.json$/.test(f));
const dataGzip = dataFiles.reduce((sum, f) => sum + gzipSync(readFileSync(join(root, 'dist/assets', f))).length, 0);

const bare = median(bareFrames);
const rows: [string, string, string][] = [
  ['bare Phaser scene: first frame', `${bare.toFixed(0)} ms`, 'yardstick'],
  ['game: first line readable in the DOM mirror (briefing)', `${median(firstLines).toFixed(0)} ms`, `before Phaser loaded (${median(canvasReady).toFixed(0)} ms): ${median(firstLines) < median(canvasReady) ? 'yes' : 'no'}`],
  ['game: first action pressable', `${median(firstActions).toFixed(0)} ms`, `${(median(firstActions) / bare).toFixed(2)} × bare first frame (target ≤ 1.3)`],
  ['frames per second during the call (Canvas)', fps.toFixed(1), 'target 60'],
  ...heapRuns.flatMap((r): [string, string, string][] => [
    [
      `JS heap after 1 replay / after 20, ${r.pace === 'read' ? 'reading pace' : 'skipping every line'}`,
      `${(r.after1 / 1e6).toFixed(1)} MB / ${(r.after20 / 1e6).toFixed(1)} MB`,
      `growth ${(((r.after20 - r.after1) / r.after1) * 100).toFixed(1)}% (target < 10%); first replay ${(r.replayMs / 1000).toFixed(1)} s, ${r.presses} keys in all`,
    ],
    [
      '  of it: compiled code / objects (heap snapshots)',
      `${signedKB(r.kinds20.code - r.kinds1.code)} / ${signedKB(r.kinds20.objects - r.kinds1.objects)}`,
      `code ${(r.kinds1.code / 1e6).toFixed(1)} → ${(r.kinds20.code / 1e6).toFixed(1)} MB, objects ${(r.kinds1.objects / 1e6).toFixed(1)} → ${(r.kinds20.objects / 1e6).toFixed(1)} MB`,
    ],
  ]),
  ['all JS, gzip', `${(gzipTotal / 1024).toFixed(0)} KB`, `${jsFiles.length} files (target < 420 KB)`],
  ['scenario data (JSON, fetched beside the code), gzip', `${(dataGzip / 1024).toFixed(0)} KB`, `${dataFiles.length} file`],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
process.stdout.write(`\nbrowser benchmark (median of ${RUNS} loads, production build, Chromium headless)\n`);
for (const [a, b, c] of rows) process.stdout.write(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}\n`);
for (const r of heapRuns) if (r.trend.length > 0) process.stdout.write(`  JS heap, ${r.pace}, further replays: ${r.trend.join(', ')}\n`);
