/**
 * The game's own words (buttons, labels, notices) in the languages it has.
 * Scenario text is the scenario's own, or its translation's (see
 * localize.ts): where no translation exists, the scenario's language is
 * used and marked as such in the page.
 */
import { ENGLISH_CONDITION_PHRASES } from '../engine/describe.js';
import { ENGLISH_LEFT_OUT } from '../engine/results.js';

const en = {
  /** The BCP 47 tag numbers are written in. */
  locale: 'en',
  appName: 'Backchannel',
  tagline: 'Negotiate a real crisis, one call at a time.',
  choicesLabel: 'Choices',
  dialogueHeading: 'The call so far',
  dialogueEmpty: 'Nothing has been said yet.',
  settingsHeading: 'Settings',
  mute: 'Mute sound',
  unmute: 'Sound is muted',
  soundOn: 'Sound: on',
  soundOff: 'Sound: off',
  on: 'on',
  off: 'off',
  volume: 'Volume',
  textSpeed: 'Text speed',
  textSpeeds: { slow: 'Slow', normal: 'Normal', fast: 'Fast', instant: 'Instant' },
  reducedMotion: 'Reduced motion',
  exportResults: 'Export results',
  exportResultsAs: 'Export results as {name}',
  skipToPanel: 'Skip to the call panel',
  playerName: 'Your name or group (written into exported results)',
  backToTitle: 'Back to title',
  loadingGame: 'Loading the situation room…',
  playAs: 'Play as {role}',
  continueSaved: 'Continue the saved call ({role})',
  continueSavedEnded: 'See the saved outcome ({role})',
  chooseScenario: 'Open scenario: {title}',
  chooseExample: 'Example for scenario authors: {title}',
  exampleDetail: 'Invented, to show how a scenario file is written. Not part of the lesson.',
  scenarioLabel: 'Scenario',
  pickRole: 'Pick a side to play.',
  period: 'When',
  startCall: 'Start the call',
  briefingHeading: 'Briefing',
  whatYouKnow: 'What you know',
  yourGoals: 'Your goals',
  whatYouDontKnow: 'What you do not know',
  invented: 'Invented',
  inventedForGame: 'Invented for the game',
  inventedDialogue: 'Invented dialogue',
  source: 'Source: {source}',
  /** Said once, on the line where invented dialogue starts (the call's first, or the first after a reported one). */
  inventedFromHere: 'Invented dialogue from here on, except lines marked as reported',
  /** Said on every line drawn from a source. */
  reported: 'Reported. Source: {source}',
  /** Told when the digit of a greyed-out choice is pressed, and in the choices' description. */
  choiceUnavailable: 'Choice {n}, “{label}”, is not available: {reason}',
  optionValues: 'What each option was worth:',
  /** The kind of each move in the path taken; a list of the moveTags phrases. */
  moveKinds: 'Kind of move: {kinds}',
  moveTags: { propose: 'a proposal', concede: 'a concession', ask: 'a question', reassure: 'reassurance', threaten: 'a threat', mediate: 'mediation', refuse: 'a refusal', delay: 'playing for time', 'hang-up': 'hanging up' },
  continue: 'Continue',
  backToCall: 'Back to the call',
  newsFlash: 'News flash',
  meters: 'Meters',
  /** Told to a screen reader when a move changes a meter. */
  meterNews: '{label} {delta}, now {value} of {max}.',
  partLabel: 'Part: {title}',
  yourMove: 'Your move',
  unavailable: 'Not available: {reason}',
  /** The words of the reason the game gives for an unavailable choice whose author wrote none; the scenario's names go in between. */
  conditions: ENGLISH_CONDITION_PHRASES,
  outcomeHeading: 'Outcome',
  whatItMeans: 'What it means',
  yourPath: 'The path you took',
  noChoices: 'You made no choice.',
  concepts: 'Concepts',
  lineNotes: 'Notes on what was said',
  lineNoteOn: 'On what {speaker} said: “{line}”',
  history: 'What actually happened',
  bothSides: 'What each side really wanted',
  zoneHeading: 'The zone of possible agreement',
  chartKey: 'Bar: what the final package was worth to the side. White mark: its walk-away value.',
  moreBelow: 'More below',
  valueOfDeal: 'Worth of the final package: {value}',
  walkaway: 'Walk-away value: {value} (at the start: {start})',
  accepts: 'Would accept it',
  rejects: 'Would not accept it',
  insideZone: 'The final package was inside the zone of possible agreement.',
  outsideZone: 'The final package was outside the zone of possible agreement.',
  zoneUnclosed: 'Both sides would have accepted the package on the table, yet the call ended without a deal. A zone of agreement makes a deal possible, not certain: someone has to put the package forward, and both have to say yes before the talking stops.',
  zoneAtStart: 'At the start, {size} of the {total} possible packages (every mix of options on the terms that can stand together) were acceptable to every side.',
  zoneAtEnd: 'At the end, {size} of the {total} possible packages were acceptable to every side.',
  zoneAtStartPartial: 'At the start, at least {size} of {total} possible packages were acceptable to every side (the count stopped after {considered}).',
  zoneAtEndPartial: 'At the end, at least {size} of {total} possible packages were acceptable to every side (the count stopped after {considered}).',
  terms: 'The package on the table',
  termsOpen: 'Open',
  termsAllOpen: 'every term left open',
  zoneExampleEnd: 'For example, both sides would have accepted this at the end: {package} (worth {values}).',
  zoneLeftOut: 'These counts leave out, as incoherent, every package holding options that no negotiator could propose together (the game’s model).',
  zoneLeftOutList: 'Options that cannot stand together:',
  zoneExampleStart: 'At the start, for example, both sides would have accepted this: {package} (worth {values}).',
  promiseWorth: 'a promise; worth to {side}: {full} × {num}/{den} = {worth}, believed as far as the meter “{meter}” allowed, at {value} on a scale of {min} to {max}',
  metersEnd: 'Meters at the end',
  hiddenMeter: 'hidden during play',
  playAgain: 'Play again',
  playOther: 'Play the other role: {role}',
  noticeSetAside: 'Your saved call could not be resumed ({reason}). It was set aside, and you can start a new game.',
  /** Why a saved call was set aside, said in noticeSetAside. */
  saveProblems: { corrupt: 'the save is damaged', outdated: 'it was saved by another version of the game or of the scenario', 'other-scenario': 'it belongs to another scenario' },
  noticeNoStorage: 'This browser does not keep data: the call will not be saved between visits.',
  noticeResumed: 'Resumed your saved call.',
  noticeUnknownScenario: 'There is no scenario called "{id}". Pick one below.',
  noticeIgnoredParameter: 'The address gives {name}= a value that is not an id (lowercase letters, digits, - and _), so it was left out.',
  noticeUnknownScenarioProblems: 'There is no playable scenario called "{id}". The scenario check found {count} error(s), which keep a file out of the game; the first: {first}',
  noticeUnknownRole: 'This scenario has no role called "{id}".',
  problemTitle: 'No scenario can be played',
  problemIntro: 'The game found no scenario it can play. The scenario checker said:',
  problemNone: 'There is no scenario file in scenarios/.',
  loadFailedTitle: 'The scenarios could not be loaded',
  loadFailedIntro: 'The game could not load its scenario file, so there is nothing to play yet. What went wrong:',
  tryAgain: 'Try again',
  exported: 'Results exported as {file}.',
  turn: 'Turn {n}',
  delta: '{sign}{value}',
  endingReached: 'Ending: {title}',
  endingKinds: { agreement: 'Agreement', mediated: 'Mediated', impasse: 'Impasse', escalation: 'Escalation' },
  speakerYou: 'You',
  youPlay: 'You: {role}',
  langNote: 'The scenario is written in {lang}; the game has no translation of it.',
  langBroken: 'The {lang} translation of this scenario has errors, so the scenario is shown as written, in {written}. The check found {count} error(s); the first: {first}',
  /** Sources cited once in a list, facts referring to them by number; the game's model told apart from the record; a saved call offered where a role link opens. */
  sourcesHeading: 'Sources',
  sourceRef: 'Source [{n}]',
  modelNote: 'The values on this screen (what each package was worth to each side, the walk-away values) and each side’s interests are the game’s model, set by the scenario’s author for teaching. They are not the known positions of the real governments.',
  modelTag: 'The game’s model',
  chartModel: 'The values are the game’s model, set by the scenario’s author, not the real governments’ positions.',
  startAfresh: 'Start a new call (the saved one is replaced)',
  /** The class results page, where a teacher reads the files groups exported. */
  results: {
    title: 'Class results',
    intro: 'Add the files your groups saved with "Export results". They are read in this browser only; nothing is sent anywhere.',
    add: 'Add result files…',
    drop: 'You can also drop files anywhere on this page. A result added twice, even renamed, is counted once.',
    empty: 'No results yet',
    countOne: '1 result',
    countMany: '{n} results',
    leftOutOne: '1 file left out (see below)',
    leftOutMany: '{n} files left out (see below)',
    reading: 'Reading {n} files…',
    endings: 'Endings reached',
    endingsFor: '{scenario}, playing {role}',
    groupNote: '{n} of {total} final packages inside the zone of agreement',
    each: 'Each result',
    leftOut: 'Left out',
    columns: { player: 'Player or group', role: 'Role', ending: 'Ending', kind: 'Kind', inZone: 'Inside the zone', turns: 'Turns', choices: 'Choices', exported: 'Exported (UTC)' },
    zoneNote: '"Inside the zone": both sides would have accepted the final package, whatever the ending; a package holding options the scenario rules out together, as incoherent, never is.',
    yes: 'yes',
    no: 'no',
    noEnding: 'no ending',
    unnamed: '(no name)',
    csv: 'Download as CSV (for a spreadsheet)',
    clear: 'Clear the list',
    back: 'Back to the game',
    link: 'Class results (for teachers)',
    tooMany: 'More than {max} files: only the first {max} were read',
    /** Why a file was left out: {file} its name, {mb} the size limit, {of} the file a repeat repeats. */
    why: ENGLISH_LEFT_OUT,
  },
} as const;

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Strings = Widen<typeof en>;

const es: Strings = {
  locale: 'es',
  appName: 'Backchannel',
  tagline: 'Negocia una crisis real, llamada a llamada.',
  choicesLabel: 'Opciones',
  dialogueHeading: 'La llamada hasta ahora',
  dialogueEmpty: 'Aún no se ha dicho nada.',
  settingsHeading: 'Ajustes',
  mute: 'Silenciar',
  unmute: 'Sonido silenciado',
  soundOn: 'Sonido: sí',
  soundOff: 'Sonido: no',
  on: 'sí',
  off: 'no',
  volume: 'Volumen',
  textSpeed: 'Velocidad del texto',
  textSpeeds: { slow: 'Lenta', normal: 'Normal', fast: 'Rápida', instant: 'Instantánea' },
  reducedMotion: 'Movimiento reducido',
  exportResults: 'Exportar resultados',
  exportResultsAs: 'Exportar resultados como {name}',
  skipToPanel: 'Saltar al panel de la llamada',
  playerName: 'Tu nombre o grupo (se escribe en los resultados exportados)',
  backToTitle: 'Volver al inicio',
  loadingGame: 'Cargando la sala de crisis…',
  playAs: 'Jugar como {role}',
  continueSaved: 'Continuar la llamada guardada ({role})',
  continueSavedEnded: 'Ver el desenlace guardado ({role})',
  chooseScenario: 'Abrir escenario: {title}',
  chooseExample: 'Ejemplo para autores de escenarios: {title}',
  exampleDetail: 'Inventado, para mostrar cómo se escribe un archivo de escenario. No forma parte de la lección.',
  scenarioLabel: 'Escenario',
  pickRole: 'Elige el lado que quieres jugar.',
  period: 'Cuándo',
  startCall: 'Empezar la llamada',
  briefingHeading: 'Informe',
  whatYouKnow: 'Lo que sabes',
  yourGoals: 'Tus objetivos',
  whatYouDontKnow: 'Lo que no sabes',
  invented: 'Inventado',
  inventedForGame: 'Inventado para el juego',
  inventedDialogue: 'Diálogo inventado',
  source: 'Fuente: {source}',
  inventedFromHere: 'Diálogo inventado a partir de aquí, salvo las líneas marcadas como documentadas',
  reported: 'Documentado. Fuente: {source}',
  choiceUnavailable: 'La opción {n}, «{label}», no está disponible: {reason}',
  optionValues: 'Lo que valía cada opción:',
  moveKinds: 'Tipo de jugada: {kinds}',
  moveTags: { propose: 'una propuesta', concede: 'una concesión', ask: 'una pregunta', reassure: 'un gesto tranquilizador', threaten: 'una amenaza', mediate: 'una mediación', refuse: 'una negativa', delay: 'una maniobra para ganar tiempo', 'hang-up': 'colgar el teléfono' },
  continue: 'Continuar',
  backToCall: 'Volver a la llamada',
  newsFlash: 'Última hora',
  meters: 'Indicadores',
  meterNews: '{label} {delta}, ahora {value} de {max}.',
  partLabel: 'Parte: {title}',
  yourMove: 'Tu jugada',
  unavailable: 'No disponible: {reason}',
  conditions: {
    needs: 'Requiere {condition}',
    and: ' y ',
    or: ' o ',
    not: 'no ({condition})',
    meter: '{meter} {bounds}',
    value: 'el valor del acuerdo para {side} {bounds}',
    bounds: { gte: 'de {n} o más', lte: 'de {n} o menos', gt: 'por encima de {n}', lt: 'por debajo de {n}', eq: 'de exactamente {n}', ne: 'que no sea {n}' },
    flag: 'que se cumpla: {flag}',
    notFlag: 'que no se cumpla: {flag}',
    term: '{term}: {options}',
    termSettled: 'un acuerdo sobre {term}',
    termOpen: 'sin decidir',
    acceptable: 'un acuerdo que {side} pueda aceptar',
    visited: 'haber oído «{line}»',
    visitedPart: 'haber llegado a «{part}»',
    visitedAny: 'avanzar más en la llamada',
    chose: 'haber elegido «{choice}»',
    role: 'jugar como {role}',
  },
  outcomeHeading: 'Desenlace',
  whatItMeans: 'Qué significa',
  yourPath: 'El camino que tomaste',
  noChoices: 'No tomaste ninguna decisión.',
  concepts: 'Conceptos',
  lineNotes: 'Notas sobre lo que se dijo',
  lineNoteOn: 'Sobre lo que dijo {speaker}: «{line}»',
  history: 'Lo que pasó en realidad',
  bothSides: 'Lo que cada lado quería de verdad',
  zoneHeading: 'La zona de posible acuerdo',
  chartKey: 'Barra: lo que valía el acuerdo final para cada lado. Marca blanca: su valor de retirada.',
  moreBelow: 'Hay más abajo',
  valueOfDeal: 'Valor del acuerdo final: {value}',
  walkaway: 'Valor de retirada: {value} (al principio: {start})',
  accepts: 'Lo aceptaría',
  rejects: 'No lo aceptaría',
  insideZone: 'El acuerdo final estaba dentro de la zona de posible acuerdo.',
  outsideZone: 'El acuerdo final estaba fuera de la zona de posible acuerdo.',
  zoneUnclosed: 'Ambas partes habrían aceptado el paquete que estaba sobre la mesa y, aun así, la llamada terminó sin acuerdo. Una zona de acuerdo hace posible un acuerdo, pero no lo garantiza: alguien tiene que proponer el paquete y ambas partes tienen que aceptarlo antes de que se deje de hablar.',
  zoneAtStart: 'Al principio, {size} de {total} acuerdos posibles eran aceptables para todos.',
  zoneAtEnd: 'Al final, {size} de {total} acuerdos posibles eran aceptables para todos.',
  zoneAtStartPartial: 'Al principio, al menos {size} de {total} acuerdos posibles eran aceptables para todos (el recuento se detuvo tras {considered}).',
  zoneAtEndPartial: 'Al final, al menos {size} de {total} acuerdos posibles eran aceptables para todos (el recuento se detuvo tras {considered}).',
  terms: 'Lo que había sobre la mesa',
  termsOpen: 'Abierto',
  termsAllOpen: 'todos los puntos abiertos',
  zoneExampleEnd: 'Por ejemplo, ambas partes habrían aceptado esto al final: {package} (valor: {values}).',
  zoneLeftOut: 'Estos recuentos dejan fuera, por incoherente, todo acuerdo con opciones que nadie podría proponer juntas (modelo del juego).',
  zoneLeftOutList: 'Opciones que no pueden ir juntas:',
  zoneExampleStart: 'Al principio, por ejemplo, ambas partes habrían aceptado esto: {package} (valor: {values}).',
  promiseWorth: 'una promesa; valor para la parte «{side}»: {full} × {num}/{den} = {worth}, creída en la medida en que lo permitía el indicador «{meter}», en {value} en una escala de {min} a {max}',
  metersEnd: 'Indicadores al final',
  hiddenMeter: 'oculto durante el juego',
  playAgain: 'Jugar otra vez',
  playOther: 'Jugar el otro papel: {role}',
  noticeSetAside: 'No se pudo reanudar tu llamada guardada ({reason}). Se ha apartado y puedes empezar una partida nueva.',
  saveProblems: { corrupt: 'el guardado está dañado', outdated: 'se guardó con otra versión del juego o del escenario', 'other-scenario': 'pertenece a otro escenario' },
  noticeNoStorage: 'Este navegador no guarda datos: la llamada no se guardará entre visitas.',
  noticeResumed: 'Se reanudó tu llamada guardada.',
  noticeUnknownScenario: 'No hay ningún escenario llamado «{id}». Elige uno.',
  noticeIgnoredParameter: 'La dirección da a {name}= un valor que no es un identificador (minúsculas, cifras, - y _), así que se ha omitido.',
  noticeUnknownScenarioProblems: 'No hay ningún escenario jugable llamado «{id}». La verificación encontró {count} error(es), que dejan un archivo fuera del juego; el primero: {first}',
  noticeUnknownRole: 'Este escenario no tiene ningún papel llamado «{id}».',
  problemTitle: 'No se puede jugar ningún escenario',
  problemIntro: 'El juego no encontró ningún escenario jugable. El verificador dijo:',
  problemNone: 'No hay ningún archivo de escenario en scenarios/.',
  loadFailedTitle: 'No se pudieron cargar los escenarios',
  loadFailedIntro: 'El juego no pudo cargar su archivo de escenarios, así que todavía no hay nada que jugar. Qué falló:',
  tryAgain: 'Reintentar',
  exported: 'Resultados exportados como {file}.',
  turn: 'Turno {n}',
  delta: '{sign}{value}',
  endingReached: 'Final: {title}',
  endingKinds: { agreement: 'Acuerdo', mediated: 'Mediación', impasse: 'Punto muerto', escalation: 'Escalada' },
  speakerYou: 'Tú',
  youPlay: 'Tú: {role}',
  langNote: 'El escenario está escrito en {lang}; el juego no tiene traducción.',
  langBroken: 'La traducción al {lang} de este escenario tiene errores, así que el escenario se muestra tal como está escrito, en {written}. La verificación encontró {count} error(es); el primero: {first}',
  sourcesHeading: 'Fuentes',
  sourceRef: 'Fuente [{n}]',
  modelNote: 'Los valores de esta pantalla (lo que valía cada acuerdo para cada lado, los valores de retirada) y los intereses de cada lado son el modelo del juego, fijado por quien escribió el escenario con fines didácticos. No son las posiciones conocidas de los gobiernos reales.',
  modelTag: 'Modelo del juego',
  chartModel: 'Los valores son el modelo del juego, fijado por quien escribió el escenario, no las posiciones de los gobiernos reales.',
  startAfresh: 'Empezar una llamada nueva (sustituye a la guardada)',
  results: {
    title: 'Resultados de la clase',
    intro: 'Añade los archivos que los grupos guardaron con «Exportar resultados». Se leen solo en este navegador; no se envían a ningún sitio.',
    add: 'Añadir archivos de resultados…',
    drop: 'También puedes soltar los archivos en cualquier parte de esta página. Un resultado añadido dos veces, aunque tenga otro nombre, se cuenta una sola vez.',
    empty: 'Todavía no hay resultados',
    countOne: '1 resultado',
    countMany: '{n} resultados',
    leftOutOne: '1 archivo descartado (ver abajo)',
    leftOutMany: '{n} archivos descartados (ver abajo)',
    reading: 'Leyendo {n} archivos…',
    endings: 'Finales alcanzados',
    endingsFor: '{scenario}, con el papel de {role}',
    groupNote: '{n} de {total} paquetes finales dentro de la zona de acuerdo',
    each: 'Cada resultado',
    leftOut: 'Descartados',
    columns: { player: 'Jugador o grupo', role: 'Papel', ending: 'Final', kind: 'Tipo', inZone: 'Dentro de la zona', turns: 'Turnos', choices: 'Decisiones', exported: 'Exportado (UTC)' },
    zoneNote: '«Dentro de la zona»: ambas partes habrían aceptado el paquete final, fuera cual fuera el final; un paquete con opciones que el escenario descarta juntas, por incoherentes, nunca lo está.',
    yes: 'sí',
    no: 'no',
    noEnding: 'sin final',
    unnamed: '(sin nombre)',
    csv: 'Descargar en CSV (para una hoja de cálculo)',
    clear: 'Vaciar la lista',
    back: 'Volver al juego',
    link: 'Resultados de la clase (para docentes)',
    tooMany: 'Más de {max} archivos: solo se leyeron los primeros {max}',
    why: {
      tooLarge: '{file}: ocupa más de {mb} MB, así que no es un archivo de resultados',
      notJson: '{file}: no es JSON, así que no es un archivo de resultados exportado por Backchannel',
      notResult: '{file}: no es un archivo de resultados exportado por Backchannel («Exportar resultados» en la pantalla del desenlace)',
      incomplete: '{file}: un archivo de resultados al que le falta el escenario, el papel o el análisis del desenlace',
      unreadable: '{file}: no se pudo leer',
      repeat: '{file}: el mismo resultado que {of}, contado una sola vez',
    },
  },
};

const TABLES: Record<string, Strings> = { en, es };

/** The languages the game's own words exist in. */
export const UI_LANGUAGES = Object.keys(TABLES);

/** The game's words in a language, its own or its base language's; null when the game has no words in it. */
export function stringsIn(lang: string): Strings | null {
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0]!;
  // A scenario names its own language: a word such as "constructor" must not reach the object's prototype.
  return Object.hasOwn(TABLES, tag) ? TABLES[tag]! : Object.hasOwn(TABLES, base) ? TABLES[base]! : null;
}

/** The game's words for a language tag: its own table, else its base language's, else English. */
export function stringsFor(lang: string | null | undefined): { lang: string; strings: Strings } {
  const tag = (lang ?? 'en').toLowerCase();
  const base = tag.split('-')[0]!;
  if (TABLES[tag]) return { lang: tag, strings: TABLES[tag]! };
  if (TABLES[base]) return { lang: base, strings: TABLES[base]! };
  return { lang: 'en', strings: en };
}

/**
 * The export button's label. It names the player or group the file will
 * carry, so that on a shared device the next group sees the last one's name
 * before exporting under it. `max` characters of the name at most.
 */
export function exportLabel(t: Pick<Strings, 'exportResults' | 'exportResultsAs'>, player: string, max = 60): string {
  const name = player.trim();
  if (name === '') return t.exportResults;
  const chars = [...name];
  return fill(t.exportResultsAs, { name: chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : name });
}

/** Fills {name} placeholders. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const formats = new Map<string, Intl.NumberFormat>();

/** A number as written in `locale`, at most two decimals: "2,5" in Spanish, "2.5" in English. */
export function num(n: number, locale = 'en'): string {
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f.format(Math.round(n * 100) / 100);
}

/** A number with an explicit sign, e.g. "+1", "−2,5" (true minus sign for legibility), written as `locale` writes numbers. */
export function signed(n: number, locale = 'en'): string {
  const v = Math.round(n * 100) / 100;
  if (v > 0) return `+${num(v, locale)}`;
  if (v < 0) return `\u2212${num(Math.abs(v), locale)}`;
  return '0';
}

