import type { WardrobeItem } from './item';

const DAY = 86_400_000;
/** A piece not worn for this long is a 被遗忘的宝贝 (6 weeks). */
export const FORGOTTEN_AFTER_DAYS = 42;

/** Times worn: each shop day once. */
export const wearsOf = (i: Pick<WardrobeItem, 'wornDays'>) => i.wornDays.length;

/** Price ÷ wears, rounded to the fen, for a bought piece worn at least once; null otherwise. */
export function costPerWear(i: Pick<WardrobeItem, 'priceFen' | 'wornDays'>): number | null {
  const wears = wearsOf(i);
  return i.priceFen !== null && wears > 0 ? Math.round(i.priceFen / wears) : null;
}

/** Not worn for 6 weeks (a piece never worn counts from when it arrived), and still in the wardrobe. */
export function isForgotten(i: Pick<WardrobeItem, 'status' | 'lastWornAt' | 'addedAt'>, now: Date): boolean {
  const since = i.lastWornAt ?? i.addedAt;
  return i.status === 'active' && now.getTime() - since.getTime() >= FORGOTTEN_AFTER_DAYS * DAY;
}

/** The forgotten pieces, longest forgotten first. */
export function forgottenItems<T extends Pick<WardrobeItem, 'status' | 'lastWornAt' | 'addedAt' | '_id'>>(items: readonly T[], now: Date): T[] {
  const since = (i: T) => (i.lastWornAt ?? i.addedAt).getTime();
  return items.filter((i) => isForgotten(i, now)).sort((a, b) => since(a) - since(b) || (a._id < b._id ? -1 : 1));
}
