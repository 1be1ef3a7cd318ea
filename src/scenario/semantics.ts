/**
 * Checks of meaning, once a file fits the schema: ids are unique, every
 * reference resolves, every text says where it comes from, meters are sound,
 * conditions can hold, and the graph of beats leads somewhere.
 */
import { diag, type DataPath, type ParsedFile } from './parse.js';
import { suggestReference, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import { knownOf, type ReferenceKind } from './references.js';
import { COMPARISON_KEYS, type Beat, type Scenario } from './schema.js';
import { beatExits, choices, conditions, effects, flagsEverTrue, lines } from './walk.js';

type Loc = (path: DataPath) => { line: number; col: number };

/** Runs every check of meaning and returns the diagnostics, in file order of discovery. */
export function checkSemantics(s: Scenario, parsed: ParsedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { file } = parsed;
  const at: Loc = (p) => parsed.locate(p);
  const report = (path: DataPath, code: DiagnosticCode, message: string, hints: string[] = []) => out.push(diag(file, at(path), code, message, hints));

  // ---- ids -------------------------------------------------------------
  // Ids given twice, by the table of their kind: a reference to an id no item has is often meant for the copy that kept the old id.
  const repeats = new Map<Map<string, DataPath>, { id: string; line: number; first: number }[]>();
  const repeated = (seen: Map<string, DataPath>, id: string, p: DataPath, prev: DataPath) => {
    const first = at(prev).line;
    repeats.set(seen, [...(repeats.get(seen) ?? []), { id, line: at(p).line, first }]);
    return first;
  };
  const index = <T extends { id: string }>(items: readonly T[] | undefined, path: DataPath, what: string, seen = new Map<string, DataPath>(), within = '') => {
    for (const [i, item] of (items ?? []).entries()) {
      const p = [...path, i, 'id'];
      const prev = seen.get(item.id);
      if (prev) report(p, 'BC300', `the ${what} id '${item.id}' is already used at line ${repeated(seen, item.id, p, prev)}${within}`, ['Give each one its own id.']);
      else seen.set(item.id, p);
    }
    return seen;
  };
  const sources = index(s.sources, ['sources'], 'source');
  index(s.objectives, ['objectives'], 'objective');
  const concepts = index(s.concepts, ['concepts'], 'concept');
  const parts = index(s.parts, ['parts'], 'part');
  const sides = index(s.sides, ['sides'], 'side');
  const roles = index(s.roles, ['roles'], 'role');
  const actors = index(s.actors, ['actors'], 'actor');
  const meters = index(s.meters, ['meters'], 'meter');
  const flags = index(s.flags, ['flags'], 'flag');
  const terms = index(s.terms, ['terms'], 'term');
  const injects = index(s.injects, ['injects'], 'inject');
  index(s.interrupts, ['interrupts'], 'interrupt');
  const beatIds = index(s.beats, ['beats'], 'beat');
  const endingIds = new Map<string, DataPath>();
  // An ending that has a beat's id: an `end:` naming it is not told to be a beat, since the ending is what it meant.
  const endingsNamedAsBeats = new Set<string>();
  for (const [i, e] of s.endings.entries()) {
    const p = ['endings', i, 'id'];
    const beat = beatIds.get(e.id);
    const prev = endingIds.get(e.id);
    if (beat) {
      endingsNamedAsBeats.add(e.id);
      report(p, 'BC300', `the ending id '${e.id}' is already used by the beat at line ${repeated(endingIds, e.id, p, beat)}`, [
        'Beats and endings share one set of ids: rename one, and the `next:` or `end:` that lead to it.',
      ]);
    } else if (prev) report(p, 'BC300', `the ending id '${e.id}' is already used at line ${repeated(endingIds, e.id, p, prev)}`, ['Give each one its own id.']);
    else endingIds.set(e.id, p);
  }
  // The first of two terms (or meters) with one id is the one references are checked against, as for every other kind.
  const optionIds = new Map<string, Set<string>>();
  const optionTables = new Map<string, Map<string, DataPath>>();
  for (const [ti, t] of (s.terms ?? []).entries()) {
    const table = index(t.options, ['terms', ti, 'options'], 'option', new Map(), ` in the term '${t.id}'`);
    if (optionIds.has(t.id)) continue;
    optionIds.set(t.id, new Set(table.keys()));
    optionTables.set(t.id, table);
  }
  const notes = new Map<string, DataPath>();
  for (const [ri, r] of s.roles.entries()) {
    index(r.briefing, ['roles', ri, 'briefing'], 'briefing item', notes);
    index(r.goals, ['roles', ri, 'goals'], 'goal', notes);
    index(r.unknowns, ['roles', ri, 'unknowns'], 'unknown', notes);
  }
  const lineIds = new Map<string, DataPath>();
  for (const { line, path } of lines(s)) {
    const prev = lineIds.get(line.id);
    if (prev) report([...path, 'id'], 'BC300', `the line id '${line.id}' is already used at line ${at(prev).line}`, ['Line ids are unique in the file, so translations can name each line.']);
    else lineIds.set(line.id, [...path, 'id']);
  }
  const choiceIds = new Map<string, DataPath>();
  for (const { choice, path } of choices(s)) {
    const prev = choiceIds.get(choice.id);
    if (prev) report([...path, 'id'], 'BC300', `the choice id '${choice.id}' is already used at line ${repeated(choiceIds, choice.id, [...path, 'id'], prev)}`, ['Choice ids are unique in the file.']);
    else choiceIds.set(choice.id, [...path, 'id']);
  }

  // ---- references ------------------------------------------------------
  const hint = (value: string, kind: ReferenceKind, term?: string) => suggestReference(value, knownOf(s, term === undefined ? { kind } : { kind, term }), kind);
  /** When ids of this kind were given twice, the hint that the copy may be the item meant. */
  const repeatHint = (table: Map<string, DataPath> | undefined, value: string, what: string): string[] => {
    const r = (table && repeats.get(table)) ?? [];
    if (r.length === 0) return [];
    if (r.length === 1)
      return [`The ${what} at line ${r[0]!.line} repeats the id '${r[0]!.id}' of line ${r[0]!.first}: if it was meant to be '${value}', give it that id.`];
    return [`The ${what}s at lines ${r.map((x) => x.line).join(', ')} repeat ids used above them: if one was meant to be '${value}', give it that id.`];
  };
  /** The hints for a reference to an id no item of its kind has: a copy that kept its old id first, then what it could have meant. */
  const refHints = (table: Map<string, DataPath> | undefined, value: string, what: ReferenceKind, term?: string): string[] => {
    const copies = repeatHint(table, value, what);
    const meant = hint(value, what, term);
    // "Did you mean" the id that was given twice would send the author to the wrong one of the two.
    const twice = (table && repeats.get(table)) ?? [];
    return twice.some((r) => meant === `Did you mean '${r.id}'?`) ? copies : [...copies, meant];
  };
  const ref = (value: string | undefined, table: Map<string, DataPath>, path: DataPath, code: DiagnosticCode, what: ReferenceKind) => {
    if (value === undefined || table.has(value)) return;
    report(path, code, `no ${what} has the id '${value}'`, refHints(table, value, what));
  };
  const exit = (e: { next?: string | undefined; end?: string | undefined }, path: DataPath) => {
    if (e.next !== undefined && !beatIds.has(e.next)) {
      if (endingIds.has(e.next)) report([...path, 'next'], 'BC307', `'${e.next}' is an ending, not a beat`, [`Write \`end: ${e.next}\` instead of \`next: ${e.next}\`.`]);
      else report([...path, 'next'], 'BC301', `no beat has the id '${e.next}'`, refHints(beatIds, e.next, 'beat'));
    }
    if (e.end !== undefined && !endingIds.has(e.end) && !endingsNamedAsBeats.has(e.end)) {
      if (beatIds.has(e.end)) report([...path, 'end'], 'BC307', `'${e.end}' is a beat, not an ending`, [`Write \`next: ${e.end}\` instead of \`end: ${e.end}\`.`]);
      else report([...path, 'end'], 'BC301', `no ending has the id '${e.end}'`, refHints(endingIds, e.end, 'ending'));
    }
  };
  const oneWayOut = (o: { next?: unknown; end?: unknown; branches?: unknown; choices?: unknown }, path: DataPath, what: string, allowed: string) => {
    const n = ['next', 'end', 'branches', 'choices'].filter((k) => (o as Record<string, unknown>)[k] !== undefined).length;
    if (n !== 1) {
      report(path, 'BC207', n === 0 ? `${what} has no way out` : `${what} has more than one way out`, [`Give it exactly one of ${allowed}.`]);
    }
  };

  for (const [ri, r] of s.roles.entries()) {
    ref(r.side, sides, ['roles', ri, 'side'], 'BC308', 'side');
    if (!beatIds.has(r.start)) {
      if (endingIds.has(r.start))
        report(['roles', ri, 'start'], 'BC307', `the role '${r.id}' starts at '${r.start}', which is an ending`, ['A role starts at a beat: name its first beat in `start:`.']);
      else report(['roles', ri, 'start'], 'BC301', `no beat has the id '${r.start}'`, refHints(beatIds, r.start, 'beat'));
    }
  }
  for (const [ai, a] of s.actors.entries()) ref(a.side, sides, ['actors', ai, 'side'], 'BC308', 'side');
  for (const [si, side] of s.sides.entries())
    for (const [wi, w] of (side.walkawayShifts ?? []).entries()) ref(w.meter, meters, ['sides', si, 'walkawayShifts', wi, 'meter'], 'BC303', 'meter');
  for (const [ti, t] of (s.terms ?? []).entries()) {
    const opts = optionIds.get(t.id)!;
    if (t.start !== undefined && !opts.has(t.start))
      report(['terms', ti, 'start'], 'BC305', `the term '${t.id}' has no option '${t.start}'`, refHints(optionTables.get(t.id), t.start, 'option', t.id));
    if (t.credibility) {
      ref(t.credibility.side, sides, ['terms', ti, 'credibility', 'side'], 'BC308', 'side');
      ref(t.credibility.meter, meters, ['terms', ti, 'credibility', 'meter'], 'BC303', 'meter');
    }
    for (const [oi, o] of t.options.entries()) {
      for (const side of Object.keys(o.values)) ref(side, sides, ['terms', ti, 'options', oi, 'values', side], 'BC308', 'side');
      const missing = s.sides.filter((sd) => !(sd.id in o.values)).map((sd) => sd.id);
      // A side misspelt in `values` is told (BC308) with the side meant; the value it holds is not missing.
      if (missing.length > 0 && Object.keys(o.values).every((side) => sides.has(side)))
        report(['terms', ti, 'options', oi], 'BC503', `the option '${o.id}' of '${t.id}' has no value for ${missing.map((m) => `'${m}'`).join(', ')}`, [
          `Add \`values: { ${missing.map((m) => `${m}: 0`).join(', ')} }\` with what it is worth to each side; a missing value counts as 0.`,
        ]);
    }
  }
  checkIncompatible(s, at, report, index, (value, path) => ref(value, terms, path, 'BC305', 'term'), (term, option, path) => {
    if (optionIds.get(term)!.has(option)) return true;
    report(path, 'BC305', `the term '${term}' has no option '${option}'`, refHints(optionTables.get(term), option, 'option', term));
    return false;
  }, optionIds);
  for (const [ii, inj] of (s.injects ?? []).entries()) ref(inj.source, sources, ['injects', ii, 'source'], 'BC306', 'source');
  for (const [ii, it] of (s.interrupts ?? []).entries()) {
    oneWayOut(it, ['interrupts', ii], `the interrupt '${it.id}'`, 'next or end');
    exit(it, ['interrupts', ii]);
  }
  for (const [ei, e] of s.endings.entries()) {
    for (const [ci, c] of (e.concepts ?? []).entries()) ref(c, concepts, ['endings', ei, 'concepts', ci], 'BC308', 'concept');
    if (e.history) {
      ref(e.history.source, sources, ['endings', ei, 'history', 'source'], 'BC306', 'source');
      for (const [ai, a] of (e.history.also ?? []).entries()) ref(a, sources, ['endings', ei, 'history', 'also', ai], 'BC306', 'source');
    }
  }
  for (const [bi, beat] of s.beats.entries()) {
    const bp = ['beats', bi];
    ref(beat.part, parts, [...bp, 'part'], 'BC308', 'part');
    ref(beat.role, roles, [...bp, 'role'], 'BC308', 'role');
    for (const [ii, inj] of (beat.injects ?? []).entries()) ref(inj, injects, [...bp, 'injects', ii], 'BC308', 'inject');
    oneWayOut(beat, bp, `the beat '${beat.id}'`, 'choices, next, end or branches');
    exit(beat, bp);
    for (const [i, b] of (beat.branches ?? []).entries()) {
      oneWayOut(b, [...bp, 'branches', i], 'a branch', 'next or end');
      exit(b, [...bp, 'branches', i]);
    }
    if (beat.branches && beat.branches[beat.branches.length - 1]!.when !== undefined)
      report([...bp, 'branches'], 'BC406', `if no branch of '${beat.id}' holds, play stops here`, ['End the list with a branch that has no `when:`.']);
    for (const [ci, c] of (beat.choices ?? []).entries()) {
      const cp = [...bp, 'choices', ci];
      ref(c.role, roles, [...cp, 'role'], 'BC308', 'role');
      oneWayOut(c, cp, `the choice '${c.id}'`, 'next, end or branches');
      exit(c, cp);
      for (const [i, b] of (c.branches ?? []).entries()) {
        oneWayOut(b, [...cp, 'branches', i], 'a branch', 'next or end');
        exit(b, [...cp, 'branches', i]);
      }
      if (c.branches && c.branches[c.branches.length - 1]!.when !== undefined)
        report([...cp, 'branches'], 'BC406', `if no branch of the choice '${c.id}' holds, play stops here`, ['End the list with a branch that has no `when:`.']);
      if (c.when !== undefined && c.unavailable === undefined && !c.hide)
        report(cp, 'BC504', `the choice '${c.id}' has a condition but no \`unavailable:\` reason`, [
          'Add `unavailable:` with what the player needs, e.g. "Needs trust of 3 or more", or `hide: true`.',
        ]);
    }
  }
  for (const { line, path } of lines(s)) {
    ref(line.speaker, actors, [...path, 'speaker'], 'BC302', 'actor');
    ref(line.source, sources, [...path, 'source'], 'BC306', 'source');
  }

  // ---- provenance ------------------------------------------------------
  const provenance = (item: { source?: string | undefined; invented?: boolean | undefined }, path: DataPath, what: string) => {
    if (item.source === undefined && item.invented !== true)
      report(path, 'BC600', `${what} has neither a source nor \`invented: true\``, [
        'Add `source: <id>` naming where the fact comes from, or `invented: true` for dialogue written for the game.',
      ]);
    else if (item.source !== undefined && item.invented === true)
      report(path, 'BC601', `${what} has a source and is marked invented`, ['Keep `source:` for reported text, or `invented: true` for invented text, not both.']);
  };
  for (const { line, path } of lines(s)) provenance(line, path, `the line '${line.id}'`);
  for (const [ii, inj] of (s.injects ?? []).entries()) provenance(inj, ['injects', ii], `the inject '${inj.id}'`);
  for (const [ri, r] of s.roles.entries()) {
    for (const [i, n] of r.briefing.entries()) {
      provenance(n, ['roles', ri, 'briefing', i], `the briefing item '${n.id}'`);
      ref(n.source, sources, ['roles', ri, 'briefing', i, 'source'], 'BC306', 'source');
    }
    for (const [i, n] of r.goals.entries()) ref(n.source, sources, ['roles', ri, 'goals', i, 'source'], 'BC306', 'source');
    for (const [i, n] of (r.unknowns ?? []).entries()) ref(n.source, sources, ['roles', ri, 'unknowns', i, 'source'], 'BC306', 'source');
  }

  // ---- meters ----------------------------------------------------------
  for (const [mi, m] of (s.meters ?? []).entries()) {
    if (!(m.min < m.max)) report(['meters', mi, 'max'], 'BC502', `the meter '${m.id}' has max ${m.max} not above min ${m.min}`, ['Make `max` larger than `min`.']);
    else if (m.start < m.min || m.start > m.max)
      report(['meters', mi, 'start'], 'BC502', `the meter '${m.id}' starts at ${m.start}, outside ${m.min}..${m.max}`, [`Use a start between ${m.min} and ${m.max}.`]);
  }

  // ---- conditions and effects -----------------------------------------
  const meterById = firstById(s.meters ?? []);
  const termById = firstById(s.terms ?? []);
  const readMeters = new Set<string>();
  const writtenMeters = new Set<string>();
  const readFlags = new Set<string>();
  const setFlags = flagsEverTrue(s);
  for (const side of s.sides) for (const w of side.walkawayShifts ?? []) readMeters.add(w.meter);
  for (const t of s.terms ?? []) if (t.credibility) readMeters.add(t.credibility.meter);

  for (const { cond, path } of conditions(s)) {
    if ('meter' in cond) {
      readMeters.add(cond.meter);
      const m = meterById.get(cond.meter);
      if (!m) ref(cond.meter, meters, [...path, 'meter'], 'BC303', 'meter');
      else if (!COMPARISON_KEYS.some((k) => cond[k] !== undefined))
        report(path, 'BC208', `the condition on '${m.id}' compares it with nothing`, [`Add a comparison, e.g. \`{ meter: ${m.id}, gte: ${m.start} }\` (gte, gt, lte, lt, eq or ne).`]);
      else if (m.min < m.max) {
        const reason = impossibleRange(cond, m.min, m.max);
        if (reason) report(path, 'BC500', `the condition on '${m.id}' can never hold: ${reason}`, [`'${m.id}' stays between ${m.min} and ${m.max}.`]);
      }
    } else if ('flag' in cond) {
      readFlags.add(cond.flag);
      ref(cond.flag, flags, [...path, 'flag'], 'BC304', 'flag');
    } else if ('term' in cond) {
      const t = termById.get(cond.term);
      if (!t) ref(cond.term, terms, [...path, 'term'], 'BC305', 'term');
      else {
        const opts = optionIds.get(t.id)!;
        if (cond.is !== undefined && cond.is !== 'open' && !opts.has(cond.is))
          report([...path, 'is'], 'BC305', `the term '${t.id}' has no option '${cond.is}'`, refHints(optionTables.get(t.id), cond.is, 'option', t.id));
        for (const [i, o] of (cond.in ?? []).entries())
          if (o !== 'open' && !opts.has(o)) report([...path, 'in', i], 'BC305', `the term '${t.id}' has no option '${o}'`, refHints(optionTables.get(t.id), o, 'option', t.id));
        if (cond.is !== undefined && cond.in !== undefined)
          report(path, 'BC208', 'a term condition has both `is:` and `in:`', ['Use `is:` for one option or `in:` for several.']);
      }
    } else if ('acceptable' in cond) ref(cond.acceptable, sides, [...path, 'acceptable'], 'BC308', 'side');
    else if ('value' in cond) ref(cond.value, sides, [...path, 'value'], 'BC308', 'side');
    else if ('visited' in cond) {
      if (!beatIds.has(cond.visited)) ref(cond.visited, beatIds, [...path, 'visited'], 'BC301', 'beat');
    } else if ('chose' in cond) ref(cond.chose, choiceIds, [...path, 'chose'], 'BC308', 'choice');
    else if ('role' in cond) ref(cond.role, roles, [...path, 'role'], 'BC308', 'role');
  }
  for (const { effect, path } of effects(s)) {
    if ('meter' in effect) {
      writtenMeters.add(effect.meter);
      ref(effect.meter, meters, [...path, 'meter'], 'BC303', 'meter');
    } else if ('flag' in effect) {
      ref(effect.flag, flags, [...path, 'flag'], 'BC304', 'flag');
    } else if ('term' in effect) {
      const t = termById.get(effect.term);
      if (!t) ref(effect.term, terms, [...path, 'term'], 'BC305', 'term');
      else if (effect.set !== 'open' && !optionIds.get(t.id)!.has(effect.set))
        report([...path, 'set'], 'BC305', `the term '${t.id}' has no option '${effect.set}'`, refHints(optionTables.get(t.id), effect.set, 'option', t.id));
    } else if ('inject' in effect) ref(effect.inject, injects, [...path, 'inject'], 'BC308', 'inject');
  }
  for (const [mi, m] of (s.meters ?? []).entries())
    if (!readMeters.has(m.id) && !writtenMeters.has(m.id))
      report(['meters', mi, 'id'], 'BC501', `the meter '${m.id}' is never changed and never read`, ['Change it with an effect, read it in a condition, or remove it.']);
  // An actor who never speaks still ships with a name and title to translate, and usually means a line went to someone else.
  // A line naming an unknown speaker is already an error (BC302), most often a misspelt actor: that actor is not silent, so say nothing more.
  const speakers = new Set([...lines(s)].map(({ line }) => line.speaker));
  const misnamed = [...speakers].some((id) => !s.actors.some((a) => a.id === id));
  for (const [ai, a] of s.actors.entries())
    if (!misnamed && !speakers.has(a.id)) report(['actors', ai, 'id'], 'BC501', `the actor '${a.id}' never speaks`, [`Give them a line (\`speaker: ${a.id}\`), or remove them from \`actors:\`.`]);
  for (const [fi, f] of (s.flags ?? []).entries()) {
    if (!readFlags.has(f.id) && !setFlags.has(f.id)) report(['flags', fi, 'id'], 'BC501', `the flag '${f.id}' is never set and never read`, ['Use it in an effect and a condition, or remove it.']);
    else if (!readFlags.has(f.id)) report(['flags', fi, 'id'], 'BC501', `the flag '${f.id}' is set but no condition reads it`, ['Read it in a condition (`{ flag: ' + f.id + ' }`), or remove it.']);
    else if (!setFlags.has(f.id)) report(['flags', fi, 'id'], 'BC501', `the flag '${f.id}' is read but never set`, ['Set it with `{ flag: ' + f.id + ', set: true }`, or remove the conditions on it.']);
  }

  // ---- graph -----------------------------------------------------------
  if (!out.some((d) => d.severity === 'error')) out.push(...checkGraph(s, parsed));
  return out;
}

type Report = (path: DataPath, code: DiagnosticCode, message: string, hints?: string[]) => void;

/**
 * The entries of `incompatible:`: ids, the terms and options they name,
 * a term named twice, and entries that rule out nothing more than another
 * does (the same options, or more options than one that already clashes).
 */
function checkIncompatible(
  s: Scenario,
  at: Loc,
  report: Report,
  index: (items: readonly { id: string }[] | undefined, path: DataPath, what: string) => Map<string, DataPath>,
  termRef: (value: string, path: DataPath) => void,
  optionRef: (term: string, option: string, path: DataPath) => boolean,
  optionIds: Map<string, Set<string>>,
): void {
  const entries = s.incompatible ?? [];
  index(entries, ['incompatible'], 'exclusion');
  // Only entries whose every option exists and whose terms differ are compared with one another.
  const sound: { ei: number; named: Map<string, string> }[] = [];
  for (const [ei, e] of entries.entries()) {
    const named = new Map<string, string>();
    let ok = true;
    for (const [oi, o] of e.options.entries()) {
      const op = ['incompatible', ei, 'options', oi];
      if (!optionIds.has(o.term)) {
        termRef(o.term, [...op, 'term']);
        ok = false;
        continue;
      }
      if (!optionRef(o.term, o.option, [...op, 'option'])) ok = false;
      const before = named.get(o.term);
      if (before === undefined) {
        named.set(o.term, o.option);
        continue;
      }
      ok = false;
      report([...op, 'term'], 'BC505', `the exclusion '${e.id}' names the term '${o.term}' twice`, [
        before === o.option
          ? `It names '${o.option}' of '${o.term}' twice: remove one of the two.`
          : `A package holds one option of each term, so '${before}' and '${o.option}' are never on the table together anyway: name each term once, with the option that clashes with the others.`,
      ]);
    }
    if (ok) sound.push({ ei, named });
  }
  const list = (named: Map<string, string>) => [...named].map(([t, o]) => `${t}: ${o}`).join(', ');
  const covers = (small: Map<string, string>, big: Map<string, string>) => [...small].every(([t, o]) => big.get(t) === o);
  const told = new Set<number>();
  for (const [bi, b] of sound.entries()) {
    for (const a of sound.slice(0, bi)) {
      const aId = entries[a.ei]!.id;
      const bId = entries[b.ei]!.id;
      const line = (ei: number) => at(['incompatible', ei, 'id']).line;
      if (a.named.size === b.named.size && covers(a.named, b.named)) {
        told.add(b.ei);
        report(['incompatible', b.ei, 'id'], 'BC506', `the exclusion '${bId}' names the same options as '${aId}' at line ${line(a.ei)}`, [
          'Both rule out the same packages: remove one, and keep the `why` that says it best.',
        ]);
      } else if (covers(a.named, b.named) || covers(b.named, a.named)) {
        const [wide, narrow] = covers(a.named, b.named) ? [b, a] : [a, b];
        if (told.has(wide.ei)) continue;
        told.add(wide.ei);
        report(['incompatible', wide.ei, 'id'], 'BC507', `the exclusion '${entries[wide.ei]!.id}' can never matter: '${entries[narrow.ei]!.id}' at line ${line(narrow.ei)} already rules out every package it names`, [
          `Every package with ${list(wide.named)} also holds ${list(narrow.named)}: remove '${entries[wide.ei]!.id}'. If '${entries[narrow.ei]!.id}' rules out more than you meant, name more options in it instead.`,
        ]);
      }
      if (told.has(b.ei)) break;
    }
  }
}

/** Items by id, the first of any repeated id (the one the checker keeps). */
function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) if (!out.has(item.id)) out.set(item.id, item);
  return out;
}

/** Why a comparison can never hold within min..max, or undefined when it can. */
export function impossibleRange(cond: Partial<Record<(typeof COMPARISON_KEYS)[number], number>>, min: number, max: number): string | undefined {
  let lo = min;
  let hi = max;
  let loOpen = false;
  let hiOpen = false;
  const parts: string[] = [];
  for (const k of COMPARISON_KEYS) {
    const v = cond[k];
    if (v === undefined) continue;
    parts.push(`${k} ${v}`);
    if (k === 'gte' && v > lo) [lo, loOpen] = [v, false];
    if (k === 'gt' && v >= lo) [lo, loOpen] = [v, true];
    if (k === 'lte' && v < hi) [hi, hiOpen] = [v, false];
    if (k === 'lt' && v <= hi) [hi, hiOpen] = [v, true];
    if (k === 'eq') {
      if (v < lo || v > hi) return `${parts.join(', ')}`;
      [lo, hi, loOpen, hiOpen] = [v, v, false, false];
    }
  }
  if (parts.length === 0) return undefined;
  if (lo > hi || (lo === hi && (loOpen || hiOpen))) return parts.join(', ');
  if (cond.ne !== undefined && lo === hi && cond.ne === lo) return parts.join(', ');
  return undefined;
}

/**
 * The graph of beats, ignoring conditions: what each role can reach, which
 * beats and endings nothing reaches, loops that never wait for the player,
 * and roles that are never offered a choice.
 */
function checkGraph(s: Scenario, parsed: ParsedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { file } = parsed;
  const beatIndex = new Map(s.beats.map((b, i) => [b.id, i]));
  const reachedBeats = new Set<string>();
  const reachedEndings = new Set<string>();
  const interruptTargets = (s.interrupts ?? []).map((it) => ({ next: it.next, end: it.end }));

  for (const [ri, role] of s.roles.entries()) {
    const seen = new Set<string>();
    const queue = [role.start];
    let offered = false;
    let first = true;
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const bi = beatIndex.get(id);
      if (bi === undefined) continue;
      const beat = s.beats[bi]!;
      if (beat.role !== undefined && beat.role !== role.id) {
        out.push(diag(file, parsed.locate(['beats', bi, 'role']), 'BC402', `the beat '${beat.id}' is only for role '${beat.role}', but role '${role.id}' can reach it`, [
          'Route the other role elsewhere, or remove `role:` from the beat.',
        ]));
        continue;
      }
      reachedBeats.add(id);
      const exits = beatExits(beat, ['beats', bi], role.id);
      if (beat.choices) {
        const mine = beat.choices.filter((c) => c.role === undefined || c.role === role.id);
        if (mine.length === 0)
          out.push(diag(file, parsed.locate(['beats', bi, 'choices']), 'BC402', `in role '${role.id}' the beat '${beat.id}' offers no choice`, [
            `Add a choice without \`role:\` or with \`role: ${role.id}\`.`,
          ]));
        else offered = true;
      }
      for (const e of [...exits, ...(first ? interruptTargets : [])]) {
        if (e.next !== undefined) queue.push(e.next);
        if (e.end !== undefined) reachedEndings.add(e.end);
      }
      first = false;
    }
    if (!offered)
      out.push(diag(file, parsed.locate(['roles', ri, 'id']), 'BC405', `the role '${role.id}' is never offered a choice`, ['Give the beats it plays choices for this role.']));
  }
  for (const [bi, beat] of s.beats.entries())
    if (!reachedBeats.has(beat.id))
      out.push(diag(file, parsed.locate(['beats', bi, 'id']), 'BC400', `no path reaches the beat '${beat.id}'`, ['Lead to it with `next:` from another beat or choice, or remove it.']));
  for (const [ei, e] of s.endings.entries())
    if (!reachedEndings.has(e.id))
      out.push(diag(file, parsed.locate(['endings', ei, 'id']), 'BC401', `no path reaches the ending '${e.id}'`, ['Lead to it with `end:` from a beat, choice, branch or interrupt, or remove it.']));

  // Beats that neither show a line nor wait for a choice pass straight on;
  // a loop made only of them would never stop.
  // A beat with only conditional replies may show nothing, so it counts as one that passes on.
  const passThrough = (b: Beat) => !b.choices && (b.lines ?? []).length === 0 && !(b.replies ?? []).some((r) => r.when === undefined);
  const state = new Map<string, 0 | 1 | 2>();
  const visit = (id: string, stack: string[]): string[] | undefined => {
    const bi = beatIndex.get(id);
    if (bi === undefined || !passThrough(s.beats[bi]!)) return undefined;
    if (state.get(id) === 2) return undefined;
    if (state.get(id) === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    for (const e of beatExits(s.beats[bi]!, ['beats', bi])) {
      if (e.next === undefined) continue;
      const loop = visit(e.next, [...stack, id]);
      if (loop) return loop;
    }
    state.set(id, 2);
    return undefined;
  };
  for (const b of s.beats) {
    const loop = visit(b.id, []);
    if (loop) {
      out.push(diag(file, parsed.locate(['beats', beatIndex.get(loop[0]!)!, 'id']), 'BC403', `the beats ${loop.map((x) => `'${x}'`).join(' → ')} loop without a line or a choice`, [
        'Give one of them a line or a choice, so the loop waits for the player.',
      ]));
      break;
    }
  }
  return out;
}
