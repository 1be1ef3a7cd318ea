/**
 * The game's side of sound: the small interface src/audio provides, and a
 * silent stand-in used until (or unless) src/audio/index.ts exists. The game
 * only says which cue to play; src/audio decides how it sounds.
 */

export interface AudioPort {
  play(cue: string): void;
  startAmbience(): void;
  stopAmbience(): void;
  setMuted(muted: boolean): void;
  readonly muted: boolean;
  setVolume(volume: number): void;
  readonly volume: number;
  /** Called on the first user gesture, so browsers let sound start. */
  unlock(): void;
}

/** A silent AudioPort that remembers its settings and the cues asked of it (for tests). */
export function silentAudio(): AudioPort & { readonly played: string[] } {
  let muted = false;
  let volume = 1;
  const played: string[] = [];
  return {
    play(cue) {
      played.push(cue);
      if (played.length > 200) played.shift();
    },
    startAmbience() {},
    stopAmbience() {},
    setMuted(m) {
      muted = m;
    },
    get muted() {
      return muted;
    },
    setVolume(v) {
      volume = v;
    },
    get volume() {
      return volume;
    },
    unlock() {},
    played,
  };
}

/** Wraps a port so a failing sound never stops the game. */
export function guardedAudio(inner: AudioPort): AudioPort {
  const guard = (f: () => void) => {
    try {
      f();
    } catch (e) {
      console.warn('[backchannel] audio:', e);
    }
  };
  return {
    play: (cue) => guard(() => inner.play(cue)),
    startAmbience: () => guard(() => inner.startAmbience()),
    stopAmbience: () => guard(() => inner.stopAmbience()),
    setMuted: (m) => guard(() => inner.setMuted(m)),
    get muted() {
      return inner.muted;
    },
    setVolume: (v) => guard(() => inner.setVolume(v)),
    get volume() {
      return inner.volume;
    },
    unlock: () => guard(() => inner.unlock()),
  };
}
