/**
 * Reading codes in tests, as a camera at the counter or a phone's scanner would: PNG (pngjs) →
 * greyscale → zxing. Used by the browser tests (screenshots of the card's codes, the invite poster)
 * and the local cloud's wxacode fake test.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BarcodeFormat,
  BinaryBitmap,
  Code128Reader,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';

function luminance(png: Buffer): RGBLuminanceSource {
  const image = PNG.sync.read(png);
  const grey = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < grey.length; i += 1) {
    const r = image.data[i * 4]!;
    const g = image.data[i * 4 + 1]!;
    const b = image.data[i * 4 + 2]!;
    const a = image.data[i * 4 + 3]! / 255;
    // composite on white: a transparent pixel is paper, not ink
    grey[i] = Math.round(((r * 299 + g * 587 + b * 114) / 1000) * a + 255 * (1 - a));
  }
  return new RGBLuminanceSource(grey, image.width, image.height);
}

function hints(format: BarcodeFormat): Map<DecodeHintType, unknown> {
  return new Map<DecodeHintType, unknown>([
    [DecodeHintType.TRY_HARDER, true],
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
  ]);
}

/**
 * Reads a QR code from a PNG screenshot of the code's element, as a counter camera would. zxing's
 * finder-pattern detector misjudges the symbol's size on about 1 in 15 of these pixel-exact renders
 * (33 modules over 320 device px: modules alternate 9 and 10 px; measured 10 of 150), so a failed
 * detection is retried as a pure barcode (the screenshot is exactly the symbol and its quiet zone).
 * Either way the whole symbol is read and checked with its error correction.
 */
export function decodeQr(png: Buffer): string {
  return decoding(png, 'qr', (bitmap) => {
    try {
      return new QRCodeReader().decode(bitmap, hints(BarcodeFormat.QR_CODE)).getText();
    } catch {
      return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]])).getText();
    }
  });
}

/** Reads a Code 128 barcode from a PNG screenshot, as a handheld scanner would (rows across it). */
export function decodeCode128(png: Buffer): string {
  return decoding(png, 'code128', (bitmap) => new Code128Reader().decode(bitmap, hints(BarcodeFormat.CODE_128)).getText());
}

/** On a failed read, keeps the picture (its path in the error) so a person can look at what the scanner saw. */
function decoding(png: Buffer, what: string, read: (bitmap: BinaryBitmap) => string): string {
  try {
    return read(new BinaryBitmap(new HybridBinarizer(luminance(png))));
  } catch (e) {
    const file = join(tmpdir(), `styleclub-e2e-${what}-${Date.now()}-${randomBytes(3).toString('hex')}.png`);
    writeFileSync(file, png);
    throw new Error(`could not read the ${what} (${e instanceof Error ? e.name || e.message : String(e)}): the screenshot is ${file}`);
  }
}

/** The part of a PNG inside a box (in the PNG's pixels): a code read on its own, as a camera aimed at it would. */
export function cropPng(png: Buffer, box: { x: number; y: number; width: number; height: number }): Buffer {
  const src = PNG.sync.read(png);
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const width = Math.min(src.width - x0, Math.ceil(box.width));
  const height = Math.min(src.height - y0, Math.ceil(box.height));
  const out = new PNG({ width, height });
  PNG.bitblt(src, out, x0, y0, width, height, 0, 0);
  return PNG.sync.write(out);
}
