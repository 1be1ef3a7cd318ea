/**
 * The page: the checked scenarios arrive as a JSON file (preloaded by the
 * HTML, fetched here first thing); the accessible DOM mirror comes up as soon
 * as they are in, drawn from the engine, so the game is readable and playable
 * before Phaser has loaded; then Phaser is loaded with a dynamic import and
 * draws the same screens on the canvas. When the scenario file cannot be
 * fetched, both say so in words and offer to try again. See
 * /work/shared/INTERFACE.md for the faces this page keeps.
 */
import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import '@fontsource/ibm-plex-sans/400-italic.css';
import './game/styles.css';
import { scenariosUrl } from 'virtual:scenarios';
import type { CompiledScenario } from './engine/machine.js';
import { audioProxy, guardedAudio } from './game/audio-port.js';
import { GameController } from './game/controller.js';
import { fill, stringsFor } from './game/i18n.js';
import { download } from './game/dom.js';
import { compileInLanguage } from './game/localize.js';
import { commandForKey } from './game/keys.js';
import { Mirror } from './game/mirror.js';
import type { PhaserApp } from './game/phaser-app.js';
import type { SceneDescription } from './game/scenes/base.js';
import { safeStorage } from './game/storage.js';
import { fetchScenarioData } from './game/scenario-data.js';
import { readUrlOptions } from './game/url.js';

// Asked for before anything else is set up; the HTML's preload of the same URL has usually fetched it already.
const scenarioLoad = fetchScenarioData(scenariosUrl);

/** Read-only hooks for tests and teachers' tools. */
export interface BackchannelHook {
  /** The engine's current CallView (a copy), or null outside a call. */
  view(): unknown;
  /** The screen model both views draw (a copy). */
  model(): unknown;
  /** What the canvas drew, with the cards' positions on the page. */
  canvas(): SceneDescription | null;
  /** True once the canvas draws screens. */
  ready(): boolean;
  /** Sound cues asked for so far. */
  cues(): string[];
  /** The call's record (role, seed, moves), or null outside a call. */
  session(): unknown;
  fps(): number;
}

declare global {
  interface Window {
    __backchannel?: BackchannelHook;
  }
}

const copy = <T>(v: T): T => (v === null || v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function portraitUrls(): Record<string, string> {
  const files = import.meta.glob<string>('../assets/portraits/*.svg', { query: '?url', import: 'default', eager: true });
  const out: Record<string, string> = {};
  for (const [path, url] of Object.entries(files)) {
    const key = /([^/]+)\.svg$/.exec(path)?.[1];
    if (key) out[key] = url;
  }
  return out;
}

/**
 * The real sound from src/audio, loaded beside the game; the proxy stays
 * silent until it arrives. The game's settings are the one record of mute
 * and volume, so the port is given no storage of its own.
 */
function loadAudio(proxy: ReturnType<typeof audioProxy>): void {
  import('./audio/index.js')
    .then((mod) => proxy.attach(guardedAudio(mod.createAudio({ storage: null }))))
    .catch((e: unknown) => console.warn('[backchannel] sound is off:', e));
}

async function main(): Promise<void> {
  const url = readUrlOptions(location.search);
  // The page's language is the one its words are in: an unknown code falls back to English, and so does the tag.
  if (url.lang) document.documentElement.lang = stringsFor(url.lang).lang;
  const loaded = await scenarioLoad;
  if (!loaded.ok) console.warn(`[backchannel] the scenarios could not be loaded: ${loaded.reason}`);
  const data = loaded.ok ? loaded.data : { scenarios: [], problems: [loaded.reason], warnings: [] };
  for (const w of data.warnings) console.info(`[backchannel] ${w}`);

  const compiled: CompiledScenario[] = [];
  const compileProblems: string[] = [...data.problems];
  for (const entry of data.scenarios) {
    try {
      compiled.push(compileInLanguage(entry, url.lang));
    } catch (e) {
      compileProblems.push(`${entry.file}: the scenario could not be compiled: ${(e as Error).message}`);
    }
  }

  const storage = safeStorage(() => window.localStorage);
  const audio = audioProxy();
  loadAudio(audio);
  const media = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  const options = {
    scenarios: compiled,
    problems: compileProblems,
    translationProblems: data.translationProblems ?? [],
    writtenIn: Object.fromEntries(data.scenarios.map((entry) => [entry.scenario.id, entry.scenario.language ?? 'en'])),
    loadFailed: !loaded.ok,
    reload: () => location.reload(),
    storage,
    audio,
    url,
    systemReducedMotion: media?.matches ?? false,
    randomSeed: () => {
      const a = new Uint32Array(1);
      crypto.getRandomValues(a);
      return a[0]!;
    },
  };
  let ctl: GameController;
  try {
    ctl = new GameController(options);
  } catch (e) {
    // The file is written by the build from checked scenarios, so this means it was damaged on the way: say so rather than hang on "loading".
    const reason = `the scenario file arrived, but it is damaged and cannot be played: build the game again with npm run build`;
    console.warn(`[backchannel] ${reason}`, e);
    ctl = new GameController({ ...options, scenarios: [], problems: [reason], loadFailed: true });
  }
  document.documentElement.lang = ctl.uiLang;
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = stringsFor(ctl.uiLang).strings.skipToPanel;
  media?.addEventListener?.('change', (e) => ctl.setSystemReducedMotion(e.matches));

  const exportResults = () => {
    const r = ctl.exportResults();
    if (!r) return;
    download(document, r.fileName, r.json, 'application/json');
    mirrorStatus(fill(ctl.strings.exported, { file: r.fileName }));
  };

  const mirrorRoot = document.getElementById('mirror')!;
  const mirror = new Mirror(mirrorRoot, {
    press: (id, from) => ctl.press(id, from),
    toggleMute: () => ctl.toggleMute(),
    setVolume: (v) => ctl.setVolume(v),
    setTextSpeed: (s) => ctl.setTextSpeed(s),
    setReducedMotion: (on) => ctl.setReducedMotion(on),
    setPlayer: (name) => ctl.setPlayer(name),
    exportResults,
    goToTitle: () => ctl.goToTitle(),
  });
  const status = document.getElementById('live-status');
  const mirrorStatus = (text: string) => {
    if (status) status.textContent = text;
  };
  const apply = (m: typeof ctl.model) => {
    mirror.render(m);
    document.body.dataset['screen'] = m.screen.kind;
    document.body.classList.toggle('reduced-motion', m.reducedMotion);
  };
  ctl.subscribe(apply);
  apply(ctl.model);

  // The keyboard: digits press the Nth button of the choices group; Enter or Space finishes the line or continues; Escape closes a news flash; M mutes.
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    const cmd = commandForKey({
      key: e.key,
      code: e.code,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      repeat: e.repeat,
      targetTag: target?.tagName,
      targetType: (target as HTMLInputElement | null)?.type,
      targetEditable: target?.isContentEditable === true,
    });
    if (!cmd) return;
    // With focus in the panel, the line is there in full already: a press moves on rather than finish the canvas's typing.
    const from = { panel: target !== null && mirrorRoot.contains(target) };
    if (cmd.kind === 'number') {
      if (mirror.pressNumber(cmd.n, from)) e.preventDefault();
    } else if (cmd.kind === 'continue') {
      if (ctl.continueOrFinish(from)) e.preventDefault();
    } else if (cmd.kind === 'close') {
      if (ctl.close()) e.preventDefault();
    } else {
      e.preventDefault();
      ctl.toggleMute();
    }
  });
  // Browsers let sound start only after a gesture.
  const unlock = () => {
    audio.unlock();
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);

  let phaser: PhaserApp | null = null;
  window.__backchannel = Object.freeze({
    view: () => copy(ctl.callView),
    model: () => {
      const { strings: _strings, ...rest } = ctl.model;
      return copy(rest);
    },
    canvas: () => phaser?.describe() ?? null,
    ready: () => phaser?.ready === true,
    cues: () => [...audio.played],
    session: () => copy(ctl.session?.record() ?? null),
    fps: () => phaser?.fps() ?? 0,
  });

  // The canvas comes second: the mirror above already plays the game.
  const host = document.getElementById('game')!;
  void Promise.all([import('./game/phaser-app.js'), document.fonts?.ready])
    .then(async ([mod]) => {
      await mod.fontsReady();
      phaser = mod.startPhaser(ctl, host, portraitUrls(), exportResults);
      document.body.classList.add('canvas-ready');
    })
    .catch((e: unknown) => {
      console.warn('[backchannel] the canvas could not start; the panel still plays the game.', e);
      document.body.classList.add('canvas-failed');
    });
}

void main();
