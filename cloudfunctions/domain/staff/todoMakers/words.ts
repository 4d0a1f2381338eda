import { shopTime } from '../../time';

/** "12月8日": a shop-calendar day as a clerk says it. */
export const monthDayWords = (instant: Date) => shopTime(instant).format('M月D日');

/** "1,280" (written by hand: the mini program's engine may lack locale data). */
export function countWords(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** How far a day is from today, as a clerk says it: 今天, 明天, 3天后, 已过 2 天. */
export function daysAwayWords(days: number): string {
  if (days === 0) return '今天';
  if (days === 1) return '明天';
  if (days > 1) return `${days}天后`;
  return `已过 ${-days} 天`;
}

/** "2 小时 5 分钟", "45 分钟" (at least 1 minute). */
export function durationWords(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}
