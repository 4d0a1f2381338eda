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
