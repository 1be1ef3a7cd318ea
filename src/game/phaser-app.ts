/**
 * The Phaser side of the game, loaded with a dynamic import after the DOM
 * mirror is already up. It waits for the house font, starts the game with
 * the Canvas renderer, and switches scenes as the controller's screen
 * changes.
 */
import * as Phaser from 'phaser';
import type { GameController } from './controller.js';
import type { ScreenModel } from './screens.js';
import { HEX } from './theme.js';
import { BaseScene, type AppContext, type SceneDescription } from './scenes/base.js';
import { BootScene, PreloadScene } from './scenes/boot.js';
import { BriefingScene } from './scenes/briefing.js';
import { CallScene } from './scenes/call.js';
import { OutcomeScene } from './scenes/outcome.js';
import { TitleScene } from './scenes/title.js';

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
  const app: AppContext = { ctl, portraits };
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
    scale: {
      mode: Phaser.Scale.RESIZE,
      parent,
      width: '100%',
      height: '100%',
    },
    scene: [new BootScene(), new PreloadScene(app, onPreloaded), ...screens],
  });

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
