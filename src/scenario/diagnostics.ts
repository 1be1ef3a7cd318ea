/**
 * Diagnostics: what the checker tells an author, with a stable code, a place
 * in the file and a hint on how to fix it.
 */

export type Severity = 'error' | 'warning';

/** A 1-based line and column in a source file. */
export interface Position {
  line: number;
  col: number;
}

/** One problem found in a scenario file. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Hint lines on how to fix it; printed indented under the diagnostic. */
  hints: string[];
}

/**
 * Every code the checker can report, with its severity and a one-line
 * summary. The codes are stable: scenarios/README.md documents each, and
 * authors may search for them.
 */
export const CODES = {
  BC100: { severity: 'error', summary: 'The file is empty.' },
  BC101: { severity: 'error', summary: 'The file is not text (binary data or invalid UTF-8).' },
  BC102: { severity: 'error', summary: 'The file is larger than the limit.' },
  BC103: { severity: 'error', summary: 'YAML or JSON syntax error.' },
  BC104: { severity: 'error', summary: 'Too many aliases, nodes or levels of nesting.' },
  BC105: { severity: 'error', summary: 'A forbidden key such as __proto__.' },
  BC106: { severity: 'error', summary: 'A key appears twice in the same mapping.' },
  BC107: { severity: 'error', summary: 'The top of the file is not a mapping.' },
  BC108: { severity: 'warning', summary: 'The file name does not end in .yaml, .yml or .json, so the game does not read it.' },
  BC109: { severity: 'warning', summary: 'A # in unquoted text starts a comment and cuts the text short.' },
  BC200: { severity: 'error', summary: 'The format version (`backchannel:`) is missing.' },
  BC201: { severity: 'error', summary: 'The format version is not one this build reads.' },
  BC202: { severity: 'error', summary: 'A key the format does not know.' },
  BC203: { severity: 'error', summary: 'A required key is missing.' },
  BC204: { severity: 'error', summary: 'A value has the wrong type.' },
  BC205: { severity: 'error', summary: 'An id is not well formed.' },
  BC206: { severity: 'error', summary: 'A value is out of its allowed range or set.' },
  BC207: { severity: 'error', summary: 'A beat, choice, branch or interrupt does not have exactly one way out.' },
  BC208: { severity: 'error', summary: 'A condition or effect is not one of the known forms.' },
  BC209: { severity: 'warning', summary: 'A whole text wrapped in curly quotes, which players see.' },
  BC210: { severity: 'warning', summary: 'A number with a point between its thousands, which YAML reads as a decimal point.' },
  BC300: { severity: 'error', summary: 'Two things share an id.' },
  BC301: { severity: 'error', summary: 'A reference to a beat or ending that does not exist.' },
  BC302: { severity: 'error', summary: 'A reference to an actor that does not exist.' },
  BC303: { severity: 'error', summary: 'A reference to a meter that does not exist.' },
  BC304: { severity: 'error', summary: 'A reference to a flag that does not exist.' },
  BC305: { severity: 'error', summary: 'A reference to a term or option that does not exist.' },
  BC306: { severity: 'error', summary: 'A reference to a source that does not exist.' },
  BC307: { severity: 'error', summary: 'A reference to an ending where a beat is needed, or the reverse.' },
  BC308: { severity: 'error', summary: 'A reference to a side, role, part, concept, inject or choice that does not exist.' },
  BC400: { severity: 'warning', summary: 'A beat no path reaches.' },
  BC401: { severity: 'error', summary: 'An ending no path reaches.' },
  BC402: { severity: 'error', summary: 'A dead end: play can stop before any ending.' },
  BC403: { severity: 'error', summary: 'A loop of beats that never waits for the player.' },
  BC404: { severity: 'warning', summary: 'The reachability proof stopped at its state budget.' },
  BC405: { severity: 'error', summary: 'A role that never gets a choice.' },
  BC406: { severity: 'warning', summary: 'Routing that may match nothing.' },
  BC407: { severity: 'warning', summary: 'A choice that is open in no play.' },
  BC408: { severity: 'warning', summary: 'A branch that no play takes.' },
  BC409: { severity: 'warning', summary: 'A reply that no play shows.' },
  BC410: { severity: 'warning', summary: 'Play can put on the table options that an exclusion says cannot stand together.' },
  BC500: { severity: 'error', summary: 'A condition that can never hold.' },
  BC501: { severity: 'warning', summary: 'A meter, flag or actor that nothing uses.' },
  BC502: { severity: 'error', summary: 'A meter whose range or start is wrong.' },
  BC503: { severity: 'warning', summary: 'An option with no valuation for a side.' },
  BC504: { severity: 'warning', summary: 'A choice with a condition but no reason shown when unavailable.' },
  BC505: { severity: 'error', summary: 'An exclusion that names one term twice.' },
  BC506: { severity: 'warning', summary: 'Two exclusions that name the same options.' },
  BC507: { severity: 'warning', summary: 'An exclusion that can never matter, as another rules out every package it names.' },
  BC600: { severity: 'error', summary: 'Text with neither a source nor `invented: true`.' },
  BC601: { severity: 'error', summary: 'Text marked both with a source and as invented.' },
  BC700: { severity: 'error', summary: 'A translation whose scenario is not found, or has errors of its own.' },
  BC701: { severity: 'error', summary: 'A translation into the language the scenario is written in.' },
  BC702: { severity: 'error', summary: 'A translation gives a text the scenario does not have.' },
  BC703: { severity: 'warning', summary: 'Texts a translation leaves out: they show in the scenario’s own language.' },
  BC704: { severity: 'error', summary: 'A second translation of one scenario into one language.' },
  BC705: { severity: 'warning', summary: 'A translated text whose original changed after it was translated, or a record under `originals:` that cannot be used.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof CODES;

/**
 * Formats one diagnostic as `FILE:LINE:COL: error|warning CODE: message`,
 * followed by its hints indented by two spaces.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.col}: ${d.severity} ${d.code}: ${plain(d.message)}`;
  return [head, ...d.hints.map((h) => `  ${plain(h)}`)].join('\n');
}

/**
 * Messages quote the file's own words, and a file may hold control
 * characters (C0 and C1) that a terminal would obey: moving the cursor,
 * retitling the window, faking a line of output. They show as '?'.
 */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '?');
}

/** Sorts diagnostics by file, line and column, so output is stable. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}

/** True when any diagnostic is an error. */
export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Edit distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  if (best !== undefined && bestDist <= Math.max(2, Math.floor(word.length / 3))) return best;
  // A word cut short (`accept` for `acceptable`, `desc` for `description`) is far in edits but plain to a reader.
  const lower = word.toLowerCase();
  const starts = word.length >= 4 ? [...candidates].filter((c) => c.toLowerCase().startsWith(lower)) : [];
  return starts.length === 1 ? starts[0] : undefined;
}

/** How many candidates a hint lists before it stops with "…". */
const LISTED = 8;

/** A "did you mean" hint, or the list of what is allowed when nothing is close. */
export function suggest(word: string, candidates: readonly string[], what: string): string {
  const near = closest(word, candidates);
  if (near) return `Did you mean '${near}'?`;
  if (candidates.length === 0) return `None are declared yet (${what}).`;
  const shown = candidates.slice(0, LISTED).map((c) => `'${c}'`).join(', ');
  return `Known ${what}: ${shown}${candidates.length > LISTED ? ', …' : '.'}`;
}

/** An item a reference can name: its id, and the texts (title, name, label) it is shown by. */
export interface Known {
  id: string;
  shown: { key: string; text: string }[];
}

/**
 * The hint for a reference that is not a valid id or names nothing of its
 * kind (`kind`, e.g. 'source'): the id written in other capitals, then the
 * item whose title, name or label it is (authors write what they see in
 * the game), then a likely typo, then the ids there are.
 */
export function suggestReference(word: string, known: readonly Known[], kind: string): string {
  const lower = word.toLowerCase();
  const sameId = known.find((k) => k.id.toLowerCase() === lower);
  if (sameId) return `Did you mean '${sameId.id}'?`;
  const plain = (t: string) => t.trim().replace(/\s+/g, ' ').toLowerCase();
  for (const k of known) {
    const by = k.shown.find((s) => plain(s.text) === plain(word));
    if (by) return `'${word}' is the ${by.key} of the ${kind} '${k.id}': refer to it by its id, '${k.id}'.`;
  }
  return suggest(word, known.map((k) => k.id), `${kind}s`);
}
