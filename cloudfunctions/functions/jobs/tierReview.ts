import { txMember, txWriteMember } from '../../data/memberAccount';
import type { TierCode } from '../../contract';
import { mayBook } from '../../domain/benefits/booking/rules/tierAtLeastGrower';
import { cancelBookingsOnTierLoss } from '../benefits/cancel';
import { membersDue } from '../../data/members';
import { retryingRaces, transaction } from '../../data/transaction';
import { isLeaving, standingOf } from '../../domain/member';
import { historyAfter, review, standingFields } from '../../domain/standing';
import type { Database } from '../../platform/cloud';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/** One member's review, on the member as they are now (an order may have requalified them since the batch was read): the tier after it when it changed, else null. */
function reviewMember(db: Database, memberId: string, now: Date): Promise<TierCode | null> {
  return transaction(db, async (t) => {
    const m = await txMember(t, memberId);
    if (!m || isLeaving(m)) return null;
    const before = standingOf(m);
    const change = review(before, now);
    // not due any more (requalified since the batch was read): nothing to write
    if (change.standing === before) return null;
    await txWriteMember(t, db, memberId, { ...standingFields(change.standing), tierHistory: historyAfter(m.tierHistory, m.tier, change, 'review', now), updatedAt: now });
    return change.changed ? change.standing.tier : null;
  });
}

/** Reviews the tiers whose 12 months are up: the member keeps the best tier still earned (and what it gave them). */
export const tierReview: DailyJob = {
  name: 'tier-review',
  async batch(db, cursor, now) {
    const members = await membersDue(db, 'tierKeptUntil', { until: now }, cursor, BATCH_SIZE);
    let changed = 0;
    for (const m of members) {
      const tier = await retryingRaces(() => reviewMember(db, m._id, now));
      if (tier === null) continue;
      changed += 1;
      // a tier that lapsed below 成长者 takes the stylist bookings ahead with it, as a refund does (a crash
      // between the two leaves them to the stylist's check of the tier at the visit)
      if (!mayBook(tier)) await cancelBookingsOnTierLoss(db, m._id, now);
    }
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
