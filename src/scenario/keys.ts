/**
 * The keys each kind of object in a scenario takes, and the kind of object
 * at a place in the data, for hints that name a key: "did you mean", a key
 * written without its colon, text the reader would change.
 */
import {
  EFFECT_KINDS,
  actorSchema,
  beatSchema,
  branchSchema,
  choiceSchema,
  endingSchema,
  flagSchema,
  incompatibleSchema,
  injectSchema,
  interruptSchema,
  lineSchema,
  meterSchema,
  optionSchema,
  replySchema,
  roleSchema,
  scenarioSchema,
  sideSchema,
  sourceSchema,
  termSchema,
} from './schema.js';

import type { DataPath } from './parse.js';

/** Keys allowed in each kind of object, for "did you mean" hints. */
export const KEYS_BY_KIND: Record<string, readonly string[]> = {
  scenario: Object.keys(scenarioSchema.shape),
  line: Object.keys(lineSchema.shape),
  beat: Object.keys(beatSchema.shape),
  choice: Object.keys(choiceSchema.shape),
  branch: Object.keys(branchSchema.shape),
  reply: Object.keys(replySchema.shape),
  ending: Object.keys(endingSchema.shape),
  role: Object.keys(roleSchema.shape),
  side: Object.keys(sideSchema.shape),
  actor: Object.keys(actorSchema.shape),
  meter: Object.keys(meterSchema.shape),
  flag: Object.keys(flagSchema.shape),
  term: Object.keys(termSchema.shape),
  option: Object.keys(optionSchema.shape),
  inject: Object.keys(injectSchema.shape),
  exclusion: Object.keys(incompatibleSchema.shape),
  'excluded option': ['term', 'option'],
  interrupt: Object.keys(interruptSchema.shape),
  source: Object.keys(sourceSchema.shape),
  note: ['id', 'text', 'source', 'invented'],
  objective: ['id', 'text'],
  concept: ['id', 'name', 'text'],
  part: ['id', 'title', 'description'],
  period: ['label', 'start', 'end'],
  history: ['text', 'source', 'also'],
  credibility: ['side', 'meter'],
  shift: ['meter', 'perPoint'],
  condition: ['meter', 'gte', 'gt', 'lte', 'lt', 'eq', 'ne', 'flag', 'is', 'term', 'in', 'acceptable', 'value', 'visited', 'chose', 'role', 'all', 'any', 'not'],
  effect: [...EFFECT_KINDS, 'add', 'set'],
};

/** Every key a scenario knows, anywhere in the file. */
export const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.values(KEYS_BY_KIND).flat());

const KIND_OF_LIST: Record<string, string> = {
  lines: 'line',
  beats: 'beat',
  choices: 'choice',
  branches: 'branch',
  replies: 'reply',
  endings: 'ending',
  roles: 'role',
  sides: 'side',
  actors: 'actor',
  meters: 'meter',
  flags: 'flag',
  terms: 'term',
  options: 'option',
  injects: 'inject',
  interrupts: 'interrupt',
  incompatible: 'exclusion',
  sources: 'source',
  briefing: 'note',
  goals: 'note',
  unknowns: 'note',
  objectives: 'objective',
  concepts: 'concept',
  parts: 'part',
  walkawayShifts: 'shift',
  effects: 'effect',
  everyChoice: 'effect',
};

/** The kind of object found at `path`, judged from the keys leading to it. */
export function kindAt(path: DataPath): string {
  if (path.length === 0) return 'scenario';
  const last = path[path.length - 1];
  // Items of `all:` and `any:` are conditions, however deep.
  if (isConditionListItem(path)) return 'condition';
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    // An entry of `incompatible:` lists its options as {term, option}, not as a term's options.
    if (list === 'options' && path[0] === 'incompatible') return 'excluded option';
    return typeof list === 'string' ? (KIND_OF_LIST[list] ?? 'value') : 'value';
  }
  if (last === 'period' || last === 'history' || last === 'credibility') return last;
  if (last === 'when' || last === 'not') return 'condition';
  if (isEffectPath(path)) return 'effect';
  return 'value';
}

function isConditionListItem(path: DataPath): boolean {
  const list = path[path.length - 2];
  return typeof path[path.length - 1] === 'number' && (list === 'all' || list === 'any');
}

/** Whether `path` is an item of a list of effects. */
export function isEffectPath(path: DataPath): boolean {
  const list = path[path.length - 2];
  return typeof path[path.length - 1] === 'number' && (list === 'effects' || list === 'everyChoice');
}
