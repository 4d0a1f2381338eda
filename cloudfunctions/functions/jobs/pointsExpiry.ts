import { membersDue } from '../../data/members';
import { expireLotsOf } from '../../data/pointsAccount';
import { retryingRaces } from '../../data/transaction';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/**
 * Expires the lots whose time has come: one "expire" ledger entry per lot, written with the
 * member's account in one transaction. Members are found by their next expiry (indexed).
 */
export const pointsExpiry: DailyJob = {
  name: 'points-expiry',
  async batch(db, cursor, now) {
    const members = await membersDue(db, 'lotsExpireNext', { until: now }, cursor, BATCH_SIZE);
    let changed = 0;
    for (const m of members) {
      if (await retryingRaces(() => expireLotsOf(db, m._id, now))) changed += 1;
    }
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
