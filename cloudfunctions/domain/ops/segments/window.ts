import type { SpendDays } from '../../spend';
import { addMonths, dayKeyInstant, shopDateLabel, shopDayKey } from '../../time';

/**
 * The 12 months the RFM scores look at, as spend-day keys: the days after the same date a year
 * earlier, through the run's day (the tier rules' `yearSpend` window). Everything the scores need
 * is on the member: `spendDays` holds net fen per shop day (a refund lowers its day; a day
 * refunded whole drops out), so recency is the newest day with spend, frequency the days with
 * spend (purchase days: two orders on one day are one visit) and monetary their net sum.
 */
export interface RfmWindow {
  /** exclusive lower bound ("YYYYMMDD") */
  after: string;
  /** inclusive upper bound: the run's own shop day */
  through: string;
  /** the run's day, "YYYY-MM-DD" */
  day: string;
}

export function rfmWindow(now: Date): RfmWindow {
  return { after: shopDayKey(addMonths(now, -12)), through: shopDayKey(now), day: shopDateLabel(now) };
}

/** One member's raw RFM facts in the window; `lastKey` null: no purchase in it (not in the scored population). */
export interface RfmFacts {
  lastKey: string | null;
  days: number;
  fen: number;
}

export function rfmFacts(spendDays: SpendDays | undefined, w: RfmWindow): RfmFacts {
  let lastKey: string | null = null;
  let days = 0;
  let fen = 0;
  for (const [k, v] of Object.entries(spendDays ?? {})) {
    if (k <= w.after || k > w.through) continue;
    days += 1;
    fen += v;
    if (lastKey === null || k > lastKey) lastKey = k;
  }
  return { lastKey, days, fen };
}

const DAY_MS = 86_400_000;

/** Whole shop days from a spend-day key to the window's last day (0: today). */
export function daysSinceKey(key: string, w: RfmWindow): number {
  return Math.round((dayKeyInstant(w.through).getTime() - dayKeyInstant(key).getTime()) / DAY_MS);
}

/** Whole shop days from the day an instant falls in to the window's last day. */
export function daysSince(instant: Date, w: RfmWindow): number {
  return daysSinceKey(shopDayKey(instant), w);
}

/** "YYYY-MM-DD" n days before a "YYYY-MM-DD" day. */
export function dayBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
}
