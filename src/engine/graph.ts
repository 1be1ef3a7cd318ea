/**
 * The scenario's graph as text: Mermaid or Graphviz dot. Beats are grouped
 * by part, endings are drawn apart, and each edge says what leads along it.
 */
import type { Branch, Scenario } from '../scenario/schema.js';

/** An edge of the scenario graph. */
export interface GraphEdge {
  from: string;
  to: string;
  label: string;
  kind: 'choice' | 'next' | 'branch' | 'interrupt' | 'start';
}

/** The edges of a scenario: starts, choices, nexts, branches and interrupts. */
export function scenarioEdges(s: Scenario): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const to = (e: { next?: string | undefined; end?: string | undefined }) => (e.next ?? e.end)!;
  const branches = (from: string, bs: Branch[], prefix: string) =>
    bs.forEach((b, i) => edges.push({ from, to: to(b), label: `${prefix}${b.when ? `if #${i + 1}` : 'otherwise'}`, kind: 'branch' }));
  // The start node already carries the role's name; the arrow from it needs none.
  for (const r of s.roles) edges.push({ from: `@role-${r.id}`, to: r.start, label: '', kind: 'start' });
  for (const b of s.beats) {
    if (b.next !== undefined || b.end !== undefined) edges.push({ from: b.id, to: to(b), label: '', kind: 'next' });
    if (b.branches) branches(b.id, b.branches, '');
    for (const c of b.choices ?? []) {
      const label = `${c.role ? `[${c.role}] ` : ''}${c.id}`;
      if (c.branches) branches(b.id, c.branches, `${label}: `);
      else edges.push({ from: b.id, to: to(c), label, kind: 'choice' });
    }
  }
  for (const it of s.interrupts ?? []) edges.push({ from: '@any', to: to(it), label: it.id, kind: 'interrupt' });
  return edges;
}

// One-to-one: '_' doubles and '-' becomes '_h', so distinct ids stay distinct nodes; the
// graph's own nodes (role starts, "any beat") take names no encoded id can have.
const encodeId = (id: string) => id.replace(/_/g, '__').replace(/-/g, '_h').replace(/[^A-Za-z0-9_]/g, '_x');
/** Beat ids grouped by part ('' for beats in no part), in file order. */
function beatsByPart(s: Scenario): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  for (const b of s.beats) {
    const key = b.part ?? '';
    if (!parts.has(key)) parts.set(key, []);
    parts.get(key)!.push(b.id);
  }
  return parts;
}

const mermaidId = (id: string) => (id === '@any' ? 'from_any' : id.startsWith('@role-') ? `start_${encodeId(id.slice(6))}` : encodeId(id));
const quote = (text: string) => text.replace(/"/g, "'").replace(/[<>]/g, '');

/** The graph in Mermaid flowchart syntax. */
export function toMermaid(s: Scenario): string {
  const out = ['flowchart TD'];
  for (const r of s.roles) out.push(`  ${mermaidId(`@role-${r.id}`)}(["${quote(r.name)}"])`);
  const parts = beatsByPart(s);
  for (const [part, beats] of parts) {
    const title = (s.parts ?? []).find((p) => p.id === part)?.title ?? part;
    if (part) out.push(`  subgraph part_${mermaidId(part)}["${quote(title)}"]`);
    for (const b of beats) out.push(`    ${mermaidId(b)}["${quote(b)}"]`);
    if (part) out.push('  end');
  }
  for (const e of s.endings) out.push(`  ${mermaidId(e.id)}{{"${quote(e.title)} (${e.kind})"}}`);
  if ((s.interrupts ?? []).length > 0) out.push(`  ${mermaidId('@any')}(("any beat"))`);
  for (const e of scenarioEdges(s)) {
    const arrow = e.kind === 'interrupt' ? '-.->' : '-->';
    out.push(`  ${mermaidId(e.from)} ${arrow}${e.label ? `|"${quote(e.label)}"|` : ''} ${mermaidId(e.to)}`);
  }
  return `${out.join('\n')}\n`;
}

const dotQuote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The graph in Graphviz dot syntax. */
export function toDot(s: Scenario): string {
  const out = [`digraph ${dotQuote(s.id)} {`, '  rankdir=TB;', '  node [shape=box, fontname="IBM Plex Sans"];'];
  for (const r of s.roles) out.push(`  ${dotQuote(`@role-${r.id}`)} [label=${dotQuote(r.name)}, shape=oval];`);
  const parts = beatsByPart(s);
  for (const [part, beats] of parts) {
    const title = (s.parts ?? []).find((p) => p.id === part)?.title ?? part;
    if (part) out.push(`  subgraph ${dotQuote(`cluster_${part}`)} {`, `    label=${dotQuote(title)};`);
    for (const b of beats) out.push(`    ${dotQuote(b)};`);
    if (part) out.push('  }');
  }
  for (const e of s.endings) out.push(`  ${dotQuote(e.id)} [label=${dotQuote(`${e.title}\n(${e.kind})`)}, shape=doubleoctagon];`);
  if ((s.interrupts ?? []).length > 0) out.push(`  ${dotQuote('@any')} [label="any beat", shape=circle];`);
  for (const e of scenarioEdges(s))
    out.push(`  ${dotQuote(e.from)} -> ${dotQuote(e.to)}${e.label ? ` [label=${dotQuote(e.label)}${e.kind === 'interrupt' ? ', style=dashed' : ''}]` : e.kind === 'interrupt' ? ' [style=dashed]' : ''};`);
  out.push('}');
  return `${out.join('\n')}\n`;
}
