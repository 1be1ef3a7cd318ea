/**
 * What a class reads about where the facts come from and what the numbers
 * are: the briefing cites each source once, with its note, and refers to it
 * by number; the outcome lists every source with its note and says that the
 * values are the game's model. And a role link handed out in class offers
 * the call its device has saved for that role.
 */
import { describe, expect, it } from 'vitest';
import { silentAudio } from '../../src/game/audio-port.js';
import { GameController } from '../../src/game/controller.js';
import { compileInLanguage } from '../../src/game/localize.js';
import type { SectionModel } from '../../src/game/screens.js';
import { safeStorage, type SafeStorage } from '../../src/game/storage.js';
import type { UrlOptions } from '../../src/game/url.js';
import { scenarioEntry } from './support.js';

/** The Call with its Spanish translation, as the page is given them. */
const theCall = () => scenarioEntry('scenarios/the-call.yaml', 'scenarios/the-call.es.yaml');

function persistent(map = new Map<string, string>()): SafeStorage {
  return safeStorage(() => ({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) }));
}

const link = (o: Partial<UrlOptions> = {}): UrlOptions => ({ scenario: null, role: null, lang: null, seed: 5, ignored: [], ...o });

function callGame(url: UrlOptions, storage = persistent()) {
  return new GameController({
    scenarios: [compileInLanguage(theCall(), url.lang)],
    problems: [],
    storage,
    audio: silentAudio(),
    url,
    systemReducedMotion: false,
    randomSeed: () => 5,
  });
}

/** Every piece of text a section list puts on the screen. */
const allText = (sections: SectionModel[]) => sections.flatMap((s) => [s.heading, ...s.items.flatMap((i) => [i.text, i.marker ?? ''])]).join('\n');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

const REPORT = 'Report on the Trump–Maduro phone call (An online news report (the copy used names no publisher), 2025-11-30 or later)';

/** Plays to an ending, taking the first open choice each time. */
function playToEnd(ctl: GameController): void {
  for (let i = 0; i < 400 && ctl.model.screen.kind !== 'outcome'; i++) if (!ctl.continueOrFinish()) ctl.press(ctl.model.actions.find((a) => !a.disabled)!.id);
  if (ctl.model.screen.kind !== 'outcome') throw new Error(`no ending, on ${ctl.model.screen.kind}`);
}

describe('the briefing’s sources', () => {
  for (const role of ['us', 've'])
    it(`cites the report once, with its note, and ties each of ${role}’s facts to it by number`, () => {
      const s = callGame(link({ scenario: 'the-call', role })).model.screen;
      if (s.kind !== 'briefing') throw new Error(`on ${s.kind}`);
      const text = allText(s.sections);
      expect(count(text, REPORT)).toBe(1);
      const sources = s.sections.find((x) => x.id === 'sources')!;
      expect(sources.heading).toBe('Sources');
      expect(sources.items).toHaveLength(1);
      expect(sources.items[0]!.text).toBe(`[1] ${REPORT}`);
      // The caveats a class must not miss: unnamed sources, the report's own word "dictator", the 1991 misdating.
      expect(sources.items[0]!.marker).toMatch(/unnamed sources/);
      expect(sources.items[0]!.marker).toMatch(/"dictator" in its own voice/);
      expect(sources.items[0]!.marker).toMatch(/1991/);
      const facts = s.sections.find((x) => x.id === 'briefing')!.items;
      expect(facts.length).toBeGreaterThan(5);
      for (const f of facts) expect(f.marker).toBe('Source [1]');
      const goals = s.sections.find((x) => x.id === 'goals')!.items;
      for (const g of goals) expect(['Source [1]', 'Invented']).toContain(g.marker);
    });

  it('gives the note in Spanish, and the citation as published', () => {
    const s = callGame(link({ scenario: 'the-call', role: 'us', lang: 'es' })).model.screen;
    if (s.kind !== 'briefing') throw new Error(`on ${s.kind}`);
    const sources = s.sections.find((x) => x.id === 'sources')!;
    expect(sources.heading).toBe('Fuentes');
    expect(sources.items[0]!.text).toBe(`[1] ${REPORT}`);
    expect(sources.items[0]!.marker).toMatch(/fuentes anónimas/);
    expect(sources.items[0]!.marker).toMatch(/«dictador»/);
    expect(sources.items[0]!.marker).toMatch(/1991/);
    expect(s.sections.find((x) => x.id === 'briefing')!.items[0]!.marker).toBe('Fuente [1]');
  });
});

describe('the outcome’s sources and model', () => {
  for (const lang of [null, 'es'] as const)
    it(`lists every source with its note, and marks the values as the game’s model${lang ? ' (in Spanish)' : ''}`, () => {
      const ctl = callGame(link({ scenario: 'the-call', role: 'us', lang }));
      ctl.press('start');
      playToEnd(ctl);
      const s = ctl.model.screen;
      if (s.kind !== 'outcome') throw new Error();
      const sources = s.sections.find((x) => x.id === 'sources')!;
      expect(sources.heading).toBe(lang ? 'Fuentes' : 'Sources');
      expect(sources.items.map((i) => i.text)).toEqual([
        `[1] ${REPORT}`,
        '[2] Nicaragua: A Country Study (US Library of Congress, 1993)',
        "[3] Reports on Violeta Chamorro's inauguration (Los Angeles Times, 1990-04-26)",
        "[4] Report on Violeta Chamorro's inauguration (Chicago Tribune, 1990-04-26)",
      ]);
      expect(sources.items[0]!.marker).toMatch(lang ? /fuentes anónimas/ : /unnamed sources/);
      expect(sources.items.every((i) => i.marker !== null && i.marker.length > 20)).toBe(true);
      // The history refers to the list by number, and the list comes right after it.
      const ids = s.sections.map((x) => x.id);
      const history = s.sections.find((x) => x.id === 'history')!;
      expect(history.items[0]!.marker).toMatch(lang ? /^Fuente \[[1-4]\]$/ : /^Source \[[1-4]\]$/);
      expect(ids.indexOf('sources')).toBe(ids.indexOf('history') + 1);
      const zone = s.sections.find((x) => x.id === 'zone')!;
      const model = lang ? 'Modelo del juego' : 'The game’s model';
      expect(zone.items[1]!.text).toMatch(lang ? /modelo del juego.*No son las posiciones conocidas de los gobiernos reales/ : /game’s model, set by the scenario’s author for teaching\. They are not the known positions of the real governments/);
      const sides = zone.items.filter((i) => /Worth of the final package|Valor del acuerdo final/.test(i.text));
      expect(sides).toHaveLength(2);
      for (const side of sides) expect(side).toMatchObject({ marker: model, invented: true });
    });

  it('names the source of an ending that rests on the report, whichever ending it is', () => {
    const ctl = callGame(link({ scenario: 'the-call', role: 've' }));
    ctl.press('start');
    playToEnd(ctl);
    const s = ctl.model.screen;
    if (s.kind !== 'outcome') throw new Error();
    expect(allText(s.sections)).toMatch(/relies on unnamed sources/);
  });
});

describe('a promise on the table', () => {
  // The sentence names the side the promise is worth something to as a label, not mid-sentence, so a name like "Maduro's government" reads in both languages.
  for (const [lang, expected] of [
    [null, /a promise; worth to Maduro's government: \+4\.5 × \d+\/10 = \+[\d.]+, believed as far as the meter “Credibility of promises” allowed, at \d+ on a scale of 0 to 10/],
    ['es', /una promesa; valor para la parte «[^»]+»: \+4,5 × \d+\/10 = \+[\d,]+, creída en la medida en que lo permitía el indicador «[^»]+», en \d+ en una escala de 0 a 10/],
  ] as const)
    it(`is worked out in words and figures${lang ? ' in Spanish' : ''}`, () => {
      const ctl = callGame(link({ scenario: 'the-call', role: 've', lang }));
      ctl.press('start');
      playToEnd(ctl);
      const s = ctl.model.screen;
      if (s.kind !== 'outcome') throw new Error();
      const terms = s.sections.find((x) => x.id === 'terms')!;
      const safePassage = terms.items.find((i) => /×/.test(i.text) && /4[.,]5/.test(i.text));
      expect(safePassage?.text).toMatch(expected);
    });
});
