/**
 * Boot: sets the stage colour and hands over to Preload, which loads the
 * portraits that exist with a progress bar. A portrait that fails to load
 * is simply left out: the scenes draw a silhouette instead.
 */
import * as Phaser from 'phaser';
import { metricsFor } from '../layout.js';
import { CSS, HEX } from '../theme.js';
import type { AppContext } from './base.js';
import { display, text } from './ui.js';

export class BootScene extends Phaser.Scene {
  constructor() {
    super({ key: 'boot' });
  }

  create(): void {
    this.cameras.main.setBackgroundColor(HEX.bg);
    this.scene.start('preload');
  }
}

export class PreloadScene extends Phaser.Scene {
  private readonly app: AppContext;
  private readonly onDone: () => void;

  constructor(app: AppContext, onDone: () => void) {
    super({ key: 'preload' });
    this.app = app;
    this.onDone = onDone;
  }

  preload(): void {
    const w = this.scale.width / display.dpr;
    const h = this.scale.height / display.dpr;
    const m = metricsFor(w, h);
    this.cameras.main.setBackgroundColor(HEX.bg).setOrigin(0, 0).setZoom(display.dpr);
    const barW = Math.min(420, w - 2 * m.pad);
    const x = (w - barW) / 2;
    const y = h / 2;
    text(this, w / 2, y - m.body * 2.2, this.app.ctl.strings.loadingGame, { size: m.body, color: CSS.textDim }).setOrigin(0.5, 0.5);
    this.add.rectangle(x, y, barW, 6, HEX.bgDeep, 1).setOrigin(0, 0.5).setStrokeStyle(1, HEX.line, 1);
    const fill = this.add.rectangle(x + 1, y, 0, 4, HEX.brass, 1).setOrigin(0, 0.5);
    this.load.on('progress', (v: number) => fill.setSize(Math.max(0, (barW - 2) * v), 4));
    this.load.on('loaderror', (file: Phaser.Loader.File) => console.warn(`[backchannel] could not load ${file.key}; drawing a placeholder instead`));
    for (const [key, url] of Object.entries(this.app.portraits)) this.load.svg(`portrait:${key}`, url, { width: 512, height: 512 });
  }

  create(): void {
    this.onDone();
  }
}
