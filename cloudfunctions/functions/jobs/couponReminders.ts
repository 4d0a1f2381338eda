import { couponsEnding } from '../../data/coupons';
import { membersByIds } from '../../data/members';
import { creditsOf } from '../../data/subscriptions';
import type { Coupon } from '../../domain/coupons/template';
import { EXPIRING_SOON_DAYS, isExpiringSoon } from '../../domain/coupons/validity';
import { couponExpiringMessage } from '../../domain/messages';
import { shopDayKey } from '../../domain/time';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';
import { sendOnce } from './sendOnce';

/**
 * "Coupon expiring in 3 days" reminders, to members holding a credit for them: one message per
 * member and expiry day (its record is the once), however many coupons end that day.
 */
export const couponReminders: DailyJob = {
  name: 'coupon-reminders',
  async batch(db, cursor, now) {
    const until = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000);
    const due = await couponsEnding(db, 'available', { from: now, until }, cursor, BATCH_SIZE);
    const holders = [...new Set(due.map((c) => c.memberId))];
    const [credits, members] = await Promise.all([creditsOf(db, holders), membersByIds(db, holders)]);
    const memberOf = new Map(members.map((m) => [m._id, m]));
    const byOccasion = new Map<string, Coupon[]>();
    for (const c of due) {
      // a first-order coupon ended with the member's first order (the wallet shows it 已过期): nothing to remind of;
      // a short-lived coupon is reminded of in the second half of its life, as the wallet marks it
      if (c.firstOrderOnly && memberOf.get(c.memberId)?.firstOrderAt) continue;
      if (!isExpiringSoon(c, now)) continue;
      const key = `${c.memberId}\u0000${shopDayKey(new Date(c.validUntil.getTime() - 1))}`;
      byOccasion.set(key, [...(byOccasion.get(key) ?? []), c]);
    }
    let changed = 0;
    // a member's soonest expiry first: with one credit left, it goes to the coupon that ends first
    for (const [key, coupons] of [...byOccasion].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const [memberId, day] = key.split('\u0000') as [string, string];
      const m = memberOf.get(memberId);
      if (!m || (credits.get(memberId)?.couponExpiring ?? 0) <= 0) continue;
      const draft = couponExpiringMessage(coupons.map((c) => c.name), coupons[0]!.validUntil);
      if (await sendOnce(db, m, 'couponExpiring', day, draft, now)) changed += 1;
    }
    return { cursor: cursorAfter(due.map((c) => c._id)), processed: due.length, changed };
  },
};
