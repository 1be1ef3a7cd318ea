/**
 * The class results page: a teacher adds the files groups exported with
 * "Export results" and sees how many reached each ending, each group's
 * result, and a CSV for a spreadsheet. Files are read in the browser, so the
 * page needs no server and no Node.js and works wherever the game is hosted.
 * The files come from pupils' devices: they go through the same checks as
 * `npm run results`, and whatever they hold is shown as text.
 */
import { classSummary, leftOutText, MAX_RESULT_BYTES, readResult, toCsv, type LeftOut, type ResultRow, type ScenarioNames } from '../engine/results.js';
import { builder } from './dom.js';
import { fill, type Strings } from './i18n.js';

/** Most files one list holds; a class exports a few dozen. */
export const MAX_RESULT_FILES = 5000;

/** A file as the page reads it (a browser `File` is one). */
export interface ResultSource {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** What the page shows, worked out from the files read so far. */
export interface ResultsSummary {
  /** The results, each with the names of its scenario, role and ending as the page shows them. */
  rows: ResultRow[];
  /** Why each left-out file was left out, one line a file. */
  leftOut: string[];
  /** Per scenario and role, how many results reached each ending, most first. */
  groups: { scenario: string; role: string; heading: string; total: number; inZone: number; endings: { ending: string; title: string; count: number }[] }[];
}

/**
 * The results read so far. A file added again (the same name and the same
 * result) replaces its earlier copy; the same result under another name
 * ("x (1).json", a file handed in twice) is counted once and listed as left
 * out, with the file it repeats; two different results that happen to share
 * a name are both kept.
 */
export class ResultsList {
  /** By file name and result key; a file that was not a result, by file name alone. */
  private readonly entries = new Map<string, { row: ResultRow } | { leftOut: LeftOut }>();
  /** Files refused because the list was full. */
  private overflow = 0;

  async add(files: Iterable<ResultSource>): Promise<void> {
    for (const f of files) {
      const outcome = await this.read(f);
      const key = 'row' in outcome ? `${f.name}\u0000${outcome.row.key}` : f.name;
      const replaces = this.entries.has(key) || ('row' in outcome && this.entries.has(f.name));
      if (!replaces && this.entries.size >= MAX_RESULT_FILES) {
        this.overflow++;
        continue;
      }
      // A name that was not a result and now is one leaves the left-out list.
      if ('row' in outcome) this.entries.delete(f.name);
      this.entries.set(key, outcome);
    }
  }

  private async read(f: ResultSource): Promise<{ row: ResultRow } | { leftOut: LeftOut }> {
    // Checked before reading, so a huge file picked by mistake is never loaded into memory.
    if (f.size > MAX_RESULT_BYTES) return { leftOut: { file: f.name, why: { kind: 'tooLarge' } } };
    let r: ReturnType<typeof readResult>;
    try {
      r = readResult(f.name, await f.text());
    } catch {
      return { leftOut: { file: f.name, why: { kind: 'unreadable' } } };
    }
    return 'row' in r ? { row: r.row } : { leftOut: r.leftOut };
  }

  clear(): void {
    this.entries.clear();
    this.overflow = 0;
  }

  get overflowed(): number {
    return this.overflow;
  }

  /**
   * The summary in the words of `t`. `known` gives a scenario's names in
   * the page's language when the page has the scenario; else each title and
   * name is the one most files give, so that results exported in different
   * languages sit under one heading with one name for each role and ending.
   */
  summary(t: Strings, known: ReadonlyMap<string, ScenarioNames> = new Map()): ResultsSummary {
    const read: ResultRow[] = [];
    const left: LeftOut[] = [];
    for (const r of this.entries.values()) {
      if ('row' in r) read.push(r.row);
      else left.push(r.leftOut);
    }
    const summary = classSummary(read, known);
    left.push(...summary.repeats);
    const rows = summary.rows;
    const leftOut = left.map((l) => leftOutText(l, t.results.why)).sort();
    const groups = summary.groups.map((g) => ({
      scenario: g.scenario,
      role: g.role,
      heading: fill(t.results.endingsFor, { scenario: g.scenarioTitle, role: g.roleName }),
      total: g.total,
      inZone: g.inZone,
      endings: g.endings.map((e) => ({ ...e, title: e.title || e.ending || t.results.noEnding })),
    }));
    return { rows, leftOut, groups };
  }
}

/** "2026-11-25T10:04:05.000Z" as "2026-11-25 10:04"; anything else as it came. */
export function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** The page: its controls, and the summary redrawn after every change. */
export class ClassResultsPage {
  private readonly el: ReturnType<typeof builder>;
  private readonly list = new ResultsList();
  private readonly status: HTMLParagraphElement;
  private readonly output: HTMLDivElement;
  private readonly input: HTMLInputElement;
  private readonly csvBtn: HTMLButtonElement;
  private readonly clearBtn: HTMLButtonElement;
  private known: ReadonlyMap<string, ScenarioNames> = new Map();

  constructor(
    private readonly doc: Document,
    root: HTMLElement,
    private readonly t: Strings,
    private readonly save: (fileName: string, content: string, type: string) => void,
    backHref: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    const el = (this.el = builder(doc));
    const r = t.results;
    // The native file input is hard to style and to read on a projector; a button opens it.
    this.input = el('input', { type: 'file', multiple: true, accept: '.json,application/json', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
    const addBtn = el('button', { type: 'button', class: 'ctl ctl-primary', 'data-control': 'add-results', text: r.add });
    this.csvBtn = el('button', { type: 'button', class: 'ctl', 'data-control': 'csv', text: r.csv });
    this.clearBtn = el('button', { type: 'button', class: 'ctl', 'data-control': 'clear', text: r.clear });
    this.status = el('p', { class: 'r-status', role: 'status', 'aria-live': 'polite' });
    this.output = el('div', { class: 'r-output' });
    root.replaceChildren(
      el(
        'header',
        { class: 'r-head' },
        el('p', { class: 'm-eyebrow', text: t.appName }),
        el('h1', { class: 'r-title', text: r.title }),
        el('p', { class: 'r-intro', text: r.intro }),
        el('div', { class: 'ctl-row' }, addBtn, this.csvBtn, this.clearBtn),
        el('p', { class: 'r-hint', text: r.drop }),
        this.input,
      ),
      this.status,
      this.output,
      el('p', { class: 'r-back' }, el('a', { href: backHref, text: r.back })),
    );
    addBtn.addEventListener('click', () => this.input.click());
    this.input.addEventListener('change', () => {
      const files = [...(this.input.files ?? [])];
      // Cleared so that choosing the same files again still fires a change.
      this.input.value = '';
      void this.add(files);
    });
    this.csvBtn.addEventListener('click', () => this.saveCsv());
    this.clearBtn.addEventListener('click', () => {
      this.list.clear();
      this.render();
      addBtn.focus();
    });
    // Files dropped anywhere on the page are added; without this the browser would open the file instead.
    const win = doc.defaultView;
    win?.addEventListener('dragover', (e) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    });
    win?.addEventListener('drop', (e) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      void this.add([...e.dataTransfer.files]);
    });
    this.render();
  }

  /** The names of the scenarios the page knows, in its language (see {@link scenarioNames}); the summary is drawn again with them. */
  knowScenarios(names: ReadonlyMap<string, ScenarioNames>): void {
    this.known = names;
    this.render();
  }

  async add(files: ResultSource[]): Promise<void> {
    if (files.length === 0) return;
    this.status.textContent = fill(this.t.results.reading, { n: files.length });
    await this.list.add(files);
    this.render();
  }

  private saveCsv(): void {
    const { rows } = this.list.summary(this.t, this.known);
    if (rows.length === 0) return;
    const day = this.now().toISOString().slice(0, 10);
    // The byte-order mark tells spreadsheet programs the file is UTF-8, so accented names survive.
    this.save(`backchannel-class-results-${day}.csv`, `\uFEFF${toCsv(rows)}`, 'text/csv;charset=utf-8');
  }

  private render(): void {
    const el = this.el;
    const r = this.t.results;
    const s = this.list.summary(this.t, this.known);
    const parts = [s.rows.length === 0 ? r.empty : s.rows.length === 1 ? r.countOne : fill(r.countMany, { n: s.rows.length })];
    if (s.leftOut.length > 0) parts.push(s.leftOut.length === 1 ? r.leftOutOne : fill(r.leftOutMany, { n: s.leftOut.length }));
    if (this.list.overflowed > 0) parts.push(fill(r.tooMany, { max: MAX_RESULT_FILES }));
    this.status.textContent = parts.join('. ') + '.';
    this.csvBtn.disabled = s.rows.length === 0;
    this.clearBtn.disabled = s.rows.length === 0 && s.leftOut.length === 0;

    const sections: HTMLElement[] = [];
    if (s.groups.length > 0) {
      sections.push(
        el(
          'section',
          { class: 'r-section', 'aria-labelledby': 'r-endings' },
          el('h2', { class: 'm-h2', id: 'r-endings', text: r.endings }),
          ...s.groups.map((g) =>
            el(
              'div',
              { class: 'r-group', 'data-scenario': g.scenario, 'data-role': g.role },
              el('h3', { class: 'r-group-title', text: g.heading }),
              el('p', { class: 'r-group-note', text: fill(r.groupNote, { n: g.inZone, total: g.total }) }),
              el(
                'ul',
                { class: 'r-bars' },
                ...g.endings.map((e) =>
                  el(
                    'li',
                    { class: 'r-bar', 'data-ending': e.ending },
                    el('span', { class: 'r-bar-label', text: e.title }),
                    // The bar is a picture of the number beside it; the number is what a screen reader reads.
                    el('span', { class: 'r-bar-track', 'aria-hidden': 'true' }, el('span', { class: 'r-bar-fill', style: `width: ${Math.round((e.count / g.total) * 100)}%` })),
                    el('span', { class: 'r-bar-count', text: String(e.count) }),
                  ),
                ),
              ),
            ),
          ),
        ),
      );
      const c = r.columns;
      const kinds = this.t.endingKinds as Record<string, string>;
      sections.push(
        el(
          'section',
          { class: 'r-section', 'aria-labelledby': 'r-each' },
          el('h2', { class: 'm-h2', id: 'r-each', text: r.each }),
          el(
            'div',
            { class: 'r-table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'r-each' },
            el(
              'table',
              { class: 'r-table' },
              el('thead', {}, el('tr', {}, ...[c.player, c.role, c.ending, c.kind, c.inZone, c.turns, c.choices, c.exported].map((h) => el('th', { scope: 'col', text: h })))),
              el(
                'tbody',
                {},
                ...s.rows.map((row) =>
                  el(
                    'tr',
                    { 'data-file': row.file },
                    el('th', { scope: 'row', text: row.player || r.unnamed }),
                    el('td', { text: row.roleName }),
                    el('td', { text: row.endingTitle || row.ending || r.noEnding }),
                    el('td', { text: Object.hasOwn(kinds, row.kind) ? kinds[row.kind]! : row.kind }),
                    el('td', { text: row.inZone ? r.yes : r.no }),
                    el('td', { class: 'r-num', text: String(row.turns) }),
                    el('td', { class: 'r-num', text: String(row.choices) }),
                    el('td', { text: shortTime(row.exportedAt) }),
                  ),
                ),
              ),
            ),
          ),
          el('p', { class: 'r-hint', text: r.zoneNote }),
        ),
      );
    }
    if (s.leftOut.length > 0) {
      sections.push(
        el('section', { class: 'r-section', 'aria-labelledby': 'r-left-out' }, el('h2', { class: 'm-h2', id: 'r-left-out', text: r.leftOut }), el('ul', { class: 'r-left-out' }, ...s.leftOut.map((x) => el('li', { text: x })))),
      );
    }
    this.output.replaceChildren(...sections);
  }
}
