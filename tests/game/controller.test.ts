import { describe, expect, it } from 'vitest';
import { debriefOf } from '../../src/engine/debrief.js';
import { compileScenario } from '../../src/engine/machine.js';
import { initialContext, zoneOfAgreement } from '../../src/engine/model.js';
import { serializeSave } from '../../src/engine/save.js';
import { endingView } from '../../src/engine/view.js';
import { silentAudio } from '../../src/game/audio-port.js';
import { firstSentence, GameController, type ControllerOptions } from '../../src/game/controller.js';
import { stringsFor } from '../../src/game/i18n.js';
import { outcomeSections, shownHeader } from '../../src/game/screens.js';
import { saveKey, setAsideKey } from '../../src/game/saves.js';
import { SETTINGS_KEY } from '../../src/game/settings.js';
import { memoryStorage, safeStorage, type SafeStorage } from '../../src/game/storage.js';
import type { UrlOptions } from '../../src/game/url.js';
import { compileInLanguage } from '../../src/game/localize.js';
import { scenarioEntry, tinyCompiled } from './support.js';

const noUrl: UrlOptions = { scenario: null, role: null, lang: null, seed: null, ignored: [] };

function make(over: Partial<ControllerOptions> = {}) {
  const audio = silentAudio();
  const storage = over.storage ?? persistent();
  const ctl = new GameController({
    scenarios: [tinyCompiled()],
    problems: [],
    storage,
    audio,
    url: noUrl,
    systemReducedMotion: false,
    randomSeed: () => 7,
    now: () => new Date('2026-01-02T03:04:05Z'),
    ...over,
  });
  return { ctl, audio, storage };
}

/** A storage that says it persists, backed by a Map shared across "reloads". */
function persistent(map = new Map<string, string>()): SafeStorage {
  return safeStorage(() => ({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) }));
}

const ids = (ctl: GameController) => ctl.model.actions.map((a) => a.id);

describe('the game flow', () => {
  it('goes from title to briefing to the call and to an ending', () => {
    const { ctl, audio } = make();
    expect(ctl.model.screen.kind).toBe('title');
    expect(ids(ctl)).toEqual(['role:a', 'role:b']);
    expect(ctl.pressNumber(1)).toBe(true);
    expect(ctl.model.screen.kind).toBe('briefing');
    const brief = ctl.model.screen;
    if (brief.kind !== 'briefing') throw new Error();
    expect(brief.sections[0]!.items[0]).toMatchObject({ text: 'A wants the bridge.', invented: false });
    expect(brief.sections[0]!.items[0]!.marker).toBe('Source [1]');
    expect(brief.sections.at(-1)).toMatchObject({ id: 'sources', heading: 'Sources', items: [{ text: '[1] Made-up notes (Backchannel tests, 2026-01-01)' }] });
    expect(brief.sections[1]!.items[0]).toMatchObject({ marker: 'Invented', invented: true });
    expect(ctl.continueOrFinish()).toBe(true);
    const call = ctl.model.screen;
    if (call.kind !== 'call') throw new Error('not in the call');
    expect(call.view.line?.id).toBe('hello-1');
    expect(call.lineMarker).toBe('Invented dialogue');
    expect(audio.played).toContain('ring');
    expect(ids(ctl)).toEqual(['continue']);
    ctl.continueOrFinish();
    expect(ids(ctl)).toEqual(['choice:offer', 'choice:warn', 'choice:deal']);
    const deal = ctl.model.actions[2]!;
    expect(deal.disabled).toBe(true);
    expect(deal.reason).toBe('Needs trust of 3 or more');
    // A disabled action cannot be pressed, by id or number.
    expect(ctl.pressNumber(3)).toBe(false);
    expect(ctl.press('choice:offer')).toBe(true);
    expect(audio.played).toContain('choice');
    const after = ctl.model.screen;
    if (after.kind !== 'call') throw new Error();
    expect(after.view.meters.find((m) => m.id === 'trust')).toMatchObject({ value: 2, delta: 1 });
    ctl.continueOrFinish(); // answer -> hello
    ctl.continueOrFinish();
    ctl.press('choice:offer');
    ctl.continueOrFinish();
    ctl.continueOrFinish();
    expect(ctl.model.actions.find((a) => a.id === 'choice:deal')?.disabled).toBe(false);
    ctl.press('choice:deal');
    expect(ctl.model.screen.kind).toBe('outcome');
    const out = ctl.model.screen;
    if (out.kind !== 'outcome') throw new Error();
    expect(out.ending.id).toBe('deal');
    expect(out.kindLabel).toBe('Agreement');
    expect(out.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['meaning', 'zone', 'terms', 'path', 'concepts', 'meters']));
    expect(out.sides.map((s) => s.id)).toEqual(['a', 'b']);
    expect(audio.played).toContain('agreement');
    expect(ids(ctl)).toEqual(['again', 'other:b']);
    expect(ctl.model.canExport).toBe(true);
    const ex = ctl.exportResults();
    expect(ex?.fileName).toBe('backchannel-tiny-a-2026-01-02-03-04-05.json');
    const data = JSON.parse(ex!.json);
    expect(data).toMatchObject({ app: 'backchannel', role: 'a', seed: 7, scenario: { id: 'tiny' }, debrief: { ending: { id: 'deal' }, inZone: true } });
    expect(data.moves).toContain('deal');
    expect(data.player).toBeNull();
    // The transcript: every line said, the choices made and the ending, in order, as the log showed them.
    expect(data.transcript).toEqual(JSON.parse(JSON.stringify(ctl.session!.view.log)));
    expect(data.transcript.at(-1)).toMatchObject({ kind: 'ending', id: 'deal' });
    expect(data.transcript.filter((e: { kind: string }) => e.kind === 'line').length).toBeGreaterThan(1);
    // A name or group, once given, goes into the file and its name, so a teacher can tell results apart.
    ctl.setPlayer('  Équipe 4 / Ana & Luis ');
    expect(ctl.model.settings.player).toBe('Équipe 4 / Ana & Luis');
    const named = ctl.exportResults()!;
    expect(named.fileName).toBe('backchannel-tiny-a-Équipe-4-Ana-Luis-2026-01-02-03-04-05.json');
    expect(JSON.parse(named.json).player).toBe('Équipe 4 / Ana & Luis');
  });

  it('shows injects as a flash the player dismisses', () => {
    const { ctl } = make();
    ctl.press('role:a');
    ctl.press('start');
    ctl.continueOrFinish();
    ctl.press('choice:warn'); // pressure 2 -> the storm
    const s = ctl.model.screen;
    if (s.kind !== 'call') throw new Error();
    expect(s.flash.map((f) => f.id)).toEqual(['storm']);
    expect(ids(ctl)).toEqual(['dismiss-flash']);
    ctl.continueOrFinish();
    const s2 = ctl.model.screen;
    if (s2.kind !== 'call') throw new Error();
    expect(s2.flash).toEqual([]);
    expect(ids(ctl)).toEqual(['continue']);
  });

  it('keeps the part and turn the player left in the call’s header behind a news flash, and shows the new ones once it is dismissed', () => {
    const { ctl } = make();
    ctl.press('role:a');
    ctl.press('start');
    ctl.continueOrFinish();
    const left = ctl.model.screen;
    if (left.kind !== 'call') throw new Error();
    expect([left.part?.title, left.turn, left.subheading]).toEqual(['Opening', 0, 'Part: Opening · Turn 0']);
    ctl.press('choice:warn'); // on to the talks, and the storm breaks
    const behind = ctl.model.screen;
    if (behind.kind !== 'call') throw new Error();
    expect(behind.flash.map((f) => f.id)).toEqual(['storm']);
    // The move did change both: the header waits, not the call.
    expect([behind.view.part?.title, behind.view.turn]).toEqual(['Talks', 1]);
    expect([behind.part?.title, behind.turn, behind.subheading]).toEqual(['Opening', 0, 'Part: Opening · Turn 0']);
    ctl.close();
    const back = ctl.model.screen;
    if (back.kind !== 'call') throw new Error();
    expect([back.part?.title, back.turn, back.subheading]).toEqual(['Talks', 1, 'Part: Talks · Turn 1']);
  });

  it('shows the call’s own part and turn behind news when it knows none the player left', () => {
    const { ctl } = make();
    ctl.press('role:a');
    ctl.press('start');
    const s = ctl.model.screen;
    if (s.kind !== 'call') throw new Error();
    const storm = { id: 'storm', headline: 'Storm', text: 'A storm hits.', source: null, invented: false, timeline: null };
    const moved = { ...s.view, part: { id: 'talk', title: 'Talks' }, turn: 1 };
    expect(shownHeader(moved, [storm], null)).toEqual({ part: { id: 'talk', title: 'Talks' }, turn: 1 });
    expect(shownHeader(moved, [storm], { part: s.view.part, turn: 0 })).toEqual({ part: s.view.part, turn: 0 });
    expect(shownHeader(moved, [], { part: s.view.part, turn: 0 })).toEqual({ part: { id: 'talk', title: 'Talks' }, turn: 1 });
  });

  it('Escape closes a news flash and nothing else', () => {
    const { ctl } = make();
    ctl.press('role:a');
    ctl.press('start');
    expect(ctl.close()).toBe(false);
    expect(ids(ctl)).toEqual(['continue']);
    ctl.continueOrFinish();
    ctl.press('choice:warn');
    expect(ids(ctl)).toEqual(['dismiss-flash']);
    expect(ctl.close()).toBe(true);
    const s = ctl.model.screen;
    if (s.kind !== 'call') throw new Error();
    expect(s.flash).toEqual([]);
    expect(ids(ctl)).toEqual(['continue']);
  });

  it('Enter finishes the line being typed before it continues', () => {
    const { ctl } = make();
    ctl.press('role:a');
    ctl.press('start');
    let typing = true;
    ctl.setPresenter({ busy: () => typing, finish: () => (typing = false) });
    const line = ctl.callView?.line?.id;
    ctl.continueOrFinish();
    expect(typing).toBe(false);
    expect(ctl.callView?.line?.id).toBe(line);
    ctl.continueOrFinish();
    expect(ctl.callView?.line?.id).not.toBe(line);
  });

  it('opens the briefing from the URL, with the role asked for, and says when they do not exist', () => {
    const { ctl } = make({ url: { ...noUrl, scenario: 'tiny', role: 'b' } });
    const s = ctl.model.screen;
    expect(s.kind).toBe('briefing');
    if (s.kind === 'briefing') expect(s.heading).toContain("Side B's envoy");
    const bad = make({ url: { ...noUrl, scenario: 'nope', role: 'zz' } }).ctl;
    expect(bad.model.screen.kind).toBe('title');
    expect(bad.model.notices.map((n) => n.id)).toContain('unknown-scenario');
    // A role alone opens the briefing of the scenario the title shows, in that role.
    const roleOnly = make({ url: { ...noUrl, role: 'b' } }).ctl.model.screen;
    expect(roleOnly.kind).toBe('briefing');
    if (roleOnly.kind === 'briefing') expect(roleOnly.heading).toContain("Side B's envoy");
    // A value that is not an id is left out, and the page says so.
    const odd = make({ url: { ...noUrl, ignored: ['scenario'] } }).ctl;
    expect(odd.model.screen.kind).toBe('title');
    expect(odd.model.notices.find((n) => n.id === 'ignored-scenario')?.text).toBe('The address gives scenario= a value that is not an id (lowercase letters, digits, - and _), so it was left out.');
    const badRole = make({ url: { ...noUrl, scenario: 'tiny', role: 'zz' } }).ctl;
    expect(badRole.model.notices.map((n) => n.id)).toContain('unknown-role');
    // While authoring, a scenario that fails the check is not "unknown": the notice gives the checker's first error.
    const broken = make({ url: { ...noUrl, scenario: 'cuba-1962' }, problems: ['scenarios/cuba-1962.yaml:156:15: error BC301: no beat has the id \'talk\'', 'scenarios/cuba-1962.yaml:160:3: error BC301: x'] }).ctl;
    expect(broken.model.notices.find((n) => n.id === 'unknown-scenario')?.text).toBe(
      'There is no playable scenario called "cuba-1962". The scenario check found 2 error(s), which keep a file out of the game; the first: scenarios/cuba-1962.yaml:156:15: error BC301: no beat has the id \'talk\'',
    );
  });

  it('uses the URL seed and language', () => {
    const { ctl } = make({ url: { ...noUrl, seed: 99, lang: 'es' } });
    expect(ctl.uiLang).toBe('es');
    expect(ctl.model.strings.choicesLabel).toBe('Opciones');
    expect(ctl.model.contentLang).toBe('en');
    expect(ctl.model.notices.find((n) => n.id === 'language')?.text).toMatch(/inglés/);
    ctl.press('role:a');
    ctl.press('start');
    expect(ctl.session?.seed).toBe(99);
    // The kind of ending is the game's word, in the game's language, like the rest of its words.
    for (const step of ['continue', 'continue', 'choice:offer', 'continue', 'continue', 'choice:offer', 'continue', 'continue', 'choice:deal']) if (step === 'continue') ctl.continueOrFinish();
    else ctl.press(step);
    const out = ctl.model.screen;
    if (out.kind !== 'outcome') throw new Error(`not at the outcome but on ${out.kind}`);
    expect(out.kindLabel).toBe('Acuerdo');
  });

  it('opens on the flagship when it is there, and offers the other scenarios', () => {
    const tiny = tinyCompiled();
    const flag = compileScenario({ ...tiny.scenario, id: 'the-call', title: 'The Call' });
    const { ctl } = make({ scenarios: [tiny, flag] });
    const s = ctl.model.screen;
    expect(s.kind === 'title' && s.scenario?.id).toBe('the-call');
    expect(ids(ctl)).toEqual(['role:a', 'role:b', 'scenario:tiny']);
    ctl.press('scenario:tiny');
    const t = ctl.model.screen;
    expect(t.kind === 'title' && t.scenario?.id).toBe('tiny');
    expect(ids(ctl)).toEqual(['role:a', 'role:b', 'scenario:the-call']);
  });

  it('offers the example for scenario authors last, as an example, while an author’s copy under an id of its own is listed as any scenario', () => {
    const tiny = tinyCompiled();
    const example = compileScenario({ ...tiny.scenario, id: 'example-minimal', title: 'The Sill Bridge Toll' });
    const copy = compileScenario({ ...tiny.scenario, id: 'my-crisis', title: 'The Sill Bridge Toll' });
    const flag = compileScenario({ ...tiny.scenario, id: 'the-call', title: 'The Call' });
    const { ctl } = make({ scenarios: [example, copy, flag] });
    expect(ids(ctl)).toEqual(['role:a', 'role:b', 'scenario:my-crisis', 'scenario:example-minimal']);
    const [mine, ex] = ctl.model.actions.slice(2);
    expect(mine).toMatchObject({ label: 'Open scenario: The Sill Bridge Toll', detail: firstSentence(tiny.scenario.summary) });
    expect(ex).toMatchObject({ label: 'Example for scenario authors: The Sill Bridge Toll', detail: 'Invented, to show how a scenario file is written. Not part of the lesson.' });
    // In Spanish too.
    const es = make({ scenarios: [example, flag], url: { ...noUrl, lang: 'es' } }).ctl;
    expect(es.model.actions.at(-1)!.label).toBe('Ejemplo para autores de escenarios: The Sill Bridge Toll');
    // Without the flagship the title opens on the author's own scenario, not on the example that sorts first.
    const own = make({ scenarios: [example, copy] }).ctl;
    const s = own.model.screen;
    expect(s.kind === 'title' && s.scenario?.id).toBe('my-crisis');
    // A link still opens the example.
    const link = make({ scenarios: [example, flag], url: { ...noUrl, scenario: 'example-minimal' } }).ctl;
    expect(link.model.screen).toMatchObject({ kind: 'briefing', subheading: 'The Sill Bridge Toll' });
  });

  it('describes another scenario by its first sentence', () => {
    expect(firstSentence('Two towns. A bridge.')).toBe('Two towns.');
    expect(firstSentence('No stop here')).toBe('No stop here');
  });

  it('shows the problem when no scenario can be played', () => {
    const { ctl } = make({ scenarios: [], problems: ['scenarios/x.yaml:1:1: error BC100: The file is empty.'] });
    const s = ctl.model.screen;
    expect(s.kind).toBe('problem');
    if (s.kind === 'problem') expect(s.problems[0]).toContain('BC100');
    expect(ctl.model.actions).toEqual([]);
  });

  it('says the scenarios could not be loaded, with why, and offers to try again', () => {
    let reloads = 0;
    const { ctl } = make({ scenarios: [], problems: ['./assets/scenarios-x.json: the server answered HTTP 404 Not Found'], loadFailed: true, reload: () => reloads++ });
    const s = ctl.model.screen;
    if (s.kind !== 'problem') throw new Error(`on ${s.kind}`);
    expect(s.heading).toBe('The scenarios could not be loaded');
    expect(s.intro).toMatch(/could not load its scenario file/);
    expect(s.problems).toEqual(['./assets/scenarios-x.json: the server answered HTTP 404 Not Found']);
    expect(ids(ctl)).toEqual(['reload']);
    expect(ctl.model.actions[0]!.label).toBe('Try again');
    expect(ctl.pressNumber(1)).toBe(true);
    expect(reloads).toBe(1);
  });
});

describe('saves', () => {
  it('resumes at the same line with the same meters after a reload', () => {
    const map = new Map<string, string>();
    const first = make({ storage: persistent(map) }).ctl;
    first.press('role:a');
    first.press('start');
    first.continueOrFinish();
    first.press('choice:offer');
    const before = first.callView!;
    expect(map.get(saveKey('tiny'))).toBeTruthy();

    const second = make({ storage: persistent(map) }).ctl;
    expect(ids(second)[0]).toBe('resume');
    expect(second.model.actions[0]!.label).toContain("Side A's envoy");
    // Enter continues the saved call.
    expect(second.continueOrFinish()).toBe(true);
    const after = second.callView!;
    expect(after.line?.id).toBe(before.line?.id);
    expect(after.meters).toEqual(before.meters);
    expect(after.log).toEqual(before.log);
    expect(second.model.notices.map((n) => n.id)).toContain('resumed');
  });

  it('sets a corrupt or tampered save aside with a notice and still starts a new game', () => {
    for (const text of ['{not json', JSON.stringify({ app: 'backchannel', format: 1, record: { scenario: 'tiny', contentHash: tinyCompiled().contentHash, role: 'a', seed: 1, moves: ['deal'] } })]) {
      const map = new Map<string, string>([[saveKey('tiny'), text]]);
      const { ctl } = make({ storage: persistent(map) });
      expect(ids(ctl)).toEqual(['role:a', 'role:b']);
      expect(ctl.model.notices.some((n) => n.id === 'set-aside:tiny' && n.tone === 'warning')).toBe(true);
      expect(map.get(saveKey('tiny'))).toBeUndefined();
      expect(map.get(setAsideKey('tiny'))).toBe(text);
      ctl.press('role:a');
      ctl.press('start');
      expect(ctl.model.screen.kind).toBe('call');
    }
  });

  it('sets aside a save of another version of the scenario', () => {
    const c = tinyCompiled();
    const map = new Map<string, string>();
    const { ctl } = make({ storage: persistent(map) });
    ctl.press('role:a');
    ctl.press('start');
    const text = serializeSave(ctl.session!).replace(c.contentHash, '00000000');
    map.set(saveKey('tiny'), text);
    const again = make({ storage: persistent(map) }).ctl;
    expect(again.model.notices.find((n) => n.id === 'set-aside:tiny')?.text).toBe(
      'Your saved call could not be resumed (it was saved by another version of the game or of the scenario). It was set aside, and you can start a new game.',
    );
    // In Spanish, all of it: the engine's English reason stays out of the notice.
    map.set(saveKey('tiny'), text);
    const es = make({ storage: persistent(map), url: { scenario: null, role: null, lang: 'es', seed: 7, ignored: [] } }).ctl;
    expect(es.model.notices.find((n) => n.id === 'set-aside:tiny')?.text).toBe(
      'No se pudo reanudar tu llamada guardada (se guardó con otra versión del juego o del escenario). Se ha apartado y puedes empezar una partida nueva.',
    );
  });

  it('offers the saved outcome once a call has ended', () => {
    const map = new Map<string, string>();
    const { ctl } = make({ storage: persistent(map) });
    ctl.press('role:a');
    ctl.press('start');
    ctl.continueOrFinish();
    ctl.press('choice:warn');
    ctl.continueOrFinish(); // dismiss the storm
    ctl.continueOrFinish(); // that was a threat -> walkout or hello
    while (ctl.model.screen.kind === 'call') if (!ctl.continueOrFinish()) ctl.pressNumber(1);
    const again = make({ storage: persistent(map) }).ctl;
    expect(again.model.actions[0]!.label).toMatch(/saved outcome/);
    again.press('resume');
    expect(again.model.screen.kind).toBe('outcome');
  });

  it('plays without storage, and says the call will not be kept', () => {
    const { ctl } = make({ storage: memoryStorage() });
    expect(ctl.model.notices.map((n) => n.id)).toContain('no-storage');
    ctl.press('role:a');
    ctl.press('start');
    expect(ctl.model.screen.kind).toBe('call');
  });
});

describe('settings', () => {
  it('remembers mute, volume, text speed and reduced motion', () => {
    const map = new Map<string, string>();
    const { ctl, audio } = make({ storage: persistent(map) });
    ctl.toggleMute();
    expect(audio.muted).toBe(true);
    ctl.setTextSpeed('fast');
    ctl.setReducedMotion(true);
    expect(ctl.model.reducedMotion).toBe(true);
    expect(JSON.parse(map.get(SETTINGS_KEY)!)).toMatchObject({ muted: true, textSpeed: 'fast', reducedMotion: true });
    const again = make({ storage: persistent(map) });
    expect(again.ctl.model.settings.muted).toBe(true);
    expect(again.audio.muted).toBe(true);
    again.ctl.setVolume(0.5);
    expect(again.ctl.model.settings).toMatchObject({ volume: 0.5, muted: false });
  });

  it('follows the system reduced-motion preference until the player sets it', () => {
    const { ctl } = make({ systemReducedMotion: true });
    expect(ctl.model.reducedMotion).toBe(true);
    ctl.setReducedMotion(false);
    expect(ctl.model.reducedMotion).toBe(false);
    ctl.setSystemReducedMotion(true);
    expect(ctl.model.reducedMotion).toBe(false);
  });
});

describe('the debrief in words', () => {
  const compiled = tinyCompiled();
  const s = compiled.scenario;
  const meters = Object.fromEntries((s.meters ?? []).map((m) => [m.id, m.start]));
  const d = debriefOf(compiled, initialContext(compiled.index, s.roles[0]!.id, 1));

  it('tells how many packages every side would accept, of how many there are', () => {
    const zone = outcomeSections(compiled, d, stringsFor('en').strings).find((x) => x.id === 'zone')!;
    const z = zoneOfAgreement(compiled.index, meters);
    expect(z.partial).toBe(false);
    expect(zone.items.map((i) => i.text)).toContain(`At the start, ${z.size} of the ${z.total} possible packages (every mix of options on the terms that can stand together) were acceptable to every side.`);
  });

  it('makes the zone concrete with a package both sides would have accepted', () => {
    const z = zoneOfAgreement(compiled.index, meters);
    expect(z.best.length).toBeGreaterThan(0);
    const zone = outcomeSections(compiled, d, stringsFor('en').strings).find((x) => x.id === 'zone')!;
    const example = zone.items.map((i) => i.text).find((x) => x.startsWith('For example, both sides would have accepted this at the end:'))!;
    for (const [termId, option] of Object.entries(z.best[0]!.terms)) {
      const term = s.terms!.find((x) => x.id === termId)!;
      if (option === null) expect(example).not.toContain(term.label);
      else expect(example).toContain(`${term.label}: ${term.options.find((o) => o.id === option)!.label}`);
    }
    for (const side of s.sides) expect(example).toContain(side.name);
    // No zone, no example.
    const none = { ...d, zoneAtStart: { ...d.zoneAtStart, best: [] }, zoneAtEnd: { ...d.zoneAtEnd, best: [] } };
    expect(outcomeSections(compiled, none, stringsFor('en').strings).find((x) => x.id === 'zone')!.items.some((i) => i.text.includes('For example'))).toBe(false);
  });

  it('says plainly when the call ended without a deal though both sides would have accepted the package on the table', () => {
    const unclosed = /yet the call ended without a deal\. A zone of agreement makes a deal possible, not certain/;
    const said = (kind: string, inZone: boolean) => {
      const ending = endingView(compiled.index, s.endings.find((x) => x.kind === kind)!.id);
      return outcomeSections(compiled, { ...d, ending, inZone }, stringsFor('en').strings)
        .find((x) => x.id === 'zone')!
        .items.some((i) => unclosed.test(i.text));
    };
    expect(said('impasse', true)).toBe(true);
    expect(said('impasse', false)).toBe(false);
    expect(said('agreement', true)).toBe(false);
    // In Spanish too.
    const ending = endingView(compiled.index, s.endings.find((x) => x.kind === 'impasse')!.id);
    const es = outcomeSections(compiled, { ...d, ending, inZone: true }, stringsFor('es').strings).find((x) => x.id === 'zone')!;
    expect(es.items.some((i) => i.text.startsWith('Ambas partes habrían aceptado el paquete'))).toBe(true);
  });

  it('shows the author\'s notes on lines said in the call, each with the line it is about', () => {
    const en = stringsFor('en').strings;
    const long = 'The president asks again whether the army would answer to an elected government, and when that would begin.';
    const withNotes = { ...d, notes: [{ line: 'x', speaker: 'The envoy', text: long, note: 'Ask pupils why this matters.' }] };
    const notes = outcomeSections(compiled, withNotes, en).find((x) => x.id === 'notes')!;
    expect(notes.heading).toBe('Notes on what was said');
    expect(notes.items).toEqual([
      {
        text: 'Ask pupils why this matters.',
        marker: 'On what The envoy said: “The president asks again whether the army would answer to an elected…”',
        markerQuoted: { template: 'On what {speaker} said: “{line}”', names: { speaker: 'The envoy', line: 'The president asks again whether the army would answer to an elected…' } },
        invented: false,
      },
    ]);
    // A call that said no noted line has no such section.
    expect(outcomeSections(compiled, d, en).some((x) => x.id === 'notes')).toBe(false);
  });

  it('says which mixes of options the counts leave out, and why, in the reader\'s language', () => {
    const entry = scenarioEntry('scenarios/the-call.yaml', 'scenarios/the-call.es.yaml');
    const zoneIn = (lang: 'en' | 'es') => {
      const call = compileInLanguage(entry, lang);
      const debrief = debriefOf(call, initialContext(call.index, 'us', 1));
      return outcomeSections(call, debrief, stringsFor(lang).strings).find((x) => x.id === 'zone')!.items.find((i) => i.list)!;
    };
    const en = zoneIn('en');
    expect(en.text).toBe('These counts leave out, as incoherent, every package holding options that no negotiator could propose together (the game’s model).');
    expect(en.list!.items).toContain('Resigns now + Kept by Maduro: A leader who resigns now gives up his office, and with it command of the armed forces, so he cannot also keep control of them.');
    expect(en.list!.items).toHaveLength(3);
    const es = zoneIn('es');
    expect(es.text).toContain('dejan fuera, por incoherente');
    expect(es.list!.items).toContain('Entrega el poder tras una elección + Sin elecciones: Entregar el poder tras una elección exige una elección: no cabe sin elecciones.');
    // A scenario with no exclusions says nothing of them.
    expect(outcomeSections(compiled, d, stringsFor('en').strings).find((x) => x.id === 'zone')!.items.some((i) => i.list)).toBe(false);
  });

  it('says "at least" when the count stopped short, in the reader\'s language and number format', () => {
    const cut = { ...d, zoneAtEnd: { ...d.zoneAtEnd, size: 4200, total: 3 ** 20, considered: 1_234_567, partial: true } };
    const en = outcomeSections(compiled, cut, stringsFor('en').strings).find((x) => x.id === 'zone')!;
    expect(en.items.map((i) => i.text)).toContain('At the end, at least 4,200 of 3,486,784,401 possible packages were acceptable to every side (the count stopped after 1,234,567).');
    const es = outcomeSections(compiled, cut, stringsFor('es').strings).find((x) => x.id === 'zone')!;
    expect(es.items.map((i) => i.text).join(' ')).toContain('al menos 4200 de 3.486.784.401');
  });
});
