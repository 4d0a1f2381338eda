import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Dates are shown as the shop sees them: Asia/Shanghai, UTC+8 all year. */
const SHOP_OFFSET_MINUTES = 8 * 60;

/** "2026年11月25日" */
export function shopDate(iso: string): string {
  return dayjs(iso).utcOffset(SHOP_OFFSET_MINUTES).format('YYYY年M月D日');
}

/** "2026.11.25", for tight spaces like the card */
export function shopDateShort(iso: string): string {
  return dayjs(iso).utcOffset(SHOP_OFFSET_MINUTES).format('YYYY.MM.DD');
}

/** "2026-11-25 10:00" */
export function shopDateTime(iso: string): string {
  return dayjs(iso).utcOffset(SHOP_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm');
}

/** "1,280" */
export function thousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "03-08" → "3月8日" */
export function monthDayLabel(monthDay: string): string {
  const [m, d] = monthDay.split('-').map(Number);
  return `${m}月${d}日`;
}

/** Member numbers read in groups of four: "1234 5678 9012" */
export function grouped(digits: string): string {
  return digits.replace(/(.{4})(?=.)/g, '$1 ');
}
