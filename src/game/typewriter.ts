/**
 * The typewriter: how much of a line shows after some time, and the text to
 * show, cut from lines already wrapped (by the canvas's own measure) so words
 * never jump between lines while they type out. No Phaser here: the Call
 * scene asks and draws.
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
