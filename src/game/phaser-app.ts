/**
 * The Phaser side of the game, loaded with a dynamic import after the DOM
 * mirror is already up. It waits for the house font, starts the game with
 * the Canvas renderer, and switches scenes as the controller's screen
 * changes.
 */
import * as Phaser from 'phaser';
import type { GameController } from './controller.js';
import { densityFor } from './layout.js';
import type { ScreenModel } from './screens.js';
import { HEX } from './theme.js';
import { BaseScene, type AppContext, type SceneDescription } from './scenes/base.js';
import { BootScene, PreloadScene } from './scenes/boot.js';
import { BriefingScene } from './scenes/briefing.js';
import { CallScene } from './scenes/call.js';
import { OutcomeScene } from './scenes/outcome.js';
import { TitleScene } from './scenes/title.js';
import { display } from './scenes/ui.js';

const SCENE_FOR: Record<ScreenModel['screen']['kind'], string> = {
  problem: 'title',
  title: 'title',
  briefing: 'briefing',
  call: 'call',
  outcome: 'outcome',
};

export interface PhaserApp {
  game: Phaser.Game;
  /** What the active scene drew, for the test hook. */
  describe(): SceneDescription | null;
  /** True once the first screen scene has drawn. */
  readonly ready: boolean;
  fps(): number;
}

/** Waits for the font the canvas uses, at most `ms`. */
export async function fontsReady(ms = 3000): Promise<void> {
  const fonts = (document as Document & { fonts?: FontFaceSet }).fonts;
  if (!fonts) return;
  const loads = Promise.all([fonts.load('400 16px "IBM Plex Sans"'), fonts.load('600 16px "IBM Plex Sans"'), fonts.load('italic 400 16px "IBM Plex Sans"')]).then(() => undefined);
  await Promise.race([loads.catch(() => undefined), new Promise<void>((r) => setTimeout(r, ms))]);
}

export function startPhaser(ctl: GameController, parent: HTMLElement, portraits: Record<string, string>, onExport: () => void): PhaserApp {
  const app: AppContext = { ctl, portraits, scrollPage: (dy) => window.scrollBy(0, dy) };
  const size = () => ({ w: Math.max(1, Math.round(parent.clientWidth)), h: Math.max(1, Math.round(parent.clientHeight)) });
  let dpr = densityFor(window.devicePixelRatio || 1, size().w, size().h);
  display.dpr = dpr;
  const screens: BaseScene[] = [new TitleScene(app), new BriefingScene(app), new CallScene(app), new OutcomeScene(app, onExport)];
  let active: string | null = null;
  let ready = false;

  const show = (m: ScreenModel) => {
    const key = SCENE_FOR[m.screen.kind];
    if (key === active) {
      const scene = game.scene.getScene(key) as BaseScene | null;
      if (scene && scene.sys.isActive()) scene.applyModel(m);
      return;
    }
    if (active) game.scene.stop(active);
    active = key;
    game.scene.start(key);
  };

  const onPreloaded = () => {
    ctl.subscribe(show);
    show(ctl.model);
    game.scene.stop('preload');
    ready = true;
  };

  const game = new Phaser.Game({
    type: Phaser.CANVAS,
    parent,
    backgroundColor: HEX.bg,
    audio: { noAudio: true },
    banner: false,
    // The page's keyboard handler serves both the canvas and the mirror.
    input: { keyboard: false, mouse: true, touch: true },
    disableContextMenu: false,
    fps: { target: 60 },
    render: { antialias: true, roundPixels: true },
    // The canvas has device pixels (crisp on high-density screens) and is
    // shown at the size of its parent; see fitToParent below.
    scale: {
      mode: Phaser.Scale.NONE,
      parent,
      width: size().w * dpr,
      height: size().h * dpr,
      zoom: 1 / dpr,
      autoRound: false,
    },
    scene: [new BootScene(), new PreloadScene(app, onPreloaded), ...screens],
  });

  // Follow the parent's size (the page's layout decides it, per screen size and orientation).
  let pending = 0;
  const fitToParent = () => {
    pending = 0;
    const { w, h } = size();
    const canvas = game.canvas;
    if (!canvas) return;
    const next = densityFor(window.devicePixelRatio || 1, w, h);
    if (next !== dpr) {
      dpr = next;
      display.dpr = dpr;
      game.scale.setZoom(1 / dpr);
    }
    if (game.scale.width !== w * dpr || game.scale.height !== h * dpr) game.scale.resize(w * dpr, h * dpr);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
    game.scale.updateBounds();
  };
  const schedule = () => {
    if (!pending) pending = requestAnimationFrame(fitToParent);
  };
  new ResizeObserver(schedule).observe(parent);
  game.events.once(Phaser.Core.Events.READY, fitToParent);

  return {
    game,
    describe() {
      if (!active) return null;
      const scene = game.scene.getScene(active) as BaseScene | null;
      return scene && scene.sys.isActive() ? scene.describe() : null;
    },
    get ready() {
      return ready;
    },
    fps() {
      return game.loop.actualFps;
    },
  };
}
