/**
 * Briefing: what this role knows (each fact with its source, invented
 * items marked), its goals, and what it does not know; then "Start the call".
 */
import { CSS } from '../theme.js';
import { BaseScene, type AppContext } from './base.js';
import { drawSections } from './sections.js';
import { kicker, text } from './ui.js';

export class BriefingScene extends BaseScene {
  constructor(app: AppContext) {
    super('briefing', app);
  }

  protected draw(): void {
    const { m, model } = this;
    const s = model.screen;
    if (s.kind !== 'briefing') return;
    this.heading = s.heading;
    const w = this.vw;
    const h = this.vh;
    const pad = m.pad;

    // Fixed top bar.
    const topH = Math.round(m.small * 2.6);
    this.fixedBar(0, topH);
    kicker(this, pad, Math.round((topH - m.small * 1.2) / 2), m.narrow ? model.strings.briefingHeading : `${model.strings.briefingHeading} · ${s.subheading}`, m.small, CSS.steel).setScrollFactor(0).setDepth(12);

    // Fixed bottom bar with the action.
    const barH = this.drawBottomActions(model.actions, Math.max(260, m.body * 18));

    this.viewTop = topH;
    this.viewBottom = h - barH;
    let y = topH + pad;
    const colW = Math.min(w - 2 * pad, m.body * 46);
    const x = pad;
    const heading = text(this, x, y, s.heading, { size: m.heading * 1.3, weight: '600', width: colW });
    y += heading.height + m.gap;
    const sum = text(this, x, y, s.summary, { size: m.body, color: CSS.textDim, width: colW });
    y += sum.height + m.gap * 2;

    const twoCols = !m.narrow && w >= 1000 && s.sections.length > 1;
    if (twoCols) {
      const cw = (w - 3 * pad) / 2;
      const [first, ...rest] = s.sections;
      const b1 = drawSections(this, first ? [first] : [], pad, y, Math.min(cw, m.body * 38), m);
      const b2 = drawSections(this, rest, pad * 2 + cw, y, Math.min(cw, m.body * 38), m);
      this.contentBottom = Math.max(b1, b2) + pad;
    } else {
      this.contentBottom = drawSections(this, s.sections, x, y, colW, m) + pad;
    }
  }
}
