import type { SpendDays } from '../spend';
import { dayKeyInstant } from '../time';

/**
 * Win-back by purchase cycle (issue 19, part 6): a member with at least 3 purchase days has a
 * cycle of their own — the median gap between them — and is due a win-back once that gap has
 * passed by half again (1.5 × the cycle after the last purchase), at most once per cycle. Members
 * with fewer purchases keep the fixed rule (30 days, at most once per 90: events.ts).
 *
 * Purchases are read from what the member keeps anyway: the shop days with net spend
 * (`spendDays`, 25 months). Two orders on one day are one visit; a day refunded whole is no visit.
 */
export const CYCLE_MIN_PURCHASES = 3;
/** due when the usual gap has passed by half again */
export const CYCLE_LATE_FACTOR = 1.5;
/** A cycle shorter than a week counts as a week: three visits in three days do not make a shopper "missed" after a day and a half. */
export const CYCLE_FLOOR_DAYS = 7;
const DAY_MS = 86_400_000;

/** The shop days the member bought on, oldest first. */
export function purchaseDays(days: SpendDays | undefined): string[] {
  return Object.entries(days ?? {})
    .filter(([, fen]) => fen > 0)
    .map(([k]) => k)
    .sort();
}

/** Whole days between consecutive purchase days. */
export function gapsOf(days: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < days.length; i += 1) out.push(Math.round((dayKeyInstant(days[i]!).getTime() - dayKeyInstant(days[i - 1]!).getTime()) / DAY_MS));
  return out;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The member's own purchase cycle in days (the median gap, at least a week), or null below 3 purchase days. */
export function purchaseCycleDays(days: SpendDays | undefined): number | null {
  const bought = purchaseDays(days);
  if (bought.length < CYCLE_MIN_PURCHASES) return null;
  return Math.max(CYCLE_FLOOR_DAYS, median(gapsOf(bought))!);
}

/** How long after the last purchase a cycle member is due, and how long after a win-back the next may come. */
export function cycleTiming(cycleDays: number): { afterMs: number; gapMs: number } {
  return { afterMs: Math.round(CYCLE_LATE_FACTOR * cycleDays * DAY_MS), gapMs: Math.round(cycleDays * DAY_MS) };
}
