/**
 * The record a translation file keeps of the words each of its texts was
 * translated from: under `originals:`, at the end of the file, each key
 * with a short fingerprint of the scenario's text at the time.
 *
 * ```yaml
 * # Written by npm run translation, not by hand: a fingerprint of the scenario's words
 * # each text was translated from, so that validate can tell when they change.
 * originals:
 *   title: "5a1c03e9"
 * ```
 *
 * `npm run translation` writes it, and the update keeps it current; the
 * checker compares it with the scenario's words now, and tells each text
 * whose original changed after it was translated (BC705). A file without
 * it is checked as before. The game never reads it.
 *
 * Pure TypeScript: the fingerprint is FNV-1a (32 bits) over the text's UTF-8
 * bytes, in Unicode's composed form (NFC), written as 8 hexadecimal digits.
 */
import type { Diagnostic } from './diagnostics.js';
import { diag, type ParsedFile } from './parse.js';
import type { Scenario } from './schema.js';
import { textSlots } from './translate.js';
import { describeType, isMapping } from './value-types.js';

/** The top-level key of the record. */
export const ORIGINALS = 'originals';

/** The comment written above `originals:` in a YAML file, one string a line, without the `#`. */
export const ORIGINALS_HEADING = [
  " Written by npm run translation, not by hand: a fingerprint of the scenario's words",
  ' each text was translated from, so that validate can tell when they change.',
];

/** What a fingerprint looks like: written in small letters, read in either (a hand may have put them in capitals; the number is the same). */
export const FINGERPRINT_PATTERN = /^[0-9a-fA-F]{8}$/;

/**
 * Whether a value read from `originals:` is a fingerprint as written by `npm
 * run translation`, or one whose letters were put in capitals by hand (the
 * same number): compare it through `sameFingerprint`.
 */
export const isFingerprint = (v: unknown): v is string => typeof v === 'string' && FINGERPRINT_PATTERN.test(v);

/** Whether a fingerprint read from a file is that of `text`. */
export const sameFingerprint = (fp: string, text: string): boolean => fp.toLowerCase() === fingerprint(text);

/**
 * The fingerprint of a text: 32-bit FNV-1a over the UTF-8 bytes of its
 * composed form (NFC), as 8 lowercase hexadecimal digits. The same words
 * give the same fingerprint however the file writes them (quotes, folded
 * lines, a decomposed accent).
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  const byte = (b: number) => {
    h = Math.imul(h ^ b, 0x01000193);
  };
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) byte(c);
    else if (c < 0x800) {
      byte(0xc0 | (c >> 6));
      byte(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      byte(0xe0 | (c >> 12));
      byte(0x80 | ((c >> 6) & 0x3f));
      byte(0x80 | (c & 0x3f));
    } else {
      byte(0xf0 | (c >> 18));
      byte(0x80 | ((c >> 12) & 0x3f));
      byte(0x80 | ((c >> 6) & 0x3f));
      byte(0x80 | (c & 0x3f));
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The `originals:` block of a YAML translation, heading comment and all,
 * one `key: "fingerprint"` a line (quoted, so that no fingerprint reads as a
 * number), ending with a line break.
 */
export function originalsYaml(entries: Iterable<readonly [string, string]>, indent = '  ', eol = '\n', notes?: OriginalsNotes): string {
  const lines = [...ORIGINALS_HEADING.map((l) => `#${l}`), `${ORIGINALS}:`];
  for (const [key, fp] of entries) {
    for (const c of notes?.before.get(key) ?? []) lines.push(`${indent}${c}`);
    const after = notes?.after.get(key);
    lines.push(`${indent}${yamlKey(key)}: "${fp}"${after !== undefined ? ` ${after}` : ''}`);
  }
  for (const c of notes?.end ?? []) lines.push(`${indent}${c}`);
  return lines.join(eol) + eol;
}

/** Comments an author wrote inside `originals:`, each `#` and all, kept where they were when the block is written again. */
export interface OriginalsNotes {
  /** The comment lines above each key. */
  before: ReadonlyMap<string, readonly string[]>;
  /** The comment after each key's fingerprint, on its line. */
  after: ReadonlyMap<string, string>;
  /** The comment lines below the last key. */
  end: readonly string[];
}

/**
 * A key as YAML reads it back: as it is when it is a key as the scenario's
 * are (`line.greet-1`), else in double quotes. A key kept from an older
 * scenario or typed by hand may hold `: `, `#` or a leading quote, which
 * would read as something else unquoted.
 */
export function yamlKey(key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(key)) return key;
  // JSON's escapes are YAML's too; the line and paragraph separators YAML may take for line breaks are escaped as well.
  return JSON.stringify(key).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The record as read from a file: undefined when the file has none; `usable: false` when `originals:` is not a mapping. */
export function readOriginals(data: unknown): { usable: boolean; entries: Map<string, unknown> } | undefined {
  if (!isMapping(data) || !Object.prototype.hasOwnProperty.call(data, ORIGINALS)) return undefined;
  const o = data[ORIGINALS];
  // A Map, not an object: a key is never taken for one every object has.
  return isMapping(o) ? { usable: true, entries: new Map(Object.entries(o)) } : { usable: false, entries: new Map() };
}

/** Text from a file or a scenario shown in a message: on one line, and cut when long. */
export function shown(text: string, max = 80): string {
  // By characters, not UTF-16 units, so that a cut never splits an emoji into half a character.
  const chars = [...text].map((c) => (c.charCodeAt(0) < 32 || c === '\u007f' ? ' ' : c));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * The warnings (BC705) on a translation's `originals:`, checked against its
 * scenario: each text whose original changed after it was translated, at
 * the text, with the scenario's words now; a fingerprint that is not one,
 * or whose key the scenario no longer has (and the texts do not give: that
 * text is an error of its own); a record that is not a mapping. None for a
 * file without `originals:`. `update` is the command that brings the file
 * up to date.
 */
export function checkOriginals(parsed: ParsedFile, scenario: Scenario, update: string): Diagnostic[] {
  const record = readOriginals(parsed.data);
  if (!record) return [];
  if (!record.usable)
    return [
      diag(parsed.file, parsed.locate([ORIGINALS]), 'BC705', `'originals' should be a mapping of keys to fingerprints, not ${describeType((parsed.data as Record<string, unknown>)[ORIGINALS])}, so a text whose original changed cannot be told`, [
        `\`originals:\` is written by npm run translation, not by hand: \`${update}\` writes it again for the scenario's words as they are now, taking the translations to match them.`,
      ]),
    ];
  const out: Diagnostic[] = [];
  const texts = (parsed.data as Record<string, unknown>)['texts'];
  const given = (key: string) => isMapping(texts) && Object.prototype.hasOwnProperty.call(texts, key);
  const words = new Map(textSlots(scenario).map((s) => [s.key, s.text]));
  const json = 'reader' in parsed && parsed.reader === 'json';
  for (const [key, fp] of record.entries) {
    const now = words.get(key);
    if (now === undefined) {
      // A text the scenario does not have is an error (BC702) already; its fingerprint goes with it.
      if (!given(key))
        out.push(
          diag(parsed.file, parsed.locateKey([ORIGINALS, key]), 'BC705', `'originals' has a fingerprint for '${shown(key)}', which is not a text of the scenario '${scenario.id}'`, [
            `\`originals:\` is written by npm run translation, not by hand: \`${update}\` removes it.`,
          ]),
        );
      continue;
    }
    if (!isFingerprint(fp)) {
      const what = typeof fp === 'string' ? `is not a fingerprint such as "1f0c5a9e" (8 of the digits 0-9 and letters a-f)` : `should be a fingerprint in quotes, such as "1f0c5a9e", not ${describeType(fp)}`;
      out.push(
        diag(parsed.file, parsed.locate([ORIGINALS, key]), 'BC705', `'${shown(key)}' under 'originals' ${what}, so a change to its original cannot be told`, [
          `\`originals:\` is written by npm run translation, not by hand: \`${update}\` records the scenario's words as they are now for this text, taking its translation to match them.`,
        ]),
      );
      continue;
    }
    if (!given(key) || sameFingerprint(fp, now)) continue;
    // Still in the old words it was recorded with: never translated, so there is nothing to revise, only (as for any text left in the scenario's words) to translate.
    const value = (texts as Record<string, unknown>)[key];
    if (typeof value === 'string' && sameFingerprint(fp, value)) continue;
    out.push(
      diag(parsed.file, parsed.locateKey(['texts', key]), 'BC705', `the scenario's words for '${shown(key)}' changed after it was translated`, [
        `They now read: "${shown(now, 100)}"`,
        `Revise the translation to match. \`${update}\` ${json ? 'lists each such text' : 'marks each such text `# TODO revise`'} and records the new words, which ends this warning.`,
      ]),
    );
  }
  return out;
}
