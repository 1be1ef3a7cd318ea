/**
 * Drawing helpers shared by the scenes: text in the house font, action
 * cards, placeholder portraits and meters. Everything is drawn in code.
 */
import * as Phaser from 'phaser';
import { cardSpacing, type CardSpacing, type Metrics, type Rect } from '../layout.js';
import { CSS, FONT, HEX } from '../theme.js';

/**
 * The display's pixel density. The canvas is drawn at device pixels (its
 * camera zoomed by this) while layout stays in CSS pixels, so text is crisp
 * on high-density screens; text textures are made at this resolution.
 */
export const display = { dpr: 1 };

/** How far (in canvas pixels) a press may move and still count as a tap. */
export const tapSlop = () => 12 * display.dpr;

export interface TextOpts {
  size: number;
  color?: string;
  weight?: '400' | '600';
  italic?: boolean;
  width?: number;
  align?: 'left' | 'center' | 'right';
  lineSpacing?: number;
  letterSpacing?: number;
}

/** A Text in IBM Plex Sans, wrapped to `width` when given. */
export function text(scene: Phaser.Scene, x: number, y: number, content: string, o: TextOpts): Phaser.GameObjects.Text {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT,
    fontSize: `${o.size}px`,
    fontStyle: `${o.italic ? 'italic ' : ''}${o.weight === '600' ? '600' : 'normal'}`,
    color: o.color ?? CSS.text,
    align: o.align ?? 'left',
    lineSpacing: o.lineSpacing ?? Math.round(o.size * 0.3),
    resolution: display.dpr,
  };
  if (o.width !== undefined) style.wordWrap = { width: Math.max(20, o.width), useAdvancedWrap: true };
  const t = scene.add.text(Math.round(x), Math.round(y), content, style);
  if (o.letterSpacing) t.setLetterSpacing(o.letterSpacing);
  return t;
}

let measureCtx: CanvasRenderingContext2D | null = null;

/** Measures one-line text in the house font as `text` draws it, without making a texture per try. */
export function measurer(size: number, weight: '400' | '600' = '400'): (s: string) => number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  const ctx = measureCtx;
  const font = `${weight === '600' ? '600' : 'normal'} ${size}px ${FONT}`;
  const seen = new Map<string, number>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      if (!ctx) return s.length * size * 0.55;
      ctx.font = font;
      v = ctx.measureText(s).width;
      seen.set(s, v);
    }
    return v;
  };
}

/** A small uppercase label, e.g. "NEWS FLASH" or "INVENTED DIALOGUE". */
export function kicker(scene: Phaser.Scene, x: number, y: number, content: string, size: number, color: string = CSS.brass): Phaser.GameObjects.Text {
  return text(scene, x, y, content.toUpperCase(), { size, color, weight: '600', letterSpacing: 1.2 });
}

/** A filled panel with a hairline border. */
export function panel(scene: Phaser.Scene, r: Rect, fill: number = HEX.panel, stroke: number = HEX.line, radius = 6, alpha = 1): Phaser.GameObjects.Rectangle {
  const p = scene.add.rectangle(r.x, r.y, r.w, r.h, fill, alpha).setOrigin(0, 0);
  if (radius > 0) p.setRounded(radius);
  p.setStrokeStyle(1, stroke, 1);
  return p;
}

export interface CardSpec {
  number: number | null;
  label: string;
  detail?: string;
  reason?: string;
  disabled: boolean;
  kind: 'continue' | 'choice' | 'pick' | 'primary';
}

export interface CardHandle {
  height: number;
  bg: Phaser.GameObjects.Rectangle;
  objects: Phaser.GameObjects.GameObject[];
  rect: Rect;
}

/**
 * A numbered action card. Its height follows its text; `onPress` fires on
 * a click or tap that did not turn into a scroll.
 */
export function card(scene: Phaser.Scene, x: number, y: number, w: number, spec: CardSpec, m: Metrics, onPress: () => void, shouldIgnore: () => boolean, sp: CardSpacing = cardSpacing(m)): CardHandle {
  const { padX, padY } = sp;
  const badge = spec.number !== null ? sp.badge : 0;
  const textX = x + padX + (badge ? badge + sp.badgeGap : 0);
  const textW = w - (textX - x) - padX;
  const primary = spec.kind === 'continue' || spec.kind === 'primary';
  const labelColor = spec.disabled ? CSS.steelDim : CSS.text;
  const label = text(scene, textX, y + padY, spec.label, { size: m.body, color: labelColor, width: textW, weight: primary ? '600' : '400', lineSpacing: sp.lineSpacing });
  let h = label.height;
  const objects: Phaser.GameObjects.GameObject[] = [label];
  const sub = spec.disabled && spec.reason ? spec.reason : spec.detail;
  if (sub) {
    const t = text(scene, textX, y + padY + h + 2, sub, { size: m.small, color: spec.disabled ? CSS.brass : CSS.textDim, width: textW, italic: spec.disabled, lineSpacing: sp.smallLineSpacing });
    objects.push(t);
    h += 2 + t.height;
  }
  const height = Math.max(h + padY * 2, badge + padY * 2);
  const shift = Math.round((height - padY * 2 - h) / 2);
  if (shift > 0) for (const o of objects) (o as Phaser.GameObjects.Text).y += shift;
  const fill = spec.disabled ? HEX.bgDeep : primary ? HEX.panelHi : HEX.panel;
  const stroke = spec.disabled ? HEX.line : primary ? HEX.brassDim : HEX.line;
  const bg = scene.add.rectangle(x, y, w, height, fill, 1).setOrigin(0, 0).setRounded(6).setStrokeStyle(1, stroke, 1);
  bg.setDepth(-1);
  if (badge) {
    const bx = x + padX;
    const by = y + (height - badge) / 2;
    const ring = scene.add.rectangle(bx, by, badge, badge, spec.disabled ? HEX.bgDeep : HEX.bg, 1).setOrigin(0, 0).setRounded(4).setStrokeStyle(1, spec.disabled ? HEX.line : HEX.brass, 1);
    const num = text(scene, bx + badge / 2, by + badge / 2, String(spec.number), { size: Math.round(m.body * 0.95), color: spec.disabled ? CSS.steelDim : CSS.brass, weight: '600' }).setOrigin(0.5, 0.5);
    objects.push(ring, num);
  }
  if (!spec.disabled) {
    bg.setInteractive({ useHandCursor: true });
    bg.on('pointerover', () => bg.setStrokeStyle(2, HEX.brass, 1).setFillStyle(HEX.panelHi, 1));
    bg.on('pointerout', () => bg.setStrokeStyle(1, stroke, 1).setFillStyle(fill, 1));
    bg.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (shouldIgnore() || p.getDistance() > tapSlop()) return;
      onPress();
    });
  }
  objects.unshift(bg);
  return { height, bg, objects, rect: { x, y, w, h: height } };
}

/** A neutral silhouette, drawn when a portrait file is missing. */
export function silhouette(scene: Phaser.Scene, r: Rect): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  g.fillStyle(HEX.panelHi, 1);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, Math.min(8, r.w / 8));
  g.fillStyle(HEX.steelDim, 1);
  const cx = r.x + r.w / 2;
  const headR = r.w * 0.17;
  g.fillCircle(cx, r.y + r.h * 0.4, headR);
  // Shoulders: the top half of a disc standing on the frame's bottom edge.
  const inset = Math.max(1, r.w * 0.02);
  g.slice(cx, r.y + r.h - inset, r.w * 0.34, Math.PI, Math.PI * 2, false);
  g.fillPath();
  g.lineStyle(1, HEX.line, 1);
  g.strokeRoundedRect(r.x, r.y, r.w, r.h, Math.min(8, r.w / 8));
  return g;
}

/** The portrait of `key` when loaded, else a silhouette; framed in the same way. */
export function portrait(scene: Phaser.Scene, key: string | undefined, r: Rect): Phaser.GameObjects.GameObject[] {
  const tex = key ? `portrait:${key}` : '';
  if (tex && scene.textures.exists(tex)) {
    const bg = scene.add.rectangle(r.x, r.y, r.w, r.h, HEX.panelHi, 1).setOrigin(0, 0).setRounded(Math.min(8, r.w / 8));
    const img = scene.add.image(r.x + r.w / 2, r.y + r.h / 2, tex);
    const s = Math.min(r.w / img.width, r.h / img.height);
    img.setScale(s);
    const frame = scene.add.rectangle(r.x, r.y, r.w, r.h).setOrigin(0, 0).setRounded(Math.min(8, r.w / 8)).setStrokeStyle(1, HEX.brassDim, 1);
    frame.isFilled = false;
    return [bg, img, frame];
  }
  return [silhouette(scene, r)];
}

/** A horizontal meter bar; returns the fill so a tween can move it. */
export function meterBar(scene: Phaser.Scene, r: Rect, share: number): { track: Phaser.GameObjects.Rectangle; fill: Phaser.GameObjects.Rectangle } {
  const track = scene.add.rectangle(r.x, r.y, r.w, r.h, HEX.bgDeep, 1).setOrigin(0, 0).setStrokeStyle(1, HEX.line, 1);
  const fill = scene.add.rectangle(r.x + 1, r.y + 1, Math.max(0, (r.w - 2) * share), r.h - 2, HEX.brass, 1).setOrigin(0, 0);
  return { track, fill };
}

/** Shortens a one-line Text with an ellipsis until it is no wider than `max`. */
export function fitWidth(t: Phaser.GameObjects.Text, max: number): Phaser.GameObjects.Text {
  if (t.width <= max) return t;
  const full = t.text;
  let lo = 0;
  let hi = full.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    t.setText(`${full.slice(0, mid).trimEnd()}…`);
    if (t.width <= max) lo = mid;
    else hi = mid - 1;
  }
  t.setText(lo > 0 ? `${full.slice(0, lo).trimEnd()}…` : '…');
  return t;
}
