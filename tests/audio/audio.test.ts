import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CUE_NAMES,
  DEFAULT_VOLUME,
  MUTED_KEY,
  VOLUME_KEY,
  createAudio,
  createAudioCore,
  createSilentAudio,
  type CueSources,
  type Sound,
  type SoundOptions,
  type StorageLike,
} from '../../src/audio/index.js';
import { howlerSounds, resumeHowler } from '../../src/audio/howler-backend.js';

function memoryStorage(init: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      data.set(k, v);
    },
  };
}

const throwingStorage: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

const sources: CueSources = Object.fromEntries(CUE_NAMES.map((c) => [c, { src: [`${c}.ogg`, `${c}.mp3`], format: ['ogg', 'mp3'] }]));

interface FakeSound extends Sound {
  options: SoundOptions;
  plays: number;
  stops: number;
  volumes: number[];
  fades: Array<[number, number]>;
}

function fakeFactory() {
  const made: FakeSound[] = [];
  const factory = vi.fn((options: SoundOptions): Sound => {
    const s: FakeSound = {
      options,
      plays: 0,
      stops: 0,
      volumes: [],
      fades: [],
      play() {
        this.plays++;
      },
      stop() {
        this.stops++;
      },
      setVolume(v) {
        this.volumes.push(v);
      },
      fadeTo(to, ms) {
        this.fades.push([to, ms]);
      },
    };
    made.push(s);
    return s;
  });
  const byCue = (cue: string) => made.find((s) => s.options.src[0] === `${cue}.ogg`);
  return { factory, made, byCue };
}

let consoleSpies: Array<ReturnType<typeof vi.spyOn>> = [];
beforeEach(() => {
  consoleSpies = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
});
afterEach(() => {
  // Silence must also be quiet: nothing reaches the console, whatever failed.
  for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('settings', () => {
  it('start at the defaults with empty storage', () => {
    const a = createSilentAudio({ storage: memoryStorage() });
    expect(a.muted).toBe(false);
    expect(a.volume).toBe(DEFAULT_VOLUME);
  });

  it('remember mute and volume across instances', () => {
    const storage = memoryStorage();
    const a = createSilentAudio({ storage });
    a.setMuted(true);
    a.setVolume(0.35);
    expect(storage.data.get(MUTED_KEY)).toBe('true');
    expect(storage.data.get(VOLUME_KEY)).toBe('0.35');
    const b = createSilentAudio({ storage });
    expect(b.muted).toBe(true);
    expect(b.volume).toBe(0.35);
    b.setMuted(false);
    expect(createSilentAudio({ storage }).muted).toBe(false);
  });

  it('are shared by the real port and the silent one', () => {
    const storage = memoryStorage();
    const { factory } = fakeFactory();
    const a = createAudio({ storage, sounds: factory, sources, autoUnlock: false });
    a.setVolume(0.6);
    a.setMuted(true);
    const b = createSilentAudio({ storage });
    expect([b.muted, b.volume]).toEqual([true, 0.6]);
  });

  it('clamp the volume to 0..1 and ignore what is not a number', () => {
    const a = createSilentAudio({ storage: memoryStorage() });
    a.setVolume(1.7);
    expect(a.volume).toBe(1);
    a.setVolume(-3);
    expect(a.volume).toBe(0);
    a.setVolume(0.5);
    a.setVolume(Number.NaN);
    expect(a.volume).toBe(0.5);
    a.setVolume('0.2' as unknown as number);
    expect(a.volume).toBe(0.5);
    a.setVolume(Number.POSITIVE_INFINITY);
    expect(a.volume).toBe(1);
  });

  it('survive garbage in storage', () => {
    expect(createSilentAudio({ storage: memoryStorage({ [VOLUME_KEY]: 'loud' }) }).volume).toBe(DEFAULT_VOLUME);
    expect(createSilentAudio({ storage: memoryStorage({ [VOLUME_KEY]: '' }) }).volume).toBe(DEFAULT_VOLUME);
    expect(createSilentAudio({ storage: memoryStorage({ [VOLUME_KEY]: '7' }) }).volume).toBe(1);
    expect(createSilentAudio({ storage: memoryStorage({ [VOLUME_KEY]: '-1' }) }).volume).toBe(0);
    expect(createSilentAudio({ storage: memoryStorage({ [MUTED_KEY]: 'yes please' }) }).muted).toBe(false);
    expect(createSilentAudio({ storage: memoryStorage({ [MUTED_KEY]: '1' }) }).muted).toBe(true);
  });

  it('work when storage throws or is absent', () => {
    for (const storage of [throwingStorage, null]) {
      const a = createSilentAudio({ storage });
      expect(a.volume).toBe(DEFAULT_VOLUME);
      expect(() => {
        a.setMuted(true);
        a.setVolume(0.4);
      }).not.toThrow();
      expect([a.muted, a.volume]).toEqual([true, 0.4]);
    }
  });
});

describe('playing', () => {
  function unlocked(opts: { storage?: StorageLike } = {}) {
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources, storage: opts.storage ?? memoryStorage() });
    audio.unlock();
    return { audio, ...f };
  }

  it('loads nothing and plays nothing before unlock', () => {
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources, storage: null, preload: ['choice'] });
    audio.play('ring');
    audio.startAmbience();
    expect(f.factory).not.toHaveBeenCalled();
    audio.unlock();
    // The loop was asked for before the gesture, so it starts with it.
    expect(f.byCue('ambience')?.plays).toBe(1);
    expect(f.byCue('choice')?.plays).toBe(0);
    expect(f.byCue('ring')).toBeUndefined();
  });

  it('loads a cue once, on first use, at the master volume times its gain', () => {
    const { audio, factory, byCue } = unlocked();
    audio.setVolume(0.5);
    audio.play('ring');
    audio.play('ring');
    expect(factory).toHaveBeenCalledTimes(1);
    const ring = byCue('ring')!;
    expect(ring.plays).toBe(2);
    expect(ring.options.loop).toBe(false);
    expect(ring.options.format).toEqual(['ogg', 'mp3']);
    expect(ring.volumes.at(-1)).toBeGreaterThan(0);
    expect(ring.volumes.at(-1)).toBeLessThanOrEqual(0.5);
  });

  it('plays every known cue', () => {
    const { audio, byCue } = unlocked();
    for (const cue of CUE_NAMES) audio.play(cue);
    for (const cue of CUE_NAMES) expect(byCue(cue)?.plays, cue).toBe(1);
  });

  it('treats an unknown cue as silence', () => {
    const { audio, factory } = unlocked();
    factory.mockClear();
    for (const cue of ['gunshot', '', 'RING', '__proto__', 'constructor', 'toString']) {
      expect(() => audio.play(cue)).not.toThrow();
    }
    expect(() => audio.play(undefined as unknown as string)).not.toThrow();
    expect(factory).not.toHaveBeenCalled();
  });

  it('is silent for a known cue with no file', () => {
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources: { ring: sources.ring }, storage: null });
    audio.unlock();
    expect(() => audio.play('inject')).not.toThrow();
    expect(f.factory).not.toHaveBeenCalled();
  });

  it('plays nothing while muted, and stops what was playing when muted', () => {
    const { audio, byCue, factory } = unlocked();
    audio.play('inject');
    audio.setMuted(true);
    expect(byCue('inject')!.stops).toBe(1);
    factory.mockClear();
    audio.play('inject');
    audio.play('ring');
    expect(byCue('inject')!.plays).toBe(1);
    expect(factory).not.toHaveBeenCalled();
  });

  it('plays nothing at volume 0', () => {
    const { audio, factory } = unlocked();
    factory.mockClear();
    audio.setVolume(0);
    audio.play('agreement');
    expect(factory).not.toHaveBeenCalled();
  });

  it('changes the volume of loaded sounds', () => {
    const { audio, byCue } = unlocked();
    audio.play('choice');
    audio.setVolume(1);
    const atFull = byCue('choice')!.volumes.at(-1)!;
    audio.setVolume(0.5);
    expect(byCue('choice')!.volumes.at(-1)).toBeCloseTo(atFull / 2);
  });
});

describe('ambience', () => {
  it('loops quietly, fades out on stop, and resumes on start', () => {
    vi.useFakeTimers();
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources, storage: null });
    audio.unlock();
    audio.startAmbience();
    audio.startAmbience();
    const amb = f.byCue('ambience')!;
    expect(amb.options.loop).toBe(true);
    expect(amb.plays).toBe(1);
    const target = amb.fades.at(-1)![0];
    expect(target).toBeGreaterThan(0);
    expect(target).toBeLessThan(audio.volume);
    audio.stopAmbience();
    expect(amb.fades.at(-1)![0]).toBe(0);
    vi.runAllTimers();
    expect(amb.stops).toBe(1);
    audio.startAmbience();
    expect(amb.plays).toBe(2);
    expect(f.factory).toHaveBeenCalledTimes(1);
  });

  it('turns a fading loop back up instead of restarting it', () => {
    vi.useFakeTimers();
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources, storage: null });
    audio.unlock();
    audio.startAmbience();
    audio.stopAmbience();
    audio.startAmbience();
    vi.runAllTimers();
    const amb = f.byCue('ambience')!;
    expect(amb.plays).toBe(1);
    expect(amb.stops).toBe(0);
    expect(amb.fades.at(-1)![0]).toBeGreaterThan(0);
  });

  it('follows mute', () => {
    vi.useFakeTimers();
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources, storage: null });
    audio.unlock();
    audio.startAmbience();
    audio.setMuted(true);
    vi.runAllTimers();
    const amb = f.byCue('ambience')!;
    expect(amb.stops).toBe(1);
    audio.setMuted(false);
    expect(amb.plays).toBe(2);
  });

  it('is not loaded when muted from the start', () => {
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources, storage: memoryStorage({ [MUTED_KEY]: 'true' }), preload: ['choice'] });
    audio.unlock();
    audio.startAmbience();
    expect(f.factory).not.toHaveBeenCalled();
  });
});

describe('failures are silent', () => {
  it('a howler that throws on construction', () => {
    const factory = vi.fn(() => {
      throw new Error('no audio device');
    });
    const audio = createAudioCore({ sounds: factory, sources, storage: null, preload: ['choice', 'ring'] });
    expect(() => audio.unlock()).not.toThrow();
    expect(() => audio.play('ring')).not.toThrow();
    expect(() => audio.play('choice')).not.toThrow();
    expect(() => audio.startAmbience()).not.toThrow();
    expect(() => audio.stopAmbience()).not.toThrow();
    expect(() => audio.setMuted(true)).not.toThrow();
    expect(() => audio.setVolume(0.1)).not.toThrow();
    const calls = factory.mock.calls.length;
    audio.setMuted(false);
    audio.play('ring');
    // A cue that failed once is not retried on every play.
    expect(factory.mock.calls.length).toBe(calls);
  });

  it('a sound whose every method throws', () => {
    const bad: Sound = {
      play: () => {
        throw new Error('play');
      },
      stop: () => {
        throw new Error('stop');
      },
      setVolume: () => {
        throw new Error('volume');
      },
      fadeTo: () => {
        throw new Error('fade');
      },
    };
    const audio = createAudioCore({ sounds: () => bad, sources, storage: null, preload: [...CUE_NAMES] });
    expect(() => {
      audio.unlock();
      for (const cue of CUE_NAMES) audio.play(cue);
      audio.startAmbience();
      audio.setVolume(0.3);
      audio.setMuted(true);
      audio.setMuted(false);
      audio.stopAmbience();
      audio.unlock();
    }).not.toThrow();
  });

  it('a missing file (load error) silences that cue only', () => {
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources, storage: null });
    audio.unlock();
    audio.play('inject');
    const inject = f.byCue('inject')!;
    // What howler reports for a 404 or an undecodable file.
    expect(() => inject.options.onloaderror()).not.toThrow();
    f.factory.mockClear();
    audio.play('inject');
    expect(f.factory).not.toHaveBeenCalled();
    expect(inject.plays).toBe(1);
    audio.play('ring');
    expect(f.byCue('ring')!.plays).toBe(1);
  });

  it('a refused play of the loop is retried on the next unlock', () => {
    const f = fakeFactory();
    const audio = createAudioCore({ sounds: f.factory, sources, storage: null });
    audio.unlock();
    audio.startAmbience();
    const amb = f.byCue('ambience')!;
    expect(() => amb.options.onplayerror()).not.toThrow();
    audio.unlock();
    expect(amb.plays).toBe(2);
  });

  it('real howler in Node (no Web Audio, no Audio element)', () => {
    const audio = createAudio({ storage: null, sounds: howlerSounds, resume: resumeHowler, autoUnlock: false });
    expect(() => {
      audio.unlock();
      for (const cue of CUE_NAMES) audio.play(cue);
      audio.startAmbience();
      audio.stopAmbience();
    }).not.toThrow();
  });
});

describe('unlock', () => {
  it('waits for a real gesture when called too early', () => {
    const f = fakeFactory();
    let activated = false;
    let retry: (() => void) | null = null;
    const resume = vi.fn();
    const audio = createAudioCore({
      sounds: f.factory,
      sources,
      storage: null,
      resume,
      canStartAudio: () => activated,
      armUnlock: (r) => {
        retry = r;
      },
      preload: ['choice'],
    });
    audio.unlock();
    audio.play('ring');
    expect(f.factory).not.toHaveBeenCalled();
    expect(resume).not.toHaveBeenCalled();
    activated = true;
    retry!();
    expect(resume).toHaveBeenCalledTimes(1);
    expect(f.byCue('choice')).toBeDefined();
    audio.play('ring');
    expect(f.byCue('ring')!.plays).toBe(1);
  });

  it('resumes the context on later calls too', () => {
    const resume = vi.fn();
    const audio = createAudioCore({ sounds: fakeFactory().factory, sources, storage: null, resume });
    audio.unlock();
    audio.unlock();
    expect(resume).toHaveBeenCalledTimes(2);
  });

  it('survives a throwing resume', () => {
    const audio = createAudioCore({
      sounds: fakeFactory().factory,
      sources,
      storage: null,
      resume: () => {
        throw new Error('InvalidStateError');
      },
    });
    expect(() => audio.unlock()).not.toThrow();
  });
});

describe('createAudio in Node', () => {
  it('falls back to silence with working settings', () => {
    const storage = memoryStorage();
    const audio = createAudio({ storage });
    audio.unlock();
    audio.play('ring');
    audio.setVolume(0.25);
    expect(audio.volume).toBe(0.25);
    expect(storage.data.get(VOLUME_KEY)).toBe('0.25');
  });

  it('uses no storage by default outside a browser', () => {
    const audio = createSilentAudio();
    audio.setMuted(true);
    expect(audio.muted).toBe(true);
  });
});
