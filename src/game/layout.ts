/**
 * Layout maths for the canvas, free of Phaser so it can be tested in Node.
 * One set of rules serves a 1280×720 or 1920×1080 projector and a 390×844
 * phone held either way: sizes follow the canvas, text never drops below a
 * readable size, and narrow canvases stack what wide ones put side by side.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Metrics {
  w: number;
  h: number;
  /** A narrow canvas (a phone in portrait): one column. */
  narrow: boolean;
  /** A short canvas (a phone in landscape): tighter vertical spacing. */
  short: boolean;
  pad: number;
  gap: number;
  /** Font sizes in CSS pixels. */
  body: number;
  small: number;
  heading: number;
  title: number;
  /** Widest a column of running text should be, for reading comfort. */
  measure: number;
}

/** The smallest body text size on any screen. */
export const MIN_BODY = 15;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function metricsFor(w: number, h: number): Metrics {
  const narrow = w < 640;
  const short = h < 480;
  const body = Math.round(clamp(Math.min(w / 52, h / 30), MIN_BODY, 26));
  const small = Math.round(clamp(body * 0.8, 13, 20));
  const heading = Math.round(clamp(body * 1.25, 18, 34));
  const title = Math.round(clamp(body * 2.1, 26, 60));
  const pad = Math.round(clamp(Math.min(w, h) / 28, 12, 40));
  const gap = Math.round(clamp(body * 0.6, 8, 16));
  return { w, h, narrow, short, pad, gap, body, small, heading, title, measure: Math.min(w - 2 * pad, body * 42) };
}

/** Where the call's parts go. */
export interface CallLayout {
  top: Rect;
  /** The speaker's portrait. */
  portrait: Rect;
  /** Name and title of the speaker, beside or under the portrait. */
  nameplate: Rect;
  meters: Rect;
  /** Meters drawn side by side (a row) or one above the other (a column). */
  metersAs: 'row' | 'column';
  dialogue: Rect;
  /** Where choice cards or the continue button start; they may run below when there are many. */
  actions: Rect;
}

/**
 * The call's layout. Wide canvases get a left column (portrait, meters) and
 * a right column (the line, then the choices); narrow or short ones stack a
 * small portrait beside the speaker's name, a row of meters, the line, and
 * the choices.
 */
export function callLayout(m: Metrics, meterCount: number): CallLayout {
  const { w, h, pad, gap } = m;
  const topH = Math.round(m.small * 2.4);
  const top = { x: 0, y: 0, w, h: topH };
  const y0 = topH + gap;
  const wide = !m.narrow && !m.short && w >= 760;
  if (wide) {
    const leftW = Math.round(clamp(w * 0.27, 200, 380));
    const portraitSize = Math.round(Math.min(leftW - pad, (h - y0) * 0.42));
    const portrait = { x: pad, y: y0 + gap, w: portraitSize, h: portraitSize };
    const nameplate = { x: pad, y: portrait.y + portraitSize + gap, w: leftW - pad, h: m.body * 3 };
    const metersY = nameplate.y + nameplate.h + gap;
    const meters = { x: pad, y: metersY, w: leftW - pad, h: Math.max(0, h - metersY - pad) };
    const colX = pad + leftW + pad;
    const colW = w - colX - pad;
    const dialogue = { x: colX, y: y0 + gap, w: colW, h: Math.round((h - y0) * 0.36) };
    const actions = { x: colX, y: dialogue.y + dialogue.h + gap, w: colW, h: h - (dialogue.y + dialogue.h + gap) - pad };
    return { top, portrait, nameplate, meters, metersAs: 'column', dialogue, actions };
  }
  const colW = w - 2 * pad;
  const grid = meterGrid(colW, meterCount, m);
  const meterRowH = grid.h;
  const meters = { x: pad, y: y0, w: colW, h: meterRowH };
  const py = y0 + meterRowH + (meterCount > 0 ? gap : 0);
  const portraitSize = Math.round(clamp(m.body * 3.6, 48, 84));
  const portrait = { x: pad, y: py, w: portraitSize, h: portraitSize };
  const nameplate = { x: pad + portraitSize + gap, y: py, w: colW - portraitSize - gap, h: portraitSize };
  const dy = py + portraitSize + gap;
  const dialogue = { x: pad, y: dy, w: colW, h: Math.round(m.body * 6.5) };
  const actions = { x: pad, y: dy + dialogue.h + gap, w: colW, h: h - (dy + dialogue.h + gap) - pad };
  return { top, portrait, nameplate, meters, metersAs: 'row', dialogue, actions };
}

/** How meters sit in a row layout: as many columns as fit labels readably, wrapping onto more rows. */
export interface MeterGrid {
  cols: number;
  rows: number;
  cellW: number;
  cellH: number;
  /** Total height of the grid. */
  h: number;
}

/** The smallest width a meter cell gets: its label and value must stay readable. */
export const MIN_METER_CELL = 150;

export function meterGrid(width: number, n: number, m: Pick<Metrics, 'small' | 'gap'>): MeterGrid {
  if (n <= 0) return { cols: 0, rows: 0, cellW: 0, cellH: 0, h: 0 };
  const cols = Math.max(1, Math.min(n, Math.floor((width + m.gap) / (MIN_METER_CELL + m.gap))));
  const rows = Math.ceil(n / cols);
  const cellW = (width - m.gap * (cols - 1)) / cols;
  const cellH = Math.round(m.small * 2.5);
  return { cols, rows, cellW, cellH, h: rows * cellH + (rows - 1) * Math.round(m.gap * 0.6) };
}

/** Positions of items of the given heights stacked from `y0` with `gap` between them. */
export function stack(y0: number, heights: readonly number[], gap: number): number[] {
  const ys: number[] = [];
  let y = y0;
  for (const hgt of heights) {
    ys.push(y);
    y += hgt + gap;
  }
  return ys;
}

/** The total height of a stack. */
export function stackHeight(heights: readonly number[], gap: number): number {
  return heights.length === 0 ? 0 : heights.reduce((a, b) => a + b, 0) + gap * (heights.length - 1);
}

/** Splits a row of `n` equal cells across `width` with `gap` between them. */
export function row(x: number, width: number, n: number, gap: number): Rect[] {
  if (n <= 0) return [];
  const cw = (width - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: x + i * (cw + gap), y: 0, w: cw, h: 0 }));
}

/** The share (0..1) of a meter's range its value stands at. */
export function meterShare(value: number, min: number, max: number): number {
  if (max <= min) return 1;
  return clamp((value - min) / (max - min), 0, 1);
}

/** How far a content of height `content` can scroll in a view of height `view`. */
export function maxScroll(content: number, view: number): number {
  return Math.max(0, Math.ceil(content - view));
}

/** Clamps a scroll position. */
export function clampScroll(y: number, content: number, view: number): number {
  return clamp(y, 0, maxScroll(content, view));
}

/**
 * A chart's horizontal scale for the outcome: maps values to x so that
 * every value and walk-away fits, with 0 always shown.
 */
export function valueScale(values: readonly number[], x0: number, width: number): (v: number) => number {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const span = hi - lo;
  lo -= span * 0.08;
  hi += span * 0.08;
  return (v: number) => x0 + ((v - lo) / (hi - lo)) * width;
}

/** Most canvas pixels drawn each frame: beyond this the Canvas renderer cannot hold 60 fps everywhere. */
export const MAX_CANVAS_PIXELS = 1_800_000;

/**
 * Device pixels per CSS pixel for a canvas of w×h CSS pixels: the screen's
 * density, at most 2, lowered on big canvases to stay under MAX_CANVAS_PIXELS,
 * in quarter steps, never below 1.
 */
export function densityFor(deviceRatio: number, w: number, h: number): number {
  const budget = Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, w * h));
  const d = Math.min(2, deviceRatio, budget);
  return Math.max(1, Math.floor(d * 4) / 4);
}
