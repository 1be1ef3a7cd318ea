/**
 * What kind of value a file holds where, told in the words the checker's
 * messages use ("should be text, not a list"), for scenarios and
 * translations alike.
 */

/** True for a mapping (a plain object): not null, not a list. */
export const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The kind of a value as a message names it: "nothing", "a list", "a mapping", "text", "a number", "true or false". */
export function describeType(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'object':
      return 'a mapping';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return typeof v;
  }
}
