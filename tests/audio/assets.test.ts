import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUE_NAMES } from '../../src/audio/index.js';
import { bundledSources } from '../../src/audio/sources.js';

const audioDir = join(import.meta.dirname, '..', '..', 'assets', 'audio');
const manifest = JSON.parse(readFileSync(join(audioDir, 'manifest.json'), 'utf8')) as {
  cues: Record<string, { files: string[]; loop: boolean; seconds: number }>;
};

describe('bundled sounds', () => {
  it('the manifest lists exactly the cues the port knows', () => {
    expect(Object.keys(manifest.cues).sort()).toEqual([...CUE_NAMES].sort());
    expect(Object.keys(bundledSources).sort()).toEqual([...CUE_NAMES].sort());
  });

  it.each(CUE_NAMES.map((c) => [c]))('%s exists in both formats and is small', (cue) => {
    const entry = manifest.cues[cue]!;
    expect(entry.files).toEqual([`${cue}.ogg`, `${cue}.mp3`]);
    const limit = cue === 'ambience' ? 150_000 : 60_000;
    for (const f of entry.files) {
      const size = statSync(join(audioDir, f)).size;
      expect(size, f).toBeGreaterThan(500);
      expect(size, f).toBeLessThan(limit);
    }
    if (cue === 'ambience') {
      expect(entry.loop).toBe(true);
      expect(entry.seconds).toBeGreaterThanOrEqual(8);
      expect(entry.seconds).toBeLessThanOrEqual(12);
    } else {
      expect(entry.loop).toBe(false);
      expect(entry.seconds).toBeLessThanOrEqual(3);
    }
  });

  it('the files start with real Ogg and MP3 headers', () => {
    for (const cue of CUE_NAMES) {
      const ogg = readFileSync(join(audioDir, `${cue}.ogg`));
      expect(ogg.subarray(0, 4).toString('latin1')).toBe('OggS');
      const mp3 = readFileSync(join(audioDir, `${cue}.mp3`));
      const id3 = mp3.subarray(0, 3).toString('latin1') === 'ID3';
      const frameSync = mp3[0] === 0xff && ((mp3[1] ?? 0) & 0xe0) === 0xe0;
      expect(id3 || frameSync, `${cue}.mp3`).toBe(true);
    }
  });

  it('the sources point at the bundled files, Vorbis first', () => {
    for (const cue of CUE_NAMES) {
      const s = bundledSources[cue]!;
      expect(s.format).toEqual(['ogg', 'mp3']);
      expect(s.src[0]).toMatch(new RegExp(`${cue}.*\\.ogg|^data:audio/ogg`));
      expect(s.src[1]).toMatch(new RegExp(`${cue}.*\\.mp3|^data:audio/mpeg`));
    }
  });
});
