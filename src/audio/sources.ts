/**
 * The bundled sound files. Importing them with `?url` lets Vite fingerprint
 * each file and keep its path relative to the page (the build uses
 * `base: './'`), and nothing is fetched until a cue is first needed.
 * Vorbis comes first (sample-accurate loops in Chrome and Firefox); MP3 is
 * the fallback Safari can always decode. Regenerate with `npm run assets`.
 */
import type { CueSource, CueSources } from './core.js';
import agreementMp3 from '../../assets/audio/agreement.mp3?url';
import agreementOgg from '../../assets/audio/agreement.ogg?url';
import ambienceMp3 from '../../assets/audio/ambience.mp3?url';
import ambienceOgg from '../../assets/audio/ambience.ogg?url';
import choiceMp3 from '../../assets/audio/choice.mp3?url';
import choiceOgg from '../../assets/audio/choice.ogg?url';
import connectMp3 from '../../assets/audio/connect.mp3?url';
import connectOgg from '../../assets/audio/connect.ogg?url';
import escalationMp3 from '../../assets/audio/escalation.mp3?url';
import escalationOgg from '../../assets/audio/escalation.ogg?url';
import impasseMp3 from '../../assets/audio/impasse.mp3?url';
import impasseOgg from '../../assets/audio/impasse.ogg?url';
import injectMp3 from '../../assets/audio/inject.mp3?url';
import injectOgg from '../../assets/audio/inject.ogg?url';
import mediatedMp3 from '../../assets/audio/mediated.mp3?url';
import mediatedOgg from '../../assets/audio/mediated.ogg?url';
import ringMp3 from '../../assets/audio/ring.mp3?url';
import ringOgg from '../../assets/audio/ring.ogg?url';

// Formats are named explicitly because a small file may be inlined as a
// data: URL, which has no extension for howler to read.
const pair = (ogg: string, mp3: string): CueSource => ({ src: [ogg, mp3], format: ['ogg', 'mp3'] });

/** Every cue's files, as built by Vite. */
export const bundledSources: CueSources = {
  ring: pair(ringOgg, ringMp3),
  connect: pair(connectOgg, connectMp3),
  choice: pair(choiceOgg, choiceMp3),
  inject: pair(injectOgg, injectMp3),
  agreement: pair(agreementOgg, agreementMp3),
  impasse: pair(impasseOgg, impasseMp3),
  escalation: pair(escalationOgg, escalationMp3),
  mediated: pair(mediatedOgg, mediatedMp3),
  ambience: pair(ambienceOgg, ambienceMp3),
};
