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
 */
import type { CallView, InjectView, LogView } from '../engine/view.js';
import { builder } from './dom.js';
import { exportLabel, fill, signed, type Strings } from './i18n.js';
import { meterShare } from './layout.js';
import type { ActionModel, ScreenModel, SectionModel } from './screens.js';
import { PLAYER_MAX, TEXT_SPEEDS, type TextSpeed } from './settings.js';

/** What the mirror's controls call. */
export interface MirrorHost {
  press(id: string): void;
  toggleMute(): void;
  setVolume(v: number): void;
  setTextSpeed(s: TextSpeed): void;
  setReducedMotion(on: boolean): void;
  setPlayer(name: string): void;
  exportResults(): void;
  goToTitle(): void;
}

const safeId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');

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
  private readonly controlsHeading: HTMLElement;
  /** Tells a screen reader how a move changed the meters, which the canvas shows with +1 and −1 chips. */
  private readonly meterNews: HTMLElement;
  /** The meters' values last drawn in this call; null outside a call. */
  private meterSeen: Map<string, number> | null = null;
  private logKeys: string[] = [];
  private lastScreenKey = '';
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
    this.title = el('h1', { class: 'm-title', id: 'm-title' });
    this.sub = el('p', { class: 'm-sub' });
    this.notices = el('div', { class: 'm-notices', role: 'status', 'aria-live': 'polite' });
    this.screen = el('section', { class: 'm-screen', 'aria-labelledby': 'm-title' });
    this.group = el('div', { class: 'm-choices', role: 'group', 'data-choices': '', tabindex: '-1' });
    this.logHeading = el('h2', { class: 'm-h2', id: 'm-log-heading' });
    this.log = el('ol', { class: 'm-log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'm-log-heading' });
    this.logEmpty = el('p', { class: 'm-log-empty' });
    this.controlsHeading = el('h2', { class: 'm-h2', id: 'm-controls-heading' });
    this.meterNews = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-meter-news': '' });
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
      el('section', { class: 'm-log-section', 'aria-labelledby': 'm-log-heading' }, this.logHeading, this.logEmpty, this.log),
      this.meterNews,
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
      if (b instanceof HTMLButtonElement && !b.disabled) this.host.press(b.dataset['action']!);
    });
  }

  /** The buttons of the choices group, in order. */
  buttons(): HTMLButtonElement[] {
    return [...this.group.querySelectorAll('button')];
  }

  render(m: ScreenModel): void {
    const t = m.strings;
    const s = m.screen;
    const focusWasHere = this.root.contains(this.doc.activeElement);
    this.root.setAttribute('lang', m.uiLang);
    this.root.setAttribute('aria-label', t.appName);
    this.group.setAttribute('aria-label', t.choicesLabel);
    this.logHeading.textContent = t.dialogueHeading;
    this.controlsHeading.textContent = t.settingsHeading;
    this.renderControls(m);
    this.renderNotices(m);

    this.title.textContent = s.heading;
    this.eyebrow.hidden = s.kind === 'title' || s.kind === 'problem';
    this.sub.textContent = s.kind === 'title' ? s.tagline : s.kind === 'problem' ? '' : s.subheading;
    this.sub.hidden = this.sub.textContent === '';
    const screenKey = this.screenKey(m);
    if (screenKey !== this.lastScreenKey) {
      this.lastScreenKey = screenKey;
      this.renderScreen(m);
    }
    const actionsKey = JSON.stringify([m.uiLang, m.actions]);
    if (actionsKey !== this.lastActionsKey) {
      this.lastActionsKey = actionsKey;
      this.renderActions(m.actions, m);
    }
    this.renderLog(s.kind === 'call' ? s.view.log : s.kind === 'outcome' ? s.log : [], t, m, s.kind);
    this.renderMeterNews(m);
    // A control that hid itself (Back to title) would leave focus on the
    // page's body: keep it in the panel, on the actions.
    if (focusWasHere && !this.root.contains(this.doc.activeElement) && !this.group.hidden) this.focusGroup();
  }

  /** Focuses the actions and brings them into view inside the panel, without moving the page more than needed. */
  private focusGroup(): void {
    this.group.focus({ preventScroll: true });
    // The group can sit far down a long debrief; a focus ring out of sight helps no one.
    this.group.scrollIntoView?.({ block: 'nearest' });
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

  /** A briefing's sections sit under the page's heading (level 2); a debrief's under the ending's title (level 3). */
  private sections(sections: SectionModel[], level: 'h2' | 'h3'): HTMLElement[] {
    const el = this.el;
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
              el('span', { class: 'note-text', text: it.text }),
              it.marker ? el('span', { class: it.invented ? 'marker marker-invented' : 'marker', text: ` ${it.marker}` }) : null,
            ),
          ),
        ),
      ),
    );
  }

  private renderScreen(m: ScreenModel): void {
    const el = this.el;
    const s = m.screen;
    const t = m.strings;
    const lang = m.contentLang !== m.uiLang ? m.contentLang : null;
    this.screen.removeAttribute('lang');
    this.screen.dataset['screen'] = s.kind;
    switch (s.kind) {
      case 'problem':
        this.screen.replaceChildren(el('p', { text: s.intro }), el('pre', { class: 'm-problems', text: s.problems.join('\n') }));
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
        this.screen.replaceChildren(el('p', { class: 'm-lead', text: s.summary, lang }), ...this.sections(s.sections, 'h2').map((x) => (lang && x.setAttribute('lang', lang), x)));
        return;
      case 'call':
        this.screen.replaceChildren(...this.callContent(s.view, s.flash, s.lineMarker, t, lang));
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
          ...this.sections(s.sections, 'h3').map((x) => (lang && x.setAttribute('lang', lang), x)),
        );
        return;
    }
  }

  private callContent(view: CallView, flash: InjectView[], marker: string, t: Strings, lang: string | null): HTMLElement[] {
    const el = this.el;
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
          el('p', { class: f.invented ? 'marker marker-invented' : 'marker', text: f.source ? fill(t.source, { source: f.source.title }) : f.invented ? t.invented : '' }),
          f.timeline ? el('p', { class: 'marker marker-timeline', text: f.timeline, lang }) : null,
        ),
      );
    const l = view.line;
    if (l)
      out.push(
        el(
          'figure',
          { class: 'm-line', 'data-line': l.id },
          el('figcaption', { class: 'm-speaker' }, el('strong', { text: l.speaker?.name ?? '' }), l.speaker?.title ? el('span', { class: 'm-speaker-title', text: ` · ${l.speaker.title}` }) : null),
          el('blockquote', { class: 'm-line-text', text: l.text, lang }),
          marker ? el('p', { class: l.invented ? 'marker marker-invented' : 'marker', text: marker }) : null,
        ),
      );
    if (view.meters.length > 0)
      out.push(
        el(
          'ul',
          { class: 'm-meters', 'aria-label': t.meters },
          ...view.meters.map((mt) =>
            el(
              'li',
              { 'data-meter': mt.id },
              // The description as a tooltip on the label, not on the item, whose name is then its label and value.
              el('span', { class: 'm-meter-label', text: mt.label, title: mt.description ?? null }),
              el('span', { class: 'm-bar', 'aria-hidden': 'true' }, el('span', { class: 'm-bar-fill', style: `width:${Math.round(meterShare(mt.value, mt.min, mt.max) * 100)}%` })),
              el('span', { class: 'm-meter-value', text: `${mt.value} / ${mt.max}` }),
              el('span', { class: mt.delta > 0 ? 'delta up' : mt.delta < 0 ? 'delta down' : 'delta', text: mt.delta !== 0 ? signed(mt.delta) : '' }),
            ),
          ),
        ),
      );
    if (view.phase === 'choosing') out.push(el('p', { class: 'm-prompt', text: t.yourMove }));
    return out;
  }

  private renderActions(actions: ActionModel[], m: ScreenModel): void {
    const el = this.el;
    const hadFocus = this.group.contains(this.doc.activeElement);
    const children: HTMLElement[] = [];
    actions.forEach((a, i) => {
      const reasonId = `m-reason-${safeId(a.id)}`;
      const describedBy = a.disabled && a.reason ? reasonId : a.detail ? `m-detail-${safeId(a.id)}` : null;
      const b = el(
        'button',
        {
          type: 'button',
          class: `act act-${a.kind}`,
          'data-action': a.id,
          'data-number': i + 1,
          disabled: a.disabled,
          'aria-describedby': describedBy,
          lang: a.kind === 'choice' && m.contentLang !== m.uiLang ? m.contentLang : null,
        },
        el('span', { class: 'act-num', 'aria-hidden': 'true', text: String(i + 1) }),
        el('span', { class: 'act-label', text: a.label }),
      );
      children.push(b);
      // A choice's reason and a pick's summary are the scenario's words, in its language.
      const textLang = (a.kind === 'choice' || a.kind === 'pick') && m.contentLang !== m.uiLang ? m.contentLang : null;
      // A reason the game worded itself is in the game's language, with only the scenario's names in its own.
      if (a.disabled && a.reason) children.push(el('p', { class: 'act-reason', id: reasonId, text: fill(m.strings.unavailable, { reason: a.reason }), lang: a.reasonWorded ? null : textLang }));
      else if (a.detail) children.push(el('p', { class: 'act-detail', id: `m-detail-${safeId(a.id)}`, text: a.detail, lang: textLang }));
    });
    this.group.replaceChildren(...children);
    this.group.hidden = actions.length === 0;
    if (hadFocus) this.focusGroup();
  }

  private renderMeterNews(m: ScreenModel): void {
    const s = m.screen;
    if (s.kind !== 'call') {
      this.meterSeen = null;
      this.meterNews.textContent = '';
      return;
    }
    const before = this.meterSeen;
    const meters = s.view.meters;
    this.meterSeen = new Map(meters.map((x) => [x.id, x.value]));
    // A call that starts, or is resumed, is not news: a change seen here is.
    if (!before) return;
    const changed = meters.filter((x) => before.has(x.id) && before.get(x.id) !== x.value);
    if (changed.length === 0) return;
    this.meterNews.textContent = changed.map((x) => fill(m.strings.meterNews, { label: x.label, delta: signed(x.value - before.get(x.id)!), value: x.value, max: x.max })).join(' ');
  }

  private renderLog(log: LogView[], t: Strings, m: ScreenModel, screen: string): void {
    const keys = log.map((e, i) => `${i}:${e.kind}:${e.id}`);
    const prefix = keys.length >= this.logKeys.length && this.logKeys.every((k, i) => keys[i] === k);
    const lang = m.contentLang !== m.uiLang ? m.contentLang : null;
    // A call resumed (from the title) arrives with its whole history.
    const arriving = screen === 'call' && this.logScreen !== 'call' && log.length > 1;
    this.logScreen = screen;
    if (arriving) {
      // A screen reader should not read a whole call back at once. A live
      // region announces what is added to it, not a region that arrives
      // already filled, so the log is replaced whole; the notice "your saved
      // call was resumed" and the line on screen say where the call stands.
      const fresh = this.log.cloneNode(false) as HTMLOListElement;
      fresh.append(...log.map((e) => this.logItem(e, t, lang)));
      this.log.replaceWith(fresh);
      this.log = fresh;
    } else {
      // A new call (Play again) starts an empty log whose first line is announced as it is added.
      if (!prefix) {
        this.log.replaceChildren();
        this.logKeys = [];
      }
      for (let i = this.logKeys.length; i < log.length; i++) this.log.append(this.logItem(log[i]!, t, lang));
    }
    this.logKeys = keys;
    this.logEmpty.textContent = t.dialogueEmpty;
    this.logEmpty.hidden = log.length > 0;
    // Keep the newest entry in view inside the log's own scroll box, never scrolling the page.
    this.log.scrollTop = this.log.scrollHeight;
  }

  private logItem(e: LogView, t: Strings, lang: string | null): HTMLElement {
    const el = this.el;
    switch (e.kind) {
      case 'line':
        return el(
          'li',
          { class: 'log-line', 'data-log': e.id, lang },
          el('strong', { text: `${e.speaker}: ` }),
          el('span', { text: e.text }),
          // The leading space keeps the marker a word of its own when read or copied.
          el('span', { class: e.invented ? 'marker marker-invented' : 'marker', text: e.source ? ` ${fill(t.source, { source: e.source })}` : e.invented ? ` ${t.inventedDialogue}` : '' }),
        );
      case 'choice':
        return el('li', { class: 'log-choice', 'data-log': e.id, lang }, el('strong', { text: `${t.speakerYou}: ` }), el('span', { text: e.text }));
      case 'inject':
        return el(
          'li',
          { class: 'log-inject', 'data-log': e.id, lang },
          el('strong', { text: `${t.newsFlash}: ${e.headline}. ` }),
          el('span', { text: e.text }),
          el('span', { class: e.invented ? 'marker marker-invented' : 'marker', text: e.source ? ` ${fill(t.source, { source: e.source })}` : e.invented ? ` ${t.invented}` : '' }),
          e.timeline ? el('span', { class: 'marker marker-timeline', text: ` ${e.timeline}` }) : null,
        );
      case 'ending':
        return el('li', { class: 'log-ending', 'data-log': e.id, lang }, el('strong', { text: fill(t.endingReached, { title: e.title }) }));
    }
  }
}
