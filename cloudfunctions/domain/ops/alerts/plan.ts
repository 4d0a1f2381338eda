import { type StoreAlert, raiseAlert } from './alert';
import { type StoreDays, judgeDay } from './judge';
import type { AlertRules } from './rule';

/** The alerts one store's day raises under the brand's rules (none on holidays, shut days, for new stores or quiet days). */
export function storeAlerts(rules: AlertRules, storeId: string, store: StoreDays, day: string, now: Date): StoreAlert[] {
  const holidays = new Set(rules.holidays);
  const out: StoreAlert[] = [];
  for (const rule of rules.rules) {
    const verdict = judgeDay(rule, store, day, holidays);
    if (verdict.kind === 'alarm') out.push(raiseAlert(rule, storeId, day, verdict.value, verdict.baseline, now));
  }
  return out;
}

/** How many days of figures before the judged day the rules need (the longest look-back). */
export function lookBackDays(rules: AlertRules): number {
  return Math.max(28, ...rules.rules.map((r) => r.weeks * 7));
}
