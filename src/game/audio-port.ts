/**
 * The game's side of sound: the small interface src/audio provides, and a
 * silent stand-in used until (or unless) src/audio/index.ts exists. The game
 * only says which cue to play; src/audio decides how it sounds.
 */

import type { AudioPort } from '../audio/core.js';

export type { AudioPort };

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

/**
 * An AudioPort that stands in until the real one has loaded, then hands it
 * the settings and state it was given meanwhile. Cues asked before are dropped.
 */
export function audioProxy(): AudioPort & { attach(real: AudioPort): void; readonly played: string[] } {
  let inner: AudioPort | null = null;
  let muted = false;
  let volume = 1;
  let ambience = false;
  let unlocked = false;
  const played: string[] = [];
  return {
    attach(real) {
      inner = real;
      real.setMuted(muted);
      real.setVolume(volume);
      if (unlocked) real.unlock();
      if (ambience) real.startAmbience();
    },
    play(cue) {
      played.push(cue);
      if (played.length > 200) played.shift();
      inner?.play(cue);
    },
    startAmbience() {
      ambience = true;
      inner?.startAmbience();
    },
    stopAmbience() {
      ambience = false;
      inner?.stopAmbience();
    },
    setMuted(m) {
      muted = m;
      inner?.setMuted(m);
    },
    get muted() {
      return muted;
    },
    setVolume(v) {
      volume = v;
      inner?.setVolume(v);
    },
    get volume() {
      return volume;
    },
    unlock() {
      unlocked = true;
      inner?.unlock();
    },
    played,
  };
}
