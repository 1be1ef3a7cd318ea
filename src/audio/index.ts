/**
 * Backchannel's sound: cues played through howler behind a small port.
 * Silence is always an acceptable outcome: blocked autoplay, a missing or
 * undecodable file, no audio device, or howler itself failing leave the game
 * running and the console clean.
 */
import { createAudioCore, type AudioPort, type CueName, type CueSources, type SoundFactory, type StorageLike } from './core.js';
import { howlerSounds, resumeHowler } from './howler-backend.js';
import { bundledSources } from './sources.js';

export { CUE_NAMES, DEFAULT_VOLUME, MUTED_KEY, VOLUME_KEY, clampVolume, createAudioCore } from './core.js';
export type { AudioCoreOptions, AudioPort, CueName, CueSource, CueSources, Sound, SoundFactory, SoundOptions, StorageLike } from './core.js';

/** Options of {@link createAudio}; every one has a browser default. */
export interface AudioOptions {
  /** Where mute and volume are remembered; defaults to localStorage, `null` for nowhere. */
  storage?: StorageLike | null;
  /** Files per cue; defaults to the bundled assets/audio files. */
  sources?: CueSources;
  /** Makes sounds; defaults to howler. */
  sounds?: SoundFactory;
  /** Resumes a suspended audio context; defaults to howler's. */
  resume?: () => void;
  /**
   * Also unlock on the first qualifying gesture by itself, in case the
   * caller's unlock() came from an event that does not count. Default true.
   */
  autoUnlock?: boolean;
  /** Cues fetched as soon as sound is unlocked. Default: the small, early ones. */
  preload?: readonly CueName[];
}

/** Options of {@link createSilentAudio}. */
export interface SilentAudioOptions {
  /** Where mute and volume are remembered; defaults to localStorage, `null` for nowhere. */
  storage?: StorageLike | null;
}

// Only these events grant the user activation that lets audio start
// (pointerdown does not, for touch), so these are the ones listened to.
const GESTURES = ['click', 'keydown', 'touchend'] as const;

function browserStorage(): StorageLike | null {
  // Reading window.localStorage itself throws when storage is disabled.
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

function hasAudioSupport(): boolean {
  if (typeof window === 'undefined') return false;
  const w = window as unknown as Record<string, unknown>;
  return typeof w['AudioContext'] === 'function' || typeof w['webkitAudioContext'] === 'function' || typeof w['Audio'] === 'function';
}

function hasActivation(): boolean {
  // Browsers without the UserActivation API get the benefit of the doubt.
  const ua = typeof navigator !== 'undefined' ? (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation : undefined;
  return ua ? ua.hasBeenActive : true;
}

/** Calls `then` once, on the first gesture that grants user activation. */
function onFirstGesture(then: () => void): void {
  if (typeof window === 'undefined') return;
  const handler = (): void => {
    if (!hasActivation()) return;
    for (const type of GESTURES) window.removeEventListener(type, handler, true);
    then();
  };
  for (const type of GESTURES) window.addEventListener(type, handler, { capture: true, passive: true });
}

/**
 * The game's audio port. In a browser with audio it plays the bundled cues
 * through howler, loading each file on first use after unlock(); elsewhere
 * (Node, no audio support) it is {@link createSilentAudio}. Never throws.
 *
 * @param options - overrides for tests and tools; the defaults suit the game.
 */
export function createAudio(options: AudioOptions = {}): AudioPort {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  try {
    if (!options.sounds && !hasAudioSupport()) return createSilentAudio({ storage });
    const port = createAudioCore({
      sounds: options.sounds ?? howlerSounds,
      sources: options.sources ?? bundledSources,
      storage,
      resume: options.resume ?? (options.sounds ? undefined : resumeHowler),
      canStartAudio: hasActivation,
      armUnlock: onFirstGesture,
      preload: options.preload ?? ['choice', 'connect', 'ring'],
    });
    if (options.autoUnlock ?? true) onFirstGesture(() => port.unlock());
    return port;
  } catch {
    return createSilentAudio({ storage });
  }
}

/**
 * A port that never plays anything but keeps (and remembers) mute and volume
 * exactly as {@link createAudio} does: for tests, and for browsers without audio.
 *
 * @param options - where to remember settings; defaults to localStorage.
 */
export function createSilentAudio(options: SilentAudioOptions = {}): AudioPort {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  return createAudioCore({ sounds: null, sources: {}, storage });
}
