import { stableHash } from '../hash';
/**
 * Seeded choice without Math.random: a number in [0, 1) from the caller's seed and a key (a piece
 * id, an outfit's ids). The same seed and key always give the same number, so a plan repeats
 * exactly; another seed shuffles near-equal candidates (the one stable hash, domain/hash.ts).
 */
export function seededUnit(seed: string, key: string): number {
  return stableHash(`${seed}\u0000${key}`) / 0x1_0000_0000;
}
