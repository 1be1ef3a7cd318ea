/**
 * Compiling a checked scenario into an xstate machine.
 *
 * The machine is the single source of truth of a call: its state value says
 * which part and beat the call is in, its context holds the meters, flags,
 * package and log, and its two events are the player's: ADVANCE (finish the
 * line, or move on) and CHOOSE (take a choice). Guards and actions are
 * implemented once, in `setup()`, and referenced by name with parameters;
 * `compileScenario` checks every name it uses exists.
 */
import { Immer } from 'immer';
import { assign, setup, type SnapshotFrom } from 'xstate';
import type { Branch, Scenario } from '../scenario/schema.js';
import {
  advanceLine,
  beginStep,
  enterBeat,
  holds,
  indexScenario,
  initialContext,
  reachEnding,
  takeChoice,
  type NegotiationContext,
  type ScenarioIndex,
} from './model.js';

/**
 * The machine's own immer. Deep-freezing every context it makes cost the
 * simulator and the proof a fifth of their time; snapshots are still never
 * written to (views only read them, and every change goes through `produce`).
 */
const { produce } = new Immer({ autoFreeze: false });

/** The events a view sends: the player's moves. */
export type NegotiationEvent = { type: 'ADVANCE' } | { type: 'CHOOSE'; choice: string };

/** What starting a call needs: the role played and the seed of every random draw. */
export interface NegotiationInput {
  role: string;
  seed?: number;
}

/** Names of the machine's own states; beat ids cannot start with '@', so none collides. */
export const MACHINE_IDS = { root: '@negotiation', start: '@start', call: '@call', ended: '@ended', looseBeats: '@beats' } as const;

/** Where a transition goes: a beat or an ending, by state id. */
const targetOf = (e: { next?: string | undefined; end?: string | undefined }): string => `#${e.next ?? e.end}`;

/**
 * The context a choice would leave, without taking it; guards use it to look
 * ahead. Several guards of one event ask the same question (each interrupt,
 * each branch), and the `takeChoice` action then asks it once more, so the
 * answer is kept per context and choice.
 */
const lookAhead = new WeakMap<NegotiationContext, Map<string, NegotiationContext>>();
/** The context taking `choice` would leave (remembered per context, as the machine's guards ask it too). */
export function afterChoice(ctx: NegotiationContext, choice: string, idx: ScenarioIndex): NegotiationContext {
  let byChoice = lookAhead.get(ctx);
  if (!byChoice) lookAhead.set(ctx, (byChoice = new Map()));
  let next = byChoice.get(choice);
  if (!next) byChoice.set(choice, (next = produce(ctx, (d) => takeChoice(d, choice, idx))));
  return next;
}

function createMachineSetup(idx: ScenarioIndex) {
  const choiceOpen = (ctx: NegotiationContext, choiceId: string): boolean => {
    const c = idx.choices.get(choiceId);
    if (!c || c.beat !== ctx.beat || ctx.ending !== null) return false;
    if (c.role !== undefined && c.role !== ctx.role) return false;
    if (ctx.queue.length > 0 && ctx.lineIndex < ctx.queue.length - 1) return false;
    return holds(c.when, ctx, idx);
  };
  const branchHolds = (ctx: NegotiationContext, params: { beat: string; choice?: string; branch?: number }): boolean => {
    const owner = params.choice !== undefined ? idx.choices.get(params.choice) : idx.beats.get(params.beat);
    const b = params.branch === undefined ? undefined : owner?.branches?.[params.branch];
    return b !== undefined && holds(b.when, ctx, idx);
  };
  const interruptDue = (ctx: NegotiationContext, id: string): boolean => {
    const it = (idx.scenario.interrupts ?? []).find((x) => x.id === id);
    return it !== undefined && !ctx.firedInterrupts.includes(id) && holds(it.when, ctx, idx);
  };

  return setup({
    types: {
      context: {} as NegotiationContext,
      events: {} as NegotiationEvent,
      input: {} as NegotiationInput,
    },
    guards: {
      /** The call is played in this role. */
      playsRole: ({ context }, params: { role: string }) => context.role === params.role,
      /** The current beat has lines still to show. */
      hasMoreLines: ({ context }) => context.lineIndex < context.queue.length - 1,
      /** This choice was chosen and is open, and (for a branch) the branch holds once it is taken. */
      choiceLeadsHere: ({ context, event }, params: { beat: string; choice: string; branch?: number }) => {
        if (event.type !== 'CHOOSE' || event.choice !== params.choice || !choiceOpen(context, params.choice)) return false;
        return params.branch === undefined || branchHolds(afterChoice(context, params.choice, idx), params);
      },
      /** Taking the chosen choice would set off this interrupt. */
      choiceSetsOffInterrupt: ({ context, event }, params: { interrupt: string }) =>
        event.type === 'CHOOSE' && choiceOpen(context, event.choice) && interruptDue(afterChoice(context, event.choice, idx), params.interrupt),
      /** The last line is showing, and (for a branch) the branch holds. */
      advanceLeadsHere: ({ context }, params: { beat: string; branch?: number }) =>
        context.lineIndex >= context.queue.length - 1 && (params.branch === undefined || branchHolds(context, params)),
      /** The beat showed no line, so it passes straight on, here if the branch holds. */
      passesHere: ({ context }, params: { beat: string; branch?: number }) =>
        context.queue.length === 0 && (params.branch === undefined || branchHolds(context, params)),
      /** The interrupt's condition holds and it has not fired yet. */
      interruptDue: ({ context }, params: { interrupt: string }) => interruptDue(context, params.interrupt),
    },
    actions: {
      /** Starts a beat: effects, injects, lines and reply. */
      startBeat: assign(({ context }, params: { beat: string }) => produce(context, (d) => enterBeat(d, params.beat, idx))),
      /** Shows the next line. */
      showNextLine: assign(({ context }) => produce(context, (d) => advanceLine(d, idx))),
      /** Starts handling an event that moves on from a beat. */
      beginStep: assign(({ context }) => produce(context, (d) => beginStep(d))),
      /** Takes the choice the player made (the guards have checked it is open). */
      takeChoice: assign(({ context, event }) => (event.type === 'CHOOSE' ? afterChoice(context, event.choice, idx) : context)),
      /** Marks an interrupt as fired, so it fires once. */
      markInterrupt: assign(({ context }, params: { interrupt: string }) =>
        produce(context, (d) => {
          d.firedInterrupts.push(params.interrupt);
        }),
      ),
      /** Records the ending reached. */
      recordEnding: assign(({ context }, params: { ending: string }) => produce(context, (d) => reachEnding(d, params.ending, idx))),
    },
  });
}

type MachineSetup = ReturnType<typeof createMachineSetup>;
type MachineConfigArg = Parameters<MachineSetup['createMachine']>[0];
const buildMachine = (machineSetup: MachineSetup, config: MachineConfigArg) => machineSetup.createMachine(config);
/** The machine compiled from a scenario. */
export type NegotiationMachine = ReturnType<typeof buildMachine>;
/** A snapshot of a call. */
export type NegotiationSnapshot = SnapshotFrom<NegotiationMachine>;

/** A scenario compiled for play: the machine and the tables views read. */
export interface CompiledScenario {
  scenario: Scenario;
  index: ScenarioIndex;
  machine: NegotiationMachine;
  /** A short hash of the scenario's content; saves from another content are set aside. */
  contentHash: string;
}

/** Guard and action names the compiler may reference; kept in step with `createMachineSetup`. */
const GUARDS = ['playsRole', 'hasMoreLines', 'choiceLeadsHere', 'choiceSetsOffInterrupt', 'advanceLeadsHere', 'passesHere', 'interruptDue'];
const ACTIONS = ['startBeat', 'showNextLine', 'beginStep', 'takeChoice', 'markInterrupt', 'recordEnding'];

/** A state node config, loosely typed while it is being assembled. */
type NodeConfig = Record<string, unknown>;
// `reenter` makes a beat that leads to itself start over (effects, lines, replies) like any other beat.
type TransitionConfig = { target?: string; reenter?: boolean; guard?: unknown; actions?: unknown[] };

/** The transitions that leave through a set of exits (next/end, or branches), each guarded by `guard` with the branch index. */
function exitTransitions(
  owner: { next?: string | undefined; end?: string | undefined; branches?: Branch[] | undefined },
  guard: string,
  params: { beat: string; choice?: string },
  actions: unknown[],
): TransitionConfig[] {
  if (owner.branches) {
    return owner.branches.map((b, i) => ({
      target: targetOf(b),
      reenter: true,
      guard: { type: guard, params: b.when ? { ...params, branch: i } : params },
      actions,
    }));
  }
  return [{ target: targetOf(owner), reenter: true, guard: { type: guard, params }, actions }];
}

/** The machine configuration for a scenario, before `setup().createMachine`. */
export function machineConfig(scenario: Scenario): NodeConfig {
  const interrupts = scenario.interrupts ?? [];
  const beatById = new Map(scenario.beats.map((b) => [b.id, b]));
  const beatNode = (beatId: string): NodeConfig => {
    const beat = beatById.get(beatId)!;
    const node: NodeConfig = { id: beat.id, entry: [{ type: 'startBeat', params: { beat: beat.id } }] };
    const on: Record<string, TransitionConfig[]> = { ADVANCE: [{ guard: 'hasMoreLines', actions: [{ type: 'showNextLine' }] }] };
    if (beat.choices) {
      const take = { type: 'takeChoice' };
      // Interrupts come first, whichever choice is taken: one transition each per beat.
      const interruptsFirst = interrupts.map((it) => ({
        target: targetOf(it),
        reenter: true,
        guard: { type: 'choiceSetsOffInterrupt', params: { interrupt: it.id } },
        actions: [take, { type: 'markInterrupt', params: { interrupt: it.id } }],
      }));
      on['CHOOSE'] = [...interruptsFirst, ...beat.choices.flatMap((c) => exitTransitions(c, 'choiceLeadsHere', { beat: beat.id, choice: c.id }, [take]))];
    } else {
      on['ADVANCE']!.push(...exitTransitions(beat, 'advanceLeadsHere', { beat: beat.id }, [{ type: 'beginStep' }]));
      node['always'] = exitTransitions(beat, 'passesHere', { beat: beat.id }, []);
    }
    node['on'] = on;
    return node;
  };

  const parts = new Map<string, string[]>();
  for (const p of scenario.parts ?? []) parts.set(p.id, []);
  for (const b of scenario.beats) {
    const key = b.part ?? MACHINE_IDS.looseBeats;
    if (!parts.has(key)) parts.set(key, []);
    parts.get(key)!.push(b.id);
  }
  const callStates: Record<string, NodeConfig> = {};
  for (const [part, beats] of parts) {
    if (beats.length === 0) continue;
    callStates[part] = {
      id: `@part/${part}`,
      initial: beats[0],
      states: Object.fromEntries(beats.map((b) => [b, beatNode(b)])),
    };
  }

  return {
    id: MACHINE_IDS.root,
    initial: 'start',
    states: {
      start: {
        id: MACHINE_IDS.start,
        always: scenario.roles.map((r) => ({ target: `#${r.start}`, guard: { type: 'playsRole', params: { role: r.id } } })),
      },
      call: {
        id: MACHINE_IDS.call,
        initial: Object.keys(callStates)[0],
        // Interrupts also watch the call as a whole, for meters moved by a beat's own effects.
        always: interrupts.map((it) => ({
          target: targetOf(it),
          guard: { type: 'interruptDue', params: { interrupt: it.id } },
          actions: [{ type: 'markInterrupt', params: { interrupt: it.id } }],
        })),
        states: callStates,
      },
      ended: {
        id: MACHINE_IDS.ended,
        initial: scenario.endings[0]!.id,
        states: Object.fromEntries(
          scenario.endings.map((e) => [e.id, { id: e.id, type: 'final', entry: [{ type: 'recordEnding', params: { ending: e.id } }] }]),
        ),
      },
    },
  };
}

/** Every guard and action name a config references, to check against the implementations. */
function referencedNames(node: unknown, out = { guards: new Set<string>(), actions: new Set<string>() }) {
  const visitGuard = (g: unknown) => {
    if (typeof g === 'string') out.guards.add(g);
    else if (g && typeof g === 'object') out.guards.add((g as { type: string }).type);
  };
  const visitTransitions = (ts: unknown) => {
    for (const t of (Array.isArray(ts) ? ts : ts ? [ts] : []) as TransitionConfig[]) {
      if (t.guard) visitGuard(t.guard);
      for (const a of t.actions ?? []) out.actions.add(typeof a === 'string' ? a : (a as { type: string }).type);
    }
  };
  const n = node as NodeConfig;
  for (const a of (n['entry'] as unknown[]) ?? []) out.actions.add(typeof a === 'string' ? a : (a as { type: string }).type);
  visitTransitions(n['always']);
  for (const ts of Object.values((n['on'] as Record<string, unknown>) ?? {})) visitTransitions(ts);
  for (const child of Object.values((n['states'] as Record<string, unknown>) ?? {})) referencedNames(child, out);
  return out;
}

/** Thrown when the compiler references a guard or action that is not implemented: a bug in Backchannel, not in a scenario. */
export class MachineConfigError extends Error {}

/** Checks that every named guard and action in a config is implemented. */
export function assertImplemented(config: unknown, guards: readonly string[] = GUARDS, actions: readonly string[] = ACTIONS): void {
  const used = referencedNames(config);
  const missingGuards = [...used.guards].filter((g) => !guards.includes(g));
  const missingActions = [...used.actions].filter((a) => !actions.includes(a));
  if (missingGuards.length > 0 || missingActions.length > 0)
    throw new MachineConfigError(`unimplemented guards [${missingGuards.join(', ')}] or actions [${missingActions.join(', ')}]`);
}

/** FNV-1a over the canonical JSON of the scenario: cheap, stable, and enough to tell contents apart. */
export function hashScenario(s: Scenario): string {
  const text = JSON.stringify(s);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Compiles a checked scenario (one `readScenario` accepted) into a machine.
 * Start a call with `createActor(compiled.machine, { input: { role, seed } })`.
 * `contentHash`, when given, is taken as the scenario's instead of hashing
 * it: a translated copy carries the hash of the scenario as written.
 */
export function compileScenario(scenario: Scenario, contentHash?: string): CompiledScenario {
  const index = indexScenario(scenario);
  const config = machineConfig(scenario);
  assertImplemented(config);
  const machineSetup = createMachineSetup(index);
  const machine = buildMachine(machineSetup, {
    ...(config as object),
    // xstate's pure `transition()` builds a throwaway actor with no input on every call; answer it cheaply rather than throw.
    context: ({ input }: { input: NegotiationInput | undefined }) => initialContext(index, input?.role ?? '', input?.seed ?? 1),
  } as MachineConfigArg);
  return { scenario, index, machine, contentHash: contentHash ?? hashScenario(scenario) };
}
