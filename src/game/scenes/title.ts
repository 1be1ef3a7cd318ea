/**
 * Title: the scenario, the roles to pick, "Continue" when a save exists,
 * and the settings (sound, text speed, reduced motion). Also shows, in
 * words, why nothing can be played when no scenario passed the checker.
 */
import * as Phaser from 'phaser';
import { nextTextSpeed } from '../settings.js';
import { CSS, HEX } from '../theme.js';
import { BaseScene, type AppContext } from './base.js';
import { kicker, tapSlop, text } from './ui.js';

/** A small side-control button drawn on the canvas (settings): not one of the game's actions. */
export function pill(
  scene: Phaser.Scene,
  x: number,
  y: number,
  label: string,
  size: number,
  onPress: () => void,
  pressed: boolean | null = null,
  /** True while the pointer is dragging the content (or the page): a swipe that starts on a pill is not a press. */
  shouldIgnore: () => boolean = () => false,
): Phaser.GameObjects.GameObject[] {
  const padX = Math.round(size * 0.7);
  const padY = Math.round(size * 0.4);
  const t = text(scene, x + padX, y + padY, label, { size, color: pressed === false ? CSS.textDim : CSS.text });
  const bg = scene.add
    .rectangle(x, y, t.width + 2 * padX, t.height + 2 * padY, pressed ? HEX.panelHi : HEX.bg, 1)
    .setOrigin(0, 0)
    .setRounded(Math.round((t.height + 2 * padY) / 2))
    .setStrokeStyle(1, pressed ? HEX.brass : HEX.line, 1)
    .setDepth(-1);
  bg.setInteractive({ useHandCursor: true });
  bg.on('pointerup', (p: Phaser.Input.Pointer) => {
    if (!shouldIgnore() && p.getDistance() <= tapSlop()) onPress();
  });
  return [bg, t];
}

export class TitleScene extends BaseScene {
  constructor(app: AppContext) {
    super('title', app);
  }

  /** The back channel itself: the sides as nodes on one line, a signal passing between them. Returns the bottom. */
  private drawLine(sides: string[], x: number, y: number, w: number): number {
    const { m } = this;
    const r = Math.max(4, Math.round(m.body * 0.3));
    const cy = y + r + 2;
    const n = sides.length;
    const xs = sides.map((_, i) => x + r + ((w - 2 * r) * i) / (n - 1));
    const g = this.add.graphics();
    g.lineStyle(1, HEX.steelDim, 1);
    for (let px = xs[0]!; px < xs[n - 1]!; px += 10) g.lineBetween(px, cy, Math.min(px + 5, xs[n - 1]!), cy);
    let bottom = cy + r;
    xs.forEach((nx, i) => {
      this.add.circle(nx, cy, r, HEX.bg, 1).setStrokeStyle(2, HEX.steel, 1);
      const label = text(this, nx, cy + r + 6, sides[i]!, { size: m.small, color: CSS.steel, width: (w / n) * 0.95, align: i === 0 ? 'left' : i === n - 1 ? 'right' : 'center' });
      label.setOrigin(i === 0 ? 0 : i === n - 1 ? 1 : 0.5, 0);
      if (i === 0) label.x = nx - r;
      if (i === n - 1) label.x = nx + r;
      bottom = Math.max(bottom, label.y + label.height);
    });
    const pulse = this.add.circle(xs[0]!, cy, Math.max(2, r - 2), HEX.brass, 1);
    if (this.motion) {
      this.tweens.add({ targets: pulse, x: xs[n - 1]!, duration: 2600, ease: 'Sine.easeInOut', yoyo: true, repeat: -1, hold: 400, repeatDelay: 400 });
    } else pulse.x = (xs[0]! + xs[n - 1]!) / 2;
    return bottom;
  }

  protected draw(): void {
    const { m, model } = this;
    const s = model.screen;
    const t = model.strings;
    const w = this.vw;
    const pad = m.pad;
    // A faint grid, like a plotting table.
    const g = this.add.graphics();
    g.lineStyle(1, HEX.line, 0.25);
    const step = Math.max(40, Math.round(m.body * 4));
    for (let x = 0; x < w; x += step) g.lineBetween(x, 0, x, Math.max(this.vh, 2000));
    for (let y = 0; y < Math.max(this.vh, 2000); y += step) g.lineBetween(0, y, w, y);

    let y = pad;
    for (const n of model.notices) {
      const color = n.tone === 'warning' ? CSS.brass : CSS.textDim;
      const nt = text(this, pad + m.gap, y + m.gap, n.text, { size: m.small, color, width: w - 2 * pad - 2 * m.gap });
      this.add.rectangle(pad, y, w - 2 * pad, nt.height + 2 * m.gap, HEX.panel, 1).setOrigin(0, 0).setStrokeStyle(1, n.tone === 'warning' ? HEX.brassDim : HEX.line, 1).setDepth(-1);
      y += nt.height + 2 * m.gap + m.gap;
    }

    if (s.kind === 'problem') {
      this.heading = s.heading;
      kicker(this, pad, y, t.appName, m.small);
      y += m.small * 2;
      const h = text(this, pad, y, s.heading, { size: m.heading * 1.3, weight: '600', width: w - 2 * pad });
      y += h.height + m.gap;
      const intro = text(this, pad, y, s.intro, { size: m.body, color: CSS.textDim, width: w - 2 * pad });
      y += intro.height + m.gap * 2;
      const p = text(this, pad + m.gap, y + m.gap, s.problems.join('\n'), { size: m.small, color: CSS.brass, width: w - 2 * pad - 2 * m.gap });
      this.add.rectangle(pad, y, w - 2 * pad, p.height + 2 * m.gap, HEX.bgDeep, 1).setOrigin(0, 0).setStrokeStyle(1, HEX.red, 1).setDepth(-1);
      y += p.height + 2 * m.gap;
      if (model.actions.length > 0) y = this.drawActionColumn(model.actions, pad, y + m.gap * 2, Math.min(w - 2 * pad, Math.max(240, m.body * 16)));
      this.contentBottom = y + pad;
      return;
    }
    if (s.kind !== 'title') return;
    this.heading = s.scenario?.title ?? s.heading;
    const contentTop = y;
    const wide = !m.narrow && w >= 900;
    const colW = wide ? Math.min(m.measure, (w - 3 * pad) * 0.5) : w - 2 * pad;
    const leftX = pad;
    kicker(this, leftX, y, t.appName, m.small);
    y += Math.round(m.small * 1.8);
    if (s.scenario) {
      const title = text(this, leftX, y, s.scenario.title, { size: m.title, weight: '600', width: colW, lineSpacing: 2 });
      y += title.height + m.gap;
      this.add.rectangle(leftX, y, Math.min(120, colW), 3, HEX.brass, 1).setOrigin(0, 0);
      y += 3 + m.gap * 1.5;
      const period = text(this, leftX, y, `${t.period}: ${s.scenario.period}`, { size: m.small, color: CSS.steel, width: colW });
      y += period.height + m.gap;
      const sum = text(this, leftX, y, s.scenario.summary, { size: m.body, color: CSS.textDim, width: colW });
      y += sum.height + m.gap * 2;
    }
    if (!m.short) {
      const tag = text(this, leftX, y, s.tagline, { size: m.small, color: CSS.steel, italic: true, width: colW });
      y += tag.height + m.gap * 2;
    }
    if (s.scenario && s.scenario.sides.length >= 2 && !m.short) y = this.drawLine(s.scenario.sides, leftX, y, Math.min(colW, m.body * 30)) + m.gap * 2;

    let ay = y;
    let ax = leftX;
    let aw = colW;
    if (wide) {
      ax = pad * 2 + colW;
      aw = w - ax - pad;
      ay = contentTop + Math.round(m.small * 1.8);
    }
    const prompt = text(this, ax, ay, s.prompt, { size: m.small, color: CSS.brass, weight: '600' });
    ay += prompt.height + m.gap;
    ay = this.drawActionColumn(model.actions, ax, ay, aw) + m.gap * 2;

    // Settings, as side controls (they are not moves of the game).
    let sx = ax;
    let sy = ay;
    const place = (objs: Phaser.GameObjects.GameObject[]) => {
      const bg = objs[0] as Phaser.GameObjects.Rectangle;
      if (sx + bg.width > ax + aw && sx > ax) {
        sx = ax;
        sy += bg.height + m.gap;
        const dx = bg.x - ax;
        const dy = bg.height + m.gap;
        for (const o of objs) {
          const tr = o as unknown as Phaser.GameObjects.Components.Transform;
          tr.x -= dx;
          tr.y += dy;
        }
      }
      sx = bg.x + bg.width + m.gap;
      return bg.height;
    };
    const settings = model.settings;
    const ctl = this.app.ctl;
    const dragging = () => this.isDragging;
    const sound = settings.muted ? t.soundOff : t.soundOn;
    const speed = `${t.textSpeed}: ${t.textSpeeds[settings.textSpeed]}`;
    const motion = `${t.reducedMotion}: ${model.reducedMotion ? t.on : t.off}`;
    place(this.control('mute', sound, pill(this, sx, sy, sound, m.small, () => ctl.toggleMute(), settings.muted, dragging)));
    place(this.control('text-speed', speed, pill(this, sx, sy, speed, m.small, () => ctl.setTextSpeed(nextTextSpeed(settings.textSpeed)), null, dragging)));
    const lastH = place(this.control('reduced-motion', motion, pill(this, sx, sy, motion, m.small, () => ctl.setReducedMotion(!model.reducedMotion), model.reducedMotion, dragging)));
    const bottom = Math.max(y, sy + lastH) + pad;
    this.contentBottom = bottom;
    // Short content sits a little above the middle rather than at the top.
    const spare = this.vh - bottom;
    if (spare > 0) {
      const dy = Math.round(spare * 0.4);
      for (const o of this.children.list) if (o !== g) (o as unknown as Phaser.GameObjects.Components.Transform).y += dy;
      for (const a of this.drawnActions) a.rect.y += dy;
    }
  }
}
