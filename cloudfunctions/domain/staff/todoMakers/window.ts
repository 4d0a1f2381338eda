import { dayKeyInstant, shopDayKey, shopDayStart, shopTime } from '../../time';

/** How many days a run catches up when the previous runs are missing (the first run, an outage). */
export const CATCH_UP_DAYS = 7;

/**
 * The shop days one run of the to-do job answers for: from the day after the last finished run
 * (at most CATCH_UP_DAYS back) to today. Each maker reads only the members who crossed into its
 * condition on those days, so a daily run reads one day's worth, not everyone due.
 */
export interface TodoRun {
  /** 00:00 shop time of the first day covered */
  firstDay: Date;
  /** 00:00 shop time of today */
  today: Date;
  /** 00:00 shop time of tomorrow: the end (exclusive) of the days covered */
  tomorrow: Date;
  /** no run finished in the CATCH_UP_DAYS before: a fresh start (a maker may then read all that is due now) */
  fresh: boolean;
}

/** The days a run covers, given the days ("YYYYMMDD") whose runs finished, of the CATCH_UP_DAYS before today. */
export function todoRun(now: Date, finishedDays: readonly string[]): TodoRun {
  const today = shopDayStart(now);
  let back = 1;
  while (back <= CATCH_UP_DAYS && !finishedDays.includes(shopDayKey(shopDayStart(now, -back)))) back += 1;
  return { firstDay: shopDayStart(now, 1 - back), today, tomorrow: shopDayStart(now, 1), fresh: back > CATCH_UP_DAYS };
}

/** The previous days whose runs decide where this run starts ("YYYY-MM-DD", newest first). */
export function previousRunDates(now: Date): string[] {
  return Array.from({ length: CATCH_UP_DAYS }, (_, i) => shopTime(shopDayStart(now, -(i + 1))).format('YYYY-MM-DD'));
}

/** A run's days, for the cursor: the first day as "YYYYMMDD", and "+" for a fresh start. */
export const runKey = (run: TodoRun) => shopDayKey(run.firstDay) + (run.fresh ? '+' : '');

/** Back from the cursor's key to the run (the run keeps the days it started with). */
export function runFromKey(key: string, now: Date): TodoRun {
  const days = shopDaysBetween(dayKeyInstant(key.slice(0, 8)), now);
  return { firstDay: shopDayStart(now, -days), today: shopDayStart(now), tomorrow: shopDayStart(now, 1), fresh: key.endsWith('+') };
}

/** Whole shop days from the day of `a` to the day of `b` (negative when b is earlier). */
export function shopDaysBetween(a: Date, b: Date): number {
  return Math.round(shopTime(b).startOf('day').diff(shopTime(a).startOf('day'), 'day'));
}
