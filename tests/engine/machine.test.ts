/**
 * The compiled machine: its state value names the part and beat, effects
 * move meters within their ranges, interrupts pre-empt a choice's own exit,
 * branches read the state after the choice, and the compiler refuses names
 * it has no implementation for.
 */
import { describe, expect, it } from 'vitest';
import { assertImplemented, compileScenario, hashScenario, machineConfig, MachineConfigError } from '../../src/engine/machine.js';
import { logEntries } from '../../src/engine/model.js';
import { readScenario } from '../../src/scenario/load.js';
import { ADVANCE, choose, compile, compileText, start, TINY } from './support.js';

const DEAL = `
  endings:
    - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
`;

describe('state value', () => {
  it('shows the part and the beat, then the ending', () => {
    const actor = start(compileText(TINY));
    expect(actor.getSnapshot().value).toEqual({ call: { open: 'hello' } });
    actor.send(ADVANCE);
    actor.send(choose('offer'));
    expect(actor.getSnapshot().value).toEqual({ call: { talk: 'answer' } });
    actor.send(ADVANCE); // acceptable to b (2 ≥ 1): back to hello
    expect(actor.getSnapshot().value).toEqual({ call: { open: 'hello' } });
    actor.send(ADVANCE);
    actor.send(choose('warn'));
    actor.send(ADVANCE); // package still shared; walk-away of b is 1: acceptable again
    expect(actor.getSnapshot().value).toEqual({ call: { open: 'hello' } });
  });

  it('beats without a part sit in a group of their own; an ending is final', () => {
    const c = compile([
      `
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices: [{ id: done, text: Done., end: deal }]
    `,
      DEAL,
    ]);
    const actor = start(c);
    expect(actor.getSnapshot().value).toEqual({ call: { '@beats': 'start' } });
    actor.send(choose('done'));
    expect(actor.getSnapshot().value).toEqual({ ended: 'deal' });
    expect(actor.getSnapshot().context.ending).toBe('deal');
    const after = actor.getSnapshot();
    actor.send(ADVANCE);
    actor.send(choose('done'));
    expect(actor.getSnapshot().context).toBe(after.context);
  });

  it('a beat with no line and no choice passes straight on', () => {
    const c = compile([
      `
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices: [{ id: go, text: Go., next: hall }]
        - { id: hall, part: talk, next: room }
        - id: room
          part: talk
          lines: [{ id: r, speaker: envoy, text: In the room., invented: true }]
          choices: [{ id: done, text: Done., end: deal }]
    `,
      DEAL,
    ]);
    const actor = start(c);
    actor.send(choose('go'));
    expect(actor.getSnapshot().value).toEqual({ call: { talk: 'room' } });
    expect(actor.getSnapshot().context.queue).toEqual(['r']);
  });

  it('a closed choice, an unknown choice and ADVANCE while choosing change nothing', () => {
    const actor = start(compileText(TINY));
    actor.send(choose('offer')); // not yet: a line is still to come
    expect(actor.getSnapshot().context.lineIndex).toBe(0);
    actor.send(ADVANCE);
    const before = actor.getSnapshot();
    actor.send(choose('deal')); // needs trust 3
    actor.send(choose('no-such-choice'));
    actor.send(ADVANCE);
    expect(actor.getSnapshot().value).toEqual(before.value);
    expect(actor.getSnapshot().context).toEqual(before.context);
  });
});

describe('effects', () => {
  const c = compile([
    `
    meters:
      - { id: trust, label: Trust, min: 0, max: 5, start: 4 }
      - { id: clock, label: Clock, min: 0, max: 10, start: 10 }
    flags:
      - { id: warned, description: Warned. }
    everyChoice: [{ meter: clock, add: -3 }]
    beats:
      - id: start
        lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
        choices:
          - { id: gush, text: Gush., effects: [{ meter: trust, add: 10 }], next: start }
          - { id: insult, text: Insult., effects: [{ meter: trust, set: -7 }, { flag: warned, set: true }], next: start }
          - { id: done, text: Done., when: { flag: warned }, unavailable: Not yet, end: deal }
  `,
    DEAL,
  ]);

  it('keep meters inside their ranges, for add and set, and record the real move', () => {
    const actor = start(c);
    actor.send(choose('gush'));
    expect(actor.getSnapshot().context.meters).toEqual({ trust: 5, clock: 7 });
    expect(actor.getSnapshot().context.lastDelta).toEqual({ trust: 1, clock: -3 });
    actor.send(choose('insult'));
    expect(actor.getSnapshot().context.meters).toEqual({ trust: 0, clock: 4 });
    expect(actor.getSnapshot().context.flags).toEqual({ warned: true });
  });

  it('everyChoice applies after every choice, and stops at the bottom of its range', () => {
    const actor = start(c);
    for (let i = 0; i < 5; i++) actor.send(choose('gush'));
    expect(actor.getSnapshot().context.meters['clock']).toBe(0);
    expect(actor.getSnapshot().context.turn).toBe(5);
  });
});

describe('interrupts', () => {
  const c = compile([
    `
    meters:
      - { id: anger, label: Anger, min: 0, max: 5, start: 0 }
    interrupts:
      - { id: storm-out, when: { meter: anger, gte: 3 }, next: aftermath }
    beats:
      - id: start
        lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
        choices:
          - { id: needle, text: Needle them., effects: [{ meter: anger, add: 1 }], next: start }
          - { id: insult, text: Insult them., effects: [{ meter: anger, add: 3 }], end: deal }
      - id: aftermath
        lines: [{ id: a, speaker: envoy, text: They left the room., invented: true }]
        choices:
          - { id: needle-more, text: Needle them more., effects: [{ meter: anger, add: 1 }], next: aftermath }
          - { id: apologise, text: Apologise., end: deal }
  `,
    DEAL,
  ]);

  it('pre-empt the exit of the choice whose effects set them off', () => {
    const actor = start(c);
    actor.send(choose('insult')); // would end in a deal, but anger reaches 3 first
    expect(actor.getSnapshot().value).toEqual({ call: { '@beats': 'aftermath' } });
    expect(actor.getSnapshot().context.ending).toBeNull();
    expect(actor.getSnapshot().context.firedInterrupts).toEqual(['storm-out']);
    expect(actor.getSnapshot().context.turn).toBe(1);
    expect(actor.getSnapshot().context.meters['anger']).toBe(3);
  });

  it('fire when the condition comes true after several choices, and only once', () => {
    const actor = start(c);
    actor.send(choose('needle'));
    actor.send(choose('needle'));
    expect(actor.getSnapshot().context.beat).toBe('start');
    actor.send(choose('needle'));
    expect(actor.getSnapshot().context.beat).toBe('aftermath');
    actor.send(choose('needle-more')); // anger still ≥ 3: does not fire again
    expect(actor.getSnapshot().context.firedInterrupts).toEqual(['storm-out']);
    expect(actor.getSnapshot().context.beat).toBe('aftermath');
    expect(actor.getSnapshot().context.meters['anger']).toBe(4);
    actor.send(choose('apologise'));
    expect(actor.getSnapshot().context.ending).toBe('deal');
  });

  it('fire when a beat’s own effects set them off', () => {
    const c2 = compile([
      `
      meters:
        - { id: clock, label: Clock, min: 0, max: 3, start: 3 }
      interrupts:
        - { id: out-of-time, when: { meter: clock, lte: 0 }, end: timeout }
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices: [{ id: go, text: Go., next: drain }, { id: done, text: Done., end: deal }]
        - id: drain
          effects: [{ meter: clock, set: 0 }]
          lines: [{ id: d, speaker: envoy, text: Tick., invented: true }]
          choices: [{ id: wait, text: Wait., end: deal }]
    `,
      DEAL.replace('endings:', 'endings:\n    - { id: timeout, title: Timeout, kind: impasse, summary: Time ran out., debrief: Time is a cost. }'),
    ]);
    const actor = start(c2);
    actor.send(choose('go'));
    expect(actor.getSnapshot().context.ending).toBe('timeout');
  });

  it('when one choice sets off two, the first listed fires first and the second breaks in as soon as it is entered', () => {
    const c3 = compile([
      `
      meters:
        - { id: anger, label: Anger, min: 0, max: 5, start: 0 }
      interrupts:
        - { id: walk-out, when: { meter: anger, gte: 3 }, next: hallway }
        - { id: press-leak, when: { meter: anger, gte: 2 }, next: newsroom }
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices:
            - { id: insult, text: Insult them., effects: [{ meter: anger, add: 3 }], end: deal }
            - { id: wait, text: Wait., end: deal }
        - id: hallway
          lines: [{ id: h, speaker: envoy, text: They walk out., invented: true }]
          choices: [{ id: follow, text: Follow them., end: deal }]
        - id: newsroom
          lines: [{ id: n, speaker: envoy, text: It leaks., invented: true }]
          choices: [{ id: deny, text: Deny it., end: deal }]
    `,
      DEAL,
    ]);
    const actor = start(c3);
    actor.send(choose('insult'));
    const ctx = actor.getSnapshot().context;
    expect(ctx.firedInterrupts).toEqual(['walk-out', 'press-leak']);
    expect(ctx.beat).toBe('newsroom');
    expect(logEntries(ctx.log).filter((e) => e.kind === 'line').map((e) => e.id)).toEqual(['l', 'h', 'n']);
  });

  it('tiny: the clock run down by everyChoice ends the call in a timeout', () => {
    const actor = start(compileText(TINY));
    for (let i = 0; i < 4; i++) {
      actor.send(ADVANCE);
      actor.send(choose('offer'));
      if (actor.getSnapshot().context.ending) break;
      actor.send(ADVANCE);
    }
    expect(actor.getSnapshot().context.ending).toBe('timeout');
    expect(actor.getSnapshot().context.meters['clock']).toBe(0);
  });
});

describe('branches', () => {
  it('are evaluated after the choice’s effects', () => {
    const c = compile([
      `
      meters:
        - { id: trust, label: Trust, min: 0, max: 5, start: 2 }
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices:
            - id: offer
              text: Offer.
              effects: [{ meter: trust, add: 1 }]
              branches:
                - { when: { meter: trust, gte: 3 }, end: deal }
                - { end: walkout }
            - id: threaten
              text: Threaten.
              effects: [{ meter: trust, add: -1 }]
              branches:
                - { when: { meter: trust, gte: 2 }, end: deal }
                - { end: walkout }
    `,
      DEAL.replace('endings:', 'endings:\n    - { id: walkout, title: Walkout, kind: impasse, summary: No., debrief: No. }'),
    ]);
    const a = start(c);
    a.send(choose('offer')); // 2 → 3 before the branch reads it
    expect(a.getSnapshot().context.ending).toBe('deal');
    const b = start(c);
    b.send(choose('threaten')); // 2 → 1 before the branch reads it
    expect(b.getSnapshot().context.ending).toBe('walkout');
  });

  it('of a beat are taken in order on continue, the first that holds', () => {
    const actor = start(compileText(TINY));
    actor.send(ADVANCE);
    actor.send(choose('warn'));
    actor.send(ADVANCE); // nothing on the table: b does not accept (0 < 1): walkout
    expect(actor.getSnapshot().context.ending).toBe('walkout');
  });
});

describe('compiler', () => {
  const tiny = readScenario(TINY, 'tiny.yaml').scenario!;

  it('accepts its own config for tiny.yaml', () => {
    expect(() => assertImplemented(machineConfig(tiny))).not.toThrow();
  });

  it('throws MachineConfigError naming an unknown guard', () => {
    const config = { states: { a: { on: { ADVANCE: [{ guard: { type: 'noSuchGuard', params: {} }, target: 'b' }] } }, b: {} } };
    expect(() => assertImplemented(config)).toThrow(MachineConfigError);
    expect(() => assertImplemented(config)).toThrow(/noSuchGuard/);
  });

  it('throws MachineConfigError naming an unknown action, in entry or in a transition', () => {
    expect(() => assertImplemented({ entry: [{ type: 'launchRockets' }] })).toThrow(/launchRockets/);
    expect(() => assertImplemented({ states: { a: { always: [{ actions: ['shout'] }] } } })).toThrow(MachineConfigError);
  });

  it('checks names against the lists it is given', () => {
    expect(() => assertImplemented(machineConfig(tiny), ['playsRole'], [])).toThrow(MachineConfigError);
  });

  it('the content hash is stable for the same scenario and changes with any text', () => {
    const again = readScenario(TINY, 'tiny.yaml').scenario!;
    const edited = readScenario(TINY.replace('Hello.', 'Hello there.'), 'tiny.yaml').scenario!;
    expect(hashScenario(again)).toBe(hashScenario(tiny));
    expect(hashScenario(edited)).not.toBe(hashScenario(tiny));
    expect(compileScenario(tiny).contentHash).toMatch(/^[0-9a-f]{8}$/);
  });
});
