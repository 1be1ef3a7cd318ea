/**
 * Positions recorded while reading, turned into offsets by path only when
 * asked. Both fast readers (JSON and YAML) log each value's offset and shape
 * in reading order; building maps keyed by joined paths costs more than the
 * reading itself, and is needed only when a diagnostic must point somewhere.
 */

/** Offsets of values and keys, by path joined with U+0001 (as parse.ts keys them). */
export interface Positions {
  valueAt: Map<string, number>;
  keyAt: Map<string, number>;
}

const SEP = '\u0001';

/**
 * The reading log: for each value its offset and its shape (0 for a scalar,
 * `2n + 1` for a mapping of n entries, `2n + 2` for a list of n items), a
 * mapping's entries each preceded by the offset of their key; `keys` holds
 * the mapping keys in the order they were read.
 */
export interface PositionLog {
  log: number[];
  keys: string[];
}

/** Turns a reading log into offsets by joined path. */
export function replayPositions({ log, keys }: PositionLog): Positions {
  const valueAt = new Map<string, number>();
  const keyAt = new Map<string, number>();
  let p = 0;
  let k = 0;
  const node = (pk: string): void => {
    valueAt.set(pk, log[p]!);
    const shape = log[p + 1]!;
    p += 2;
    const count = (shape - 1) >> 1;
    if (shape % 2 === 1) {
      for (let e = 0; e < count; e++) {
        const key = keys[k++]!;
        const ck = pk === '' ? key : pk + SEP + key;
        keyAt.set(ck, log[p++]!);
        node(ck);
      }
    } else {
      for (let e = 0; e < count; e++) node(pk === '' ? String(e) : pk + SEP + e);
    }
  };
  if (log.length > 0) node('');
  return { valueAt, keyAt };
}
