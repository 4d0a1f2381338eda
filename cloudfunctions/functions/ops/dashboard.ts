import { failure, success } from '../../contract';
import { ALERT_PAGE, type opsDashboardContract } from '../../contract/opsDashboard';
import { alertRulesOf, alertsOfStore, closeAlert, findAlert, openAlertCount } from '../../data/alerts';
import { activeTemplates } from '../../data/coupons';
import { couponUsesByTemplate, discountGiven, npsCounts, pointsHeld, referralJoins, repurchaseCounts, signupsPerDay, tierCounts, upgradesIn } from '../../data/opsDashboard';
import { staffOfStore } from '../../data/storeStaff';
import { findStore } from '../../data/stores';
import { alertItem } from '../../domain/ops/alerts/view';
import { dashboardOf } from '../../domain/ops/dashboard/figures';
import { dashboardPeriod, EXPIRING_WITHIN_DAYS } from '../../domain/ops/dashboard/period';
import { pointPrice } from '../../domain/ops/dashboard/pointValue';
import { MANAGERS } from '../../domain/staff/access';
import { shopDayStart, toIso } from '../../domain/time';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from '../staff/caller';

export const dashboardHandlers: Handlers<typeof opsDashboardContract> = {
  /** 门店看板: the manager's store over the last 7, 30 or 90 shop days — every figure one aggregation the database runs, no member named. */
  async dashboard(input, ctx) {
    const caller = await staffCaller(ctx, MANAGERS);
    if (!caller.ok) return caller;
    const { storeId } = caller.value;
    const period = dashboardPeriod(ctx.now, input.days ?? 30);
    const range = { from: period.from, until: period.until };
    const expiringBefore = shopDayStart(ctx.now, EXPIRING_WITHIN_DAYS + 1);
    const [store, staff, signups, repurchase, tiers, upgrades, points, rewards, templates, discountFen, referrals, nps, alertsOpen] = await Promise.all([
      findStore(ctx.db, storeId),
      staffOfStore(ctx.db, storeId),
      signupsPerDay(ctx.db, storeId, range),
      repurchaseCounts(ctx.db, storeId),
      tierCounts(ctx.db, storeId),
      upgradesIn(ctx.db, storeId, range),
      pointsHeld(ctx.db, storeId, ctx.now, expiringBefore),
      activeTemplates(ctx.db, 'reward'),
      couponUsesByTemplate(ctx.db, storeId, range),
      discountGiven(ctx.db, storeId, range),
      referralJoins(ctx.db, storeId, range),
      npsCounts(ctx.db, storeId, range),
      openAlertCount(ctx.db, storeId),
    ]);
    const used = templates.reduce((n, t) => n + t.used, 0);
    return success(
      dashboardOf({
        store: { storeId, name: store?.name ?? storeId },
        period,
        now: ctx.now,
        signups,
        staff,
        repurchase,
        tiers,
        upgrades,
        points,
        expiringBefore,
        price: pointPrice(rewards),
        coupons: { used, discountFen, templates },
        referrals,
        nps,
        alertsOpen,
      }),
    );
  },

  /** 经营预警: the manager's store's open (or handled) alerts, the latest day first, with the rules they were raised by. */
  async alerts(input, ctx) {
    const caller = await staffCaller(ctx, MANAGERS);
    if (!caller.ok) return caller;
    const { storeId } = caller.value;
    const [items, open, rules] = await Promise.all([alertsOfStore(ctx.db, storeId, input.view === 'closed' ? 'done' : 'open', ALERT_PAGE), openAlertCount(ctx.db, storeId), alertRulesOf(ctx.db)]);
    return success({
      items: items.map(alertItem),
      open,
      rules: rules.rules.map((r) => ({ code: r.code, name: r.name, description: r.description, active: r.active })),
    });
  },

  /** 标记已处理: an open alert of the caller's store, once; another store's is NOT_FOUND, one a colleague handled first is CONFLICT. */
  async closeAlert(input, ctx) {
    const caller = await staffCaller(ctx, MANAGERS);
    if (!caller.ok) return caller;
    const staff = caller.value;
    if (await closeAlert(ctx.db, input.alertId, staff.storeId, { staffId: staff._id, name: staff.name }, ctx.now)) {
      return success({ alertId: input.alertId, state: 'done' as const, closedAt: toIso(ctx.now) });
    }
    const now = await findAlert(ctx.db, input.alertId);
    if (!now || now.storeId !== staff.storeId) return failure('NOT_FOUND', 'no such alert in your store');
    return failure('CONFLICT', now.closedBy ? `already handled by ${now.closedBy.name}` : 'the alert is no longer open');
  },
};
