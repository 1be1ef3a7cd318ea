/**
 * The accessible DOM mirror beside the canvas: what the canvas shows, as
 * real text and real buttons. It draws the same ScreenModel as the Phaser
 * scenes. Per INTERFACE.md:
 *  - the dialogue so far in an element with role="log" and aria-live="polite";
 *  - the actions that move the game forward as <button>s, in screen order,
 *    inside one element with role="group", a localised aria-label and the
 *    attribute data-choices; an unavailable offer is a disabled button whose
 *    accessible description (aria-describedby) says why;
 *  - settings, mute, volume and export outside that group;
 *  - once an ending is reached, an element with data-ending="<id>" holding
 *    the ending's title.
 * A screen reader hears the game through the log and through focus: a new
 * screen puts focus on its heading, a move on the first action it leaves
 * open, and a setting the player is in keeps focus.
 */
import type { CallView, InjectView, LogView } from '../engine/view.js';
import { builder } from './dom.js';
import type { PressFrom } from './controller.js';
import type { Child } from './dom.js';
import { exportLabel, fill, num, signed, type Strings } from './i18n.js';
import { meterShare } from './layout.js';
import type { ActionModel, Quoted, ScreenModel, SectionModel } from './screens.js';
import { PLAYER_MAX, TEXT_SPEEDS, type TextSpeed } from './settings.js';

/** What the mirror's controls call. */
export interface MirrorHost {
  press(id: string, from: PressFrom): void;
  toggleMute(): void;
  setVolume(v: number): void;
  setTextSpeed(s: TextSpeed): void;
  setReducedMotion(on: boolean): void;
  setPlayer(name: string): void;
  exportResults(): void;
  goToTitle(): void;
}

const safeId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');

/**
 * The parts that are something to append, with neighbouring texts joined:
 * Chromium tells each text node of a description apart with a space, which
 * would read "Choice 3 , “ Offer… ”".
 */
const nodes = (parts: Child[]): (Node | string)[] => {
  const out: (Node | string)[] = [];
  for (const x of parts) {
    if (x === null || x === undefined || x === false || x === '') continue;
    const last = out.length - 1;
    if (typeof x === 'string' && typeof out[last] === 'string') out[last] += x;
    else out.push(x);
  }
  return out;
};

/** True when a text already ends as a sentence does, so what follows it is not read as part of it. */
const endsSentence = (s: string) => /[.!?…:;]["'”’»)\]]*$/.test(s.trim());

/**
 * The `lang` attribute a text in `lang` needs inside an element whose
 * language is `within`: none when they are the same, so that a page in one
 * language carries no marks at all.
 */
export const langIn = (lang: string | undefined, within: string): string | null => (lang === undefined || lang.toLowerCase() === within.toLowerCase() ? null : lang);

/** A text as a sentence: with a full stop when it has no closing punctuation of its own. */
export const sentence = (s: string) => (endsSentence(s) ? s.trim() : `${s.trim()}.`);

/**
 * The log as a screen reader should be told it: while news breaks into the
 * call, up to the news. What was said after it is added once the player is
 * back in the call, so the news is heard alone, and going back is heard.
 */
export function logUntilNews(log: LogView[], flash: readonly InjectView[]): LogView[] {
  if (flash.length === 0) return log;
  const news = new Set(flash.map((f) => f.id));
  const last = log.findLastIndex((e) => e.kind === 'inject' && news.has(e.id));
  return last < 0 ? log : log.slice(0, last + 1);
}

/**
 * Where a line of the log comes from, said so that every line's status is
 * exact while a listener hears the same words seldom: a reported line says
 * so each time; invented dialogue is said once, on the line where it starts
 * (every line is one or the other, which the scenario check enforces).
 */
export function provenanceAt(log: readonly LogView[], i: number): 'reported' | 'invented-from-here' | null {
  const e = log[i];
  if (e?.kind !== 'line') return null;
  if (e.source) return 'reported';
  if (!e.invented) return null;
  for (let j = i - 1; j >= 0; j--) {
    const p = log[j]!;
    if (p.kind === 'line') return p.source || !p.invented ? 'invented-from-here' : null;
  }
  return 'invented-from-here';
}

export class Mirror {
  private readonly doc: Document;
  private readonly el: ReturnType<typeof builder>;
  private readonly host: MirrorHost;
  readonly root: HTMLElement;
  private readonly title: HTMLElement;
  private readonly eyebrow: HTMLElement;
  private readonly sub: HTMLElement;
  private readonly notices: HTMLElement;
  private readonly screen: HTMLElement;
  readonly group: HTMLElement;
  log: HTMLOListElement;
  private readonly logEmpty: HTMLElement;
  private readonly logHeading: HTMLElement;
  private readonly controls: HTMLElement;
  private readonly muteBtn: HTMLButtonElement;
  private readonly volume: HTMLInputElement;
  private readonly volumeLabel: HTMLElement;
  private readonly speed: HTMLSelectElement;
  private readonly speedLabel: HTMLElement;
  private readonly motion: HTMLInputElement;
  private readonly motionLabel: HTMLElement;
  private readonly exportBtn: HTMLButtonElement;
  private readonly resultsLink: HTMLAnchorElement;
  private readonly player: HTMLInputElement;
  private readonly playerLabel: HTMLElement;
  private readonly titleBtn: HTMLButtonElement;
  /** Each meter's value as last shown outside a news flash: behind the news, the call stays as the player left it. */
  private readonly meterShown = new Map<string, number>();
  private readonly controlsHeading: HTMLElement;
  /** Tells a screen reader how a move changed the meters, which the canvas shows with +1 and −1 chips. */
  private readonly meterNews: HTMLElement;
  /** Says why a greyed-out choice whose digit was pressed cannot be taken: a status, not dialogue, so never in the log. */
  private readonly status: HTMLElement;
  /** The greyed-out choices and why, as the group's description: heard on tabbing into the group, where Tab passes them by. */
  private readonly groupNote: HTMLElement;
  /** What each greyed-out choice's digit says, with the languages of its parts marked. */
  private readonly unavailableWords = new Map<HTMLButtonElement, () => Child[]>();
  /** The meters' values last drawn in this call; null outside a call. */
  private meterSeen: Map<string, number> | null = null;
  private logKeys: string[] = [];
  private lastScreenKey = '';
  /** Which screen is up: when it changes, focus in the game's flow goes to its heading. */
  private lastScreenId = '';
  private lastActionsKey = '';
  /** The kind of screen the log was last drawn for. */
  private logScreen = '';

  constructor(root: HTMLElement, host: MirrorHost) {
    this.doc = root.ownerDocument;
    this.el = builder(this.doc);
    this.host = host;
    this.root = root;
    const el = this.el;
    root.replaceChildren();
    this.eyebrow = el('p', { class: 'm-eyebrow', text: 'Backchannel' });
    // Focusable by script only: a new screen puts focus here, so a screen reader starts reading it from its heading.
    this.title = el('h1', { class: 'm-title', id: 'm-title', tabindex: '-1' });
    this.sub = el('p', { class: 'm-sub' });
    this.notices = el('div', { class: 'm-notices', role: 'status', 'aria-live': 'polite' });
    this.screen = el('section', { class: 'm-screen', 'aria-labelledby': 'm-title' });
    this.group = el('div', { class: 'm-choices', role: 'group', 'data-choices': '', tabindex: '-1' });
    this.logHeading = el('h2', { class: 'm-h2', id: 'm-log-heading' });
    this.log = el('ol', { class: 'm-log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'm-log-heading' });
    this.logEmpty = el('p', { class: 'm-log-empty' });
    this.controlsHeading = el('h2', { class: 'm-h2', id: 'm-controls-heading' });
    this.meterNews = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-meter-news': '' });
    this.status = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-mirror-status': '' });
    this.groupNote = el('p', { id: 'm-choices-note', hidden: true, 'data-choices-note': '' });
    this.muteBtn = el('button', { type: 'button', class: 'ctl ctl-mute', 'aria-pressed': 'false', 'data-control': 'mute' });
    this.volume = el('input', { type: 'range', min: 0, max: 100, step: 5, id: 'm-volume', class: 'ctl-range', 'data-control': 'volume' });
    this.volumeLabel = el('label', { for: 'm-volume' });
    this.speed = el('select', { id: 'm-speed', class: 'ctl-select', 'data-control': 'text-speed' });
    this.speedLabel = el('label', { for: 'm-speed' });
    this.motion = el('input', { type: 'checkbox', id: 'm-motion', 'data-control': 'reduced-motion' });
    this.motionLabel = el('label', { for: 'm-motion' });
    this.exportBtn = el('button', { type: 'button', class: 'ctl', 'data-control': 'export' });
    this.player = el('input', { type: 'text', id: 'm-player', class: 'ctl-text', 'data-control': 'player', maxlength: PLAYER_MAX, autocomplete: 'off', spellcheck: 'false' });
    this.playerLabel = el('label', { for: 'm-player' });
    this.titleBtn = el('button', { type: 'button', class: 'ctl', 'data-control': 'title' });
    // A page of its own, so a teacher can open it beside the game; the call is saved after every choice, so leaving loses nothing.
    this.resultsLink = el('a', { href: 'results.html', class: 'm-link', 'data-control': 'class-results' });
    for (const s of TEXT_SPEEDS) this.speed.append(el('option', { value: s }));
    this.controls = el(
      'section',
      { class: 'm-controls', 'aria-labelledby': 'm-controls-heading' },
      this.controlsHeading,
      el('div', { class: 'ctl-row' }, this.muteBtn, this.titleBtn, this.exportBtn),
      el('div', { class: 'ctl-row ctl-field' }, this.volumeLabel, this.volume),
      el('div', { class: 'ctl-row ctl-field' }, this.speedLabel, this.speed),
      el('div', { class: 'ctl-row ctl-check' }, this.motion, this.motionLabel),
      el('div', { class: 'ctl-row ctl-field' }, this.playerLabel, this.player),
      el('p', { class: 'ctl-row' }, this.resultsLink),
    );
    root.append(
      el('header', { class: 'm-head' }, this.eyebrow, this.title, this.sub),
      this.notices,
      this.screen,
      this.group,
      this.groupNote,
      el('section', { class: 'm-log-section', 'aria-labelledby': 'm-log-heading' }, this.logHeading, this.logEmpty, this.log),
      this.meterNews,
      this.status,
      this.controls,
    );
    this.muteBtn.addEventListener('click', () => this.host.toggleMute());
    this.volume.addEventListener('input', () => this.host.setVolume(Number(this.volume.value) / 100));
    this.speed.addEventListener('change', () => this.host.setTextSpeed(this.speed.value as TextSpeed));
    this.motion.addEventListener('change', () => this.host.setReducedMotion(this.motion.checked));
    this.player.addEventListener('change', () => this.host.setPlayer(this.player.value));
    this.exportBtn.addEventListener('click', () => this.host.exportResults());
    this.titleBtn.addEventListener('click', () => this.host.goToTitle());
    this.group.addEventListener('click', (ev) => {
      const b = (ev.target as Element | null)?.closest?.('button[data-action]');
      if (b instanceof HTMLButtonElement && !b.disabled) this.host.press(b.dataset['action']!, { panel: true });
    });
  }

  /** The buttons of the choices group, in order. */
  buttons(): HTMLButtonElement[] {
    return [...this.group.querySelectorAll('button')];
  }

  /** A digit key: presses the Nth button, or says why it is greyed out. False when there is no Nth button. */
  pressNumber(n: number, from: PressFrom): boolean {
    const b = this.buttons()[n - 1];
    if (!b) return false;
    if (b.disabled) this.say(this.unavailableWords.get(b)?.() ?? [], b.dataset['unavailable'] ?? '');
    else this.host.press(b.dataset['action']!, from);
    return true;
  }

  /** Says `text`, built of `parts` that carry their languages. */
  private say(parts: Child[], text: string): void {
    // The same words again are still a change to the status, so a second press is told too.
    const again = this.status.textContent === text;
    this.status.replaceChildren(...nodes([...(parts.length > 0 ? parts : [text]), again ? '\u00a0' : null]));
  }

  /** A template of the game's words with its placeholders filled by `parts`: text, or elements marked with their own language. */
  private fillParts(template: string, parts: Record<string, Child>): Child[] {
    const out: Child[] = [];
    let last = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      if (!Object.hasOwn(parts, match[1]!)) continue;
      out.push(template.slice(last, match.index), parts[match[1]!]);
      last = match.index + match[0].length;
    }
    out.push(template.slice(last));
    return nodes(out);
  }

  /** A text in `lang` among the game's words: marked with its language where it is not the game's. */
  private inLang(text: string, lang: string | undefined, m: ScreenModel): Child {
    const l = langIn(lang, m.uiLang);
    return l ? this.el('span', { lang: l, text }) : text;
  }

  /**
   * Why a choice is greyed out: the author's words, or the game's in
   * `reasonLang`. The game's words quote the scenario's names, which stay in
   * the scenario's language when the game has no words in it: each is then
   * marked with its own.
   */
  private reasonOf(a: ActionModel, m: ScreenModel): Child {
    const q = a.reasonQuoted;
    const around = a.reasonLang ?? m.uiLang;
    if (!q || !langIn(a.lang, around)) return this.inLang(a.reason, a.reasonLang, m);
    return this.el('span', { lang: langIn(a.reasonLang, m.uiLang) }, ...this.quoted(q, a.lang, m, around));
  }

  /** Words in the language `within` (the game's, unless given) around the scenario's names, each name marked with `lang` where that differs. */
  private quoted(q: Quoted | string, lang: string | undefined, m: ScreenModel, within = m.uiLang): Child[] {
    if (typeof q === 'string') return [q];
    const l = langIn(lang, within);
    if (!l) return [fill(q.template, q.names)];
    return this.fillParts(q.template, Object.fromEntries(Object.entries(q.names).map(([k, v]) => [k, this.el('span', { lang: l, text: v })])));
  }

  render(m: ScreenModel): void {
    const t = m.strings;
    const s = m.screen;
    const active = this.doc.activeElement;
    const focusWasHere = this.root.contains(active);
    // On the game's flow (its actions, the screen's heading, the panel itself), not on a setting, which keeps focus whatever happens.
    const onActions = focusWasHere && this.group.contains(active);
    const onFlow = onActions || active === this.title || active === this.root;
    this.root.setAttribute('lang', m.uiLang);
    this.root.setAttribute('aria-label', t.appName);
    this.group.setAttribute('aria-label', t.choicesLabel);
    this.logHeading.textContent = t.dialogueHeading;
    this.controlsHeading.textContent = t.settingsHeading;
    this.renderControls(m);
    this.renderNotices(m);

    // The heading and the line under it hold the scenario's names among the game's words.
    this.title.replaceChildren(...nodes(this.quoted('headingQuoted' in s ? s.headingQuoted : s.heading, m.contentLang, m)));
    this.eyebrow.hidden = s.kind === 'title' || s.kind === 'problem';
    this.sub.replaceChildren(...nodes(s.kind === 'title' ? [s.tagline] : s.kind === 'problem' ? [] : this.quoted(s.subQuoted, m.contentLang, m)));
    this.sub.hidden = this.sub.textContent === '';
    const screenKey = this.screenKey(m);
    if (screenKey !== this.lastScreenKey) {
      this.lastScreenKey = screenKey;
      this.renderScreen(m);
    }
    const actionsKey = JSON.stringify([m.uiLang, m.actions]);
    const actionsChanged = actionsKey !== this.lastActionsKey;
    if (actionsChanged) {
      this.lastActionsKey = actionsKey;
      this.renderActions(m.actions, m);
    }
    this.renderLog(s.kind === 'call' ? logUntilNews(s.view.log, s.flash) : s.kind === 'outcome' ? s.log : [], t, m, s.kind);
    this.renderMeterNews(m);
    const screenId = this.screenId(m);
    const newScreen = screenId !== this.lastScreenId;
    this.lastScreenId = screenId;
    // A control that hid itself (Back to title) or an action that went leaves focus on the page's body.
    const lost = focusWasHere && !this.root.contains(this.doc.activeElement);
    if (newScreen && (onFlow || lost)) this.focusInPanel(this.title);
    else if ((actionsChanged && onActions) || lost) this.focusInPanel(this.buttons().find((b) => !b.disabled) ?? (this.group.hidden ? this.title : this.group));
  }

  /** Focuses an element of the panel and brings it into view there, without moving the page more than needed. */
  private focusInPanel(target: HTMLElement): void {
    target.focus({ preventScroll: true });
    // The actions can sit far down a long debrief; a focus ring out of sight helps no one.
    target.scrollIntoView?.({ block: 'nearest' });
  }

  /** Which screen is up, as a player would tell screens apart: a move within the call is not a new one. */
  private screenId(m: ScreenModel): string {
    const s = m.screen;
    switch (s.kind) {
      case 'title':
        return `title:${s.scenario?.id ?? ''}`;
      case 'call':
        return 'call';
      case 'outcome':
        return `outcome:${s.ending.id}`;
      default:
        return `${s.kind}:${s.heading}`;
    }
  }

  private screenKey(m: ScreenModel): string {
    const s = m.screen;
    if (s.kind === 'call') return JSON.stringify([m.uiLang, 'call', s.view.line?.id, s.view.turn, s.view.log.length, s.flash.map((f) => f.id), s.view.meters.map((x) => [x.value, x.delta])]);
    return JSON.stringify([m.uiLang, s]);
  }

  private renderControls(m: ScreenModel): void {
    const t = m.strings;
    this.muteBtn.setAttribute('aria-pressed', String(m.settings.muted));
    this.muteBtn.textContent = t.mute;
    this.muteBtn.title = m.settings.muted || m.settings.volume === 0 ? t.soundOff : t.soundOn;
    this.volumeLabel.textContent = t.volume;
    const vol = String(Math.round(m.settings.volume * 100));
    if (this.volume.value !== vol) this.volume.value = vol;
    this.volume.setAttribute('aria-valuetext', `${vol}%`);
    this.speedLabel.textContent = t.textSpeed;
    for (const o of [...this.speed.options]) o.textContent = t.textSpeeds[o.value as TextSpeed];
    if (this.speed.value !== m.settings.textSpeed) this.speed.value = m.settings.textSpeed;
    this.motionLabel.textContent = t.reducedMotion;
    this.motion.checked = m.reducedMotion;
    this.exportBtn.textContent = exportLabel(t, m.settings.player);
    this.playerLabel.textContent = t.playerName;
    // Never overwrite what the player is typing.
    if (this.doc.activeElement !== this.player && this.player.value !== m.settings.player) this.player.value = m.settings.player;
    this.exportBtn.hidden = !m.canExport;
    this.titleBtn.textContent = t.backToTitle;
    this.titleBtn.hidden = !m.canGoToTitle;
    this.resultsLink.textContent = t.results.link;
    this.resultsLink.href = m.uiLang === 'en' ? 'results.html' : `results.html?lang=${encodeURIComponent(m.uiLang)}`;
  }

  private renderNotices(m: ScreenModel): void {
    const key = JSON.stringify(m.notices);
    if (this.notices.dataset['key'] === key) return;
    this.notices.dataset['key'] = key;
    this.notices.replaceChildren(
      ...m.notices.map((n) => this.el('p', { class: `notice notice-${n.tone}`, 'data-notice': n.id, text: n.text })),
    );
    this.notices.hidden = m.notices.length === 0;
  }

  /**
   * A briefing's sections sit under the page's heading (level 2); a
   * debrief's under the ending's title (level 3). Their headings and markers
   * are the game's words; their items the scenario's, unless an item says
   * it is the game's words around the scenario's names.
   */
  private sections(sections: SectionModel[], level: 'h2' | 'h3', m: ScreenModel): HTMLElement[] {
    const el = this.el;
    const content = langIn(m.contentLang, m.uiLang);
    return sections.map((sec) =>
      el(
        'section',
        { class: `m-sec m-sec-${sec.id}`, 'data-section': sec.id },
        el(level, { class: 'm-sec-h', text: sec.heading }),
        el(
          sec.ordered ? 'ol' : 'ul',
          { class: 'm-notes' },
          ...sec.items.map((it) =>
            el(
              'li',
              { class: it.tone ? `tone-${it.tone}` : null },
              // The marker shows on a line of its own; read aloud, it needs the stop that the line break gives the eye.
              it.cite
                ? el('span', { class: 'note-text' }, `${it.cite.number} `, this.el('span', { class: 'm-cite', lang: langIn(m.sourceLang, m.uiLang), text: it.cite.title }), it.marker ? this.stop(it.text) : null)
                : el('span', { class: 'note-text', lang: it.quoted ? null : content }, ...(it.quoted ? this.quoted(it.quoted, m.contentLang, m) : [it.text]), it.marker || it.list ? this.stop(it.text) : null),
              ...(it.list
                ? [el('span', { class: 'marker', text: ` ${it.list.label}` }), el('ul', { class: 'm-note-list marker' }, ...it.list.items.map((x) => el('li', { lang: content }, x, this.stop(x))))]
                : it.marker
                  ? // A source's note is the author's text, in the scenario's language, not the game's words.
                    [
                      el(
                        'span',
                        { class: it.invented ? 'marker marker-invented' : 'marker', lang: it.cite ? content : null },
                        ...nodes([' ', ...(it.markerQuoted ? this.quoted(it.markerQuoted, m.contentLang, m) : [it.marker])]),
                        this.stop(it.marker),
                      ),
                    ]
                  : []),
            ),
          ),
        ),
      ),
    );
  }

  /** A full stop for the ear alone, after a text that has none of its own. */
  private stop(text: string): HTMLElement | null {
    return endsSentence(text) ? null : this.el('span', { class: 'visually-hidden', text: '.' });
  }

  /**
   * A template of the game's words around a source's title (as published,
   * in the language the scenario is written in), the title marked with its
   * language so a screen reader reads it with the right voice.
   */
  private cite(template: string, title: string, m: ScreenModel): Child[] {
    const at = template.indexOf('{source}');
    if (at < 0) return [template];
    return [template.slice(0, at), this.el('span', { class: 'm-cite', lang: langIn(m.sourceLang, m.uiLang), text: title }), template.slice(at + '{source}'.length)];
  }

  private renderScreen(m: ScreenModel): void {
    const el = this.el;
    const s = m.screen;
    const t = m.strings;
    // Everything here sits in the game's language: the scenario's words are marked where they are in another.
    const lang = langIn(m.contentLang, m.uiLang);
    this.screen.dataset['screen'] = s.kind;
    if (s.kind !== 'call') this.meterShown.clear();
    switch (s.kind) {
      case 'problem':
        // The checker and the loader speak English, whatever the game's language.
        this.screen.replaceChildren(el('p', { text: s.intro }), el('pre', { class: 'm-problems', text: s.problems.join('\n'), lang: langIn('en', m.uiLang) }));
        return;
      case 'title':
        this.screen.replaceChildren(
          ...(s.scenario
            ? [
                el('h2', { class: 'm-h2', text: s.scenario.title, lang }),
                el('p', { text: s.scenario.summary, lang }),
                el('p', { class: 'm-meta' }, `${t.period}: `, el('span', { lang, text: s.scenario.period })),
              ]
            : []),
          el('p', { class: 'm-prompt', text: s.prompt }),
        );
        return;
      case 'briefing':
        this.screen.replaceChildren(el('p', { class: 'm-lead', text: s.summary, lang }), ...this.sections(s.sections, 'h2', m));
        return;
      case 'call':
        this.screen.replaceChildren(...this.callContent(s.view, s.flash, m, lang));
        return;
      case 'outcome':
        this.screen.replaceChildren(
          // Outside the data-ending element, which holds the ending's title alone.
          el('p', { class: 'm-ending-kind', text: s.kindLabel }),
          el(
            'div',
            { class: `m-ending kind-${s.ending.kind}`, 'data-ending': s.ending.id },
            el('h2', { class: 'm-ending-title', text: s.ending.title, lang }),
          ),
          el('p', { class: 'm-lead', text: s.ending.summary, lang }),
          ...this.sections(s.sections, 'h3', m),
        );
        return;
    }
  }

  private callContent(view: CallView, flash: InjectView[], m: ScreenModel, lang: string | null): HTMLElement[] {
    const el = this.el;
    const t = m.strings;
    const out: HTMLElement[] = [];
    for (const f of flash)
      out.push(
        el(
          'div',
          // Not an alert: the log announces the same news once, politely, with its source.
          { class: 'm-flash', 'data-inject': f.id },
          el('p', { class: 'm-flash-kicker', text: t.newsFlash }),
          el('h2', { class: 'm-flash-h', text: f.headline, lang }),
          el('p', { text: f.text, lang }),
          el('p', { class: f.invented ? 'marker marker-invented' : 'marker' }, ...(f.source ? this.cite(t.source, f.source.title, m) : [f.invented ? t.invented : ''])),
          f.timeline ? el('p', { class: 'marker marker-timeline', text: f.timeline, lang }) : null,
        ),
      );
    // While the news is up, the line said after it is held back here too, as in the log.
    const l = flash.length > 0 ? null : view.line;
    if (l)
      out.push(
        el(
          'figure',
          { class: 'm-line', 'data-line': l.id },
          el('figcaption', { class: 'm-speaker', lang }, el('strong', { text: l.speaker?.name ?? '' }), l.speaker?.title ? el('span', { class: 'm-speaker-title', text: ` · ${l.speaker.title}` }) : null),
          el('blockquote', { class: 'm-line-text', text: l.text, lang }),
          l.source || l.invented ? el('p', { class: l.invented ? 'marker marker-invented' : 'marker' }, ...(l.source ? this.cite(t.source, l.source.title, m) : [t.inventedDialogue])) : null,
        ),
      );
    // The meters too: their values as the player left them, and no change, until the news is dismissed.
    const hold = flash.length > 0;
    const meters = view.meters.map((x) => (hold ? { ...x, value: this.meterShown.get(x.id) ?? x.value, delta: 0 } : x));
    if (!hold) for (const x of view.meters) this.meterShown.set(x.id, x.value);
    if (meters.length > 0)
      out.push(
        el(
          'ul',
          { class: 'm-meters', 'aria-label': t.meters },
          ...meters.map((mt) =>
            el(
              'li',
              { 'data-meter': mt.id },
              // The description as a tooltip on the label, not on the item, whose name is then its label and value.
              el('span', { class: 'm-meter-label', text: mt.label, title: mt.description ?? null, lang }),
              el('span', { class: 'm-bar', 'aria-hidden': 'true' }, el('span', { class: 'm-bar-fill', style: `width:${Math.round(meterShare(mt.value, mt.min, mt.max) * 100)}%` })),
              el('span', { class: 'm-meter-value', text: `${num(mt.value, t.locale)} / ${num(mt.max, t.locale)}` }),
              el('span', { class: mt.delta > 0 ? 'delta up' : mt.delta < 0 ? 'delta down' : 'delta', text: mt.delta !== 0 ? signed(mt.delta, t.locale) : '' }),
            ),
          ),
        ),
      );
    if (view.phase === 'choosing') out.push(el('p', { class: 'm-prompt', text: t.yourMove }));
    return out;
  }

  private renderActions(actions: ActionModel[], m: ScreenModel): void {
    const el = this.el;
    const children: HTMLElement[] = [];
    const notes: string[] = [];
    this.unavailableWords.clear();
    actions.forEach((a, i) => {
      const reasonId = `m-reason-${safeId(a.id)}`;
      const describedBy = a.disabled && a.reason ? reasonId : a.detail ? `m-detail-${safeId(a.id)}` : null;
      const label = a.label.trim().replace(/\.$/, '');
      const said = fill(m.strings.choiceUnavailable, { n: i + 1, label, reason: a.reason || '…' });
      const why = a.disabled ? sentence(said) : null;
      // The same words with the choice's and the reason's languages marked, built afresh wherever they are said.
      const whyWords = () =>
        nodes([
          ...this.fillParts(m.strings.choiceUnavailable, { n: String(i + 1), label: this.inLang(label, a.kind === 'choice' ? a.lang : undefined, m), reason: a.reason ? this.reasonOf(a, m) : '…' }),
          endsSentence(said) ? null : '.',
        ]);
      const textLang = langIn(a.lang, m.uiLang);
      const b = el(
        'button',
        {
          type: 'button',
          class: `act act-${a.kind}`,
          'data-action': a.id,
          'data-number': i + 1,
          disabled: a.disabled,
          'aria-describedby': describedBy,
          'data-unavailable': why,
          lang: a.kind === 'choice' ? textLang : null,
        },
        el('span', { class: 'act-num', 'aria-hidden': 'true', text: String(i + 1) }),
        el('span', { class: 'act-label' }, ...(a.quoted ? this.quoted(a.quoted, a.lang, m) : [a.label])),
      );
      children.push(b);
      if (why) {
        notes.push(why);
        this.unavailableWords.set(b, whyWords);
      }
      // A pick's summary is the scenario's words; a reason is the author's, or the game's in the language reasonLang gives.
      if (a.disabled && a.reason) children.push(el('p', { class: 'act-reason', id: reasonId }, ...this.fillParts(m.strings.unavailable, { reason: this.reasonOf(a, m) })));
      else if (a.detail) children.push(el('p', { class: 'act-detail', id: `m-detail-${safeId(a.id)}`, text: a.detail, lang: a.detailLang ? langIn(a.detailLang, m.uiLang) : textLang }));
    });
    this.group.replaceChildren(...children);
    this.group.hidden = actions.length === 0;
    // Tab passes a disabled button by: the group's description names it and says why, as focus enters the group.
    // A description reaches a screen reader as one string, which keeps no language marks: marked, it would only gain stray spaces.
    this.groupNote.textContent = notes.join(' ');
    if (notes.length > 0) this.group.setAttribute('aria-describedby', this.groupNote.id);
    else this.group.removeAttribute('aria-describedby');
    this.status.textContent = '';
  }

  private renderMeterNews(m: ScreenModel): void {
    const s = m.screen;
    if (s.kind !== 'call') {
      this.meterSeen = null;
      this.meterNews.textContent = '';
      return;
    }
    // News is heard alone: the move's changes are told once the player is back in the call, measured from before the news.
    if (s.flash.length > 0) return;
    const before = this.meterSeen;
    const meters = s.view.meters;
    this.meterSeen = new Map(meters.map((x) => [x.id, x.value]));
    // A call that starts, or is resumed, is not news: a change seen here is.
    if (!before) return;
    const changed = meters.filter((x) => before.has(x.id) && before.get(x.id) !== x.value);
    if (changed.length === 0) return;
    const locale = m.strings.locale;
    this.meterNews.replaceChildren(
      ...nodes(
        changed.flatMap((x, i) => [
          i > 0 ? ' ' : null,
          ...this.fillParts(m.strings.meterNews, { label: this.inLang(x.label, m.contentLang, m), delta: signed(x.value - before.get(x.id)!, locale), value: num(x.value, locale), max: num(x.max, locale) }),
        ]),
      ),
    );
  }

  private renderLog(log: LogView[], t: Strings, m: ScreenModel, screen: string): void {
    const keys = log.map((e, i) => `${i}:${e.kind}:${e.id}`);
    const prefix = keys.length >= this.logKeys.length && this.logKeys.every((k, i) => keys[i] === k);
    const lang = langIn(m.contentLang, m.uiLang);
    // A call resumed (from the title) arrives with its whole history.
    const arriving = screen === 'call' && this.logScreen !== 'call' && log.length > 1;
    this.logScreen = screen;
    if (arriving) {
      // A screen reader should not read a whole call back at once. A live
      // region announces what is added to it, not a region that arrives
      // already filled, so the log is replaced whole; the notice "your saved
      // call was resumed" and the line on screen say where the call stands.
      const fresh = this.log.cloneNode(false) as HTMLOListElement;
      fresh.append(...log.map((_, i) => this.logItem(log, i, m, lang)));
      this.log.replaceWith(fresh);
      this.log = fresh;
    } else {
      // A new call (Play again) starts an empty log whose first line is announced as it is added.
      if (!prefix) {
        this.log.replaceChildren();
        this.logKeys = [];
      }
      for (let i = this.logKeys.length; i < log.length; i++) this.log.append(this.logItem(log, i, m, lang));
    }
    this.logKeys = keys;
    this.logEmpty.textContent = t.dialogueEmpty;
    this.logEmpty.hidden = log.length > 0;
    // Keep the newest entry in view inside the log's own scroll box, never scrolling the page.
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** An entry of the log: the game's words (who speaks for the player, news, markers) around the scenario's, which carry its language. */
  private logItem(log: LogView[], i: number, m: ScreenModel, lang: string | null): HTMLElement {
    const el = this.el;
    const t = m.strings;
    const e = log[i]!;
    const marker = (cls: string, text: string, title: string | null) =>
      // The leading space keeps the marker a word of its own when read or copied.
      el('span', { class: cls }, ' ', ...(title !== null ? this.cite(text, title, m) : [text]), this.stop(title !== null ? fill(text, { source: title }) : text));
    switch (e.kind) {
      case 'line': {
        const said = provenanceAt(log, i);
        return el(
          'li',
          { class: 'log-line', 'data-log': e.id, 'data-provenance': said },
          el('strong', { text: `${e.speaker}: `, lang }),
          el('span', { lang }, e.text, said ? this.stop(e.text) : null),
          said === 'reported' ? marker('marker', t.reported, e.source!) : said ? marker('marker marker-invented', t.inventedFromHere, null) : null,
        );
      }
      case 'choice':
        return el('li', { class: 'log-choice', 'data-log': e.id }, el('strong', { text: `${t.speakerYou}: ` }), el('span', { text: e.text, lang }));
      case 'inject':
        // The news, then when it really happened, then where it is reported: each a sentence of its own.
        return el(
          'li',
          { class: 'log-inject', 'data-log': e.id },
          el('strong', {}, ...nodes([`${t.newsFlash}: `, this.inLang(sentence(e.headline), m.contentLang, m), ' '])),
          el('span', { lang }, e.text, this.stop(e.text)),
          e.timeline ? el('span', { class: 'marker marker-timeline', lang }, ` ${e.timeline}`, this.stop(e.timeline)) : null,
          e.source ? marker('marker', t.source, e.source) : e.invented ? marker('marker marker-invented', t.invented, null) : null,
        );
      case 'ending':
        return el('li', { class: 'log-ending', 'data-log': e.id }, el('strong', {}, ...this.fillParts(t.endingReached, { title: this.inLang(e.title, m.contentLang, m) })));
    }
  }
}
