/**
 * What the accessible panel says, as plain data: where each logged line
 * comes from, said exactly but seldom; the log held at breaking news; the
 * debrief's lists and move kinds in the reader's language; numbers written
 * as the reader's language writes them; and a press from the panel that
 * moves the call on while the canvas still types the line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debriefOf } from '../../src/engine/debrief.js';
import { wordNeedsNamed } from '../../src/engine/describe.js';
import { compileScenario } from '../../src/engine/machine.js';
import type { LogView } from '../../src/engine/view.js';
import { silentAudio } from '../../src/game/audio-port.js';
import { GameController } from '../../src/game/controller.js';
import { fill, num, signed, stringsFor, stringsIn } from '../../src/game/i18n.js';
import { langIn, logUntilNews, provenanceAt, sentence } from '../../src/game/mirror.js';
import { moveKinds, outcomeSections, quote, reasonWords } from '../../src/game/screens.js';
import { memoryStorage } from '../../src/game/storage.js';
import { readScenario } from '../../src/scenario/load.js';
import { tinyCompiled } from './support.js';

const line = (id: string, how: 'invented' | 'reported'): LogView => ({ kind: 'line', id, speaker: 'Envoy', text: 'Hello.', invented: how === 'invented', source: how === 'reported' ? 'Notes' : null });
const en = stringsFor('en').strings;
const es = stringsFor('es').strings;


/** tiny's first role, opened by its link, saving nowhere. */
function tinyGame(compiled = tinyCompiled()): GameController {
  return new GameController({
    scenarios: [compiled],
    problems: [],
    storage: memoryStorage(),
    audio: silentAudio(),
    url: { scenario: 'tiny', role: 'a', lang: null, seed: 7, ignored: [] },
    systemReducedMotion: false,
    randomSeed: () => 7,
  });
}

describe('where a logged line comes from', () => {
  it('says invented dialogue once where it starts, and every reported line each time', () => {
    const log: LogView[] = [
      line('a', 'invented'),
      line('b', 'invented'),
      { kind: 'choice', id: 'c', text: 'Go on.' },
      { kind: 'inject', id: 'n', headline: 'Storm', text: 'A storm hits.', invented: true, source: null, timeline: null },
      line('d', 'invented'),
      line('e', 'reported'),
      line('f', 'reported'),
      line('g', 'invented'),
      line('h', 'invented'),
    ];
    expect(log.map((_, i) => provenanceAt(log, i))).toEqual(['invented-from-here', null, null, null, null, 'reported', 'reported', 'invented-from-here', null]);
  });

  it('holds the log at breaking news until the player is back in the call', () => {
    const news: LogView = { kind: 'inject', id: 'storm', headline: 'Storm', text: 'A storm hits.', invented: false, source: 'Notes', timeline: null };
    const log: LogView[] = [line('a', 'invented'), { kind: 'choice', id: 'c', text: 'Warn.' }, news, line('b', 'invented')];
    const flash = [{ id: 'storm', headline: 'Storm', text: 'A storm hits.', source: { id: 'notes', title: 'Notes' }, invented: false, timeline: null }];
    expect(logUntilNews(log, flash).map((e) => e.id)).toEqual(['a', 'c', 'storm']);
    expect(logUntilNews(log, [])).toBe(log);
  });

  it('ends a text as a sentence only when it has no closing punctuation of its own', () => {
    expect(sentence('Resigns now')).toBe('Resigns now.');
    expect(sentence('Shall we talk?')).toBe('Shall we talk?');
    expect(sentence('“Fully closed.”')).toBe('“Fully closed.”');
  });
});

describe('a reason the game words for a scenario in a language it has no words in', () => {
  /** tiny written in French, whose deal has no reason of its author's, opened in the language `lang` asks for. */
  function frenchDeal(lang: string | null) {
    const r = readScenario(readFileSync(new URL('../fixtures/tiny-in-french.yaml', import.meta.url)), 'tiny-in-french.yaml');
    if (!r.scenario) throw new Error('tiny-in-french.yaml does not read');
    const ctl = new GameController({
      scenarios: [compileScenario(r.scenario)],
      problems: [],
      storage: memoryStorage(),
      audio: silentAudio(),
      url: { scenario: 'tiny-in-french', role: 'a', lang, seed: 7, ignored: [] },
      systemReducedMotion: false,
      randomSeed: () => 7,
    });
    ctl.press('start');
    for (let i = 0; i < 5 && ctl.callView?.phase !== 'choosing'; i++) ctl.press('continue', { panel: true });
    return ctl.model.actions.find((a) => a.id === 'choice:deal')!;
  }

  it('keeps the French names apart from the game’s English words, to be marked in French, and fills in to what the canvas shows', () => {
    const deal = frenchDeal(null);
    expect(deal).toMatchObject({ disabled: true, lang: 'fr', reasonLang: 'en', reason: 'Needs Confiance of 3 or more and Le pont: Partagé and after reaching "Pourparlers"' });
    expect(deal.reasonQuoted).toEqual({ template: 'Needs {q0} of 3 or more and {q1}: {q2} and after reaching "{q3}"', names: { q0: 'Confiance', q1: 'Le pont', q2: 'Partagé', q3: 'Pourparlers' } });
    expect(fill(deal.reasonQuoted!.template, deal.reasonQuoted!.names)).toBe(deal.reason);
  });

  it('in Spanish, the game’s Spanish words around the same French names', () => {
    const deal = frenchDeal('es');
    expect(deal).toMatchObject({ lang: 'fr', reasonLang: 'es', reason: 'Requiere Confiance de 3 o más y Le pont: Partagé y haber llegado a «Pourparlers»' });
    expect(deal.reasonQuoted!.names).toEqual({ q0: 'Confiance', q1: 'Le pont', q2: 'Partagé', q3: 'Pourparlers' });
  });

  it('a name that looks like a placeholder stays as written', () => {
    const phrases = stringsFor('en').strings.conditions;
    const q = wordNeedsNamed({ kind: 'all', parts: [{ kind: 'meter', meter: '{q1}', bounds: [{ op: 'gte', value: 2 }] }, { kind: 'chose', choice: 'Wait' }] }, phrases);
    expect(q).toEqual({ template: 'Needs {q0} of 2 or more and after choosing "{q1}"', names: { q0: '{q1}', q1: 'Wait' } });
    expect(fill(q.template, q.names)).toBe('Needs {q1} of 2 or more and after choosing "Wait"');
  });
});

describe('numbers and words of the debrief in the reader’s language', () => {
  it('writes decimals as the language does, with a true minus sign', () => {
    expect([signed(2.5), signed(2.5, 'es'), signed(-4.5, 'es'), signed(0, 'es'), num(2.7, 'es'), num(3, 'es')]).toEqual(['+2.5', '+2,5', '\u22124,5', '0', '2,7', '3']);
  });

  it('names the kinds of a move in a phrase, not bare tags, in English and in Spanish', () => {
    expect(moveKinds(['threaten'], en)).toBe('Kind of move: a threat');
    expect(moveKinds(['mediate', 'reassure'], en)).toBe('Kind of move: mediation and reassurance');
    expect(moveKinds(['ask'], es)).toBe('Tipo de jugada: una pregunta');
    expect(moveKinds(['propose', 'concede'], es)).toBe('Tipo de jugada: una propuesta y una concesión');
    expect(moveKinds([], es)).toBeNull();
  });

  it('lists what each option of a term was worth, one option an item, the numbers in the reader’s format', () => {
    const compiled = tinyCompiled();
    const ctl = tinyGame(compiled);
    ctl.press('start');
    ctl.continueOrFinish();
    ctl.press('choice:warn');
    const d = debriefOf(compiled, ctl.session!.snapshot.context);
    const terms = outcomeSections(compiled, d, es).find((x) => x.id === 'terms')!;
    expect(terms.items[0]!.list).toEqual({ label: 'Lo que valía cada opción:', items: ['Shared: Side A +3, Side B +2', 'Closed: Side A \u22122, Side B 0'] });
    const path = outcomeSections(compiled, d, es).find((x) => x.id === 'path')!;
    expect(path.items.map((i) => i.marker)).toEqual(['Tipo de jugada: una amenaza']);
    // The walk-away value moved by half a point of pressure a point: a decimal comma in Spanish.
    const zone = outcomeSections(compiled, d, es).find((x) => x.id === 'zone')!;
    expect(zone.items.map((i) => i.text).join(' ')).toMatch(/Valor de retirada: \+1 \(al principio: \+2\)/);
    expect(zone.items.map((i) => i.text).join(' ')).not.toMatch(/\d\.\d/);
  });
});

describe('a press from the panel', () => {
  it('moves the call on while the canvas still types the line, which the panel already shows in full', () => {
    const ctl = tinyGame();
    ctl.press('start');
    let finished = 0;
    ctl.setPresenter({ busy: () => true, finish: () => void finished++ });
    const first = ctl.callView!.log.length;
    // The canvas's Continue, and Enter outside the panel, first finish the line.
    ctl.press('continue');
    ctl.continueOrFinish();
    expect([finished, ctl.callView!.log.length]).toEqual([2, first]);
    // The panel's button, or Enter with focus in the panel, moves on: a listener hears the next line.
    ctl.press('continue', { panel: true });
    expect(ctl.callView!.log.length).toBe(first + 1);
    expect(finished).toBe(2);
  });
});

describe('which language each text is in', () => {
  it('a text is marked only where its language differs from the one around it', () => {
    expect(langIn('en', 'es')).toBe('en');
    expect(langIn('es', 'es')).toBeNull();
    expect(langIn('EN', 'en')).toBeNull();
    expect(langIn('es-VE', 'es')).toBe('es-VE');
    expect(langIn(undefined, 'es')).toBeNull();
  });

  it('reasons are worded in the scenario’s language where the game has words in it, else in the game’s', () => {
    expect(reasonWords('en', es)).toEqual({ lang: 'en', strings: en });
    expect(reasonWords('es-VE', en)).toEqual({ lang: 'es-VE', strings: es });
    expect(reasonWords('fr', es)).toEqual({ lang: 'es', strings: es });
    // A language a scenario names is data: no word of it reaches the table's prototype.
    expect(stringsIn('constructor')).toBeNull();
    expect(reasonWords('toString', en)).toEqual({ lang: 'en', strings: en });
  });

  it('a text of the game’s words keeps the scenario’s names apart, and fills in to what the canvas draws', () => {
    expect(quote(es.playAs, { role: 'Side A' })).toEqual({ text: 'Jugar como Side A', quoted: { template: 'Jugar como {role}', names: { role: 'Side A' } } });
    // A name that looks like a placeholder stays as written.
    expect(quote('{a} and {b}', { a: '{b}', b: 'x' }).text).toBe('{b} and x');
  });
});
