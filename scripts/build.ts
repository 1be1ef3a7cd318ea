/**
 * `npm run build`: Vite's production build. When it fails (a scenario that
 * fails its check, say), the reason is printed in words only: the checker's
 * FILE:LINE:COL lines stay, the bundler's stack frames go, since they say
 * nothing an author can act on.
 */
import { build } from 'vite';

try {
  await build();
} catch (e) {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .map((l) => l.replace(/^(Rolldown|Rollup)?Error: /, ''));
  process.stderr.write(`${lines.join('\n').trimEnd()}\n`);
  process.exit(1);
}
