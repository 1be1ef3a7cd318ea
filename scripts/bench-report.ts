/**
 * Prints the engine benchmarks' medians against their targets, read from
 * the JSON that `vitest bench --outputJson` writes (`npm run bench` runs
 * both). Vitest's own table shows means and percentiles; the targets are
 * stated as medians, and a mean on two shared cores is pulled up by the
 * odd slow sample.
 */
import { readFileSync } from 'node:fs';

interface BenchResult {
  name: string;
  median: number;
  sampleCount: number;
}
interface BenchFile {
  files: { groups: { fullName: string; benchmarks: BenchResult[] }[] }[];
}

/** What each benchmark is held to: a time limit, or a rate of playthroughs a second. */
const TARGETS: { match: RegExp; runs?: number; limitMs?: number; perSecond?: number }[] = [
  { match: /flagship.*check and compile \(no proof\)/, limitMs: 50 },
  { match: /5,000 beats.*(JSON|YAML): check and compile \(no proof\)/, limitMs: 1000 },
  { match: /10,000 seeded playthroughs/, runs: 10_000, perSecond: 5000 },
  { match: /1,000 seeded playthroughs/, runs: 1_000 },
  // A frame at 60 fps, so a redraw of the outcome screen never stutters on it.
  { match: /debrief, both zones/, limitMs: 16 },
];

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: tsx scripts/bench-report.ts BENCH_JSON\n');
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, 'utf8')) as BenchFile;
const rows: string[][] = [['benchmark', 'median', 'samples', 'target', 'met?']];
for (const f of data.files) {
  for (const g of f.groups) {
    for (const b of g.benchmarks) {
      const label = `${g.fullName.replace(/^.*?> /, '')}: ${b.name}`;
      const target = TARGETS.find((t) => t.match.test(label));
      let median = `${b.median.toFixed(b.median < 100 ? 1 : 0)} ms`;
      let goal = '—';
      let met = '—';
      if (target?.runs) {
        const rate = target.runs / (b.median / 1000);
        median += ` (${Math.round(rate).toLocaleString('en-US')} a second)`;
        if (target.perSecond) {
          goal = `≥ ${target.perSecond.toLocaleString('en-US')} a second`;
          met = rate >= target.perSecond ? 'yes' : 'no';
        }
      } else if (target?.limitMs) {
        goal = `< ${target.limitMs} ms`;
        met = b.median < target.limitMs ? 'yes' : 'no';
      }
      rows.push([label, median, String(b.sampleCount), goal, met]);
    }
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
process.stdout.write('\nengine benchmarks (medians)\n');
for (const r of rows) process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}\n`);
