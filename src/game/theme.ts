/**
 * The situation-room look, in one place: dark navy and charcoal, muted
 * steel and brass, and one warning red kept for news flashes. Every colour
 * drawn as text keeps 4.5:1 against the backgrounds it sits on, the dimmest
 * steel of a greyed-out choice included: on a projector or a phone in the
 * sun, a dimmer grey could not be read.
 */

export const FONT = '"IBM Plex Sans", "Segoe UI", system-ui, sans-serif';

/** Colours as CSS strings (for text and the DOM). */
export const CSS = {
  bg: '#0b111c',
  bgDeep: '#070b13',
  panel: '#131c2a',
  panelHi: '#1a2638',
  line: '#2a3a52',
  steel: '#8fa3b8',
  steelDim: '#6f8196',
  text: '#e7ecf2',
  textDim: '#a8b4c3',
  brass: '#c9a45c',
  brassDim: '#8a7142',
  red: '#e25a4c',
  redDim: '#6b231d',
} as const;

/** The same colours as numbers (for Phaser graphics). */
export const HEX = Object.fromEntries(Object.entries(CSS).map(([k, v]) => [k, parseInt(v.slice(1), 16)])) as Record<keyof typeof CSS, number>;
