import { birthdayOn } from '../../coupons/birthday';
import { dayKeyInstant, shopDayEnd, shopDayStart, shopTime } from '../../time';
import type { TodoMaker } from './maker';
import { shopDaysBetween, type TodoRun } from './window';
import { daysAwayWords, monthDayWords } from './words';

/** A birthday gets its to-do this many days ahead (the birthday gift opens then too). */
export const BIRTHDAY_DAYS_AHEAD = 3;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The member's next birthday on or after the shop day of `at` (a 29 February birthday on 28 February in other years). */
export function nextBirthday(birthday: string, at: Date): { year: number; on: Date; days: number } {
  const year = shopTime(at).year();
  for (const y of [year, year + 1]) {
    const on = dayKeyInstant(birthdayOn(birthday, y).replace(/-/g, ''));
    const days = shopDaysBetween(at, on);
    if (days >= 0) return { year: y, on, days };
  }
  throw new Error(`no birthday ahead for ${birthday}`);
}

/**
 * The month-days ("MM-DD") whose birthdays enter the 3-day window on the run's days, across the
 * year end (12-30 → 01-02) and with "02-29" beside a 28 February of a year without one.
 */
export function birthdayDays(run: TodoRun): string[] {
  const days: string[] = [];
  const first = Math.max(shopDaysBetween(run.today, run.firstDay) + BIRTHDAY_DAYS_AHEAD, 0);
  for (let ahead = first; ahead <= BIRTHDAY_DAYS_AHEAD; ahead += 1) {
    const day = shopTime(shopDayStart(run.today, ahead));
    const md = day.format('MM-DD');
    days.push(md);
    if (md === '02-28' && !isLeap(day.year())) days.push('02-29');
  }
  return days;
}

/** 生日 12月8日（3天后）: a call before the birthday, due the day before it. */
export const birthdayMaker: TodoMaker = {
  kind: 'birthday',
  reads: { by: 'birthday' },
  make(m, now) {
    if (!m.birthday) return null;
    const next = nextBirthday(m.birthday, now);
    if (next.days > BIRTHDAY_DAYS_AHEAD) return null;
    return { occasion: String(next.year), dueAt: next.days === 0 ? shopDayEnd(now) : shopDayEnd(shopDayStart(next.on, -1)) };
  },
  reason(m, todo, now) {
    if (!m.birthday) return null;
    const { on } = nextBirthday(m.birthday, todo.createdAt);
    return `生日 ${monthDayWords(on)}（${daysAwayWords(shopDaysBetween(now, on))}）`;
  },
};
