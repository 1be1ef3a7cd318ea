/**
 * Writes Backchannel's portraits and favicon as hand-built SVG (plus a
 * hand-encoded favicon.ico), so the art is reproducible from source with no
 * drawing tool, font or download.
 *
 * Run: `npx tsx assets/scripts/make-portraits.ts`
 *
 * Style rules, because this is played in classrooms about real people:
 * flat, faceless head-and-shoulders silhouettes in one shared steel palette,
 * the same pose, size and lighting for both sides. Sides are told apart by a
 * marker colour and small neutral details (tie, glasses, headset), never by
 * exaggerated features, flags or symbols that could read as mockery.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const portraitDir = join(root, 'assets', 'portraits');
const publicDir = join(root, 'public');

/** The shared palette: one place to keep every tile coherent. */
const C = {
  navyTop: '#14233a',
  charcoalBottom: '#1b1f27',
  grid: '#a9bdd3',
  brass: '#b08d57',
  brassLight: '#cfae78',
  steel: '#8694a5',
  steelDark: '#2a3441',
  steelDarker: '#1f2731',
  head: '#7b8797',
  headShade: '#5f6a7a',
  headLight: '#95a2b1',
  shirt: '#bcc4ce',
  sideUs: '#4f7fae',
  sideVe: '#c8a241',
  sideMediator: '#3e9d93',
  sideNarrator: '#8a9099',
} as const;

type Side = 'us' | 've' | 'mediator' | 'narrator';

const sideColour: Record<Side, string> = {
  us: C.sideUs,
  ve: C.sideVe,
  mediator: C.sideMediator,
  narrator: C.sideNarrator,
};

/** What makes one figure different from another; everything else is shared. */
interface Figure {
  side: Side;
  title: string;
  hair: string;
  hairColour: string;
  /** Head half-width: small, natural variation only. */
  headRx: number;
  neckwear: 'tie' | 'scarf';
  extras: string[];
}

// ---------------------------------------------------------------- tiles

/** Background, grid, "screen" rings, side marker and brass frame. */
function tile(id: string, side: Side, inner: string, title: string): string {
  const mark = sideColour[side];
  const grid: string[] = [];
  for (let v = 32; v < 256; v += 32) {
    grid.push(`<path d="M${v} 0V256M0 ${v}H256"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256" role="img" aria-labelledby="${id}-t">
<title id="${id}-t">${title}</title>
<defs>
<linearGradient id="${id}-bg" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="${C.navyTop}"/><stop offset="1" stop-color="${C.charcoalBottom}"/>
</linearGradient>
<radialGradient id="${id}-glow" cx="0.5" cy="0.42" r="0.55">
<stop offset="0" stop-color="${mark}" stop-opacity="0.16"/><stop offset="1" stop-color="${mark}" stop-opacity="0"/>
</radialGradient>
<clipPath id="${id}-clip"><rect width="256" height="256" rx="20"/></clipPath>
</defs>
<g clip-path="url(#${id}-clip)">
<rect width="256" height="256" fill="url(#${id}-bg)"/>
<rect width="256" height="256" fill="url(#${id}-glow)"/>
<g stroke="${C.grid}" stroke-opacity="0.05" stroke-width="1">${grid.join('')}</g>
<g fill="none" stroke="${C.steel}" stroke-width="1.5">
<circle cx="128" cy="112" r="96" stroke-opacity="0.12"/>
<circle cx="128" cy="112" r="70" stroke-opacity="0.07"/>
<path d="M128 8v14M128 202v14M24 112h14M218 112h14" stroke-opacity="0.18"/>
</g>
${inner}
<rect x="0" y="0" width="10" height="256" fill="${mark}"/>
<rect x="10" y="0" width="2" height="256" fill="#000" fill-opacity="0.25"/>
</g>
<rect x="1.5" y="1.5" width="253" height="253" rx="19" fill="none" stroke="${C.brass}" stroke-opacity="0.7" stroke-width="3"/>
<circle cx="230" cy="26" r="8" fill="${mark}" stroke="${C.brassLight}" stroke-width="2"/>
</svg>
`;
}

// --------------------------------------------------------------- figures

/** Shoulders, collar, neckwear, neck and a faceless head with flat shading. */
function figure(id: string, f: Figure): string {
  const mark = sideColour[f.side];
  const rx = f.headRx;
  const neck =
    f.neckwear === 'tie'
      ? // Shirt V, then a plain tie in the side colour.
        `<path d="M104 170L128 226L152 170Z" fill="${C.shirt}"/>
<path d="M121 183H135L137 194L128 199L119 194Z" fill="${mark}"/>
<path d="M122 195L134 195L140 234L128 248L116 234Z" fill="${mark}"/>
<path d="M128 199L134 195L140 234L128 248Z" fill="#000" fill-opacity="0.18"/>`
      : // Open collar with a folded scarf: the mediator wears no side's tie.
        `<path d="M106 170L128 218L150 170Z" fill="${C.shirt}"/>
<path d="M102 172C112 190 144 190 154 172L160 184C144 206 112 206 96 184Z" fill="${mark}"/>
<path d="M136 196L148 196L153 244L140 248Z" fill="${mark}"/>
<path d="M142 196L148 196L153 244L147 246Z" fill="#000" fill-opacity="0.2"/>`;
  const collar =
    f.neckwear === 'tie'
      ? `<path d="M110 166L128 186L116 196L102 176Z" fill="${C.shirt}"/>
<path d="M146 166L128 186L140 196L154 176Z" fill="${C.shirt}"/>
<path d="M128 186L140 196L154 176L150 172Z" fill="#000" fill-opacity="0.08"/>`
      : '';
  // The head group is drawn from a 114-centred template and lifted into
  // place, so the hair shapes below keep simple numbers.
  return `<g>
<path d="M22 256C24 208 58 182 100 170L156 170C198 182 232 208 234 256Z" fill="${C.steelDark}"/>
<path d="M22 256C24 208 58 182 100 170L112 170L94 256Z" fill="#fff" fill-opacity="0.04"/>
<path d="M110 124H146V172C138 182 118 182 110 172Z" fill="${C.headShade}"/>
<path d="M110 150C120 160 136 160 146 150V162C136 170 120 170 110 162Z" fill="#000" fill-opacity="0.12"/>
${neck}
${collar}
<path d="M100 170L86 194L102 204L92 216L126 256L116 256Z" fill="${C.steelDarker}"/>
<path d="M156 170L170 194L154 204L164 216L130 256L140 256Z" fill="${C.steelDarker}"/>
<circle cx="176" cy="212" r="3.5" fill="${mark}" stroke="${C.brassLight}" stroke-width="1"/>
<g transform="translate(0 -11)">
<ellipse cx="${128 - rx - 1}" cy="120" rx="6.5" ry="11" fill="${C.headShade}"/>
<ellipse cx="${128 + rx + 1}" cy="120" rx="6.5" ry="11" fill="${C.headShade}"/>
<clipPath id="${id}-head"><ellipse cx="128" cy="114" rx="${rx}" ry="42"/></clipPath>
<ellipse cx="128" cy="114" rx="${rx}" ry="42" fill="${C.head}"/>
<g clip-path="url(#${id}-head)">
<ellipse cx="${128 - rx * 0.55}" cy="108" rx="${rx * 0.55}" ry="52" fill="${C.headLight}" fill-opacity="0.45"/>
<ellipse cx="128" cy="176" rx="${rx + 10}" ry="28" fill="#000" fill-opacity="0.12"/>
</g>
<path d="${f.hair}" fill="${f.hairColour}"/>
${f.extras.join('\n')}
</g>
</g>`;
}

// Hair shapes sit on the same head outline (cx 128, cy 114, ry 42); they
// vary in cut only, as neutral identifiers.
const hair = {
  sweptLight:
    'M94 112C90 80 106 66 128 66C152 66 168 78 164 112C160 98 156 90 148 86C134 92 112 90 100 94C97 100 95 106 94 112Z',
  shortDark:
    'M92 110C88 80 104 68 128 68C152 68 168 80 164 110C162 98 158 92 152 88C140 84 116 84 104 88C98 92 94 100 92 110Z',
  sidePart:
    'M95 108C92 80 108 68 130 68C152 68 166 82 162 108C158 96 152 88 142 86L118 86C108 90 100 96 95 108Z',
  closeCrop:
    'M96 102C96 82 110 72 128 72C146 72 160 82 160 102C154 92 142 86 128 86C114 86 102 92 96 102Z',
  bob: 'M88 136C82 92 98 66 128 66C158 66 174 92 168 136C166 146 160 150 156 150C160 124 158 104 150 92C132 96 114 94 104 90C96 104 94 124 98 150C94 150 90 146 88 136Z',
};

const glasses = `<g fill="none" stroke="${C.steelDarker}" stroke-width="3" stroke-linejoin="round">
<rect x="104" y="110" width="20" height="13" rx="4"/><rect x="132" y="110" width="20" height="13" rx="4"/>
<path d="M124 115H132M104 114L97 112M152 114L159 112"/></g>`;

const headset = `<g fill="none" stroke="#4a5562" stroke-width="4" stroke-linecap="round">
<path d="M90 114C88 70 168 70 166 114"/>
<path d="M166 126C166 146 156 156 140 158"/></g>
<rect x="160" y="108" width="12" height="22" rx="5" fill="#4a5562"/>
<circle cx="139" cy="158" r="4" fill="${C.brass}"/>`;

// The two leaders share an identical build and pose on purpose: the game
// should not visually favour either side.
const people: Record<string, Figure> = {
  'president-us': {
    side: 'us',
    title: 'The US president (stylised silhouette)',
    hair: hair.sweptLight,
    hairColour: '#a7aeb6',
    headRx: 34,
    neckwear: 'tie',
    extras: [],
  },
  maduro: {
    side: 've',
    title: 'Nicolás Maduro (stylised silhouette)',
    hair: hair.shortDark,
    hairColour: '#3b4450',
    headRx: 35,
    neckwear: 'tie',
    extras: [],
  },
  'us-envoy': {
    side: 'us',
    title: 'US envoy (stylised silhouette)',
    hair: hair.sidePart,
    hairColour: '#505a67',
    headRx: 32,
    neckwear: 'tie',
    extras: [glasses],
  },
  've-envoy': {
    side: 've',
    title: 'Venezuelan envoy (stylised silhouette)',
    hair: hair.closeCrop,
    hairColour: '#3a424e',
    headRx: 32,
    neckwear: 'tie',
    extras: [headset],
  },
  mediator: {
    side: 'mediator',
    title: 'Mediator (stylised silhouette)',
    hair: hair.bob,
    hairColour: '#454e5a',
    headRx: 31,
    neckwear: 'scarf',
    extras: [],
  },
};

/** The narrator is a voice, not a person: a wall clock over a field radio. */
function narrator(): string {
  const ticks: string[] = [];
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    const r1 = i % 3 === 0 ? 33 : 37;
    const x1 = 128 + Math.sin(a) * r1;
    const y1 = 84 - Math.cos(a) * r1;
    const x2 = 128 + Math.sin(a) * 41;
    const y2 = 84 - Math.cos(a) * 41;
    ticks.push(`M${x1.toFixed(1)} ${y1.toFixed(1)}L${x2.toFixed(1)} ${y2.toFixed(1)}`);
  }
  const grille: string[] = [];
  for (let y = 176; y <= 224; y += 8) grille.push(`M62 ${y}H136`);
  return `<g>
<circle cx="128" cy="84" r="50" fill="${C.steelDarker}" stroke="${C.brass}" stroke-width="5"/>
<circle cx="128" cy="84" r="44" fill="${C.steelDark}"/>
<path d="${ticks.join('')}" stroke="${C.steel}" stroke-width="3" stroke-linecap="round"/>
<path d="M128 84L128 54" stroke="${C.shirt}" stroke-width="4" stroke-linecap="round"/>
<path d="M128 84L110 74" stroke="${C.shirt}" stroke-width="5" stroke-linecap="round"/>
<circle cx="128" cy="84" r="4" fill="${C.brassLight}"/>
<path d="M170 158L196 128" stroke="${C.steel}" stroke-width="3" stroke-linecap="round"/>
<circle cx="196" cy="128" r="3.5" fill="${C.brassLight}"/>
<rect x="46" y="156" width="164" height="84" rx="12" fill="${C.steelDark}" stroke="${C.brass}" stroke-opacity="0.8" stroke-width="3"/>
<path d="${grille.join('')}" stroke="${C.steelDarker}" stroke-width="4" stroke-linecap="round"/>
<rect x="150" y="170" width="46" height="16" rx="3" fill="${C.steelDarker}"/>
<path d="M156 178H190" stroke="${C.steel}" stroke-opacity="0.6" stroke-width="1.5"/>
<path d="M172 171V185" stroke="${C.sideNarrator}" stroke-width="2"/>
<circle cx="162" cy="214" r="10" fill="${C.steelDarker}" stroke="${C.steel}" stroke-width="2"/>
<circle cx="188" cy="214" r="10" fill="${C.steelDarker}" stroke="${C.steel}" stroke-width="2"/>
<path d="M162 214L162 206M188 214L194 208" stroke="${C.brassLight}" stroke-width="2" stroke-linecap="round"/>
</g>`;
}

// --------------------------------------------------------------- favicon

type Pt = readonly [number, number];

/**
 * The handset, in a 64-unit square, as simple shapes that both the SVG and
 * the ICO rasteriser draw, so the two favicons always match.
 */
const handset = {
  /** The grip: an arc of a ring bowing toward the lower left. */
  arc: { c: [43, 21] as Pt, r: 21, width: 12, from: Math.PI / 2, to: Math.PI },
  /** Ear and mouth pieces: capsules pointing in toward the arc's centre. */
  pads: [
    { a: [22, 21] as Pt, b: [29, 21] as Pt, r: 7.5 },
    { a: [43, 42] as Pt, b: [43, 35] as Pt, r: 7.5 },
  ],
  tile: { rx: 13 },
};

function faviconSvg(): string {
  const { arc, pads } = handset;
  const p1: Pt = [arc.c[0] + arc.r * Math.cos(arc.from), arc.c[1] + arc.r * Math.sin(arc.from)];
  const p2: Pt = [arc.c[0] + arc.r * Math.cos(arc.to), arc.c[1] + arc.r * Math.sin(arc.to)];
  const pad = (p: (typeof pads)[number]) =>
    `<path d="M${p.a[0]} ${p.a[1]}L${p.b[0]} ${p.b[1]}" stroke-width="${p.r * 2}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="${handset.tile.rx}" fill="${C.navyTop}"/>
<g fill="none" stroke="${C.brassLight}" stroke-linecap="round">
<path d="M${p1[0].toFixed(2)} ${p1[1].toFixed(2)}A${arc.r} ${arc.r} 0 0 1 ${p2[0].toFixed(2)} ${p2[1].toFixed(2)}" stroke-width="${arc.width}" stroke-linecap="butt"/>
${pads.map(pad).join('\n')}
</g>
</svg>
`;
}

/** Coverage test for one point of the 64-unit favicon: which colour is it? */
function faviconSample(x: number, y: number): 'none' | 'tile' | 'brass' {
  const { rx } = handset.tile;
  // Rounded square: distance to the inner rectangle must not exceed rx.
  const dx = Math.max(rx - x, 0, x - (64 - rx));
  const dy = Math.max(rx - y, 0, y - (64 - rx));
  if (x < 0 || y < 0 || x > 64 || y > 64 || dx * dx + dy * dy > rx * rx) return 'none';
  const { arc, pads } = handset;
  const vx = x - arc.c[0];
  const vy = y - arc.c[1];
  const d = Math.hypot(vx, vy);
  let ang = Math.atan2(vy, vx);
  if (ang < 0) ang += Math.PI * 2;
  if (Math.abs(d - arc.r) <= arc.width / 2 && ang >= arc.from && ang <= arc.to) return 'brass';
  for (const p of pads) {
    const ex = p.b[0] - p.a[0];
    const ey = p.b[1] - p.a[1];
    const t = Math.max(0, Math.min(1, ((x - p.a[0]) * ex + (y - p.a[1]) * ey) / (ex * ex + ey * ey)));
    if (Math.hypot(x - (p.a[0] + t * ex), y - (p.a[1] + t * ey)) <= p.r) return 'brass';
  }
  return 'tile';
}

function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Rasterise the favicon at one size, 4×4 supersampled, as straight RGBA. */
function rasterFavicon(size: number): Uint8Array {
  const tile = hexRgb(C.navyTop);
  const brass = hexRgb(C.brassLight);
  const px = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sj = 0; sj < ss; sj++) {
        for (let si = 0; si < ss; si++) {
          const x = ((i + (si + 0.5) / ss) / size) * 64;
          const y = ((j + (sj + 0.5) / ss) / size) * 64;
          const s = faviconSample(x, y);
          if (s === 'none') continue;
          const c = s === 'brass' ? brass : tile;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (j * size + i) * 4;
      if (a > 0) {
        // Average colour over covered samples only, alpha from coverage:
        // straight (not premultiplied) alpha is what ICO expects.
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((a / (ss * ss)) * 255);
      }
    }
  }
  return px;
}

/**
 * Encode 32-bit BMP-in-ICO. Each image is a BITMAPINFOHEADER whose height is
 * doubled (colour rows plus the AND mask), bottom-up BGRA rows, then a 1-bit
 * AND mask that is all zero because alpha already carries transparency.
 */
function encodeIco(sizes: number[]): Uint8Array {
  const images = sizes.map((size) => {
    const rgba = rasterFavicon(size);
    const maskRow = Math.ceil(size / 32) * 4;
    const bytes = new Uint8Array(40 + size * size * 4 + maskRow * size);
    const v = new DataView(bytes.buffer);
    v.setUint32(0, 40, true);
    v.setInt32(4, size, true);
    v.setInt32(8, size * 2, true);
    v.setUint16(12, 1, true);
    v.setUint16(14, 32, true);
    v.setUint32(16, 0, true);
    v.setUint32(20, size * size * 4 + maskRow * size, true);
    let o = 40;
    for (let row = size - 1; row >= 0; row--) {
      for (let col = 0; col < size; col++) {
        const s = (row * size + col) * 4;
        bytes[o++] = rgba[s + 2] ?? 0;
        bytes[o++] = rgba[s + 1] ?? 0;
        bytes[o++] = rgba[s] ?? 0;
        bytes[o++] = rgba[s + 3] ?? 0;
      }
    }
    return { size, bytes };
  });
  const headerLen = 6 + 16 * images.length;
  const total = headerLen + images.reduce((n, im) => n + im.bytes.length, 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0, true);
  v.setUint16(2, 1, true);
  v.setUint16(4, images.length, true);
  let offset = headerLen;
  images.forEach((im, k) => {
    const e = 6 + 16 * k;
    v.setUint8(e, im.size % 256);
    v.setUint8(e + 1, im.size % 256);
    v.setUint8(e + 2, 0);
    v.setUint8(e + 3, 0);
    v.setUint16(e + 4, 1, true);
    v.setUint16(e + 6, 32, true);
    v.setUint32(e + 8, im.bytes.length, true);
    v.setUint32(e + 12, offset, true);
    out.set(im.bytes, offset);
    offset += im.bytes.length;
  });
  return out;
}

// ------------------------------------------------------------------ write

mkdirSync(portraitDir, { recursive: true });
mkdirSync(publicDir, { recursive: true });

const written: string[] = [];
function write(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data);
  written.push(path.slice(root.length + 1));
}

for (const [key, f] of Object.entries(people)) {
  write(join(portraitDir, `${key}.svg`), tile(key, f.side, figure(key, f), f.title));
}
write(join(portraitDir, 'narrator.svg'), tile('narrator', 'narrator', narrator(), 'Narrator: a clock over a radio'));
write(join(publicDir, 'favicon.svg'), faviconSvg());
write(join(publicDir, 'favicon.ico'), encodeIco([16, 32]));

console.log(`make-portraits: wrote ${written.join(', ')}`);
