import { bookedStartingBetween } from '../../data/bookings';
import { membersByIds } from '../../data/members';
import { storesById } from '../../data/stores';
import { creditsOf } from '../../data/subscriptions';
import { isLeaving } from '../../domain/member';
import { bookingReminderMessage } from '../../domain/messages';
import { shopDayStart } from '../../domain/time';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';
import { sendOnce } from './sendOnce';

/**
 * 造型师1对1 the day before: each booking still booked for tomorrow is reminded once (the booking
 * is the occasion), to a member holding a credit for the reminder. It runs from 10:00, not at
 * midnight with the other jobs: a reminder is for the waking day. A booking moved to another day
 * is reminded for its new day only if it has not been reminded yet (once per booking).
 */
export const bookingRemindersJob: DailyJob = {
  name: 'booking-reminders',
  startsAtHour: 10,
  async batch(db, cursor, now) {
    const tomorrow = { from: new Date(shopDayStart(now, 1).getTime() - 1), until: new Date(shopDayStart(now, 2).getTime() - 1) };
    const due = await bookedStartingBetween(db, tomorrow, cursor, BATCH_SIZE);
    const holders = [...new Set(due.map((b) => b.memberId))];
    const [credits, members, stores] = await Promise.all([creditsOf(db, holders), membersByIds(db, holders), storesById(db, [...new Set(due.map((b) => b.storeId))])]);
    const memberOf = new Map(members.map((m) => [m._id, m]));
    let changed = 0;
    // a member with two bookings tomorrow and one credit hears of the earlier one
    for (const b of [...due].sort((x, y) => x.startAt.getTime() - y.startAt.getTime())) {
      const m = memberOf.get(b.memberId);
      if (!m || isLeaving(m) || (credits.get(b.memberId)?.bookingReminder ?? 0) <= 0) continue;
      const draft = bookingReminderMessage(b.stylistName, b.startAt, stores.get(b.storeId)?.name ?? '门店');
      // the credit is checked again and spent in sendOnce's transaction
      if (await sendOnce(db, m, 'bookingReminder', b._id, draft, now)) changed += 1;
    }
    return { cursor: cursorAfter(due.map((b) => b._id)), processed: due.length, changed };
  },
};
