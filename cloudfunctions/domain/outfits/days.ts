import { shopDayKey } from '../time';

/**
 * A shop day as a count of days, so two days can be subtracted (UTC has no daylight saving to skip
 * a day). Both spellings in use are read: "YYYYMMDD" (day buckets) and "YYYY-MM-DD" (the wardrobe's
 * worn days).
 */
export function dayNumber(day: string): number {
  const key = day.replaceAll('-', '');
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(4, 6)) - 1, Number(key.slice(6, 8))) / 86_400_000;
}

/** Whole shop days from the day of `then` to the day of `now` (0: the same day, 1: yesterday). */
export function shopDaysSince(then: Date, now: Date): number {
  return dayNumber(shopDayKey(now)) - dayNumber(shopDayKey(then));
}
