/**
 * Writes scenarios/backchannel-scenario.schema.json from the zod schema, so
 * editors can autocomplete and check scenario files. Run `npm run schema`
 * after changing src/scenario/schema.ts; a test fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';

writeFileSync(new URL('../scenarios/backchannel-scenario.schema.json', import.meta.url), scenarioJsonSchema());
process.stdout.write('wrote scenarios/backchannel-scenario.schema.json\n');
