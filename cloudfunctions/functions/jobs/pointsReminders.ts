import { membersDue } from '../../data/members';
import { findCredits } from '../../data/subscriptions';
import { pointsExpiringMessage } from '../../domain/messages';
import { expiringBy } from '../../domain/points/account';
import { accountNow, EXPIRING_SOON_DAYS } from '../../domain/points/summary';
import { shopDayKey } from '../../domain/time';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';
import { sendOnce } from './sendOnce';

/**
 * "Points expiring within 30 days" reminders. Only members holding a credit get one, and the
 * credit is spent in the same transaction that records the message (keyed by member and expiry
 * day), before WeChat is asked to send it: a rerun finds the record and sends nothing twice.
 */
export const pointsReminders: DailyJob = {
  name: 'points-reminders',
  async batch(db, cursor, now) {
    const until = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000);
    const members = await membersDue(db, 'lotsExpireNext', { from: now, until }, cursor, BATCH_SIZE);
    let changed = 0;
    for (const m of members) {
      const points = expiringBy(accountNow(m, now), until);
      if (points <= 0 || m.lotsExpireNext == null) continue;
      if ((await findCredits(db, m._id)).pointsExpiring <= 0) continue;
      const draft = pointsExpiringMessage(points, m.lotsExpireNext);
      if (await sendOnce(db, m, 'pointsExpiring', shopDayKey(m.lotsExpireNext), draft, now)) changed += 1;
    }
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
