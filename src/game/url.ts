/**
 * The URL parameters the game reads: scenario=<id> opens that scenario's
 * briefing, role=<roleId>, lang=<code>, seed=<int>.
 */
import { parseSeed } from '../engine/rng.js';

export interface UrlOptions {
  scenario: string | null;
  role: string | null;
  /** A BCP 47 tag when one was given and looks like one. */
  lang: string | null;
  /** The seed given, or null to draw one. */
  seed: number | null;
}

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const ID = /^[a-z][a-z0-9_-]{0,63}$/;

export function readUrlOptions(search: string): UrlOptions {
  const p = new URLSearchParams(search);
  const scenario = p.get('scenario');
  const role = p.get('role');
  const lang = p.get('lang');
  const seed = p.get('seed');
  return {
    scenario: scenario !== null && ID.test(scenario) ? scenario : null,
    role: role !== null && ID.test(role) ? role : null,
    lang: lang !== null && LANG.test(lang) ? lang : null,
    seed: seed === null || seed === '' ? null : parseSeed(seed, 1),
  };
}
