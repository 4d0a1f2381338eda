import { txMember, txWriteMember } from '../../data/memberAccount';
import { membersDue } from '../../data/members';
import { retryingRaces, transaction } from '../../data/transaction';
import { isLeaving, standingOf } from '../../domain/member';
import { historyAfter, review, standingFields } from '../../domain/standing';
import type { Database } from '../../platform/cloud';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/** One member's review, on the member as they are now (an order may have requalified them since the batch was read); true when the tier changed. */
function reviewMember(db: Database, memberId: string, now: Date): Promise<boolean> {
  return transaction(db, async (t) => {
    const m = await txMember(t, memberId);
    if (!m || isLeaving(m)) return false;
    const before = standingOf(m);
    const change = review(before, now);
    // not due any more (requalified since the batch was read): nothing to write
    if (change.standing === before) return false;
    await txWriteMember(t, db, memberId, { ...standingFields(change.standing), tierHistory: historyAfter(m.tierHistory, m.tier, change, 'review', now), updatedAt: now });
    return change.changed;
  });
}

/** Reviews the tiers whose 12 months are up: the member keeps the best tier still earned (and what it gave them). */
export const tierReview: DailyJob = {
  name: 'tier-review',
  async batch(db, cursor, now) {
    const members = await membersDue(db, 'tierKeptUntil', { until: now }, cursor, BATCH_SIZE);
    let changed = 0;
    for (const m of members) if (await retryingRaces(() => reviewMember(db, m._id, now))) changed += 1;
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
