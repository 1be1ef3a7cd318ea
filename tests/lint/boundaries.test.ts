/**
 * The import boundary is kept by a lint rule: these tests show the rule
 * refuses Phaser, howler, the DOM and the game inside the engine and the
 * scenario reader, and allows them in the game.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the engine and scenario reader stay free of views', () => {
  it('refuses Phaser in src/engine', async () => {
    const found = await problems("import Phaser from 'phaser';\nexport const x = Phaser;\n", 'src/engine/bad.ts');
    expect(found.some((p) => p.startsWith('no-restricted-imports') && p.includes('never import Phaser'))).toBe(true);
  });
  it('refuses howler in src/scenario', async () => {
    const found = await problems("import { Howl } from 'howler';\nexport const x = Howl;\n", 'src/scenario/bad.ts');
    expect(found.some((p) => p.startsWith('no-restricted-imports'))).toBe(true);
  });
  it('refuses importing the game from the engine', async () => {
    const found = await problems("import { x } from '../game/mirror.js';\nexport const y = x;\n", 'src/engine/bad.ts');
    expect(found.some((p) => p.includes('Dependencies point one way'))).toBe(true);
  });
  it('refuses the DOM in the engine', async () => {
    const found = await problems('export const w = () => document.title + String(window.innerWidth);\n', 'src/engine/bad.ts');
    expect(found.filter((p) => p.startsWith('no-restricted-globals'))).toHaveLength(2);
  });
  it('allows Phaser and the DOM in the game', async () => {
    const found = await problems("import Phaser from 'phaser';\nexport const x = () => [Phaser, document.title];\n", 'src/game/fine.ts');
    expect(found).toEqual([]);
  });
});
