/**
 * The scenario format as JSON Schema, generated from the zod schema, for
 * editors (`# yaml-language-server: $schema=./backchannel-scenario.schema.json`).
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** The JSON Schema text of the scenario format, stable for the same schema. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify(schema, null, 2)}\n`;
}
