/**
 * Saved games: a save replays the player's moves, so it resumes exactly
 * where it was left; anything corrupt, tampered with, outdated or for
 * another scenario is refused with the reason, never half-loaded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SAVE_CHARS, MAX_SAVE_MOVES, readSave, resumeSave, serializeSave } from '../../src/engine/save.js';
import { NegotiationSession } from '../../src/engine/session.js';
import type { CallView } from '../../src/engine/view.js';
import { compileText, TINY } from './support.js';

const tiny = compileText(TINY);

/** A call part-way through: the offer made, the reply showing. */
function midCall() {
  const s = new NegotiationSession(tiny, { role: 'a', seed: 7 });
  s.advance();
  s.choose('offer');
  return s;
}

const saveWith = (edit: (save: { app: unknown; format: unknown; savedAt: unknown; record: Record<string, unknown> }) => void): string => {
  const save = JSON.parse(serializeSave(midCall()));
  edit(save);
  return JSON.stringify(save);
};

describe('round trip', () => {
  it('resumes at the same line, with the same meters, package and record', () => {
    const s = midCall();
    const text = serializeSave(s, new Date('2026-03-01T10:00:00Z'));
    const r = resumeSave(tiny, text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session.view.line?.id).toBe(s.view.line?.id);
    expect(r.session.view.line?.id).toBe('answer-calm');
    expect(r.session.view.meters).toEqual(s.view.meters);
    expect(r.session.snapshot.context.terms).toEqual({ bridge: 'shared' });
    expect(r.session.snapshot.value).toEqual(s.snapshot.value);
    expect(r.session.record()).toEqual(s.record());
    // And play goes on from there.
    expect(r.session.advance()).toBe(true);
    expect(r.session.view.beat).toBe('hello');
  });

  it('stores what it needs and when it was saved', () => {
    const save = JSON.parse(serializeSave(midCall(), new Date('2026-03-01T10:00:00Z')));
    expect(save).toEqual({
      app: 'backchannel',
      format: 1,
      savedAt: '2026-03-01T10:00:00.000Z',
      record: { scenario: 'tiny', contentHash: tiny.contentHash, role: 'a', seed: 7, moves: ['+', 'offer'] },
    });
  });

  it('replays quietly: the view hears nothing until the player moves', () => {
    const views: CallView[] = [];
    const r = resumeSave(tiny, serializeSave(midCall()), { onView: (v) => views.push(v) });
    expect(r.ok).toBe(true);
    expect(views).toEqual([]);
    if (r.ok) r.session.advance();
    expect(views).toHaveLength(1);
  });

  it('a save made at the start resumes at the start', () => {
    const r = resumeSave(tiny, serializeSave(new NegotiationSession(tiny, { role: 'b' })));
    expect(r.ok && r.session.view.line?.id).toBe('hello-1');
    expect(r.ok && r.session.role).toBe('b');
  });
});

describe('refused saves', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['nothing stored', null, 'corrupt', /missing/],
    ['not JSON', '{"app": "backchannel", "format": 1, "rec', 'corrupt', /not readable/],
    ['JSON of another app', JSON.stringify({ app: 'other', format: 1, record: {} }), 'corrupt', /not a Backchannel save/],
    ['a list instead of a save', '[1, 2, 3]', 'corrupt', /not a Backchannel save/],
    ['too large', `{"app":"backchannel","pad":"${'x'.repeat(MAX_SAVE_CHARS)}"}`, 'corrupt', /too large/],
    ['another save format', saveWith((s) => (s.format = 2)), 'outdated', /another version of Backchannel/],
    ['no record', saveWith((s) => (s.record = null as unknown as Record<string, unknown>)), 'corrupt', /no record/],
    ['a record missing its role', saveWith((s) => delete s.record['role']), 'corrupt', /incomplete/],
    ['a fractional seed', saveWith((s) => (s.record['seed'] = 1.5)), 'corrupt', /bad seed/],
    ['a negative seed', saveWith((s) => (s.record['seed'] = -1)), 'corrupt', /bad seed/],
    ['moves that are not move ids', saveWith((s) => (s.record['moves'] = ['+', 'DROP TABLE'])), 'corrupt', /bad moves/],
    ['a move that is not text', saveWith((s) => (s.record['moves'] = ['+', 3])), 'corrupt', /bad moves/],
    ['too many moves', saveWith((s) => (s.record['moves'] = Array(MAX_SAVE_MOVES + 1).fill('+'))), 'corrupt', /bad moves/],
    ['moves the call does not allow (tampered)', saveWith((s) => (s.record['moves'] = ['+', 'deal'])), 'corrupt', /move the call does not allow/],
    ['a choice before its line is over (tampered)', saveWith((s) => (s.record['moves'] = ['offer'])), 'corrupt', /move the call does not allow/],
    ['continuing past the ending (tampered)', saveWith((s) => (s.record['moves'] = ['+', 'warn', '+', '+'])), 'corrupt', /move the call does not allow/],
    ['made for another version of this scenario', saveWith((s) => (s.record['contentHash'] = '00000000')), 'outdated', /scenario has changed/],
    ['made for another scenario', saveWith((s) => (s.record['scenario'] = 'other')), 'other-scenario', /'other'/],
    ['a role the scenario does not have', saveWith((s) => (s.record['role'] = 'z')), 'corrupt', /role/],
  ];

  it.each(cases)('%s', (_name, text, problem, reason) => {
    const r = resumeSave(tiny, text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe(problem);
    expect(r.reason).toMatch(reason);
  });

  it('a save for an edited scenario is outdated, even with the same id', () => {
    const edited = compileText(TINY.replace('Shall we talk?', 'Shall we begin?'));
    const r = resumeSave(edited, serializeSave(midCall()));
    expect(r).toMatchObject({ ok: false, problem: 'outdated' });
  });

  it('readSave keeps the date short and reads nothing more than the record', () => {
    const r = readSave(saveWith((s) => (s.savedAt = 'x'.repeat(100))));
    expect(r.ok && r.save.savedAt).toBe('x'.repeat(40));
  });

  it('whatever the text, resuming answers ok or a reason and never throws', () => {
    const valid = serializeSave(midCall());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.tuple(fc.nat(valid.length), fc.nat(20), fc.string({ maxLength: 5 })).map(([at, cut, ins]) => valid.slice(0, at) + ins + valid.slice(at + cut)),
        ),
        (text) => {
          const r = resumeSave(tiny, text);
          if (r.ok) expect(r.session.view.scenarioId).toBe('tiny');
          else expect(r.reason.length).toBeGreaterThan(0);
          if (r.ok) r.session.stop();
        },
      ),
      { numRuns: 200 },
    );
  });
});
