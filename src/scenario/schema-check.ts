/**
 * Turning schema violations into diagnostics an author can act on: the
 * place of the offending key or value, a plain message, and a hint.
 */
import type { z } from 'zod';
import { diag, type DataPath, type ParsedFile } from './parse.js';
import type { Diagnostic, Position } from './diagnostics.js';
import { closest, suggest, suggestReference } from './diagnostics.js';
import { COMPARISON_KEYS, CONDITION_KINDS, EFFECT_KINDS, FORMAT_VERSION, ID_PATTERN, scenarioSchema, type Scenario } from './schema.js';
import { KEYS_BY_KIND, isEffectPath, kindAt } from './keys.js';
import { knownOf, referenceAt, valueAt } from './references.js';
import { describeType } from './value-types.js';
import { marginKeyHome, marginKeyMessage } from './margin-key.js';

const ID_HINT = 'An id starts with a lowercase letter and uses only a-z, 0-9, - and _ (at most 64 characters), e.g. `safe-passage`.';

const expectedName: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

/** Keys whose text names something else in the file, for the hint when one is missing. */
const REFERENCE_KEYS: Record<string, string> = {
  speaker: 'the id of an actor',
  side: 'the id of a side',
  start: 'the id of a beat',
  source: 'the id of a source',
  meter: 'the id of a meter',
  term: 'the id of a term',
  flag: 'the id of a flag',
};

/** The last named key of a path, for messages. */
function keyName(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'value';
}

/** Converts the zod issues of one parse into diagnostics. */
function issuesToDiagnostics(issues: readonly z.core.$ZodIssue[], parsed: ParsedFile, out: Diagnostic[]): void {
  const { file } = parsed;
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    const raw = valueAt(parsed.data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const kind = kindAt(path);
        const allowed = KEYS_BY_KIND[kind] ?? [];
        const mapping = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
        // The later pieces of a text cut at commas belong to the error at its first piece.
        const covered = new Set<string>();
        for (const key of issue.keys) {
          if (covered.has(key)) continue;
          const at = parsed.locateKey([...path, key]);
          const slip = spaceForColon(key, allowed);
          if (slip) {
            const value = mapping[key];
            const written = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? `${slip.word}: ${slip.rest}: ${String(value)}` : `${slip.word}: ${slip.rest}`;
            out.push(diag(file, at, 'BC202', `unknown key '${key}': it looks like '${slip.word}' followed by a space instead of a colon`, [`Write \`${written}\`.`]));
            continue;
          }
          const number = numberCutAtComma(parsed, [...path, key], key);
          if (number) {
            out.push(diag(file, at, 'BC202', `unknown key '${number.written}' in ${article(kind)}: it looks like the rest of a number cut at a comma`, [number.hint]));
            continue;
          }
          const cut = writtenPlainInBraces(parsed, path, at) ? cutAtComma(mapping, key, allowed) : undefined;
          if (cut) {
            for (const piece of cut.pieces) covered.add(piece);
            const fix = cut.key ? ` Put the whole text in double quotes: ${cut.key}: ${JSON.stringify(cut.text)}` : ' Put the whole text in double quotes.';
            out.push(diag(file, at, 'BC202', `unknown key '${key}' in ${article(kind)}`, [`This looks like text cut at a comma: inside { } a comma ends the value.${fix}`]));
            continue;
          }
          const curlyKey = curlyQuoted(key, (bare) => allowed.includes(bare), 'key');
          if (curlyKey) {
            out.push(diag(file, at, 'BC202', `unknown key '${key}' in ${article(kind)}: ${curlyKey.why}`, [curlyHint(parsed, [...path, key], curlyKey, `${curlyKey.bare}:`)]));
            continue;
          }
          const margin = path.length === 0 && at.col === 1 ? marginKeyHome(parsed.text, at.line) : undefined;
          if (margin) {
            const told = marginKeyMessage(margin);
            out.push(diag(file, at, 'BC202', told.message, told.hints));
            continue;
          }
          const above = keyOfListHolder(parsed, path, key, at);
          if (above) {
            out.push(diag(file, at, 'BC202', `the key '${key}' is indented into ${above.swallowed > 0 ? 'an' : 'the last'} item of '${above.list}'`, [above.hint]));
            continue;
          }
          const slipped = kind === 'condition' ? conditionKeySlip(mapping, key) : undefined;
          if (slipped) {
            out.push(diag(file, at, 'BC202', `unknown key '${key}' in a condition: ${slipped.why}`, [slipped.hint]));
            continue;
          }
          const cased = allowed.find((k) => k !== key && k.toLowerCase() === key.toLowerCase());
          if (cased) {
            out.push(diag(file, at, 'BC202', `unknown key '${key}' in ${article(kind)}: keys are written with the capitals the format gives them`, [`Write \`${cased}:\`: to YAML, '${key}' and '${cased}' are two different keys.`]));
            continue;
          }
          out.push(diag(file, at, 'BC202', `unknown key '${key}' in ${article(kind)}`, [suggest(key, allowed, 'keys here')]));
        }
        break;
      }
      case 'invalid_type': {
        if (raw === undefined) {
          const parent = path.slice(0, -1);
          const missing = keyName(path);
          // A misspelt key, or this key followed by a space instead of a colon, is already reported (BC202) as this key: saying it is missing too only adds noise.
          const siblings = valueAt(parsed.data, parent);
          const allowedHere = KEYS_BY_KIND[kindAt(parent)] ?? [];
          const misspelt =
            siblings !== null && typeof siblings === 'object' && !Array.isArray(siblings)
              ? Object.keys(siblings).some((k) => !allowedHere.includes(k) && (closest(k, allowedHere) === missing || spaceForColon(k, allowedHere)?.word === missing))
              : false;
          if (misspelt) break;
          out.push(
            diag(file, parsed.locateKey(parent), 'BC203', `${article(kindAt(parent))} is missing its '${missing}'`, [
              `Add \`${missing}:\` with ${REFERENCE_KEYS[missing] ?? expectedName[issue.expected] ?? issue.expected}.`,
            ]),
          );
        } else {
          const slip = issue.expected === 'object' ? keyWithoutColon(parsed, path, raw) : undefined;
          if (slip) {
            out.push(slip);
            break;
          }
          const item = typeof path[path.length - 1] === 'number';
          // “2” or “true” pasted from a word processor: the quotes make it text, and they are what to fix.
          const curly =
            issue.expected === 'number' ? curlyQuoted(raw, (bare) => /^-?\d+(?:\.\d+)?$/.test(bare))
            : issue.expected === 'boolean' ? curlyQuoted(raw, (bare) => bare === 'true' || bare === 'false')
            : undefined;
          if (curly) {
            const last = path[path.length - 1];
            out.push(
              diag(file, parsed.locate(path), 'BC204', `${item ? `an item of '${keyName(path)}'` : `'${keyName(path)}'`} should be ${expectedName[issue.expected] ?? issue.expected}, not text: ${curly.why}`, [
                `Write \`${typeof last === 'string' ? `${last}: ` : ''}${curly.bare}\`, without quotes: quotes typed by a word processor (“ ” ‘ ’) are read as letters, which makes ${String(raw)} text.`,
              ]),
            );
            break;
          }
          const written = wordForValue(issue.expected, raw, path, parsed);
          out.push(
            diag(
              file,
              parsed.locate(path),
              'BC204',
              `${item ? `an item of '${keyName(path)}'` : `'${keyName(path)}'`} should be ${expectedName[issue.expected] ?? issue.expected}, not ${typeof raw === 'boolean' ? 'true or false' : describeType(raw)}${written ? `: ${written.why}` : ''}`,
              [written?.hint ?? typeHint(issue.expected, path)],
            ),
          );
        }
        break;
      }
      case 'invalid_format': {
        const isId = issue.format === 'regex' && String((issue as { pattern?: string }).pattern ?? '').includes('a-z0-9_-');
        const curly = isId ? curlyQuoted(raw, isIdText) : undefined;
        out.push(
          curly
            ? diag(file, parsed.locate(path), 'BC205', `'${String(raw)}' is not a valid id: ${curly.why}`, [curlyHint(parsed, path, curly)])
            : isId
            ? diag(file, parsed.locate(path), 'BC205', `'${String(raw)}' is not a valid id`, [referenceHint(parsed, path, raw) ?? spacedIdHint(raw) ?? ID_HINT])
            : diag(file, parsed.locate(path), 'BC206', `'${keyName(path)}' is not in the expected form`, [
                keyName(path) === 'language' ? 'Use a language code such as `en`, `es` or `pt-BR`.' : issue.message,
              ]),
        );
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
        const what = issue.origin === 'array' ? `${bound} item${Number(bound) === 1 ? '' : 's'}` : issue.origin === 'string' ? `${bound} characters` : String(bound);
        const message =
          issue.origin === 'string' && small ? `'${keyName(path)}' is empty` : `'${keyName(path)}' must have ${small ? 'at least' : 'at most'} ${what}`;
        // A list too short needs more items, not a value: `options:` with one option, say.
        const hint = !small ? 'Shorten it, or split it in two.' : issue.origin === 'array' ? `Give '${keyName(path)}' at least ${what}.` : `Give '${keyName(path)}' a value.`;
        out.push(diag(file, parsed.locate(path), 'BC206', message, [hint]));
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map(String);
        const curly = curlyQuoted(raw, (bare) => values.includes(bare));
        if (curly) {
          out.push(diag(file, parsed.locate(path), 'BC206', `'${String(raw)}' is not allowed for '${keyName(path)}': ${curly.why}`, [curlyHint(parsed, path, curly)]));
          break;
        }
        out.push(
          diag(file, parsed.locate(path), 'BC206', `'${String(raw)}' is not allowed for '${keyName(path)}'`, [
            `Use one of: ${values.join(', ')}.`,
            ...(typeof raw === 'string' && suggest(raw, values, 'values').startsWith('Did') ? [suggest(raw, values, 'values')] : []),
          ]),
        );
        break;
      }
      case 'invalid_union': {
        unionIssue(issue, path, raw, parsed, out);
        break;
      }
      case 'invalid_key': {
        // The path ends with the key itself: the mapping it is a key of comes before it.
        const key = String(path[path.length - 1]);
        const curly = curlyQuoted(key, isIdText, 'key');
        if (curly) {
          const example = typeof raw === 'number' ? `${curly.bare}: ${raw}` : curly.bare;
          out.push(diag(file, parsed.locateKey(path), 'BC205', `the key '${key}' of '${keyName(path.slice(0, -1))}' is not a valid id: ${curly.why}`, [curlyHint(parsed, path, curly, example)]));
          break;
        }
        const cut = numberCutAtComma(parsed, path, key);
        if (cut) {
          out.push(diag(file, parsed.locateKey(path), 'BC205', `the key '${cut.written}' of '${keyName(path.slice(0, -1))}' is not a valid id: it looks like the rest of a number cut at a comma`, [cut.hint]));
          break;
        }
        out.push(diag(file, parsed.locateKey(path), 'BC205', `the key '${key}' of '${keyName(path.slice(0, -1))}' is not a valid id`, [referenceHint(parsed, path, key) ?? ID_HINT]));
        break;
      }
      default:
        out.push(diag(file, parsed.locate(path), 'BC204', `'${keyName(path)}': ${issue.message}`, ['Compare with the reference in scenarios/README.md.']));
    }
  }
}

/**
 * A value written the way people write it elsewhere: a number with a comma
 * (`1,000`, `1,5`), points or spaces between its thousands (`1.000,5`,
 * `1 000`), yes or no for true or false, true or false where text
 * belongs. What makes it the wrong type, and how to write it; undefined for
 * anything else.
 */
function wordForValue(expected: string, raw: unknown, path: DataPath, parsed: ParsedFile): { why: string; hint: string } | undefined {
  const last = path[path.length - 1];
  const key = typeof last === 'string' ? `${last}: ` : '';
  if (expected === 'number' && typeof raw === 'string') {
    const n = raw.trim();
    // Only quotes can have made a plain number text.
    if (/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(n)) return { why: 'the quotes make it text', hint: `Write \`${key}${n}\`, without quotes.` };
    if (/^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(n)) {
      // `1,500` is fifteen hundred to some readers and one and a half to others; only the author knows.
      const decimal = /^[-+]?\d{1,3},(?!000)\d{3}$/.test(n) ? ` (or \`${key}${n.replace(',', '.').replace(/0+$/, '')}\`, if the comma was a decimal comma)` : '';
      return { why: 'the comma makes it text', hint: `Write numbers without a comma between the thousands: \`${key}${n.replace(/,/g, '')}\`${decimal}.` };
    }
    if (/^[-+]?\d+,\d+$/.test(n)) return { why: 'the comma makes it text', hint: `Write a decimal point, not a comma: \`${key}${n.replace(',', '.')}\`.` };
    // A number with its unit or a word after it: `4 hours`, `3 points`, `50%`.
    const unit = /^([-+]?\d+(?:\.\d+)?)\s*(%|[^\d\s.,][^\d]*)$/.exec(n);
    if (unit && PERCENT.test(unit[2]!)) return { why: `the ${unit[2] === '%' ? 'sign' : 'word'} after the number makes it text`, hint: percentHint(key, unit[1]!, path, parsed) };
    if (unit) return { why: 'the word after the number makes it text', hint: `Write the number alone: \`${key}${unit[1]}\`. Say what it counts in a label or description.` };
    // Written the European way, points between the thousands and a decimal comma: `1.000,5`, `1.000.000`.
    if (/^[-+]?\d{1,3}(?:\.\d{3})+,\d+$/.test(n) || /^[-+]?\d{1,3}(?:\.\d{3}){2,}$/.test(n)) {
      const comma = n.includes(',');
      return {
        why: comma ? 'the comma makes it text' : 'a number has at most one point',
        hint: `Write numbers with no point or space between the thousands${comma ? ', and a decimal point, not a comma' : ''}: \`${key}${n.replace(/\./g, '').replace(',', '.')}\`.`,
      };
    }
    // A space (or a narrow space) between the thousands: `1 000`, `12 500,5`.
    if (/^[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(n)) {
      const comma = n.includes(',');
      return {
        why: 'the space makes it text',
        hint: `Write numbers with no space between the thousands${comma ? ', and a decimal point, not a comma' : ''}: \`${key}${n.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')}\`.`,
      };
    }
  }
  if (expected === 'boolean' && typeof raw === 'string' && /^(?:yes|no|on|off|y|n)$/i.test(raw.trim())) {
    const meant = /^(?:yes|on|y)$/i.test(raw.trim());
    return { why: `'${raw.trim()}' is text here`, hint: `Write \`${key}${meant}\`: only true and false say yes or no; yes, no, on and off are read as text.` };
  }
  if (expected === 'string' && typeof raw === 'boolean') {
    const at = parsed.locate(path);
    const word = /^[A-Za-z]+/.exec([...(parsed.text.split('\n')[at.line - 1] ?? '')].slice(at.col - 1).join(''))?.[0] ?? String(raw);
    return { why: `YAML reads the word ${word} as a yes or no`, hint: `Put the text in "double quotes" to keep it as text: \`${key}"${word}"\`.` };
  }
  return undefined;
}

/** A percent sign, or the word for it, after a number. */
const PERCENT = /^(?:%|percent|per ?cent)$/i;

/** Rounds away the float noise of a share (0.07 × 100 is 7.000000000000001), for a number an author can copy. */
const tidy = (x: number): string => String(Number(x.toPrecision(10)));

/**
 * The range the number at `path` lives in, when the file says it: a meter's
 * start, a comparison with a meter, or an effect that sets or moves a meter
 * (whose change runs as far as the meter's span). Undefined for any other
 * number (a walk-away, a valuation), which has no fixed scale.
 */
function meterRangeAt(path: DataPath, data: unknown): { meter: string; min: number; max: number; change: boolean } | undefined {
  const key = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const parent = valueAt(data, parentPath) as Record<string, unknown> | undefined;
  let meter: Record<string, unknown> | undefined;
  const meters = (valueAt(data, ['meters']) ?? []) as unknown[];
  if (path.length === 3 && path[0] === 'meters' && key === 'start') meter = parent;
  else if (parent && typeof parent['meter'] === 'string') {
    const ofEffect = isEffectPath(parentPath) && (key === 'set' || key === 'add');
    const ofCondition = !isEffectPath(parentPath) && (COMPARISON_KEYS as readonly unknown[]).includes(key);
    if (ofEffect || ofCondition) meter = (Array.isArray(meters) ? meters : []).find((m) => (m as Record<string, unknown> | null)?.['id'] === parent['meter']) as Record<string, unknown> | undefined;
  }
  if (!meter || typeof meter['id'] !== 'string') return undefined;
  const { min, max } = meter;
  if (typeof min !== 'number' || typeof max !== 'number' || !(min < max)) return undefined;
  return { meter: meter['id'], min, max, change: key === 'add' };
}

/**
 * The hint for a percentage (`50%`) where a number belongs. On a meter, whose
 * range the file gives, the number at that share of its range (50 on a 0–100
 * meter, 0.5 on a 0–1 one, 5 on a 0–10 one), and the number as written too
 * when it also lies in the range and means something else; elsewhere the
 * scale is the author's own, so both the number and the fraction are offered.
 */
function percentHint(key: string, written: string, path: DataPath, parsed: ParsedFile): string {
  const pct = Number(written);
  const range = meterRangeAt(path, parsed.data);
  const fraction = tidy(pct / 100);
  if (range) {
    const span = range.max - range.min;
    const lo = range.change ? -span : range.min;
    const hi = range.change ? span : range.max;
    const inRange = (x: number) => x >= lo && x <= hi;
    const share = range.change ? (pct / 100) * span : range.min + (pct / 100) * span;
    const as = tidy(pct);
    const scale = `The meter '${range.meter}' runs from ${range.min} to ${range.max}`;
    if (inRange(share)) {
      const what = range.change ? `a move of ${written}% of its range is ${tidy(share)}` : `${written}% of the way is ${tidy(share)}`;
      const also = tidy(share) !== as && inRange(pct) ? `, or \`${key}${as}\` if you meant ${as} on the meter's own scale` : '';
      return `${scale}, so ${what}: write the number alone, \`${key}${tidy(share)}\`${also}.`;
    }
    if (inRange(pct)) return `${scale}: write the number alone, \`${key}${as}\`, if you meant ${as} on the meter's own scale.`;
    return `${scale}: write the number alone, within that range (${written}% lies beyond it).`;
  }
  return `Write the number alone: \`${key}${tidy(pct)}\`, or \`${key}${fraction}\` if you meant a fraction (${written}% of 1). Say what it counts in a label or description.`;
}

/**
 * A key that is a known key of its place, a space and more text, as
 * `title "Thirteen Days: the channel"` reads: the colon after `title` was
 * left out, and YAML took the text up to the next colon as the key.
 */
function spaceForColon(key: string, allowed: readonly string[]): { word: string; rest: string } | undefined {
  const m = /^(\S+) +(\S.*)$/.exec(key);
  return m && allowed.includes(m[1]!) ? { word: m[1]!, rest: m[2]! } : undefined;
}

/**
 * A list item written as one plain text where a mapping belongs, as
 * `- id warn` reads when the colon after `id` was left out: told as the
 * missing colon it is, at the text, in the words a key without its colon
 * gets elsewhere in the file. Undefined when the text does not start with a
 * key of its place, or was quoted (then it was meant as text).
 */
function keyWithoutColon(parsed: ParsedFile, path: DataPath, raw: unknown): Diagnostic | undefined {
  // Only an item of a list: a value such as `period: label Now` needs the mapping on its own lines, which this hint would not say.
  if (typeof raw !== 'string' || typeof path[path.length - 1] !== 'number') return undefined;
  const m = /^([A-Za-z_][\w-]*)[ \t]+(\S.*)$/.exec(raw.slice(0, 400));
  const allowed = KEYS_BY_KIND[kindAt(path)] ?? [];
  if (!m || !allowed.includes(m[1]!)) return undefined;
  const at = parsed.locate(path);
  const first = charAt(parsed, at);
  if (first === '"' || first === "'") return undefined;
  const rest = m[2]!.length > 40 ? `${m[2]!.slice(0, 40).trimEnd()}…` : m[2]!;
  return diag(parsed.file, at, 'BC103', `missing ':' after the key '${m[1]!}'`, [`Write \`${m[1]!}: ${rest}\`: a key is followed by a colon and a space, then its value.`]);
}

const isIdText = (text: string): boolean => ID_PATTERN.test(text);

/** For an id written as words (`toll talk`, `Toll Talk`), the id they make with hyphens; undefined for anything else. */
function spacedIdHint(raw: unknown): string | undefined {
  if (typeof raw === 'string' && !/\s/.test(raw) && raw !== raw.toLowerCase() && isIdText(raw.toLowerCase()))
    return `An id is written in small letters: write \`${raw.toLowerCase()}\`, and name it so wherever it is used.`;
  if (typeof raw !== 'string' || !/\S\s+\S/.test(raw)) return undefined;
  const id = raw.trim().toLowerCase().replace(/\s+/g, '-');
  return isIdText(id) ? `An id has no spaces: write \`${id}\`, with a hyphen for each space${id !== raw.trim().replace(/\s+/g, '-') ? ' and small letters' : ''}, and name it so wherever it is used.` : undefined;
}


/**
 * Quotes a word processor types in place of straight ones (and the
 * guillemets some languages use). YAML and JSON take them for letters, so
 * an id pasted with them is another, ill-formed id; in text they are text.
 */
const CURLY_QUOTES = '\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B\u00AB\u00BB\u2039\u203A';
const CURLY_LEAD = new RegExp(`^(?:[${CURLY_QUOTES}]\\s*)+`);
const CURLY_TRAIL = new RegExp(`(?:\\s*[${CURLY_QUOTES}])+$`);

/** A value written in curly quotes. */
interface CurlyQuoted {
  /** The value without them. */
  bare: string;
  /** The end of the message: why the value is wrong. */
  why: string;
  /** 'value', or 'key' for a mapping key. */
  noun: string;
}

/**
 * The value without the curly quotes at its ends, when it has some and is
 * `valid` without them: then the quotes, not the value, are the slip, and
 * the author is told so. Undefined otherwise.
 */
function curlyQuoted(raw: unknown, valid: (bare: string) => boolean, noun = 'value'): CurlyQuoted | undefined {
  if (typeof raw !== 'string') return undefined;
  const lead = CURLY_LEAD.exec(raw)?.[0] ?? '';
  const trail = CURLY_TRAIL.exec(raw.slice(lead.length))?.[0] ?? '';
  const quotes = [...lead + trail].filter((c) => CURLY_QUOTES.includes(c)).length;
  const bare = raw.slice(lead.length, raw.length - trail.length);
  if (quotes === 0 || !valid(bare)) return undefined;
  return { bare, noun, why: quotes === 1 ? `the curly quote is part of the ${noun}` : `the curly quotes are part of the ${noun}` };
}

/** How to write a value that was in curly quotes: as it is written at `path`, with the quotes straight (JSON) or gone (YAML). */
function curlyHint(parsed: ParsedFile, path: DataPath, curly: CurlyQuoted, example?: string): string {
  // A key in double quotes is JSON's way (or YAML written like it): keep the quotes, straight.
  const json = charAt(parsed, parsed.locateKey(path)) === '"';
  const last = path[path.length - 1];
  const shown = example ?? (typeof last === 'string' ? (json ? `"${last}": "${curly.bare}"` : `${last}: ${curly.bare}`) : json ? `"${curly.bare}"` : curly.bare);
  return `Write \`${shown}\`, with straight quotes${json ? '' : ' or none'}: quotes typed by a word processor (“ ” ‘ ’) are read as letters of the ${curly.noun}.`;
}

/**
 * A key written among the keys of a list's item that belongs to the
 * mapping holding the list: `choices:` lined up with the keys of the last
 * item of `lines:`, where YAML reads it as a key of that line. In the last
 * item, or with nothing under it and the items meant for it below, lined
 * up with the list's own items, which YAML then reads as more items of the
 * list (`swallowed`, how many). The list, and a hint with the column of
 * its key; undefined when the key could be meant where it is (first in its
 * item, written in braces) or the mapping above does not take it or has it
 * already.
 */
function keyOfListHolder(parsed: ParsedFile, path: DataPath, key: string, at: Position): { list: string; hint: string; swallowed: number } | undefined {
  const list = path[path.length - 2];
  const index = path[path.length - 1];
  if (typeof index !== 'number' || typeof list !== 'string') return undefined;
  const holderPath = path.slice(0, -2);
  const holderKind = kindAt(holderPath);
  const holder = valueAt(parsed.data, holderPath);
  const item = valueAt(parsed.data, path);
  const items = valueAt(parsed.data, path.slice(0, -1));
  if (!Array.isArray(items) || item === null || typeof item !== 'object') return undefined;
  const swallowed = items.length - 1 - index;
  // The items below must look like another list's: each with a key the list's own items do not take.
  const own = KEYS_BY_KIND[kindAt(path)] ?? [];
  const foreign = (next: unknown) => next !== null && typeof next === 'object' && Object.keys(next).some((k) => !own.includes(k));
  if (swallowed > 0 && ((item as Record<string, unknown>)[key] !== null || !items.slice(index + 1).every(foreign))) return undefined;
  if (!(KEYS_BY_KIND[holderKind] ?? []).includes(key) || holder === null || typeof holder !== 'object' || Object.hasOwn(holder, key)) return undefined;
  if (Object.keys(item)[0] === key || charAt(parsed, parsed.locate(path)) === '{') return undefined;
  const listAt = parsed.locateKey([...holderPath, list]);
  if (at.col <= listAt.col) return undefined;
  const start = `'${key}' is a key of ${article(holderKind)}: start it at column ${listAt.col}, under '${list}' on line ${listAt.line}`;
  if (swallowed === 0) return { list, hint: `${start}.`, swallowed };
  const below = swallowed === 1 ? `the item below it, read now as one more item of '${list}', then belongs to it` : `the ${swallowed} items below it, read now as more items of '${list}', then belong to it`;
  return { list, hint: `${start}; ${below}.`, swallowed };
}

/** The items that a key indented into a list's item was meant to hold, which YAML reads as more items of that list: their problems are only its doing. */
function swallowedItems(issues: readonly z.core.$ZodIssue[], parsed: ParsedFile): DataPath[] {
  const out: DataPath[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path as (string | number)[];
    for (const key of issue.keys) {
      const above = keyOfListHolder(parsed, path, key, parsed.locateKey([...path, key]));
      for (let k = 1; above && k <= above.swallowed; k++) out.push([...path.slice(0, -1), (path[path.length - 1] as number) + k]);
    }
  }
  return out;
}

/**
 * Digits read as a key of a mapping in braces, after a key whose value is a
 * whole number: `{ east: 4,5 }`, `{ east: 1,000 }` or `{ add: 1.000,5 }`, a
 * number written with a comma, which inside braces ends the value. The
 * digits as written and how to write the number; undefined otherwise.
 */
function numberCutAtComma(parsed: ParsedFile, path: DataPath, key: string): { written: string; hint: string } | undefined {
  if (!/^\d+$/.test(key)) return undefined;
  const mappingPath = path.slice(0, -1);
  if (charAt(parsed, parsed.locate(mappingPath)) !== '{') return undefined;
  // By the text: a mapping puts keys made of digits first, so the key written before this one is not found by order.
  const at = parsed.locateKey(path);
  const chars = [...(parsed.text.split('\n')[at.line - 1] ?? '')];
  const line = chars.slice(0, at.col - 1).join('');
  const m = /([A-Za-z_][\w-]*): *(-?\d+|-?\d{1,3}(?:\.\d{3})+) *, *$/.exec(line);
  if (!m) return undefined;
  // As written: YAML reads the key `000` as the number 0.
  const digits = /^\d+/.exec(chars.slice(at.col - 1).join(''))?.[0] ?? key;
  // `1.000,5`, the European way: points between the thousands, and a decimal comma.
  if (m[2]!.includes('.'))
    return { written: digits, hint: `Inside { } a comma ends the value: write the number with no point between the thousands, and a decimal point for the comma, \`${m[1]!}: ${m[2]!.replace(/\./g, '')}.${digits}\`.` };
  const number = digits.length === 3 ? `${m[2]!}${digits}` : `${m[2]!}.${digits}`;
  return { written: digits, hint: `Inside { } a comma ends the value: write the number without it, \`${m[1]!}: ${number}\`${digits.length === 3 ? ' (or with a decimal point, if a fraction was meant)' : ''}.` };
}

/** The lines of each file's text, split once however many keys are looked at. */
const linesOf = new WeakMap<ParsedFile, string[][]>();

/**
 * Whether the mapping at `path` is written in braces and its key at `key`
 * is plain (unquoted) text: only there can a comma in text start a new key.
 * A JSON object has braces too, but its keys are quoted.
 */
function writtenPlainInBraces(parsed: ParsedFile, path: DataPath, key: Position): boolean {
  const keyStart = charAt(parsed, key);
  return charAt(parsed, parsed.locate(path)) === '{' && keyStart !== '"' && keyStart !== "'";
}

/** The character written at a position of the file. */
function charAt(parsed: ParsedFile, at: Position): string | undefined {
  let lines = linesOf.get(parsed);
  // By characters, as positions count columns.
  if (!lines) linesOf.set(parsed, (lines = parsed.text.split('\n').map((l) => [...l])));
  return lines[at.line - 1]?.[at.col - 1];
}

/**
 * When the unknown `key` of a mapping in braces reads as a piece of text cut
 * at a comma (it holds a space, cannot be a key, or is a bare word after a
 * text), the key whose text was cut (the known key before it, when its value
 * is text), the whole text put back together, and the pieces it was cut into.
 */
function cutAtComma(mapping: Record<string, unknown>, key: string, allowed: readonly string[]): { key?: string; text: string; pieces: string[] } | undefined {
  const keys = Object.keys(mapping);
  const at = keys.indexOf(key);
  if (at < 0) return undefined;
  const before = at > 0 ? keys[at - 1]! : undefined;
  const cutKey = before !== undefined && allowed.includes(before) && typeof mapping[before] === 'string' ? before : undefined;
  const spaced = /\s/.test(key);
  // A single word close to a known key is a misspelling, told as such.
  if (!spaced && closest(key, allowed) !== undefined) return undefined;
  if (!spaced && /^[a-z][A-Za-z0-9_-]*$/.test(key) && !(cutKey && mapping[key] === null)) return undefined;
  const pieces: string[] = [];
  for (let i = at; i < keys.length && !allowed.includes(keys[i]!); i++) pieces.push(keys[i]!);
  const parts = pieces.map((k) => (mapping[k] === null || typeof mapping[k] === 'object' ? k : `${k}: ${String(mapping[k])}`));
  return cutKey ? { key: cutKey, text: [mapping[cutKey] as string, ...parts].join(', '), pieces } : { text: parts.join(', '), pieces };
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function typeHint(expected: string, path: DataPath): string {
  switch (expected) {
    case 'string':
      return 'Write text; put it in "double quotes" if it starts with a special character or looks like a number.';
    case 'number':
      return 'Write a number without quotes, e.g. `3` or `-1.5`.';
    case 'boolean':
      return 'Write true or false without quotes.';
    case 'array':
      return `'${keyName(path)}' is a list: start each item on its own line with "- ".`;
    case 'object':
      return typeof path[path.length - 1] === 'number'
        ? `Each item of '${keyName(path)}' is a mapping: after the "- " write its keys with a colon, e.g. \`- id: …\`, and its other keys lined up below.`
        : `'${keyName(path)}' is a mapping: give it keys on the lines below, indented.`;
    default:
      return 'Compare with the reference in scenarios/README.md.';
  }
}

/**
 * A union failed: a condition, an effect, or an id-or-"open". Pick the
 * branch the author meant (by its kind key) and report that branch's issues.
 */
function unionIssue(issue: z.core.$ZodIssueInvalidUnion, path: (string | number)[], raw: unknown, parsed: ParsedFile, out: Diagnostic[]): void {
  const { file } = parsed;
  const isCondition = kindAt(path) === 'condition';
  const isEffect = isEffectPath(path);
  if (!isCondition && !isEffect) {
    // `is:` or `set:` take an id or the word open.
    out.push(diag(file, parsed.locate(path), 'BC205', `'${String(raw)}' is not a valid option id`, [referenceHint(parsed, path, raw) ?? ID_HINT, 'Or write `open` for no option.']));
    return;
  }
  const what = isCondition ? 'condition' : 'effect';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    out.push(diag(file, parsed.locate(path), 'BC208', `${article(what)} must be a mapping such as ${isCondition ? '`{ meter: trust, gte: 3 }`' : '`{ meter: trust, add: 1 }`'}`, [formsHint(isCondition)]));
    return;
  }
  const keys = Object.keys(raw);
  const kinds = (isCondition ? CONDITION_KINDS : EFFECT_KINDS) as readonly string[];
  const present = keys.filter((k) => kinds.includes(k));
  if (present.length !== 1) {
    const unknown = keys.find((k) => !kinds.includes(k) && !['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'is', 'in', 'add', 'set'].includes(k));
    out.push(
      diag(
        file,
        parsed.locate(path),
        'BC208',
        present.length === 0 ? `${article(what)} with no kind` : `${article(what)} mixes ${present.map((k) => `'${k}'`).join(' and ')}`,
        [
          present.length === 0 && unknown ? suggest(unknown, kinds, `${what} kinds`) : formsHint(isCondition),
          ...(present.length > 1 && isCondition ? ['To combine conditions, list them under `all:` or `any:`.'] : []),
        ],
      ),
    );
    return;
  }
  if (isEffect && present[0] === 'meter' && 'add' in raw && 'set' in raw) {
    out.push(diag(file, parsed.locate(path), 'BC208', 'a meter effect has both `add:` and `set:`', ['Use one: `add:` moves the meter by an amount, `set:` puts it at a value.']));
    return;
  }
  let branch: number = kinds.indexOf(present[0]!);
  if (isEffect && present[0] === 'meter') branch = 'set' in raw ? 1 : 0;
  else if (isEffect && present[0] !== 'meter') branch += 1;
  const branchIssues = issue.errors[branch];
  if (!branchIssues || branchIssues.length === 0) {
    out.push(diag(file, parsed.locate(path), 'BC208', `this ${what} is not well formed`, [formsHint(isCondition)]));
    return;
  }
  const nested = branchIssues.map((i) => ({ ...i, path: [...path, ...i.path] })) as z.core.$ZodIssue[];
  const before = out.length;
  issuesToDiagnostics(nested, parsed, out);
  if (isEffect && present[0] === 'meter' && !('add' in raw) && !('set' in raw)) {
    // A word used in their place (`plus: 1`, `by: 2`) is named, so the author sees which key to rename.
    const other = Object.keys(raw).find((k) => k !== 'meter');
    const message = other === undefined ? 'a meter effect needs `add:` or `set:`' : `a meter effect needs \`add:\` or \`set:\`, not '${other.slice(0, 40)}'`;
    out.splice(before, out.length - before, diag(file, parsed.locate(path), 'BC208', message, ['E.g. `{ meter: trust, add: 1 }` or `{ meter: clock, set: 0 }`.']));
  } else if (isEffect && (present[0] === 'term' || present[0] === 'flag') && !('set' in raw)) {
    const kind = present[0];
    const other = Object.keys(raw).find((k) => k !== kind);
    const id = typeof (raw as Record<string, unknown>)[kind] === 'string' ? String((raw as Record<string, unknown>)[kind]) : kind === 'term' ? 'toll' : 'warned';
    const message = other === undefined ? `a ${kind} effect needs \`set:\`` : `a ${kind} effect needs \`set:\`, not '${other.slice(0, 40)}'`;
    const given = other === undefined ? undefined : (raw as Record<string, unknown>)[other];
    const option = typeof given === 'string' && given.length <= 64 ? given : '<option id>';
    const hint = kind === 'term' ? `Write \`{ term: ${id}, set: ${option} }\` to put that option on the table, or \`set: open\` to take the term off it.` : `Write \`{ flag: ${id}, set: ${given === false ? 'false' : 'true'} }\` (true or false).`;
    out.splice(before, out.length - before, diag(file, parsed.locate(path), 'BC208', message, [hint]));
  }
}

/** Comparisons written as signs, by the word the format uses for each. */
const SIGNS: Readonly<Record<string, string>> = { '<=': 'lte', '=<': 'lte', '>=': 'gte', '=>': 'gte', '<': 'lt', '>': 'gt', '=': 'eq', '==': 'eq', '!=': 'ne', '<>': 'ne' };
/** Other words for them. */
const COMPARISON_WORDS: Readonly<Record<string, string>> = { le: 'lte', leq: 'lte', ge: 'gte', geq: 'gte', min: 'gte', max: 'lte', atleast: 'gte', atmost: 'lte', above: 'gt', over: 'gt', below: 'lt', under: 'lt', is: 'eq', equals: 'eq', neq: 'ne' };
const COMPARISONS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'];

/**
 * For a key a condition of its kind does not take (`{ term: cost, set: split }`,
 * `{ meter: trust, '>=': 3 }`): what that kind takes, and the key meant.
 * Undefined when the condition has no one kind.
 */
function conditionKeySlip(mapping: Record<string, unknown>, key: string): { why: string; hint: string } | undefined {
  const kinds = (CONDITION_KINDS as readonly string[]).filter((k) => k in mapping);
  if (kinds.length !== 1) return undefined;
  const kind = kinds[0]!;
  const id = typeof mapping[kind] === 'string' ? String(mapping[kind]) : kind;
  const shownOf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '…');
  const shownValue = shownOf(mapping[key]);
  if (kind === 'meter' || kind === 'value') {
    const sign = SIGNS[key];
    const meant = sign ?? COMPARISON_WORDS[key.toLowerCase().replace(/[^a-z]/g, '')] ?? closest(key, COMPARISONS);
    return {
      why: `a ${kind} condition compares with eq, ne, gt, gte, lt or lte`,
      hint: meant ? `Write \`{ ${Object.entries(mapping).map(([k, v]) => `${k === key ? meant : k}: ${k === key ? shownValue : shownOf(v)}`).join(', ')} }\`${sign ? ': comparisons are written as words, not signs' : ''}.` : `E.g. \`{ ${kind}: ${id}, gte: 3 }\` (at least 3).`,
    };
  }
  if (kind === 'term') return { why: 'a term condition takes `is:` or `in:`', hint: `Write \`{ term: ${id}, is: ${key === 'in' ? '…' : shownValue} }\` for one option, or \`in: [ … ]\` for any of several.` };
  if (kind === 'acceptable' && (COMPARISONS.includes(key) || key in SIGNS))
    return {
      why: "a condition with 'acceptable' takes no other key",
      hint: `\`{ acceptable: ${id} }\` alone holds when the package is worth at least the walk-away value of '${id}'; to compare its worth with a number, write \`{ value: ${id}, ${SIGNS[key] ?? key}: ${shownValue} }\`.`,
    };
  if (kind === 'flag') return { why: 'a flag condition takes only `is:`', hint: `Write \`{ flag: ${id} }\` for true, or \`{ flag: ${id}, is: false }\`.` };
  return { why: `a condition with '${kind}' takes no other key`, hint: `Write \`{ ${kind}: ${id} }\` alone, and combine conditions under \`all:\` or \`any:\`.` };
}

/** For a bad id where something is named (not declared), the hint built from what it could name. */
function referenceHint(parsed: ParsedFile, path: DataPath, raw: unknown): string | undefined {
  const ref = referenceAt(parsed.data, path);
  if (!ref || typeof raw !== 'string') return undefined;
  const known = knownOf(parsed.data, ref);
  // The id it names is written so too: both are to be put right, not one to the other.
  if (known.some((k) => k.id === raw)) return spacedIdHint(raw);
  return suggestReference(raw, known, ref.kind);
}

function formsHint(isCondition: boolean): string {
  return isCondition
    ? 'Conditions: {meter, gte|gt|lte|lt|eq|ne}, {flag, is}, {term, is|in}, {acceptable: side}, {value: side, gte…}, {visited: beat}, {chose: choice}, {role}, {all: [...]}, {any: [...]}, {not: ...}.'
    : 'Effects: {meter, add}, {meter, set}, {flag, set}, {term, set}, {inject}.';
}

/** Result of checking data against the schema. */
export interface SchemaResult {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

/** Checks the format version, then the schema. */
export function checkSchema(parsed: ParsedFile): SchemaResult {
  const { file, data } = parsed;
  const diagnostics: Diagnostic[] = [];
  const record = data as Record<string, unknown>;
  const version = record['backchannel'];
  if (version === undefined) {
    // A version written another way (`format: backchannel-1`, `version: 1`, `backchanel: 1`) is pointed at, not only missed.
    // By the key alone: a title or id that mentions Backchannel is not a version.
    const lookalike = Object.keys(record).find((k) => ['format', 'version', 'schema'].includes(k.toLowerCase()) || closest(k, ['backchannel']) !== undefined);
    // `version:` is also the content version: with the other keys of a scenario around it, it was meant as that, and replacing it would lose it.
    const contentVersion = lookalike === 'version' && typeof record['version'] === 'number' && 'id' in record;
    diagnostics.push(
      contentVersion
        ? diag(file, { line: 1, col: 1 }, 'BC200', 'the format version is missing', [
            `Add \`backchannel: ${FORMAT_VERSION}\` as the first key of the file. Keep \`version:\`: it numbers your own content, not the file format.`,
          ])
        : lookalike === undefined
        ? diag(file, { line: 1, col: 1 }, 'BC200', 'the format version is missing', [`Add \`backchannel: ${FORMAT_VERSION}\` as the first key of the file.`])
        : diag(file, parsed.locateKey([lookalike]), 'BC200', `the format version is missing: it is written \`backchannel: ${FORMAT_VERSION}\`, not with '${lookalike}'`, [
            `Replace this line with \`backchannel: ${FORMAT_VERSION}\`.`,
          ]),
    );
    return { diagnostics };
  }
  if (typeof version !== 'number') {
    diagnostics.push(
      diag(file, parsed.locate(['backchannel']), 'BC201', `the format version must be a number, not ${describeType(version)}`, [`Write \`backchannel: ${FORMAT_VERSION}\` without quotes.`]),
    );
    return { diagnostics };
  }
  if (version !== FORMAT_VERSION) {
    const newer = typeof version === 'number' && version > FORMAT_VERSION;
    diagnostics.push(
      diag(file, parsed.locate(['backchannel']), 'BC201', `format version ${JSON.stringify(version)} is not one this build reads (it reads ${FORMAT_VERSION})`, [
        newer ? 'This file was written for a newer Backchannel: update Backchannel.' : `Write \`backchannel: ${FORMAT_VERSION}\`.`,
      ]),
    );
    return { diagnostics };
  }
  const res = scenarioSchema.safeParse(data, { reportInput: true });
  if (res.success) return { scenario: res.data, diagnostics };
  const swallowed = swallowedItems(res.error.issues, parsed);
  const within = (path: readonly PropertyKey[], prefix: DataPath) => prefix.every((p, i) => path[i] === p);
  issuesToDiagnostics(
    res.error.issues.filter((issue) => !swallowed.some((prefix) => within(issue.path, prefix))),
    parsed,
    diagnostics,
  );
  return { diagnostics };
}
