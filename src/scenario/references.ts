/**
 * What a reference in a scenario names, and what it could have named: the
 * checker's hints for a reference that is no id, or no known id, are built
 * from the items of that kind, found here both in checked scenarios and in
 * data that failed the schema (where a bad id is first seen).
 */
import type { DataPath } from './parse.js';
import type { Known } from './diagnostics.js';

/** The kinds of thing a reference names. */
export type ReferenceKind = 'source' | 'meter' | 'flag' | 'term' | 'option' | 'beat' | 'ending' | 'actor' | 'side' | 'concept' | 'inject' | 'part' | 'role' | 'choice';

/** Where each kind is declared, and the keys of the texts an item of it is shown by. */
const DECLARED: Record<Exclude<ReferenceKind, 'option' | 'choice'>, { list: string; shown: string[] }> = {
  source: { list: 'sources', shown: ['title'] },
  meter: { list: 'meters', shown: ['label'] },
  flag: { list: 'flags', shown: [] },
  term: { list: 'terms', shown: ['label'] },
  beat: { list: 'beats', shown: [] },
  ending: { list: 'endings', shown: ['title'] },
  actor: { list: 'actors', shown: ['name', 'title'] },
  side: { list: 'sides', shown: ['name'] },
  concept: { list: 'concepts', shown: ['name'] },
  inject: { list: 'injects', shown: ['headline'] },
  part: { list: 'parts', shown: ['title'] },
  role: { list: 'roles', shown: ['name'] },
};

/** Keys whose text always names one kind of thing. */
const KEY_KIND: Record<string, ReferenceKind> = {
  source: 'source',
  speaker: 'actor',
  side: 'side',
  acceptable: 'side',
  value: 'side',
  next: 'beat',
  visited: 'beat',
  end: 'ending',
  meter: 'meter',
  flag: 'flag',
  term: 'term',
  inject: 'inject',
  part: 'part',
  role: 'role',
  chose: 'choice',
};

const record = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The value at a path of the parsed data, or undefined where the path leaves it. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let cur: unknown = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A reference: what kind it names, and for an option, the id of its term. */
export interface Reference {
  kind: ReferenceKind;
  term?: string;
}

/** What the value at `path` names, or undefined when it is not a reference (an item's own id, a text). */
export function referenceAt(data: unknown, path: DataPath): Reference | undefined {
  const last = path[path.length - 1];
  const parentKey = path[path.length - 2];
  const termOf = (at: DataPath): Reference | undefined => {
    const term = record(valueAt(data, at))?.['term'];
    return typeof term === 'string' ? { kind: 'option', term } : undefined;
  };
  if (parentKey === 'values') return { kind: 'side' };
  if (typeof last === 'number') {
    if (parentKey === 'concepts' && path[0] === 'endings') return { kind: 'concept' };
    if (parentKey === 'injects' && path[0] === 'beats') return { kind: 'inject' };
    if (parentKey === 'in') return termOf(path.slice(0, -2));
    if (parentKey === 'also' && path[path.length - 3] === 'history') return { kind: 'source' };
    return undefined;
  }
  if (last === 'start') {
    if (path[0] === 'roles') return { kind: 'beat' };
    const term = record(valueAt(data, path.slice(0, -1)))?.['id'];
    return path[0] === 'terms' && typeof term === 'string' ? { kind: 'option', term } : undefined;
  }
  if (last === 'is' || last === 'set' || last === 'option') return termOf(path.slice(0, -1));
  const kind = last !== undefined && Object.hasOwn(KEY_KIND, last) ? KEY_KIND[last] : undefined;
  return kind && { kind };
}

/** The items a reference of this kind can name, each once (the first of a repeated id), with the texts they are shown by. */
export function knownOf(data: unknown, ref: Reference): Known[] {
  const top = record(data);
  let items: unknown[];
  let shown: string[];
  if (ref.kind === 'option') {
    items = list(record(list(top?.['terms']).find((t) => record(t)?.['id'] === ref.term))?.['options']);
    shown = ['label'];
  } else if (ref.kind === 'choice') {
    items = list(top?.['beats']).flatMap((b) => list(record(b)?.['choices']));
    shown = [];
  } else {
    items = list(top?.[DECLARED[ref.kind].list]);
    shown = DECLARED[ref.kind].shown;
  }
  const out = new Map<string, Known>();
  for (const item of items) {
    const r = record(item);
    const id = r?.['id'];
    if (typeof id !== 'string' || out.has(id)) continue;
    out.set(id, { id, shown: shown.flatMap((key) => (typeof r?.[key] === 'string' ? [{ key, text: r[key] }] : [])) });
  }
  return [...out.values()];
}
