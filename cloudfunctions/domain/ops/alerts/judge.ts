import { addDays, daysBetween } from './calendar';
import type { AlertMetric, AlertRule, AlertVerdict } from './rule';
import { ALERT_KINDS } from './rules';

/** What the job read about one store for the days a run judges: figures per shop day (absent: 0). */
export interface StoreDays {
  series: Readonly<Record<AlertMetric, ReadonlyMap<string, number>>>;
  /** till orders per day: a day with none, nobody joining and no coupon used, when the store is usually busy, is a day it was shut */
  orders: ReadonlyMap<string, number>;
  /** the store's first member's join day (null: none yet): the start of its history */
  historyFrom: string | null;
}

/** The days a rule compares `day` with: the same weekday in each of the weeks before, or every day of them, oldest first. */
export function baselineDays(rule: Pick<AlertRule, 'weeks' | 'sameWeekday'>, day: string): string[] {
  const span = rule.weeks * 7;
  const days = rule.sameWeekday ? Array.from({ length: rule.weeks }, (_, i) => addDays(day, -7 * (rule.weeks - i))) : Array.from({ length: span }, (_, i) => addDays(day, i - span));
  return days;
}

/** What happened at the store on a day: till orders, members who joined, coupons used. */
const activity = (store: StoreDays, day: string) => (store.orders.get(day) ?? 0) + (store.series.signups.get(day) ?? 0) + (store.series.couponUses.get(day) ?? 0);

/**
 * A store busy on most of these days trades normally; then a day on which nothing happened at all —
 * no sale, nobody joined, no coupon used — was a day it was shut (a quiet day with a sale or a
 * join was open, and is judged).
 */
function shutOn(store: StoreDays, day: string, usual: readonly string[]): boolean {
  if (activity(store, day) > 0) return false;
  const trading = usual.filter((d) => activity(store, d) > 0).length;
  return trading * 2 > usual.length;
}

/**
 * One rule on one store's day: not judged on a holiday, a day the store was shut or before it has
 * `weeks` weeks of history; otherwise the day's figure against the average of its baseline days
 * (holidays and shut days left out; too few left: not judged), by the rule's kind.
 */
export function judgeDay(rule: AlertRule, store: StoreDays, day: string, holidays: ReadonlySet<string>): AlertVerdict {
  if (!rule.active) return { kind: 'skip', why: 'inactive' };
  if (holidays.has(day)) return { kind: 'skip', why: 'holiday' };
  const all = baselineDays(rule, day);
  const span = baselineDays({ weeks: rule.weeks, sameWeekday: false }, day);
  if (shutOn(store, day, span)) return { kind: 'skip', why: 'closed' };
  if (store.historyFrom === null || daysBetween(store.historyFrom, day) < rule.weeks * 7) return { kind: 'skip', why: 'newStore' };
  const usable = all.filter((d) => !holidays.has(d) && !shutOn(store, d, span));
  if (usable.length < Math.max(1, rule.minBaselineDays)) return { kind: 'skip', why: 'thinBaseline' };
  const series = store.series[rule.metric];
  const baseline = usable.reduce((n, d) => n + (series.get(d) ?? 0), 0) / usable.length;
  const value = series.get(day) ?? 0;
  return ALERT_KINDS[rule.kind].crossed(rule, value, baseline) ? { kind: 'alarm', value, baseline } : { kind: 'quiet', value, baseline };
}
