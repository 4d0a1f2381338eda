import { findTemplate, insertCoupon } from '../../data/coupons';
import { membersDue, recordWinBack } from '../../data/members';
import { EVENT_TEMPLATES } from '../../domain/coupons/events';
import { couponFrom } from '../../domain/coupons/issue';
import { couponIds } from '../../domain/coupons/template';
import { shopDayKey } from '../../domain/time';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/**
 * Win-back: a coupon for members who have not bought for 30 days, at most once per 90 days. They
 * are found by when it falls due (indexed). The coupon's id names the lapse (the day of the last
 * purchase), so a rerun after a crash does not issue a second one; then the member is marked.
 */
export const winBack: DailyJob = {
  name: 'win-back',
  async batch(db, cursor, now) {
    const members = await membersDue(db, 'winBackDueAt', { until: now }, cursor, BATCH_SIZE);
    const t = members.length ? await findTemplate(db, EVENT_TEMPLATES.winBack) : null;
    let changed = 0;
    for (const m of members) {
      if (!t?.active || !m.lastOrderAt) continue;
      const issued = await insertCoupon(db, couponFrom(t, couponIds.winBack(t._id, m._id, shopDayKey(m.lastOrderAt)), m._id, now));
      // a member who bought meanwhile moved their due date: the mark is not written over it
      await recordWinBack(db, m, now);
      if (issued === 'created') changed += 1;
    }
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
