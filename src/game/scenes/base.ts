/**
 * What every screen scene shares: it draws the controller's ScreenModel,
 * redraws on resize, scrolls content taller than the canvas (wheel, drag,
 * touch), and records what it drew so tests can compare the canvas with
 * the DOM mirror and click the cards.
 */
import * as Phaser from 'phaser';
import type { GameController } from '../controller.js';
import { cardSpacing, clampScroll, metricsFor, type CardSpacing, type Metrics, type Rect } from '../layout.js';
import type { ActionModel, ScreenModel } from '../screens.js';
import { CSS, FONT, HEX } from '../theme.js';
import { card, display, tapSlop } from './ui.js';

export interface AppContext {
  ctl: GameController;
  /** Portrait keys that have a file, to their URLs. */
  portraits: Record<string, string>;
  /** Scrolls the page by `dy` CSS pixels: what a drag or a wheel on the canvas could not scroll inside it. */
  scrollPage?: (dy: number) => void;
}

/**
 * Where a pointer is on the screen, in CSS pixels. Phaser's own position is
 * on the page, so it moves when the page scrolls under a still finger; a
 * drag that scrolls the page must follow the screen instead.
 */
function screenY(p: Phaser.Input.Pointer): number {
  const e = p.event as MouseEvent | TouchEvent | undefined;
  if (e && 'changedTouches' in e) {
    const touches = Array.from(e.changedTouches);
    return (touches.find((t) => t.identifier === p.identifier) ?? touches[0])?.clientY ?? p.y / display.dpr;
  }
  return e && 'clientY' in e ? e.clientY : p.y / display.dpr;
}

/** An action card as drawn, in canvas coordinates. */
export interface DrawnAction {
  id: string;
  number: number;
  label: string;
  disabled: boolean;
  reason: string;
  rect: Rect;
  /** True when the card stays put while the content scrolls. */
  fixed: boolean;
  /** What the card is drawn with, so a scene can hold it back and show it later. */
  objects: Phaser.GameObjects.GameObject[];
  /** Laid out but not shown yet (the call's choices wait for the line to finish typing). */
  held: boolean;
}

/** What a scene drew, for the test hook. */
export interface SceneDescription {
  scene: string;
  heading: string;
  /** The line as fully drawn (the typewriter's target), when a line shows. */
  line: string | null;
  lineMarker: string | null;
  flash: string | null;
  ending: string | null;
  typing: boolean;
  /** Where the line is drawn, on the page, when a line shows: a tap there finishes it or continues. */
  lineBox: { x: number; y: number; w: number; h: number } | null;
  actions: (Omit<DrawnAction, 'rect' | 'fixed' | 'objects'> & { x: number; y: number; w: number; h: number; visible: boolean })[];
  /** The side controls drawn on the canvas (sound, text speed, export…), with their places on the page. */
  controls: { id: string; label: string; x: number; y: number; w: number; h: number }[];
  /** The meters drawn on the canvas: the label and the value as drawn, and where the label, the bar and the value are on the page. */
  meters: { id: string; label: string; value: string; labelBox: PageBox; barBox: PageBox; valueBox: PageBox; chipBox: PageBox | null }[];
  /** The "More below" hint on the page, while it shows. */
  scrollHint: PageBox | null;
  /** The size in CSS pixels of the smallest text drawn. */
  smallestText: number;
  /** The call's top bar as drawn: the part (in capitals) and the turn, with the role where there is room. */
  topBar: { part: string; turn: string } | null;
  /** The speaker's name and title as drawn beside or under the portrait, with the title's lines. */
  speaker: { name: string; nameBox: PageBox; titleLines: string[]; titleBox: PageBox } | null;
}

export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A meter as drawn, in content coordinates (it scrolls with the content). */
export interface DrawnMeter {
  id: string;
  label: Phaser.GameObjects.Text;
  bar: Rect;
  value: Phaser.GameObjects.Text;
  /** The chip showing the meter's last change, while one shows. */
  chip: Rect | null;
}

export abstract class BaseScene extends Phaser.Scene {
  protected readonly app: AppContext;
  protected model!: ScreenModel;
  protected m!: Metrics;
  protected drawnActions: DrawnAction[] = [];
  /** The line's box, in content coordinates (it scrolls), when a line shows. */
  protected lineRect: Rect | null = null;
  protected drawnMeters: DrawnMeter[] = [];
  /** Side controls drawn on the canvas, by their backgrounds (read where they end up, after any shifting). */
  private drawnControls: { id: string; label: string; bg: Phaser.GameObjects.Rectangle }[] = [];
  protected heading = '';
  /** Top and bottom of the scrolling area (fixed bars lie outside it). */
  protected viewTop = 0;
  protected viewBottom = 0;
  protected contentBottom = 0;
  private dragging = false;
  private dragStartY = 0;
  private dragStartScroll = 0;
  /** How far the current drag has scrolled the page. */
  private dragPassed = 0;

  constructor(key: string, app: AppContext) {
    super({ key });
    this.app = app;
  }

  create(): void {
    this.model = this.app.ctl.model;
    this.cameras.main.setBackgroundColor(HEX.bg);
    this.scale.on('resize', this.onResize, this);
    // A wheel or a drag scrolls the canvas first and hands the page what is
    // left: on a phone held sideways the canvas fills the screen and the panel
    // lies below it, and Phaser keeps the touches it is given.
    this.input.on('wheel', (_p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      const want = this.cameras.main.scrollY + dy;
      this.setScroll(want);
      const rest = want - this.cameras.main.scrollY;
      if (rest !== 0) this.app.scrollPage?.(rest);
    });
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      this.dragging = false;
      this.dragStartY = screenY(p);
      this.dragStartScroll = this.cameras.main.scrollY;
      this.dragPassed = 0;
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (!p.isDown) return;
      const moved = screenY(p) - this.dragStartY;
      if (!this.dragging && Math.abs(moved) > 10) this.dragging = true;
      if (!this.dragging) return;
      const want = this.dragStartScroll - moved;
      this.setScroll(want);
      const rest = want - this.cameras.main.scrollY;
      if (rest !== this.dragPassed) {
        this.app.scrollPage?.(rest - this.dragPassed);
        this.dragPassed = rest;
      }
    });
    this.input.on('pointerup', () => {
      // Let card handlers see the drag flag first.
      this.time.delayedCall(0, () => (this.dragging = false));
    });
    this.events.once('shutdown', () => {
      this.scale.off('resize', this.onResize, this);
      this.input.removeAllListeners();
      this.onShutdown();
    });
    this.redraw(null);
  }

  /** The canvas size in CSS pixels, which layout works in. */
  protected get vw(): number {
    return this.scale.width / display.dpr;
  }

  protected get vh(): number {
    return this.scale.height / display.dpr;
  }

  /** The controller published a new model. */
  applyModel(m: ScreenModel): void {
    const prev = this.model;
    this.model = m;
    this.redraw(prev);
  }

  protected onShutdown(): void {}

  private onResize(): void {
    this.redraw(this.model);
  }

  /** Clears the scene and draws the model again. */
  protected redraw(prev: ScreenModel | null): void {
    const keepScroll = prev !== null && this.keepsScroll(prev, this.model) ? this.cameras.main.scrollY : 0;
    this.beforeClear();
    this.tweens.killAll();
    for (const o of [...this.children.list]) o.destroy();
    this.drawnActions = [];
    this.drawnControls = [];
    this.lineRect = null;
    this.drawnMeters = [];
    const w = this.vw;
    const h = this.vh;
    const cam = this.cameras.main;
    cam.setSize(this.scale.width, this.scale.height);
    cam.setOrigin(0, 0);
    cam.setZoom(display.dpr);
    this.m = metricsFor(w, h);
    this.viewTop = 0;
    this.viewBottom = h;
    this.contentBottom = h;
    this.draw(prev);
    this.scrollHint = null;
    if (this.maxScroll() > 0) {
      // The hint gets a strip of its own at the foot of the view, and the view
      // ends above it: laid over the content, it hid the words under it.
      const size = this.m.small;
      const hint = this.add.text(0, 0, `${this.model.strings.moreBelow} ↓`, { fontFamily: FONT, fontSize: `${size}px`, color: CSS.brass, resolution: display.dpr });
      const stripH = Math.round(hint.height + 8);
      this.viewBottom -= stripH;
      // Above everything else, a news flash that scrolls included.
      const strip = this.fixedBar(this.viewBottom, stripH, 40);
      // A tap on it does what it says.
      strip.on('pointerup', (p: Phaser.Input.Pointer) => {
        if (!this.dragging && p.getDistance() <= tapSlop()) this.scrollBy((this.viewBottom - this.viewTop) * 0.8);
      });
      hint
        .setPosition(this.vw - this.m.pad, this.viewBottom + stripH / 2)
        .setOrigin(1, 0.5)
        .setScrollFactor(0)
        .setDepth(42);
      this.scrollHint = hint;
    }
    this.setScroll(keepScroll);
  }

  private scrollHint: Phaser.GameObjects.Text | null = null;

  /** Whether a redraw keeps the scroll position (same screen, e.g. a settings change). */
  protected keepsScroll(prev: ScreenModel, next: ScreenModel): boolean {
    return prev.screen.kind === next.screen.kind && JSON.stringify(prev.actions) === JSON.stringify(next.actions);
  }

  protected beforeClear(): void {}

  protected abstract draw(prev: ScreenModel | null): void;

  protected get motion(): boolean {
    return !this.model.reducedMotion;
  }

  // ---- scrolling -----------------------------------------------------------

  protected maxScroll(): number {
    return Math.max(0, Math.ceil(this.contentBottom - this.viewBottom));
  }

  protected setScroll(y: number): void {
    this.cameras.main.scrollY = clampScroll(y, this.contentBottom - this.viewTop, this.viewBottom - this.viewTop);
    this.scrollHint?.setVisible(this.cameras.main.scrollY < this.maxScroll() - 4);
  }

  protected scrollBy(dy: number): void {
    this.setScroll(this.cameras.main.scrollY + dy);
  }

  /** Scrolls so that a content rect is in view. */
  protected scrollIntoView(r: Rect): void {
    const cam = this.cameras.main;
    const top = cam.scrollY + this.viewTop;
    const bottom = cam.scrollY + this.viewBottom;
    if (r.y + r.h > bottom) this.setScroll(r.y + r.h - this.viewBottom + this.m.pad);
    else if (r.y < top) this.setScroll(r.y - this.viewTop - this.m.pad);
  }

  protected get isDragging(): boolean {
    return this.dragging;
  }

  // ---- actions -------------------------------------------------------------

  /** Records a side control (a pill) for the test hook; `objs[0]` is its background. */
  protected control(id: string, label: string, objs: Phaser.GameObjects.GameObject[]): Phaser.GameObjects.GameObject[] {
    this.drawnControls.push({ id, label, bg: objs[0] as Phaser.GameObjects.Rectangle });
    return objs;
  }

  /** A card was tapped or clicked. */
  protected pressAction(id: string): void {
    this.app.ctl.press(id);
  }

  /** Draws the model's actions as a column of cards from (x, y), spaced as `sp` says; returns the bottom. */
  protected drawActionColumn(actions: ActionModel[], x: number, y: number, w: number, fixed = false, depth = 20, sp: CardSpacing = cardSpacing(this.m)): number {
    let cy = y;
    actions.forEach((a, i) => {
      const c = card(
        this,
        x,
        cy,
        w,
        { number: i + 1, label: a.label, detail: a.detail, reason: a.reason, disabled: a.disabled, kind: a.kind },
        this.m,
        () => this.pressAction(a.id),
        () => this.isDragging,
        sp,
      );
      if (fixed) for (const o of c.objects) (o as unknown as Phaser.GameObjects.Components.ScrollFactor).setScrollFactor(0);
      if (fixed) for (const o of c.objects) (o as unknown as Phaser.GameObjects.Components.Depth).setDepth(depth + ((o as unknown as Phaser.GameObjects.Components.Depth).depth < 0 ? 0 : 1));
      this.drawnActions.push({ id: a.id, number: i + 1, label: a.label, disabled: a.disabled, reason: a.reason, rect: c.rect, fixed, objects: c.objects, held: false });
      cy += c.height + sp.gap;
    });
    return cy - (actions.length ? sp.gap : 0);
  }

  /**
   * The actions in a bar fixed to the bottom of the canvas: side by side on
   * wide canvases, one above the other on narrow ones. Returns the bar's height.
   */
  protected drawBottomActions(actions: ActionModel[], maxCardW = Infinity): number {
    const { m } = this;
    const w = this.vw;
    const h = this.vh;
    const n = actions.length;
    if (n === 0) return 0;
    // Side by side wherever the canvas is not a phone in portrait: on a phone held sideways, stacked cards took a third of the height.
    const sideBySide = !m.narrow && n <= 3;
    const avail = w - 2 * m.pad;
    const cw = m.narrow ? avail : Math.min(maxCardW, sideBySide ? (avail - m.gap * (n - 1)) / n : avail);
    const cards = actions.map((a, i) =>
      card(this, 0, 0, cw, { number: i + 1, label: a.label, detail: a.detail, reason: a.reason, disabled: a.disabled, kind: a.kind }, m, () => this.pressAction(a.id), () => false),
    );
    const rowH = sideBySide ? Math.max(...cards.map((c) => c.height)) : cards.reduce((acc, c) => acc + c.height, 0) + m.gap * (n - 1);
    const padY = Math.round(m.gap * 1.2);
    const barH = rowH + 2 * padY;
    const barY = h - barH;
    this.fixedBar(barY, barH);
    const totalW = sideBySide ? cw * n + m.gap * (n - 1) : cw;
    let x = w - m.pad - totalW;
    let y = barY + padY;
    cards.forEach((c, i) => {
      for (const o of c.objects) {
        const tr = o as unknown as Phaser.GameObjects.Components.Transform & Phaser.GameObjects.Components.ScrollFactor & Phaser.GameObjects.Components.Depth;
        tr.x += x;
        tr.y += y;
        tr.setScrollFactor(0);
        tr.setDepth(tr.depth < 0 ? 20 : 21);
      }
      const a = actions[i]!;
      this.drawnActions.push({ id: a.id, number: i + 1, label: a.label, disabled: a.disabled, reason: a.reason, rect: { x, y, w: cw, h: c.height }, fixed: true, objects: c.objects, held: false });
      if (sideBySide) x += cw + m.gap;
      else y += c.height + m.gap;
    });
    return barH;
  }

  /** A bar fixed to the top or bottom of the canvas, above scrolling content. */
  protected fixedBar(y: number, h: number, depth = 10): Phaser.GameObjects.Rectangle {
    const bar = this.add.rectangle(0, y, this.vw, h, HEX.bg, 1).setOrigin(0, 0).setScrollFactor(0).setDepth(depth);
    bar.setInteractive(); // swallows clicks meant for what scrolls beneath
    const rule = this.add.rectangle(0, y === 0 ? h - 1 : y, this.vw, 1, HEX.line, 1).setOrigin(0, 0).setScrollFactor(0).setDepth(depth + 1);
    void rule;
    return bar;
  }

  // ---- test hook -------------------------------------------------------------

  protected describeExtra(): Partial<SceneDescription> {
    return {};
  }

  /** Where a Text that scrolls with the content is on the page. */
  protected textOnPage(t: Phaser.GameObjects.Text): PageBox {
    const cam = this.cameras.main;
    const box = this.game.canvas.getBoundingClientRect();
    const sx = box.width / this.vw;
    const sy = box.height / this.vh;
    return { x: box.left + (t.x - t.originX * t.width - cam.scrollX) * sx, y: box.top + (t.y - t.originY * t.height - cam.scrollY) * sy, w: t.width * sx, h: t.height * sy };
  }

  describe(): SceneDescription {
    const cam = this.cameras.main;
    const canvas = this.game.canvas;
    const box = canvas.getBoundingClientRect();
    const sx = box.width / this.vw;
    const sy = box.height / this.vh;
    return {
      speaker: null,
      topBar: null,
      scene: this.scene.key,
      heading: this.heading,
      line: null,
      lineMarker: null,
      flash: null,
      ending: null,
      typing: false,
      smallestText: Math.min(...this.children.list.flatMap((o) => (o instanceof Phaser.GameObjects.Text && o.text.trim() !== '' ? [parseFloat(String(o.style.fontSize))] : []))),
      meters: this.drawnMeters.map((d) => {
        const page = (r: Rect): PageBox => ({ x: box.left + (r.x - cam.scrollX) * sx, y: box.top + (r.y - cam.scrollY) * sy, w: r.w * sx, h: r.h * sy });
        return { id: d.id, label: d.label.text, value: d.value.text, labelBox: this.textOnPage(d.label), barBox: page(d.bar), valueBox: this.textOnPage(d.value), chipBox: d.chip && page(d.chip) };
      }),
      scrollHint:
        this.scrollHint?.visible === true
          ? { x: box.left + (this.scrollHint.x - this.scrollHint.width) * sx, y: box.top + (this.scrollHint.y - this.scrollHint.height / 2) * sy, w: this.scrollHint.width * sx, h: this.scrollHint.height * sy }
          : null,
      lineBox: this.lineRect && { x: box.left + (this.lineRect.x - cam.scrollX) * sx, y: box.top + (this.lineRect.y - cam.scrollY) * sy, w: this.lineRect.w * sx, h: this.lineRect.h * sy },
      ...this.describeExtra(),
      actions: this.drawnActions.map((a) => {
        const x = a.rect.x - (a.fixed ? 0 : cam.scrollX);
        const y = a.rect.y - (a.fixed ? 0 : cam.scrollY);
        const visible = a.fixed || (y >= this.viewTop - 1 && y + a.rect.h <= this.viewBottom + 1);
        return { id: a.id, number: a.number, label: a.label, disabled: a.disabled, reason: a.reason, held: a.held, x: box.left + x * sx, y: box.top + y * sy, w: a.rect.w * sx, h: a.rect.h * sy, visible };
      }),
      controls: this.drawnControls.map(({ id, label, bg }) => {
        const x = bg.x - cam.scrollX * bg.scrollFactorX;
        const y = bg.y - cam.scrollY * bg.scrollFactorY;
        return { id, label, x: box.left + x * sx, y: box.top + y * sy, w: bg.width * sx, h: bg.height * sy };
      }),
    };
  }
}
