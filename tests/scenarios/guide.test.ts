/**
 * The authoring guide's worked example is pasted from by teachers: what it
 * shows must be the example file's own lines, with what is left out marked
 * in a way that does no harm when pasted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES, formatDiagnostic } from '../../src/scenario/diagnostics.js';
import { readScenario } from '../../src/scenario/load.js';
import { parseScenarioText } from '../../src/scenario/parse.js';
import { checkTranslation, translationSkeleton } from '../../src/scenario/translation.js';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const guide = read('scenarios/README.md');
const example = new Set(read('scenarios/example-minimal.yaml').split('\n').map((l) => l.trimEnd()));
const snippets = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!.split('\n'));

describe('the worked example in the guide', () => {
  const section = guide.slice(guide.indexOf('## 2. A worked example'), guide.indexOf('## 3. Reference'));

  it('shows only lines of scenarios/example-minimal.yaml, and comments', () => {
    const shown = snippets(section).flat().filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    expect(shown.length).toBeGreaterThan(50);
    expect(shown.filter((l) => !example.has(l.trimEnd()))).toEqual([]);
  });

  it('marks what it leaves out with a comment, never a bare ... that would break a pasted file', () => {
    for (const lines of snippets(guide)) expect(lines.filter((l) => /\.\.\./.test(l) && !l.trim().startsWith('#'))).toEqual([]);
  });

  it('starts section 1 with copying the example', () => {
    const first = guide.slice(guide.indexOf('## 1.'), guide.indexOf('### What a scenario has'));
    expect(first).toContain('Copy `scenarios/example-minimal.yaml`');
  });
});

describe('the checker messages in the guide', () => {
  const section = guide.slice(guide.indexOf('## 6. Every checker message'), guide.indexOf('## 7.'));

  it('section 6 has an entry for every code, with its severity, and its title names the last', () => {
    const codes = Object.entries(CODES);
    expect(codes.filter(([code, { severity }]) => !section.includes(`**${code} (${severity})`)).map(([code]) => code)).toEqual([]);
    expect(guide).toContain(`## 6. Every checker message, BC100 to ${codes[codes.length - 1]![0]}`);
  });

  // The examples of a changed original, made as an author would: a translation written with `npm run translation`, then the scenario's line reworded.
  const example = read('scenarios/example-minimal.yaml');
  const reworded = (text: string) => text.replace('text: First item. What should Westford drivers pay to cross?', 'text: First item. What should drivers from Westford pay to cross the bridge?');
  const translated = (text: string) =>
    text
      .replace('  line.toll-chair: First item. What should Westford drivers pay to cross?', '  line.toll-chair: Primer punto. ¿Cuánto deben pagar los conductores de Westford por cruzar?')
      .replace('  choice.offer-toll-half: "Propose: halve the toll for Westford drivers."', '  choice.offer-toll-half: "Propuesta: reducir el peaje a la mitad para los conductores de Westford."');
  const told = (scenarioText: string, translation: string, file: string, scenarioFile: string) => {
    const scenario = readScenario(scenarioText, scenarioFile).scenario!;
    return checkTranslation(parseScenarioText(translation, file), () => ({ found: scenario, file: scenarioFile })).diagnostics.map(formatDiagnostic).join('\n');
  };
  const shown = (after: string) => /```text\n([\s\S]*?)\n```/.exec(guide.slice(guide.indexOf(after)))![1]!;

  it('shows in 5.4 what validate prints for a text whose original changed', () => {
    const skeleton = translated(translationSkeleton(readScenario(example, 'example-minimal.yaml').scenario!, 'es'));
    expect(shown("A text you translated whose words in the scenario have changed since")).toBe(told(reworded(example), skeleton, 'scenarios/example-minimal.es.yaml', 'scenarios/example-minimal.yaml'));
  });

  it('shows under BC705 what validate prints for a changed original, a fingerprint edited by hand and one for a key the scenario lacks', () => {
    const mine = example.replace(/^id: example-minimal$/m, 'id: my-crisis');
    const skeleton = translated(translationSkeleton(readScenario(mine, 'my-crisis.yaml').scenario!, 'es'));
    const record = skeleton.indexOf('\noriginals:');
    const spoilt = skeleton.slice(0, record) + skeleton.slice(record).replace(/(\n {2}title: "[0-9a-f]{7})[0-9a-f]"/, '$1"').replace('\n  choice.offer-toll-half:', '\n  line.toll-lorry: "8be1a3c9"\n  choice.offer-toll-half:');
    expect(shown('**BC705 (warning)')).toBe(told(reworded(mine), spoilt, 'my-crisis.es.yaml', 'my-crisis.yaml'));
  });
});
