/**
 * A Vite plugin (Node side only) that checks every scenario file and hands
 * the game the checked scenarios as plain JSON through the virtual module
 * `virtual:scenarios`. The browser bundle therefore never carries the YAML
 * parser, zod or the checker.
 *
 * - `vite build`: any error fails the build, printed as the checker's
 *   `FILE:LINE:COL: error CODE: message` lines; warnings are printed only.
 * - `vite` (dev): errors are shown in the error overlay and also exported
 *   as `problems`, so the page itself can say in words why nothing plays.
 *   The scenario folder is watched: editing, adding or removing a file
 *   reloads the page with the newly checked scenarios.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { checkScenario } from '../../engine/check.js';
import { formatDiagnostic, type Diagnostic } from '../../scenario/diagnostics.js';
import type { Scenario } from '../../scenario/schema.js';

export const VIRTUAL_ID = 'virtual:scenarios';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** Scenario files are YAML or JSON; the JSON Schema that editors use is not a scenario. */
export function isScenarioFile(name: string): boolean {
  if (!/\.(ya?ml|json)$/i.test(name)) return false;
  if (/\.schema\.json$/i.test(name)) return false;
  return true;
}

/** What checking the folder gave. */
export interface ScenarioBuildResult {
  scenarios: { file: string; scenario: Scenario }[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
  files: string[];
}

interface CacheEntry {
  key: string;
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

/** Checks every scenario file of `dir`; `root` is what diagnostics' file names are relative to. */
export function checkScenarioFolder(dir: string, root: string, cache = new Map<string, CacheEntry>()): ScenarioBuildResult {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isScenarioFile).sort();
  } catch {
    names = [];
  }
  const out: ScenarioBuildResult = { scenarios: [], errors: [], warnings: [], files: [] };
  const seen = new Map<string, string>();
  for (const name of names) {
    const abs = path.join(dir, name);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    let bytes: Buffer;
    let key: string;
    try {
      const st = statSync(abs);
      if (!st.isFile()) continue;
      key = `${st.size}:${st.mtimeMs}`;
      const hit = cache.get(abs);
      if (hit && hit.key === key) {
        out.files.push(abs);
        collect(out, rel, hit, seen);
        continue;
      }
      bytes = readFileSync(abs);
    } catch (e) {
      out.errors.push({ file: rel, line: 1, col: 1, severity: 'error', code: 'BC101', message: `cannot read the file: ${(e as Error).message}`, hints: [] });
      continue;
    }
    out.files.push(abs);
    let entry: CacheEntry;
    try {
      const r = checkScenario(new Uint8Array(bytes), rel);
      entry = { key, diagnostics: r.diagnostics, ...(r.scenario ? { scenario: r.scenario } : {}) };
    } catch (e) {
      // The checker promises never to throw; if it does, say so rather than crash the dev server.
      entry = { key, diagnostics: [{ file: rel, line: 1, col: 1, severity: 'error', code: 'BC101', message: `the checker failed: ${(e as Error).message}`, hints: [] }] };
    }
    cache.set(abs, entry);
    collect(out, rel, entry, seen);
  }
  return out;
}

function collect(out: ScenarioBuildResult, rel: string, entry: CacheEntry, seen: Map<string, string>): void {
  for (const d of entry.diagnostics) (d.severity === 'error' ? out.errors : out.warnings).push(d);
  if (!entry.scenario) return;
  const other = seen.get(entry.scenario.id);
  if (other !== undefined) {
    out.errors.push({
      file: rel,
      line: 1,
      col: 1,
      severity: 'error',
      code: 'BC300',
      message: `the scenario id '${entry.scenario.id}' is already used by ${other}`,
      hints: ['Every scenario in scenarios/ needs its own id: the game and its saves find scenarios by id.'],
    });
    return;
  }
  seen.set(entry.scenario.id, rel);
  out.scenarios.push({ file: rel, scenario: entry.scenario });
}

/** The source of the virtual module. */
export function virtualModuleSource(result: ScenarioBuildResult, includeProblems: boolean): string {
  const data = JSON.stringify(result.scenarios);
  const problems = includeProblems ? result.errors.map(formatDiagnostic) : [];
  const warnings = result.warnings.map(formatDiagnostic);
  return [
    `export const scenarios = JSON.parse(${JSON.stringify(data)});`,
    `export const problems = ${JSON.stringify(problems)};`,
    `export const warnings = ${JSON.stringify(warnings)};`,
    '',
  ].join('\n');
}

/** Options of the plugin. */
export interface ScenarioPluginOptions {
  /** The folder of scenario files, relative to the Vite root. Default `scenarios`. */
  dir?: string;
}

/** The plugin. */
export function scenarioPlugin(options: ScenarioPluginOptions = {}): Plugin {
  let config: ResolvedConfig | undefined;
  let server: ViteDevServer | undefined;
  const cache = new Map<string, CacheEntry>();
  let lastErrors: string | null = null;
  const dirOf = () => path.resolve(config?.root ?? process.cwd(), options.dir ?? 'scenarios');

  const overlay = (message: string) => ({
    type: 'error' as const,
    err: { message, stack: '', plugin: 'backchannel:scenarios', id: dirOf() },
  });

  return {
    name: 'backchannel:scenarios',
    configResolved(c) {
      config = c;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const dir = dirOf();
      const result = checkScenarioFolder(dir, config?.root ?? process.cwd(), cache);
      for (const f of result.files) this.addWatchFile(f);
      for (const w of result.warnings) this.warn(formatDiagnostic(w));
      const isBuild = config?.command === 'build';
      if (result.errors.length > 0) {
        const text = result.errors.map(formatDiagnostic).join('\n');
        if (isBuild) this.error(`scenario check failed:\n${text}`);
        lastErrors = text;
        config?.logger.error(`[backchannel] scenario check failed:\n${text}`);
        server?.ws.send(overlay(`Scenario check failed:\n${text}`));
      } else {
        lastErrors = null;
      }
      // No scenario at all is not a checker error: the page then says so in words.
      if (result.scenarios.length === 0 && result.errors.length === 0) this.warn(`no scenario file in ${path.relative(config?.root ?? process.cwd(), dir) || dir}: the game will show that nothing can be played`);
      return virtualModuleSource(result, !isBuild);
    },
    configureServer(s) {
      server = s;
      const dir = dirOf();
      s.watcher.add(dir);
      const onChange = (file: string) => {
        if (path.dirname(path.resolve(file)) !== dir || !isScenarioFile(path.basename(file))) return;
        const graph = s.environments.client.moduleGraph;
        const mod = graph.getModuleById(RESOLVED_ID);
        if (mod) graph.invalidateModule(mod);
        s.ws.send({ type: 'full-reload', path: '*' });
      };
      s.watcher.on('add', onChange);
      s.watcher.on('change', onChange);
      s.watcher.on('unlink', onChange);
      // A page that connects after the check failed still sees the overlay.
      s.ws.on('connection', () => {
        if (lastErrors !== null) setTimeout(() => s.ws.send(overlay(`Scenario check failed:\n${lastErrors}`)), 50);
      });
    },
  };
}
