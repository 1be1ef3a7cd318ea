/**
 * Outcome: the ending and what it means, a chart of what the final package
 * was worth to each side against its walk-away value (inside or outside the
 * zone of possible agreement), then the path taken, the concepts, the
 * historical note and the meters. Play again, or play the other role.
 */
import type * as Phaser from 'phaser';
import { exportLabel, fill, signed } from '../i18n.js';
import { valueScale } from '../layout.js';
import type { SideChart } from '../screens.js';
import { CSS, HEX } from '../theme.js';
import { BaseScene, type AppContext, type SceneDescription } from './base.js';
import { drawSections } from './sections.js';
import { pill } from './title.js';
import { fitWidth, kicker, text } from './ui.js';

export class OutcomeScene extends BaseScene {
  private readonly onExport: () => void;

  constructor(app: AppContext, onExport: () => void) {
    super('outcome', app);
    this.onExport = onExport;
  }

  protected draw(): void {
    const { m, model } = this;
    const s = model.screen;
    if (s.kind !== 'outcome') return;
    const t = model.strings;
    const w = this.vw;
    const h = this.vh;
    const pad = m.pad;
    this.heading = s.ending.title;

    const topH = Math.round(m.small * 2.6);
    this.fixedBar(0, topH);
    // The role comes before the scenario's title: where the bar is cut short, the title, shown on the title screen, is what goes.
    const top = kicker(this, pad, Math.round((topH - m.small * 1.2) / 2), m.narrow ? t.outcomeHeading : `${t.outcomeHeading} · ${s.roleName} · ${s.scenarioTitle}`, m.small, CSS.steel).setScrollFactor(0).setDepth(12);
    const exportText = exportLabel(t, model.settings.player, m.narrow ? 14 : 24);
    const ex = this.control('export', exportText, pill(this, 0, 0, exportText, m.small, () => this.onExport(), null, () => this.isDragging));
    const exBg = ex[0] as Phaser.GameObjects.Rectangle;
    const dx = w - pad - exBg.width;
    const dy = Math.round((topH - exBg.height) / 2);
    // The heading gives way to the export control, which names the group.
    fitWidth(top, dx - 2 * pad);
    for (const o of ex) {
      const tr = o as unknown as Phaser.GameObjects.Components.Transform & Phaser.GameObjects.Components.ScrollFactor & Phaser.GameObjects.Components.Depth;
      tr.x += dx;
      tr.y += dy;
      tr.setScrollFactor(0);
      tr.setDepth(tr.depth < 0 ? 12 : 13);
    }

    const barH = this.drawBottomActions(model.actions);
    this.viewTop = topH;
    this.viewBottom = h - barH;

    const twoCols = !m.narrow && w >= 1100;
    const colW = twoCols ? Math.min(m.body * 40, Math.round((w - 3 * pad) * 0.56)) : Math.min(w - 2 * pad, m.body * 46);
    const x = pad;
    let y = topH + pad;
    const kindColor = s.ending.kind === 'escalation' ? CSS.red : s.ending.kind === 'impasse' ? CSS.steel : CSS.brass;
    const k = kicker(this, x, y, s.kindLabel, m.small, kindColor);
    y += k.height + m.gap * 0.6;
    const title = text(this, x, y, s.ending.title, { size: m.title, weight: '600', width: colW, lineSpacing: 2 });
    y += title.height + m.gap;
    const summary = text(this, x, y, s.ending.summary, { size: m.body * 1.08, color: CSS.text, width: colW });
    y += summary.height + m.gap * 2;

    if (twoCols) {
      const textW = Math.min(m.body * 40, Math.round((w - 3 * pad) * 0.56));
      const cx = x + textW + pad * 1.5;
      const chartW = Math.min(w - cx - pad, m.body * 32);
      const chartBottom = this.drawChart(s.sides, s.inZone, cx, topH + pad, chartW);
      const sectionsBottom = drawSections(this, s.sections, x, y, textW, m);
      this.contentBottom = Math.max(chartBottom, sectionsBottom) + pad;
    } else {
      y = this.drawChart(s.sides, s.inZone, x, y, colW) + m.gap * 2;
      this.contentBottom = drawSections(this, s.sections, x, y, colW, m) + pad;
    }
  }

  /** Each side's value of the final package against its walk-away value. Returns the bottom. */
  private drawChart(sides: SideChart[], inZone: boolean, x: number, y: number, w: number): number {
    const { m, model } = this;
    const t = model.strings;
    const inner = Math.round(m.body * 0.9);
    const objsTop = y;
    let cy = y + inner;
    kicker(this, x + inner, cy, t.zoneHeading, m.small);
    cy += m.small * 2;
    const verdict = text(this, x + inner, cy, inZone ? t.insideZone : t.outsideZone, { size: m.body, weight: '600', color: inZone ? CSS.brass : CSS.text, width: w - 2 * inner });
    cy += verdict.height + m.gap * 1.5;
    const scale = valueScale(sides.flatMap((s) => [s.value, s.walkaway, s.walkawayAtStart]), x + inner, w - 2 * inner);
    const zeroX = scale(0);
    for (const side of sides) {
      const name = text(this, x + inner, cy, side.name, { size: m.small, weight: '600', width: w - 2 * inner });
      cy += name.height + 6;
      const barY = cy;
      const barH = Math.max(10, Math.round(m.body * 0.75));
      this.add.rectangle(x + inner, barY, w - 2 * inner, barH, HEX.bgDeep, 1).setOrigin(0, 0).setStrokeStyle(1, HEX.line, 1);
      const vx = scale(side.value);
      const left = Math.min(zeroX, vx);
      this.add.rectangle(left, barY + 1, Math.max(2, Math.abs(vx - zeroX)), barH - 2, side.accepted ? HEX.brass : HEX.steelDim, 1).setOrigin(0, 0);
      this.add.rectangle(zeroX, barY - 3, 1, barH + 6, HEX.steelDim, 1).setOrigin(0, 0);
      const wx = scale(side.walkaway);
      this.add.rectangle(wx - 1, barY - 5, 3, barH + 10, HEX.text, 1).setOrigin(0, 0);
      cy += barH + 6;
      const legend = text(this, x + inner, cy, `${fill(t.valueOfDeal, { value: signed(side.value, t.locale) })} · ${fill(t.walkaway, { value: signed(side.walkaway, t.locale), start: signed(side.walkawayAtStart, t.locale) })} · ${side.accepted ? t.accepts : t.rejects}`, {
        size: m.small,
        color: CSS.textDim,
        width: w - 2 * inner,
      });
      cy += legend.height + m.gap * 1.3;
    }
    const key = text(this, x + inner, cy, `${t.chartKey} ${t.chartModel}`, { size: m.small, color: CSS.steel, italic: true, width: w - 2 * inner });
    cy += key.height + m.gap;
    const box = this.add.rectangle(x, objsTop, w, cy - objsTop + inner - m.gap, HEX.panel, 1).setOrigin(0, 0).setStrokeStyle(1, inZone ? HEX.brassDim : HEX.line, 1);
    box.setDepth(-2);
    return cy + inner - m.gap;
  }

  protected override describeExtra(): Partial<SceneDescription> {
    const s = this.model.screen;
    return s.kind === 'outcome' ? { ending: s.ending.title } : {};
  }
}
