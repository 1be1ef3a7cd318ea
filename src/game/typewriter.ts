/**
 * The typewriter: how much of a line shows after some time, and the text to
 * show, cut from lines already wrapped so words never jump between lines
 * while they type out. No Phaser here: the Call scene asks and draws.
 */

export class Typewriter {
  private shown = 0;
  private carry = 0;
  readonly total: number;
  private readonly cps: number;

  /** `cps` characters per second; Infinity (or reduced motion) shows everything at once. */
  constructor(total: number, cps: number) {
    this.total = Math.max(0, total);
    this.cps = cps;
    if (!Number.isFinite(cps) || cps <= 0) this.shown = this.total;
  }

  get count(): number {
    return this.shown;
  }

  get done(): boolean {
    return this.shown >= this.total;
  }

  /** Moves time on by `dtMs`; returns the count of characters now shown. */
  tick(dtMs: number): number {
    if (this.done) return this.shown;
    this.carry += (Math.max(0, dtMs) * this.cps) / 1000;
    const whole = Math.floor(this.carry);
    if (whole > 0) {
      this.carry -= whole;
      this.shown = Math.min(this.total, this.shown + whole);
    }
    return this.shown;
  }

  finish(): void {
    this.shown = this.total;
  }
}

/** The number of characters in wrapped lines, not counting the breaks between them. */
export function wrappedLength(lines: readonly string[]): number {
  return lines.reduce((n, l) => n + l.length, 0);
}

/** The first `count` characters of wrapped lines, with the line breaks kept. */
export function sliceWrapped(lines: readonly string[], count: number): string {
  const out: string[] = [];
  let left = Math.max(0, count);
  for (const l of lines) {
    if (left <= 0) break;
    out.push(l.slice(0, left));
    left -= l.length;
  }
  return out.join('\n');
}

/**
 * Wraps text into lines no wider than `maxWidth`, by words, breaking words
 * that are wider than a line. `measure` gives a string's width.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const words = para.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) {
      out.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      // A word wider than the line is broken by characters.
      if (measure(word) > maxWidth) {
        let piece = '';
        for (const ch of word) {
          if (piece && measure(piece + ch) > maxWidth) {
            out.push(piece);
            piece = '';
          }
          piece += ch;
        }
        line = piece;
      } else line = word;
    }
    out.push(line);
  }
  return out;
}
