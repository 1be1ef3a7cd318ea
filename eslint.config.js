// Lint rules, with the one that keeps the engine and the scenario reader
// free of Phaser, howler, the DOM and the game: they must run in Node and
// in tests without a browser.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const browserOnly = {
  paths: [
    { name: 'phaser', message: 'The engine and the scenario reader never import Phaser: views read snapshots instead.' },
    { name: 'howler', message: 'The engine never plays sound: it raises cues that src/audio plays.' },
  ],
  patterns: [
    { group: ['**/game/**', '**/audio/**', '**/cli/**'], message: 'Dependencies point one way: game, audio and cli import the engine, never the reverse.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'scratch/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/game/**', 'src/audio/**', 'src/main.ts', 'tests/game/**', 'tests/audio/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/engine/**', 'src/scenario/**'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', browserOnly],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'requestAnimationFrame', 'Audio', 'AudioContext', 'fetch', 'process', 'require'].map((name) => ({
          name,
          message: 'The engine and scenario reader stay free of the DOM and of Node: pass what they need in as data.',
        })),
      ],
    },
  },
);
