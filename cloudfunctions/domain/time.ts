import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Shop time is Asia/Shanghai: UTC+8 all year (no daylight saving), so a fixed offset is exact. */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** The instant as a dayjs in shop time, for calendar reasoning (months, quarters, birthdays). */
export function shopTime(instant: Date) {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** The same shop-calendar moment n months later (month ends clamp: 03-31 + 1 month = 04-30). */
export function addMonths(instant: Date, months: number): Date {
  return shopTime(instant).add(months, 'month').toDate();
}

export function toIso(instant: Date): string {
  return instant.toISOString();
}


/** "2027-01-15 12:00" in shop time, for messages that name a moment. */
export function shopDateTimeLabel(instant: Date): string {
  return shopTime(instant).format('YYYY-MM-DD HH:mm');
}

/** The shop-calendar day of an instant as "YYYYMMDD" (keys of day buckets sort as dates). */
export function shopDayKey(instant: Date): string {
  return shopTime(instant).format('YYYYMMDD');
}

/** "2027-12-31" in shop time. */
export function shopDateLabel(instant: Date): string {
  return shopTime(instant).format('YYYY-MM-DD');
}

/** The first instant of the calendar quarter (Asia/Shanghai) the instant falls in. */
export function quarterStart(instant: Date): Date {
  const t = shopTime(instant);
  const firstMonth = Math.floor(t.month() / 3) * 3;
  return t.month(firstMonth).date(1).startOf('day').toDate();
}

/** The first instant of a shop-calendar year (00:00 on 1 January, Asia/Shanghai). */
export function shopYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MINUTES * 60_000);
}

/** The month ("MM") an instant falls in on the shop calendar. */
export function shopMonth(instant: Date): string {
  return shopTime(instant).format('MM');
}
