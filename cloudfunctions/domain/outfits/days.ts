import { shopDayKey } from '../time';

/** A shop day ("YYYYMMDD") as a count of days, so two days can be subtracted (UTC has no daylight saving to skip a day). */
export function dayNumber(key: string): number {
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(4, 6)) - 1, Number(key.slice(6, 8))) / 86_400_000;
}

/** Whole shop days from the day of `then` to the day of `now` (0: the same day, 1: yesterday). */
export function shopDaysSince(then: Date, now: Date): number {
  return dayNumber(shopDayKey(now)) - dayNumber(shopDayKey(then));
}
