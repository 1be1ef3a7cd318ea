/**
 * A small, strict reader of command-line arguments shared by the tools, so
 * each reports usage errors the same way (exit code 2).
 */

import { closest } from '../scenario/diagnostics.js';

/** A usage error: printed with the tool's usage, exit code 2. */
export class UsageError extends Error {}

/** Parsed arguments: positional files and `--name value` options. */
export interface Args {
  files: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/**
 * Reads `argv` given which options take a value and which are flags.
 * Unknown options are usage errors.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[]): Args {
  const out: Args = { files: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.files.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (flags.includes(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        out.flags.add(name);
      } else if (valued.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
        out.options.set(name, v);
      } else {
        const near = closest(name, [...valued, ...flags]);
        throw new UsageError(`unknown option --${name}${near ? ` (did you mean --${near}?)` : ''}`);
      }
    } else out.files.push(a);
  }
  return out;
}

/** Reads a whole-number option within bounds. */
export function intOption(args: Args, name: string, fallback: number, min: number, max: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number, not '${raw}'`);
  const v = Number(raw);
  if (v < min || v > max) throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return v;
}

/**
 * Runs a tool's main function: usage errors exit 2 with the usage text,
 * anything unexpected exits 1 with one line and no stack trace.
 */
export async function runTool(usage: string, main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n${usage}\n`);
      process.exitCode = 2;
    } else {
      const msg = err instanceof Error ? err.message : String(err);
      process.stderr.write(`internal error: ${msg.split('\n')[0]}\nThis is a bug in Backchannel, not in your scenario; please report it with the file that caused it.\n`);
      process.exitCode = 1;
    }
  }
}
