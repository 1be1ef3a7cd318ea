/**
 * Player settings (sound, text speed, reduced motion), remembered in
 * storage. Anything unreadable in storage falls back to the defaults.
 */
import type { SafeStorage } from './storage.js';

export const SETTINGS_KEY = 'backchannel:settings';

export const TEXT_SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export type TextSpeed = (typeof TEXT_SPEEDS)[number];

/** Characters per second of the typewriter at each speed; Infinity types nothing out. */
export const CHARS_PER_SECOND: Record<TextSpeed, number> = { slow: 25, normal: 50, fast: 110, instant: Infinity };

export interface Settings {
  muted: boolean;
  /** 0..1 */
  volume: number;
  textSpeed: TextSpeed;
  /** null: follow the system's prefers-reduced-motion. */
  reducedMotion: boolean | null;
  /** A name or group the player gives, written into exported results so a teacher can tell them apart; '' for none. */
  player: string;
}

export const DEFAULT_SETTINGS: Settings = { muted: false, volume: 0.8, textSpeed: 'normal', reducedMotion: null, player: '' };

/** Longest name or group kept. */
export const PLAYER_MAX = 60;

/** A name or group as kept: control characters dropped, spaces folded, trimmed, at most PLAYER_MAX characters. */
export function cleanPlayer(text: string): string {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim()].slice(0, PLAYER_MAX).join('').trim();
}

/** Reads settings from their stored text; whatever is wrong in it falls back to the default. */
export function parseSettings(text: string | null): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (!text) return s;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return s;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return s;
  const d = data as Record<string, unknown>;
  if (typeof d['muted'] === 'boolean') s.muted = d['muted'];
  if (typeof d['volume'] === 'number' && Number.isFinite(d['volume'])) s.volume = clamp01(d['volume']);
  if (typeof d['textSpeed'] === 'string' && (TEXT_SPEEDS as readonly string[]).includes(d['textSpeed'])) s.textSpeed = d['textSpeed'] as TextSpeed;
  if (typeof d['reducedMotion'] === 'boolean' || d['reducedMotion'] === null) s.reducedMotion = d['reducedMotion'] as boolean | null;
  if (typeof d['player'] === 'string') s.player = cleanPlayer(d['player']);
  return s;
}

export function loadSettings(storage: SafeStorage): Settings {
  return parseSettings(storage.get(SETTINGS_KEY));
}

export function storeSettings(storage: SafeStorage, s: Settings): void {
  storage.set(SETTINGS_KEY, JSON.stringify(s));
}

/** Whether motion is reduced, given the setting and the system preference. */
export function motionReduced(s: Settings, systemPrefersReduced: boolean): boolean {
  return s.reducedMotion ?? systemPrefersReduced;
}

export function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

/** The next text speed, for a control that cycles through them. */
export function nextTextSpeed(s: TextSpeed): TextSpeed {
  const i = TEXT_SPEEDS.indexOf(s);
  return TEXT_SPEEDS[(i + 1) % TEXT_SPEEDS.length]!;
}
