import { correction, generate, mode } from 'lean-qr';
import CODE128C from 'jsbarcode/bin/barcodes/CODE128/CODE128C.js';

/** A black-on-white picture in module units: what both the SVG (H5) and the canvas (weapp) draw. */
export interface Drawing {
  width: number;
  height: number;
  /** dark rectangles: x, y, width, height */
  rects: Array<[number, number, number, number]>;
}

/** The quiet zone scanners need around a QR code, in modules (the standard asks for 4). */
const QR_QUIET = 4;
/** A Code 128 symbol needs 10 modules of quiet zone on each side. */
const BAR_QUIET = 10;

/**
 * QR code of the text, error correction M at least (survives a scuffed screen protector; the
 * library takes a higher level when the same version has room). lean-qr rather than a larger
 * encoder: the card page is in the main package, whose every kilobyte counts.
 */
export function qrDrawing(text: string): Drawing {
  // digits in numeric mode: 18 of them fit version 1 (21 modules, not 25), so each module is drawn larger
  const qr = generate(/^\d+$/.test(text) ? mode.numeric(text) : text, { minCorrectionLevel: correction.M });
  const n = qr.size;
  const rects: Drawing['rects'] = [];
  for (let row = 0; row < n; row += 1) {
    // merge dark runs within a row: fewer shapes, no hairline seams when scaled
    let col = 0;
    while (col < n) {
      if (!qr.get(col, row)) { col += 1; continue; }
      const start = col;
      while (col < n && qr.get(col, row)) col += 1;
      rects.push([start + QR_QUIET, row + QR_QUIET, col - start, 1]);
    }
  }
  return { width: n + 2 * QR_QUIET, height: n + 2 * QR_QUIET, rects };
}

/** Code 128 in set C: a member code is 18 digits, drawn as nine compact digit pairs (anything else is refused). */
export function barcodeDrawing(text: string, height = 40): Drawing {
  const symbol = new CODE128C(text, {});
  if (!symbol.valid()) throw new Error(`cannot encode ${JSON.stringify(text)} as Code 128`);
  const bars = symbol.encode().data;
  const rects: Drawing['rects'] = [];
  let i = 0;
  while (i < bars.length) {
    if (bars[i] !== '1') { i += 1; continue; }
    const start = i;
    while (i < bars.length && bars[i] === '1') i += 1;
    rects.push([start + BAR_QUIET, 0, i - start, height]);
  }
  return { width: bars.length + 2 * BAR_QUIET, height, rects };
}

/** The drawing as an SVG data URI for an <Image> (measured to render in the H5 build). */
export function svgDataUri(d: Drawing): string {
  const path = d.rects.map(([x, y, w, h]) => `M${x} ${y}h${w}v${h}h-${w}z`).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${d.width} ${d.height}" preserveAspectRatio="none" shape-rendering="crispEdges">` +
    `<rect width="${d.width}" height="${d.height}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

