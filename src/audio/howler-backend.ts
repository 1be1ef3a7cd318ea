/**
 * The only file that knows about howler: it adapts a Howl to the port's
 * small Sound interface and reaches the shared audio context for unlock().
 */
import { Howl, Howler } from 'howler';
import type { Sound, SoundFactory } from './core.js';

/** Makes a Howl for one cue. Web Audio (not HTML5 audio) so loops are gapless. */
export const howlerSounds: SoundFactory = (o) => {
  // Howler's own unlocker also plays a silent buffer on the first touch,
  // which iOS Safari needs in addition to resume().
  Howler.autoUnlock = true;
  const howl = new Howl({
    src: o.src,
    format: o.format,
    loop: o.loop,
    volume: o.volume,
    html5: false,
    preload: true,
    onloaderror: () => o.onloaderror(),
    onplayerror: () => o.onplayerror(),
  });
  const sound: Sound = {
    play: () => {
      howl.play();
    },
    stop: () => {
      howl.stop();
    },
    setVolume: (v) => {
      howl.volume(v);
    },
    fadeTo: (to, ms) => {
      howl.fade(howl.volume(), to, ms);
    },
  };
  return sound;
};

/** Resumes the shared context if the browser suspended it (tab switch, iOS interruption). */
export function resumeHowler(): void {
  const ctx = Howler.ctx as AudioContext | null | undefined;
  if (ctx && ctx.state !== 'running' && ctx.state !== 'closed') {
    ctx.resume().catch(() => {
      /* still locked: the next gesture tries again */
    });
  }
}
