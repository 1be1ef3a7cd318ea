/**
 * The keyboard, as commands: digits 1–9 press the Nth button of the
 * choices group, Enter or Space finishes the line or continues, Escape
 * closes a news flash (drawn like a dialogue box over the call), M toggles
 * mute. Keys typed into a form field, or Enter/Space on a focused control
 * (which the browser already turns into a click), are left alone.
 */

export type KeyCommand = { kind: 'number'; n: number } | { kind: 'continue' } | { kind: 'close' } | { kind: 'mute' };

/** What the key handler needs to know about a key event. */
export interface KeyInfo {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
  /** Lower-case tag name of the focused element the event targets. */
  targetTag?: string;
  /** The target's type attribute, for inputs. */
  targetType?: string;
  targetEditable?: boolean;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Which command, if any, a key press means. */
export function commandForKey(e: KeyInfo): KeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const tag = (e.targetTag ?? '').toLowerCase();
  const typing = e.targetEditable === true || tag === 'textarea' || tag === 'select' || (tag === 'input' && TEXT_INPUTS.has((e.targetType ?? 'text').toLowerCase()));
  if (typing) return null;
  // A focused control handles Enter and Space itself (a button clicks, a checkbox toggles).
  const control = tag === 'button' || tag === 'input' || tag === 'a' || tag === 'summary';
  if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') {
    if (control || e.repeat) return null;
    return { kind: 'continue' };
  }
  const digit = /^Digit([1-9])$/.exec(e.code ?? '')?.[1] ?? /^Numpad([1-9])$/.exec(e.code ?? '')?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : undefined);
  if (digit !== undefined) {
    if (e.repeat) return null;
    return { kind: 'number', n: Number(digit) };
  }
  if ((e.key === 'Escape' || e.key === 'Esc') && !e.repeat) return { kind: 'close' };
  if ((e.key === 'm' || e.key === 'M') && !e.repeat) return { kind: 'mute' };
  return null;
}
