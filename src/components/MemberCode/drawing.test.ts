import {
  BarcodeFormat,
  BinaryBitmap,
  BitArray,
  Code128Reader,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { decode as decodeBmp } from 'bmp-js';
import { barcodeDrawing, bitmapDataUri, type Drawing, qrDrawing } from './drawing';

/** Pixels per module: what a phone screen gives a scanner, roughly. */
const SCALE = 4;

/** The drawing as a greyscale picture, black rects on white, nothing added around it. */
function rasterise(d: Drawing, scale = SCALE): { pixels: Uint8ClampedArray; width: number; height: number } {
  const width = d.width * scale;
  const height = d.height * scale;
  const pixels = new Uint8ClampedArray(width * height).fill(255);
  for (const [x, y, w, h] of d.rects) {
    for (let row = y * scale; row < (y + h) * scale; row += 1) pixels.fill(0, row * width + x * scale, row * width + (x + w) * scale);
  }
  return { pixels, width, height };
}

function bitmapOf(d: Drawing): BinaryBitmap {
  const { pixels, width, height } = rasterise(d);
  return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height)));
}

function readQr(d: Drawing): string {
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  return new QRCodeReader().decode(bitmapOf(d), hints).getText();
}

/** A handheld scanner reads one line across the bars: the middle row. */
function readCode128(d: Drawing): { text: string; format: BarcodeFormat } {
  const bitmap = bitmapOf(d);
  const y = Math.floor(bitmap.getHeight() / 2);
  const result = new Code128Reader().decodeRow(y, bitmap.getBlackRow(y, new BitArray(bitmap.getWidth())), new Map());
  return { text: result.getText(), format: result.getBarcodeFormat() };
}

/** True when no dark module lies within `quiet` modules of the left or right (and, if asked, top and bottom) edge. */
function hasQuietZone(d: Drawing, quiet: number, vertical: boolean): boolean {
  return d.rects.every(
    ([x, y, w, h]) => x >= quiet && x + w <= d.width - quiet && (!vertical || (y >= quiet && y + h <= d.height - quiet)),
  );
}

const CODES: Array<[string, string]> = [
  ['a code as the functions issue it (the 66 prefix)', '660123456789012345'],
  ['a code with leading zeros', '000000000000000042'],
  ['a code of all nines', '999999999999999999'],
  ['a code of all zeros', '000000000000000000'],
  ['a code with odd runs of digits', '661010101099999001'],
];

describe('the QR code drawing is a real QR code of the member code', () => {
  it.each(CODES)('%s (%s) reads back exactly', (_name, code) => {
    expect(readQr(qrDrawing(code))).toBe(code);
  });

  it('keeps the 4-module quiet zone the standard asks for on every side', () => {
    const d = qrDrawing('660123456789012345');
    expect(hasQuietZone(d, 4, true)).toBe(true);
    expect(d.width).toBe(d.height);
  });

  it('draws an 18-digit member code as the smallest QR version (21 modules + quiet zones), so each module is large on screen', () => {
    expect(qrDrawing('660123456789012345').width).toBe(21 + 2 * 4);
  });

  it('refuses text longer than any QR code can hold', () => {
    // version 40-M holds 5,596 digits in numeric mode, 2,331 bytes otherwise
    expect(() => qrDrawing('6'.repeat(6000))).toThrow();
    expect(() => qrDrawing('a'.repeat(3000))).toThrow();
  });
});

describe('the barcode drawing is a real Code 128 barcode of the member code', () => {
  it.each(CODES)('%s (%s) reads back exactly', (_name, code) => {
    expect(readCode128(barcodeDrawing(code))).toEqual({ text: code, format: BarcodeFormat.CODE_128 });
  });

  it('keeps a 10-module quiet zone on the left and the right', () => {
    const d = barcodeDrawing('660123456789012345');
    expect(hasQuietZone(d, 10, false)).toBe(true);
  });

  it('packs 18 digits as nine set C pairs: start, 9 pairs, check and stop are 12 symbols of 11 modules plus the 2-module stop bar', () => {
    const d = barcodeDrawing('660123456789012345');
    expect(d.width - 20).toBe(12 * 11 + 2);
  });

  it('draws every bar the full height asked for', () => {
    const d = barcodeDrawing('660123456789012345', 24);
    expect(d.height).toBe(24);
    expect(d.rects.every(([, y, , h]) => y === 0 && h === 24)).toBe(true);
  });

  it.each([
    ['empty text', ''],
    ['Chinese characters', '会员码'],
    ['a letter outside ASCII', 'café'],
    ['letters', 'ABCDEF'],
    ['an odd number of digits', '12345'],
  ])('refuses %s', (_name, text) => {
    expect(() => barcodeDrawing(text)).toThrow(/cannot encode/);
  });
});

describe('bitmapDataUri draws the same picture as a bitmap, one pixel a module', () => {
  const drawings: Array<[string, Drawing]> = [
    ['the QR code', qrDrawing('660123456789012345')],
    ['the barcode', barcodeDrawing('000000000000000042')],
    // a width that is a multiple of 32 pixels: no padding at the end of a row
    ['a drawing exactly 32 wide', { width: 32, height: 3, rects: [[0, 0, 1, 1], [31, 2, 1, 1], [8, 1, 16, 1]] }],
  ];

  /** The picture as an independent BMP reader (bmp-js) sees it: true where a pixel is dark. */
  function decoded(uri: string): { width: number; height: number; dark: (x: number, y: number) => boolean } {
    const prefix = 'data:image/bmp;base64,';
    expect(uri.startsWith(prefix)).toBe(true);
    const bmp = decodeBmp(Buffer.from(uri.slice(prefix.length), 'base64'));
    // bmp-js gives ABGR bytes per pixel
    return { width: bmp.width, height: bmp.height, dark: (x, y) => bmp.data[(y * bmp.width + x) * 4 + 1] === 0 };
  }

  const inDrawing = (d: Drawing, x: number, y: number) => d.rects.some(([rx, ry, w, h]) => x >= rx && x < rx + w && y >= ry && y < ry + h);

  it.each(drawings)('%s: the bitmap is the drawing\'s size in modules', (_name, d) => {
    const bmp = decoded(bitmapDataUri(d));
    expect([bmp.width, bmp.height]).toEqual([d.width, d.height]);
  });

  it.each(drawings)('%s: a pixel is black exactly where a dark rect of the drawing is, white elsewhere', (_name, d) => {
    const bmp = decoded(bitmapDataUri(d));
    const wrong: string[] = [];
    for (let y = 0; y < d.height; y += 1) for (let x = 0; x < d.width; x += 1) if (bmp.dark(x, y) !== inDrawing(d, x, y)) wrong.push(`${x},${y}`);
    expect(wrong).toEqual([]);
  });
});
