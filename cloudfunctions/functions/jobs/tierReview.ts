import { membersDue, updateStanding } from '../../data/members';
import { standingOf } from '../../domain/member';
import { review } from '../../domain/standing';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/** Reviews the tiers whose 12 months are up: the member keeps the best tier still earned. */
export const tierReview: DailyJob = {
  name: 'tier-review',
  async batch(db, cursor, now) {
    const members = await membersDue(db, 'tierKeptUntil', { until: now }, cursor, BATCH_SIZE);
    let changed = 0;
    for (const m of members) {
      const { standing, changed: tierChanged } = review(standingOf(m), now);
      // a member who changed meanwhile (an order requalified them) is not overwritten: their new standing stands
      if ((await updateStanding(db, m, standing, now)) && tierChanged) changed += 1;
    }
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
