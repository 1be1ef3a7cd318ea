/**
 * A role link handed out in class (?scenario=…&role=…), loaded again on a
 * device that has a call of that role saved: the briefing offers to
 * continue it first, and to start afresh.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/machine.js';
import { silentAudio } from '../../src/game/audio-port.js';
import { GameController } from '../../src/game/controller.js';
import { saveKey } from '../../src/game/saves.js';
import { safeStorage, type SafeStorage } from '../../src/game/storage.js';
import type { UrlOptions } from '../../src/game/url.js';
import { tinyCompiled } from './support.js';

function persistent(map = new Map<string, string>()): SafeStorage {
  return safeStorage(() => ({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) }));
}

const link = (o: Partial<UrlOptions> = {}): UrlOptions => ({ scenario: null, role: null, lang: null, seed: 5, ignored: [], ...o });

describe('a role link and a saved call', () => {
  const tinyGame = (map: Map<string, string>, url: UrlOptions) =>
    new GameController({ scenarios: [tinyCompiled()], problems: [], storage: persistent(map), audio: silentAudio(), url, systemReducedMotion: false, randomSeed: () => 7 });

  it('offers to continue the saved call first, and Enter resumes it at the same line with the same meters', () => {
    const map = new Map<string, string>();
    const first = tinyGame(map, link({ scenario: 'tiny', role: 'a' }));
    expect(first.model.actions.map((a) => [a.id, a.label])).toEqual([['start', 'Start the call']]);
    first.press('start');
    first.continueOrFinish();
    first.press('choice:offer');
    const before = first.callView!;

    const again = tinyGame(map, link({ scenario: 'tiny', role: 'a' }));
    expect(again.model.screen.kind).toBe('briefing');
    expect(again.model.actions.map((a) => [a.id, a.label, a.kind])).toEqual([
      ['resume', "Continue the saved call (Side A's envoy)", 'continue'],
      ['start', 'Start a new call (the saved one is replaced)', 'primary'],
    ]);
    expect(again.continueOrFinish()).toBe(true);
    const after = again.callView!;
    expect(after.line?.id).toBe(before.line?.id);
    expect(after.meters).toEqual(before.meters);
    expect(after.log).toEqual(before.log);
    expect(again.model.notices.map((n) => n.id)).toContain('resumed');
  });

  it('starts afresh when asked, replacing the saved call', () => {
    const map = new Map<string, string>();
    const first = tinyGame(map, link({ scenario: 'tiny', role: 'a' }));
    first.press('start');
    first.continueOrFinish();
    first.press('choice:offer');
    const again = tinyGame(map, link({ scenario: 'tiny', role: 'a' }));
    again.press('start');
    expect(again.callView!.log.filter((e) => e.kind === 'choice')).toEqual([]);
    expect(JSON.parse(map.get(saveKey('tiny'))!).record.moves).toEqual([]);
  });

  it('does not offer a call saved in another role, nor in another scenario', () => {
    const map = new Map<string, string>();
    const first = tinyGame(map, link({ scenario: 'tiny', role: 'a' }));
    first.press('start');
    first.continueOrFinish();
    expect(tinyGame(map, link({ scenario: 'tiny', role: 'b' })).model.actions.map((a) => a.id)).toEqual(['start']);
    const other = new GameController({
      scenarios: [tinyCompiled(), compileScenario({ ...tinyCompiled().scenario, id: 'other' })],
      problems: [],
      storage: persistent(map),
      audio: silentAudio(),
      url: link({ scenario: 'other', role: 'a' }),
      systemReducedMotion: false,
      randomSeed: () => 7,
    });
    expect(other.model.actions.map((a) => a.id)).toEqual(['start']);
  });

  it('offers the saved outcome once that call has ended', () => {
    const map = new Map<string, string>();
    const first = tinyGame(map, link({ scenario: 'tiny', role: 'a' }));
    first.press('start');
    for (let i = 0; i < 60 && first.model.screen.kind === 'call'; i++) if (!first.continueOrFinish()) first.pressNumber(1);
    expect(first.model.screen.kind).toBe('outcome');
    const again = tinyGame(map, link({ scenario: 'tiny', role: 'a' }));
    expect(again.model.actions[0]!.label).toBe("See the saved outcome (Side A's envoy)");
    again.continueOrFinish();
    expect(again.model.screen.kind).toBe('outcome');
  });

  it('leaves the briefing picked on the title page as it was: the title page offers the saved call', () => {
    const map = new Map<string, string>();
    const first = tinyGame(map, link({ scenario: 'tiny', role: 'a' }));
    first.press('start');
    first.continueOrFinish();
    const title = tinyGame(map, link());
    expect(title.model.actions[0]!.id).toBe('resume');
    title.press('role:a');
    expect(title.model.actions.map((a) => a.id)).toEqual(['start']);
  });
});
