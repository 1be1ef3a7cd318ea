/**
 * The whole check of a scenario file: read it, check its form and meaning,
 * compile it, and prove on the machine that every ending is reachable and
 * no beat is a dead end. This is what `npm run validate` and the build run.
 */
import { diag, parseScenarioText, type ParsedFile } from '../scenario/parse.js';
import { readParsedScenario } from '../scenario/load.js';
import { sortDiagnostics, type Diagnostic, type Position } from '../scenario/diagnostics.js';
import type { Condition, Scenario } from '../scenario/schema.js';
import { flagsEverTrue } from '../scenario/walk.js';
import { whyUnreached } from './explain.js';
import { compileScenario, type CompiledScenario } from './machine.js';
import { proveScenario, type Proof } from './prove.js';

/** The result of checking a scenario file. */
export interface CheckResult {
  /** Present when the file has no errors. */
  scenario?: Scenario;
  compiled?: CompiledScenario;
  proof?: Proof;
  /** Where the scenario's `id:` value is, when the file has no errors. */
  idAt?: Position;
  diagnostics: Diagnostic[];
}

/**
 * BC300 for a scenario whose id another file already uses: the game and
 * its saves find scenarios by id, so ids must differ across files too.
 */
export function scenarioIdTaken(file: string, id: string, otherFile: string, at: Position, more: string[] = []): Diagnostic {
  return diag(file, at, 'BC300', `the scenario id '${id}' is already used by ${otherFile}`, [
    'Give each scenario its own id: the game and its saves find scenarios by id.',
    ...more,
  ]);
}

const describeMoves = (events: { type: string; choice?: string }[]): string => {
  const choices = events.filter((e) => e.type === 'CHOOSE').map((e) => e.choice);
  return choices.length === 0 ? 'from the start, with no choice' : `after the choices ${choices.join(', ')}`;
};

/**
 * Checks a scenario from its text or bytes; `file` names it in diagnostics.
 * Never throws: whatever the input, the answer is diagnostics.
 */
export function checkScenario(input: string | Uint8Array, file: string, options: { prove?: boolean } = {}): CheckResult {
  return checkParsedScenario(parseScenarioText(input, file), options);
}

/** {@link checkScenario} for a file already read by `parseScenarioText`, so that a tool reads each file once. */
export function checkParsedScenario(parsedFile: ParsedFile, options: { prove?: boolean } = {}): CheckResult {
  const file = parsedFile.file;
  const read = readParsedScenario(parsedFile);
  if (!read.scenario) return { diagnostics: read.diagnostics };
  const { parsed } = read;
  const scenario = read.scenario;
  const diagnostics = [...read.diagnostics];
  const compiled = compileScenario(scenario);
  const idAt = parsed.locate(['id']);
  if (options.prove === false) return { scenario, compiled, idAt, diagnostics };
  const proof = proveScenario(compiled);
  const beatPath = (id: string) => ['beats', scenario.beats.findIndex((b) => b.id === id), 'id'];
  for (const role of proof.incomplete)
    diagnostics.push(
      diag(file, parsed.locate(['roles', scenario.roles.findIndex((r) => r.id === role), 'id']), 'BC404', `the proof for role '${role}' stopped at its state budget`, [
        'Endings and dead ends in this role were not fully checked: fewer meters, coarser ranges or fewer loops make the call smaller.',
      ]),
    );
  for (const id of proof.unreachedEndings) {
    const at = parsed.locate(['endings', scenario.endings.findIndex((e) => e.id === id), 'id']);
    if (diagnostics.some((d) => d.code === 'BC401' && d.line === at.line)) continue;
    const why = whyUnreached(scenario, proof, parsed, id);
    diagnostics.push(
      diag(
        file,
        at,
        'BC401',
        `no play reaches the ending '${id}': the conditions on the way to it never hold together`,
        why.length > 0 ? why : ['Check the `when:` of the branches and choices that lead to it against the meters and terms they read.'],
      ),
    );
  }
  for (const d of proof.deadEnds)
    diagnostics.push(
      diag(file, parsed.locate(beatPath(d.beat)), 'BC402', `in role '${d.role}', play gets stuck at the beat '${d.beat}' ${describeMoves(d.events)}`, [
        'No choice is open and no branch holds there: add a choice or branch without a condition.',
      ]),
    );
  for (const { beat, choice } of proof.neverOpen) {
    const bi = scenario.beats.findIndex((b) => b.id === beat);
    const ci = scenario.beats[bi]!.choices?.findIndex((c) => c.id === choice) ?? -1;
    const hasWhen = scenario.beats[bi]!.choices?.[ci]?.when !== undefined;
    diagnostics.push(
      diag(file, parsed.locate(['beats', bi, 'choices', ci, hasWhen ? 'when' : 'id']), 'BC407', `the choice '${choice}' is open in no play: every player sees it greyed out`, [
        hasWhen
          ? 'Check its `when:` against the meters\' ranges and what the beats before it can set, or remove the choice.'
          : 'Something always takes play past this beat first (an interrupt, or branches): check what leads here.',
      ]),
    );
  }
  for (const { role, entry, events } of proof.incoherent) {
    const ei = scenario.incompatible!.findIndex((e) => e.id === entry);
    diagnostics.push(
      diag(file, parsed.locate(['incompatible', ei, 'id']), 'BC410', `in role '${role}', play puts every option of the exclusion '${entry}' on the table ${describeMoves(events)}`, [
        'Play should never reach a package no negotiator could propose: change the effects that set these terms, so that one of them moves to another option or back to `open`, or remove the exclusion if the mix is coherent after all.',
        'A call that ends on it is counted outside the zone of agreement.',
      ]),
    );
  }
  const stuckAt = new Set(proof.deadEnds.map((d) => d.beat));
  // A condition on a flag play never makes true is reported once, as BC501, at the flag.
  const setFlags = flagsEverTrue(scenario);
  const readsUnsetFlag = (c: Condition | undefined): boolean =>
    c !== undefined &&
    ('all' in c ? c.all.some(readsUnsetFlag) : 'any' in c ? c.any.some(readsUnsetFlag) : 'not' in c ? readsUnsetFlag(c.not) : 'flag' in c && c.is !== false && !setFlags.has(c.flag));
  for (const { beat, choice, branch } of proof.neverTaken) {
    const bi = scenario.beats.findIndex((b) => b.id === beat);
    const b = scenario.beats[bi]!;
    const ci = choice === undefined ? -1 : (b.choices?.findIndex((c) => c.id === choice) ?? -1);
    const owner = choice === undefined ? b : b.choices![ci]!;
    const base = choice === undefined ? ['beats', bi, 'branches', branch] : ['beats', bi, 'choices', ci, 'branches', branch];
    const target = owner.branches?.[branch];
    const hasWhen = target?.when !== undefined;
    // A last branch without `when` is the safety net the guide asks for, so that play can always go on: unused is fine.
    if (!hasWhen && branch === (owner.branches?.length ?? 0) - 1) continue;
    // Said already, where the author will look first: the ending no play reaches, or the beat where play gets stuck.
    if (target?.end !== undefined && proof.unreachedEndings.includes(target.end)) continue;
    if (stuckAt.has(beat) || readsUnsetFlag(target?.when)) continue;
    diagnostics.push(
      diag(file, parsed.locate(hasWhen ? [...base, 'when'] : base), 'BC408', `no play takes branch ${branch + 1} of ${choice === undefined ? `the beat '${beat}'` : `the choice '${choice}'`}`, [
        hasWhen
          ? 'Its `when:` never holds when play gets here, or a branch above it always comes first: check it against what the beats before can set, or reorder the branches.'
          : 'A branch above it always holds first, so this one is never reached: move it up, or remove it.',
      ]),
    );
  }
  for (const { beat, reply } of proof.neverShown) {
    const bi = scenario.beats.findIndex((b) => b.id === beat);
    const replies = scenario.beats[bi]!.replies ?? [];
    const hasWhen = replies[reply]?.when !== undefined;
    if (readsUnsetFlag(replies[reply]?.when)) continue;
    // Likewise a last reply without `when`: the answer for whatever the replies above do not cover.
    if (!hasWhen && reply === replies.length - 1) continue;
    const base = ['beats', bi, 'replies', reply];
    diagnostics.push(
      diag(file, parsed.locate(hasWhen ? [...base, 'when'] : base), 'BC409', `no play shows reply ${reply + 1} of the beat '${beat}'`, [
        hasWhen
          ? 'Its `when:` never holds when play enters the beat (check the roles and the meter values it asks for), or a reply above it always fits first.'
          : 'A reply above it always fits first: only the first reply whose `when:` holds is spoken.',
      ]),
    );
  }
  const sorted = sortDiagnostics(diagnostics);
  return sorted.some((x) => x.severity === 'error') ? { diagnostics: sorted, proof } : { scenario, compiled, proof, idAt, diagnostics: sorted };
}
