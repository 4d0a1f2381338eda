import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Shop time is Asia/Shanghai: UTC+8 all year (no daylight saving), so a fixed offset is exact. */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;

/**
 * The instant as a dayjs whose wall clock reads shop time, for calendar reasoning (months,
 * quarters, birthdays). It is a UTC dayjs moved by the offset: calendar arithmetic in UTC never
 * meets a daylight-saving change of the server's own zone.
 */
export function shopTime(instant: Date) {
  return dayjs.utc(instant.getTime() + OFFSET_MS);
}

/** Back from a shop wall-clock dayjs (shopTime) to the instant. */
function instantOf(wall: dayjs.Dayjs): Date {
  return new Date(wall.valueOf() - OFFSET_MS);
}

/** The same shop-calendar moment n months later (month ends clamp: 03-31 + 1 month = 04-30). */
export function addMonths(instant: Date, months: number): Date {
  return instantOf(shopTime(instant).add(months, 'month'));
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
  return instantOf(t.month(Math.floor(t.month() / 3) * 3).date(1).startOf('day'));
}

/** The last instant of the shop-calendar day an instant falls in. */
export function shopDayEnd(instant: Date): Date {
  return instantOf(shopTime(instant).endOf('day'));
}

/** The first instant of a shop-calendar year (00:00 on 1 January, Asia/Shanghai). */
export function shopYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MINUTES * 60_000);
}

/** The month ("MM") an instant falls in on the shop calendar. */
export function shopMonth(instant: Date): string {
  return shopTime(instant).format('MM');
}

/** Noon (shop time) of a "YYYYMMDD" day key: an instant safely inside that shop day. */
export function dayKeyInstant(key: string): Date {
  return instantOf(dayjs.utc(`${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}T12:00:00Z`));
}

/** 00:00 (shop time) of the shop day `days` days after the one an instant falls in. */
export function shopDayStart(instant: Date, days = 0): Date {
  return instantOf(shopTime(instant).startOf('day').add(days, 'day'));
}

/** 00:00 (shop time) of the first day of the shop-calendar month an instant falls in. */
export function shopMonthStart(instant: Date): Date {
  return instantOf(shopTime(instant).startOf('month'));
}

/** The shop-calendar month of an instant as "YYYYMM" (a monthly budget's key). */
export function shopMonthKey(instant: Date): string {
  return shopTime(instant).format('YYYYMM');
}
