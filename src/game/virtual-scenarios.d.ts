/** Where the page finds the scenarios checked by src/game/build/scenario-plugin.ts (see src/game/scenario-data.ts). */
declare module 'virtual:scenarios' {
  /** The URL of the JSON file of checked scenarios. */
  export const scenariosUrl: string;
}
