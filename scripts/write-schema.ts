/**
 * Writes scenarios/backchannel-scenario.schema.json and
 * scenarios/backchannel-translation.schema.json from the zod schemas, so
 * editors can autocomplete and check scenario and translation files. Run
 * `npm run schema` after changing src/scenario/schema.ts or translation.ts;
 * a test fails while a file is stale.
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema, translationJsonSchema } from '../src/scenario/json-schema.js';

writeFileSync(new URL('../scenarios/backchannel-scenario.schema.json', import.meta.url), scenarioJsonSchema());
process.stdout.write('wrote scenarios/backchannel-scenario.schema.json\n');
writeFileSync(new URL('../scenarios/backchannel-translation.schema.json', import.meta.url), translationJsonSchema());
process.stdout.write('wrote scenarios/backchannel-translation.schema.json\n');
