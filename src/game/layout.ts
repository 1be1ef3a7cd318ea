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
  /** The name sits beside a small portrait rather than under a large one. */
  nameBeside: boolean;
  meters: Rect;
  /**
   * 'column': the meters fill a side column, each label (and value) above
   * its bar; 'list': one meter a line across the width, label, bar and value
   * side by side.
   */
  metersAs: 'column' | 'list';
  /** The line and the choices have a column of their own, beside the speaker and the meters. */
  lineBeside: boolean;
  dialogue: Rect;
  /** Where choice cards or the continue button start; they may run below when there are many. */
  actions: Rect;
}

/**
 * The call's layout. Wide canvases get a left column (portrait, meters) and
 * a right column (the line, then the choices). Short or middling ones (a
 * phone held sideways, a small window) keep the two columns with a small
 * portrait beside the name, so the line and the choices start at the top
 * instead of under the meters.
 * Narrow ones stack the meters, a small portrait beside the speaker's name,
 * the line and the choices. `metersHeight` says how tall the meters come
 * out as a list at a given width (labels may wrap); by default every label
 * takes one line. `titleLines` says how many lines the longest speaker's
 * title takes at a given width: beside a small portrait in two columns, the
 * left column starts narrow, so the line and the choices get the width that
 * keeps them short, and widens (within limits) until every title fits in
 * three lines, which the meters under it have the height for, and at
 * least `meterRoom`, the width of the widest meter label beside its value,
 * so the meters do not run down the column; it keeps that width for the
 * whole call whoever speaks.
 */
export function callLayout(m: Metrics, meterCount: number, metersHeight?: (width: number) => number, titleLines?: (width: number) => number, meterRoom = 0): CallLayout {
  const { w, h, pad, gap } = m;
  const topH = Math.round(m.small * (m.short ? 2.2 : 2.4));
  const top = { x: 0, y: 0, w, h: topH };
  const y0 = topH + gap;
  // Short canvases have the least height to spare: the portrait there is the smallest that still shows a face.
  const smallPortrait = Math.round(clamp(m.body * (m.short ? 3.2 : 3.6), 48, 84));
  if (!m.narrow && !m.short && w >= 760) {
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
    return { top, portrait, nameplate, nameBeside: false, meters, metersAs: 'column', lineBeside: true, dialogue, actions };
  }
  if (!m.narrow) {
    const widest = Math.max(Math.round(clamp(w * 0.3, 200, 300)), Math.round(w * 0.44));
    let leftW = Math.min(widest, Math.max(Math.round(clamp(w * 0.3, 200, 300)), meterRoom + pad));
    const beside = (lw: number) => lw - pad - smallPortrait - gap;
    if (titleLines) while (leftW < widest && titleLines(beside(leftW)) > 3) leftW = Math.min(widest, leftW + 8);
    const portrait = { x: pad, y: y0, w: smallPortrait, h: smallPortrait };
    const nameplate = { x: pad + smallPortrait + gap, y: y0, w: beside(leftW), h: smallPortrait };
    const metersY = y0 + smallPortrait + gap;
    const meters = { x: pad, y: metersY, w: leftW - pad, h: Math.max(0, h - metersY - pad) };
    const colX = pad + leftW + pad;
    const colW = w - colX - pad;
    const dialogue = { x: colX, y: y0, w: colW, h: Math.round(m.body * (m.short ? 5 : 6.5)) };
    const actions = { x: colX, y: dialogue.y + dialogue.h + gap, w: colW, h: h - (dialogue.y + dialogue.h + gap) - pad };
    return { top, portrait, nameplate, nameBeside: true, meters, metersAs: 'column', lineBeside: true, dialogue, actions };
  }
  const colW = w - 2 * pad;
  const metersH = meterCount === 0 ? 0 : metersHeight ? metersHeight(colW) : meterListHeight(new Array<number>(meterCount).fill(0), m);
  const meters = { x: pad, y: y0, w: colW, h: metersH };
  const py = y0 + metersH + (meterCount > 0 ? gap : 0);
  const portrait = { x: pad, y: py, w: smallPortrait, h: smallPortrait };
  const nameplate = { x: pad + smallPortrait + gap, y: py, w: colW - smallPortrait - gap, h: smallPortrait };
  const dy = py + smallPortrait + gap;
  const dialogue = { x: pad, y: dy, w: colW, h: Math.round(m.body * 6.5) };
  const actions = { x: pad, y: dy + dialogue.h + gap, w: colW, h: h - (dy + dialogue.h + gap) - pad };
  return { top, portrait, nameplate, nameBeside: true, meters, metersAs: 'list', lineBeside: false, dialogue, actions };
}

/** How an action card is spaced: its padding, its number badge, the leading of its text and the gap to the next card. */
export interface CardSpacing {
  padX: number;
  padY: number;
  badge: number;
  /** Between the badge and the text. */
  badgeGap: number;
  /** The leading of the label, and of the smaller text under it (a reason, a summary). */
  lineSpacing: number;
  smallLineSpacing: number;
  /** Between one card and the next. */
  gap: number;
}

/**
 * A card's spacing. `tight` packs the cards closer, for the call's choices
 * on a short canvas (a phone held sideways), where the line and every choice
 * must share the height: the text keeps its size, and the cards lose only
 * padding, leading and the space between them, still clear of each other.
 */
export function cardSpacing(m: Pick<Metrics, 'body' | 'small' | 'gap'>, tight = false): CardSpacing {
  const { body: b, small: s } = m;
  return tight
    ? { padX: Math.round(b * 0.7), padY: Math.round(b * 0.35), badge: Math.round(b * 1.5), badgeGap: Math.round(b * 0.5), lineSpacing: Math.round(b * 0.2), smallLineSpacing: Math.round(s * 0.2), gap: Math.round(m.gap * 0.65) }
    : { padX: Math.round(b * 0.8), padY: Math.round(b * 0.55), badge: Math.round(b * 1.6), badgeGap: Math.round(b * 0.6), lineSpacing: Math.round(b * 0.3), smallLineSpacing: Math.round(s * 0.3), gap: m.gap };
}

/**
 * The chip that shows a meter's last change ("+2") after its label: the
 * space between the label and the chip, and the chip's padding either side
 * of its text. The space is wide enough to read the chip as its own mark,
 * not as the label's last word.
 */
export function chipGeometry(m: Pick<Metrics, 'small'>): { space: number; padX: number } {
  return { space: Math.max(8, Math.round(m.small * 0.6)), padX: Math.max(4, Math.round(m.small * 0.35)) };
}

/**
 * Splits `text` into lines no wider than `width`, at spaces and also after a
 * dash or slash joining two words ("Brazil–Qatar–Turkey"), which a plain
 * word wrap keeps whole: a long compound name then shares its line instead
 * of taking one of its own. A piece wider than `width` gets a line to itself.
 */
export function wrapWords(text: string, width: number, measure: (s: string) => number): string[] {
  const pieces = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => word.split(/(?<=\p{L}[–—\-/])(?=\p{L})/u).map((p, i) => ({ p, space: i === 0 })));
  const lines: string[] = [];
  let line = '';
  for (const { p, space } of pieces) {
    const next = line === '' ? p : `${line}${space ? ' ' : ''}${p}`;
    if (line === '' || measure(next) <= width) line = next;
    else {
      lines.push(line);
      line = p;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Room kept after every meter label for the change chip, so labels do not reflow when one appears: the space, the padding, and about "+10" in the label's size. */
export function chipRoom(m: Pick<Metrics, 'small'>): number {
  const { space, padX } = chipGeometry(m);
  return space + 2 * padX + Math.round(m.small * 1.8);
}

/** The narrowest a meter's bar is drawn beside its label. */
export const MIN_INLINE_BAR = 60;

/** The height of one line of meter label text. */
export function meterLineHeight(m: Pick<Metrics, 'small'>): number {
  return Math.round(m.small * 1.35);
}

/** Space between the lines of a meter list. */
export function meterListGap(m: Pick<Metrics, 'gap'>): number {
  return Math.round(m.gap * 0.8);
}

/** Where a meter's parts go on its line in a list, from the line's left. */
export interface MeterLine {
  /** The width labels wrap at; a label this wide or less stays on one line. */
  labelW: number;
  barX: number;
  barW: number;
}

/**
 * A meter list across `width`: the labels get a column as wide as the
 * widest of them (plus the change chip), so every label is read in full and
 * the bars line up; past a little over half the width a label wraps instead,
 * so the bar keeps room. The value is right-aligned in `valueW`.
 */
export function meterLine(width: number, widestLabel: number, valueW: number, m: Pick<Metrics, 'small' | 'gap'>): MeterLine {
  const chip = chipRoom(m);
  const most = Math.min(width * 0.55, width - valueW - 2 * m.gap - MIN_INLINE_BAR) - chip;
  const labelW = Math.max(1, Math.min(widestLabel, most));
  const barX = labelW + chip + m.gap;
  return { labelW, barX, barW: Math.max(0, width - barX - m.gap - valueW) };
}

/** The height of a meter list whose labels come out `labelHeights` tall (0 for one line). */
export function meterListHeight(labelHeights: readonly number[], m: Pick<Metrics, 'small' | 'gap'>): number {
  const line = meterLineHeight(m);
  return stackHeight(
    labelHeights.map((x) => Math.max(x, line)),
    meterListGap(m),
  );
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
