/**
 * The game's flow between screens: title, briefing, call, outcome. It owns
 * the session, the save, the settings and the notices, and publishes one
 * ScreenModel that the canvas and the DOM mirror both draw. It never decides
 * an outcome: the call's moves go to the engine's session, and what comes
 * back is drawn.
 */
import { debriefOf } from '../engine/debrief.js';
import type { CompiledScenario } from '../engine/machine.js';
import { exportData, exportFileName } from '../engine/results.js';
import { NegotiationSession } from '../engine/session.js';
import type { CallView, InjectView } from '../engine/view.js';
import type { Role } from '../scenario/schema.js';
import { pickTranslation } from '../scenario/translate.js';
import type { AudioPort } from './audio-port.js';
import { fill, stringsFor, type Strings } from './i18n.js';
import { checkStoredSave, clearSave, resumeStored, storeSave } from './saves.js';
import {
  briefingScreen,
  callActions,
  callHeader,
  callScreen,
  outcomeScreen,
  quote,
  titleScreen,
  type ActionModel,
  type CallHeader,
  type Notice,
  type Screen,
  type ScreenModel,
} from './screens.js';
import { clamp01, cleanPlayer, loadSettings, motionReduced, storeSettings, type Settings, type TextSpeed } from './settings.js';
import type { SafeStorage } from './storage.js';
import type { UrlOptions } from './url.js';

/**
 * How a press reached the game. From the panel (its buttons, or a key while
 * focus is in it) the line is already there in full, in its log, so Continue
 * moves on at once; a press on the canvas first finishes the line it types.
 */
export interface PressFrom {
  panel?: boolean;
}

/** What draws a line letter by letter; Enter first finishes it. */
export interface Presenter {
  busy(): boolean;
  finish(): void;
}

/** The flagship scenario's id: the title opens on it when it is there. */
export const FLAGSHIP = 'the-call';

export interface ControllerOptions {
  scenarios: CompiledScenario[];
  /** Problems found when the scenarios were checked (shown when none can be played). */
  problems: string[];
  /** Translations that failed the check (in development): a reader who asks for one's language is told why the scenario is not in it. */
  translationProblems?: { scenario: string; language: string; problems: string[] }[];
  /**
   * True when the scenario data could not be fetched at all: `problems`
   * then says why, and the screen says so rather than blame the checker.
   */
  loadFailed?: boolean;
  /** The language each scenario is written in, by id, when it is shown translated: its sources keep their titles as published. */
  writtenIn?: Record<string, string>;
  /** Loads the page again, offered as an action when the scenario data could not be fetched. */
  reload?: () => void;
  storage: SafeStorage;
  audio: AudioPort;
  url: UrlOptions;
  systemReducedMotion: boolean;
  randomSeed: () => number;
  now?: () => Date;
}

type State =
  | { kind: 'problem' }
  | { kind: 'title'; scenarioId: string }
  /** `fromLink`: opened by the page's address (a role link handed out in class), where a saved call of that role is offered first. */
  | { kind: 'briefing'; scenarioId: string; roleId: string; fromLink?: boolean }
  | { kind: 'call'; scenarioId: string; session: NegotiationSession; flash: InjectView[] }
  | { kind: 'outcome'; scenarioId: string; session: NegotiationSession };

export class GameController {
  private readonly opts: ControllerOptions;
  private readonly byId = new Map<string, CompiledScenario>();
  private state: State;
  private settings: Settings;
  private systemReduced: boolean;
  private notices: Notice[] = [];
  private listeners = new Set<(m: ScreenModel) => void>();
  private presenter: Presenter | null = null;
  private version = 0;
  private current!: ScreenModel;
  readonly strings: Strings;
  readonly uiLang: string;
  private readonly saveState = new Map<string, { role: string; ended: boolean }>();
  /** The header last shown in a call with no news up: what a news flash keeps behind it. */
  private headerLeft: { session: NegotiationSession; header: CallHeader } | null = null;

  constructor(opts: ControllerOptions) {
    this.opts = opts;
    for (const c of opts.scenarios) this.byId.set(c.scenario.id, c);
    const { lang, strings } = stringsFor(opts.url.lang);
    this.strings = strings;
    this.uiLang = lang;
    this.settings = loadSettings(opts.storage);
    this.systemReduced = opts.systemReducedMotion;
    opts.audio.setMuted(this.settings.muted);
    opts.audio.setVolume(this.settings.volume);
    if (!opts.storage.persistent) this.notices.push({ id: 'no-storage', text: this.strings.noticeNoStorage, tone: 'info' });
    for (const c of opts.scenarios) this.inspectSave(c);
    this.state = this.initialState();
    if ('scenarioId' in this.state) this.languageNotice(this.state.scenarioId);
    this.rebuild();
  }

  // ---- reading -------------------------------------------------------------

  get model(): ScreenModel {
    return this.current;
  }

  /** The engine's current view of the call, when a call is on screen. */
  get callView(): CallView | null {
    return this.state.kind === 'call' || this.state.kind === 'outcome' ? this.state.session.view : null;
  }

  get session(): NegotiationSession | null {
    return this.state.kind === 'call' || this.state.kind === 'outcome' ? this.state.session : null;
  }

  subscribe(fn: (m: ScreenModel) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setPresenter(p: Presenter | null): void {
    this.presenter = p;
  }

  // ---- actions -------------------------------------------------------------

  /** Presses an action of the current screen by id. Returns false when there is no such enabled action. */
  press(id: string, from: PressFrom = {}): boolean {
    const a = this.current.actions.find((x) => x.id === id);
    if (!a || a.disabled) return false;
    this.run(a, from);
    return true;
  }

  /** Presses the Nth action (1-based), as a digit key does. */
  pressNumber(n: number): boolean {
    const a = this.current.actions[n - 1];
    return a !== undefined && this.press(a.id);
  }

  /** Enter or Space: finishes the line being typed, else presses the screen's continue action. */
  continueOrFinish(from: PressFrom = {}): boolean {
    if (!from.panel && this.presenter?.busy()) {
      this.presenter.finish();
      return true;
    }
    const a = this.current.actions.find((x) => x.kind === 'continue' && !x.disabled);
    if (!a) return false;
    this.run(a, from);
    return true;
  }

  /** Escape: closes the news flash covering the call, as its own button does. */
  close(): boolean {
    return this.press('dismiss-flash');
  }

  goToTitle(): void {
    const scenarioId = 'scenarioId' in this.state ? this.state.scenarioId : this.firstScenarioId();
    if (scenarioId === null) return;
    this.leaveCall();
    if (this.state.kind === 'call' || this.state.kind === 'outcome') this.state.session.stop();
    const c = this.byId.get(scenarioId);
    if (c) this.inspectSave(c);
    this.state = { kind: 'title', scenarioId };
    this.rebuild();
  }

  // ---- settings ------------------------------------------------------------

  setMuted(muted: boolean): void {
    this.settings = { ...this.settings, muted };
    this.opts.audio.setMuted(muted);
    this.saveSettings();
  }

  toggleMute(): void {
    this.setMuted(!this.settings.muted);
  }

  setVolume(v: number): void {
    const volume = clamp01(v);
    this.settings = { ...this.settings, volume };
    this.opts.audio.setVolume(volume);
    if (volume > 0 && this.settings.muted) {
      this.settings = { ...this.settings, muted: false };
      this.opts.audio.setMuted(false);
    }
    this.saveSettings();
  }

  setTextSpeed(s: TextSpeed): void {
    this.settings = { ...this.settings, textSpeed: s };
    this.saveSettings();
  }

  setReducedMotion(on: boolean): void {
    this.settings = { ...this.settings, reducedMotion: on };
    this.saveSettings();
  }

  /** The name or group written into exported results, remembered like the other settings. */
  setPlayer(name: string): void {
    const player = cleanPlayer(name);
    if (player === this.settings.player) return;
    this.settings = { ...this.settings, player };
    this.saveSettings();
  }

  setSystemReducedMotion(on: boolean): void {
    this.systemReduced = on;
    this.rebuild();
  }

  /** The teacher's export of the debrief, once an ending is reached. */
  exportResults(): { fileName: string; json: string } | null {
    if (this.state.kind !== 'outcome') return null;
    const s = this.state.session;
    const now = this.now();
    const compiled = s.compiled;
    const d = debriefOf(compiled, s.snapshot.context);
    const rec = s.record();
    const player = this.settings.player;
    return { fileName: exportFileName(compiled.scenario.id, s.role, now, player), json: JSON.stringify(exportData(compiled, d, rec, now, player, s.view.log), null, 2) };
  }

  // ---- internals -----------------------------------------------------------

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  /** The scenario the title opens on: the flagship when it is there, else the first that is not an example. */
  private firstScenarioId(): string | null {
    if (this.byId.has(FLAGSHIP)) return FLAGSHIP;
    const all = this.opts.scenarios.map((c) => c.scenario.id);
    return all.find((id) => !isExample(id)) ?? all[0] ?? null;
  }

  private saveSettings(): void {
    storeSettings(this.opts.storage, this.settings);
    this.rebuild();
  }

  private notice(n: Notice): void {
    this.notices = [...this.notices.filter((x) => x.id !== n.id), n];
  }

  /**
   * Asked for a language the scenario on screen is not shown in: says that
   * its text stays in its own language, or why its translation is not used.
   */
  private languageNotice(scenarioId: string): void {
    this.notices = this.notices.filter((n) => n.id !== 'language');
    const opts = this.opts;
    const asked = opts.url.lang?.toLowerCase().split('-')[0];
    const shown = this.byId.get(scenarioId)?.scenario;
    const base = (tag: string) => tag.toLowerCase().split('-')[0]!;
    const written = opts.writtenIn?.[scenarioId] ?? shown?.language ?? 'en';
    if (!asked || !shown || asked === base(shown.language ?? 'en')) return;
    const name = languageName(base(written), this.uiLang);
    // A translation into the language asked that the check refused: say so, with its first error, as for a scenario that fails.
    const broken = pickTranslation((opts.translationProblems ?? []).filter((p) => p.scenario === shown.id && p.problems.length > 0), written, opts.url.lang);
    const text = broken
      ? fill(this.strings.langBroken, { lang: languageName(broken.language, this.uiLang), written: name, count: broken.problems.length, first: broken.problems[0]! })
      : fill(this.strings.langNote, { lang: name });
    this.notices.push({ id: 'language', text, tone: broken ? 'warning' : 'info' });
  }

  private inspectSave(c: CompiledScenario): void {
    const r = checkStoredSave(this.opts.storage, c);
    this.saveState.delete(c.scenario.id);
    if (r.kind === 'ok') this.saveState.set(c.scenario.id, { role: r.role, ended: r.ended });
    // The engine's reason is English and technical: the player is told the kind of problem, in the game's language.
    if (r.kind === 'set-aside') this.notice({ id: `set-aside:${c.scenario.id}`, text: fill(this.strings.noticeSetAside, { reason: this.strings.saveProblems[r.problem] }), tone: 'warning' });
  }

  private initialState(): State {
    const first = this.firstScenarioId();
    if (first === null) return { kind: 'problem' };
    const { scenario: asked, role, ignored } = this.opts.url;
    for (const name of ignored) this.notice({ id: `ignored-${name}`, text: fill(this.strings.noticeIgnoredParameter, { name }), tone: 'warning' });
    // A role alone (?role=ve) is a role of the scenario the title opens on.
    const want = asked ?? (role !== null ? first : null);
    if (want !== null) {
      const c = this.byId.get(want);
      if (!c) {
        // While authoring, the scenario asked for is most likely the one that fails the check: say so, with its first error.
        const problems = this.opts.problems;
        const text = problems.length > 0 ? fill(this.strings.noticeUnknownScenarioProblems, { id: want, count: problems.length, first: problems[0]! }) : fill(this.strings.noticeUnknownScenario, { id: want });
        this.notice({ id: 'unknown-scenario', text, tone: 'warning' });
        return { kind: 'title', scenarioId: first };
      }
      let roleId = c.scenario.roles[0]!.id;
      if (role !== null) {
        if (c.scenario.roles.some((r) => r.id === role)) roleId = role;
        else this.notice({ id: 'unknown-role', text: fill(this.strings.noticeUnknownRole, { id: role }), tone: 'warning' });
      }
      return { kind: 'briefing', scenarioId: c.scenario.id, roleId, fromLink: true };
    }
    return { kind: 'title', scenarioId: first };
  }

  private compiled(id: string): CompiledScenario {
    const c = this.byId.get(id);
    if (!c) throw new Error(`unknown scenario ${id}`);
    return c;
  }

  private role(c: CompiledScenario, id: string): Role {
    return c.scenario.roles.find((r) => r.id === id) ?? c.scenario.roles[0]!;
  }

  private callbacksFor(scenarioId: string) {
    return {
      onCue: (cue: string) => this.opts.audio.play(cue),
      onView: (view: CallView) => this.onSessionView(scenarioId, view),
    };
  }

  private onSessionView(scenarioId: string, view: CallView): void {
    const st = this.state;
    if ((st.kind !== 'call' && st.kind !== 'outcome') || st.scenarioId !== scenarioId) return;
    storeSave(this.opts.storage, st.session);
    this.saveState.set(scenarioId, { role: st.session.role, ended: view.phase === 'ended' });
    if (view.phase === 'ended') {
      this.leaveCall();
      this.state = { kind: 'outcome', scenarioId, session: st.session };
    } else if (st.kind === 'call') {
      this.state = { ...st, flash: view.injects };
    }
    this.rebuild();
  }

  private leaveCall(): void {
    if (this.state.kind === 'call') this.opts.audio.stopAmbience();
  }

  private startCall(scenarioId: string, roleId: string): void {
    const c = this.compiled(scenarioId);
    this.leaveCall();
    if (this.state.kind === 'call' || this.state.kind === 'outcome') this.state.session.stop();
    clearSave(this.opts.storage, scenarioId);
    this.clearTransientNotices();
    const seed = this.opts.url.seed ?? this.opts.randomSeed();
    const session = new NegotiationSession(c, { role: roleId, seed }, this.callbacksFor(scenarioId));
    this.state = { kind: 'call', scenarioId, session, flash: [] };
    this.opts.audio.startAmbience();
    // announce() publishes the opening view: onSessionView saves it and redraws.
    session.announce();
  }

  private resume(scenarioId: string): void {
    const c = this.compiled(scenarioId);
    const r = resumeStored(this.opts.storage, c, this.callbacksFor(scenarioId));
    if (!r.ok) {
      this.saveState.delete(scenarioId);
      if (r.problem !== 'missing') this.notice({ id: `set-aside:${scenarioId}`, text: fill(this.strings.noticeSetAside, { reason: this.strings.saveProblems[r.problem] }), tone: 'warning' });
      this.rebuild();
      return;
    }
    this.clearTransientNotices();
    const view = r.session.view;
    if (view.phase === 'ended') {
      this.state = { kind: 'outcome', scenarioId, session: r.session };
    } else {
      // The news that broke with the last move is in the log already: resume on the call itself.
      this.state = { kind: 'call', scenarioId, session: r.session, flash: [] };
      this.opts.audio.startAmbience();
    }
    this.notice({ id: 'resumed', text: this.strings.noticeResumed, tone: 'info' });
    this.rebuild();
  }

  private clearTransientNotices(): void {
    this.notices = this.notices.filter((n) => n.id === 'no-storage');
  }

  private run(a: ActionModel, from: PressFrom = {}): void {
    const st = this.state;
    const [verb, arg] = splitId(a.id);
    switch (st.kind) {
      case 'problem':
        if (verb === 'reload') this.opts.reload?.();
        return;
      case 'title':
        if (verb === 'resume') return this.resume(st.scenarioId);
        if (verb === 'role' && arg) {
          this.clearTransientNotices();
          this.state = { kind: 'briefing', scenarioId: st.scenarioId, roleId: arg };
          return this.rebuild();
        }
        if (verb === 'scenario' && arg && this.byId.has(arg)) {
          this.state = { kind: 'title', scenarioId: arg };
          this.languageNotice(arg);
          return this.rebuild();
        }
        return;
      case 'briefing':
        if (verb === 'start') return this.startCall(st.scenarioId, st.roleId);
        if (verb === 'resume') return this.resume(st.scenarioId);
        return;
      case 'call':
        if (verb === 'dismiss-flash') {
          this.state = { ...st, flash: [] };
          return this.rebuild();
        }
        if (verb === 'continue') {
          if (!from.panel && this.presenter?.busy()) return this.presenter.finish();
          st.session.advance();
          return;
        }
        if (verb === 'choice' && arg) {
          st.session.choose(arg);
          return;
        }
        return;
      case 'outcome':
        if (verb === 'again') return this.startCall(st.scenarioId, st.session.role);
        if (verb === 'other' && arg) {
          st.session.stop();
          clearSave(this.opts.storage, st.scenarioId);
          this.saveState.delete(st.scenarioId);
          this.clearTransientNotices();
          this.state = { kind: 'briefing', scenarioId: st.scenarioId, roleId: arg };
          return this.rebuild();
        }
        return;
      default:
        return;
    }
  }

  private rebuild(): void {
    const t = this.strings;
    const st = this.state;
    let screen: Screen;
    let actions: ActionModel[] = [];
    let contentLang = this.uiLang;
    if (st.kind === 'problem' && this.opts.loadFailed) {
      screen = { kind: 'problem', heading: t.loadFailedTitle, intro: t.loadFailedIntro, problems: this.opts.problems };
      if (this.opts.reload) actions = [{ id: 'reload', label: t.tryAgain, detail: '', disabled: false, reason: '', kind: 'primary' }];
    } else if (st.kind === 'problem') {
      screen = { kind: 'problem', heading: t.problemTitle, intro: t.problemIntro, problems: this.opts.problems.length ? this.opts.problems : [t.problemNone] };
    } else {
      const c = this.compiled(st.scenarioId);
      contentLang = c.scenario.language ?? 'en';
      if (st.kind === 'title') {
        screen = titleScreen(c.scenario, t);
        const saved = this.saveState.get(c.scenario.id);
        if (saved) {
          const roleName = this.role(c, saved.role).name;
          // Enter continues the saved call, as it continues everywhere else.
          actions.push({ id: 'resume', ...named(saved.ended ? t.continueSavedEnded : t.continueSaved, { role: roleName }, contentLang), detail: '', disabled: false, reason: '', kind: 'continue' });
        }
        for (const r of c.scenario.roles) actions.push({ id: `role:${r.id}`, ...named(t.playAs, { role: r.name }, contentLang), detail: r.summary, disabled: false, reason: '', kind: 'pick' });
        // The examples that come with the game for scenario authors come last, and say what they are, so a class does not take one for part of the lesson.
        // Each scenario is shown in its own language, which need not be this one's.
        const others = this.opts.scenarios.filter((o) => o.scenario.id !== c.scenario.id);
        for (const other of [...others.filter((o) => !isExample(o.scenario.id)), ...others.filter((o) => isExample(o.scenario.id))]) {
          const example = isExample(other.scenario.id);
          actions.push({
            id: `scenario:${other.scenario.id}`,
            ...named(example ? t.chooseExample : t.chooseScenario, { title: other.scenario.title }, other.scenario.language ?? 'en'),
            detail: example ? t.exampleDetail : firstSentence(other.scenario.summary),
            ...(example ? { detailLang: this.uiLang } : {}),
            disabled: false,
            reason: '',
            kind: 'pick',
          });
        }
      } else if (st.kind === 'briefing') {
        const role = this.role(c, st.roleId);
        screen = briefingScreen(c.scenario, role, t);
        // A tablet that wakes up reloads the role link it was given: its saved call comes first, and Enter continues it.
        const saved = st.fromLink ? this.saveState.get(c.scenario.id) : undefined;
        if (saved && saved.role === role.id)
          actions = [
            { id: 'resume', ...named(saved.ended ? t.continueSavedEnded : t.continueSaved, { role: role.name }, contentLang), detail: '', disabled: false, reason: '', kind: 'continue' },
            { id: 'start', label: t.startAfresh, detail: '', disabled: false, reason: '', kind: 'primary' },
          ];
        else actions = [{ id: 'start', label: t.startCall, detail: '', disabled: false, reason: '', kind: 'continue' }];
      } else if (st.kind === 'call') {
        const view = st.session.view;
        // Known only for this call: news that breaks as a call opens has no header left behind it but the call's own.
        const left = this.headerLeft?.session === st.session ? this.headerLeft.header : null;
        screen = callScreen(c.scenario, this.role(c, st.session.role), view, st.flash, t, left);
        if (st.flash.length === 0) this.headerLeft = { session: st.session, header: callHeader(view) };
        actions = callActions(view, st.flash, t, contentLang);
      } else {
        const d = debriefOf(c, st.session.snapshot.context);
        const role = this.role(c, st.session.role);
        screen = outcomeScreen(c, role, d, st.session.view.log, t) ?? titleScreen(c.scenario, t);
        actions = [{ id: 'again', label: t.playAgain, detail: '', disabled: false, reason: '', kind: 'primary' }];
        for (const r of c.scenario.roles)
          if (r.id !== role.id) actions.push({ id: `other:${r.id}`, ...named(t.playOther, { role: r.name }, contentLang), detail: '', disabled: false, reason: '', kind: 'primary' });
      }
    }
    this.version += 1;
    this.current = {
      version: this.version,
      screen,
      actions,
      notices: [...this.notices],
      settings: { ...this.settings },
      reducedMotion: motionReduced(this.settings, this.systemReduced),
      uiLang: this.uiLang,
      contentLang,
      sourceLang: ('scenarioId' in st ? this.opts.writtenIn?.[st.scenarioId] : undefined) ?? contentLang,
      strings: t,
      canExport: st.kind === 'outcome',
      canGoToTitle: st.kind !== 'title' && st.kind !== 'problem',
    };
    for (const fn of [...this.listeners]) fn(this.current);
  }
}

/**
 * True for an example that comes with the game to show scenario authors how
 * a file is written (scenarios/example-minimal.yaml): its id begins with
 * "example-". A copy given an id of its own is a scenario like any other.
 */
export const isExample = (id: string): boolean => id.startsWith('example-');

/** An action's label of the game's words around the scenario's names, with the language of those names. */
function named(template: string, names: Record<string, string>, lang: string): Pick<ActionModel, 'label' | 'quoted' | 'lang'> {
  const q = quote(template, names);
  return { label: q.text, quoted: q.quoted, lang };
}

/** The first sentence of a text, for a short description. */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return m ? m[1]! : text.trim();
}

/** A language's name in the UI language, e.g. 'en' -> 'English'. */
function languageName(code: string, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function splitId(id: string): [string, string | undefined] {
  const i = id.indexOf(':');
  return i < 0 ? [id, undefined] : [id.slice(0, i), id.slice(i + 1)];
}
