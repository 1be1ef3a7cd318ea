/**
 * The checked scenarios as the page receives them: a JSON file that the
 * Vite plugin (src/game/build/scenario-plugin.ts) writes at build time and
 * serves in development. Scenario text is data, so it travels as JSON
 * beside the code rather than inside it: the code stays small and the
 * browser parses the data with its JSON parser.
 */
import type { Scenario } from '../scenario/schema.js';

/** A translation of a scenario that passed the checker: its file, its language and its texts by key. */
export interface TranslationData {
  file: string;
  language: string;
  texts: Record<string, string>;
}

/** What the file holds. */
export interface ScenarioData {
  /** Every scenario that passed the checker, with the file it came from and the translations of it that passed. */
  scenarios: { file: string; scenario: Scenario; translations?: TranslationData[] }[];
  /** In development, the checker's errors (`FILE:LINE:COL: error CODE: message`); empty in a build, which fails instead. */
  problems: string[];
  /** The checker's warnings. */
  warnings: string[];
  /** In development, the translations that failed the checker: what each names, and its errors. */
  translationProblems?: { file: string; scenario: string; language: string; problems: string[] }[];
}

/** What fetching the file gave: the data, or why there is none. */
export type ScenarioLoad = { ok: true; data: ScenarioData } | { ok: false; reason: string };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTranslation = (t: unknown): boolean =>
  isObject(t) && typeof t['file'] === 'string' && typeof t['language'] === 'string' && isObject(t['texts']) && Object.values(t['texts']).every((x) => typeof x === 'string');

/**
 * The file's content when it has the expected shape, else null. Only the
 * shape is looked at: the content itself passed the checker when the file
 * was written.
 */
export function readScenarioData(value: unknown): ScenarioData | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v['scenarios']) || !isStrings(v['problems']) || !isStrings(v['warnings'])) return null;
  for (const s of v['scenarios'] as unknown[]) {
    if (typeof s !== 'object' || s === null) return null;
    const e = s as Record<string, unknown>;
    if (typeof e['file'] !== 'string' || typeof e['scenario'] !== 'object' || e['scenario'] === null) return null;
    if (typeof (e['scenario'] as Record<string, unknown>)['id'] !== 'string') return null;
    if (e['translations'] !== undefined && !(Array.isArray(e['translations']) && e['translations'].every(isTranslation))) return null;
  }
  const tp = v['translationProblems'];
  if (tp !== undefined && !(Array.isArray(tp) && tp.every((p) => isObject(p) && typeof p['file'] === 'string' && typeof p['scenario'] === 'string' && typeof p['language'] === 'string' && isStrings(p['problems']))))
    return null;
  return v as unknown as ScenarioData;
}

/** How long the page waits for the scenario file before it says so and offers to try again. */
export const SCENARIO_FETCH_TIMEOUT_MS = 30_000;

/**
 * Fetches the scenario file. Never rejects: a network error, an HTTP error,
 * no answer within `timeoutMs`, or a body that is not the scenario data (a
 * static host's fallback page, say) comes back as a reason a person can act on.
 */
export async function fetchScenarioData(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = SCENARIO_FETCH_TIMEOUT_MS): Promise<ScenarioLoad> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await fetchData(url, fetchImpl, abort.signal);
  } catch {
    return { ok: false, reason: `${url}: no answer within ${timeoutMs / 1000} seconds` };
  } finally {
    clearTimeout(timer);
  }
}

async function fetchData(url: string, fetchImpl: typeof fetch, signal: AbortSignal): Promise<ScenarioLoad> {
  let res: Response;
  try {
    // Same mode and credentials as the page's <link rel="preload" as="fetch" crossorigin>, so the preloaded response is used.
    res = await fetchImpl(url, { credentials: 'same-origin', signal });
  } catch (e) {
    if (signal.aborted) throw e;
    return { ok: false, reason: `${url}: the request failed (${(e as Error).message || 'network error'}); check the network connection and try again` };
  }
  if (!res.ok) return { ok: false, reason: `${url}: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
  let body: unknown;
  try {
    body = await res.json();
  } catch (e) {
    if (signal.aborted) throw e;
    return { ok: false, reason: `${url}: the answer is not JSON (${res.headers.get('content-type') ?? 'no content type'})` };
  }
  const data = readScenarioData(body);
  return data ? { ok: true, data } : { ok: false, reason: `${url}: the answer is JSON but not Backchannel's scenario data` };
}
