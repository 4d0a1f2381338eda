/**
 * A stable 32-bit hash of a text without Math.random or node:crypto (the rules stay pure and the
 * app can run them too): FNV-1a over its UTF-16 units, then a murmur3-style finaliser so that texts
 * differing in one character land far apart. The same text always gives the same number.
 */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
