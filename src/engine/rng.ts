/**
 * A small seeded random number generator (mulberry32). Every random draw in
 * Backchannel comes from one of these, so the same seed replays the same.
 */

/** Returns a function giving numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads a seed from text: an integer, else a hash of the text, so any URL value works. */
export function parseSeed(text: string | null | undefined, fallback: number): number {
  if (text === null || text === undefined || text === '') return fallback;
  if (/^-?\d{1,15}$/.test(text)) return Number(text) >>> 0;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
