/**
 * The game in the language asked for: with `lang=es` and a Spanish
 * translation of the scenario, every screen shows the translation; without
 * one, the game is as it always was. Saves keep working across languages.
 */
import { describe, expect, it } from 'vitest';
import { silentAudio } from '../../src/game/audio-port.js';
import { GameController, type ControllerOptions } from '../../src/game/controller.js';
import { compileInLanguage } from '../../src/game/localize.js';
import { saveKey } from '../../src/game/saves.js';
import { safeStorage, type SafeStorage } from '../../src/game/storage.js';
import type { UrlOptions } from '../../src/game/url.js';
import { tinyCompiled, tinyEntry } from './support.js';

const url = (lang: string | null): UrlOptions => ({ scenario: null, role: null, lang, seed: 7, ignored: [] });

function persistent(map = new Map<string, string>()): SafeStorage {
  return safeStorage(() => ({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) }));
}

/** The game as the page starts it: the scenario compiled in the language the address asks for. */
function game(lang: string | null, over: Partial<ControllerOptions> = {}, entry = tinyEntry()) {
  return new GameController({
    scenarios: [compileInLanguage(entry, lang)],
    problems: [],
    storage: persistent(),
    audio: silentAudio(),
    url: url(lang),
    systemReducedMotion: false,
    randomSeed: () => 7,
    now: () => new Date('2026-01-02T03:04:05Z'),
    ...over,
  });
}

/** Plays role a to the deal: offers until it opens. */
function playToDeal(ctl: GameController): void {
  ctl.press('role:a');
  ctl.press('start');
  for (let i = 0; i < 40 && ctl.model.screen.kind === 'call'; i++) {
    if (ctl.model.actions.some((a) => a.id === 'choice:deal' && !a.disabled)) ctl.press('choice:deal');
    else if (ctl.model.actions.some((a) => a.id === 'choice:offer')) ctl.press('choice:offer');
    else ctl.continueOrFinish();
  }
}

describe('a scenario with a translation into the language asked', () => {
  it('shows the translation on every screen, in the scenario’s place, with no notice', () => {
    const ctl = game('es');
    const m = ctl.model;
    expect(m.notices.map((n) => n.id)).not.toContain('language');
    expect([m.uiLang, m.contentLang]).toEqual(['es', 'es']);
    if (m.screen.kind !== 'title') throw new Error();
    expect(m.screen.scenario).toMatchObject({ title: 'Una llamada diminuta', period: 'Una tarde inventada', sides: ['Lado A', 'Lado B'] });
    expect(m.actions.map((a) => a.label)).toEqual(['Jugar como Enviado del lado A', 'Jugar como Enviado del lado B']);

    ctl.press('role:a');
    const brief = ctl.model.screen;
    if (brief.kind !== 'briefing') throw new Error();
    expect(brief.heading).toBe('Informe: Enviado del lado A');
    // A source's title stays as published.
    expect(brief.sections.map((s) => s.items.map((i) => i.text))).toEqual([['A quiere el puente.'], ['Conseguir el puente.'], ['[1] Made-up notes (Backchannel tests, 2026-01-01)']]);
    expect(brief.sections.map((s) => s.heading)).toEqual(['Lo que sabes', 'Tus objetivos', 'Fuentes']);
    expect(brief.sections[0]!.items[0]!.marker).toBe('Fuente [1]');

    ctl.press('start');
    expect(ctl.callView?.line?.text).toBe('Hola.');
    ctl.continueOrFinish();
    expect(ctl.callView?.line?.text).toBe('¿Hablamos?');
    expect(ctl.model.actions.map((a) => [a.label, a.reason])).toEqual([
      ['Ofrecer compartir el puente.', ''],
      ['Advertirles.', ''],
      ['Cerrar el acuerdo.', 'Hace falta una confianza de 3 o más'],
    ]);
    expect(ctl.callView?.meters.map((x) => x.label)).toEqual(['Confianza', 'Presión', 'Tiempo restante']);
  });

  it('reaches a translated outcome, and exports it translated under the content’s own fingerprint', () => {
    const ctl = game('es');
    playToDeal(ctl);
    const out = ctl.model.screen;
    if (out.kind !== 'outcome') throw new Error(`not at the outcome but on ${out.kind}`);
    expect(out.ending).toMatchObject({ id: 'deal', title: 'Un acuerdo', summary: 'Comparten el puente.', debrief: 'Ambos lados ganaron.' });
    expect(out.ending.concepts).toEqual([{ id: 'batna', name: 'MAAN', text: 'Tu mejor alternativa a un acuerdo negociado.' }]);
    const exported = JSON.parse(ctl.exportResults()!.json) as { scenario: unknown; roleName: string; debrief: { ending: { title: string } }; transcript: { text?: string }[] };
    expect(exported.scenario).toEqual({ id: 'tiny', title: 'Una llamada diminuta', contentHash: tinyCompiled().contentHash });
    expect(exported.roleName).toBe('Enviado del lado A');
    expect(exported.debrief.ending.title).toBe('Un acuerdo');
    expect(exported.transcript[0]?.text).toBe('Hola.');
  });

  it('a greyed-out choice whose author gave no reason is explained in the player’s language, with the translated names', () => {
    // tiny's deal, with a second condition and no unavailable: of its own, as an author might leave it.
    const entry = tinyEntry();
    const deal = entry.scenario.beats[0]!.choices!.find((c) => c.id === 'deal')!;
    delete deal.unavailable;
    deal.when = { all: [{ meter: 'trust', gte: 3 }, { flag: 'warned', is: false }] };
    delete entry.translations![0]!.texts['choice.deal.unavailable'];
    const reasonIn = (lang: string | null) => {
      const ctl = game(lang, {}, entry);
      ctl.press('role:a');
      ctl.press('start');
      ctl.continueOrFinish();
      return ctl.model.actions.find((a) => a.id === 'choice:deal')!;
    };
    const es = reasonIn('es');
    expect(es).toMatchObject({ label: 'Cerrar el acuerdo.', disabled: true });
    expect(es.reason).toBe('Requiere Confianza de 3 o más y que no se cumpla: Se dio una advertencia.');
    // In English, word for word what the engine has always said.
    expect(reasonIn(null).reason).toBe('Needs Trust of 3 or more and not: A warning was given.');
    expect([es.lang, es.reasonLang]).toEqual(['es', 'es']);
  });

  // A reason built from the scenario's names reads in one language with them, as the choice it explains does.
  it('without a translation into the player’s language, the game words the reason in the scenario’s language, and says which', () => {
    const entry = tinyEntry();
    const deal = entry.scenario.beats[0]!.choices!.find((c) => c.id === 'deal')!;
    delete deal.unavailable;
    deal.when = { all: [{ meter: 'trust', gte: 3 }, { flag: 'warned', is: false }] };
    const inCall = (lang: string, e: typeof entry) => {
      const ctl = game(lang, {}, e);
      ctl.press('role:a');
      ctl.press('start');
      ctl.continueOrFinish();
      return ctl.model.actions.find((a) => a.id === 'choice:deal')!;
    };
    const untranslated = inCall('es', { ...entry, translations: [] });
    expect(untranslated).toMatchObject({ label: 'Close the deal.', lang: 'en', reason: 'Needs Trust of 3 or more and not: A warning was given.', reasonLang: 'en' });
    // Written in a language the game has no words in: the game's own words, with the numbers as it writes them.
    const portuguese = { ...entry, scenario: { ...entry.scenario, language: 'pt' }, translations: [] };
    expect(inCall('es', portuguese)).toMatchObject({ lang: 'pt', reason: 'Requiere Trust de 3 o más y que no se cumpla: A warning was given.', reasonLang: 'es' });
    // An author's reason is the scenario's words, whatever the game's.
    const authored = tinyEntry();
    expect(inCall('es', { ...authored, translations: [] })).toMatchObject({ reason: 'Needs trust of 3 or more', reasonLang: 'en' });
  });

  it('the game’s words name the scenario’s names apart, with their language, on the title, the briefing, the call and the outcome', () => {
    const ctl = game('es', {}, { ...tinyEntry(), translations: [] });
    expect(ctl.model.actions.find((a) => a.id === 'role:a')).toMatchObject({ label: "Jugar como Side A's envoy", lang: 'en', quoted: { template: 'Jugar como {role}', names: { role: "Side A's envoy" } } });
    ctl.press('role:a');
    expect(ctl.model.screen).toMatchObject({ heading: "Informe: Side A's envoy", headingQuoted: { template: 'Informe: {role}', names: { role: "Side A's envoy" } }, subQuoted: { names: { title: 'A tiny call' } } });
    playToDeal(ctl);
    const s = ctl.model.screen;
    if (s.kind !== 'outcome') throw new Error(s.kind);
    expect(s.subQuoted).toEqual({ template: '{title} · {role}', names: { title: 'A tiny call', role: "Side A's envoy" } });
    const zone = s.sections.find((x) => x.id === 'zone')!.items;
    // The game's sentences say they are its words; a side's line names the side apart.
    expect(zone[0]).toMatchObject({ text: 'El acuerdo final estaba dentro de la zona de posible acuerdo.', quoted: { names: {} } });
    expect(zone.find((i) => i.text.startsWith('Side A:'))?.quoted?.names).toEqual({ side: 'Side A' });
    // What was said stays the scenario's, with no words of the game's claimed for it.
    expect(s.sections.find((x) => x.id === 'meaning')!.items[0]).not.toHaveProperty('quoted');
    expect(ctl.model.actions.find((a) => a.id === 'other:b')).toMatchObject({ label: "Jugar el otro papel: Side B's envoy", lang: 'en' });
  });

  it('a regional tag (es-VE) falls back to the Spanish translation, as the game’s words do', () => {
    const ctl = game('es-VE');
    expect(ctl.model.contentLang).toBe('es');
    if (ctl.model.screen.kind !== 'title') throw new Error();
    expect(ctl.model.screen.scenario?.title).toBe('Una llamada diminuta');
  });

  it('a translation into a language the game has no words for marks the text with its language', () => {
    const entry = tinyEntry();
    entry.translations = [{ ...entry.translations![0]!, language: 'pt-BR', texts: { title: 'Uma chamada minúscula' } }];
    const ctl = game('pt-BR', {}, entry);
    expect([ctl.model.uiLang, ctl.model.contentLang]).toEqual(['en', 'pt-BR']);
    expect(ctl.model.notices.map((n) => n.id)).not.toContain('language');
    if (ctl.model.screen.kind !== 'title') throw new Error();
    // A text left out of the translation shows as the scenario has it.
    expect(ctl.model.screen.scenario).toMatchObject({ title: 'Uma chamada minúscula', period: 'A made-up afternoon' });
  });
});

describe('without a translation for the language asked', () => {
  it('is exactly as before: the scenario as written, and the notice for another language', () => {
    const english = game(null);
    const asBefore = new GameController({ scenarios: [tinyCompiled()], problems: [], storage: persistent(), audio: silentAudio(), url: url(null), systemReducedMotion: false, randomSeed: () => 7 });
    expect(english.model.screen).toEqual(asBefore.model.screen);
    expect(english.model.notices).toEqual(asBefore.model.notices);
    const fr = game('fr');
    expect(fr.model.contentLang).toBe('en');
    expect(fr.model.notices.find((n) => n.id === 'language')?.text).toBe('The scenario is written in English; the game has no translation of it.');
    if (fr.model.screen.kind !== 'title') throw new Error();
    expect(fr.model.screen.scenario?.title).toBe('A tiny call');
  });

  it('the notice speaks of the scenario on screen, opened by its link or picked on the title', () => {
    const other = tinyEntry();
    const plain = { ...other, scenario: { ...other.scenario, id: 'plain', title: 'A plain call' }, translations: [] };
    const both = (query: Partial<UrlOptions>) =>
      new GameController({
        scenarios: [compileInLanguage(tinyEntry(), 'es'), compileInLanguage(plain, 'es')],
        problems: [],
        storage: persistent(),
        audio: silentAudio(),
        url: { ...url('es'), ...query },
        systemReducedMotion: false,
        randomSeed: () => 7,
      });
    const noticeOf = (ctl: GameController) => ctl.model.notices.find((n) => n.id === 'language')?.text;
    expect(noticeOf(both({ scenario: 'plain', role: 'a' }))).toBe('El escenario está escrito en inglés; el juego no tiene traducción.');
    const title = both({});
    expect(noticeOf(title)).toBeUndefined();
    title.press('scenario:plain');
    expect(noticeOf(title)).toBe('El escenario está escrito en inglés; el juego no tiene traducción.');
    title.press('scenario:tiny');
    expect(noticeOf(title)).toBeUndefined();
  });

  it('a translation that failed its check is named in the notice, with its first error', () => {
    const entry = { ...tinyEntry(), translations: [] };
    const problem = "scenarios/tiny.es.yaml:36:3: error BC702: unknown key 'line.helo-2': the scenario 'tiny' has no such text";
    const ctl = game('es', { translationProblems: [{ scenario: 'tiny', language: 'es', problems: [problem] }] }, entry);
    const notice = ctl.model.notices.find((n) => n.id === 'language');
    expect(notice?.tone).toBe('warning');
    expect(notice?.text).toBe(
      `La traducción al español de este escenario tiene errores, así que el escenario se muestra tal como está escrito, en inglés. La verificación encontró 1 error(es); el primero: ${problem}`,
    );
  });
});

describe('saves across languages', () => {
  /** Plays a few moves and leaves the call saved in `map`. */
  function saveMidCall(map: Map<string, string>, lang: string | null, entry = tinyEntry()) {
    const ctl = game(lang, { storage: persistent(map) }, entry);
    ctl.press('role:a');
    ctl.press('start');
    ctl.continueOrFinish();
    ctl.press('choice:offer');
    return ctl.callView!;
  }

  it('a call saved in English resumes with lang=es, at the same line, now in Spanish', () => {
    const map = new Map<string, string>();
    const before = saveMidCall(map, null);
    expect(before.line?.text).toBe('Go on.');
    const es = game('es', { storage: persistent(map) });
    expect(es.model.actions[0]).toMatchObject({ id: 'resume', label: 'Continuar la llamada guardada (Enviado del lado A)' });
    es.press('resume');
    expect(es.model.notices.map((n) => n.id)).toContain('resumed');
    const after = es.callView!;
    expect(after.line?.id).toBe(before.line?.id);
    expect(after.line?.text).toBe('Siga.');
    expect(after.meters.map((x) => x.value)).toEqual(before.meters.map((x) => x.value));
    expect(after.log.map((e) => e.id)).toEqual(before.log.map((e) => e.id));
  });

  it('and the other way round; a change to the translation alone does not set the save aside', () => {
    const map = new Map<string, string>();
    saveMidCall(map, 'es');
    expect(JSON.parse(map.get(saveKey('tiny'))!).record.contentHash).toBe(tinyCompiled().contentHash);
    const en = game(null, { storage: persistent(map) });
    en.press('resume');
    expect(en.callView?.line?.text).toBe('Go on.');
    const edited = tinyEntry();
    edited.translations![0]!.texts['line.answer-calm'] = 'Continúe.';
    const es = game('es', { storage: persistent(map) }, edited);
    es.press('resume');
    expect(es.model.notices.map((n) => n.id)).not.toContain('set-aside:tiny');
    expect(es.callView?.line?.text).toBe('Continúe.');
  });
});
