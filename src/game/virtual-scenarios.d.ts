/** The scenarios checked at build time by src/game/build/scenario-plugin.ts, as plain data. */
declare module 'virtual:scenarios' {
  import type { Scenario } from '../scenario/schema';
  /** Every scenario that passed the checker, with the file it came from. */
  export const scenarios: { file: string; scenario: Scenario }[];
  /** In development, the checker's errors (`FILE:LINE:COL: error CODE: message`); empty in a build, which fails instead. */
  export const problems: string[];
  /** The checker's warnings. */
  export const warnings: string[];
}
