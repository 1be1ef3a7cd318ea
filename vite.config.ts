/**
 * Vite configuration of the browser game: relative asset paths (deployable
 * on any static host), Phaser in a chunk of its own (loaded after the
 * accessible mirror is up), and the plugin that checks scenarios/ at build
 * time and serves them as `virtual:scenarios`.
 */
import { defineConfig } from 'vite';
import { scenarioPlugin } from './src/game/build/scenario-plugin.js';

export default defineConfig({
  base: './',
  // BACKCHANNEL_SCENARIO_DIR lets a developer point the game at another folder of scenarios.
  plugins: [scenarioPlugin({ dir: process.env['BACKCHANNEL_SCENARIO_DIR'] ?? 'scenarios' })],
  build: {
    target: 'es2022',
    // Phaser alone is about 1.4 MB minified (355 KB gzip) and cannot be tree-shaken.
    chunkSizeWarningLimit: 1600,
    // Portraits stay files: Phaser's SVG loader fetches them by URL.
    assetsInlineLimit: (file) => (/[\\/]assets[\\/]portraits[\\/]/.test(file) ? false : undefined),
    rolldownOptions: {
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
