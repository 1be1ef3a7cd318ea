/**
 * The whole check of a scenario file: read it, check its form and meaning,
 * compile it, and prove on the machine that every ending is reachable and
 * no beat is a dead end. This is what `npm run validate` and the build run.
 */
import { diag } from '../scenario/parse.js';
import { readScenario } from '../scenario/load.js';
import { sortDiagnostics, type Diagnostic, type Position } from '../scenario/diagnostics.js';
import type { Scenario } from '../scenario/schema.js';
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
export function scenarioIdTaken(file: string, id: string, otherFile: string, at: Position): Diagnostic {
  return diag(file, at, 'BC300', `the scenario id '${id}' is already used by ${otherFile}`, [
    'Give each scenario its own id: the game and its saves find scenarios by id.',
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
  const read = readScenario(input, file);
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
    if (!diagnostics.some((d) => d.code === 'BC401' && d.line === at.line))
      diagnostics.push(diag(file, at, 'BC401', `no play reaches the ending '${id}': the conditions on the way to it never hold together`, [
        'Check the `when:` of the branches and choices that lead to it against the meters and terms they read.',
      ]));
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
  const sorted = sortDiagnostics(diagnostics);
  return sorted.some((x) => x.severity === 'error') ? { diagnostics: sorted, proof } : { scenario, compiled, proof, idAt, diagnostics: sorted };
}
