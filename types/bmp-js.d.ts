/** bmp-js 0.1.0 (no types of its own): the reader the tests check our bitmaps with. */
declare module 'bmp-js' {
  /** `data`: 4 bytes a pixel, A B G R, rows top-down. */
  export function decode(buffer: Buffer): { width: number; height: number; data: Buffer };
}
