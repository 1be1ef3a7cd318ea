/**
 * The scenario and translation formats as JSON Schema, generated from their
 * zod schemas, for editors
 * (`# yaml-language-server: $schema=./backchannel-scenario.schema.json`).
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';
import { translationFileSchema } from './translation.js';

/** The JSON Schema text of the scenario format, stable for the same schema. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The JSON Schema text of the translation file format, for the first line of a translation (`backchannel-translation.schema.json`). */
export function translationJsonSchema(): string {
  const schema = z.toJSONSchema(translationFileSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify(schema, null, 2)}\n`;
}
