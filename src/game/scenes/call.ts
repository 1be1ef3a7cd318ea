/**
 * The call: the speaker's portrait, the line typing out (Enter, Space, a
 * click on the line or Continue finishes it), a marker saying whether the
 * line is invented or drawn from a source, the meters moving with each
 * choice (with the change shown), numbered choice cards (unavailable ones
 * greyed with the reason), and news flashes that break into the call.
 *
 * The choice cards wait until the line they answer has typed out: a player
 * reads the line before the options, and a tap meant to skip the typing
 * cannot land on a card that just appeared under the finger. Their place is
 * kept, so nothing moves when they show; a tap there finishes the line. The
 * panel has no typewriter, so its buttons (and the digit keys, which press
 * them) are there from the start.
 */
import * as Phaser from 'phaser';
import type { LineView, MeterView } from '../../engine/view.js';
import { fill, num, signed } from '../i18n.js';
import { callLayout, cardSpacing, chipGeometry, chipRoom, meterLine, meterLineHeight, meterListGap, meterListHeight, meterShare, wrapWords, type MeterLine, type Rect } from '../layout.js';
import { CHARS_PER_SECOND } from '../settings.js';
import type { ScreenModel } from '../screens.js';
import { CSS, HEX } from '../theme.js';
import { sliceWrapped, Typewriter, wrappedLength } from '../typewriter.js';
import { BaseScene, type AppContext, type DrawnMeter, type SceneDescription } from './base.js';
import { kicker, measurer, meterBar, panel, portrait, tapSlop, text } from './ui.js';

export class CallScene extends BaseScene {
  private typeKey = '';
  private typewriter: Typewriter | null = null;
  private wrapped: string[] = [];
  private lineText: Phaser.GameObjects.Text | null = null;
  private meterShown = new Map<string, number>();
  private deltaKey = '';
  private flashKey = '';
  /** The "Your move" prompt and the choice cards while they wait for the line, and what catches a tap on their place. */
  private held: Phaser.GameObjects.GameObject[] = [];
  private heldCatcher: Phaser.GameObjects.Zone | null = null;
  private nameplate: { name: Phaser.GameObjects.Text; title: Phaser.GameObjects.Text } | null = null;
  /** The line last drawn with no news up, and its marker: what stays behind a news flash. */
  private before: { line: LineView | null; marker: string } | null = null;
  private drawnLine: string | null = null;
  /** The top bar's texts as drawn, for the test hook. */
  private topBar: SceneDescription['topBar'] = null;
  private drawnMarker: string | null = null;

  constructor(app: AppContext) {
    super('call', app);
  }

  override create(): void {
    this.typeKey = '';
    this.typewriter = null;
    this.meterShown.clear();
    this.deltaKey = '';
    this.flashKey = '';
    this.before = null;
    this.app.ctl.setPresenter({
      busy: () => this.typewriter !== null && !this.typewriter.done,
      finish: () => this.finishTyping(),
    });
    super.create();
  }

  protected override onShutdown(): void {
    this.app.ctl.setPresenter(null);
    this.lineText = null;
    this.nameplate = null;
  }

  protected override keepsScroll(prev: ScreenModel, next: ScreenModel): boolean {
    const a = prev.screen;
    const b = next.screen;
    return a.kind === 'call' && b.kind === 'call' && a.view.log.length === b.view.log.length && a.flash.length === b.flash.length;
  }

  private finishTyping(): void {
    if (!this.typewriter) return;
    this.typewriter.finish();
    this.lineText?.setText(this.wrapped.join('\n'));
    this.showHeld();
  }

  override update(_time: number, delta: number): void {
    const tw = this.typewriter;
    if (!tw || tw.done || !this.lineText) return;
    const before = tw.count;
    const n = tw.tick(delta);
    if (n !== before) this.lineText.setText(sliceWrapped(this.wrapped, n));
    if (tw.done) this.showHeld();
  }

  protected override beforeClear(): void {
    this.held = [];
    this.heldCatcher = null;
    this.nameplate = null;
  }

  protected override pressAction(id: string): void {
    if (this.held.length > 0) this.finishTyping();
    else super.pressAction(id);
  }

  /** Keeps the choices out of sight while the line types; their place still finishes the line when tapped. */
  private holdChoices(objs: Phaser.GameObjects.GameObject[], area: Rect): void {
    for (const o of objs) (o as unknown as Phaser.GameObjects.Components.Alpha).setAlpha(0);
    for (const a of this.drawnActions) a.held = true;
    this.held = objs;
    const zone = this.add.zone(area.x, area.y, area.w, area.h).setOrigin(0, 0);
    zone.setInteractive();
    zone.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (!this.isDragging && p.getDistance() <= tapSlop()) this.finishTyping();
    });
    this.heldCatcher = zone;
  }

  private showHeld(): void {
    if (this.held.length === 0) return;
    const objs = this.held;
    this.held = [];
    this.heldCatcher?.destroy();
    this.heldCatcher = null;
    for (const a of this.drawnActions) a.held = false;
    for (const o of objs) {
      const tr = o as unknown as Phaser.GameObjects.Components.Alpha;
      if (this.motion) {
        // From just above zero: Phaser passes clicks by a card at alpha 0, and a click as the cards appear must land.
        tr.setAlpha(0.01);
        this.tweens.add({ targets: tr, alpha: 1, duration: 200, ease: 'Sine.easeOut' });
      } else tr.setAlpha(1);
    }
  }

  protected draw(): void {
    const { m, model } = this;
    const s = model.screen;
    if (s.kind !== 'call') return;
    const t = model.strings;
    const view = s.view;
    const w = this.vw;
    const h = this.vh;
    const measureTitle = measurer(m.small);
    const L = callLayout(
      m,
      view.meters.length,
      (width) => {
        const measured = this.meterLabels(view.meters, width, 'list');
        const hgt = meterListHeight(measured.labels.map((l) => l.height), m);
        for (const l of measured.labels) l.destroy();
        return hgt;
      },
      (width) => Math.max(0, ...s.speakerTitles.map((title) => wrapWords(title, width, measureTitle).length)),
      Math.max(0, ...view.meters.map((mt) => measureTitle(mt.label) + 12 + measurer(m.small, '600')(`${num(mt.max, this.app.ctl.strings.locale)}/${num(mt.max, this.app.ctl.strings.locale)}`))),
    );
    this.heading = s.heading;

    // Top bar: the part of the negotiation, the turn; behind news, those the player left, as the model gives them.
    this.fixedBar(0, L.top.h);
    const ty = Math.round((L.top.h - m.small * 1.3) / 2);
    const dot = this.add.circle(m.pad + 5, L.top.h / 2, 4, HEX.brass, 1).setScrollFactor(0).setDepth(12);
    if (this.motion) this.tweens.add({ targets: dot, alpha: 0.35, duration: 1100, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
    const partText = kicker(this, m.pad + 16, ty, s.part ? s.part.title : s.heading, m.small, CSS.steel).setScrollFactor(0).setDepth(12);
    // A short canvas (a phone held sideways) says "Your move" up here, in place of the role, so the line and the choices keep the height.
    const promptUp = m.short && view.phase === 'choosing' && s.flash.length === 0;
    const right = m.narrow || promptUp ? fill(t.turn, { n: s.turn }) : `${fill(t.youPlay, { role: s.roleName })}  ·  ${fill(t.turn, { n: s.turn })}`;
    const turn = text(this, w - m.pad, ty, right, { size: m.small, color: CSS.steelDim }).setOrigin(1, 0).setScrollFactor(0).setDepth(12);
    this.topBar = { part: partText.text, turn: turn.text };
    this.viewTop = L.top.h;

    // News comes first, as in the panel: behind it the call stays as it was when the news broke, and the
    // line said after it and the move's changes to the meters show once the player is back in the call.
    const news = s.flash.length > 0;
    if (!news) this.before = { line: view.line, marker: s.lineMarker };
    const line = news ? (this.before?.line ?? null) : view.line;
    const lineMarker = news ? (this.before?.marker ?? '') : s.lineMarker;
    this.drawnLine = line?.text ?? null;
    this.drawnMarker = line ? lineMarker || null : null;

    // Speaker.
    portrait(this, line?.speaker?.portrait, L.portrait);
    let nameBottom = L.nameplate.y;
    if (line?.speaker) {
      const np = L.nameplate;
      const name = text(this, np.x, np.y, line.speaker.name, { size: m.body, weight: '600', width: np.w });
      const title = text(this, np.x, np.y + name.height + 2, wrapWords(line.speaker.title, np.w, measureTitle).join('\n'), { size: m.small, color: CSS.textDim, width: np.w });
      const textH = name.height + 2 + title.height;
      // Beside a small portrait, centre the name on it.
      if (L.nameBeside && textH < np.h) for (const o of [name, title]) o.y += Math.round((np.h - textH) / 2);
      nameBottom = Math.max(name.y + textH, L.nameBeside ? L.portrait.y + L.portrait.h : 0);
      this.nameplate = { name, title };
    }

    // Meters: in the side column under the name, however many lines it took; or a list above the speaker.
    const deltaKey = `${view.log.length}:${view.turn}`;
    const freshDelta = deltaKey !== this.deltaKey;
    if (!news) this.deltaKey = deltaKey;
    let metersRect = L.meters;
    if (L.metersAs === 'column') {
      const my = Math.max(L.meters.y, nameBottom + m.gap * 1.5);
      metersRect = { ...L.meters, y: my, h: Math.max(0, L.meters.y + L.meters.h - my) };
    }
    // Beside a small portrait (a phone held sideways) the meters stay together under the speaker, however much height is left.
    const metersBottom = this.drawMeters(view.meters, metersRect, L.metersAs, freshDelta, !L.nameBeside, news);

    // The line: below the speaker when stacked, however many lines the name took.
    const shiftDown = L.lineBeside ? 0 : Math.max(0, nameBottom + m.gap - L.dialogue.y);
    const d = { ...L.dialogue, y: L.dialogue.y + shiftDown };
    const innerPad = Math.round(m.body * (m.short ? 0.6 : 0.9));
    let dialogueBottom = d.y + d.h;
    if (line) {
      const size = Math.round(m.body * (m.short ? 1 : 1.12));
      const tx = d.x + innerPad;
      const tw = d.w - 2 * innerPad;
      // A short canvas sets the line a little closer, and its marker closer under it, so that the choices keep the height.
      const lt = text(this, tx, d.y + innerPad, line.text, { size, width: tw, lineSpacing: Math.round(size * (m.short ? 0.25 : 0.35)) });
      const markGap = m.short ? Math.round(m.gap * 0.7) : m.gap;
      this.wrapped = lt.getWrappedText(line.text);
      const textH = lt.height;
      const key = `${line.id}@${view.log.length}`;
      if (news) this.typewriter = null;
      else if (key !== this.typeKey) {
        this.typeKey = key;
        const cps = this.motion ? CHARS_PER_SECOND[model.settings.textSpeed] : Infinity;
        this.typewriter = new Typewriter(wrappedLength(this.wrapped), cps);
      }
      this.lineText = lt;
      lt.setText(sliceWrapped(this.wrapped, this.typewriter?.count ?? Infinity));
      let my = d.y + innerPad + textH + markGap;
      if (lineMarker) {
        if (line.invented) {
          const tag = kicker(this, tx + 6, my + 3, lineMarker, m.small, CSS.brass);
          const n = this.wrapped.length;
          const row = (textH + lt.lineSpacing) / n;
          // On a short canvas the tag ends the line's last row when it has room: the height goes to the choices.
          const beside = m.short && measurer(size)(this.wrapped[n - 1]!.trimEnd()) + m.gap + tag.width + 12 <= tw;
          if (beside) tag.setPosition(tx + tw - tag.width - 6, d.y + innerPad + row * (n - 1) + Math.round((row - lt.lineSpacing - tag.height) / 2));
          this.add.rectangle(tag.x - 6, tag.y - 3, tag.width + 12, tag.height + 6, HEX.bg, 1).setOrigin(0, 0).setRounded(3).setStrokeStyle(1, HEX.brassDim, 1).setDepth(-1);
          my = beside ? my - markGap : my + tag.height + 6;
        } else {
          const src = text(this, tx, my, lineMarker, { size: m.small, color: CSS.steel, italic: true, width: tw });
          my += src.height;
        }
      }
      // At least three lines high, so the choices below do not jump about from line to line;
      // the compact layouts (a small portrait beside the name) keep to their own, shorter box.
      const minH = innerPad * 2 + Math.round(size * 1.35) * 3 + m.gap + Math.round(m.small * 1.6);
      dialogueBottom = Math.max(d.y + (L.nameBeside ? d.h : minH), my + innerPad);
      this.lineRect = { x: d.x, y: d.y, w: d.w, h: dialogueBottom - d.y };
      const box = panel(this, { x: d.x, y: d.y, w: d.w, h: dialogueBottom - d.y }, HEX.panel, HEX.line, 6);
      box.setDepth(-2);
      this.add.rectangle(d.x, d.y, 3, dialogueBottom - d.y, HEX.brass, 1).setOrigin(0, 0).setDepth(-1);
      box.setInteractive({ useHandCursor: false });
      box.on('pointerup', (p: Phaser.Input.Pointer) => {
        if (!this.isDragging && p.getDistance() <= tapSlop() && view.phase === 'line') this.app.ctl.continueOrFinish();
        else if (!this.isDragging && p.getDistance() <= tapSlop()) this.finishTyping();
      });
    }

    // Choices or continue. A phone held sideways has the choices share its height with the line: their cards
    // pack closer there, as far from the line as from each other.
    const cards = cardSpacing(m, m.short);
    const ay = dialogueBottom + (m.short ? cards.gap : m.gap * 1.5);
    let bottom = ay;
    if (s.flash.length === 0) {
      if (view.phase === 'choosing') {
        const prompt = promptUp
          ? [kicker(this, turn.x - turn.width - m.gap * 2, ty, t.yourMove, m.small, CSS.brass).setOrigin(1, 0).setScrollFactor(0).setDepth(12)]
          : [kicker(this, L.actions.x, ay, t.yourMove, m.small, CSS.brass)];
        bottom = this.drawActionColumn(model.actions, L.actions.x, ay + (promptUp ? 0 : prompt[0]!.height + m.gap), L.actions.w, false, 20, cards);
        if (this.typewriter && !this.typewriter.done) this.holdChoices([...prompt, ...this.drawnActions.flatMap((a) => a.objects)], { x: L.actions.x, y: ay, w: L.actions.w, h: bottom - ay });
      } else if (model.actions.length > 0) {
        const bw = Math.min(L.actions.w, Math.max(220, m.body * 14));
        bottom = this.drawActionColumn(model.actions, L.actions.x + L.actions.w - bw, ay, bw);
      }
    }
    // A short canvas keeps a gap, not a full margin, under the last card, so the cards fit where they can.
    const foot = m.short ? m.gap : m.pad;
    this.contentBottom = Math.max(h, bottom + foot, metersBottom + foot);
    if (s.flash.length > 0) this.drawFlash(s);
  }

  /**
   * The meters' labels, wrapped where they must be to be read in full: as a
   * list, at the label column `meterLine` gives (room for a change chip is
   * kept on every line, so the bars stay lined up); in a column, at what is
   * left beside the value and, while a change shows, its chip. A column has
   * height to spare in each row, so a label that wraps only for the chip
   * moves its own bar down a line and nothing else.
   */
  private meterLabels(meters: MeterView[], width: number, as: 'column' | 'list'): { labels: Phaser.GameObjects.Text[]; line: MeterLine | null } {
    const { m } = this;
    const probe = text(this, 0, 0, '', { size: m.small, weight: '600' });
    let valueW = 0;
    // Measured as drawn: in the reader's number format, at every value the meter can show now.
    const locale = this.app.ctl.strings.locale;
    for (const mt of meters) {
      for (const v of [mt.min, mt.max, mt.value]) valueW = Math.max(valueW, probe.setText(`${num(v, locale)}/${num(mt.max, locale)}`).width);
    }
    probe.destroy();
    const labels = meters.map((mt) => text(this, 0, 0, mt.label, { size: m.small, color: CSS.textDim }));
    const widest = Math.max(0, ...labels.map((l) => l.width));
    const line = as === 'list' ? meterLine(width, widest, valueW, m) : null;
    labels.forEach((l, i) => {
      const wrapAt = line ? line.labelW : width - valueW - 8 - (meters[i]!.delta !== 0 ? chipRoom(m) : 0);
      if (l.width > wrapAt) l.setWordWrapWidth(Math.max(20, wrapAt), true);
    });
    return { labels, line };
  }

  /** Draws the meters in `r`, a column spread over its height when `spread`, at the values last shown when `hold`; returns the bottom of the last one. */
  private drawMeters(meters: MeterView[], r: Rect, as: 'column' | 'list', fresh: boolean, spread: boolean, hold: boolean): number {
    const { m } = this;
    if (meters.length === 0) return r.y;
    const n = meters.length;
    const size = m.small;
    const barH = Math.max(6, Math.round(m.small * 0.55));
    const { labels, line } = this.meterLabels(meters, r.w, as);
    const oneLine = meterLineHeight(m);
    // In a column the bar sits under the label, however many lines it took.
    const probe = text(this, 0, 0, '0', { size, weight: '600' });
    const valueH = probe.height;
    probe.destroy();
    const barDown = (label: Phaser.GameObjects.Text) => Math.round(size * 1.55) + (label.height - valueH);
    // Grouped rows keep more space between them than between a label and its bar, so each label reads
    // with its own bar; a spread column shares out its spare height as equal space between rows, within limits.
    const natural = labels.reduce((a, l) => a + barDown(l) + barH, 0);
    const rowGap = spread && n > 1 ? Math.round(Phaser.Math.Clamp((r.h - natural) / (n - 1), m.gap * 1.5, m.body * 2)) : Math.round(m.gap * 1.5);
    let y = r.y;
    let bottom = r.y;
    meters.forEach((shown, i) => {
      const x = r.x;
      const mt = hold ? { ...shown, value: this.meterShown.get(shown.id) ?? shown.value, delta: 0 } : shown;
      const label = labels[i]!.setPosition(x, y);
      const value = text(this, x + r.w, y, `${num(mt.value, this.app.ctl.strings.locale)}/${num(mt.max, this.app.ctl.strings.locale)}`, { size, color: CSS.text, weight: '600' }).setOrigin(1, 0);
      // In a list the bar sits on the label's first line; in a column, under the label, however many lines it took.
      const bar = line ? { x: x + line.barX, y: y + Math.round((Math.min(value.height, oneLine) - barH) / 2), w: line.barW } : { x, y: y + barDown(label), w: r.w };
      const from = this.meterShown.get(mt.id) ?? mt.value;
      const drawn = meterBar(this, { x: bar.x, y: bar.y, w: bar.w, h: barH }, meterShare(from, mt.min, mt.max));
      const target = Math.max(0, (bar.w - 2) * meterShare(mt.value, mt.min, mt.max));
      if (from !== mt.value && this.motion) {
        this.tweens.add({ targets: drawn.fill, width: target, duration: 650, ease: 'Cubic.easeOut', onUpdate: () => drawn.fill.setSize(drawn.fill.width, barH - 2) });
      } else drawn.fill.setSize(target, barH - 2);
      this.meterShown.set(mt.id, mt.value);
      const drawnMeter: DrawnMeter = { id: mt.id, label, bar: { x: bar.x, y: bar.y, w: bar.w, h: barH }, value, chip: null };
      this.drawnMeters.push(drawnMeter);
      if (mt.delta !== 0) {
        const up = mt.delta > 0;
        const { space, padX } = chipGeometry(m);
        const badge = text(this, x + label.width + space + padX, y, signed(mt.delta, this.app.ctl.strings.locale), { size, color: up ? CSS.brass : CSS.text, weight: '600' });
        const chip = this.add.rectangle(badge.x - padX, y, badge.width + 2 * padX, badge.height, up ? HEX.panelHi : HEX.panel, 1).setOrigin(0, 0).setRounded(3).setStrokeStyle(1, up ? HEX.brassDim : HEX.steelDim, 1).setDepth(-1);
        drawnMeter.chip = { x: chip.x, y: chip.y, w: chip.width, h: chip.height };
        if (fresh && this.motion) {
          chip.setAlpha(0);
          this.tweens.add({ targets: chip, alpha: 1, duration: 350 });
          badge.setAlpha(0);
          this.tweens.add({ targets: badge, alpha: 1, y: { from: badge.y + 6, to: badge.y }, duration: 350, ease: 'Cubic.easeOut' });
          this.tweens.add({ targets: drawn.track, alpha: { from: 0.4, to: 1 }, duration: 500, yoyo: false });
        }
      }
      if (line) {
        bottom = y + Math.max(label.height, oneLine);
        y = bottom + meterListGap(m);
      } else {
        bottom = bar.y + barH;
        y = bottom + rowGap;
      }
    });
    return bottom;
  }

  private drawFlash(s: Extract<ScreenModel['screen'], { kind: 'call' }>): void {
    const { m, model } = this;
    const t = model.strings;
    const w = this.vw;
    const h = this.vh;
    const shade = this.add.rectangle(0, 0, w, h, HEX.bgDeep, 0.82).setOrigin(0, 0).setScrollFactor(0).setDepth(30);
    shade.setInteractive();
    const pw = Math.min(w - 2 * m.pad, m.body * 40);
    const px = (w - pw) / 2;
    const inner = Math.round(m.body * 1.1);
    const objs: Phaser.GameObjects.GameObject[] = [];
    let y = 0;
    const items: Phaser.GameObjects.GameObject[] = [];
    for (const f of s.flash) {
      const k = kicker(this, px + inner + 6, y, t.newsFlash, m.small, CSS.red);
      y += k.height + m.gap;
      const hd = text(this, px + inner + 6, y, f.headline, { size: m.heading, weight: '600', width: pw - 2 * inner - 6 });
      y += hd.height + m.gap;
      const body = text(this, px + inner + 6, y, f.text, { size: m.body, color: CSS.text, width: pw - 2 * inner - 6 });
      y += body.height + m.gap;
      const marker = f.source ? fill(t.source, { source: f.source.title }) : f.invented ? t.invented : '';
      items.push(k, hd, body);
      if (marker) {
        const mk = text(this, px + inner + 6, y, marker, { size: m.small, color: CSS.steel, italic: true, width: pw - 2 * inner - 6 });
        y += mk.height + m.gap;
        items.push(mk);
      }
      if (f.timeline) {
        const tl = text(this, px + inner + 6, y, f.timeline, { size: m.small, color: CSS.brass, italic: true, width: pw - 2 * inner - 6 });
        y += tl.height + m.gap;
        items.push(tl);
      }
      y += m.gap;
    }
    const bw = Math.min(pw - 2 * inner, Math.max(240, m.body * 14));
    const cardH = Math.round(m.body * 2.6);
    const total = inner + y + cardH + inner;
    // A flash taller than the canvas (several at once, long texts on a phone held sideways)
    // scrolls like the call instead of standing still with its end, and its button, out of reach.
    const fits = total <= h - 2 * m.pad;
    const py = fits ? Math.round((h - total) / 2) : m.pad;
    const sf = fits ? 0 : 1;
    for (const o of items) {
      const tr = o as Phaser.GameObjects.Text;
      tr.y += py + inner;
      tr.setScrollFactor(sf).setDepth(32);
    }
    const box = this.add.rectangle(px, py, pw, total, HEX.panel, 1).setOrigin(0, 0).setStrokeStyle(2, HEX.red, 1).setScrollFactor(sf).setDepth(31);
    const stripe = this.add.rectangle(px, py, 6, total, HEX.red, 1).setOrigin(0, 0).setScrollFactor(sf).setDepth(32);
    objs.push(box, stripe, ...items);
    const bottom = this.drawActionColumn(model.actions, px + pw - inner - bw, py + inner + y, bw, fits, 33);
    if (!fits) {
      for (const a of this.drawnActions) for (const o of a.objects) (o as unknown as Phaser.GameObjects.Components.Depth).setDepth((o as unknown as Phaser.GameObjects.Components.Depth).depth < 0 ? 33 : 34);
      this.viewTop = 0;
      this.contentBottom = bottom + inner + m.pad;
    }
    const key = s.flash.map((f) => f.id).join(',') + `@${s.view.log.length}`;
    if (key !== this.flashKey && this.motion) {
      for (const o of [...objs]) {
        const tr = o as unknown as Phaser.GameObjects.Components.Transform & Phaser.GameObjects.Components.Alpha;
        const y0 = tr.y;
        tr.setAlpha(0);
        this.tweens.add({ targets: tr, alpha: 1, y: { from: y0 - 14, to: y0 }, duration: 260, ease: 'Cubic.easeOut' });
      }
    }
    this.flashKey = key;
  }

  protected override describeExtra(): Partial<SceneDescription> {
    const s = this.model.screen;
    if (s.kind !== 'call') return {};
    return {
      line: this.drawnLine,
      lineMarker: this.drawnMarker,
      flash: s.flash[0]?.headline ?? null,
      topBar: this.topBar,
      typing: this.typewriter !== null && !this.typewriter.done,
      speaker: this.nameplate && {
        name: this.nameplate.name.text,
        nameBox: this.textOnPage(this.nameplate.name),
        titleLines: this.nameplate.title.text.split('\n'),
        titleBox: this.textOnPage(this.nameplate.title),
      },
    };
  }
}
