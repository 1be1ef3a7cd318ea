/** Helpers for the game's Node tests: the tiny fixture scenario, compiled, and results exported from it. */
import { readFileSync } from 'node:fs';
import { compileScenario, type CompiledScenario } from '../../src/engine/machine.js';
import { readScenario } from '../../src/scenario/load.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { checkTranslation } from '../../src/scenario/translation.js';
import type { ScenarioData } from '../../src/game/scenario-data.js';
import { silentAudio } from '../../src/game/audio-port.js';
import { GameController } from '../../src/game/controller.js';
import { compileInLanguage } from '../../src/game/localize.js';
import { memoryStorage } from '../../src/game/storage.js';

/**
 * A scenario as the scenario file gives it to the page, with its complete
 * translation attached. Paths are from the repository's root.
 */
export function scenarioEntry(scenarioPath: string, translationPath: string): ScenarioData['scenarios'][number] {
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url));
  const scenario = readScenario(read(scenarioPath), name(scenarioPath)).scenario;
  if (!scenario) throw new Error(`${scenarioPath} does not read`);
  const t = checkTranslation(parseScenarioText(read(translationPath), name(translationPath)), () => ({ found: scenario, file: name(scenarioPath) })).translation;
  if (!t) throw new Error(`${translationPath} does not check`);
  return { file: `scenarios/${name(scenarioPath)}`, scenario, translations: [{ file: `scenarios/${name(translationPath)}`, language: t.language, texts: t.texts }] };
}

/** tiny.yaml with its Spanish translation (tests/fixtures/tiny.es.yaml). */
export function tinyEntry(): ScenarioData['scenarios'][number] {
  return scenarioEntry('tests/fixtures/tiny.yaml', 'tests/fixtures/tiny.es.yaml');
}

export function tinyCompiled(): CompiledScenario {
  const file = new URL('../fixtures/tiny.yaml', import.meta.url);
  const r = readScenario(readFileSync(file), 'tiny.yaml');
  if (!r.scenario) throw new Error('tiny.yaml does not read');
  return compileScenario(r.scenario);
}

/**
 * A result exactly as the game exports it: tiny played by a named player,
 * in role `a`, to its deal (offers until the deal opens) or, with `warn`,
 * by warning until the call ends some other way; with `lang: 'es'`, played
 * in tiny's Spanish translation.
 */
export function exportedResult(player: string, o: { warn?: boolean; at?: string; lang?: string } = {}): string {
  const ctl = new GameController({
    scenarios: [o.lang ? compileInLanguage(tinyEntry(), o.lang) : tinyCompiled()],
    problems: [],
    storage: memoryStorage(),
    audio: silentAudio(),
    url: { scenario: 'tiny', role: 'a', lang: o.lang ?? null, seed: 7, ignored: [] },
    systemReducedMotion: false,
    randomSeed: () => 7,
    now: () => new Date(o.at ?? '2026-03-04T10:00:00Z'),
  });
  ctl.setPlayer(player);
  ctl.press('start');
  for (let i = 0; i < 40 && ctl.model.screen.kind === 'call'; i++) {
    const open = (id: string) => ctl.model.actions.some((a) => a.id === `choice:${id}` && !a.disabled);
    const pick = o.warn ? ['warn'] : ['deal', 'offer'];
    const id = pick.find(open);
    if (id) ctl.press(`choice:${id}`);
    else ctl.continueOrFinish();
  }
  const r = ctl.exportResults();
  if (!r) throw new Error('tiny did not reach an ending');
  return r.json;
}
