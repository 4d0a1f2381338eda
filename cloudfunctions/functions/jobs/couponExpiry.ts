import { couponsEnding, markExpired } from '../../data/coupons';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/** Marks the unused coupons whose validity has ended as expired (the wallet already shows them so). */
export const couponExpiry: DailyJob = {
  name: 'coupon-expiry',
  async batch(db, cursor, now) {
    const due = await couponsEnding(db, 'available', { until: now }, cursor, BATCH_SIZE);
    const ids = due.map((c) => c._id);
    const changed = await markExpired(db, ids, now);
    return { cursor: cursorAfter(ids), processed: due.length, changed };
  },
};
