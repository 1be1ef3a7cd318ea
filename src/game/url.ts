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
  /** Parameters given with a value that cannot be an id (scenario, role), which were ignored. */
  ignored: ('scenario' | 'role')[];
}

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const ID = /^[a-z][a-z0-9_-]{0,63}$/;

export function readUrlOptions(search: string): UrlOptions {
  const p = new URLSearchParams(search);
  const lang = p.get('lang');
  const seed = p.get('seed');
  const ignored: UrlOptions['ignored'] = [];
  // Ids are lowercase; an address typed as ?scenario=The-Call still means the-call. Anything else is dropped, and said so.
  const id = (name: 'scenario' | 'role'): string | null => {
    const v = p.get(name);
    if (v === null || v === '') return null;
    if (ID.test(v.toLowerCase())) return v.toLowerCase();
    ignored.push(name);
    return null;
  };
  return {
    scenario: id('scenario'),
    role: id('role'),
    lang: lang !== null && LANG.test(lang) ? lang : null,
    seed: seed === null || seed === '' ? null : parseSeed(seed, 1),
    ignored,
  };
}
