import { alertRulesOf, firstJoinOf, insertAlert, openStoresAfter } from '../../data/alerts';
import { couponUsesPerDay, ordersPerDay, signupsPerDay } from '../../data/opsDashboard';
import { addDays, shopDayStartOf } from '../../domain/ops/alerts/calendar';
import type { StoreDays } from '../../domain/ops/alerts/judge';
import { lookBackDays, storeAlerts } from '../../domain/ops/alerts/plan';
import { shopDateLabel, shopDayStart } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { DailyJob } from './job';

/** Stores per batch: each store is four small aggregations and at most a couple of writes. */
export const ALERT_STORES_BATCH = 20;

/** What the rules need of one store for the judged day and the weeks before it: four aggregations, whatever its size. */
async function storeDays(db: Database, storeId: string, day: string, back: number): Promise<StoreDays> {
  const range = { from: shopDayStartOf(addDays(day, -back)), until: shopDayStartOf(addDays(day, 1)) };
  const [joins, couponUses, orders, first] = await Promise.all([signupsPerDay(db, storeId, range), couponUsesPerDay(db, storeId, range), ordersPerDay(db, storeId, range), firstJoinOf(db, storeId)]);
  const signups = new Map<string, number>();
  for (const j of joins) signups.set(j.day, (signups.get(j.day) ?? 0) + j.members);
  return { series: { signups, couponUses }, orders, historyFrom: first ? shopDateLabel(first) : null };
}

/**
 * 经营预警 (issue 19, part 4), nightly: judges yesterday (the last whole shop day) for every open
 * store under the alert rules (data: database/seed/alertRules.json or the alertRules collection) —
 * new members ≥ 50 % below the 4-week average of that weekday, coupon use 3× its usual (a leaked
 * code) — and raises each crossed rule as an alert to the store's manager, keyed by store, rule and
 * day: a batch done twice, a crash midway or two runners raise it once. Holidays, shut days and
 * stores with less than the look-back of history raise nothing. Batches of stores in id order; the
 * cursor is the last store done. (Staff hold no subscribe-message credits — credits are a member's —
 * so the alert reaches the manager on 经营预警 (and its count on the dashboard), not as a message.)
 */
export const alertsJob: DailyJob = {
  name: 'alerts',
  async batch(db, cursor, now) {
    const day = shopDateLabel(shopDayStart(now, -1));
    const [rules, stores] = await Promise.all([alertRulesOf(db), openStoresAfter(db, cursor, ALERT_STORES_BATCH)]);
    const back = lookBackDays(rules);
    let raised = 0;
    for (const store of stores) {
      const facts = await storeDays(db, store._id, day, back);
      for (const alert of storeAlerts(rules, store._id, facts, day, now)) if ((await insertAlert(db, alert)) === 'created') raised += 1;
    }
    const last = stores[stores.length - 1];
    return { cursor: stores.length < ALERT_STORES_BATCH || !last ? null : last._id, processed: stores.length, changed: raised };
  },
};
