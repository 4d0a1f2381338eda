import { findTemplate, issueWinBack } from '../../data/coupons';
import { membersDue } from '../../data/members';
import { EVENT_TEMPLATES } from '../../domain/coupons/events';
import { couponFrom } from '../../domain/coupons/issue';
import { couponIds } from '../../domain/coupons/template';
import { shopDayKey } from '../../domain/time';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/**
 * Win-back: a coupon for members who have not bought for 30 days, at most once per 90 days. They
 * are found by when it falls due (indexed). The coupon is issued and the member marked in one
 * transaction, only if they have not bought since they were read; its id names the lapse (the day
 * of the last purchase), so nothing is ever issued twice for one lapse.
 */
export const winBack: DailyJob = {
  name: 'win-back',
  async batch(db, cursor, now) {
    const members = await membersDue(db, 'winBackDueAt', { until: now }, cursor, BATCH_SIZE);
    const t = members.length ? await findTemplate(db, EVENT_TEMPLATES.winBack) : null;
    let changed = 0;
    for (const m of members) {
      if (!t?.active || !m.lastOrderAt) continue;
      const coupon = couponFrom(t, couponIds.winBack(t._id, m._id, shopDayKey(m.lastOrderAt)), m._id, now);
      // the coupon and the mark in one commit; a member who bought meanwhile gets neither (their purchase moved the due date)
      if ((await issueWinBack(db, m, coupon, now)) === 'issued') changed += 1;
    }
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
