/**
 * Vite configuration of the browser game: relative asset paths (deployable
 * on any static host), Phaser in a chunk of its own (loaded after the
 * accessible mirror is up), and the plugin that checks scenarios/ at build
 * time and gives the page the checked scenarios as a JSON file of their own.
 * A second page, results.html, is the teacher's class results.
 */
import { defineConfig } from 'vite';
import { scenarioPlugin } from './src/game/build/scenario-plugin.js';

export default defineConfig({
  base: './',
  // BACKCHANNEL_SCENARIO_DIR lets a developer point the game at another folder of scenarios.
  plugins: [scenarioPlugin({ dir: process.env['BACKCHANNEL_SCENARIO_DIR'] ?? 'scenarios' })],
  resolve: {
    // Howler's core build: the game never places sounds in space, so the spatial plugin of the default build is dead weight.
    alias: [{ find: /^howler$/, replacement: 'howler/dist/howler.core.min.js' }],
  },
  build: {
    target: 'es2022',
    // Phaser alone is about 1.4 MB minified (355 KB gzip) and cannot be tree-shaken.
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
});
