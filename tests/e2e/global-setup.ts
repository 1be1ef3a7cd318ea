/**
 * Once for all browser tests: find Chromium, build the game, and serve the
 * build with `vite preview` on 127.0.0.1. Without a Chromium the tests are
 * skipped with a loud notice, unless REQUIRE_BROWSER=1, which fails instead.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { chromium: string | null; baseURL: string | null; reason: string };
  }
}

const executable = (p: string) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** CHROMIUM_PATH, else /usr/bin/chromium, else `chromium` or `google-chrome` on the PATH. */
export function findChromium(env = process.env): string | null {
  if (env['CHROMIUM_PATH']) return executable(env['CHROMIUM_PATH']) ? env['CHROMIUM_PATH'] : null;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found && executable(found)) return found;
    } catch {
      /* not on the PATH */
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const chromium = findChromium();
  if (!chromium) {
    const reason = process.env['CHROMIUM_PATH'] ? `CHROMIUM_PATH=${process.env['CHROMIUM_PATH']} is not an executable` : 'no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, chromium, google-chrome)';
    if (process.env['REQUIRE_BROWSER'] === '1') throw new Error(`Browser tests need Chromium and REQUIRE_BROWSER=1: ${reason}`);
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\n!! BROWSER TESTS SKIPPED: ${reason}.\n!! Set CHROMIUM_PATH to run them; REQUIRE_BROWSER=1 makes this a failure.\n${bar}\n`);
    project.provide('e2e', { chromium: null, baseURL: null, reason });
    return;
  }
  const root = path.resolve(import.meta.dirname, '../..');
  const configFile = path.join(root, 'vite.config.ts');
  const outDir = path.join(root, 'test-results/e2e-dist');
  await build({ root, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ root, configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  project.provide('e2e', { chromium, baseURL: `http://127.0.0.1:${port}/`, reason: '' });
  return async () => {
    await server.close();
  };
}
