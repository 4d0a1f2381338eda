/** Shop days as "YYYY-MM-DD" labels: calendar arithmetic on them (UTC dates: no daylight saving to meet). */

const DAY_MS = 86_400_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const utcOf = (label: string) => Date.UTC(Number(label.slice(0, 4)), Number(label.slice(5, 7)) - 1, Number(label.slice(8, 10)));

export function addDays(label: string, days: number): string {
  return new Date(utcOf(label) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcOf(b) - utcOf(a)) / DAY_MS);
}

/** 00:00 of the shop day (Asia/Shanghai, UTC+8) as an instant. */
export function shopDayStartOf(label: string): Date {
  return new Date(utcOf(label) - 8 * 3_600_000);
}

/** "12月5日 周六" */
export function dayText(label: string): string {
  const d = new Date(utcOf(label));
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`;
}

export const weekdayOf = (label: string) => WEEKDAYS[new Date(utcOf(label)).getUTCDay()]!;
