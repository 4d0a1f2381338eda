/**
 * Product pictures for the dev server (dev only: production images live in cloud storage): a flat
 * fashion illustration of each piece on a light ground, 480×480, drawn in its own colours — the
 * main colour fills it, a second colour (where it has one) is its trim or pattern.
 */
import type { Kind, Product } from '../../cloudfunctions/contract/catalog';

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hexOf = (c: Rgb) => `#${c.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
/** a blended toward b by t (0–1) */
const mix = (a: string, b: string, t: number) => {
  const x = rgb(a);
  const y = rgb(b);
  return hexOf([0, 1, 2].map((i) => x[i]! + (y[i]! - x[i]!) * t) as Rgb);
};
/** relative lightness, 0 (black) to 1 (white) */
const lightness = (hex: string) => {
  const [r, g, b] = rgb(hex);
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
};

/** The inks of one picture. */
interface Inks {
  main: string;
  /** the second colour, or a deeper shade of the main one for pieces of one colour */
  trim: string;
  /** whether `trim` is a colour of the product (a pattern is drawn only then) */
  twoTone: boolean;
  /** the outline around the piece */
  edge: string;
  /** seams, folds and stitching on the main colour */
  seam: string;
  /** the inside and the far side of the piece */
  shade: string;
}

function inksOf(colours: Product['colours']): Inks {
  const main = colours[0]!.hex;
  const dark = lightness(main) < 0.3;
  const second = colours[1]?.hex;
  return {
    main,
    trim: second ?? (dark ? mix(main, '#ffffff', 0.18) : mix(main, '#000000', 0.16)),
    twoTone: second !== undefined,
    edge: mix(main, '#000000', dark ? 0.45 : 0.38),
    seam: dark ? mix(main, '#ffffff', 0.28) : mix(main, '#000000', 0.22),
    shade: mix(main, '#000000', dark ? 0.3 : 0.14),
  };
}

// — drawing helpers —

const shape = (d: string, fill: string, k: Inks, extra = '') => `<path d="${d}" fill="${fill}" stroke="${k.edge}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"${extra}/>`;
const line = (d: string, colour: string, width = 1.6, extra = '') => `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
const dot = (x: number, y: number, r: number, fill: string, stroke?: string) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"${stroke ? ` stroke="${stroke}" stroke-width="1.2"` : ''}/>`;
const dashed = (d: string, colour: string) => line(d, colour, 1.2, ' stroke-dasharray="3 3"');
/** the same drawing mirrored about the picture's centre line */
const mirrored = (svg: string) => `<g transform="translate(240 0) scale(-1 1)">${svg}</g>`;
/** draws `inner` only inside path `d` (patterns on cloth) */
const clipped = (id: string, d: string, inner: string) => `<clipPath id="${id}"><path d="${d}"/></clipPath><g clip-path="url(#${id})">${inner}</g>`;
/** The second colour where the piece has one, else `otherwise`. */
const accent = (k: Inks, otherwise: string) => (k.twoTone ? k.trim : otherwise);
const buttons = (x: number, ys: number[], k: Inks, r = 2.6) => ys.map((y) => dot(x, y, r, k.seam)).join('');

/** A Chinese knot button (盘扣): two loops either side of the opening. */
const pankou = (x: number, y: number, colour: string, edge: string) =>
  `<g transform="translate(${x} ${y})"><ellipse cx="-6" cy="0" rx="6" ry="3" fill="none" stroke="${colour}" stroke-width="2.4"/><ellipse cx="6" cy="0" rx="6" ry="3" fill="none" stroke="${colour}" stroke-width="2.4"/>${dot(0, 0, 2.6, colour, edge)}</g>`;

/** A small five-petal flower (prints and embroidery). */
const flower = (x: number, y: number, r: number, petal: string, heart: string) =>
  `<g transform="translate(${x} ${y})">${[0, 72, 144, 216, 288].map((a) => `<ellipse cx="0" cy="${-r}" rx="${r * 0.62}" ry="${r}" fill="${petal}" transform="rotate(${a})"/>`).join('')}${dot(0, 0, r * 0.55, heart)}</g>`;

/** A five-pointed star (prints, badges). */
const star = (x: number, y: number, r: number, fill: string) => {
  const points = Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const d = i % 2 ? r * 0.45 : r;
    return `${(x + d * Math.cos(a)).toFixed(1)},${(y + d * Math.sin(a)).toFixed(1)}`;
  });
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
};

/** Flowers scattered over an area, on a fixed grid so every picture of a piece is the same. */
function floralField(k: Inks, x0: number, y0: number, x1: number, y1: number, step: number, r: number): string {
  const heart = mix(k.trim, '#000000', 0.25);
  let out = '';
  let row = 0;
  for (let y = y0; y <= y1; y += step, row += 1) for (let x = x0 + (row % 2 ? step / 2 : 0); x <= x1; x += step) out += flower(x, y, r, k.trim, heart);
  return out;
}

/** A plaid of crossing bands in the trim colour. */
function plaid(k: Inks, x0: number, y0: number, x1: number, y1: number, step: number): string {
  let out = '';
  for (let x = x0; x <= x1; x += step) out += `<rect x="${x}" y="${y0}" width="${step / 4}" height="${y1 - y0}" fill="${k.trim}" opacity="0.55"/>`;
  for (let y = y0; y <= y1; y += step) out += `<rect x="${x0}" y="${y}" width="${x1 - x0}" height="${step / 4}" fill="${k.trim}" opacity="0.55"/>`;
  return out;
}

// — the pieces, in a 240×240 box; each returns the drawing of one kind —

type Draw = (k: Inks, name: string) => string;

const TEE_BODY = 'M88 42 Q120 60 152 42 L184 54 L210 92 L184 108 L170 90 L172 204 Q120 210 68 204 L70 90 L56 108 L30 92 L56 54 Z';
const tee: Draw = (k, name) =>
  shape(TEE_BODY, k.main, k) +
  line('M88 42 Q120 64 152 42', k.trim, 4) +
  line('M56 108 L70 90 M184 108 L170 90', k.seam) +
  (k.twoTone || name.includes('印花')
    ? `<rect x="94" y="90" width="52" height="52" rx="8" fill="${k.trim}"/>${star(120, 117, 20, k.main)}`
    : line('M70 188 Q120 194 170 188', k.seam, 1.2));

const SHIRT_BODY = 'M90 44 L106 38 L120 54 L134 38 L150 44 L180 58 L204 170 L184 176 L166 100 L168 206 L72 206 L74 100 L56 176 L36 170 L60 58 Z';
const shirt: Draw = (k) =>
  shape(SHIRT_BODY, k.main, k) +
  shape('M106 38 L120 54 L110 68 L96 46 Z', k.main, k) +
  shape('M134 38 L120 54 L130 68 L144 46 Z', k.main, k) +
  line('M120 54 L120 206', k.seam) +
  buttons(124, [78, 104, 130, 156, 182], k) +
  shape('M184 176 L204 170 L207 184 L187 190 Z', k.trim, k) +
  shape('M56 176 L36 170 L33 184 L53 190 Z', k.trim, k) +
  line('M80 74 L104 74 L104 92 L80 92 Z', k.seam, 1.2);

const KNIT_BODY = 'M88 44 Q120 58 152 44 L182 56 L200 172 L180 178 L166 98 L166 194 L74 194 L74 98 L60 178 L40 172 L58 56 Z';
const ribs = (x0: number, x1: number, y0: number, y1: number, colour: string) => {
  let d = '';
  for (let x = x0 + 4; x < x1; x += 5) d += `M${x} ${y0 + 2} L${x} ${y1 - 2} `;
  return line(d, colour, 1);
};
const knit: Draw = (k, name) => {
  const open = name.includes('开衫');
  return (
    shape(KNIT_BODY, k.main, k) +
    shape('M74 194 L166 194 L166 210 L74 210 Z', k.trim, k) +
    ribs(74, 166, 194, 210, k.seam) +
    shape('M180 178 L200 172 L203 188 L183 194 Z', k.trim, k) +
    shape('M60 178 L40 172 L37 188 L57 194 Z', k.trim, k) +
    (open
      ? line('M120 58 L120 210', k.edge, 2) + buttons(126, [84, 110, 136, 162, 186], k, 3) + line('M88 44 L120 96 L152 44', k.trim, 4)
      : shape('M88 44 Q120 58 152 44 L150 36 Q120 50 90 36 Z', k.trim, k) + line('M84 80 Q100 96 92 120 M156 80 Q140 96 148 120 M96 140 Q120 152 144 140', k.seam, 1.2))
  );
};

const hoodie: Draw = (k) =>
  shape('M82 62 Q74 16 120 14 Q166 16 158 62 Z', k.shade, k) + // the hood, lying behind the shoulders
  shape('M90 50 Q120 66 150 50 L182 60 L202 174 L182 180 L168 100 L168 192 L72 192 L72 100 L58 180 L38 174 L58 60 Z', k.main, k) +
  shape('M94 54 Q120 26 146 54 Q120 70 94 54 Z', k.trim, k) +
  shape('M72 192 L168 192 L168 208 L72 208 Z', k.main, k) +
  ribs(72, 168, 192, 208, k.seam) +
  shape('M94 140 L146 140 L156 182 L84 182 Z', k.main, k, '') +
  line('M94 140 L88 182 M146 140 L152 182', k.seam, 1.2) +
  line('M110 62 L108 100 M130 62 L132 100', k.trim, 3) +
  dot(108, 102, 3, k.trim) +
  dot(132, 102, 3, k.trim) +
  shape('M182 180 L202 174 L205 190 L185 196 Z', k.trim, k) +
  shape('M58 180 L38 174 L35 190 L55 196 Z', k.trim, k);

/** 盘扣上衣: a stand collar, the front opening curving to the right underarm, knot buttons along it. */
const pankouTop: Draw = (k) =>
  shape('M92 44 L148 44 L188 60 L208 138 L184 146 L168 98 L168 200 L72 200 L72 98 L56 146 L32 138 L52 60 Z', k.main, k) +
  shape('M98 30 L142 30 L146 46 Q120 52 94 46 Z', k.main, k) +
  line('M94 46 Q120 52 146 46', k.trim, 3) +
  line('M120 50 Q150 62 164 96', k.trim, 3) +
  pankou(120, 40, k.trim, k.edge) +
  pankou(144, 62, k.trim, k.edge) +
  pankou(160, 84, k.trim, k.edge) +
  line('M72 200 L168 200 M184 146 L208 138 M56 146 L32 138', k.trim, 3) +
  line('M164 96 L166 196', k.seam, 1.2);

/** 背心: a sports tank (racer straps) or a cropped camisole (thin straps). */
const tank: Draw = (k, name) => {
  if (name.includes('吊带')) {
    return (
      line('M96 40 L98 86 M144 40 L142 86', k.trim, 3) +
      shape('M90 86 Q120 98 150 86 L160 156 Q120 164 80 156 Z', k.main, k) +
      line('M90 86 Q120 98 150 86', k.trim, 4) +
      line('M100 118 Q120 126 140 118', k.seam, 1.2)
    );
  }
  return (
    shape('M94 36 L108 36 Q120 78 132 36 L146 36 Q150 70 170 86 L172 200 Q120 206 68 200 L70 86 Q90 70 94 36 Z', k.main, k) +
    line('M108 36 Q120 78 132 36', k.trim, 4) +
    line('M94 36 Q90 70 70 86 M146 36 Q150 70 170 86', k.trim, 4) +
    `<rect x="70" y="184" width="102" height="12" fill="${k.trim}" opacity="0.9"/>`
  );
};

const trousers: Draw = (k, name) => {
  const cargo = name.includes('工装');
  const jeans = name.includes('牛仔');
  const legs = cargo ? 'M80 36 L160 36 L166 196 L170 212 L130 212 L130 198 L120 92 L110 198 L110 212 L70 212 L74 196 Z' : 'M80 36 L160 36 L176 212 L128 212 L120 92 L112 212 L64 212 Z';
  return (
    shape(legs, k.main, k) +
    shape('M80 36 L160 36 L161 50 L79 50 Z', accent(k, k.main), k) +
    line('M92 36 L92 50 M120 36 L120 50 M148 36 L148 50', k.edge, 1.4) +
    (jeans ? dashed('M84 54 Q98 70 104 54 M156 54 Q142 70 136 54 M120 50 L120 90', k.seam) : line('M82 52 Q96 66 102 52 M158 52 Q144 66 138 52', k.seam, 1.2)) +
    (cargo
      ? shape('M76 120 L100 120 L100 150 L77 150 Z', k.main, k) + shape('M164 120 L140 120 L140 150 L163 150 Z', k.main, k) + line('M76 128 L100 128 M140 128 L164 128', k.edge, 1.2)
      : line('M96 60 L92 210 M144 60 L150 210', k.seam, 1))
  );
};

const joggers: Draw = (k, name) => {
  const leggings = name.includes('瑜伽');
  const legs = leggings ? 'M84 36 L156 36 L154 204 L130 206 L122 96 L118 96 L110 206 L86 204 Z' : 'M80 36 L160 36 L164 186 L132 188 L120 96 L108 188 L76 186 Z';
  return (
    shape(legs, k.main, k) +
    shape(leggings ? 'M84 36 L156 36 L157 56 L83 56 Z' : 'M80 36 L160 36 L160 52 L80 52 Z', k.main, k) +
    (leggings
      ? line('M84 46 L156 46', k.seam, 1.2) + line('M154 70 L150 200', k.trim, 3)
      : ribs(80, 160, 36, 52, k.seam) +
        line('M114 52 L110 72 M126 52 L130 72', k.trim, 2.4) +
        shape('M76 186 L108 188 L108 208 L78 206 Z', k.trim, k) +
        shape('M164 186 L132 188 L132 208 L162 206 Z', k.trim, k) +
        line('M160 60 L163 184 M80 60 L77 184', k.trim, 3))
  );
};

const SKIRT_A = 'M92 44 L148 44 L184 196 Q120 208 56 196 Z';
const skirt: Draw = (k, name) => {
  const pleats = name.includes('百褶');
  const tennis = name.includes('网球');
  const mini = name.includes('短裙');
  const body = mini ? 'M92 58 L148 58 L176 164 Q120 174 64 164 Z' : SKIRT_A;
  let out = shape(body, k.main, k) + shape(mini ? 'M92 58 L148 58 L149 72 L91 72 Z' : 'M92 44 L148 44 L149 58 L91 58 Z', accent(k, k.main), k);
  if (pleats) {
    const top = mini ? 72 : 58;
    const bottom = mini ? 166 : 198;
    let d = '';
    for (let i = 1; i < 8; i += 1) {
      const xt = 92 + (56 / 8) * i;
      const xb = (mini ? 64 : 56) + ((mini ? 112 : 128) / 8) * i;
      d += `M${xt} ${top} L${xb} ${bottom} `;
    }
    out += line(d, k.seam, 1.2);
  } else out += line(mini ? 'M108 72 L100 160' : 'M108 58 L98 196', k.seam, 1.2);
  if (tennis && k.twoTone) out += line(mini ? 'M66 156 Q120 166 174 156' : 'M60 186 Q120 196 180 186', k.trim, 4);
  if (name.includes('皮质')) out += line('M120 58 L120 160', k.seam, 1.6) + dot(120, 66, 3, k.seam);
  return out;
};

/** 马面裙: pleated sides, the flat front panel (the 马面) and a woven band at the hem. */
const mamian: Draw = (k) => {
  const body = 'M84 40 L156 40 L190 206 Q120 214 50 206 Z';
  let pleats = '';
  for (let i = 1; i <= 5; i += 1) pleats += `M${106 - i * 4} 52 L${98 - i * 9} 208 M${134 + i * 4} 52 L${142 + i * 9} 208 `;
  return (
    shape(body, k.main, k) +
    line(pleats, k.seam, 1.2) +
    clipped('mamian-hem', body, `<rect x="40" y="182" width="160" height="30" fill="${k.trim}"/>${line('M40 188 L200 188 M40 206 L200 206', k.main, 1.2)}`) +
    shape('M104 52 L136 52 L142 208 L98 208 Z', k.main, k) +
    line('M108 86 Q120 76 132 86 Q120 96 108 86 Z M106 124 Q120 114 134 124 Q120 134 106 124 Z', k.trim, 1.6) +
    `<rect x="98" y="184" width="44" height="22" fill="${k.trim}"/>` +
    shape('M84 40 L156 40 L156 54 L84 54 Z', k.trim, k)
  );
};

const DRESS_BODY = 'M100 34 L110 34 Q120 48 130 34 L140 34 L150 96 L186 206 Q120 216 54 206 L90 96 Z';
const dress: Draw = (k, name) => {
  const slip = name.includes('吊带');
  const tennis = name.includes('网球');
  const shirtDress = name.includes('衬衫');
  const body = slip ? 'M100 52 Q120 60 140 52 L146 100 L176 208 Q120 216 64 208 L94 100 Z' : DRESS_BODY;
  let out = '';
  if (slip) out += line('M102 52 L104 26 M138 52 L136 26', k.main, 2.5);
  else out += shape('M100 34 L88 38 L72 66 L88 74 L96 58 Z', k.main, k) + shape('M140 34 L152 38 L168 66 L152 74 L144 58 Z', k.main, k);
  out += shape(body, k.main, k);
  if (k.twoTone && !tennis) out += clipped('dress-print', body, floralField(k, 60, 44, 184, 210, 26, 3.4));
  out += line(slip ? 'M94 100 Q120 108 146 100' : 'M90 96 Q120 104 150 96', tennis && k.twoTone ? k.trim : k.seam, tennis ? 3 : 1.6);
  if (shirtDress) out += line('M120 42 L120 98', k.seam) + buttons(124, [52, 66, 80], k, 2.2) + shape('M110 34 L120 46 L114 52 L104 38 Z', k.main, k) + shape('M130 34 L120 46 L126 52 L136 38 Z', k.main, k);
  if (tennis) out += line('M110 34 L120 50 L130 34', k.trim, 3) + line('M58 198 Q120 208 182 198', k.trim, 3);
  if (!slip && !shirtDress && !tennis) out += line('M110 34 Q120 48 130 34', k.seam, 1.2);
  out += line('M104 110 L86 204 M136 110 L154 204', k.seam, 1);
  return out;
};

/** 旗袍: a stand collar, the curved front opening with knot buttons, cap sleeves, side slits; the second colour pipes its edges. */
const qipao: Draw = (k) => {
  const body = 'M98 36 L142 36 L156 50 L150 100 L158 210 L82 210 L90 100 L84 50 Z';
  return (
    shape('M98 38 L84 48 L76 70 L90 74 Z', k.main, k) +
    shape('M142 38 L156 48 L164 70 L150 74 Z', k.main, k) +
    shape(body, k.main, k) +
    shape('M104 24 L136 24 L140 38 Q120 44 100 38 Z', k.main, k) +
    line('M100 38 Q120 44 140 38 M104 24 L136 24', k.trim, 3) +
    line('M120 40 Q144 50 150 70', k.trim, 3) +
    pankou(122, 32, k.trim, k.edge) +
    pankou(142, 54, k.trim, k.edge) +
    line('M84 50 L90 100 L82 210 M156 50 L150 100 L158 210 M82 210 L158 210', k.trim, 3) +
    line('M154 170 L158 210 M86 170 L82 210', k.edge, 1.6) +
    line('M92 100 Q120 106 148 100', k.seam, 1.2)
  );
};

const COAT_BODY = 'M84 34 L104 26 L120 46 L136 26 L156 34 L188 54 L204 196 L182 200 L170 100 L172 218 L68 218 L70 100 L58 200 L36 196 L52 54 Z';
const lapels = (k: Inks, depth: number) =>
  shape(`M104 26 L120 46 L114 ${depth} L94 54 L98 40 Z`, k.main, k) + shape(`M136 26 L120 46 L126 ${depth} L146 54 L142 40 Z`, k.main, k);
const coat: Draw = (k) =>
  shape(COAT_BODY, k.main, k) +
  lapels(k, 92) +
  line('M120 92 L120 218', k.seam) +
  buttons(110, [112, 146], k, 3.2) +
  buttons(130, [112, 146], k, 3.2) +
  line('M80 160 L100 156 M160 160 L140 156', k.seam, 2) +
  line('M58 200 L36 196 M182 200 L204 196', k.trim, 4);

/** 羽绒服: a short puffer, the quilting in rounded channels. */
const puffer: Draw = (k) => {
  let channels = '';
  for (let y = 78; y < 178; y += 22) channels += `M72 ${y} Q120 ${y + 6} 168 ${y} `;
  return (
    shape('M80 44 Q120 56 160 44 L192 62 Q212 120 204 170 L180 174 Q178 130 170 104 L172 186 Q120 196 68 186 L70 104 Q62 130 60 174 L36 170 Q28 120 48 62 Z', k.main, k) +
    line(channels, k.seam, 1.6) +
    line('M44 100 Q52 104 62 100 M40 136 Q50 140 60 136 M196 100 Q188 104 178 100 M200 136 Q190 140 180 136', k.seam, 1.4) +
    shape('M90 28 L150 28 L156 50 Q120 60 84 50 Z', k.main, k) +
    line('M120 30 L120 190', k.edge, 2) +
    dot(120, 34, 3, k.trim)
  );
};

const blazer: Draw = (k) =>
  shape('M86 34 L104 28 L120 48 L136 28 L154 34 L186 52 L202 180 L180 184 L170 100 L172 198 L68 198 L70 100 L60 184 L38 180 L54 52 Z', k.main, k) +
  lapels(k, 122) +
  (k.twoTone ? shape('M142 82 L150 72 L156 80 L160 72 L162 82 Z', k.trim, k) : '') +
  dot(124, 136, 3.6, k.seam) +
  line('M120 122 L120 198', k.seam) +
  shape('M78 156 L104 156 L104 164 L78 164 Z', k.main, k) +
  shape('M162 156 L136 156 L136 164 L162 164 Z', k.main, k) +
  line('M140 82 L158 82', k.seam, 1.6);

/** 风衣: long and double-breasted, with a belt, epaulettes and a storm flap. */
const trench: Draw = (k) => {
  const belt = k.twoTone ? k.trim : mix(k.main, '#000000', 0.12);
  return (
    shape(COAT_BODY, k.main, k) +
    lapels(k, 84) +
    shape('M136 46 L160 50 L158 86 L136 80 Z', k.main, k) +
    line('M120 84 L120 218', k.seam) +
    buttons(108, [100, 126, 168, 194], k, 3) +
    buttons(134, [100, 126, 168, 194], k, 3) +
    `<rect x="70" y="140" width="100" height="12" fill="${belt}" stroke="${k.edge}" stroke-width="1.6"/>` +
    `<rect x="112" y="138" width="16" height="16" rx="2" fill="none" stroke="${k.edge}" stroke-width="2"/>` +
    line('M128 146 L148 166', belt, 6) +
    line('M70 38 L92 44 M170 38 L148 44', k.seam, 3) +
    line('M58 200 L36 196 M182 200 L204 196', k.seam, 3)
  );
};

/** 夹克: a denim jacket (yoke, chest pockets, stitching) or a bomber (ribbed collar, cuffs and hem in the trim colour). */
const jacket: Draw = (k, name) => {
  const body = 'M86 38 Q120 50 154 38 L186 54 L204 168 L182 174 L168 104 L168 176 L72 176 L72 104 L58 174 L36 168 L54 54 Z';
  if (name.includes('牛仔')) {
    return (
      shape(body, k.main, k) +
      shape('M86 38 L104 32 L120 52 L136 32 L154 38 L146 56 L120 52 L94 56 Z', k.main, k) +
      line('M120 52 L120 176', k.seam) +
      dashed('M72 78 Q120 86 168 78 M84 96 L108 96 L108 118 L84 118 Z M132 96 L156 96 L156 118 L132 118 Z M72 160 L168 160', k.seam) +
      [64, 90, 116, 142].map((y) => dot(114, y, 2.8, accent(k, k.seam))).join('')
    );
  }
  return (
    shape(body, k.main, k) +
    shape('M72 176 L168 176 L168 194 L72 194 Z', k.trim, k) +
    ribs(72, 168, 176, 194, mix(k.trim, '#000000', 0.25)) +
    shape('M86 38 Q120 52 154 38 L150 28 Q120 42 90 28 Z', k.trim, k) +
    shape('M182 174 L204 168 L208 186 L186 192 Z', k.trim, k) +
    shape('M58 174 L36 168 L32 186 L54 192 Z', k.trim, k) +
    line('M120 44 L120 176', k.seam, 2) +
    line('M150 84 L150 112 M90 124 L96 156 M150 124 L144 156', k.seam, 1.6)
  );
};

/** 运动外套 / 冲锋衣: a stand collar and zip, stripes down the sleeves in the trim colour. */
const trackJacket: Draw = (k, name) => {
  const shell = name.includes('冲锋');
  const body = shell
    ? 'M84 40 Q120 50 156 40 L188 56 L206 184 L184 190 L170 104 L172 206 L68 206 L70 104 L56 190 L34 184 L52 56 Z'
    : 'M86 42 Q120 52 154 42 L186 56 L204 176 L182 182 L168 104 L168 192 L72 192 L72 104 L58 182 L36 176 L54 56 Z';
  return (
    (shell ? shape('M92 44 Q120 8 148 44 Z', k.main, k) : '') +
    shape(body, k.main, k) +
    shape('M92 26 L148 26 L154 46 Q120 54 86 46 Z', k.main, k) +
    line(shell ? 'M120 30 L120 206' : 'M120 30 L120 192', k.edge, 2.4) +
    dot(120, 40, 3, k.trim) +
    line(shell ? 'M180 64 L196 186 M60 64 L44 186' : 'M178 64 L193 178 M62 64 L47 178', k.trim, 5) +
    (shell
      ? line('M80 120 L104 116 M160 120 L136 116 M82 150 L104 150 L104 178 L82 178 Z', k.seam, 1.6) + shape('M56 190 L34 184 L33 194 L55 200 Z', k.trim, k) + shape('M184 190 L206 184 L207 194 L185 200 Z', k.trim, k)
      : line('M72 192 L168 192', k.trim, 4) + line('M82 150 L104 146 M158 150 L136 146', k.seam, 1.6))
  );
};

// — shoes: a pair seen from the side, the far one set back and shaded —

const pair = (draw: (ink: Inks) => string, k: Inks) => {
  const far: Inks = { ...k, main: k.shade, trim: k.twoTone ? mix(k.trim, '#000000', 0.14) : mix(k.trim, '#000000', 0.1) };
  return `<g transform="translate(16 -12)">${draw(far)}</g><g transform="translate(-10 34)">${draw(k)}</g>`;
};
const sole = (d: string, k: Inks, fill = mix(k.main, '#000000', 0.35)) => shape(d, fill, k);

const loafer: Draw = (k) =>
  pair(
    (i) =>
      sole('M40 160 L196 160 Q204 168 196 174 L46 174 Q38 168 40 160 Z', i, mix(i.main, '#000000', 0.4)) +
      shape('M44 160 Q40 124 70 120 L98 118 Q150 110 186 134 Q202 146 196 160 Z', i.main, i) +
      shape('M98 118 Q126 108 150 116 Q132 132 104 132 Z', i.shade, i) +
      line('M112 134 L150 128', i.trim, 5) +
      dot(132, 131, 3, i.trim) +
      line('M150 118 Q176 130 186 146', i.seam, 1.2),
    k,
  );

const sneaker: Draw = (k, name) => {
  const chunky = name.includes('厚底');
  const top = chunky ? 146 : 156;
  return pair(
    (i) =>
      shape(`M36 ${top} L204 ${top} Q212 ${top + 9} 204 176 L42 176 Q30 ${top + 10} 36 ${top} Z`, '#f8f6f2', i) +
      line(`M42 ${top + 10} L202 ${top + 10}`, i.seam, 1) +
      shape(`M38 ${top} Q32 ${top - 34} 44 ${top - 46} Q58 ${top - 52} 70 ${top - 38} L82 ${top - 58} Q92 ${top - 62} 98 ${top - 54} L132 ${top - 34} Q176 ${top - 24} 200 ${top - 6} Q206 ${top - 2} 202 ${top} Z`, i.main, i) +
      shape(`M38 ${top - 26} Q34 ${top - 10} 40 ${top} L52 ${top} Q46 ${top - 14} 48 ${top - 30} Z`, i.trim, i) +
      line(`M62 ${top - 6} Q112 ${top - 4} 152 ${top - 30}`, i.trim, 7) +
      line(`M100 ${top - 50} L108 ${top - 40} M110 ${top - 44} L118 ${top - 34} M120 ${top - 38} L128 ${top - 28}`, i.seam, 2.4) +
      line(`M160 ${top - 24} Q180 ${top - 16} 198 ${top - 4}`, i.seam, 1.2),
    k,
  );
};

/** 切尔西短靴 (elastic side panel, pull tab) or 马丁靴 (laces, stitched welt in the trim colour). */
const boots: Draw = (k, name) => {
  const martin = name.includes('马丁');
  return pair(
    (i) =>
      sole(martin ? 'M44 154 L196 154 Q206 166 196 176 L50 176 Q40 166 44 154 Z' : 'M46 162 L194 162 Q200 170 194 176 L52 176 Q44 170 46 162 Z', i, mix(i.main, '#000000', 0.45)) +
      (martin ? line('M50 160 L192 160', i.trim, 1.6, ' stroke-dasharray="3 2"') : '') +
      shape(`M52 ${martin ? 154 : 162} L56 62 L112 62 L116 118 Q170 122 192 ${martin ? 154 : 162} Z`, i.main, i) +
      (martin
        ? line('M114 74 L136 118 M108 84 L124 90 M110 98 L128 104 M112 112 L132 116', i.seam, 2) + shape('M56 62 L112 62 L112 72 L56 72 Z', i.main, i)
        : shape('M70 62 L100 62 Q96 100 85 126 Q74 100 70 62 Z', accent(i, i.shade), i) + line('M78 70 L84 116 M92 70 L86 116', i.seam, 1) + shape('M104 50 L114 50 L112 66 L104 66 Z', i.main, i)),
    k,
  );
};

/** 玛丽珍鞋: a low shoe with a rounded toe, the opening showing its lining, a strap over the instep buttoned at the side. */
const maryjane: Draw = (k) =>
  pair(
    (i) =>
      sole('M44 160 L194 160 Q200 168 194 174 L48 174 Q40 168 44 160 Z', i, mix(i.main, '#000000', 0.4)) +
      shape('M46 160 Q40 140 50 126 Q84 134 116 124 Q160 118 186 132 Q198 142 196 160 Z', i.main, i) +
      shape('M54 128 Q84 118 116 124 Q84 136 54 128 Z', i.shade, i) +
      line('M78 136 Q86 118 102 110', i.main, 7) +
      line('M78 136 Q86 118 102 110', i.edge, 1.2, ' opacity="0.8"') +
      dot(80, 132, 3.2, i.twoTone ? i.trim : i.seam, i.edge) +
      shape('M44 160 L62 160 L62 174 L46 174 Z', mix(i.main, '#000000', 0.45), i),
    k,
  );

const heels: Draw = (k) =>
  pair(
    (i) =>
      shape('M52 120 L70 128 L64 178 L57 178 Z', accent(i, mix(i.main, '#000000', 0.3)), i) +
      shape('M50 96 Q48 112 54 124 Q100 130 136 172 L204 174 Q216 172 210 162 Q170 140 120 138 Q84 128 50 96 Z', i.main, i) +
      shape('M54 104 Q86 128 120 138 Q88 138 56 118 Z', i.shade, i) +
      line('M136 172 L204 174', mix(i.main, '#000000', 0.35), 2.4),
    k,
  );

/** 绣花鞋: a cloth shoe with a flower stitched on the toe in the second colour. */
const embroidered: Draw = (k) =>
  pair(
    (i) =>
      sole('M42 160 L196 160 Q204 168 196 174 L48 174 Q38 168 42 160 Z', i, '#ece6dc') +
      shape('M46 160 Q42 130 70 126 L100 126 Q152 116 190 140 Q200 150 196 160 Z', i.main, i) +
      line('M100 126 Q130 138 150 122', i.seam, 1.4) +
      flower(160, 140, 5, i.twoTone ? i.trim : i.seam, '#f3e3a0') +
      line('M142 146 Q150 140 154 132 M170 146 Q176 140 178 134', i.twoTone ? i.trim : i.seam, 1.4),
    k,
  );

// — accessories —

/** 围巾: a long scarf folded in two (tassels, a plaid in the trim colour), or a small square silk scarf. */
const scarf: Draw = (k, name) => {
  if (name.includes('方巾')) {
    const square = 'M120 34 L196 110 L120 186 L44 110 Z';
    return (
      shape(square, k.main, k) +
      clipped('silk', square, line('M120 50 L180 110 L120 170 L60 110 Z', k.trim, 4) + floralField(k, 60, 60, 180, 160, 28, 5)) +
      line('M120 40 L190 110 L120 180 L50 110 Z', k.seam, 1, ' stroke-dasharray="2 3"')
    );
  }
  const long = 'M88 30 L132 30 L132 196 L88 196 Z';
  const back = 'M120 46 L160 54 L150 210 L110 202 Z';
  let tassels = '';
  for (let x = 90; x <= 130; x += 5) tassels += `M${x} 196 L${x} 214 `;
  for (let x = 112; x <= 148; x += 5) tassels += `M${x} ${202 + (x - 112) * 0.2} L${x - 1} ${220 + (x - 112) * 0.2} `;
  const check = k.twoTone && name.includes('格纹');
  return (
    shape(back, k.shade, k) +
    (check ? clipped('scarf-back', back, plaid({ ...k, trim: mix(k.trim, '#000000', 0.1) }, 104, 40, 164, 214, 16)) : '') +
    shape(long, k.main, k) +
    (check
      ? clipped('scarf-front', long, plaid(k, 84, 26, 136, 200, 16))
      : line('M98 40 L98 188 M122 40 L122 188', k.seam, 1) + (k.twoTone ? `<rect x="88" y="166" width="44" height="8" fill="${k.trim}"/><rect x="88" y="180" width="44" height="4" fill="${k.trim}"/>` : '')) +
    shape('M80 30 L140 30 Q146 44 132 52 L88 52 Q74 44 80 30 Z', k.main, k) +
    line('M84 40 Q110 46 136 40', k.seam, 1.2) +
    line(tassels, k.main, 2) +
    line(tassels, k.edge, 0.6)
  );
};

/** 包: a tote, a shoulder bag on a chain, a sport crossbody, or a clutch — by what its name says it is. */
const bag: Draw = (k, name) => {
  if (name.includes('链条') || name.includes('腋下')) {
    let chain = '';
    for (let t = 0; t <= 1.0001; t += 1 / 14) {
      const x = 76 + 88 * t;
      const y = 118 - Math.sin(Math.PI * t) * 80;
      chain += `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="4.2" ry="2.6" fill="none" stroke="${k.trim}" stroke-width="2" transform="rotate(${(Math.cos(Math.PI * t) * -50).toFixed(0)} ${x.toFixed(1)} ${y.toFixed(1)})"/>`;
    }
    return (
      chain +
      shape('M60 118 Q60 108 72 108 L168 108 Q180 108 180 118 L176 182 Q176 190 166 190 L74 190 Q64 190 64 182 Z', k.main, k) +
      shape('M60 118 Q60 108 72 108 L168 108 Q180 108 180 118 L174 150 L66 150 Z', k.main, k) +
      `<rect x="110" y="140" width="20" height="14" rx="3" fill="${k.trim}" stroke="${k.edge}" stroke-width="1.2"/>` +
      line('M68 124 L172 124', k.seam, 1, ' opacity="0.6"')
    );
  }
  if (name.includes('斜挎')) {
    return (
      line('M56 132 Q80 40 150 30 Q200 40 184 132', k.trim, 8) +
      shape('M56 120 Q56 96 90 94 L150 94 Q184 96 184 120 L182 170 Q180 188 158 188 L82 188 Q60 188 58 170 Z', k.main, k) +
      line('M64 118 Q120 128 176 118', k.edge, 2.4) +
      line('M84 148 L156 148', k.trim, 4) +
      dot(172, 118, 3, k.trim)
    );
  }
  if (name.includes('手拿')) {
    const clutch = 'M44 96 L196 96 L196 174 Q196 180 190 180 L50 180 Q44 180 44 174 Z';
    return (
      '<g transform="translate(0 22)">' +
      shape(clutch, k.main, k) +
      shape('M44 96 L196 96 L120 146 Z', k.shade, k) +
      flower(120, 128, 7, k.trim, '#f3e3a0') +
      flower(92, 160, 5, k.trim, '#f3e3a0') +
      flower(150, 162, 5, k.trim, '#f3e3a0') +
      line('M96 150 Q108 146 114 136 M144 152 Q132 146 126 136', k.trim, 1.4) +
      '</g>'
    );
  }
  return (
    line('M84 94 Q84 36 120 36 Q156 36 156 94', k.shade, 7) +
    shape('M58 92 L182 92 L194 200 Q194 206 186 206 L54 206 Q46 206 46 200 Z', k.main, k) +
    line('M90 110 Q90 50 120 50 Q150 50 150 110', accent(k, k.main), 7) +
    line('M90 110 Q90 50 120 50 Q150 50 150 110', k.edge, 1, ' opacity="0.5"') +
    dot(90, 110, 3.5, k.seam) +
    dot(150, 110, 3.5, k.seam) +
    dashed('M60 104 L180 104', k.seam)
  );
};

/** 帽子: a baseball cap (peak, panels, the trim colour on the button and an embroidered mark) or a beret. */
const hat: Draw = (k, name) => `<g transform="translate(0 ${name.includes('贝雷') ? 40 : 34})">${hatShape(k, name)}</g>`;
const hatShape: Draw = (k, name) => {
  if (name.includes('贝雷')) {
    return (
      shape('M40 128 Q40 70 120 66 Q204 70 200 124 Q196 150 150 150 L92 150 Q44 150 40 128 Z', k.main, k) +
      shape('M78 142 Q120 160 164 142 L164 156 Q120 172 78 156 Z', k.shade, k) +
      line('M116 66 Q118 56 126 52', accent(k, k.edge), 3) +
      line('M70 104 Q110 84 170 98', k.seam, 1.2)
    );
  }
  return (
    shape('M52 150 Q56 78 120 72 Q184 78 188 150 Z', k.main, k) +
    shape('M118 150 Q170 140 214 160 Q208 176 170 172 Q136 168 118 160 Z', k.shade, k) +
    line('M120 72 L120 150 M120 72 Q92 100 88 150 M120 72 Q148 100 152 150', k.seam, 1.2) +
    dot(120, 74, 4.5, k.trim, k.edge) +
    star(100, 116, 11, k.trim)
  );
};

const DRAW: Record<Kind, Draw> = {
  tee,
  shirt,
  knit,
  hoodie,
  pankou: pankouTop,
  tank,
  trousers,
  joggers,
  skirt,
  mamian,
  dress,
  qipao,
  coat,
  puffer,
  blazer,
  trench,
  jacket,
  trackJacket,
  loafer,
  sneaker,
  boots,
  maryjane,
  heels,
  embroidered,
  scarf,
  bag,
  hat,
};

export const IMAGE_SIZE = 480;
export const IMAGE_GROUND = '#f5f2ed';

/** The picture of a product: its kind drawn in its colours, on the shop's light ground, with a soft shadow under it. */
export function productSvg(product: Pick<Product, 'kind' | 'name' | 'colours'>): string {
  const k = inksOf(product.colours);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="${IMAGE_SIZE}" height="${IMAGE_SIZE}">` +
    `<rect width="240" height="240" fill="${IMAGE_GROUND}"/>` +
    `<ellipse cx="120" cy="222" rx="78" ry="7" fill="#000000" opacity="0.06"/>` +
    DRAW[product.kind](k, product.name) +
    `</svg>`
  );
}
