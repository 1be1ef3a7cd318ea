/**
 * The authoring guide's worked example is pasted from by teachers: what it
 * shows must be the example file's own lines, with what is left out marked
 * in a way that does no harm when pasted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
