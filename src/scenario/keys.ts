/**
 * The keys each kind of object in a scenario takes, for hints that name a
 * key: "did you mean", and a key written without its colon.
 */
import {
  EFFECT_KINDS,
  actorSchema,
  beatSchema,
  branchSchema,
  choiceSchema,
  endingSchema,
  flagSchema,
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
  interrupt: Object.keys(interruptSchema.shape),
  source: Object.keys(sourceSchema.shape),
  note: ['id', 'text', 'source', 'invented'],
  objective: ['id', 'text'],
  concept: ['id', 'name', 'text'],
  part: ['id', 'title', 'description'],
  period: ['label', 'start', 'end'],
  history: ['text', 'source'],
  credibility: ['side', 'meter'],
  shift: ['meter', 'perPoint'],
  condition: ['meter', 'gte', 'gt', 'lte', 'lt', 'eq', 'ne', 'flag', 'is', 'term', 'in', 'acceptable', 'value', 'visited', 'chose', 'role', 'all', 'any', 'not'],
  effect: [...EFFECT_KINDS, 'add', 'set'],
};

/** Every key a scenario knows, anywhere in the file. */
export const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.values(KEYS_BY_KIND).flat());
