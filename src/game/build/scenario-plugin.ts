/**
 * A Vite plugin (Node side only) that checks every scenario file, and every
 * translation of one, and gives the game the checked scenarios, each with
 * its checked translations, as a JSON file of their own (see
 * src/game/scenario-data.ts), which the page fetches. The virtual module
 * `virtual:scenarios` only says where that file is. The browser bundle
 * therefore carries neither the YAML parser, zod and the checker, nor the
 * scenario text: data is not code.
 *
 * - `vite build`: any error fails the build, printed as the checker's
 *   `FILE:LINE:COL: error CODE: message` lines; warnings are printed only.
 *   The data is written as `assets/scenarios-<hash>.json`, and the page
 *   preloads it with `<link rel="preload" as="fetch" crossorigin>` so it
 *   arrives alongside the code.
 * - `vite` (dev): the dev server answers `<base>scenarios.json` with the
 *   folder as checked at that moment. Errors are shown in the error overlay
 *   and are also in the file as `problems`, so the page itself can say in
 *   words why nothing plays. The scenario folder is watched: editing,
 *   adding or removing a file reloads the page with the newly checked
 *   scenarios.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HtmlTagDescriptor, Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { checkParsedScenario, scenarioIdTaken } from '../../engine/check.js';
import { formatDiagnostic, type Diagnostic, type Position } from '../../scenario/diagnostics.js';
import { isScenarioFile } from '../../scenario/load.js';
import { parseScenarioText, type ParsedFile } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { checkTranslations, isTranslationData, translationHead, type ScenarioLookup, type TranslationOutcome } from '../../scenario/translation.js';
import type { ScenarioData, TranslationData } from '../scenario-data.js';

export const VIRTUAL_ID = 'virtual:scenarios';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
/** The file's name in development, under the server's base. */
export const DEV_FILE = 'scenarios.json';

export { isScenarioFile };

/** What checking the folder gave. */
export interface ScenarioBuildResult {
  /** The scenarios that passed, each with the translations of it that passed. */
  scenarios: { file: string; scenario: Scenario; translations?: TranslationData[] }[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
  files: string[];
  /** Translations that failed their check, with what they name and their errors, so that the page can say why a language is missing. */
  translationProblems: { file: string; scenario: string; language: string; problems: string[] }[];
}

interface CacheEntry {
  key: string;
  scenario?: Scenario;
  idAt?: Position;
  /** The id a scenario file with errors gives, so that a translation of it is told the scenario has errors. */
  brokenId?: string;
  /** A translation, as read: it is checked again against the folder's scenarios each time, since they may have changed. */
  translation?: ParsedFile;
  diagnostics: Diagnostic[];
}

/**
 * Checks every scenario file of `dir`; `root` is what diagnostics' file
 * names are relative to. `prove: false` leaves out the proof of every
 * ending's reachability, for a tool that only reads the scenarios' names.
 */
export function checkScenarioFolder(dir: string, root: string, cache = new Map<string, CacheEntry>(), options: { prove?: boolean } = {}): ScenarioBuildResult {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isScenarioFile).sort();
  } catch {
    names = [];
  }
  const out: ScenarioBuildResult = { scenarios: [], errors: [], warnings: [], files: [], translationProblems: [] };
  const seen = new Map<string, string>();
  const translations: ParsedFile[] = [];
  const broken = new Map<string, string>();
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
        collect(out, rel, hit, seen, translations, broken);
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
      const parsed = parseScenarioText(new Uint8Array(bytes), rel);
      if (isTranslationData(parsed.data)) entry = { key, translation: parsed, diagnostics: [] };
      else {
        const r = checkParsedScenario(parsed, options);
        const id = r.scenario ? undefined : (parsed.data as Record<string, unknown> | undefined)?.['id'];
        entry = { key, diagnostics: r.diagnostics, ...(r.scenario ? { scenario: r.scenario } : {}), ...(r.idAt ? { idAt: r.idAt } : {}), ...(typeof id === 'string' ? { brokenId: id } : {}) };
      }
    } catch (e) {
      // The checker promises never to throw; if it does, say so rather than crash the dev server.
      entry = { key, diagnostics: [{ file: rel, line: 1, col: 1, severity: 'error', code: 'BC101', message: `the checker failed: ${(e as Error).message}`, hints: [] }] };
    }
    cache.set(abs, entry);
    collect(out, rel, entry, seen, translations, broken);
  }
  checkFolderTranslations(out, translations, broken);
  return out;
}

/** Checks the folder's translations against its scenarios, and hands each that passes to its scenario. */
function checkFolderTranslations(out: ScenarioBuildResult, translations: ParsedFile[], broken: Map<string, string>): void {
  const byId = new Map(out.scenarios.map((s) => [s.scenario.id, s]));
  const find = (id: string): ScenarioLookup => {
    const hit = byId.get(id);
    if (hit) return { found: hit.scenario, file: hit.file };
    const bad = broken.get(id);
    return bad !== undefined ? { broken: bad } : { missing: [...byId.keys()] };
  };
  let outcomes: TranslationOutcome[];
  try {
    outcomes = checkTranslations(translations, find);
  } catch (e) {
    // Never expected; said in words rather than stopping the dev server.
    outcomes = translations.map((t) => ({ file: t.file, diagnostics: [{ file: t.file, line: 1, col: 1, severity: 'error', code: 'BC101', message: `the checker failed: ${(e as Error).message}`, hints: [] }] }));
  }
  outcomes.forEach((o, i) => {
    for (const d of o.diagnostics) (d.severity === 'error' ? out.errors : out.warnings).push(d);
    if (o.translation) {
      const owner = byId.get(o.translation.scenario)!;
      (owner.translations ??= []).push({ file: o.file, language: o.translation.language, texts: o.translation.texts });
      return;
    }
    const head = translationHead(translations[i]!.data);
    if (head.scenario !== undefined && head.language !== undefined)
      out.translationProblems.push({ file: o.file, scenario: head.scenario, language: head.language, problems: o.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) });
  });
}

function collect(out: ScenarioBuildResult, rel: string, entry: CacheEntry, seen: Map<string, string>, translations: ParsedFile[], broken: Map<string, string>): void {
  for (const d of entry.diagnostics) (d.severity === 'error' ? out.errors : out.warnings).push(d);
  if (entry.translation) translations.push(entry.translation);
  if (entry.brokenId !== undefined && !broken.has(entry.brokenId)) broken.set(entry.brokenId, rel);
  if (!entry.scenario) return;
  const other = seen.get(entry.scenario.id);
  if (other !== undefined) {
    out.errors.push(scenarioIdTaken(rel, entry.scenario.id, other, entry.idAt ?? { line: 1, col: 1 }));
    return;
  }
  seen.set(entry.scenario.id, rel);
  out.scenarios.push({ file: rel, scenario: entry.scenario });
}

/** The content of the scenario file: in a build `problems` is always empty, since errors fail the build. */
export function scenarioData(result: ScenarioBuildResult, includeProblems: boolean): ScenarioData {
  return {
    scenarios: result.scenarios,
    problems: includeProblems ? result.errors.map(formatDiagnostic) : [],
    warnings: result.warnings.map(formatDiagnostic),
    ...(includeProblems && result.translationProblems.length > 0 ? { translationProblems: result.translationProblems } : {}),
  };
}

/** The built file's name, under the assets folder: its content's hash in the name lets hosts cache it for good. */
function scenarioFileName(json: string, assetsDir: string): string {
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
  return path.posix.join(assetsDir, `scenarios-${hash}.json`);
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
  let lastFirst: Diagnostic | undefined;
  let lastReport = '';
  let built: { ref: string; fileName: string } | null = null;
  const rootOf = () => config?.root ?? process.cwd();
  const dirOf = () => path.resolve(rootOf(), options.dir ?? 'scenarios');
  const devUrl = () => `${config?.base ?? '/'}${DEV_FILE}`;

  /** The overlay's payload; its link opens the first error's file at its line, not the folder. */
  const overlay = (message: string, first?: Diagnostic) => {
    const file = first ? path.resolve(rootOf(), first.file) : dirOf();
    return {
      type: 'error' as const,
      err: { message, stack: '', plugin: 'backchannel:scenarios', id: file, ...(first ? { loc: { file, line: first.line, column: first.col } } : {}) },
    };
  };

  /** Checks the folder in development: says what is wrong in the terminal (once per change) and in the overlay. */
  const checkForDev = (): ScenarioBuildResult => {
    const result = checkScenarioFolder(dirOf(), rootOf(), cache);
    const errors = result.errors.map(formatDiagnostic).join('\n');
    const report = JSON.stringify([errors, result.warnings.map(formatDiagnostic), result.scenarios.length]);
    if (report !== lastReport) {
      lastReport = report;
      for (const w of result.warnings) config?.logger.warn(`[backchannel] ${formatDiagnostic(w)}`);
      if (errors) config?.logger.error(`[backchannel] scenario check failed:\n${errors}`);
      else if (result.scenarios.length === 0) config?.logger.warn(noScenarioWarning());
    }
    if (errors) {
      lastErrors = errors;
      lastFirst = result.errors[0];
      server?.ws.send(overlay(`Scenario check failed:\n${errors}`, lastFirst));
    } else lastErrors = null;
    return result;
  };

  // No scenario at all is not a checker error: the page then says so in words.
  const noScenarioWarning = () => `no scenario file in ${path.relative(rootOf(), dirOf()) || dirOf()}: the game will show that nothing can be played`;

  return {
    name: 'backchannel:scenarios',
    configResolved(c) {
      config = c;
    },
    buildStart() {
      built = null;
      if (config?.command !== 'build') return;
      const result = checkScenarioFolder(dirOf(), rootOf(), cache);
      for (const f of result.files) this.addWatchFile(f);
      for (const w of result.warnings) this.warn(formatDiagnostic(w));
      if (result.errors.length > 0) this.error(`scenario check failed:\n${result.errors.map(formatDiagnostic).join('\n')}`);
      if (result.scenarios.length === 0) this.warn(noScenarioWarning());
      const json = JSON.stringify(scenarioData(result, false));
      const fileName = scenarioFileName(json, config.build.assetsDir);
      built = { ref: this.emitFile({ type: 'asset', fileName, source: json }), fileName };
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      // In a build the bundler writes the file's URL, relative to the chunk when the base is relative.
      const url = built ? `import.meta.ROLLUP_FILE_URL_${built.ref}` : JSON.stringify(devUrl());
      return `export const scenariosUrl = ${url};\n`;
    },
    transformIndexHtml(_html, ctx) {
      // Only the game's page waits for the scenarios; the class results page reads them for names after it is drawn.
      if (path.posix.basename(ctx.path) !== 'index.html') return [];
      let href: string;
      if (ctx.server || !built) href = devUrl();
      else if (config && /^(\.\/|)$/.test(config.base)) {
        const rel = path.posix.relative(path.posix.dirname(ctx.path), `/${built.fileName}`);
        href = rel.startsWith('.') ? rel : `./${rel}`;
      } else href = `${config?.base ?? '/'}${built.fileName}`;
      // Started by the HTML parser, the request runs while the code downloads; the page's fetch() then takes this response.
      const tag: HtmlTagDescriptor = { tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', type: 'application/json', crossorigin: true }, injectTo: 'head' };
      return [tag];
    },
    configureServer(s) {
      server = s;
      const dir = dirOf();
      s.watcher.add(dir);
      s.middlewares.use((req, res, next) => {
        const pathname = (req.url ?? '').split('?')[0];
        if (pathname !== devUrl()) return next();
        const body = JSON.stringify(scenarioData(checkForDev(), true));
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
      });
      const onChange = (file: string) => {
        if (path.dirname(path.resolve(file)) !== dir || !isScenarioFile(path.basename(file))) return;
        checkForDev();
        s.ws.send({ type: 'full-reload', path: '*' });
      };
      s.watcher.on('add', onChange);
      s.watcher.on('change', onChange);
      s.watcher.on('unlink', onChange);
      // A page that connects after the check failed still sees the overlay.
      s.ws.on('connection', () => {
        if (lastErrors !== null) setTimeout(() => s.ws.send(overlay(`Scenario check failed:\n${lastErrors}`, lastFirst)), 50);
      });
    },
  };
}
