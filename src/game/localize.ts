/**
 * The scenario in the reader's language: when the page is asked for a
 * language (`lang=`) that a checked translation of the scenario is in, the
 * translation is put in place before the scenario is compiled, so that every
 * screen, the canvas and the mirror, the debrief and the exported results
 * show it, while the engine plays the same scenario as ever.
 */
import { compileScenario, hashScenario, type CompiledScenario } from '../engine/machine.js';
import { applyTranslation, pickTranslation } from '../scenario/translate.js';
import type { ScenarioData, TranslationData } from './scenario-data.js';

/** The translation of a scenario to show for the language asked, if any (see pickTranslation). */
export function translationFor(entry: ScenarioData['scenarios'][number], lang: string | null | undefined): TranslationData | undefined {
  return pickTranslation(entry.translations ?? [], entry.scenario.language, lang);
}

/**
 * Compiles a scenario in the language asked for: translated when a
 * translation fits, as written otherwise. A translated scenario keeps the
 * content hash of the scenario as written, so that a call saved in one
 * language resumes in another, and a change to a translation alone does
 * not set saved calls aside (the moves replay the same either way).
 */
export function compileInLanguage(entry: ScenarioData['scenarios'][number], lang: string | null | undefined): CompiledScenario {
  const t = translationFor(entry, lang);
  if (!t) return compileScenario(entry.scenario);
  return compileScenario(applyTranslation(entry.scenario, t.texts, t.language), hashScenario(entry.scenario));
}
