/**
 * Drawing a list of sections (briefing facts, debrief notes): each item's
 * text, and under it its marker: the source it comes from, or a tag saying
 * it is invented.
 */
import type * as Phaser from 'phaser';
import type { Metrics } from '../layout.js';
import type { SectionModel } from '../screens.js';
import { CSS, HEX } from '../theme.js';
import { kicker, text } from './ui.js';

/** Draws sections in a column from (x, y); returns the bottom. */
export function drawSections(scene: Phaser.Scene, sections: SectionModel[], x: number, y: number, w: number, m: Metrics): number {
  let cy = y;
  for (const sec of sections) {
    kicker(scene, x, cy, sec.heading, m.small);
    cy += Math.round(m.small * 1.9);
    sec.items.forEach((it, i) => {
      const bullet = sec.ordered ? `${i + 1}.` : '•';
      const bw = Math.round(m.body * (sec.ordered ? 1.6 : 1.1));
      const color = CSS.text;
      const mark = bullet;
      text(scene, x, cy, mark, { size: m.body, color: it.tone === 'good' ? CSS.brass : it.tone === 'bad' ? CSS.steelDim : CSS.steel, weight: it.tone ? '600' : '400' });
      const body = text(scene, x + bw, cy, it.text, { size: m.body, color, width: w - bw });
      cy += body.height + 4;
      if (it.marker) {
        if (it.invented) {
          // A little space above the tag's frame, which otherwise touches the descenders of the line above.
          const top = cy + 3;
          const tag = text(scene, x + bw + 6, top + 3, it.marker.toUpperCase(), { size: m.small, color: CSS.brass, weight: '600', letterSpacing: 1 });
          scene.add.rectangle(x + bw, top, tag.width + 12, tag.height + 6, HEX.bg, 1).setOrigin(0, 0).setRounded(3).setStrokeStyle(1, HEX.brassDim, 1).setDepth(-1);
          cy = top + tag.height + 6;
        } else {
          const src = text(scene, x + bw, cy, it.marker, { size: m.small, color: CSS.steel, italic: true, width: w - bw });
          cy += src.height;
        }
      }
      cy += m.gap;
    });
    cy += m.gap;
  }
  return cy;
}
