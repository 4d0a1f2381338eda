import { ALERT_KINDS } from './rules';
import { dayText, weekdayOf } from './calendar';
import type { AlertRule } from './rule';

/**
 * An alert raised to a store's manager (`storeAlerts`), keyed `<storeId>:<rule>:<day>`: a rerun, a
 * crashed batch done again or two runners in parallel raise it once. It is the manager's to-do on
 * 经营预警 until they mark it handled.
 */
export interface StoreAlert {
  _id: string;
  storeId: string;
  rule: string;
  ruleName: string;
  /** the shop day judged, YYYY-MM-DD */
  day: string;
  /** what the rule counted: members who joined, coupons used */
  metric: AlertRule['metric'];
  value: number;
  /** the baseline average, one decimal */
  baseline: number;
  text: string;
  raisedAt: Date;
  state: 'open' | 'done';
  closedBy: { staffId: string; name: string } | null;
  closedAt: Date | null;
}

export const alertId = (storeId: string, rule: string, day: string) => `${storeId}:${rule}:${day}`;

export const UNITS: Record<AlertRule['metric'], { what: string; unit: string }> = {
  signups: { what: '新入会', unit: '人' },
  couponUses: { what: '用券', unit: '张' },
};

/** The alert a crossed rule raises, told in shop words: the day, the figure, the baseline and what to look at. */
export function raiseAlert(rule: AlertRule, storeId: string, day: string, value: number, baseline: number, now: Date): StoreAlert {
  const { what, unit } = UNITS[rule.metric];
  const base = Math.round(baseline * 10) / 10;
  const against = rule.sameWeekday ? `前 ${rule.weeks} 周同为${weekdayOf(day)}平均` : `前 ${rule.weeks} 周每天平均`;
  const text = `${dayText(day)} ${what} ${value} ${unit}，${against} ${base.toFixed(1)} ${unit}，${ALERT_KINDS[rule.kind].says(value, baseline)}。${rule.advice}`;
  return { _id: alertId(storeId, rule.code, day), storeId, rule: rule.code, ruleName: rule.name, day, metric: rule.metric, value, baseline: base, text, raisedAt: now, state: 'open', closedBy: null, closedAt: null };
}
