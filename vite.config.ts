/**
 * Vite configuration of the browser game: relative asset paths (deployable
 * on any static host), Phaser in a chunk of its own (loaded after the
 * accessible mirror is up), and the plugin that checks scenarios/ at build
 * time and gives the page the checked scenarios as a JSON file of their own.
 * A second page, results.html, is the teacher's class results.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { scenarioPlugin } from './src/game/build/scenario-plugin.js';

/**
 * The game asks Phaser for its Canvas renderer (src/game/phaser-app.ts), which
 * keeps 60 fps even where WebGL falls back to software, so the production build compiles Phaser from its sources with the flags its
 * own build uses set for a Canvas-only game: the WebGL renderer, its shaders
 * and the sound manager (howler plays the sound) are left out, about 80 KB
 * gzip of the 347 KB Phaser weighs whole. The dev server keeps Phaser's
 * prebuilt module, which starts faster and draws the same with Canvas.
 */
const PHASER_FLAGS: Record<string, string> = { CANVAS_RENDERER: 'true', WEBGL_RENDERER: 'false', WEBGL_DEBUG: 'false', FEATURE_SOUND: 'false', PLUGIN_CAMERA: 'false', PLUGIN_FBINSTANT: 'false' };
function phaserCanvasOnly(): Plugin {
  return {
    name: 'phaser-canvas-only',
    apply: 'build',
    transform(code, id) {
      if (!/node_modules[\\/]phaser[\\/]src[\\/]/.test(id)) return null;
      return code
        .replace(/typeof (CANVAS_RENDERER|WEBGL_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|PLUGIN_CAMERA|PLUGIN_FBINSTANT)\b/g, (_, f: string) => PHASER_FLAGS[f]!)
        // The sources assume the bundler that built Phaser provides `global`.
        .replace(/^global\.Phaser = Phaser;$/m, 'globalThis.Phaser = Phaser;');
    },
  };
}

export default defineConfig(({ command }) => ({
  base: './',
  // BACKCHANNEL_SCENARIO_DIR lets a developer point the game at another folder of scenarios.
  plugins: [scenarioPlugin({ dir: process.env['BACKCHANNEL_SCENARIO_DIR'] ?? 'scenarios' }), phaserCanvasOnly()],
  resolve: {
    // Howler's core build: the game never places sounds in space, so the spatial plugin of the default build is dead weight.
    alias: [
      { find: /^howler$/, replacement: 'howler/dist/howler.core.min.js' },
      ...(command === 'build' ? [{ find: /^phaser$/, replacement: fileURLToPath(new URL('./node_modules/phaser/src/phaser.js', import.meta.url)) }] : []),
    ],
  },
  build: {
    target: 'es2022',
    // Phaser alone is over 1 MB minified (about 265 KB gzip for Canvas only) and cannot be tree-shaken.
    chunkSizeWarningLimit: 1600,
    // Portraits stay files: Phaser's SVG loader fetches them by URL. Sounds
    // stay files too: inlined, a sound would be base64 in the code that every
    // visit downloads, though only a browser that needs that format fetches it.
    assetsInlineLimit: (file) => (/[\\/]assets[\\/](portraits|audio)[\\/]/.test(file) ? false : undefined),
    rolldownOptions: {
      // The build checks every scenario before bundling, which takes most of its time by design; the timing report that
      // rolldown prints for a slow plugin reads to a teacher like a problem with their files, and tells them nothing to do.
      checks: { bundlerTimings: false },
      // Two pages: the game, and the class results page a teacher opens to read the files groups exported.
      input: { index: 'index.html', results: 'results.html' },
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser[\\/]/, priority: 20 },
            { name: 'engine', test: /node_modules[\\/](xstate|immer)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
}));
