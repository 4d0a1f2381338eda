import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { SHANGHAI_OFFSET_MINUTES, shopTime } from '../time';

dayjs.extend(utc);

/** The birthday coupon can be claimed from 3 days before the birthday until 7 days after it. */
export const BIRTHDAY_OPENS_DAYS_BEFORE = 3;
export const BIRTHDAY_CLOSES_DAYS_AFTER = 7;

const DAY_MS = 86_400_000;
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The day a birthday falls on in a year, as "YYYY-MM-DD": a 29 February birthday is kept on 28
 * February in years without one (the member still gets a birthday, and before the day is over).
 */
export function birthdayOn(birthday: string, year: number): string {
  const md = birthday === '02-29' && !isLeap(year) ? '02-28' : birthday;
  return `${year}-${md}`;
}

export interface BirthdayWindow {
  /** the year of the birthday (the gift's "one per year") */
  year: number;
  /** "YYYY-MM-DD" */
  birthdayOn: string;
  /** 00:00 shop time, 3 days before */
  opensAt: Date;
  /** the first instant after the 7th day after the birthday */
  closesAt: Date;
}

function windowOf(birthday: string, year: number): BirthdayWindow {
  const on = birthdayOn(birthday, year);
  const dayStart = Date.parse(`${on}T00:00:00Z`) - SHANGHAI_OFFSET_MINUTES * 60_000;
  return {
    year,
    birthdayOn: on,
    opensAt: new Date(dayStart - BIRTHDAY_OPENS_DAYS_BEFORE * DAY_MS),
    closesAt: new Date(dayStart + (BIRTHDAY_CLOSES_DAYS_AFTER + 1) * DAY_MS),
  };
}

/**
 * The claim window `now` falls in, or null. Around New Year a window spans two years: a 30 December
 * birthday opens on the 27th and closes on 6 January, and it is the birthday's year that counts.
 */
export function birthdayWindowAt(birthday: string, now: Date): BirthdayWindow | null {
  const year = shopTime(now).year();
  for (const y of [year - 1, year, year + 1]) {
    const w = windowOf(birthday, y);
    if (w.opensAt.getTime() <= now.getTime() && now.getTime() < w.closesAt.getTime()) return w;
  }
  return null;
}

/** The next window that has not closed yet (the one `now` is in, else the coming one). */
export function nextBirthdayWindow(birthday: string, now: Date): BirthdayWindow {
  const year = shopTime(now).year();
  for (const y of [year - 1, year, year + 1]) {
    const w = windowOf(birthday, y);
    if (now.getTime() < w.closesAt.getTime()) return w;
  }
  return windowOf(birthday, year + 1);
}

/**
 * The stored birthdays ("MM-DD") whose claim window opens on the shop day of `now`: those on the
 * day 3 days ahead, and in a year without 29 February, "02-29" along with "02-28". The birthday
 * job reads exactly these members through the month-day index.
 */
export function birthdaysOpeningOn(now: Date): string[] {
  const day = shopTime(now).add(BIRTHDAY_OPENS_DAYS_BEFORE, 'day');
  const md = day.format('MM-DD');
  return md === '02-28' && !isLeap(day.year()) ? ['02-28', '02-29'] : [md];
}
