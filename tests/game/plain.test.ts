import { describe, expect, it } from 'vitest';
import { exportLabel, fill, signed, stringsFor } from '../../src/game/i18n.js';
import { commandForKey } from '../../src/game/keys.js';
import {
  callLayout,
  cardSpacing,
  chipGeometry,
  chipRoom,
  clampScroll,
  densityFor,
  MAX_CANVAS_PIXELS,
  maxScroll,
  meterLine,
  meterLineHeight,
  meterListHeight,
  meterShare,
  metricsFor,
  MIN_BODY,
  MIN_INLINE_BAR,
  row,
  stack,
  stackHeight,
  valueScale,
  wrapWords,
} from '../../src/game/layout.js';
import { cleanPlayer, DEFAULT_SETTINGS, loadSettings, PLAYER_MAX, motionReduced, nextTextSpeed, parseSettings, SETTINGS_KEY, storeSettings } from '../../src/game/settings.js';
import { memoryStorage, safeStorage } from '../../src/game/storage.js';
import { CSS } from '../../src/game/theme.js';
import { sliceWrapped, Typewriter, wrappedLength } from '../../src/game/typewriter.js';
import { readUrlOptions } from '../../src/game/url.js';

describe('keys', () => {
  it('maps digits to the Nth button, by key or by code', () => {
    expect(commandForKey({ key: '3', code: 'Digit3' })).toEqual({ kind: 'number', n: 3 });
    expect(commandForKey({ key: '&', code: 'Digit1' })).toEqual({ kind: 'number', n: 1 });
    expect(commandForKey({ key: '9', code: 'Numpad9' })).toEqual({ kind: 'number', n: 9 });
    expect(commandForKey({ key: '0', code: 'Digit0' })).toBeNull();
  });
  it('Enter and Space continue, except on a focused control that clicks by itself', () => {
    expect(commandForKey({ key: 'Enter', targetTag: 'BODY' })).toEqual({ kind: 'continue' });
    expect(commandForKey({ key: ' ', targetTag: 'DIV' })).toEqual({ kind: 'continue' });
    expect(commandForKey({ key: 'Enter', targetTag: 'BUTTON' })).toBeNull();
    expect(commandForKey({ key: ' ', targetTag: 'INPUT', targetType: 'checkbox' })).toBeNull();
    expect(commandForKey({ key: 'Enter', targetTag: 'BODY', repeat: true })).toBeNull();
  });
  it('M mutes; nothing fires while typing in a field or with a modifier', () => {
    expect(commandForKey({ key: 'm' })).toEqual({ kind: 'mute' });
    expect(commandForKey({ key: 'M' })).toEqual({ kind: 'mute' });
    expect(commandForKey({ key: 'm', ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: '1', code: 'Digit1', targetTag: 'INPUT', targetType: 'text' })).toBeNull();
    expect(commandForKey({ key: 'm', targetTag: 'TEXTAREA' })).toBeNull();
    expect(commandForKey({ key: 'm', targetEditable: true })).toBeNull();
    expect(commandForKey({ key: '2', code: 'Digit2', targetTag: 'INPUT', targetType: 'range' })).toEqual({ kind: 'number', n: 2 });
  });
  it('Escape closes, even from a focused button, but not from a field being typed in', () => {
    expect(commandForKey({ key: 'Escape', targetTag: 'BODY' })).toEqual({ kind: 'close' });
    expect(commandForKey({ key: 'Escape', targetTag: 'BUTTON' })).toEqual({ kind: 'close' });
    expect(commandForKey({ key: 'Escape', targetTag: 'INPUT', targetType: 'text' })).toBeNull();
    expect(commandForKey({ key: 'Escape', repeat: true })).toBeNull();
  });
});

describe('url', () => {
  it('reads scenario, role, lang and seed', () => {
    expect(readUrlOptions('?scenario=the-call&role=ve&lang=es&seed=42')).toEqual({ scenario: 'the-call', role: 've', lang: 'es', seed: 42, ignored: [] });
  });
  it('reads an id typed with capitals as the lowercase id', () => {
    expect(readUrlOptions('?scenario=The-Call&role=VE')).toMatchObject({ scenario: 'the-call', role: 've', ignored: [] });
  });
  it('ignores malformed values and hashes non-numeric seeds', () => {
    const o = readUrlOptions('?scenario=%3Cscript%3E&role=&lang=not%20a%20lang&seed=abc');
    expect(o.scenario).toBeNull();
    expect(o.role).toBeNull();
    // A scenario that cannot be an id is named as left out; an empty role is simply absent.
    expect(o.ignored).toEqual(['scenario']);
    expect(o.lang).toBeNull();
    expect(typeof o.seed).toBe('number');
    expect(readUrlOptions('?seed=abc').seed).toBe(o.seed);
    expect(readUrlOptions('').seed).toBeNull();
  });
});

describe('i18n', () => {
  it('the export label names the player or group the file will carry, shortened to fit', () => {
    const en = stringsFor(null).strings;
    const es = stringsFor('es').strings;
    expect(exportLabel(en, '')).toBe('Export results');
    expect(exportLabel(en, '  ')).toBe('Export results');
    expect(exportLabel(en, 'Group 3')).toBe('Export results as Group 3');
    expect(exportLabel(es, 'Grupo 3')).toBe('Exportar resultados como Grupo 3');
    expect(exportLabel(en, 'Ana, Ben and Chidi of 9B', 10)).toBe('Export results as Ana, Ben…');
    expect(exportLabel(en, '🙂🙂🙂🙂', 3)).toBe('Export results as 🙂🙂…');
  });
  it('falls back from a regional tag to its language, then to English', () => {
    expect(stringsFor('es-VE').lang).toBe('es');
    expect(stringsFor('fr').lang).toBe('en');
    expect(stringsFor(null).strings.choicesLabel).toBe('Choices');
    expect(stringsFor('es').strings.choicesLabel).toBe('Opciones');
  });
  it('fills placeholders and signs numbers', () => {
    expect(fill('Play as {role}', { role: 'US' })).toBe('Play as US');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(signed(2)).toBe('+2');
    expect(signed(-1.5)).toBe('\u22121.5');
    expect(signed(0)).toBe('0');
  });
});

describe('storage', () => {
  it('falls back to memory when storage throws', () => {
    const s = safeStorage(() => {
      throw new Error('SecurityError');
    });
    expect(s.persistent).toBe(false);
    expect(s.set('a', '1')).toBe(true);
    expect(s.get('a')).toBe('1');
  });
  it('keeps a value in memory when the real store refuses to write', () => {
    const real = new Map<string, string>();
    let full = false;
    const s = safeStorage(() => ({
      getItem: (k) => real.get(k) ?? null,
      setItem: (k, v) => {
        if (full && k !== '__backchannel_probe__') throw new Error('QuotaExceeded');
        real.set(k, v);
      },
      removeItem: (k) => void real.delete(k),
    }));
    expect(s.persistent).toBe(true);
    full = true;
    expect(s.set('x', 'y')).toBe(false);
    expect(s.get('x')).toBe('y');
  });
});

describe('settings', () => {
  it('reads defaults from nothing or garbage', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1,2]')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"muted":"yes","volume":7,"textSpeed":"warp"}')).toEqual({ ...DEFAULT_SETTINGS, volume: 1 });
  });
  it('round-trips through storage', () => {
    const st = memoryStorage();
    storeSettings(st, { muted: true, volume: 0.25, textSpeed: 'fast', reducedMotion: true, player: 'Group 3' });
    expect(loadSettings(st)).toEqual({ muted: true, volume: 0.25, textSpeed: 'fast', reducedMotion: true, player: 'Group 3' });
    expect(st.get(SETTINGS_KEY)).toContain('"muted":true');
  });
  it('keeps a name or group as plain, bounded text, whatever storage holds', () => {
    expect(parseSettings(JSON.stringify({ player: '  Ana \u0000 & Luis\n(4B)  ' })).player).toBe('Ana & Luis (4B)');
    expect(parseSettings(JSON.stringify({ player: 42 })).player).toBe('');
    expect(parseSettings(JSON.stringify({ player: 'x'.repeat(500) })).player).toHaveLength(PLAYER_MAX);
    expect(cleanPlayer('Zoë 😀 Grupo')).toBe('Zoë 😀 Grupo');
  });
  it('follows the system unless set, and cycles text speeds', () => {
    expect(motionReduced({ ...DEFAULT_SETTINGS, reducedMotion: null }, true)).toBe(true);
    expect(motionReduced({ ...DEFAULT_SETTINGS, reducedMotion: false }, true)).toBe(false);
    expect(nextTextSpeed('instant')).toBe('slow');
  });
});

describe('typewriter', () => {
  it('reveals characters over time and can be finished', () => {
    const tw = new Typewriter(10, 50);
    expect(tw.count).toBe(0);
    tw.tick(100);
    expect(tw.count).toBe(5);
    tw.tick(10);
    tw.tick(10);
    expect(tw.count).toBe(6);
    tw.finish();
    expect(tw.done).toBe(true);
    expect(tw.tick(1000)).toBe(10);
  });
  it('shows everything at once at infinite speed', () => {
    expect(new Typewriter(12, Infinity).done).toBe(true);
  });
  it('slices wrapped lines, keeping breaks', () => {
    const lines = ['Hello there', 'world'];
    expect(wrappedLength(lines)).toBe(16);
    expect(sliceWrapped(lines, 5)).toBe('Hello');
    expect(sliceWrapped(lines, 13)).toBe('Hello there\nwo');
    expect(sliceWrapped(lines, 99)).toBe('Hello there\nworld');
  });
});

describe('theme', () => {
  /** WCAG's contrast ratio of two #rrggbb colours. */
  const contrast = (a: string, b: string) => {
    const lum = (hex: string) => {
      const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [x, y] = [lum(a), lum(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  it('draws every colour of text at 4.5:1 or more against what it sits on, greyed-out choices and their reasons included', () => {
    const pairs: [keyof typeof CSS, keyof typeof CSS, string][] = [
      ['text', 'panel', 'the line'],
      ['textDim', 'bg', 'a summary, a speaker title'],
      ['steel', 'bg', 'a source, the top bar'],
      ['steelDim', 'bg', 'the turn, in the top bar'],
      ['steelDim', 'bgDeep', 'a greyed-out choice'],
      ['brass', 'bgDeep', 'why a choice is greyed out'],
      ['brass', 'bg', 'a kicker, "More below"'],
      ['red', 'panel', '"News flash" on its panel'],
      ['red', 'bg', 'an escalation ending'],
    ];
    for (const [fg, bg, where] of pairs) expect(contrast(CSS[fg], CSS[bg]), `${fg} on ${bg}: ${where}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe('layout', () => {
  const sizes: [number, number][] = [
    [900, 720],
    [1500, 1080],
    [390, 608],
    [844, 390],
  ];
  it('keeps text readable on every screen', () => {
    for (const [w, h] of sizes) {
      const m = metricsFor(w, h);
      expect(m.body).toBeGreaterThanOrEqual(MIN_BODY);
      expect(m.small).toBeGreaterThanOrEqual(13);
      expect(m.measure).toBeLessThanOrEqual(w - 2 * m.pad);
    }
    expect(metricsFor(1500, 1080).body).toBeGreaterThan(metricsFor(900, 720).body);
  });
  it('puts the call side by side when wide and stacked when narrow, inside the canvas', () => {
    for (const [w, h] of sizes) {
      const m = metricsFor(w, h);
      const L = callLayout(m, 3);
      for (const r of [L.portrait, L.nameplate, L.meters, L.dialogue, L.actions]) {
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.x + r.w).toBeLessThanOrEqual(w + 0.5);
        expect(r.y).toBeGreaterThanOrEqual(L.top.h);
      }
      // The line never overlaps the portrait.
      const overlap = L.dialogue.x < L.portrait.x + L.portrait.w && L.portrait.x < L.dialogue.x + L.dialogue.w && L.dialogue.y < L.portrait.y + L.portrait.h && L.portrait.y < L.dialogue.y + L.dialogue.h;
      expect(overlap).toBe(false);
    }
    expect(callLayout(metricsFor(1500, 1080), 3)).toMatchObject({ metersAs: 'column', lineBeside: true, nameBeside: false });
    expect(callLayout(metricsFor(390, 608), 3)).toMatchObject({ metersAs: 'list', lineBeside: false, nameBeside: true });
  });
  it('on a phone held sideways, starts the line at the top, beside the speaker and a column of meters', () => {
    const m = metricsFor(844, 390);
    const L = callLayout(m, 5);
    expect(L).toMatchObject({ metersAs: 'column', lineBeside: true, nameBeside: true });
    expect(L.dialogue.y).toBeLessThanOrEqual(L.portrait.y);
    expect(L.dialogue.x).toBeGreaterThanOrEqual(L.meters.x + L.meters.w + m.pad);
    // Five meters, each a label line and a bar, fit under the speaker without scrolling.
    const rowH = Math.round(m.small * 2.6);
    expect(L.meters.h).toBeGreaterThanOrEqual(5 * rowH + 4 * m.gap);
    // The column leaves the meter labels room for a label such as "Pressure on Washington" (about 11.5 em) beside its value and change.
    expect(L.meters.w - chipRoom(m) - 8 - 3 * m.small).toBeGreaterThanOrEqual(11.5 * m.small);
  });
  it('keeps the change chip of a meter clear of its label, with room for the chip and "+10" before the bar', () => {
    for (const [w, h] of [...sizes, [667, 375] as const]) {
      const m = metricsFor(w, h);
      const { space, padX } = chipGeometry(m);
      // Clear space between the label's last letter and the chip's frame, then the chip's own padding.
      expect(space).toBeGreaterThanOrEqual(8);
      expect(space).toBeGreaterThanOrEqual(0.5 * m.small);
      expect(padX).toBeGreaterThanOrEqual(4);
      expect(chipRoom(m)).toBeGreaterThanOrEqual(space + 2 * padX + 1.7 * m.small);
    }
  });
  it('wraps a title at spaces and after the dashes of a compound name, never cutting a word', () => {
    // A letter is 10 wide, a space 5.
    const measure = (s: string) => [...s].reduce((a, c) => a + (c === ' ' ? 5 : 10), 0);
    expect(wrapWords('Facilitator from the Brazil–Qatar–Turkey channel (Invented character)', 220, measure)).toEqual(['Facilitator from the', 'Brazil–Qatar–Turkey', 'channel (Invented', 'character)']);
    expect(wrapWords('Facilitadora del canal Brasil–Catar–Turquía (personaje inventado)', 350, measure)).toEqual(['Facilitadora del canal Brasil–Catar–', 'Turquía (personaje inventado)']);
    // Dates, signs and a word too long for the line stay whole.
    expect(wrapWords('on 2025-11-30 −1', 40, measure)).toEqual(['on', '2025-11-30', '−1']);
    expect(wrapWords('  two   spaces ', 1000, measure)).toEqual(['two spaces']);
    expect(wrapWords('', 100, measure)).toEqual([]);
    // Every piece is kept: the lines joined give the text back.
    const title = 'Representante de Maduro en la llamada (personaje inventado)';
    expect(wrapWords(title, 120, measure).join(' ')).toBe(title);
  });
  it('on a short canvas, widens the left column until every speaker title fits in three lines beside the portrait, within a limit', () => {
    for (const [w, h] of [
      [667, 375],
      [844, 390],
    ] as const) {
      const m = metricsFor(w, h);
      const base = callLayout(m, 5);
      // A title needing 450 px on one line takes three at 150 px and up.
      const lines = (width: number) => Math.ceil(450 / width);
      const L = callLayout(m, 5, undefined, lines);
      expect(lines(L.nameplate.w)).toBeLessThanOrEqual(3);
      // No wider than it needs, in steps of 8 px.
      expect(L.nameplate.w).toBeLessThan(Math.max(base.nameplate.w, 150) + 8);
      expect(L.dialogue.x).toBeGreaterThanOrEqual(L.meters.x + L.meters.w + m.pad);
      expect(L.dialogue.x - base.dialogue.x).toBe(L.meters.w - base.meters.w);
      // A title that cannot fit stops the column at a little under half the canvas, so the line keeps its room.
      const never = callLayout(m, 5, undefined, () => 4);
      expect(never.meters.x + never.meters.w).toBeLessThanOrEqual(w * 0.45);
      expect(never.dialogue.w).toBeGreaterThanOrEqual(w * 0.5 - 2 * m.pad);
      // A title that fits already changes nothing.
      expect(callLayout(m, 5, undefined, () => 1)).toEqual(base);
    }
  });
  it('on a narrow phone, lists the meters one a line, each label in full, and keeps the line and choices in view', () => {
    const m = metricsFor(390, 608);
    const width = 390 - 2 * m.pad;
    // "Pressure on Washington" at the small size, and a value such as "14/14".
    const label = 11.5 * m.small;
    const value = 3 * m.small;
    const line = meterLine(width, label, value, m);
    expect(line.labelW).toBe(label);
    expect(line.barX).toBeGreaterThanOrEqual(label + chipRoom(m));
    expect(line.barW).toBeGreaterThanOrEqual(MIN_INLINE_BAR);
    expect(line.barX + line.barW + value).toBeLessThanOrEqual(width);
    // A label too long for one line wraps rather than squeezing the bar out.
    const long = meterLine(width, 40 * m.small, value, m);
    expect(long.labelW).toBeLessThan(40 * m.small);
    expect(long.barW).toBeGreaterThanOrEqual(MIN_INLINE_BAR);
    // Five one-line meters stay compact, leaving room under the line for three one-line choices.
    const L = callLayout(m, 5);
    expect(L.meters.h).toBe(meterListHeight([0, 0, 0, 0, 0], m));
    expect(L.meters.h).toBeLessThan(5 * meterLineHeight(m) + 5 * m.gap);
    expect(L.portrait.y).toBeGreaterThan(L.meters.y + L.meters.h);
    expect(L.actions.y + 3 * 2.6 * m.body).toBeLessThan(m.h);
    // Labels that wrap make the list taller, and the speaker moves down to make room.
    const tall = callLayout(m, 5, () => 200);
    expect(tall.meters.h).toBe(200);
    expect(tall.portrait.y - L.portrait.y).toBe(200 - L.meters.h);
    expect(meterListHeight([0, 40, 0], m)).toBe(meterListHeight([0, 0, 0], m) + 40 - meterLineHeight(m));
  });

  it('packs the call’s choice cards closer on a phone held sideways, still apart and large enough to tap', () => {
    for (const [w, h] of [
      [667, 375],
      [844, 390],
    ] as const) {
      const m = metricsFor(w, h);
      const [loose, tight] = [cardSpacing(m), cardSpacing(m, true)];
      // One card and the space to the next, with a one-line label and its badge: less height than the loose card.
      const oneLine = (sp: typeof loose) => Math.max(m.body * 1.3, sp.badge) + 2 * sp.padY + sp.gap;
      expect(oneLine(tight)).toBeLessThan(oneLine(loose) - 5);
      expect(tight.lineSpacing).toBeLessThan(loose.lineSpacing);
      // Cards never touch, a card stays a comfortable target, and its number stays readable in its badge.
      expect(tight.gap).toBeGreaterThanOrEqual(4);
      expect(tight.badge + 2 * tight.padY).toBeGreaterThanOrEqual(32);
      expect(tight.badge).toBeGreaterThanOrEqual(Math.round(m.body * 1.4));
      expect(tight.lineSpacing).toBeGreaterThan(0);
    }
  });

  it('draws at the density of the screen, within a pixel budget', () => {
    expect(densityFor(1, 900, 720)).toBe(1);
    expect(densityFor(2, 390, 608)).toBe(2);
    expect(densityFor(3, 390, 608)).toBe(2);
    expect(densityFor(1.5, 390, 608)).toBe(1.5);
    expect(densityFor(2, 1500, 1080)).toBe(1);
    const laptop = densityFor(2, 900, 720);
    expect(laptop).toBeGreaterThan(1);
    expect(900 * 720 * laptop * laptop).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect((laptop * 4) % 1).toBe(0);
  });

  it('stacks, rows, meters, scrolls and scales values', () => {
    expect(stack(10, [5, 5, 5], 2)).toEqual([10, 17, 24]);
    expect(stackHeight([5, 5, 5], 2)).toBe(19);
    expect(stackHeight([], 2)).toBe(0);
    expect(row(0, 100, 2, 10).map((r) => [r.x, r.w])).toEqual([
      [0, 45],
      [55, 45],
    ]);
    expect(meterShare(3, 0, 4)).toBe(0.75);
    expect(meterShare(9, 0, 4)).toBe(1);
    expect(meterShare(1, 1, 1)).toBe(1);
    expect(maxScroll(500, 600)).toBe(0);
    expect(clampScroll(900, 1000, 600)).toBe(400);
    expect(clampScroll(-5, 1000, 600)).toBe(0);
    const sc = valueScale([-2, 4], 0, 100);
    expect(sc(-2)).toBeGreaterThan(0);
    expect(sc(4)).toBeLessThan(100);
    expect(sc(0)).toBeGreaterThan(sc(-2));
    const flat = valueScale([0, 0], 0, 100);
    expect(flat(0)).toBeCloseTo(50);
  });
});
