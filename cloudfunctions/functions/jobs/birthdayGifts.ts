import { findCoupon, insertCoupon, removeCoupon, templatesById } from '../../data/coupons';
import { membersByIds, membersWithBirthday } from '../../data/members';
import { creditsOf } from '../../data/subscriptions';
import { birthdaysOpeningOn, birthdayWindowAt } from '../../domain/coupons/birthday';
import { BIRTHDAY_TEMPLATES } from '../../domain/coupons/events';
import { couponFrom } from '../../domain/coupons/issue';
import { couponIds } from '../../domain/coupons/template';
import { birthdayGiftMessage } from '../../domain/messages';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';
import { sendOnce } from './sendOnce';
import { formerUseOfShoppers } from '../../data/formerUse';

/**
 * Opens the birthday gifts of the day: for the members whose claim window opens today (birthday
 * in 3 days), a `claimable` grant of their tier's gift, keyed by member and birthday year, and a
 * birthday message to those holding a credit for it (once per year, by its own record). Members
 * are read through the month-day index, so the work grows with the day's birthdays, not with all
 * members; a rerun after a crash finds the grants and messages made and adds none twice.
 */
export const birthdayGifts: DailyJob = {
  name: 'birthday',
  async batch(db, cursor, now) {
    const members = await membersWithBirthday(db, birthdaysOpeningOn(now), cursor, BATCH_SIZE);
    if (members.length === 0) return { cursor: null, processed: 0, changed: 0 };
    const [templates, credits, former] = await Promise.all([
      templatesById(db, Object.values(BIRTHDAY_TEMPLATES)),
      creditsOf(db, members.map((m) => m._id)),
      formerUseOfShoppers(db, members.map((m) => m.openid)),
    ]);
    let changed = 0;
    const granted: Array<{ memberId: string; couponId: string }> = [];
    for (const m of members) {
      const window = m.birthday ? birthdayWindowAt(m.birthday, now) : null;
      const t = templates.get(BIRTHDAY_TEMPLATES[m.tier]);
      if (!window || !t?.active) continue;
      // this year's gift went to an earlier membership of this shopper: nothing to open, nothing to announce
      if (former.get(m.openid)?.birthdayYears.includes(window.year)) continue;
      // while claimable, the coupon's dates are the claim window; claiming gives it its own validity
      const grant = { ...couponFrom(t, couponIds.birthday(m._id, window.year), m._id, now, 'claimable', 'birthday'), validFrom: window.opensAt, validUntil: window.closesAt };
      const created = (await insertCoupon(db, grant)) === 'created';
      if (created) {
        granted.push({ memberId: m._id, couponId: grant._id });
        changed += 1;
      }
      if ((credits.get(m._id)?.birthdayGift ?? 0) > 0) {
        // a member who claimed before the job reached them is not sent "come and claim" (their one credit kept)
        const claimed = !created && (await findCoupon(db, grant._id))?.status !== 'claimable';
        if (!claimed) await sendOnce(db, m, 'birthdayGift', String(window.year), birthdayGiftMessage(t.name, window.closesAt), now);
      }
    }
    // members who began leaving after the batch was read keep no grant (their erase may have run already)
    const staying = new Set((await membersByIds(db, granted.map((g) => g.memberId))).filter((m) => !m.leavingSince).map((m) => m._id));
    for (const g of granted) if (!staying.has(g.memberId)) await removeCoupon(db, g.couponId);
    return { cursor: cursorAfter(members.map((m) => m._id)), processed: members.length, changed };
  },
};
