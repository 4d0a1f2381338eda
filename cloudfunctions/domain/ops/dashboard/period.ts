import { shopDateLabel, shopDayStart } from '../../time';

/** The dashboard's window: `days` whole shop days ending with today (Asia/Shanghai), as instants and labels. */
export interface DashboardPeriod {
  days: number;
  /** 00:00 of the first day, and 00:00 of tomorrow (the end, excluded) */
  from: Date;
  until: Date;
  /** every day of the window, YYYY-MM-DD, oldest first */
  labels: string[];
}

export function dashboardPeriod(now: Date, days: number): DashboardPeriod {
  const from = shopDayStart(now, 1 - days);
  const labels = Array.from({ length: days }, (_, i) => shopDateLabel(shopDayStart(now, 1 - days + i)));
  return { days, from, until: shopDayStart(now, 1), labels };
}

/** Points expiring within this many days count as "expiring soon" (the points reminder's window too). */
export const EXPIRING_WITHIN_DAYS = 30;
