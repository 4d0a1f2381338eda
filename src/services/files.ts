/**
 * Where an avatar can be shown from. WeChat's <image> reads cloud:// file ids itself; the H5
 * preview has the dev gateway's stand-in storage instead, which serves
 * `cloud://styleclub-dev.local/<path>` at `/api/dev/files/<path>` (local/gateway.ts).
 */
const DEV_STORAGE = 'cloud://styleclub-dev.local/';
const DEV_FILES_ROUTE = '/api/dev/files/';

/** A src for <Image>, or null when this build cannot show the file (then the page draws initials). */
export function imageSrc(ref: string | null): string | null {
  if (!ref) return null;
  if (process.env.TARO_ENV !== 'h5') return ref;
  if (ref.startsWith('https://')) return ref;
  if (ref.startsWith(DEV_STORAGE)) return DEV_FILES_ROUTE + ref.slice(DEV_STORAGE.length);
  return null;
}

/**
 * A wardrobe piece's or a product's picture as a src for <Image>: the catalogue's images are paths
 * the app serves (/static/products/…), a photo the member added is a cloud file id.
 */
export function pictureSrc(ref: string): string {
  return ref.startsWith('cloud://') ? (imageSrc(ref) ?? '') : ref;
}
