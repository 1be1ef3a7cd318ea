/**
 * One fixture per checker rule (tests/fixtures/checker/<CODE>-<name>.yaml):
 * each must give exactly the diagnostic an author would need, at the line
 * and column of the problem, with a hint on how to fix it.
 *
 * Tests marked `it.fails` pin down bugs in src/ (described in each test):
 * they assert the correct behaviour, which the checker does not have yet.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkScenario } from '../../src/engine/check.js';
import { compileScenario } from '../../src/engine/machine.js';
import { proveScenario } from '../../src/engine/prove.js';
import { CODES, formatDiagnostic, type Diagnostic, type DiagnosticCode } from '../../src/scenario/diagnostics.js';
import { isBinaryFile, LIMITS } from '../../src/scenario/parse.js';
import { readScenario } from '../../src/scenario/load.js';

// Lets one test run the whole check with a tiny proof budget, to see BC404
// as an author would; every other test uses the real budget.
const proofBudget = vi.hoisted(() => ({ value: undefined as number | undefined }));
vi.mock('../../src/engine/prove.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engine/prove.js')>();
  return {
    ...actual,
    proveScenario: (compiled: Parameters<typeof actual.proveScenario>[0], budget?: number) =>
      actual.proveScenario(compiled, proofBudget.value ?? budget),
  };
});

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/checker/${name}.yaml`, import.meta.url));
const tinyPath = fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url));

/** Checks a fixture from its bytes, as the tools do. */
function check(name: string) {
  const file = `${name}.yaml`;
  return checkScenario(new Uint8Array(readFileSync(fixturePath(name))), file);
}

interface Expected {
  code: DiagnosticCode;
  line: number;
  col: number;
  message: string;
  /** The first hint, exactly. */
  hint: string;
  /** More hints expected after the first, exactly. */
  moreHints?: string[];
}

/** [fixture name, the one diagnostic it must give] */
const RULES: [string, Expected][] = [
  ['BC100-empty', { code: 'BC100', line: 1, col: 1, message: 'the file is empty', hint: 'Start from the worked example in scenarios/README.md.' }],
  [
    'BC103-unclosed-quote',
    {
      code: 'BC103',
      line: 3,
      col: 8,
      message: 'syntax error: the double quote (") that starts this text is not closed',
      hint: 'Close it with another " where the text ends; to put " inside the text, write \\".',
    },
  ],
  // Plain text where a list item's mapping belongs: the colon after the first key was left out.
  [
    'BC103-list-item-no-colon',
    { code: 'BC103', line: 9, col: 5, message: "missing ':' after the key 'id'", hint: 'Write `id: learn`: a key is followed by a colon and a space, then its value.' },
  ],
  // The lines below a tab fail only because of it: one error, at the tab, and a count of the rest.
  [
    'BC103-tab-indent',
    {
      code: 'BC103',
      line: 14,
      col: 1,
      message: 'syntax error: this line is indented with a tab',
      hint: 'Indent with spaces, not tabs: YAML counts only spaces. Most editors can turn every tab into spaces at once (look for "Convert indentation to spaces").',
      moreHints: [
        '4 other lines below the tab have syntax errors, most likely only because of the tab; they are not shown or counted: replace the tabs with spaces and check again.',
      ],
    },
  ],
  // A role's `summary:` behind a tab lands in the scenario's own mapping and meets its `summary:`: that repeat is the tab's doing, and saying it would invite deleting the real one.
  ['BC103-tab-repeated-key', { code: 'BC103', line: 16, col: 1, message: 'syntax error: this line is indented with a tab', hint: 'Indent with spaces, not tabs: YAML counts only spaces. Most editors can turn every tab into spaces at once (look for "Convert indentation to spaces").', moreHints: ['2 other lines below the tab have syntax errors, most likely only because of the tab; they are not shown or counted: replace the tabs with spaces and check again.'] }],
  // A tab after spaces, which the library words as columns that do not line up, is told as the tab, where it is.
  ['BC103-tab-after-spaces', { code: 'BC103', line: 16, col: 3, message: 'syntax error: this line is indented with a tab', hint: 'Indent with spaces, not tabs: YAML counts only spaces. Most editors can turn every tab into spaces at once (look for "Convert indentation to spaces").', moreHints: ['2 other lines below the tab have syntax errors, most likely only because of the tab; they are not shown or counted: replace the tabs with spaces and check again.'] }],
  // Block text (`>-`) indented with a tab, which the library words as block text not indented.
  // The library also complains at the end of the line above, where the tabbed item was expected: that is the tab's doing too.
  // An item whose `- ` was left out, further in than the dash above or lined up with it.
  ['BC103-dash-without-space', { code: 'BC103', line: 28, col: 7, message: "syntax error: a '-' with no space after it, which does not start a list item", hint: 'Write a space after the dash: `- { id: hello-2, speaker: envoy, text: Wel…`.' }],
  ['BC103-item-without-dash', { code: 'BC103', line: 30, col: 9, message: "syntax error: this line is among the items of a list, but does not start with '- '", hint: 'If it is a new item, start it with `- ` at column 7, under the `- ` on line 29.' }],
  ['BC103-item-without-dash-lined-up', { code: 'BC103', line: 30, col: 7, message: "syntax error: this line is among the items of a list, but does not start with '- '", hint: 'If it is a new item, start it with `- ` at column 7, under the `- ` on line 29.' }],
  ['BC103-tab-list-item', { code: 'BC103', line: 33, col: 1, message: 'syntax error: this line is indented with a tab', hint: 'Indent with spaces, not tabs: YAML counts only spaces. Most editors can turn every tab into spaces at once (look for "Convert indentation to spaces").', moreHints: ['1 other line below the tab has a syntax error, most likely only because of the tab; it is not shown or counted: replace the tabs with spaces and check again.'] }],
  ['BC103-tab-in-block-text', { code: 'BC103', line: 5, col: 1, message: 'syntax error: this line is indented with a tab', hint: 'Indent with spaces, not tabs: YAML counts only spaces. Most editors can turn every tab into spaces at once (look for "Convert indentation to spaces").' }],
  // Slips a newcomer makes, each told in plain words where it is, rather than in the YAML library's terms.
  ['BC103-key-too-deep', { code: 'BC103', line: 14, col: 6, message: 'syntax error: \'side\' is indented further than \'id\' on the line above', hint: 'Keys of one mapping start at the same column: start \'side\' at column 5, under \'id\'.' }],
  ['BC103-item-too-short', { code: 'BC103', line: 10, col: 2, message: 'syntax error: this list item is indented less than the items before it', hint: 'Line up every `- ` of one list at the same column. Start this one at column 3, under the `- ` on line 9.' }],
  // A role's key left of its siblings: it belongs with them, not beside `roles:`, where the scenario has a `summary:` of its own.
  ['BC103-key-left-of-item-keys', { code: 'BC103', line: 16, col: 4, message: "syntax error: 'summary' is indented less than the keys of the list item on line 13", hint: "Keys of one mapping start at the same column: start 'summary' at column 5, under 'name' on line 15.", moreHints: ['2 more lines after this have syntax errors, most likely only because of this one; they are not shown or counted: fix this and check again.'] }],
  // Lined up with the `- ` of its role, the key ends the list and YAML reads it as the scenario's second `summary:`: the indentation is told, not the repeat.
  ['BC103-key-under-dash-repeated', { code: 'BC103', line: 16, col: 3, message: "syntax error: 'summary' is lined up with the `- ` of the list item on line 13, not with its keys", hint: "Keys of one mapping start at the same column: start 'summary' at column 5, under 'name' on line 15.", moreHints: ['2 more lines after this have syntax errors, most likely only because of this one; they are not shown or counted: fix this and check again.'] }],
  // The item above the short one is a choice of the beat before; the beats' `- ` is the column meant, found by the keys of the items.
  ['BC103-item-short-after-nested-list', { code: 'BC103', line: 29, col: 2, message: 'syntax error: this list item is indented less than the items before it', hint: 'Line up every `- ` of one list at the same column. Start this one at column 3, under the `- ` on line 23.', moreHints: ['1 more line after this has a syntax error, most likely only because of this one; it is not shown or counted: fix this and check again.'] }],
  // A `- ` pushed right of the other items of its list, its keys left where they were: the dash is the slip, not the key under it.
  ['BC103-dash-too-deep-choice', { code: 'BC103', line: 28, col: 9, message: "syntax error: this list item's `- ` is further in than the other items of its list", hint: 'Line up every `- ` of one list at the same column: start this one at column 7, under the `- ` on line 27.', moreHints: ['1 more line after this has a syntax error, most likely only because of this one; it is not shown or counted: fix this and check again.'] }],
  // A beat's `- ` pushed in under the beat above: told as further in than the beats, with their column, not as less indented than the choices before it.
  ['BC103-dash-too-deep-beat', { code: 'BC103', line: 29, col: 5, message: "syntax error: this list item's `- ` is further in than the other items of its list", hint: 'Line up every `- ` of one list at the same column: start this one at column 3, under the `- ` on line 23.' }],
  // The first item pushed right: the items after it show the column meant.
  ['BC103-dash-too-deep-first', { code: 'BC103', line: 9, col: 5, message: "syntax error: this list item's `- ` is further in than the other items of its list", hint: 'Line up every `- ` of one list at the same column: start this one at column 3, under the `- ` on line 11.', moreHints: ['1 more line after this has a syntax error, most likely only because of this one; it is not shown or counted: fix this and check again.'] }],
  // A beat's key typed at the margin: told at the key, with the beat it belongs to, not where the lines after it fail.
  ['BC103-key-at-margin', { code: 'BC103', line: 26, col: 1, message: "syntax error: 'choices' starts at column 1, outside the beat it belongs to (line 23)", hint: "'choices' is a key of a beat, not of the whole scenario: indent it by 4 spaces, to column 5, under 'lines' on line 24.", moreHints: ['1 more line after this has a syntax error, most likely only because of this one; it is not shown or counted: fix this and check again.'] }],
  // In the last beat the same slip is valid YAML, read as a key of the scenario: told the same way, not as an unknown key.
  ['BC202-key-at-margin', { code: 'BC202', line: 32, col: 1, message: "'choices' starts at column 1, outside the beat it belongs to (line 29)", hint: "'choices' is a key of a beat, not of the whole scenario: indent it by 4 spaces, to column 5, under 'lines' on line 30." }],
  // A role's key that the scenario has too: at the margin it is the indentation that is wrong, not a key given twice.
  ['BC103-scenario-key-at-margin', { code: 'BC103', line: 16, col: 1, message: "syntax error: 'summary' starts at column 1, outside the role it belongs to (line 13)", hint: "At column 1 it would be a second 'summary' of the whole scenario, which has its own on line 4: indent it by 4 spaces, to column 5, under 'name' on line 15.", moreHints: ['2 more lines after this have syntax errors, most likely only because of this one; they are not shown or counted: fix this and check again.'] }],
  // The text typed on the line under its key, at the key's column: YAML reads it as a key without its colon.
  ['BC103-text-below-key', { code: 'BC103', line: 4, col: 1, message: "the text of 'title' is on the line below it, at the same column as the key", hint: "Write it on the key's line, after the colon and a space: `title: Mini`. Or indent it further than 'title'." }],
  // Keys have their capitals: `Title:` is not `title:`, and the message says so rather than only guessing.
  ['BC202-key-in-capitals', { code: 'BC202', line: 3, col: 1, message: "unknown key 'Title' in a scenario: keys are written with the capitals the format gives them", hint: "Write `title:`: to YAML, 'Title' and 'title' are two different keys." }],
  // A number written as people write it: the comma is what makes it text.
  ['BC204-number-with-comma', { code: 'BC204', line: 13, col: 15, message: "'walkaway' should be a number, not text: the comma makes it text", hint: 'Write numbers without a comma between the thousands: `walkaway: 1000`.' }],
  ['BC204-yes-for-true', { code: 'BC204', line: 19, col: 48, message: "'invented' should be true or false, not text: 'yes' is text here", hint: 'Write `invented: true`: only true and false say yes or no; yes, no, on and off are read as text.' }],
  ['BC204-true-for-text', { code: 'BC204', line: 15, col: 11, message: "'name' should be text, not true or false: YAML reads the word True as a yes or no", hint: 'Put the text in "double quotes" to keep it as text: `name: "True"`.' }],
  // An id written as words: the hint gives the id they make.
  ['BC205-id-with-space', { code: 'BC205', line: 23, col: 9, message: "'say hello' is not a valid id", hint: 'An id has no spaces: write `say-hello`, with a hyphen for each space, and name it so wherever it is used.' }],
  // `{ a: 1,5 }`: inside braces the comma ends the number, and the rest reads as a side named 5.
  // Numbers written the way they are written elsewhere: told what was probably meant, and how to write it.
  ['BC204-quoted-number', { code: 'BC204', line: 13, col: 15, message: "'walkaway' should be a number, not text: the quotes make it text", hint: 'Write `walkaway: 3`, without quotes.' }],
  ['BC204-number-with-word', { code: 'BC204', line: 13, col: 15, message: "'walkaway' should be a number, not text: the word after the number makes it text", hint: 'Write the number alone: `walkaway: 3`. Say what it counts in a label or description.' }],
  // A percentage: on a meter, the number at that share of its range; elsewhere the scale is the author's, so the number and the fraction.
  [
    'BC204-percent-no-scale',
    {
      code: 'BC204',
      line: 13,
      col: 15,
      message: "'walkaway' should be a number, not text: the sign after the number makes it text",
      hint: 'Write the number alone: `walkaway: 50`, or `walkaway: 0.5` if you meant a fraction (50% of 1). Say what it counts in a label or description.',
    },
  ],
  [
    'BC204-percent-of-meter',
    { code: 'BC204', line: 25, col: 57, message: "'start' should be a number, not text: the sign after the number makes it text", hint: "The meter 'trust' runs from 0 to 100, so 50% of the way is 50: write the number alone, `start: 50`." },
  ],
  [
    'BC204-percent-of-share-meter',
    { code: 'BC204', line: 31, col: 75, message: "'set' should be a number, not text: the sign after the number makes it text", hint: "The meter 'odds' runs from 0 to 1, so 60% of the way is 0.6: write the number alone, `set: 0.6`." },
  ],
  [
    'BC204-percent-either',
    {
      code: 'BC204',
      line: 31,
      col: 76,
      message: "'add' should be a number, not text: the sign after the number makes it text",
      hint: "The meter 'trust' runs from 0 to 10, so a move of 5% of its range is 0.5: write the number alone, `add: 0.5`, or `add: 5` if you meant 5 on the meter's own scale.",
    },
  ],
  ['BC204-decimal-comma', { code: 'BC204', line: 13, col: 15, message: "'walkaway' should be a number, not text: the comma makes it text", hint: 'Write a decimal point, not a comma: `walkaway: 2.5`.' }],
  [
    'BC204-comma-thousands-or-decimal',
    { code: 'BC204', line: 13, col: 15, message: "'walkaway' should be a number, not text: the comma makes it text", hint: 'Write numbers without a comma between the thousands: `walkaway: 1500` (or `walkaway: 1.5`, if the comma was a decimal comma).' },
  ],
  [
    'BC204-european-number',
    { code: 'BC204', line: 13, col: 15, message: "'walkaway' should be a number, not text: the comma makes it text", hint: 'Write numbers with no point or space between the thousands, and a decimal point, not a comma: `walkaway: 1000.5`.' },
  ],
  [
    'BC204-points-between-thousands',
    { code: 'BC204', line: 13, col: 15, message: "'walkaway' should be a number, not text: a number has at most one point", hint: 'Write numbers with no point or space between the thousands: `walkaway: 1000000`.' },
  ],
  ['BC206-one-option-exclusion', { code: 'BC206', line: 35, col: 14, message: "'options' must have at least 2 items", hint: "Give 'options' at least 2 items." }],
  [
    'BC210-thousands-point',
    { code: 'BC210', line: 13, col: 15, message: "'1.500' is read as 1.5: a point in a number is a decimal point, not a separator between thousands", hint: 'For 1,500, write it with no point: `walkaway: 1500`. If 1.5 is meant, write `walkaway: 1.5`.' },
  ],
  ['BC204-space-in-number', { code: 'BC204', line: 13, col: 15, message: "'walkaway' should be a number, not text: the space makes it text", hint: 'Write numbers with no space between the thousands: `walkaway: 1000`.' }],
  [
    'BC202-number-cut-in-effect',
    { code: 'BC202', line: 30, col: 38, message: "unknown key '5' in an effect: it looks like the rest of a number cut at a comma", hint: 'Inside { } a comma ends the value: write the number without it, `add: 2.5`.' },
  ],
  [
    'BC205-european-number-cut',
    {
      code: 'BC205',
      line: 24,
      col: 53,
      message: "the key '5' of 'values' is not a valid id: it looks like the rest of a number cut at a comma",
      hint: 'Inside { } a comma ends the value: write the number with no point between the thousands, and a decimal point for the comma, `a: 1000.5`.',
    },
  ],
  ['BC205-number-cut-at-comma', { code: 'BC205', line: 24, col: 49, message: "the key '5' of 'values' is not a valid id: it looks like the rest of a number cut at a comma", hint: 'Inside { } a comma ends the value: write the number without it, `a: 1.5`.' }],
  // Text cut short by a comment, with no error to show for it: a warning at the #.
  ['BC109-hash-in-text', { code: 'BC109', line: 15, col: 17, message: "the text of 'name' stops before '#2 of the council': after a space, # starts a comment, which the game does not show", hint: 'To keep it in the text, put the whole text in "double quotes": `name: "Envoy #2 of the council"`. If it is a comment, write a space after the #.' }],
  // A whole text in a word processor's quotes: they show to players, which may or may not be meant.
  ['BC209-curly-quoted-title', { code: 'BC209', line: 3, col: 8, message: "the text of 'title' is wrapped in curly quotes (“ ”), which players will see as part of it", hint: 'Quotes typed by a word processor (“ ” ‘ ’) are letters to YAML, not quotes. Remove them (`title: The call`), or write straight quotes, which do not show (`title: "The call"`); to show the curly ones, keep them inside straight ones: `title: "“The call”"`.' }],
  // `choices:` written as if it were one more item of `lines:` (lined up with its `- `), which YAML cannot place.
  ['BC103-key-in-list', { code: 'BC103', line: 27, col: 7, message: "syntax error: 'choices' is lined up with the items of 'lines' above it, not with 'lines'", hint: "Keys of one mapping start at the same column: start 'choices' at column 5, under 'lines' on line 24." }],
  // Lined up with the keys of the last line, `choices:` is valid YAML, read as a key of that line.
  ['BC202-key-in-last-item', { code: 'BC202', line: 29, col: 9, message: "the key 'choices' is indented into the last item of 'lines'", hint: "'choices' is a key of a beat: start it at column 5, under 'lines' on line 24." }],
  ['BC103-colon-in-text', { code: 'BC103', line: 4, col: 10, message: 'syntax error: a colon and a space inside text that is not in quotes', hint: 'Put the text in "double quotes": summary: "Note: the smallest valid call.". Unquoted, a colon followed by a space starts a new key.' }],
  ['BC103-colon-in-braces', { code: 'BC103', line: 9, col: 24, message: 'syntax error: a colon and a space inside text written in { } or [ ]', hint: 'Put this text in "double quotes": inside { } or [ ], a colon followed by a space starts a new key.' }],
  // Text pasted with a word processor's quotes looks quoted to the author; the fix keeps the quotes inside the text and puts straight ones around it.
  ['BC103-curly-quotes-in-braces', { code: 'BC103', line: 9, col: 24, message: 'syntax error: a colon and a space inside text in curly quotes (“ ”), which are not quotes to YAML', hint: 'Write it in straight double quotes: text: "Aim: learn the “ZOPA”.". Quotes typed by a word processor (“ ” ‘ ’) are letters to YAML, so inside { } or [ ] the colon followed by a space starts a new key.' }],
  ['BC103-curly-quotes-colon', { code: 'BC103', line: 4, col: 10, message: 'syntax error: a colon and a space inside text in curly quotes (“ ”), which are not quotes to YAML', hint: 'Replace the curly quotes with straight double quotes: summary: "Note: the smallest valid call.". Quotes typed by a word processor (“ ” ‘ ’) are letters to YAML, so the colon followed by a space starts a new key.' }],
  ['BC103-star-start', { code: 'BC103', line: 16, col: 14, message: 'syntax error: text that starts with * must be in quotes', hint: 'Put the whole text in "double quotes": in YAML, * at the start of a value refers to a saved value (an alias).' }],
  ['BC103-tag-start', { code: 'BC103', line: 16, col: 14, message: 'syntax error: text that starts with ! must be in quotes', hint: 'Put the whole text in "double quotes": in YAML, ! at the start of a value is a tag, which is dropped, so \'!Important\' would be lost.' }],
  ['BC208-meter-effect-word', { code: 'BC208', line: 27, col: 55, message: "a meter effect needs `add:` or `set:`, not 'plus'", hint: 'E.g. `{ meter: trust, add: 1 }` or `{ meter: clock, set: 0 }`.' }],
  ['BC103-at-start', { code: 'BC103', line: 16, col: 14, message: 'syntax error: text that starts with @ must be in quotes', hint: 'Put the whole text in "double quotes": in YAML, @ cannot start a value.' }],
  // YAML reads a value that starts with & as an anchor: the word after it names the value and leaves the text, without a word.
  ['BC103-ampersand-start', { code: 'BC103', line: 16, col: 14, message: 'syntax error: text that starts with & must be in quotes', hint: 'Put the whole text in "double quotes": summary: "&Co speak for the firm.". In YAML, & at the start of a value starts a name for the value (an anchor), not text.' }],
  ['BC103-ampersand-alone', { code: 'BC103', line: 25, col: 46, message: 'syntax error: text that starts with & must be in quotes', hint: 'Put the whole text in "double quotes": text: "& Sons will see you now.". In YAML, & at the start of a value starts a name for the value (an anchor), not text.' }],
  ['BC103-percent-start', { code: 'BC103', line: 16, col: 14, message: 'syntax error: text that starts with % must be in quotes', hint: 'Put the whole text in "double quotes": in YAML, % at the start of a value is a directive.' }],
  ['BC103-hash-in-braces', { code: 'BC103', line: 9, col: 24, message: 'syntax error: \'#\' starts a comment here, which hides the rest of the line and its closing bracket', hint: 'Put the text in "double quotes": after a space, # starts a comment in YAML.' }],
  ['BC103-no-space-after-colon', { code: 'BC103', line: 23, col: 5, message: 'missing space after the colon of \'id\'', hint: 'Write `id: hello`: a key is followed by a colon and a space, then its value.' }],
  ['BC103-text-after-quote', { code: 'BC103', line: 16, col: 14, message: 'syntax error: the text in quotes that starts here ends before the rest of the line', hint: 'A value that starts with a quote must end with it. Put the whole text in "double quotes"; single quotes inside it are then fine.' }],
  ['BC103-unclosed-quote-in-braces', { code: 'BC103', line: 9, col: 24, message: 'syntax error: the double quote (") that starts this text is not closed', hint: 'Close it with another " where the text ends; to put " inside the text, write \\".', moreHints: ['1 more line after this has a syntax error, most likely only because of this one; it is not shown or counted: fix this and check again.'] }],
  // A beat's `- ` lined up with the choices of the beat above: valid YAML, which reads the beat's keys as the above beat's second `lines:` and `choices:`.
  ['BC106-item-too-deep', { code: 'BC106', line: 29, col: 7, message: "this list item is further in than the items of its list, so the keys below it are read into the item on line 23, which has its own 'lines' (line 24)", hint: 'Line up every `- ` of one list at the same column: start this one at column 3, under the `- ` on line 23.' }],
  ['BC106-missing-dash', { code: 'BC106', line: 24, col: 5, message: 'the key \'id\' appears twice in this list item (first at line 21)', hint: 'If a new item starts here, begin it with "- ", lined up with the "- " on line 21. Otherwise keep one \'id\'.' }],
  ['BC204-item-not-mapping', { code: 'BC204', line: 9, col: 5, message: 'an item of \'objectives\' should be a mapping, not text', hint: 'Each item of \'objectives\' is a mapping: after the "- " write its keys with a colon, e.g. `- id: …`, and its other keys lined up below.' }],
  ['BC208-cut-short-kind', { code: 'BC208', line: 27, col: 40, message: 'a condition with no kind', hint: 'Did you mean \'acceptable\'?' }],
  ['BC104-billion-laughs', { code: 'BC104', line: 7, col: 8, message: 'aliases expand too much', hint: 'Write the values out instead of nesting aliases.' }],
  [
    'BC105-proto-key',
    { code: 'BC105', line: 5, col: 23, message: "the key '__proto__' is not allowed", hint: 'Rename the key: __proto__, constructor and prototype are reserved.' },
  ],
  [
    'BC106-duplicate-key',
    { code: 'BC106', line: 5, col: 1, message: "the key 'title' appears twice in this mapping (first at line 3)", hint: 'Keep one: remove the other, or merge the two.' },
  ],
  [
    'BC107-top-level-list',
    {
      code: 'BC107',
      line: 1,
      col: 1,
      message: 'the top of the file must be a mapping of keys to values',
      hint: 'A scenario starts with `backchannel: 1`, then `id:`, `title:` and so on, each on its own line.',
    },
  ],
  ['BC200-no-version', { code: 'BC200', line: 1, col: 1, message: 'the format version is missing', hint: 'Add `backchannel: 1` as the first key of the file.' }],
  [
    'BC201-future-version',
    {
      code: 'BC201',
      line: 1,
      col: 14,
      message: 'format version 2 is not one this build reads (it reads 1)',
      hint: 'This file was written for a newer Backchannel: update Backchannel.',
    },
  ],
  ['BC202-misspelt-key', { code: 'BC202', line: 5, col: 1, message: "unknown key 'langauge' in a scenario", hint: "Did you mean 'language'?" }],
  ['BC203-missing-key', { code: 'BC203', line: 29, col: 5, message: "an ending is missing its 'debrief'", hint: 'Add `debrief:` with text.' }],
  [
    'BC204-wrong-type',
    { code: 'BC204', line: 11, col: 38, message: "'walkaway' should be a number, not text", hint: 'Write a number without quotes, e.g. `3` or `-1.5`.' },
  ],
  [
    'BC205-bad-id',
    {
      code: 'BC205',
      line: 2,
      col: 5,
      message: "'Mini Call' is not a valid id",
      hint: 'An id has no spaces: write `mini-call`, with a hyphen for each space and small letters, and name it so wherever it is used.',
    },
  ],
  // A number in a word processor's quotes is text; the quotes, not the number, are what to fix.
  ['BC204-curly-quoted-number', { code: 'BC204', line: 11, col: 38, message: "'walkaway' should be a number, not text: the curly quotes are part of the value", hint: 'Write `walkaway: 0`, without quotes: quotes typed by a word processor (“ ” ‘ ’) are read as letters, which makes “0” text.' }],
  ['BC202-curly-quoted-key', { code: 'BC202', line: 15, col: 5, message: "unknown key '“name”' in a role: the curly quotes are part of the key", hint: 'Write `name:`, with straight quotes or none: quotes typed by a word processor (“ ” ‘ ’) are read as letters of the key.' }],
  // Quotes from a word processor are letters to YAML: around an id they make another id, which is told as the quotes' doing.
  ['BC205-curly-quotes', { code: 'BC205', line: 27, col: 39, message: "'“deal”' is not a valid id: the curly quotes are part of the value", hint: 'Write `end: deal`, with straight quotes or none: quotes typed by a word processor (“ ” ‘ ’) are read as letters of the value.' }],
  [
    'BC206-bad-kind',
    {
      code: 'BC206',
      line: 29,
      col: 36,
      message: "'agrement' is not allowed for 'kind'",
      hint: 'Use one of: agreement, mediated, impasse, escalation.',
      moreHints: ["Did you mean 'agreement'?"],
    },
  ],
  [
    'BC207-two-ways-out',
    { code: 'BC207', line: 27, col: 9, message: "the choice 'done' has more than one way out", hint: 'Give it exactly one of next, end or branches.' },
  ],
  // A key a condition of its kind does not take: what that kind takes, and the condition written right.
  [
    'BC202-comparison-as-sign',
    { code: 'BC202', line: 39, col: 67, message: "unknown key '>=' in a condition: a meter condition compares with eq, ne, gt, gte, lt or lte", hint: 'Write `{ meter: trust, gte: 1 }`: comparisons are written as words, not signs.' },
  ],
  [
    'BC202-term-condition-key',
    { code: 'BC202', line: 39, col: 67, message: "unknown key 'set' in a condition: a term condition takes `is:` or `in:`", hint: 'Write `{ term: bridge, is: shared }` for one option, or `in: [ … ]` for any of several.' },
  ],
  [
    'BC202-acceptable-with-number',
    {
      code: 'BC202',
      line: 39,
      col: 68,
      message: "unknown key 'gte' in a condition: a condition with 'acceptable' takes no other key",
      hint: "`{ acceptable: a }` alone holds when the package is worth at least the walk-away value of 'a'; to compare its worth with a number, write `{ value: a, gte: 1 }`.",
    },
  ],
  // A term or flag effect with another word for `set:` is told as one slip, not as an option id that is missing.
  [
    'BC208-term-effect-word',
    { code: 'BC208', line: 37, col: 15, message: "a term effect needs `set:`, not 'to'", hint: 'Write `{ term: bridge, set: shared }` to put that option on the table, or `set: open` to take the term off it.' },
  ],
  ['BC208-flag-effect-word', { code: 'BC208', line: 37, col: 15, message: "a flag effect needs `set:`, not 'is'", hint: 'Write `{ flag: warned, set: true }` (true or false).' }],
  ['BC208-condition-no-kind', { code: 'BC208', line: 27, col: 40, message: 'a condition with no kind', hint: "Did you mean 'meter'?" }],
  ['BC208-condition-in-all', { code: 'BC208', line: 27, col: 65, message: 'a condition with no kind', hint: "Did you mean 'meter'?" }],
  [
    'BC300-duplicate-id',
    { code: 'BC300', line: 22, col: 11, message: "the actor id 'envoy' is already used at line 21", hint: 'Give each one its own id.' },
  ],
  // Copies that kept an id: the first of the two is the one references meet, so nothing else is told about them.
  ['BC300-repeated-meter', { code: 'BC300', line: 24, col: 11, message: "the meter id 'trust' is already used at line 23", hint: 'Give each one its own id.' }],
  ['BC300-repeated-term', { code: 'BC300', line: 27, col: 9, message: "the term id 'bridge' is already used at line 23", hint: 'Give each one its own id.' }],
  ['BC300-repeated-exclusion', { code: 'BC300', line: 37, col: 9, message: "the exclusion id 'closed-toll' is already used at line 34", hint: 'Give each one its own id.' }],
  // `end: walkout` is not called a beat: the ending of that id is what it meant.
  [
    'BC300-ending-shares-beat-id',
    {
      code: 'BC300',
      line: 35,
      col: 11,
      message: "the ending id 'walkout' is already used by the beat at line 29",
      hint: 'Beats and endings share one set of ids: rename one, and the `next:` or `end:` that lead to it.',
    },
  ],
  ['BC301-unknown-ending', { code: 'BC301', line: 27, col: 39, message: "no ending has the id 'dael'", hint: "Did you mean 'deal'?" }],
  // Nothing close: the ids there are, a few, then …
  [
    'BC301-unknown-ending-listed',
    {
      code: 'BC301',
      line: 27,
      col: 39,
      message: "no ending has the id 'walkout'",
      hint: "Known endings: 'deal', 'truce', 'ceasefire', 'summit', 'stalemate', 'recess', 'blockade', 'strike', …",
    },
  ],
  // A reference written as what the game shows (a title, a name, a label) is pointed at the id it meant.
  [
    'BC205-title-as-reference',
    { code: 'BC205', line: 26, col: 62, message: "'The bulletin' is not a valid id", hint: "'The bulletin' is the title of the source 'bulletin': refer to it by its id, 'bulletin'." },
  ],
  // An id of its own in capitals: the id in small letters, not "did you mean" another.
  ['BC205-own-id-in-capitals', { code: 'BC205', line: 31, col: 9, message: "'Bye' is not a valid id", hint: 'An id is written in small letters: write `bye`, and name it so wherever it is used.' }],
  ['BC205-id-in-capitals', { code: 'BC205', line: 29, col: 79, message: "'Trust' is not a valid id", hint: "Did you mean 'trust'?" }],
  ['BC302-unknown-actor', { code: 'BC302', line: 25, col: 33, message: "no actor has the id 'envy'", hint: "Did you mean 'envoy'?" }],
  ['BC303-unknown-meter', { code: 'BC303', line: 29, col: 79, message: "no meter has the id 'turst'", hint: "Did you mean 'trust'?" }],
  ['BC304-unknown-flag', { code: 'BC304', line: 29, col: 81, message: "no flag has the id 'warnd'", hint: "Did you mean 'warned'?" }],
  ['BC305-unknown-option', { code: 'BC305', line: 32, col: 65, message: "the term 'bridge' has no option 'share'", hint: "Did you mean 'shared'?" }],
  // An exclusion names its options as {term, option}: each is checked like any reference to a term or option.
  ['BC305-incompatible-unknown-term', { code: 'BC305', line: 35, col: 57, message: "no term has the id 'tolls'", hint: "Did you mean 'toll'?" }],
  ['BC305-incompatible-unknown-option', { code: 'BC305', line: 35, col: 71, message: "the term 'toll' has no option 'hihg'", hint: "Did you mean 'high'?" }],
  ['BC306-unknown-source', { code: 'BC306', line: 25, col: 62, message: "no source has the id 'note'", hint: "Did you mean 'notes'?" }],
  // An ending's history may name further sources under `also:`; each must exist.
  ['BC306-history-also', { code: 'BC306', line: 29, col: 132, message: "no source has the id 'note'", hint: "Did you mean 'notes'?" }],
  [
    'BC307-ending-as-beat',
    { code: 'BC307', line: 27, col: 40, message: "'deal' is an ending, not a beat", hint: 'Write `end: deal` instead of `next: deal`.' },
  ],
  // The side misspelt in `values` is the slip: the side it meant is not also told as missing (BC503).
  ['BC308-misspelt-side-in-values', { code: 'BC308', line: 27, col: 58, message: "no side has the id 'bb'", hint: "Did you mean 'b'?" }],
  ['BC308-unknown-side', { code: 'BC308', line: 14, col: 11, message: "no side has the id 'b'", hint: "Did you mean 'a'?" }],
  [
    'BC400-unreached-beat',
    { code: 'BC400', line: 28, col: 9, message: "no path reaches the beat 'orphan'", hint: 'Lead to it with `next:` from another beat or choice, or remove it.' },
  ],
  [
    'BC401-unreached-ending',
    {
      code: 'BC401',
      line: 30,
      col: 11,
      message: "no path reaches the ending 'walkout'",
      hint: 'Lead to it with `end:` from a beat, choice, branch or interrupt, or remove it.',
    },
  ],
  [
    'BC401-conditions-never-hold',
    {
      code: 'BC401',
      line: 37,
      col: 11,
      message: "no play reaches the ending 'triumph': the conditions on the way to it never hold together",
      hint: "The condition `{ meter: trust, gte: 3 }` at line 34 never holds: in play 'trust' stays at 0. Change the effects that move it, or the number asked for.",
    },
  ],
  // The proof's numbers point at the cause: the range a meter reaches in play, or the best package against a walk-away.
  [
    'BC401-meter-out-of-reach',
    {
      code: 'BC401',
      line: 41,
      col: 11,
      message: "no play reaches the ending 'collapse': the conditions on the way to it never hold together",
      hint: "The condition `{ meter: pressure, gte: 3 }` at line 38 never holds: in play 'pressure' only goes from 0 to 2. Change the effects that move it, or the number asked for.",
    },
  ],
  [
    'BC401-walkaway-too-high',
    {
      code: 'BC401',
      line: 42,
      col: 11,
      message: "no play reaches the ending 'deal': the conditions on the way to it never hold together",
      hint: "The condition `{ acceptable: b }` at line 39 never holds: the best package play reaches is worth 3 to 'b', and its walk-away then is 5. Lower the walk-away of 'b', or let play put options worth more to it on the table.",
    },
  ],
  [
    'BC402-dead-end',
    {
      code: 'BC402',
      line: 32,
      col: 9,
      message: "in role 'a', play gets stuck at the beat 'stuck' after the choices wait",
      hint: 'No choice is open and no branch holds there: add a choice or branch without a condition.',
    },
  ],
  [
    'BC402-role-only-beat',
    {
      code: 'BC402',
      line: 37,
      col: 11,
      message: "the beat 'private' is only for role 'b', but role 'a' can reach it",
      hint: 'Route the other role elsewhere, or remove `role:` from the beat.',
    },
  ],
  [
    'BC403-silent-loop',
    {
      code: 'BC403',
      line: 29,
      col: 11,
      message: "the beats 'round' → 'about' → 'round' loop without a line or a choice",
      hint: 'Give one of them a line or a choice, so the loop waits for the player.',
    },
  ],
  ['BC405-no-choice', { code: 'BC405', line: 13, col: 9, message: "the role 'a' is never offered a choice", hint: 'Give the beats it plays choices for this role.' }],
  [
    'BC406-branches-may-miss',
    { code: 'BC406', line: 33, col: 7, message: "if no branch of 'answer' holds, play stops here", hint: 'End the list with a branch that has no `when:`.' },
  ],
  [
    'BC407-never-open',
    {
      code: 'BC407',
      line: 31,
      col: 42,
      message: "the choice 'trade' is open in no play: every player sees it greyed out",
      hint: "Check its `when:` against the meters' ranges and what the beats before it can set, or remove the choice.",
    },
  ],
  [
    'BC408-never-taken',
    {
      code: 'BC408',
      line: 34,
      col: 21,
      message: "no play takes branch 2 of the choice 'ask'",
      hint: 'Its `when:` never holds when play gets here, or a branch above it always comes first: check it against what the beats before can set, or reorder the branches.',
    },
  ],
  [
    'BC409-never-shown',
    {
      code: 'BC409',
      line: 34,
      col: 15,
      message: "no play shows reply 1 of the beat 'hello'",
      hint: 'Its `when:` never holds when play enters the beat (check the roles and the meter values it asks for), or a reply above it always fits first.',
    },
  ],
  // The shortest play that puts every option of an exclusion on the table, told at the exclusion.
  [
    'BC410-play-reaches-excluded',
    {
      code: 'BC410',
      line: 34,
      col: 9,
      message: "in role 'a', play puts every option of the exclusion 'closed-toll' on the table after the choices done",
      hint: 'Play should never reach a package no negotiator could propose: change the effects that set these terms, so that one of them moves to another option or back to `open`, or remove the exclusion if the mix is coherent after all.',
      moreHints: ['A call that ends on it is counted outside the zone of agreement.'],
    },
  ],
  [
    'BC500-never-holds',
    { code: 'BC500', line: 30, col: 40, message: "the condition on 'trust' can never hold: gte 9", hint: "'trust' stays between 0 and 5." },
  ],
  [
    'BC501-unused-meter',
    { code: 'BC501', line: 23, col: 11, message: "the meter 'mood' is never changed and never read", hint: 'Change it with an effect, read it in a condition, or remove it.' },
  ],
  [
    'BC501-silent-actor',
    { code: 'BC501', line: 22, col: 11, message: "the actor 'aide' never speaks", hint: 'Give them a line (`speaker: aide`), or remove them from `actors:`.' },
  ],
  ['BC502-bad-range', { code: 'BC502', line: 23, col: 45, message: "the meter 'trust' has max 0 not above min 5", hint: 'Make `max` larger than `min`.' }],
  [
    'BC503-missing-valuation',
    {
      code: 'BC503',
      line: 27,
      col: 9,
      message: "the option 'shared' of 'bridge' has no value for 'b'",
      hint: 'Add `values: { b: 0 }` with what it is worth to each side; a missing value counts as 0.',
    },
  ],
  [
    'BC504-no-reason',
    {
      code: 'BC504',
      line: 30,
      col: 9,
      message: "the choice 'push' has a condition but no `unavailable:` reason",
      hint: 'Add `unavailable:` with what the player needs, e.g. "Needs trust of 3 or more", or `hide: true`.',
    },
  ],
  [
    'BC505-term-twice',
    {
      code: 'BC505',
      line: 35,
      col: 57,
      message: "the exclusion 'closed-toll' names the term 'bridge' twice",
      hint: "A package holds one option of each term, so 'closed' and 'shared' are never on the table together anyway: name each term once, with the option that clashes with the others.",
    },
  ],
  [
    'BC506-same-options',
    {
      code: 'BC506',
      line: 37,
      col: 9,
      message: "the exclusion 'no-toll-when-closed' names the same options as 'closed-toll' at line 34",
      hint: 'Both rule out the same packages: remove one, and keep the `why` that says it best.',
    },
  ],
  [
    'BC507-never-matters',
    {
      code: 'BC507',
      line: 41,
      col: 9,
      message: "the exclusion 'closed-toll-shared' can never matter: 'closed-toll' at line 38 already rules out every package it names",
      hint: "Every package with bridge: closed, toll: high, ferry: runs also holds bridge: closed, toll: high: remove 'closed-toll-shared'. If 'closed-toll' rules out more than you meant, name more options in it instead.",
    },
  ],
  [
    'BC600-no-provenance',
    {
      code: 'BC600',
      line: 25,
      col: 9,
      message: "the line 'hello-1' has neither a source nor `invented: true`",
      hint: 'Add `source: <id>` naming where the fact comes from, or `invented: true` for dialogue written for the game.',
    },
  ],
  [
    'BC601-both-provenances',
    {
      code: 'BC601',
      line: 25,
      col: 9,
      message: "the line 'hello-1' has a source and is marked invented",
      hint: 'Keep `source:` for reported text, or `invented: true` for invented text, not both.',
    },
  ],
];

const shape = (d: Diagnostic) => ({ code: d.code, severity: d.severity, line: d.line, col: d.col, message: d.message, hints: d.hints });

describe('the valid fixture', () => {
  it('tiny.yaml gives no diagnostics, a scenario, a machine and a proof reaching every ending', () => {
    const r = checkScenario(new Uint8Array(readFileSync(tinyPath)), 'tiny.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario?.id).toBe('tiny');
    expect(r.compiled).toBeDefined();
    expect(Object.keys(r.proof?.endings ?? {}).sort()).toEqual(['deal', 'timeout', 'walkout']);
    expect(r.proof?.deadEnds).toEqual([]);
  });
});

describe('one fixture per checker rule', () => {
  it.each(RULES)('%s', (name, e) => {
    const r = check(name);
    expect(r.diagnostics.map(shape)).toEqual([
      { code: e.code, severity: CODES[e.code].severity, line: e.line, col: e.col, message: e.message, hints: [e.hint, ...(e.moreHints ?? [])] },
    ]);
    const d = r.diagnostics[0]!;
    expect(d.file).toBe(`${name}.yaml`);
    // Errors keep the scenario from being used; warnings do not.
    if (d.severity === 'error') expect(r.scenario).toBeUndefined();
    else expect(r.scenario).toBeDefined();
  });

  it('the fixtures cover every code a file can produce (BC101, BC102, BC404 are tested below, BC108 with the validate command, BC7xx with translations)', () => {
    const covered = new Set(RULES.map(([, e]) => e.code));
    const missing = Object.keys(CODES).filter((c) => !covered.has(c as DiagnosticCode) && !c.startsWith('BC7'));
    expect(missing.sort()).toEqual(['BC101', 'BC102', 'BC108', 'BC404']);
  });

  it('the billion-laughs fixture answers quickly', () => {
    const start = performance.now();
    const r = check('BC104-billion-laughs');
    expect(r.diagnostics[0]?.code).toBe('BC104');
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe('BC200: a version written another way', () => {
  it('points at the line that tried, and says how it is written', () => {
    const tiny = readFileSync(tinyPath, 'utf8');
    for (const [line, key] of [
      ['format: backchannel-1', 'format'],
      ['backchanel: 1', 'backchanel'],
    ] as const) {
      const text = tiny.replace('backchannel: 1', line);
      const r = checkScenario(text, 'x.yaml', { prove: false });
      expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints])).toEqual([
        ['BC200', 1, 1, `the format version is missing: it is written \`backchannel: 1\`, not with '${key}'`, ['Replace this line with `backchannel: 1`.']],
      ]);
    }
    // `version:` is the content version too: the author is not told to replace it, which would lose it.
    const contentVersion = checkScenario(tiny.replace('backchannel: 1\n', '').replace(/^(id: .*)$/m, '$1\nversion: 3'), 'x.yaml', { prove: false });
    expect(contentVersion.diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC200', 1, 1, 'the format version is missing']]);
    expect(contentVersion.diagnostics[0]!.hints.join(' ')).toMatch(/^Add `backchannel: 1` .*Keep `version:`/);
    // Moved down the file, it is still found where it is.
    const moved = tiny.replace('backchannel: 1\n', '').replace(/^(id: .*)$/m, '$1\nformat: backchannel-1');
    const at = moved.split('\n').indexOf('format: backchannel-1') + 1;
    expect(checkScenario(moved, 'x.yaml', { prove: false }).diagnostics.map((d) => [d.code, d.line])).toEqual([['BC200', at]]);
  });
});

describe('BC205: an id in capitals, and a reference written as it', () => {
  it('both are told to be written in small letters, not that one is the other', () => {
    const text = readFileSync(fixturePath('BC205-own-id-in-capitals'), 'utf8').replace('next: bye }', 'next: Bye }');
    const r = checkScenario(new TextEncoder().encode(text), 'capitals.yaml');
    expect(r.diagnostics.map((d) => [d.line, d.col, d.message, d.hints])).toEqual([
      [29, 40, "'Bye' is not a valid id", ['An id is written in small letters: write `bye`, and name it so wherever it is used.']],
      [31, 9, "'Bye' is not a valid id", ['An id is written in small letters: write `bye`, and name it so wherever it is used.']],
    ]);
  });
});

describe('positions', () => {
  it('count columns in characters, as editors do: an emoji before the problem counts once', () => {
    for (const reader of ['fast', 'library'] as const) {
      const before = '      - { id: hello-1, speaker: envoy, text: Hello., invented: true, cue: ring }';
      const after = '      - { id: hello-1, speaker: envoy, text: "Hello 😀😀 ✓", invented: true, cue: ring, mood: warm }';
      // An anchor keeps the file from the fast reader, so both readers are held to it.
      const base = readFileSync(tinyPath, 'utf8').replace(before, after);
      const text = reader === 'library' ? base.replace('backchannel: 1', 'backchannel: &v 1') : base;
      const r = checkScenario(text, 'emoji.yaml', { prove: false });
      const line = text.split('\n').findIndex((l) => l === after) + 1;
      expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['BC202', line, [...after.slice(0, after.indexOf('mood'))].length + 1]]);
    }
  });
});

describe('BC101: not text', () => {
  const PICTURE = 'A scenario must be a plain-text .yaml/.yml or .json file, and a picture cannot be one: check that this is the file you meant.';
  const DOCUMENT = "A scenario must be a plain-text .yaml/.yml or .json file: copy the scenario's text out of the document into a text editor (such as Notepad or VS Code) and save it from there as a .yaml file.";
  const notText = (what: string, hint: string) => [{ code: 'BC101', severity: 'error', line: 1, col: 1, message: `the file is not a text file: it looks like ${what}`, hints: [hint] }];
  const bytesOf = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  it('binary bytes (a PNG header with NUL bytes)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const r = checkScenario(png, 'picture.png');
    expect(r.diagnostics.map(shape)).toEqual(notText('a PNG image', PICTURE));
  });

  it('a picture handed to the checker is named as one, not as text in another encoding', () => {
    const r = checkScenario(new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/checker/BC101-picture.png', import.meta.url)))), 'crisis.yaml');
    expect(r.diagnostics.map(shape)).toEqual(notText('a PNG image', PICTURE));
    expect(r.scenario).toBeUndefined();
  });

  // Cut off after its signature, a PNG holds no zero byte and was told as a letter in another encoding.
  it('a picture cut short before its first zero byte is named by its first bytes', () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/checker/BC101-picture-cut-short.png', import.meta.url))));
    expect(bytes.includes(0)).toBe(false);
    expect(checkScenario(bytes, 'crisis.yaml').diagnostics.map(shape)).toEqual(notText('a PNG image', PICTURE));
  });

  it('other pictures and documents a teacher may hand over are named by their first bytes', () => {
    const zipEntry = (name: string, body: string) => bytesOf('PK', [3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, name.length, 0, 0, 0], name, body);
    const cases: [Uint8Array, string, string][] = [
      [bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'a JPEG image', PICTURE],
      [bytesOf('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]), 'a GIF image', PICTURE],
      [bytesOf('GIF87a', [1, 0, 1, 0]), 'a GIF image', PICTURE],
      // A PDF may start as plain text: its first bytes still say what it is, before any YAML error would.
      [bytesOf('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n'), 'a PDF document', DOCUMENT],
      [bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'an older Word or Office document (.doc, .xls)', DOCUMENT],
      [zipEntry('word/document.xml', '<w:document/>'), 'a Word document (.docx)', DOCUMENT],
      [zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'), 'an OpenDocument file (.odt)', DOCUMENT],
    ];
    for (const [bytes, what, hint] of cases) expect(checkScenario(bytes, 'crisis.yaml').diagnostics.map(shape)).toEqual(notText(what, hint));
    expect(checkScenario(zipEntry('notes/crisis.yaml', 'backchannel: 1'), 'crisis.yaml').diagnostics.map(shape)).toEqual(
      notText('a ZIP archive, or a document packed as one (.docx, .xlsx, .odt)', 'A scenario must be a plain-text .yaml/.yml or .json file: if this is a word-processor document, copy its text into a text editor (such as Notepad or VS Code) and save it from there as a .yaml file; if it is an archive, unzip it and check the file inside.'),
    );
  });

  // Rich Text is text to a computer, so it went on to YAML and came back as brackets not closed; its first bytes name it.
  it('a document saved as Rich Text is named as a word-processor document, with how to save it as plain text', () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/checker/BC101-rich-text.rtf', import.meta.url))));
    const rtf = [
      {
        code: 'BC101',
        severity: 'error',
        line: 1,
        col: 1,
        message: 'the file is not plain text: it looks like a word-processor document saved as Rich Text (.rtf)',
        hints: ['A scenario must be a plain-text .yaml/.yml or .json file: save the document as plain text instead (in TextEdit, Format > Make Plain Text; in Word, Save As > Plain Text), or copy its text into a text editor (such as Notepad or VS Code) and save it from there as a .yaml file.'],
      },
    ];
    expect(checkScenario(bytes, 'crisis.yaml').diagnostics.map(shape)).toEqual(rtf);
    expect(checkScenario(new TextDecoder().decode(bytes), 'crisis.yaml').diagnostics.map(shape)).toEqual(rtf);
    // No new name would make it a scenario, so validate does not suggest one (BC108).
    expect(isBinaryFile(bytes)).toBe(true);
  });

  it('a file with zero bytes near its start and no known first bytes is binary data', () => {
    const r = checkScenario(bytesOf('ID3', [4, 0, 0, 0, 0, 0, 0x23], 'TSSE'), 'crisis.yaml');
    expect(r.diagnostics.map(shape)).toEqual([
      {
        code: 'BC101',
        severity: 'error',
        line: 1,
        col: 1,
        message: 'the file is not a text file: it holds binary data',
        hints: ['A scenario must be a plain-text .yaml/.yml or .json file, written in a text editor such as Notepad or VS Code: check that this is the file you meant.'],
      },
    ]);
  });

  it('a zero byte far into a text file is not told as a kind of file', () => {
    const r = checkScenario(bytesOf(`backchannel: 1\n${'# note\n'.repeat(2000)}`, [0]), 'crisis.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC101', 1, 1, 'the file is not UTF-8 text']]);
  });

  it('invalid UTF-8 without any NUL byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('backchannel: 1\ntitle: Caf'), 0xe9, 0x0a]);
    const r = checkScenario(bytes, 'latin1.yaml');
    // At the letter saved in Latin-1, so the author can find it.
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC101', 2, 11, 'the file is not UTF-8 text: the letter here is in another encoding']]);
    // Columns count characters: valid accents before it on the line count once each.
    const later = new Uint8Array([...new TextEncoder().encode('a: 1\ntitle: Ñandú y Caf'), 0xe9]);
    expect(checkScenario(later, 'x.yaml').diagnostics.map((d) => [d.line, d.col])).toEqual([[2, 19]]);
    // A lead byte with too few bytes after it, at the end of the file.
    const cut = new Uint8Array([...new TextEncoder().encode('a: b'), 0xe2, 0x82]);
    expect(checkScenario(cut, 'x.yaml').diagnostics.map((d) => [d.line, d.col])).toEqual([[1, 5]]);
  });

  it('a text string holding a NUL character', () => {
    const r = checkScenario('backchannel: 1\nid: x\u0000\n', 'nul.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['BC101']);
  });

  it('a UTF-8 byte order mark is not a problem and does not shift columns', () => {
    const text = readFileSync(fixturePath('BC204-wrong-type'), 'utf8');
    const r = checkScenario(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'bom.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['BC204', 11, 38]]);
  });

  it('a file saved as UTF-16 (Notepad\'s "Unicode") is named as such, with how to save it as UTF-8', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[...'backchannel: 1\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const r = checkScenario(bytes, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC101', 1, 1, 'the file is saved as UTF-16 text, not UTF-8']]);
    expect(r.diagnostics[0]!.hints[0]).toMatch(/UTF-8/);
  });

  it('UTF-16 is named by its byte order mark, big-endian too, and when no letter of it holds a zero byte', () => {
    const utf16 = 'the file is saved as UTF-16 text, not UTF-8';
    const be = new Uint8Array([0xfe, 0xff, ...[...'backchannel: 1\n'].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(checkScenario(be, 'x.yaml').diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC101', 1, 1, utf16]]);
    // 「外交」 in UTF-16: no zero byte, so it was told as a letter in another encoding.
    const cjk = new Uint8Array([0xff, 0xfe, 0x0c, 0x30, 0x16, 0x59, 0xa4, 0x4e, 0x0d, 0x30]);
    expect(cjk.includes(0)).toBe(false);
    expect(checkScenario(cjk, 'x.yaml').diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC101', 1, 1, utf16]]);
  });

  it('old Mac line ends (a lone CR) are line ends: a problem is placed on its line', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('walkaway: 1 }', 'walkaway: one }');
    const line = text.split('\n').findIndex((l) => l.includes('walkaway: one')) + 1;
    const r = checkScenario(text.replace(/\n/g, '\r'), 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['BC204', line, "'walkaway' should be a number, not text"]]);
  });

  it('Windows line endings give the same positions', () => {
    const text = readFileSync(fixturePath('BC204-wrong-type'), 'utf8').replace(/\n/g, '\r\n');
    const r = checkScenario(text, 'crlf.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['BC204', 11, 38]]);
  });
});

describe('BC102: too large', () => {
  it('one byte over the limit, as text', () => {
    const text = `# ${'x'.repeat(LIMITS.maxBytes - 2)}\n`;
    expect(new TextEncoder().encode(text).length).toBe(LIMITS.maxBytes + 1);
    const r = checkScenario(text, 'big.yaml');
    expect(r.diagnostics.map(shape)).toEqual([
      {
        code: 'BC102',
        severity: 'error',
        line: 1,
        col: 1,
        message: `the file is ${LIMITS.maxBytes + 1} bytes; the limit is ${LIMITS.maxBytes} bytes`,
        hints: ['Split the scenario into smaller scenarios, or remove unused text.'],
      },
    ]);
  });

  it('counts bytes, not characters: two-byte letters under the limit in characters but over it in bytes', () => {
    const text = 'é'.repeat(LIMITS.maxBytes / 2 + 1);
    expect(text.length).toBeLessThan(LIMITS.maxBytes);
    const r = checkScenario(text, 'accents.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['BC102', `the file is ${LIMITS.maxBytes + 2} bytes; the limit is ${LIMITS.maxBytes} bytes`],
    ]);
  });

  it('exactly at the limit is read (and answered with what is wrong inside, not BC102)', () => {
    const r = checkScenario(new Uint8Array(LIMITS.maxBytes).fill(0x20), 'spaces.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['BC100']);
  });
});

describe('BC104: bombs', () => {
  it('nesting deeper than the limit', () => {
    const depth = LIMITS.maxDepth + 1;
    const r = readScenario(`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 'deep.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC104', line: 1, message: `values are nested more than ${LIMITS.maxDepth} levels deep` });
  });

  it('nesting exactly at the limit is allowed (the problem reported is the schema, not the depth)', () => {
    const depth = LIMITS.maxDepth - 1;
    const r = readScenario(`backchannel: 1\na: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 'deep.yaml');
    expect(r.diagnostics.map((d) => d.code)).not.toContain('BC104');
  });

  // Very deep nesting overflows the YAML library's stack, which it reports
  // as resource exhaustion, the same code as an alias bomb: the author must
  // hear once about nesting, not many times about aliases the file lacks.
  it('a very deep nesting without aliases is reported once, as nesting, not as aliases', () => {
    const r = readScenario(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'deep.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe('BC104');
    expect(r.diagnostics[0]!.message).toMatch(/nest/);
    expect(r.diagnostics[0]!.message).not.toMatch(/alias/);
  });

  // A file the fast reader declines early (here for a tab) goes to the
  // library, which takes seconds over brackets nested thousands deep and
  // runs out of stack; a scan refuses them first, and says where.
  it('brackets nested thousands deep behind a tab are refused at the first one past the limit', () => {
    const r = readScenario(`backchannel: 1\t\nplan: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`, 'deep.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC104', line: 2, col: 7 + 4 * LIMITS.maxDepth, message: `values are nested more than ${LIMITS.maxDepth} levels deep` });
  });

  it('compact list dashes nested thousands deep behind a tab are refused too', () => {
    const r = readScenario(`backchannel: 1\t\nplan:\n  ${'- '.repeat(20_000)}x\n`, 'deep.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC104', line: 3, col: 3 + 2 * LIMITS.maxDepth });
  });

  it('explicit keys nested thousands deep (`? ? ?`) are refused too', () => {
    const r = readScenario(`backchannel: 1\t\nplan:\n  ${'? - '.repeat(10_000)}x\n`, 'deep.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC104', line: 3 });
  });

  // The scan must not take brackets in text for nesting. Each file has an
  // anchor, so that the library, not the fast reader, reads it; the library
  // finds nothing wrong with any of them.
  const unclosed: Record<string, string> = {
    'in double quotes, with a comment sign inside': Array.from({ length: 300 }, (_, k) => `  - "Smile :-[ #${k}"`).join('\n'),
    'in single quotes, with a doubled quote': Array.from({ length: 300 }, (_, k) => `  - 'it''s [${k}'`).join('\n'),
    'in block text': `  - |\n${Array.from({ length: 300 }, (_, k) => `    if (x${k}) {`).join('\n')}`,
    'in folded block text under a key': `  - note: >-\n${Array.from({ length: 300 }, (_, k) => `      [${k}`).join('\n')}`,
    'in plain text': Array.from({ length: 300 }, (_, k) => `  - see [${k}`).join('\n'),
    'in comments': Array.from({ length: 300 }, (_, k) => `  - a${k} # [`).join('\n'),
    'in quoted items of flow lists': Array.from({ length: 300 }, (_, k) => `  - ["Item #${k} {", "b"]`).join('\n'),
  };
  for (const [where, items] of Object.entries(unclosed)) {
    it(`unclosed brackets ${where} are not nesting`, () => {
      const text = `backchannel: 1\nlabel: &l x\nitems:\n${items}\n`;
      const r = readScenario(text, 'brackets.yaml');
      expect(r.diagnostics.map((d) => d.code)).not.toContain('BC104');
      expect(r.diagnostics.map((d) => d.code)).not.toContain('BC103');
    });
  }

  // Each alias use must be expanded without walking the whole document
  // again, or a few thousand aliases in a modest file keep the checker
  // busy for minutes before the expansion bound is reached.
  it('a small alias bomb after a few thousand values is answered with BC104', () => {
    const lines = ['pad:', ...Array.from({ length: 1500 }, (_, i) => `  - p${i}`)];
    lines.push('l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]');
    for (let i = 1; i < 9; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const r = readScenario(lines.join('\n'), 'bomb.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['BC104']);
  });
});

describe('BC404: the proof stops at its budget', () => {
  it('proveScenario with a tiny budget marks every role incomplete and claims no ending unreachable', () => {
    const r = checkScenario(new Uint8Array(readFileSync(tinyPath)), 'tiny.yaml', { prove: false });
    const proof = proveScenario(compileScenario(r.scenario!), 3);
    expect(proof.incomplete).toEqual(['a', 'b']);
    expect(proof.unreachedEndings).toEqual([]);
  });

  it('the full check reports it as a warning at each role, and keeps the scenario', () => {
    proofBudget.value = 3;
    try {
      const r = checkScenario(new Uint8Array(readFileSync(tinyPath)), 'tiny.yaml');
      const hint = 'Endings and dead ends in this role were not fully checked: fewer meters, coarser ranges or fewer loops make the call smaller.';
      expect(r.diagnostics.map(shape)).toEqual([
        { code: 'BC404', severity: 'warning', line: 19, col: 9, message: "the proof for role 'a' stopped at its state budget", hints: [hint] },
        { code: 'BC404', severity: 'warning', line: 26, col: 9, message: "the proof for role 'b' stopped at its state budget", hints: [hint] },
      ]);
      expect(r.scenario).toBeDefined();
    } finally {
      proofBudget.value = undefined;
    }
  });
});

describe('more checks an author relies on', () => {
  // One message, where the slip is: a second one saying the key is missing would point elsewhere.
  it('a misspelt required key is reported once, at the misspelling, with the key it should be', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('title: A tiny call', 'titel: A tiny call');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints[0]])).toEqual([
      ['BC202', 3, 1, "unknown key 'titel' in a scenario", "Did you mean 'title'?"],
    ]);
  });

  it('a side id in values that is not a valid id names the key and the mapping it is in', () => {
    const r = checkScenario(readFileSync(tinyPath, 'utf8').replace('values: { a: 3, b: 2 }', 'values: { A: 3, b: 2 }'), 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC205', 45, 48, "the key 'A' of 'values' is not a valid id"]]);
  });

  it('a repeated option id says which term it is in', () => {
    const r = checkScenario(readFileSync(tinyPath, 'utf8').replace('{ id: closed, label: Closed', '{ id: shared, label: Closed'), 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['BC300', 46, "the option id 'shared' is already used at line 45 in the term 'bridge'"]]);
  });

  it('a required key that is simply missing is reported as missing, with what to write', () => {
    const noTitle = checkScenario(readFileSync(tinyPath, 'utf8').replace('title: A tiny call\n', ''), 'x.yaml');
    expect(noTitle.diagnostics.map((d) => [d.code, d.message, d.hints[0]])).toEqual([['BC203', "a scenario is missing its 'title'", 'Add `title:` with text.']]);
    const noSpeaker = checkScenario(readFileSync(tinyPath, 'utf8').replace('{ id: hello-2, speaker: envoy, text', '{ id: hello-2, text'), 'x.yaml');
    expect(noSpeaker.diagnostics.map((d) => [d.code, d.message, d.hints[0]])).toEqual([['BC203', "a line is missing its 'speaker'", 'Add `speaker:` with the id of an actor.']]);
  });

  it('two YAML documents in one file', () => {
    const text = `${readFileSync(tinyPath, 'utf8')}---\nid: other\n`;
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['BC103', 'the file holds more than one YAML document']]);
    expect(r.diagnostics[0]!.line).toBe(text.split('\n').indexOf('---') + 1);
  });

  // Slips of indentation and unquoted colons, each with a hint that names the likely fix.
  it('a key indented one space too far, a list item one space short, and colons in unquoted text', () => {
    const tiny = readFileSync(tinyPath, 'utf8');
    const hintsFor = (text: string) => checkScenario(text, 'x.yaml').diagnostics.filter((d) => d.code === 'BC103').flatMap((d) => d.hints);
    expect(hintsFor(tiny.replace('    side: a\n', '     side: a\n')).join(' ')).toMatch(/start 'side' at column 5, under 'id'/);
    expect(hintsFor(tiny.replace('title: A tiny call', 'title: Clerk: a tiny call'))[0]).toBe('Put the text in "double quotes": title: "Clerk: a tiny call". Unquoted, a colon followed by a space starts a new key.');
    expect(hintsFor(tiny.replace(/\{ id: hello-2, speaker: envoy, text: [^,]*,/, '{ id: hello-2, speaker: envoy, text: Clerk: a tiny call,')).join(' ')).toMatch(/inside \{ \} or \[ \], a colon followed by a space/);
    const shortItem = tiny.replace(/\n {2}- id: b\n/, '\n - id: b\n');
    expect(shortItem).not.toBe(tiny);
    const hints = hintsFor(shortItem).join(' ');
    expect(hints).toMatch(/^Line up every `- ` of one list at the same column: start this one at column 3\./);
    expect(hints).not.toMatch(/not closed/);
  });

  // Each line indented with a tab is its own slip and is shown; the lines
  // the tabs upset are counted in a note, so the summary agrees with what
  // the author sees.
  it('two lines indented with a tab are both shown, at the tab, and the lines they upset are only counted', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('    side: a\n', '\tside: a\n').replace('    side: b\n', '  \tside: b\n');
    const r = checkScenario(text, 'x.yaml');
    const lines = text.split('\n');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([
      ['BC103', lines.indexOf('\tside: a') + 1, 1, 'syntax error: this line is indented with a tab'],
      ['BC103', lines.indexOf('  \tside: b') + 1, 3, 'syntax error: this line is indented with a tab'],
    ]);
    expect(r.diagnostics[1]!.hints.at(-1)).toMatch(/^\d+ other lines below the tab have syntax errors, most likely only because of the tab/);
    expect(r.diagnostics.flatMap((d) => d.hints).join(' ')).not.toMatch(/colon|line up|line the keys/);
  });

  it('more tabs than are shown are listed by line', () => {
    const text = readFileSync(tinyPath, 'utf8').replace(/\n {4}(?=\S)/g, '\n\t');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics).toHaveLength(3);
    expect(r.diagnostics.every((d) => d.message === 'syntax error: this line is indented with a tab')).toBe(true);
    expect(r.diagnostics[2]!.hints.join(' ')).toMatch(/^.* Lines \d+, \d+, .* are indented with a tab too\./);
  });

  it('a file indented with tabs throughout is answered at its first tab, without handing every upset line to the YAML library', () => {
    const text = `backchannel: 1\nid: x\nnotes:\n${Array.from({ length: 600 }, (_, i) => `\tk${i}: v\n`).join('')}`;
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.line, d.col, d.message, d.hints[1]])).toEqual([
      [4, 1, 'syntax error: this line is indented with a tab', 'More than 500 lines are indented with tabs: replace every tab with spaces and check again.'],
    ]);
  });

  it('a slip above the first tab is kept, with its own hint', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('title: A tiny call', 'title: Clerk: a tiny call').replace('    side: a\n', '\tside: a\n');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.line, d.message.includes('tab')])).toEqual([
      [3, false],
      [text.split('\n').indexOf('\tside: a') + 1, true],
    ]);
  });

  // The note under a slip that upsets the lines after it says their errors are left out; a key those lines
  // bring to the mapping above, meeting one of its keys, is one of them, and not told as written twice.
  it('a key repeated only because a slip above misplaced it is left out with the other knock-on errors', () => {
    const tiny = readFileSync(tinyPath, 'utf8');
    const text = tiny.replace('roles:\n  - id: a\n', 'roles:\n     - id: a\n');
    expect(text).not.toBe(tiny);
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['BC103', 20, 5]]);
    expect(r.diagnostics[0]!.hints.at(-1)).toMatch(/^\d+ more lines after this have syntax errors, most likely only because of this one; they are not shown or counted/);
  });

  // Curly quotes around part of a text are text to YAML, and fine there; only the comma after them cuts the
  // text, and that is what the author is told, with the curly quotes kept.
  it('curly quotes that open a text without a colon are left as text; a comma after them is told as a cut', () => {
    const tiny = readFileSync(tinyPath, 'utf8');
    const text = tiny.replace('text: Hello., invented', 'text: ‘Hello’, said the envoy., invented');
    expect(text).not.toBe(tiny);
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints])).toEqual([
      ['BC202', 56, 55, "unknown key 'said the envoy.' in a line", ['This looks like text cut at a comma: inside { } a comma ends the value. Put the whole text in double quotes: text: "‘Hello’, said the envoy."']],
    ]);
  });

  // Conditions inside all: and any: are judged as conditions, not as option ids.
  it('a condition inside all: or any: with two kinds, or that is not a mapping', () => {
    const tiny = readFileSync(tinyPath, 'utf8');
    const twoKinds = checkScenario(tiny.replace('when: { acceptable: b }', 'when: { any: [{ acceptable: b, flag: warned }] }'), 'x.yaml');
    expect(twoKinds.diagnostics.map((d) => d.code)).toEqual(['BC208']);
    expect(twoKinds.diagnostics[0]!.message).not.toMatch(/option id|object Object/);
    const bare = checkScenario(tiny.replace('when: { acceptable: b }', 'when: { all: [{ acceptable: b }, low] }'), 'x.yaml');
    expect(bare.diagnostics.map((d) => [d.code, d.message])).toEqual([['BC208', 'a condition must be a mapping such as `{ meter: trust, gte: 3 }`']]);
  });

  it('a term condition with both is: and in:', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('when: { acceptable: b }', 'when: { term: bridge, is: shared, in: [shared] }');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['BC208', 'a term condition has both `is:` and `in:`']]);
  });

  it('BC409 is not told for replies play shows: two of one length that leave the same meters, or one that sets off an interrupt', () => {
    const base = readFileSync(fixturePath('BC407-never-open'), 'utf8');
    const head = base.slice(0, base.indexOf('beats:\n'));
    const sameLength = `${head}beats:
  - id: hello
    lines:
      - { id: hello-1, speaker: envoy, text: Hello., invented: true }
    choices:
      - { id: warm, text: Warm., effects: [{ meter: trust, add: 3 }], next: answer }
      - { id: cold, text: Cold., next: answer }
  - id: answer
    replies:
      - when: { meter: trust, gte: 2 }
        effects: [{ meter: trust, set: 1 }]
        lines: [{ id: glad, speaker: envoy, text: Glad., invented: true }]
      - when: { meter: trust, lt: 2 }
        effects: [{ meter: trust, set: 1 }]
        lines: [{ id: sorry, speaker: envoy, text: Sorry., invented: true }]
    choices:
      - { id: done, text: Done., end: deal }
endings:
  - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
`;
    expect(checkScenario(sameLength, 'x.yaml').diagnostics).toEqual([]);
    const interrupted = `${head}interrupts:
  - { id: walk, when: { meter: trust, gte: 4 }, end: walked }
beats:
  - id: hello
    lines:
      - { id: hello-1, speaker: envoy, text: Hello., invented: true }
    choices:
      - { id: warm, text: Warm., effects: [{ meter: trust, add: 2 }], next: angry }
      - { id: done, text: Done., end: deal }
  - id: angry
    replies:
      - when: { meter: trust, gte: 2 }
        effects: [{ meter: trust, add: 2 }]
        lines: [{ id: angry-1, speaker: envoy, text: Enough., invented: true }]
      - lines: [{ id: calm, speaker: envoy, text: Fine., invented: true }]
    choices:
      - { id: back, text: Back., next: hello }
endings:
  - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
  - { id: walked, title: Walked out, kind: impasse, summary: Gone., debrief: Gone. }
`;
    const r = checkScenario(interrupted, 'x.yaml');
    expect(r.diagnostics.filter((d) => d.code === 'BC409')).toEqual([]);
    expect(Object.keys(r.proof!.endings).sort()).toEqual(['deal', 'walked']);
  });

  it('a key without its colon on a line of 100,000 spaces still gets its message', () => {
    // The hint reads only the start of the line: scanning all of it with a backtracking pattern never ended.
    const text = `backchannel: 1\ntitle x${' '.repeat(100_000)}y\nid: a\n`;
    expect(checkScenario(text, 'long.yaml', { prove: false }).diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['BC103', 2, "missing ':' after the key 'title'"]]);
  });

  it('BC200 is not told for a title or id that mentions Backchannel', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('backchannel: 1\n', '').replace(/^title: .*$/m, 'title: Backchannel practice call');
    expect(checkScenario(text, 'x.yaml', { prove: false }).diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC200', 1, 1, 'the format version is missing']]);
  });

  it('a flag set but never read, and one read but never set', () => {
    const text = readFileSync(tinyPath, 'utf8')
      .replace('when: { flag: warned }', 'when: { flag: heard }')
      .replace('  - { id: warned, description: A warning was given. }', '  - { id: warned, description: A warning was given. }\n  - { id: heard, description: They heard. }');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['BC501', 'warning', "the flag 'warned' is set but no condition reads it"],
      ['BC501', 'warning', "the flag 'heard' is read but never set"],
    ]);
  });

  // A beat copied to make 'walkout' that kept the id 'talk': the reference to 'walkout' comes first in the file, so it points at the copy.
  it('BC301 for an id a copied beat was meant to have names the copy, which BC300 then reports', () => {
    const r = check('BC301-copied-beat');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints])).toEqual([
      [
        'BC301',
        28,
        42,
        "no beat has the id 'walkout'",
        ["The beat at line 33 repeats the id 'talk' of line 29: if it was meant to be 'walkout', give it that id.", "Known beats: 'hello', 'talk'."],
      ],
      ['BC300', 33, 9, "the beat id 'talk' is already used at line 29", ['Give each one its own id.']],
    ]);
  });

  it('a reference that only a copy\'s old id is close to is not sent to that id', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('  - { id: b, name: Side B, walkaway: 1 }', '  - { id: a, name: Side B, walkaway: 1 }');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC300', line: 17, message: "the side id 'a' is already used at line 16" });
    expect(r.diagnostics.slice(1).map((d) => [d.code, d.message, d.hints])).toContainEqual([
      'BC308',
      "no side has the id 'b'",
      ["The side at line 17 repeats the id 'a' of line 16: if it was meant to be 'b', give it that id."],
    ]);
  });

  describe('BC401: what the proof can tell about an ending no play reaches', () => {
    const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
    const bc401 = (text: string) => checkScenario(text, 'x.yaml').diagnostics.filter((d) => d.code === 'BC401').map((d) => d.hints);

    it('a package value asked of a side: the values play gives it', () => {
      expect(bc401(fixture('BC401-walkaway-too-high').replace('when: { acceptable: b }', 'when: { value: b, gte: 4 }'))).toEqual([
        ["The condition `{ value: b, gte: 4 }` at line 39 never holds: in play the package is worth from -1 to 3 to 'b'. Change the values of the options, or the number asked for."],
      ]);
    });

    it('a way in that the numbers do not explain is left to the author, after the one they do', () => {
      const text = fixture('BC401-meter-out-of-reach').replace(
        '      - { id: stop, text: Stop., next: weigh }',
        '      - { id: stop, text: Stop., next: weigh }\n      - { id: bluff, text: Bluff., when: { not: { meter: pressure, gte: 0 } }, unavailable: Not now, end: collapse }',
      );
      expect(bc401(text)).toEqual([
        [
          "The condition `{ meter: pressure, gte: 3 }` at line 39 never holds: in play 'pressure' only goes from 0 to 2. Change the effects that move it, or the number asked for.",
          'Other ways into it are blocked too: check the `when:` of the branches and choices that lead to it.',
        ],
      ]);
    });

    // Play passes through such beats without resting in a state, but a value a meter takes there is still a value it takes in play.
    it('counts what a meter reaches while play passes straight through beats, and then claims nothing', () => {
      const text = fixture('BC401-meter-out-of-reach')
        .replace('next: weigh }\n      - { id: stop', 'next: surge }\n      - { id: stop')
        .replace('  - id: weigh\n', '  - id: surge\n    effects: [{ meter: pressure, add: 2 }]\n    next: calm\n  - id: calm\n    effects: [{ meter: pressure, add: -2 }]\n    next: weigh\n  - id: weigh\n');
      expect(bc401(text)).toEqual([['Check the `when:` of the branches and choices that lead to it against the meters and terms they read.']]);
    });
  });

  it('BC402: a beat whose branches never hold at that point is a dead end, not only a BC406 warning', () => {
    const r = check('BC402-branches-never-hold');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.col, d.message])).toEqual([
      ['BC402', 'error', 31, 9, "in role 'a', play gets stuck at the beat 'stuck' after the choices wait"],
      ['BC406', 'warning', 34, 7, "if no branch of 'stuck' holds, play stops here"],
    ]);
  });

  it('BC402: a choice whose branches never hold leaves play stuck', () => {
    const r = check('BC402-choice-branches-never-hold');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.col, d.message])).toEqual([
      ['BC402', 'error', 31, 9, "in role 'a', play gets stuck at the beat 'stuck' after the choices wait"],
      ['BC406', 'warning', 34, 40, "if no branch of the choice 'go' holds, play stops here"],
    ]);
  });

  // A role's `start:` that names an ending: the hint must speak of `start:`,
  // since the file has no `next:` there and a role cannot take `end:`.
  it("BC307 for a role's start: the hint speaks of start:, not next:/end:", () => {
    const r = check('BC307-role-start-ending');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC307', line: 17, col: 12 });
    expect(r.diagnostics[0]!.hints.join(' ')).toMatch(/start:/);
    expect(r.diagnostics[0]!.hints.join(' ')).not.toMatch(/`next: deal`/);
  });

  // An unknown key in a condition: the hint lists the keys a condition
  // takes (meter, gte...), rather than saying none are declared.
  it('an unknown key inside a condition says what a condition of its kind takes, and the key meant', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('when: { meter: trust, gte: 3 }', 'when: { meter: trust, gte: 3, above: 1 }');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC202', message: "unknown key 'above' in a condition: a meter condition compares with eq, ne, gt, gte, lt or lte" });
    expect(r.diagnostics[0]!.hints).toEqual(['Write `{ meter: trust, gte: 3, gt: 1 }`.']);
  });

  // A meter effect with both add: and set: must be told to use one of them,
  // not that 'add' is an unknown key.
  it('a meter effect with both add: and set: says to use one of them', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('{ meter: trust, add: 1 }], next: answer', '{ meter: trust, add: 1, set: 2 }], next: answer');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).not.toMatch(/in a value/);
    expect(`${r.diagnostics[0]!.message} ${r.diagnostics[0]!.hints.join(' ')}`).toMatch(/add:.*set:|set:.*add:/);
  });

  // `{ meter: trust }` with no comparison always holds in the engine, so
  // the checker must not call it a condition that can never hold.
  it('a meter condition with no comparison is not said to "never hold"', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('when: { meter: trust, gte: 3 }', 'when: { meter: trust }');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.severity).toBe('error');
    expect(r.diagnostics[0]!.message).not.toMatch(/never hold/);
  });

  // `backchannel: "1"` is text: saying version "1" is not 1 would read as a
  // contradiction, so the message says the version is a number.
  it('a quoted version number says the version must be a number', () => {
    const text = readFileSync(tinyPath, 'utf8').replace('backchannel: 1', 'backchannel: "1"');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'BC201', line: 1, col: 14 });
    expect(`${r.diagnostics[0]!.message}`).toMatch(/number/);
  });
});

describe('a reference written as a title, a name or a label, or in other capitals', () => {
  const tiny = readFileSync(tinyPath, 'utf8');
  // [what it refers to, text in tiny.yaml, the same written by title/name/label or capitals, line, column, message, hint]
  const CASES: [string, string, string, number, number, string, string][] = [
    ['source', 'text: A wants the bridge., source: notes', 'text: A wants the bridge., source: Made-up notes', 24, 66, "'Made-up notes' is not a valid id", "'Made-up notes' is the title of the source 'notes': refer to it by its id, 'notes'."],
    ['meter', 'when: { meter: trust, gte: 3 }', 'when: { meter: Time left, gte: 3 }', 61, 59, "'Time left' is not a valid id", "'Time left' is the label of the meter 'clock': refer to it by its id, 'clock'."],
    ['flag', 'when: { flag: warned }', 'when: { flag: Warned }', 65, 23, "'Warned' is not a valid id", "Did you mean 'warned'?"],
    ['term', 'when: { acceptable: b }', 'when: { term: The bridge }', 69, 25, "'The bridge' is not a valid id", "'The bridge' is the label of the term 'bridge': refer to it by its id, 'bridge'."],
    ['option', 'when: { acceptable: b }', 'when: { term: bridge, in: [Closed] }', 69, 38, "'Closed' is not a valid id", "Did you mean 'closed'?"],
    ['beat', 'next: answer }', 'next: Answer }', 59, 147, "'Answer' is not a valid id", "Did you mean 'answer'?"],
    ['ending', 'end: deal }', 'end: A deal }', 61, 120, "'A deal' is not a valid id", "'A deal' is the title of the ending 'deal': refer to it by its id, 'deal'."],
    ['actor', 'speaker: envoy, text: Hello.', 'speaker: The envoy, text: Hello.', 56, 33, "'The envoy' is not a valid id", "'The envoy' is the name of the actor 'envoy': refer to it by its id, 'envoy'."],
    ['side', 'when: { acceptable: b }', 'when: { acceptable: Side B }', 69, 31, "'Side B' is not a valid id", "'Side B' is the name of the side 'b': refer to it by its id, 'b'."],
    ['side, as a key of values', 'values: { a: 3, b: 2 }', 'values: { Side A: 3, b: 2 }', 45, 48, "the key 'Side A' of 'values' is not a valid id", "'Side A' is the name of the side 'a': refer to it by its id, 'a'."],
    ['concept', 'concepts: [batna]', 'concepts: [BATNA]', 72, 122, "'BATNA' is not a valid id", "Did you mean 'batna'?"],
    ['inject', 'effects: [{ flag: warned, set: true }', 'effects: [{ inject: Storm }, { flag: warned, set: true }', 60, 77, "'Storm' is not a valid id", "Did you mean 'storm'?"],
    ['part', 'part: open', 'part: Opening', 54, 11, "'Opening' is not a valid id", "'Opening' is the title of the part 'open': refer to it by its id, 'open'."],
    ['role', 'when: { acceptable: b }', 'when: { role: "Side B\'s envoy" }', 69, 25, "'Side B's envoy' is not a valid id", "'Side B's envoy' is the name of the role 'b': refer to it by its id, 'b'."],
    ['choice', 'when: { acceptable: b }', 'when: { chose: Offer }', 69, 26, "'Offer' is not a valid id", "Did you mean 'offer'?"],
  ];
  it.each(CASES)('%s', (_kind, from, to, line, col, message, hint) => {
    expect(tiny).toContain(from);
    const r = checkScenario(tiny.replace(from, to), 'x.yaml', { prove: false });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints])).toEqual([['BC205', line, col, message, [hint]]]);
  });

  it('an option named by its label, among the options of the term the condition reads', () => {
    const text = tiny.replace('{ id: shared, label: Shared,', '{ id: shared, label: Shared by both,').replace('when: { acceptable: b }', 'when: { term: bridge, is: Shared by both }');
    expect(checkScenario(text, 'x.yaml', { prove: false }).diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints])).toEqual([
      ['BC205', 69, 37, "'Shared by both' is not a valid id", ["'Shared by both' is the label of the option 'shared': refer to it by its id, 'shared'."]],
    ]);
  });

  it('a valid id that names nothing is matched against titles too', () => {
    const named = checkScenario(tiny.replace('speaker: envoy, text: Hello.', 'speaker: mediator, text: Hello.').replace('{ id: envoy, name: The envoy', '{ id: envoy, name: Mediator'), 'x.yaml', { prove: false });
    expect(named.diagnostics.map((d) => [d.code, d.message, d.hints])).toEqual([
      ['BC302', "no actor has the id 'mediator'", ["'mediator' is the name of the actor 'envoy': refer to it by its id, 'envoy'."]],
    ]);
  });
});

describe('slips a newcomer makes, told in plain words', () => {
  const tiny = readFileSync(tinyPath, 'utf8');
  const seen = (text: string) => checkScenario(text, 'x.yaml').diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints]);

  it('a top-level key without its colon names the key and shows the line with it', () => {
    expect(seen(tiny.replace('summary: The smallest', 'language en\nsummary: The smallest'))).toEqual([
      ['BC103', 4, 1, "missing ':' after the key 'language'", ['Write `language: en`: a key is followed by a colon and a space, then its value.']],
    ]);
  });

  it('a key without its colon in a list item is pointed at after the `- `', () => {
    expect(seen(tiny.replace('  - id: b\n    side: b', '  - id b\n    side: b'))).toEqual([
      ['BC103', 26, 5, "missing ':' after the key 'id'", ['Write `id: b`: a key is followed by a colon and a space, then its value.']],
    ]);
  });

  // The library words this one differently: no key follows on the next line.
  it('a key without its colon on the last line of the file', () => {
    expect(seen(`${tiny}language en\n`)).toEqual([
      ['BC103', 75, 1, "missing ':' after the key 'language'", ['Write `language: en`: a key is followed by a colon and a space, then its value.']],
    ]);
  });

  describe('a percentage where a number belongs', () => {
    const hint = (from: string, to: string) => {
      const d = checkScenario(tiny.replace(from, to), 'x.yaml').diagnostics;
      expect(d.map((x) => x.code)).toEqual(['BC204']);
      return d[0]!.hints;
    };

    it('in a condition on a meter, the number at that share of the meter’s range', () => {
      // trust runs from 0 to 5: 60% of the way is 3, and 60 lies beyond its end.
      expect(hint('when: { meter: trust, gte: 3 }', 'when: { meter: trust, gte: 60% }')).toEqual(["The meter 'trust' runs from 0 to 5, so 60% of the way is 3: write the number alone, `gte: 3`."]);
    });

    it('a move down, written with the word, in the effect every choice has', () => {
      expect(hint('everyChoice: [{ meter: clock, add: -1 }]', 'everyChoice: [{ meter: clock, add: -25 per cent }]')).toEqual([
        "The meter 'clock' runs from 0 to 4, so a move of -25% of its range is -1: write the number alone, `add: -1`.",
      ]);
    });

    it('beyond the meter’s range either way, the range is told', () => {
      expect(hint('start: 4 }', 'start: 400% }')).toEqual(["The meter 'clock' runs from 0 to 4: write the number alone, within that range (400% lies beyond it)."]);
    });

    it('a small share that the number as written could also mean: both, plainly', () => {
      expect(hint('min: 0, max: 5, start: 1 }', 'min: 0, max: 5, start: 1% }')).toEqual([
        "The meter 'trust' runs from 0 to 5, so 1% of the way is 0.05: write the number alone, `start: 0.05`, or `start: 1` if you meant 1 on the meter's own scale.",
      ]);
    });

    it('a meter whose own range is not a number yet gives no scale: the number or the fraction', () => {
      const both = checkScenario(tiny.replace('min: 0, max: 5, start: 1 }', 'min: 0, max: 5 points, start: 20% }'), 'x.yaml').diagnostics;
      expect(both.map((d) => d.hints[0])).toEqual([
        'Write the number alone: `max: 5`. Say what it counts in a label or description.',
        'Write the number alone: `start: 20`, or `start: 0.2` if you meant a fraction (20% of 1). Say what it counts in a label or description.',
      ]);
    });
  });

  it('a long value is shortened in the example', () => {
    const [d] = seen(tiny.replace('    summary: You speak for A.', '    summary You speak for the town of A, which wants the bridge.'));
    expect(d!.slice(0, 4)).toEqual(['BC103', 22, 5, "missing ':' after the key 'summary'"]);
    expect(d![4]).toEqual(['Write `summary: You speak for the town of A, which wants…`: a key is followed by a colon and a space, then its value.']);
  });

  it('a line that starts with no known key may be a key without its colon or text that lost its indentation', () => {
    expect(seen(tiny.replace('summary: The smallest scenario that', 'summary: The smallest scenario\nthat'))).toEqual([
      [
        'BC103',
        5,
        1,
        "a line with no ':' where a key was expected",
        [
          "If 'that' is a key, write `that: exercises every part of the format.`.",
          'If the line goes on with the text of the line above, indent it further than the key above, or put the whole text in "double quotes".',
        ],
      ],
    ]);
  });

  it('a known key, a space and text with a colon is one error at the key, not also a missing title', () => {
    expect(seen(tiny.replace('title: A tiny call', 'title "Thirteen Days: the Dobrynin channel"'))).toEqual([
      ['BC202', 3, 1, 'unknown key \'title "Thirteen Days\': it looks like \'title\' followed by a space instead of a colon', ['Write `title: "Thirteen Days: the Dobrynin channel"`.']],
    ]);
  });

  it('text cut at commas inside { } is one error at the first piece, naming the key whose text was cut', () => {
    const text = tiny.replace('{ id: goal-a, text: Get the bridge., invented: true }', '{ id: goal-a, text: Get the missiles out, under inspection, without war, invented: true }');
    expect(seen(text)).toEqual([
      [
        'BC202',
        25,
        55,
        "unknown key 'under inspection' in a note",
        ['This looks like text cut at a comma: inside { } a comma ends the value. Put the whole text in double quotes: text: "Get the missiles out, under inspection, without war"'],
      ],
    ]);
  });

  it('a single word cut off a text inside { } is told the same way', () => {
    const text = tiny.replace('{ id: goal-a, text: Get the bridge., invented: true }', '{ id: goal-a, text: Yes, please, invented: true }');
    expect(seen(text)).toEqual([
      ['BC202', 25, 38, "unknown key 'please' in a note", ['This looks like text cut at a comma: inside { } a comma ends the value. Put the whole text in double quotes: text: "Yes, please"']],
    ]);
  });

  it('an unclosed quote that runs on over the lines below is reported at the quote', () => {
    expect(seen(tiny.replace('    summary: You speak for A.', '    summary: "You speak for A.'))).toEqual([
      ['BC103', 22, 14, 'syntax error: the double quote (") that starts this text is not closed', ['Close it with another " where the text ends; to put " inside the text, write \\".']],
    ]);
  });

  it('text that is only a word after & is told at the &, not as a value that is missing', () => {
    const text = tiny.replace("    name: Side A's envoy", '    name: &Sons');
    expect(seen(text)).toEqual([
      ['BC103', 21, 11, 'syntax error: text that starts with & must be in quotes', ['Put the whole text in "double quotes": name: "&Sons". In YAML, & at the start of a value starts a name for the value (an anchor), not text.']],
    ]);
  });

  // The library words these as an alias with no name; * alone then a space is the same slip as *You*.
  it('* then a space at the start of text is told like * before a word', () => {
    expect(seen(tiny.replace("    name: Side A's envoy", '    name: * Sons'))).toEqual([
      ['BC103', 21, 11, 'syntax error: text that starts with * must be in quotes', ['Put the whole text in "double quotes": in YAML, * at the start of a value refers to a saved value (an alias).']],
    ]);
  });

  it('& inside text, or at the start of quoted text, is kept as text', () => {
    const text = tiny
      .replace('summary: You speak for A.', 'summary: Smith & Co speak for A, with R&D and &c.')
      .replace("name: Side B's envoy", 'name: "&Sons"')
      .replace('text: Hello.,', "text: 'Ask &Co.',");
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics).toEqual([]);
    expect([r.scenario!.roles[0]!.summary, r.scenario!.roles[1]!.name, r.scenario!.beats[0]!.lines![0]!.text]).toEqual(['Smith & Co speak for A, with R&D and &c.', '&Sons', 'Ask &Co.']);
  });

  // An anchor is YAML's own way to write a value once and use it again (*name): used so, it is meant.
  it('an anchor that an alias uses is not a slip', () => {
    const text = tiny.replace('summary: You speak for A.', 'summary: &speaker You speak.').replace('summary: You speak for B.', 'summary: *speaker');
    const r = checkScenario(text, 'x.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.roles.map((role) => role.summary)).toEqual(['You speak.', 'You speak.']);
  });

  describe('a key indented into the list above it', () => {
    const beside = "Keys of one mapping start at the same column: start 'choices' at column 5, under 'lines' on line 55.";
    // tiny.yaml's first beat with its two lines written as keys under each `- `, rather than in braces.
    const blockLines = tiny.replace(
      '      - { id: hello-1, speaker: envoy, text: Hello., invented: true, cue: ring }\n      - { id: hello-2, speaker: envoy, text: Shall we talk?, invented: true }\n',
      '      - id: hello-1\n        speaker: envoy\n        text: Hello.\n        invented: true\n',
    );
    const moved = (text: string, to: string) => {
      const out = text.replace('    choices:\n      - { id: offer', `${to}choices:\n      - { id: offer`);
      expect(out).not.toBe(text);
      return out;
    };

    it('the shapes of `choices:` after `lines:` in a beat are each told at the key, with the column beside `lines:`', () => {
      expect(blockLines).not.toBe(tiny);
      const cases: [string, string, number, number, string][] = [
        // Lined up with the `- ` of the lines above, after lines in braces or written as keys.
        ['after lines in braces', moved(tiny, '      '), 58, 7, "syntax error: 'choices' is lined up with the items of 'lines' above it, not with 'lines'"],
        ['after lines written as keys', moved(blockLines, '      '), 60, 7, "syntax error: 'choices' is lined up with the items of 'lines' above it, not with 'lines'"],
        // Between `lines:` and its `- `, or further in than the `- ` (where the library speaks of a sequence item without -).
        ['one space further than lines', moved(tiny, '     '), 58, 6, "syntax error: 'choices' is indented further than 'lines' above it, inside its list"],
        ['further in than the items of lines', moved(tiny, '        '), 58, 9, "syntax error: 'choices' is indented further than 'lines' above it, inside its list"],
        // Further in than the keys of the last line, it was told to line up with them, which made it a key of that line.
        ['further in than the keys of the last line', moved(blockLines, '          '), 60, 11, "syntax error: 'choices' is indented further than 'lines' above it, inside its list"],
      ];
      for (const [what, text, line, col, message] of cases) expect(seen(text), what).toEqual([['BC103', line, col, message, [beside]]]);
    });

    it('lined up with the `- ` of the beat, it is told to line up with the beat\'s keys', () => {
      expect(seen(moved(tiny, '  '))).toEqual([
        [
          'BC103',
          58,
          3,
          "syntax error: 'choices' is lined up with the `- ` of the list item on line 53, not with its keys",
          [beside, '1 more line after this has a syntax error, most likely only because of this one; it is not shown or counted: fix this and check again.'],
        ],
      ]);
    });

    it('lined up with the keys of the last line, with its choices where they belong, the choices are not told as lines', () => {
      expect(seen(moved(blockLines, '        '))).toEqual([
        ['BC202', 60, 9, "the key 'choices' is indented into an item of 'lines'", ["'choices' is a key of a beat: start it at column 5, under 'lines' on line 55; the 3 items below it, read now as more items of 'lines', then belong to it."]],
      ]);
    });

    it('elsewhere in the file: a key of a role, a list after another, the endings after the beats', () => {
      expect(seen(tiny.replace("    name: Side A's envoy\n", "   name: Side A's envoy\n"))).toEqual([
        [
          'BC103',
          21,
          4,
          "syntax error: 'name' is indented less than the keys of the list item on line 19",
          ["Keys of one mapping start at the same column: start 'name' at column 5, under 'side' on line 20.", '3 more lines after this have syntax errors, most likely only because of this one; they are not shown or counted: fix this and check again.'],
        ],
      ]);
      expect(seen(tiny.replace('roles:\n  - id: a\n', '  roles:\n  - id: a\n'))).toEqual([
        ['BC103', 18, 3, "syntax error: 'roles' is lined up with the items of 'sides' above it, not with 'sides'", ["Keys of one mapping start at the same column: start 'roles' at column 1, under 'sides' on line 15."]],
      ]);
      expect(seen(tiny.replace('endings:\n', '  endings:\n'))).toEqual([
        ['BC103', 71, 3, "syntax error: 'endings' is lined up with the items of 'beats' above it, not with 'beats'", ["Keys of one mapping start at the same column: start 'endings' at column 1, under 'beats' on line 52."]],
      ]);
      // The library places this one at the blank line before the comment; the key is told where it is.
      expect(seen(tiny.replace('endings:\n', '\n# The endings\n  endings:\n')).map((d) => d.slice(0, 4))).toEqual([
        ['BC103', 73, 3, "syntax error: 'endings' is lined up with the items of 'beats' above it, not with 'beats'"],
      ]);
    });

    it('is found above a long list, as the endings are below the beats of a full scenario', () => {
      const call = readFileSync(fileURLToPath(new URL('../../scenarios/the-call.yaml', import.meta.url)), 'utf8');
      const text = call.replace('\nendings:\n', '\n  endings:\n');
      const lines = text.split('\n');
      const beats = lines.indexOf('beats:') + 1;
      expect(lines.indexOf('  endings:') + 1 - beats).toBeGreaterThan(1000);
      expect(seen(text)).toEqual([
        ['BC103', lines.indexOf('  endings:') + 1, 3, "syntax error: 'endings' is lined up with the items of 'beats' above it, not with 'beats'", [`Keys of one mapping start at the same column: start 'endings' at column 1, under 'beats' on line ${beats}.`]],
      ]);
    });

    it('a key of the last line written in its place is not moved', () => {
      // `note` is a key of a line: lined up with the line's keys, it is where it belongs.
      expect(seen(blockLines.replace('        invented: true\n', '        invented: true\n        note: Said slowly.\n'))).toEqual([]);
    });
  });

  describe('curly quotes, as a word processor types them', () => {
    const letters = 'quotes typed by a word processor (“ ” ‘ ’) are read as letters of the value.';

    it('in dialogue and other text they are text, with no warning', () => {
      const text = tiny.replace('text: Hello.,', 'text: “Hello.” ‘Welcome’ „back“ «friend»,').replace('summary: You speak for A.', 'summary: “You” speak for A.');
      const r = checkScenario(text, 'x.yaml');
      expect(r.diagnostics).toEqual([]);
      expect(r.scenario!.beats[0]!.lines![0]!.text).toBe('“Hello.” ‘Welcome’ „back“ «friend»');
      expect(r.scenario!.roles[0]!.summary).toBe('“You” speak for A.');
    });

    it('around an id, a reference to one, a kind, a tag or a key of values, the message says the quotes are the slip', () => {
      const cases: [string, string, string, string, string][] = [
        ['  - id: answer\n', '  - id: “answer”\n', 'BC205', "'“answer”' is not a valid id: the curly quotes are part of the value", `Write \`id: answer\`, with straight quotes or none: ${letters}`],
        ['start: hello\n    briefing: [{ id: brief-a', 'start: ‘hello’\n    briefing: [{ id: brief-a', 'BC205', "'‘hello’' is not a valid id: the curly quotes are part of the value", `Write \`start: hello\`, with straight quotes or none: ${letters}`],
        ['when: { flag: warned }', 'when: { flag: „warned“ }', 'BC205', "'„warned“' is not a valid id: the curly quotes are part of the value", `Write \`flag: warned\`, with straight quotes or none: ${letters}`],
        ['{ term: bridge, set: shared }', '{ term: bridge, set: “shared” }', 'BC205', "'“shared”' is not a valid id: the curly quotes are part of the value", `Write \`set: shared\`, with straight quotes or none: ${letters}`],
        ['when: { acceptable: b }', 'when: { term: bridge, is: “shared” }', 'BC205', "'“shared”' is not a valid id: the curly quotes are part of the value", `Write \`is: shared\`, with straight quotes or none: ${letters}`],
        ['kind: agreement', 'kind: “agreement”', 'BC206', "'“agreement”' is not allowed for 'kind': the curly quotes are part of the value", `Write \`kind: agreement\`, with straight quotes or none: ${letters}`],
        ['tags: [propose]', 'tags: [“propose”]', 'BC206', "'“propose”' is not allowed for 'tags': the curly quotes are part of the value", `Write \`propose\`, with straight quotes or none: ${letters}`],
        ['concepts: [batna]', 'concepts: [« batna »]', 'BC205', "'« batna »' is not a valid id: the curly quotes are part of the value", `Write \`batna\`, with straight quotes or none: ${letters}`],
        // One quote, as an apostrophe key or a half-deleted pair leaves.
        ['end: walkout }', 'end: walkout’ }', 'BC205', "'walkout’' is not a valid id: the curly quote is part of the value", `Write \`end: walkout\`, with straight quotes or none: ${letters}`],
        ['values: { a: 3, b: 2 }', 'values: { “a”: 3, b: 2 }', 'BC205', "the key '“a”' of 'values' is not a valid id: the curly quotes are part of the key", 'Write `a: 3`, with straight quotes or none: quotes typed by a word processor (“ ” ‘ ’) are read as letters of the key.'],
      ];
      for (const [from, to, code, message, hint] of cases) {
        const text = tiny.replace(from, to);
        expect(text).not.toBe(tiny);
        const lines = text.split('\n');
        const line = lines.findIndex((l) => l.includes(to.split('\n')[0]!)) + 1;
        const col = [...lines[line - 1]!.slice(0, lines[line - 1]!.search(/[“‘„«]|walkout’/u))].length + 1;
        expect(seen(text), to).toEqual([[code, line, col, message, [hint]]]);
      }
    });

    it('in JSON, the value is shown with its straight quotes', () => {
      const data = JSON.parse(JSON.stringify(parseYaml(tiny))) as { beats: { choices?: { next?: string }[] }[] };
      data.beats[0]!.choices![0]!.next = '“answer”';
      const text = JSON.stringify(data, null, 2);
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('“answer”')) + 1;
      expect(checkScenario(text, 'x.json').diagnostics.map((d) => [d.code, d.line, d.col, d.message, d.hints])).toEqual([
        ['BC205', line, lines[line - 1]!.indexOf('"“') + 1, "'“answer”' is not a valid id: the curly quotes are part of the value", [`Write \`"next": "answer"\`, with straight quotes: ${letters}`]],
      ]);
    });

    it('a value that would not be valid without them keeps the usual message', () => {
      expect(seen(tiny.replace('  - id: answer\n', '  - id: “Answer”\n'))).toEqual([
        ['BC205', 62, 9, "'“Answer”' is not a valid id", ['An id starts with a lowercase letter and uses only a-z, 0-9, - and _ (at most 64 characters), e.g. `safe-passage`.']],
      ]);
    });
  });

  it('a repeated key in a nested mapping names the key and the line where it first appears', () => {
    expect(seen(tiny.replace('    summary: You speak for A.\n', '    summary: You speak for A.\n    name: Again\n'))).toEqual([
      ['BC106', 23, 5, "the key 'name' appears twice in this mapping (first at line 21)", ['Keep one: remove the other, or merge the two.']],
    ]);
  });
});

describe('the words of a file in a message', () => {
  it('never reach a terminal as control characters, which it would obey', () => {
    const tiny = readFileSync(fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url)), 'utf8');
    // An unknown key holding an escape that would retitle the window, and a C1 control introducer.
    const hostile = tiny.replace(/^title: .*$/m, (l) => `${l}\n"\\e]0;pwned\\a\\u009b2J": x`);
    const r = checkScenario(hostile, 'x.yaml', { prove: false });
    const printed = r.diagnostics.map(formatDiagnostic).join('\n');
    expect(r.diagnostics.map((d) => d.code)).toContain('BC202');
    expect(printed).toContain("unknown key '?]0;pwned??2J'");
    // eslint-disable-next-line no-control-regex
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('output saved with npm run and without -s', () => {
  it('is named as npm\'s own lines at their first line, with the command that leaves them out', () => {
    const tiny = readFileSync(fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url)), 'utf8');
    const saved = `\n> backchannel@0.1.0 translation\n> tsx src/cli/translation.ts scenarios/tiny.yaml es\n\n${tiny}`;
    const r = readScenario(saved, 'tiny.es.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([['BC103', 2, 1, "the file starts with npm's own lines, not with the scenario or translation"]]);
    expect(r.diagnostics[0]!.hints[0]).toContain('npm run -s translation -- SCENARIO LANG > FILE');
    // An ordinary file is left alone.
    expect(readScenario(tiny, 'tiny.yaml').diagnostics).toEqual([]);
  });
});
