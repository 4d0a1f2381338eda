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

/**
 * The drawing as a 1-bit BMP data URI, one pixel per module, for the browser's own <img> (H5; the
 * CSS scales it up with `image-rendering: pixelated`). A bitmap, not an SVG: Chromium builds a
 * whole SVG document for each SVG image and paints it on the main thread, which kept the code off
 * the screen ≈ 70 ms longer at 4× CPU (bench/tmp measurement, both images); a bitmap is decoded as
 * pixels. BMP because it needs no compression: the header and the rows are the whole format.
 */
export function bitmapDataUri(d: Drawing): string {
  const rowBytes = Math.ceil(d.width / 32) * 4; // rows are padded to 4 bytes
  const HEADER = 14 + 40 + 8; // file header, info header, a two-colour palette
  const bytes = new Uint8Array(HEADER + rowBytes * d.height);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42; // 'B'
  bytes[1] = 0x4d; // 'M'
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, HEADER, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, d.width, true);
  view.setInt32(22, d.height, true); // positive: rows stored bottom-up, as every reader expects
  view.setUint16(26, 1, true);
  view.setUint16(28, 1, true); // 1 bit a pixel
  view.setUint32(34, rowBytes * d.height, true);
  view.setUint32(46, 2, true); // colours in the palette
  view.setUint32(54, 0x000000, true); // bit 0: black
  view.setUint32(58, 0xffffff, true); // bit 1: white
  bytes.fill(0xff, HEADER);
  for (const [x, y, w, h] of d.rects) {
    for (let row = y; row < y + h; row += 1) {
      const start = HEADER + (d.height - 1 - row) * rowBytes;
      for (let col = x; col < x + w; col += 1) bytes[start + (col >> 3)]! &= ~(0x80 >> (col & 7));
    }
  }
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/bmp;base64,${btoa(binary)}`;
}
