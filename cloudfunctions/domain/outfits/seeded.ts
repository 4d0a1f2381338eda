/**
 * Seeded choice without Math.random: a number in [0, 1) from the caller's seed and a key (a piece
 * id, an outfit's ids). The same seed and key always give the same number, so a plan repeats
 * exactly; another seed shuffles near-equal candidates. FNV-1a over the text, then a murmur3-style
 * finaliser so that keys differing in one character land far apart.
 */
export function seededUnit(seed: string, key: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${key}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}
