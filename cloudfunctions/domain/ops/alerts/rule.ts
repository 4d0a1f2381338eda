/** What an alert rule watches, per store and shop day. */
export type AlertMetric = 'signups' | 'couponUses';

/**
 * One alert rule as the brand keeps it (database/seed/alertRules.json, or the `alertRules`
 * collection's current document): which figure, how it is judged (a kind, rules/), against which
 * baseline, and the words the manager reads. Thresholds are data; only the kinds are code.
 */
export interface AlertRule {
  code: string;
  name: string;
  kind: 'drop' | 'jump';
  metric: AlertMetric;
  /** drop: the share below the baseline that alarms (0.5: half or less of the usual) */
  share?: number;
  /** jump: how many times the baseline alarms (3: three times the usual or more) */
  factor?: number;
  /** the baseline's look-back in weeks, and whether it is the same weekday in each (weekday seasonality) or every day */
  weeks: number;
  sameWeekday: boolean;
  /** drop: a baseline below this is too small to fall by half meaningfully (a quiet store's 1 → 0) */
  minBaseline?: number;
  /** jump: a day below this many is never a leak (0 → 2 is not one) */
  minCount?: number;
  /** baseline days needed after holidays and closed days are left out */
  minBaselineDays: number;
  active: boolean;
  description: string;
  advice: string;
}

export interface AlertRules {
  rules: AlertRule[];
  /** the brand's holidays, YYYY-MM-DD: never judged, never in a baseline */
  holidays: string[];
}

/** Why a store's day raised nothing, or what it raised. */
export type AlertVerdict =
  | { kind: 'skip'; why: 'inactive' | 'holiday' | 'closed' | 'newStore' | 'thinBaseline' }
  | { kind: 'quiet'; value: number; baseline: number }
  | { kind: 'alarm'; value: number; baseline: number };

/** A rule kind: from the day's figure and its baseline average, whether the rule's thresholds are crossed. */
export interface AlertKind {
  kind: AlertRule['kind'];
  crossed(rule: AlertRule, value: number, baseline: number): boolean;
  /** the comparison in shop words: "低 83%", "是平时的 9.0 倍" */
  says(value: number, baseline: number): string;
}
