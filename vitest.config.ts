/**
 * Tests: `unit` runs every Node test under tests/ (engine, scenario reader,
 * command-line tools, the game's plain modules); `e2e` drives a real
 * Chromium through playwright-core against a production build served by
 * `vite preview`, started once in tests/e2e/global-setup.ts.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          environment: 'node',
          // Property tests run hundreds of cases; on two busy cores the default 5 s can run out.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Benchmarks run in the unit project only.
          benchmark: { include: [] },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
