/**
 * A small, strict reader of command-line arguments shared by the tools, so
 * each reports usage errors the same way (exit code 2).
 */

import { relative, sep } from 'node:path';
import { closest } from '../scenario/diagnostics.js';

/** A usage error: printed with the tool's usage, exit code 2. */
export class UsageError extends Error {}

/** Parsed arguments: positional files and `--name value` options. */
export interface Args {
  files: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** What a tool accepts: its name in `npm run <tool>`, the options that take a value, and those that are flags. */
export interface ArgSpec {
  tool: string;
  valued: readonly string[];
  flags: readonly string[];
  /** For an option with a fixed set of values, those values. */
  values?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Reads `argv` given what the tool accepts. Unknown options are usage
 * errors, and so are options that npm kept for itself (see `npmKept`).
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec, env: NodeJS.ProcessEnv = process.env): Args {
  const { valued, flags } = spec;
  const kept = npmKept(argv, spec, env);
  // A value left among the file names proves the option was typed; a setting alone may come from an .npmrc, so it is only told.
  if (kept?.proven) throw new UsageError(kept.message);
  if (kept) process.stderr.write(`note: ${kept.message}\n`);
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

/**
 * Without `--` after the script's name, `npm run` takes the options that
 * follow as its own settings: the tool never sees them, and a value written
 * after one (`--runs 10`) is left behind as if it were a file name. npm
 * hands each such setting on as the variable npm_config_<name>, which is
 * how this is noticed; `--format` npm stretches to one of its own options
 * and hands on nothing, so its value left behind is what gives it away.
 * Returns the message telling the author what to type instead, and whether
 * a value left behind proves the option was typed (a setting alone may also
 * come from an .npmrc file); undefined when nothing was kept.
 */
export function npmKept(argv: readonly string[], spec: ArgSpec, env: NodeJS.ProcessEnv): { message: string; proven: boolean } | undefined {
  if (env['npm_lifecycle_event'] === undefined) return undefined;
  const given = (name: string) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const positional = argv.filter((a) => !a.startsWith('--'));
  const used = new Set<string>();
  const kept: { name: string; value?: string }[] = [];
  const lost: { name: string; value?: string }[] = [];
  for (const name of [...spec.valued, ...spec.flags]) {
    if (given(name)) continue;
    const set = env[`npm_config_${name.replace(/-/g, '_')}`];
    const left = positional.slice(1).find((a) => spec.values?.[name]?.includes(a) && !used.has(a));
    if (spec.flags.includes(name)) {
      if (set !== undefined) kept.push({ name });
    } else if (left !== undefined) {
      used.add(left);
      kept.push({ name, value: left });
    } else if (set === 'true') {
      // `--runs 10` leaves npm the word alone (set to true), and the value among the file names.
      const k = { name };
      kept.push(k);
      lost.push(k);
    } else if (set !== undefined) kept.push({ name, value: set });
  }
  if (kept.length === 0) return undefined;
  // A value npm left behind is a word among the file names that is not itself a scenario or result file.
  const strays = positional.filter((a) => !used.has(a) && !/\.(ya?ml|json)$/i.test(a));
  const sure = lost.length === 1 && strays.length === 1;
  if (sure) lost[0]!.value = strays[0]!;
  if (lost.length > 0) for (const w of strays) used.add(w);
  const words = [...argv.filter((a) => !used.has(a)), ...kept.flatMap((k) => (spec.flags.includes(k.name) ? [`--${k.name}`] : [`--${k.name}`, k.value ?? '…']))];
  const names = kept.map((k) => `--${k.name}`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  const lines = [
    `npm kept ${list} for itself, so ${spec.tool} never saw ${names.length === 1 ? 'it' : 'them'}: \`npm run\` needs -- between the script's name and the tool's options. Type:`,
    `  npm run ${spec.tool} -- ${words.map(shellWord).join(' ')}`,
  ];
  if (lost.length > 0 && !sure)
    lines.push(strays.length > 0 ? `  with the values you wrote (${strays.join(', ')}), each in place of … after its option.` : '  with a value in place of each ….');
  const proven = used.size > 0 || (lost.length > 0 && strays.length > 0);
  return { message: lines.join('\n'), proven };
}

/** A word as a shell would need it typed: quoted when it holds anything but plain path characters. */
function shellWord(w: string): string {
  return /^[\w./:@%+,=…-]+$/.test(w) ? w : `"${w.replace(/(["\\$`])/g, '\\$1')}"`;
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
 * `npm run` starts a tool in the project's folder, whatever folder the
 * command was typed in (`cd scenarios` then `npm run validate -- my.yaml`):
 * the tool goes back there, so that file names are read, and told, as they
 * were typed. Only when npm started this tool itself, not a script that runs
 * it from the project's folder on purpose.
 */
export function fromFolderTyped(env: NodeJS.ProcessEnv, script: string | undefined): void {
  const typedIn = env['INIT_CWD'];
  const command = env['npm_lifecycle_script'];
  if (!typedIn || !command || !script || typedIn === process.cwd()) return;
  const tool = relative(process.cwd(), script).split(sep).join('/');
  if (!command.split(/\s+/).includes(tool)) return;
  try {
    process.chdir(typedIn);
  } catch {
    // A folder gone since the command was typed: names are read from the project's folder, as npm left them.
  }
}

/**
 * Runs a tool's main function: usage errors exit 2 with the usage text,
 * anything unexpected exits 1 with one line and no stack trace.
 */
export async function runTool(usage: string, main: () => Promise<number> | number): Promise<void> {
  try {
    fromFolderTyped(process.env, process.argv[1]);
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
