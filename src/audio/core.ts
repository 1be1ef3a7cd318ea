/**
 * The audio port's logic, free of howler and of the browser: sounds come from
 * an injected factory and settings go to an injected storage, so every rule
 * here (silence as the fallback, lazy loading, mute and volume persistence)
 * can be tested in Node.
 */

/** Every cue the game may ask for; anything else is played as silence. */
export const CUE_NAMES = [
  'ring',
  'connect',
  'choice',
  'inject',
  'agreement',
  'impasse',
  'escalation',
  'mediated',
  'ambience',
] as const;

/** A known cue name. */
export type CueName = (typeof CUE_NAMES)[number];

/**
 * The sound side of the game. Every method is safe to call at any time:
 * when sound cannot play, the port stays silent and never throws.
 */
export interface AudioPort {
  /** Plays the sound for a cue; an unknown cue is silence. */
  play(cue: string): void;
  /** Loops the room ambience, quietly, until {@link AudioPort.stopAmbience}. */
  startAmbience(): void;
  /** Fades the ambience out. */
  stopAmbience(): void;
  /** Mutes or unmutes every sound; remembered across visits. */
  setMuted(muted: boolean): void;
  /** Whether sound is muted. */
  readonly muted: boolean;
  /** Sets the master volume, clamped to 0..1; remembered across visits. */
  setVolume(volume: number): void;
  /** The master volume, 0..1. */
  readonly volume: number;
  /** Call on the first user gesture: browsers let sound start only after one. */
  unlock(): void;
}

/** The files for one cue, best format first, with each file's format named. */
export interface CueSource {
  /** URLs, in order of preference. */
  readonly src: readonly string[];
  /** The format of each URL (e.g. `ogg`, `mp3`), needed when a URL has no extension. */
  readonly format: readonly string[];
}

/** Files per cue; a cue without an entry is silent. */
export type CueSources = Readonly<Partial<Record<CueName, CueSource>>>;

/** What the port asks of a sound backend when it first needs a cue. */
export interface SoundOptions {
  src: string[];
  format: string[];
  loop: boolean;
  volume: number;
  /** Called when the file cannot be fetched or decoded. */
  onloaderror: () => void;
  /** Called when the browser refuses to play (autoplay policy, lost device). */
  onplayerror: () => void;
}

/** One loaded (or loading) sound: the few operations the port needs. */
export interface Sound {
  play(): void;
  stop(): void;
  setVolume(volume: number): void;
  /** Fades every playing instance from the current volume to `to`. */
  fadeTo(to: number, ms: number): void;
}

/** Makes a sound; may throw, which the port treats as "this cue is silent". */
export type SoundFactory = (options: SoundOptions) => Sound;

/** The part of Web Storage the port uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What {@link createAudioCore} needs; everything platform-specific is passed in. */
export interface AudioCoreOptions {
  /** Makes sounds; `null` gives a port that keeps its settings but never plays. */
  sounds: SoundFactory | null;
  /** Files per cue. */
  sources: CueSources;
  /** Where mute and volume are remembered; `null` to remember nothing. */
  storage: StorageLike | null;
  /** Resumes a suspended audio context; called from {@link AudioPort.unlock}. */
  resume?: () => void;
  /**
   * Whether the current call stack is a user gesture that lets audio start.
   * When it says no, unlock() waits for {@link AudioCoreOptions.armUnlock}.
   */
  canStartAudio?: () => boolean;
  /** Calls `retry` on a later user gesture; used when unlock() came too early. */
  armUnlock?: (retry: () => void) => void;
  /** Cues fetched as soon as sound is unlocked, so the first play is not late. */
  preload?: readonly CueName[];
  /** Timers, injectable for tests. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** localStorage key of the muted flag. */
export const MUTED_KEY = 'backchannel:muted';
/** localStorage key of the master volume. */
export const VOLUME_KEY = 'backchannel:volume';
/** The master volume before the player has chosen one. */
export const DEFAULT_VOLUME = 0.8;

// The files are loudness-matched by make-sounds.sh; these only shape the mix:
// the room tone sits well under everything, the click under the stings.
const GAIN: Record<CueName, number> = {
  ring: 0.8,
  connect: 0.85,
  choice: 0.6,
  inject: 0.85,
  agreement: 0.85,
  impasse: 0.85,
  escalation: 0.85,
  mediated: 0.85,
  ambience: 0.4,
};

const AMBIENCE_FADE_IN_MS = 1500;
const AMBIENCE_FADE_OUT_MS = 700;

/** Clamps to 0..1; returns null for anything that is not a number at all. */
export function clampVolume(v: unknown): number | null {
  if (typeof v !== 'number' || Number.isNaN(v)) return null;
  return Math.min(1, Math.max(0, v));
}

function isCue(name: string): name is CueName {
  return (CUE_NAMES as readonly string[]).includes(name);
}

function readSettings(storage: StorageLike | null): { muted: boolean; volume: number } {
  let muted = false;
  let volume = DEFAULT_VOLUME;
  if (!storage) return { muted, volume };
  // Storage may be disabled, full, or throw on any access (Safari private
  // mode, blocked cookies): each read stands alone.
  try {
    const m = storage.getItem(MUTED_KEY);
    muted = m === 'true' || m === '1';
  } catch {
    /* keep the default */
  }
  try {
    const raw = storage.getItem(VOLUME_KEY);
    const v = raw === null || raw.trim() === '' ? null : clampVolume(Number(raw));
    if (v !== null) volume = v;
  } catch {
    /* keep the default */
  }
  return { muted, volume };
}

function write(storage: StorageLike | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    /* the setting still holds for this visit */
  }
}

/**
 * Builds an {@link AudioPort} from injected parts. Nothing is fetched and no
 * audio context is touched before unlock(), so a page load makes no request
 * and trips no autoplay warning; one-shot cues asked for before then are
 * dropped, since a late sting is worse than none.
 */
export function createAudioCore(options: AudioCoreOptions): AudioPort {
  const { sounds: factory, sources, storage } = options;
  const setT = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearT = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));

  let { muted, volume } = readSettings(storage);
  let unlocked = false;
  let armed = false;
  const loaded = new Map<CueName, Sound>();
  const broken = new Set<CueName>();

  let ambienceWanted = false;
  let ambienceOn = false;
  let ambienceStopTimer: unknown = null;

  const quietly = (f: () => void): void => {
    try {
      f();
    } catch {
      /* silence is always an acceptable outcome */
    }
  };

  function breakCue(cue: CueName): void {
    broken.add(cue);
    const s = loaded.get(cue);
    loaded.delete(cue);
    if (s) quietly(() => s.stop());
    if (cue === 'ambience') ambienceOn = false;
  }

  function soundFor(cue: CueName): Sound | null {
    const existing = loaded.get(cue);
    if (existing) return existing;
    const source = sources[cue];
    if (!factory || !source || source.src.length === 0 || broken.has(cue)) return null;
    try {
      const s = factory({
        src: [...source.src],
        format: [...source.format],
        loop: cue === 'ambience',
        volume: volume * GAIN[cue],
        onloaderror: () => breakCue(cue),
        // A refused play is not a broken file: let the next unlock retry the loop.
        onplayerror: () => {
          if (cue === 'ambience') ambienceOn = false;
        },
      });
      loaded.set(cue, s);
      return s;
    } catch {
      broken.add(cue);
      return null;
    }
  }

  function syncAmbience(): void {
    const should = ambienceWanted && unlocked && !muted && volume > 0;
    if (should) {
      if (ambienceStopTimer !== null) {
        // Still fading out: turn the same loop back up instead of restarting it.
        clearT(ambienceStopTimer);
        ambienceStopTimer = null;
        const s = loaded.get('ambience');
        if (s && ambienceOn) {
          quietly(() => s.fadeTo(volume * GAIN.ambience, AMBIENCE_FADE_IN_MS));
          return;
        }
      }
      if (ambienceOn) return;
      const s = soundFor('ambience');
      if (!s) return;
      try {
        s.setVolume(0);
        s.play();
        s.fadeTo(volume * GAIN.ambience, AMBIENCE_FADE_IN_MS);
        ambienceOn = true;
      } catch {
        breakCue('ambience');
      }
    } else if (ambienceOn && ambienceStopTimer === null) {
      const s = loaded.get('ambience');
      if (!s) {
        ambienceOn = false;
        return;
      }
      quietly(() => s.fadeTo(0, AMBIENCE_FADE_OUT_MS));
      ambienceStopTimer = setT(() => {
        ambienceStopTimer = null;
        ambienceOn = false;
        quietly(() => s.stop());
      }, AMBIENCE_FADE_OUT_MS + 50);
    }
  }

  function startAmbience(): void {
    ambienceWanted = true;
    quietly(syncAmbience);
  }

  function doUnlock(): void {
    unlocked = true;
    // Creating the first sound creates the audio context, so this happens
    // inside the gesture; then a context suspended by the browser is resumed.
    if (!muted) for (const cue of options.preload ?? []) soundFor(cue);
    quietly(() => options.resume?.());
    syncAmbience();
  }

  return {
    play(cue: string): void {
      try {
        if (typeof cue !== 'string' || !isCue(cue)) return;
        if (cue === 'ambience') {
          startAmbience();
          return;
        }
        if (!unlocked || muted || volume === 0) return;
        const s = soundFor(cue);
        if (!s) return;
        s.setVolume(volume * GAIN[cue]);
        s.play();
      } catch {
        if (isCue(cue)) breakCue(cue);
      }
    },
    startAmbience,
    stopAmbience(): void {
      ambienceWanted = false;
      quietly(syncAmbience);
    },
    setMuted(m: boolean): void {
      muted = Boolean(m);
      write(storage, MUTED_KEY, String(muted));
      if (muted) {
        for (const [cue, s] of loaded) if (cue !== 'ambience') quietly(() => s.stop());
      }
      quietly(syncAmbience);
    },
    get muted(): boolean {
      return muted;
    },
    setVolume(v: number): void {
      const next = clampVolume(v);
      if (next === null) return;
      volume = next;
      write(storage, VOLUME_KEY, String(volume));
      for (const [cue, s] of loaded) {
        // A loop that is fading out keeps fading; everything else follows now.
        if (cue === 'ambience' && ambienceStopTimer !== null) continue;
        quietly(() => s.setVolume(volume * GAIN[cue]));
      }
      quietly(syncAmbience);
    },
    get volume(): number {
      return volume;
    },
    unlock(): void {
      if (unlocked) {
        quietly(() => options.resume?.());
        quietly(syncAmbience);
        return;
      }
      let allowed = true;
      try {
        allowed = options.canStartAudio?.() ?? true;
      } catch {
        /* if activation cannot be read, trust the caller */
      }
      if (allowed) {
        quietly(doUnlock);
      } else if (!armed && options.armUnlock) {
        // Called from an event that does not count as a gesture (a touch's
        // pointerdown): wait for one that does rather than start a context
        // the browser would refuse and warn about.
        armed = true;
        quietly(() =>
          options.armUnlock?.(() => {
            armed = false;
            if (!unlocked) quietly(doUnlock);
          }),
        );
      }
    },
  };
}
