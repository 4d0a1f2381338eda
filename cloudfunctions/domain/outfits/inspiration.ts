import { shopDaysSince } from './days';

/** 3 天穿搭灵感 runs this many shop days from the first style report (its day is day 1). */
export const INSPIRATION_DAYS = 3;

/** Which day of the inspiration `now` is (1–3), or null before the report or after the third day. */
export function inspirationDay(firstReportAt: Date, now: Date): number | null {
  const since = shopDaysSince(firstReportAt, now);
  return since >= 0 && since < INSPIRATION_DAYS ? since + 1 : null;
}
