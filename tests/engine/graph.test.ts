/**
 * The scenario's graph as Mermaid and Graphviz dot: every beat and ending
 * drawn, beats grouped by part, and an edge for each way on.
 */
import { describe, expect, it } from 'vitest';
import { scenarioEdges, toDot, toMermaid } from '../../src/engine/graph.js';
import { compile, compileText, TINY } from './support.js';

const tiny = compileText(TINY).scenario;

describe('edges', () => {
  it('lists role starts, choices, branches and interrupts of tiny', () => {
    expect(scenarioEdges(tiny)).toEqual([
      { from: '@role-a', to: 'hello', label: '', kind: 'start' },
      { from: '@role-b', to: 'hello', label: '', kind: 'start' },
      { from: 'hello', to: 'answer', label: 'offer', kind: 'choice' },
      { from: 'hello', to: 'answer', label: 'warn', kind: 'choice' },
      { from: 'hello', to: 'deal', label: 'deal', kind: 'choice' },
      { from: 'answer', to: 'hello', label: 'if #1', kind: 'branch' },
      { from: 'answer', to: 'walkout', label: 'otherwise', kind: 'branch' },
      { from: '@any', to: 'timeout', label: 'out-of-time', kind: 'interrupt' },
    ]);
  });
});

describe('Mermaid', () => {
  const text = toMermaid(tiny);
  const lines = text.split('\n');

  it('is a flowchart with every beat and ending as a node', () => {
    expect(lines[0]).toBe('flowchart TD');
    for (const beat of ['hello', 'answer']) expect(lines).toContain(`    ${beat}["${beat}"]`);
    expect(lines).toContain('  deal{{"A deal (agreement)"}}');
    expect(lines).toContain('  walkout{{"Walkout (impasse)"}}');
    expect(lines).toContain('  timeout{{"Out of time (impasse)"}}');
  });

  it('draws each part as a subgraph around its beats', () => {
    const open = lines.indexOf('  subgraph part_open["Opening"]');
    const talk = lines.indexOf('  subgraph part_talk["Talks"]');
    expect(open).toBeGreaterThan(0);
    expect(talk).toBeGreaterThan(open);
    expect(lines.slice(open, talk)).toEqual(['  subgraph part_open["Opening"]', '    hello["hello"]', '  end']);
    expect(lines.slice(talk, talk + 3)).toEqual(['  subgraph part_talk["Talks"]', '    answer["answer"]', '  end']);
  });

  it('labels edges; interrupts are dotted from "any beat"; quotes in names cannot break the syntax', () => {
    expect(lines).toContain('  hello -->|"offer"| answer');
    expect(lines).toContain('  answer -->|"otherwise"| walkout');
    expect(lines).toContain('  from_any(("any beat"))');
    expect(lines).toContain('  from_any -.->|"out-of-time"| timeout');
    expect(lines).toContain(`  start_a(["Side A's envoy"])`);
    // The role's name is on its start node, not repeated on the arrow.
    expect(lines).toContain('  start_a --> hello');
    const quoted = toMermaid({ ...tiny, endings: tiny.endings.map((e) => ({ ...e, title: 'A "deal" <b>' })) });
    expect(quoted).toContain(`deal{{"A 'deal' b (agreement)"}}`);
  });

  it('beats without a part are drawn outside any subgraph', () => {
    const c = compile(`
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices: [{ id: done, text: Done., end: deal }]
      endings:
        - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
    `);
    const m = toMermaid(c.scenario);
    expect(m).not.toContain('subgraph');
    expect(m).toContain('    start["start"]');
    expect(m).toContain('  start -->|"done"| deal');
  });

  // Ids may use both '-' and '_': a mapping that turned one into the other
  // would draw the beats 'go-on' and 'go_on' as one box with both edges.
  it('two beats whose ids differ only by - and _ are two nodes', () => {
    const c = compile(`
      beats:
        - id: start
          lines: [{ id: l, speaker: envoy, text: Hi., invented: true }]
          choices: [{ id: one, text: One., next: go-on }, { id: two, text: Two., next: go_on }]
        - { id: go-on, lines: [{ id: g1, speaker: envoy, text: A., invented: true }], end: deal }
        - { id: go_on, lines: [{ id: g2, speaker: envoy, text: B., invented: true }], end: deal }
      endings:
        - { id: deal, title: Deal, kind: agreement, summary: Done., debrief: Done. }
    `);
    const nodes = toMermaid(c.scenario)
      .split('\n')
      .filter((l) => /^\s+[A-Za-z0-9_]+\["/.test(l))
      .map((l) => l.trim().split('[')[0]);
    expect(nodes).toHaveLength(3);
    expect(new Set(nodes).size).toBe(3);
  });
});

describe('Graphviz dot', () => {
  const text = toDot(tiny);

  it('is a digraph with every beat and ending', () => {
    expect(text.startsWith('digraph "tiny" {\n')).toBe(true);
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(text).toContain('    "hello";');
    expect(text).toContain('    "answer";');
    for (const [id, title, kind] of [
      ['deal', 'A deal', 'agreement'],
      ['walkout', 'Walkout', 'impasse'],
      ['timeout', 'Out of time', 'impasse'],
    ])
      expect(text).toContain(`  "${id}" [label="${title}\n(${kind})", shape=doubleoctagon];`);
  });

  it('draws each part as a cluster holding its beats', () => {
    expect(text).toContain('  subgraph "cluster_open" {\n    label="Opening";\n    "hello";\n  }');
    expect(text).toContain('  subgraph "cluster_talk" {\n    label="Talks";\n    "answer";\n  }');
  });

  it('labels edges, dashes interrupts, and escapes quotes', () => {
    expect(text).toContain('  "hello" -> "answer" [label="offer"];');
    expect(text).toContain('  "answer" -> "hello" [label="if #1"];');
    expect(text).toContain('  "@any" -> "timeout" [label="out-of-time", style=dashed];');
    expect(text).toContain('  "@role-a" [label="Side A\'s envoy", shape=oval];');
    const quoted = toDot({ ...tiny, roles: tiny.roles.map((r) => ({ ...r, name: 'The "big" \\ envoy' })) });
    expect(quoted).toContain('[label="The \\"big\\" \\\\ envoy", shape=oval];');
  });
});
