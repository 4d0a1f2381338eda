import { findTemplate, issueWinBack, moveWinBackDue } from '../../data/coupons';
import { membersDue } from '../../data/members';
import { EVENT_TEMPLATES } from '../../domain/coupons/events';
import { couponFrom } from '../../domain/coupons/issue';
import { couponIds } from '../../domain/coupons/template';
import { winBackDecision } from '../../domain/coupons/winBackDecision';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/**
 * Win-back (回归礼): a coupon for members whose own purchase cycle (the median gap of ≥ 3 purchase
 * days) has passed by half again, at most once per cycle; for members with fewer purchases, 30
 * days without buying, at most once per 90 days (domain/coupons/winBackCycle.ts). They are found by
 * when it falls due (indexed); the rule is judged again on the member as read, and a member not due
 * by it yet has the date moved (a conditional update) instead. The coupon is issued and the member marked in one
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
      if (!t?.active) continue;
      const decision = winBackDecision(m, now);
      if (decision.kind === 'move') await moveWinBackDue(db, m, decision.to, now);
      if (decision.kind !== 'issue') continue;
      const coupon = couponFrom(t, couponIds.winBack(t._id, m._id, decision.lapseKey), m._id, now);
      // the coupon and the mark in one commit; a member who bought meanwhile gets neither (their purchase moved the due date)
      if ((await issueWinBack(db, m, coupon, now)) === 'issued') changed += 1;
    }
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
