/**
 * What a player sees: lines one by one with their speaker and provenance,
 * choices after the last line with reasons when closed, replies that depend
 * on the state, news flashes for exactly one event, and the ending.
 */
import { describe, expect, it } from 'vitest';
import { debriefOf } from '../../src/engine/debrief.js';
import { NegotiationSession } from '../../src/engine/session.js';
import { viewOf } from '../../src/engine/view.js';
import type { Condition } from '../../src/scenario/schema.js';
import { conditionText, ENGLISH_CONDITION_PHRASES, wordCondition, wordReason, type ConditionPhrases } from '../../src/engine/describe.js';
import { checkScenario } from '../../src/engine/check.js';
import { compile, compileText, scenarioText, start, TINY } from './support.js';

const ENDINGS = `
  endings:
    - { id: deal, title: Deal, kind: agreement, summary: They agreed., debrief: Both gained. }
    - { id: walkout, title: Walkout, kind: impasse, summary: Nobody agreed., debrief: No zone. }
`;
const DEAL_ONLY = ENDINGS.replace(/\n.*walkout.*\n/, '\n');
const RICH_ENDINGS = ENDINGS.replace('debrief: Both gained. }', 'debrief: Both gained., concepts: [batna], history: { text: It really happened., source: notes } }');

describe('lines', () => {
  const compiled = compile([`
    concepts:
      - { id: batna, name: BATNA, text: Your best alternative. }
    beats:
      - id: start
        part: open
        lines:
          - { id: one, speaker: envoy, text: First., source: notes }
          - { id: two, speaker: envoy, text: Second., invented: true }
          - { id: three, speaker: envoy, text: Third., invented: true }
        choices:
          - { id: agree, text: Agree., tags: [concede], end: deal }
          - { id: leave, text: Leave., end: walkout }
  `, RICH_ENDINGS]);

  it('advance one by one, each with its speaker, text and provenance', () => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    expect(s.view.phase).toBe('line');
    expect(s.view.part).toEqual({ id: 'open', title: 'Opening' });
    expect(s.view.line).toEqual({
      id: 'one',
      speaker: { id: 'envoy', name: 'The envoy', title: 'Invented character', side: undefined, portrait: 'envoy' },
      text: 'First.',
      source: { id: 'notes', title: 'Notes', publisher: 'Tests' },
      invented: false,
    });
    expect(s.view.canAdvance).toBe(true);
    expect(s.view.choices).toEqual([]);
    expect(s.advance()).toBe(true);
    expect(s.view.line).toMatchObject({ id: 'two', text: 'Second.', source: null, invented: true });
    expect(s.view.choices).toEqual([]);
    expect(s.advance()).toBe(true);
    expect(s.view.line?.id).toBe('three');
  });

  it('choices appear only with the last line, and continuing no longer moves on', () => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    s.advance();
    expect(s.view.phase).toBe('line');
    s.advance();
    expect(s.view.phase).toBe('choosing');
    expect(s.view.canAdvance).toBe(false);
    expect(s.view.line?.id).toBe('three');
    expect(s.view.choices).toEqual([
      { id: 'agree', number: 1, text: 'Agree.', available: true, reason: '', why: null, tags: ['concede'] },
      { id: 'leave', number: 2, text: 'Leave.', available: true, reason: '', why: null, tags: [] },
    ]);
    expect(s.advance()).toBe(false);
    expect(s.view.line?.id).toBe('three');
  });

  it('the log lists the lines shown, the choice and the ending; the ending view has its concepts and history', () => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    s.advance();
    s.advance();
    expect(s.choose('agree')).toBe(true);
    expect(s.view.phase).toBe('ended');
    expect(s.view.line).toBeNull();
    expect(s.view.canAdvance).toBe(false);
    expect(s.view.log).toEqual([
      { kind: 'line', id: 'one', speaker: 'The envoy', text: 'First.', invented: false, source: 'Notes' },
      { kind: 'line', id: 'two', speaker: 'The envoy', text: 'Second.', invented: true, source: null },
      { kind: 'line', id: 'three', speaker: 'The envoy', text: 'Third.', invented: true, source: null },
      { kind: 'choice', id: 'agree', text: 'Agree.' },
      { kind: 'ending', id: 'deal', title: 'Deal' },
    ]);
    expect(s.view.ending).toEqual({
      id: 'deal',
      title: 'Deal',
      kind: 'agreement',
      summary: 'They agreed.',
      debrief: 'Both gained.',
      concepts: [{ id: 'batna', name: 'BATNA', text: 'Your best alternative.' }],
      history: { text: 'It really happened.', source: 'Notes', also: [] },
    });
    expect(s.view.turn).toBe(1);
  });
});

describe('authors\' notes on lines', () => {
  const compiled = compile([`
    beats:
      - id: start
        lines:
          - { id: ask, speaker: envoy, text: Shall we talk again?, invented: true, note: A repeated question; ask pupils what changed. }
          - { id: plain, speaker: envoy, text: Well?, invented: true }
        choices:
          - { id: again, text: Again., next: start }
          - { id: agree, text: Agree., next: close }
          - { id: leave, text: Leave., next: gone }
      - id: close
        lines: [{ id: closing, speaker: envoy, text: Done., invented: true, note: Never heard on the walkout path. }]
        choices:
          - { id: sign, text: Sign., end: deal }
      - id: gone
        lines: [{ id: unheard, speaker: envoy, text: Never said., invented: true, note: Not on the path played. }]
        choices: [{ id: out, text: Out., end: walkout }]
  `, ENDINGS]);
  const play = (moves: string[]) => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    for (const m of moves) {
      while (s.view.phase === 'line' && s.advance());
      s.choose(m);
    }
    return debriefOf(compiled, s.snapshot.context);
  };

  it('reach the debrief for the lines that were said, once each, in order', () => {
    expect(play(['again', 'again', 'agree', 'sign']).notes).toEqual([
      { line: 'ask', speaker: 'The envoy', text: 'Shall we talk again?', note: 'A repeated question; ask pupils what changed.' },
      { line: 'closing', speaker: 'The envoy', text: 'Done.', note: 'Never heard on the walkout path.' },
    ]);
  });
});

describe('unavailable choices', () => {
  const compiled = compile([`
    meters:
      - { id: trust, label: Trust, min: 0, max: 5, start: 1 }
      - { id: us, label: US support, min: 0, max: 5, start: 0 }
    beats:
      - id: start
        lines: [{ id: ask, speaker: envoy, text: Well?, invented: true }]
        choices:
          - { id: warm, text: Warm up., effects: [{ meter: trust, add: 2 }], next: start }
          - { id: authored, text: Close., when: { meter: trust, gte: 3 }, unavailable: You need their trust first, end: deal }
          - { id: generated, text: Close now., when: { meter: trust, gte: 3 }, hide: false, end: deal }
          - { id: secret, text: Secret deal., when: { meter: trust, gte: 3 }, hide: true, end: deal }
          - { id: backed, text: With backing., when: { meter: us, gte: 1 }, hide: false, end: deal }
          - { id: leave, text: Leave., end: walkout }
  `, ENDINGS]);

  it('are listed greyed out with the author’s reason; hidden ones are left out and numbers stay consecutive', () => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    const byId = Object.fromEntries(s.view.choices.map((c) => [c.id, c]));
    expect(s.view.choices.map((c) => [c.id, c.number, c.available])).toEqual([
      ['warm', 1, true],
      ['authored', 2, false],
      ['generated', 3, false],
      ['backed', 4, false],
      ['leave', 5, true],
    ]);
    expect(byId['authored']!.reason).toBe('You need their trust first');
    expect(byId['warm']!.reason).toBe('');
  });

  it('without an authored reason, one is made from the condition', () => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    const reason = s.view.choices.find((c) => c.id === 'generated')!.reason;
    expect(reason).toMatch(/^Needs /);
    expect(reason.toLowerCase()).toBe('needs trust of 3 or more');
  });

  // A label is shown as the author wrote it: lower-casing its first letter
  // would turn "US support" into "uS support".
  it('the generated reason keeps the meter label as written ("Needs Trust of 3 or more", "Needs US support of 1 or more")', () => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    expect(s.view.choices.find((c) => c.id === 'generated')!.reason).toBe('Needs Trust of 3 or more');
    expect(s.view.choices.find((c) => c.id === 'backed')!.reason).toBe('Needs US support of 1 or more');
  });

  it('give their reason as data too, so that a view can word it in the player’s language', () => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    const byId = Object.fromEntries(s.view.choices.map((c) => [c.id, c]));
    expect(byId['authored']!.why).toEqual({ authored: 'You need their trust first' });
    expect(byId['generated']!.why).toEqual({ needs: { kind: 'meter', meter: 'Trust', bounds: [{ op: 'gte', value: 3 }] } });
    expect(byId['warm']!.why).toBeNull();
    const spanish: ConditionPhrases = { ...ENGLISH_CONDITION_PHRASES, needs: 'Requiere {condition}', bounds: { ...ENGLISH_CONDITION_PHRASES.bounds, gte: 'de {n} o más' } };
    expect(wordReason(byId['generated']!.why, spanish)).toBe('Requiere Trust de 3 o más');
    // The author's words are theirs, in whatever language the scenario was compiled in.
    expect(wordReason(byId['authored']!.why, spanish)).toBe('You need their trust first');
    expect(wordReason(byId['generated']!.why, ENGLISH_CONDITION_PHRASES)).toBe(byId['generated']!.reason);
  });

  it('open up (and hidden ones appear) once the condition holds; choosing a closed one does nothing', () => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    expect(s.choose('secret')).toBe(false);
    expect(s.choose('authored')).toBe(false);
    expect(s.choose('warm')).toBe(true);
    expect(s.view.choices.map((c) => [c.id, c.available])).toEqual([
      ['warm', true],
      ['authored', true],
      ['generated', true],
      ['secret', true],
      ['backed', false],
      ['leave', true],
    ]);
    expect(s.view.choices.find((c) => c.id === 'authored')!.reason).toBe('');
    expect(s.choose('secret')).toBe(true);
    expect(s.view.ending?.id).toBe('deal');
  });
});

describe('conditions in words', () => {
  const tiny = compileText(TINY);
  const every: Condition = {
    all: [
      { meter: 'trust', gte: 2, lte: 4 },
      { any: [{ flag: 'warned' }, { flag: 'warned', is: false }] },
      { not: { term: 'bridge', in: ['shared', 'open'] } },
      { term: 'bridge' },
      { term: 'bridge', is: 'closed' },
      { acceptable: 'b' },
      { value: 'a', gt: 2.5 },
      { visited: 'answer' },
      { chose: 'offer' },
      { role: 'a' },
    ],
  };

  it('in English, as tools and the game in English give them', () => {
    expect(wordCondition(conditionText(every, tiny.index), ENGLISH_CONDITION_PHRASES)).toBe(
      [
        'Trust of 2 or more and of 4 or less',
        'A warning was given. or not: A warning was given.',
        'not (The bridge: Shared or still open)',
        'The bridge settled',
        'The bridge: Closed',
        'a package Side B can accept',
        "the deal's worth to Side A above 2.5",
        'after reaching "Talks"',
        'after choosing "Offer to share the bridge."',
        "playing Side A's envoy",
      ].join(' and '),
    );
  });

  // A beat has no name a player ever sees: it is told by its first line, else its part, else as a moment to come.
  it('a visited beat is told by what the player heard in it, never by its id', () => {
    const said = (beats: string) =>
      compileText(
        TINY.replace(/^beats:[\s\S]*?^endings:/m, `beats:\n${beats}\nendings:`),
      ).index;
    const words = (beat: string, idx = tiny.index) => wordReason({ needs: conditionText({ visited: beat }, idx) }, ENGLISH_CONDITION_PHRASES);
    expect(words('hello')).toBe('Needs after "Hello."');
    // Two replies: the player heard one of them, so neither is quoted; the beat's part is.
    expect(words('answer')).toBe('Needs after reaching "Talks"');
    const long = said(`  - id: hello
    lines: [{ id: l1, speaker: envoy, text: "We have been over the bridge question many times, and each time the toll came back to haunt us.", invented: true }]
    choices: [{ id: go, text: Go., next: quiet }, { id: stop, text: Stop., when: { visited: quiet }, end: deal }]
  - id: quiet
    replies: [{ lines: [{ id: r1, speaker: envoy, text: Fine., invented: true }] }]
    next: bare
  - id: bare
    choices: [{ id: end, text: End., end: walkout }]`);
    expect(words('hello', long)).toBe('Needs after "We have been over the bridge question many times, and each…"');
    expect(words('quiet', long)).toBe('Needs after "Fine."');
    expect(words('bare', long)).toBe('Needs a later point in the call');
    expect(words('bare', long)).not.toContain('bare');
  });

  it('with every word from the phrasebook, and the scenario’s names and the numbers from the call', () => {
    const marked = (s: string) => `<${s}>`;
    const phrases: ConditionPhrases = {
      needs: marked('needs {condition}'),
      and: ' & ',
      or: ' | ',
      not: marked('not {condition}'),
      meter: marked('meter {meter} {bounds}'),
      value: marked('value {side} {bounds}'),
      bounds: { gte: '≥{n}', lte: '≤{n}', gt: '>{n}', lt: '<{n}', eq: '={n}', ne: '≠{n}' },
      flag: marked('flag {flag}'),
      notFlag: marked('unflag {flag}'),
      term: marked('term {term} {options}'),
      termSettled: marked('settled {term}'),
      termOpen: marked('open'),
      acceptable: marked('acceptable {side}'),
      visited: marked('heard {line}'),
      visitedPart: marked('reached {part}'),
      visitedAny: marked('later'),
      chose: marked('chose {choice}'),
      role: marked('role {role}'),
    };
    const decimalComma = (n: number) => String(n).replace('.', ',');
    expect(wordCondition(conditionText(every, tiny.index), phrases, decimalComma)).toBe(
      [
        '<meter Trust ≥2 & ≤4>',
        '<flag A warning was given.> | <unflag A warning was given.>',
        '<not <term The bridge Shared | <open>>>',
        '<settled The bridge>',
        '<term The bridge Closed>',
        '<acceptable Side B>',
        '<value Side A >2,5>',
        '<reached Talks>',
        '<chose Offer to share the bridge.>',
        "<role Side A's envoy>",
      ].join(' & '),
    );
    expect(wordReason({ needs: conditionText({ meter: 'trust', ne: 1 }, tiny.index) }, phrases)).toBe('<needs <meter Trust ≠1>>');
    expect(wordCondition(conditionText({ visited: 'hello' }, tiny.index), phrases)).toBe('<heard Hello.>');
    expect(wordReason(null, phrases)).toBe('');
  });
});

const ROLES_BODY = [`
    beats:
      - id: start
        lines: [{ id: hi, speaker: envoy, text: Hi., invented: true }]
        choices:
          - { id: both, text: For both., next: common }
          - { id: only-a, text: Only for A., role: a, next: a-room }
          - { id: only-b, text: Only for B., role: b, next: b-room }
      - id: common
        lines: [{ id: common-1, speaker: envoy, text: Common., invented: true }]
        end: deal
      - id: a-room
        role: a
        lines: [{ id: a-room-1, speaker: envoy, text: A's room., invented: true }]
        end: deal
      - id: b-room
        role: b
        lines: [{ id: b-room-1, speaker: envoy, text: B's room., invented: true }]
        end: walkout
  `, ENDINGS];
const TWO_ROLES = { sides: '- { id: a, name: Side A, walkaway: 0 }\n- { id: b, name: Side B, walkaway: 0 }\n', roles: [{ id: 'a', side: 'a' }, { id: 'b', side: 'b' }] };

describe('roles', () => {
  const compiled = compile(ROLES_BODY, TWO_ROLES);

  it('each role sees its own choices and the shared ones, never the other role’s', () => {
    const a = new NegotiationSession(compiled, { role: 'a' });
    const b = new NegotiationSession(compiled, { role: 'b' });
    expect(a.view.choices.map((c) => c.id)).toEqual(['both', 'only-a']);
    expect(b.view.choices.map((c) => c.id)).toEqual(['both', 'only-b']);
    expect(a.choose('only-b')).toBe(false);
    expect(a.view.beat).toBe('start');
  });

  it('role-only beats are played by their role', () => {
    const a = new NegotiationSession(compiled, { role: 'a' });
    const b = new NegotiationSession(compiled, { role: 'b' });
    a.choose('only-a');
    b.choose('only-b');
    expect([a.view.beat, a.view.line?.text]).toEqual(['a-room', "A's room."]);
    expect([b.view.beat, b.view.line?.text]).toEqual(['b-room', "B's room."]);
    a.advance();
    b.advance();
    expect([a.view.ending?.id, b.view.ending?.id]).toEqual(['deal', 'walkout']);
  });

  it('a role that cannot reach the other role’s beat passes the full check, with both roles proved', () => {
    const r = checkScenario(scenarioText(ROLES_BODY, TWO_ROLES), 'roles.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.proof?.endings['walkout']?.role).toBe('b');
    expect(viewOf(compiled.index, start(compiled, 'b').getSnapshot()).role).toBe('b');
  });
});

describe('replies', () => {
  const compiled = compile([`
    flags:
      - { id: warned, description: A warning was given. }
    meters:
      - { id: trust, label: Trust, min: 0, max: 5, start: 0 }
    beats:
      - id: start
        lines: [{ id: ask, speaker: envoy, text: Well?, invented: true }]
        choices:
          - { id: warn, text: Warn., effects: [{ flag: warned, set: true }], next: answer }
          - { id: flatter, text: Flatter., effects: [{ meter: trust, add: 3 }], next: answer }
          - { id: wait, text: Wait., next: answer }
      - id: answer
        lines: [{ id: pause, speaker: envoy, text: Hm., invented: true }]
        replies:
          - when: { flag: warned }
            lines: [{ id: angry, speaker: envoy, text: That was a threat., invented: true }]
          - when: { meter: trust, gte: 2 }
            lines: [{ id: warm, speaker: envoy, text: Kind of you., invented: true }]
            effects: [{ meter: trust, add: 1 }]
          - lines: [{ id: calm, speaker: envoy, text: Go on., invented: true }]
        end: deal
  `, DEAL_ONLY]);

  const replyAfter = (choice: string) => {
    const s = new NegotiationSession(compiled, { role: 'a' });
    s.choose(choice);
    expect(s.view.line?.id).toBe('pause');
    s.advance();
    return s;
  };

  it('the same beat answers differently after a flag or a meter change, beat lines first', () => {
    expect(replyAfter('warn').view.line?.text).toBe('That was a threat.');
    expect(replyAfter('flatter').view.line?.text).toBe('Kind of you.');
    expect(replyAfter('wait').view.line?.text).toBe('Go on.');
  });

  it('a reply’s effects apply when it is spoken', () => {
    const s = replyAfter('flatter');
    expect(s.view.meters.find((m) => m.id === 'trust')?.value).toBe(4);
  });
});

describe('meters and news flashes', () => {
  it('hidden meters are not shown; a meter shows how far the last event moved it', () => {
    const compiled = compile(`
      meters:
        - { id: trust, label: Trust, description: How far they believe you., min: 0, max: 5, start: 1 }
        - { id: mood, label: Mood, min: 0, max: 5, start: 2, hidden: true }
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices:
            - { id: warm, text: Warm., effects: [{ meter: trust, add: 2 }, { meter: mood, add: 1 }], next: start }
            - { id: done, text: Done., when: { meter: mood, gte: 0 }, unavailable: Never, end: deal }
      endings:
        - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
    `);
    const s = new NegotiationSession(compiled, { role: 'a' });
    expect(s.view.meters).toEqual([{ id: 'trust', label: 'Trust', value: 1, min: 0, max: 5, delta: 0, description: 'How far they believe you.' }]);
    s.choose('warm');
    expect(s.view.meters[0]).toMatchObject({ value: 3, delta: 2 });
  });

  it('an inject whose `when` comes true breaks in once, shown with the one event that set it off', () => {
    const s = new NegotiationSession(compileText(TINY), { role: 'a' });
    s.advance();
    s.choose('warn'); // pressure 0 → 2: the storm breaks in
    expect(s.view.injects).toEqual([{ id: 'storm', headline: 'Storm', text: 'A storm hits.', source: { id: 'notes', title: 'Made-up notes', publisher: 'Backchannel tests' }, invented: false, timeline: null }]);
    expect(s.view.meters.find((m) => m.id === 'trust')).toMatchObject({ value: 2, delta: 1 });
    // The log keeps where the news came from, as the flash showed it.
    expect(s.view.log.filter((e) => e.kind === 'inject')).toEqual([{ kind: 'inject', id: 'storm', headline: 'Storm', text: 'A storm hits.', invented: false, source: 'Made-up notes', timeline: null }]);
    s.advance(); // "That was a threat." → back to hello
    expect(s.view.injects).toEqual([]);
    s.advance();
    s.choose('warn'); // pressure 2 → 4: still true, but it fired already
    expect(s.view.injects).toEqual([]);
    expect(s.view.log.filter((e) => e.kind === 'inject')).toHaveLength(1);
  });

  it('a beat’s own injects break in when it starts, and its effects apply', () => {
    const compiled = compile(`
      meters:
        - { id: trust, label: Trust, min: 0, max: 5, start: 0 }
      injects:
        - { id: flash, headline: Flash, text: News., invented: true, timeline: Weeks before the call in fact., cue: siren, effects: [{ meter: trust, add: 2 }] }
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices:
            - { id: go, text: Go., next: news }
        - id: news
          injects: [flash]
          lines: [{ id: n1, speaker: envoy, text: Did you hear?, invented: true }, { id: n2, speaker: envoy, text: Yes., invented: true }]
          choices:
            - { id: done, text: Done., when: { meter: trust, gte: 2 }, unavailable: Not yet, end: deal }
      endings:
        - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
    `);
    const s = new NegotiationSession(compiled, { role: 'a' });
    expect(s.view.injects).toEqual([]);
    s.choose('go');
    // Where the news falls in the real timeline travels with it, to the flash and to the log.
    expect(s.view.injects).toEqual([{ id: 'flash', headline: 'Flash', text: 'News.', source: null, invented: true, timeline: 'Weeks before the call in fact.' }]);
    expect(s.view.log.find((e) => e.kind === 'inject')).toMatchObject({ invented: true, source: null, timeline: 'Weeks before the call in fact.' });
    expect(s.view.cues).toContain('siren');
    expect(s.view.meters[0]).toMatchObject({ value: 2 });
    s.advance();
    expect(s.view.injects).toEqual([]);
    expect(s.view.choices[0]).toMatchObject({ id: 'done', available: true });
  });
});
