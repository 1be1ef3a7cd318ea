/**
 * A call in progress as a view drives it: moves that are refused change and
 * record nothing, accepted ones are recorded for saving, and the view hears
 * about every change and every sound cue.
 */
import { describe, expect, it } from 'vitest';
import { NegotiationSession, UnknownRoleError } from '../../src/engine/session.js';
import type { CallView } from '../../src/engine/view.js';
import { compile, compileText, TINY } from './support.js';

const tiny = compileText(TINY);

describe('moves', () => {
  it('a closed choice is refused, changes nothing and is not recorded', () => {
    const s = new NegotiationSession(tiny, { role: 'a' });
    s.advance();
    const before = s.view;
    expect(s.choose('deal')).toBe(false); // needs trust 3
    expect(s.choose('nonexistent')).toBe(false);
    expect(s.view).toBe(before);
    expect(s.record().moves).toEqual(['+']);
  });

  it('a choice before the last line is refused', () => {
    const s = new NegotiationSession(tiny, { role: 'a' });
    expect(s.choose('offer')).toBe(false);
    expect(s.view.line?.id).toBe('hello-1');
    expect(s.record().moves).toEqual([]);
  });

  it('continue while choosing is refused', () => {
    const s = new NegotiationSession(tiny, { role: 'a' });
    s.advance();
    expect(s.advance()).toBe(false);
    expect(s.record().moves).toEqual(['+']);
  });

  it('accepted moves are recorded in order with what replays them', () => {
    const s = new NegotiationSession(tiny, { role: 'b', seed: 42 });
    expect(s.advance()).toBe(true);
    expect(s.choose('warn')).toBe(true);
    expect(s.advance()).toBe(true);
    expect(s.record()).toEqual({ scenario: 'tiny', contentHash: tiny.contentHash, role: 'b', seed: 42, moves: ['+', 'warn', '+'] });
    expect(s.view.ending?.id).toBe('walkout');
    expect(s.advance()).toBe(false);
    expect(s.record().moves).toHaveLength(3);
  });

  it('chooseNumber takes the Nth shown choice, and refuses a closed or missing one', () => {
    const s = new NegotiationSession(tiny, { role: 'a' });
    s.advance();
    expect(s.chooseNumber(3)).toBe(false); // "Close the deal." is closed
    expect(s.chooseNumber(4)).toBe(false);
    expect(s.chooseNumber(0)).toBe(false);
    expect(s.chooseNumber(1)).toBe(true);
    expect(s.record().moves).toEqual(['+', 'offer']);
  });

  it('an unknown role is refused when the session starts', () => {
    expect(() => new NegotiationSession(tiny, { role: 'c' })).toThrow(UnknownRoleError);
    expect(() => new NegotiationSession(tiny, { role: 'c' })).toThrow(/no role 'c'/);
  });

  it('a beat that leads to itself starts over, showing its lines again', () => {
    const c = compile([
      `
      meters:
        - { id: patience, label: Patience, min: 0, max: 3, start: 3 }
      beats:
        - id: start
          effects: [{ meter: patience, add: -1 }]
          lines:
            - { id: one, speaker: envoy, text: Once more., invented: true }
            - { id: two, speaker: envoy, text: Again?, invented: true }
          choices:
            - { id: again, text: Again., next: start }
            - { id: stop, text: Stop., end: deal }
    `,
      `
      endings:
        - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
    `,
    ]);
    const s = new NegotiationSession(c, { role: 'a' });
    expect(s.view.meters[0]!.value).toBe(2);
    s.advance();
    expect(s.choose('again')).toBe(true);
    expect(s.view.line?.id).toBe('one');
    expect(s.view.phase).toBe('line');
    expect(s.view.meters[0]!.value).toBe(1);
    expect(s.view.log.filter((e) => e.kind === 'line').map((e) => e.id)).toEqual(['one', 'two', 'one']);
  });
});

describe('callbacks', () => {
  it('announce tells the view the opening line and its cue', () => {
    const views: CallView[] = [];
    const cues: string[] = [];
    const s = new NegotiationSession(tiny, { role: 'a' }, { onView: (v) => views.push(v), onCue: (c) => cues.push(c) });
    expect(views).toEqual([]);
    s.announce();
    expect(views.map((v) => v.line?.id)).toEqual(['hello-1']);
    expect(cues).toEqual(['ring']);
  });

  it('each accepted move redraws once and plays its cues; a refused move is silent', () => {
    const views: CallView[] = [];
    const cues: string[] = [];
    const s = new NegotiationSession(tiny, { role: 'a' }, { onView: (v) => views.push(v), onCue: (c) => cues.push(c) });
    s.advance();
    s.choose('deal');
    expect(views).toHaveLength(1);
    s.choose('warn'); // the storm breaks in
    expect(views).toHaveLength(2);
    expect(cues).toEqual(['choice', 'inject']);
    s.advance(); // the walkout ending plays its kind as a cue
    expect(views.at(-1)?.phase).toBe('ended');
    expect(cues.at(-1)).toBe('impasse');
  });

  it('a quiet move (used when replaying a save) is recorded but not announced', () => {
    const views: CallView[] = [];
    const s = new NegotiationSession(tiny, { role: 'a' }, { onView: (v) => views.push(v) });
    expect(s.send('+', true)).toBe(true);
    expect(views).toEqual([]);
    expect(s.view.phase).toBe('choosing');
    expect(s.record().moves).toEqual(['+']);
  });
});
