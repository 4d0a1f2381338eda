import { failure, type Outcome, success } from '../../contract';
import { findCoupon, findTemplate, insertCoupon, moveCoupon } from '../../data/coupons';
import { birthdayWindowAt, type BirthdayWindow, nextBirthdayWindow } from '../../domain/coupons/birthday';
import { BIRTHDAY_TEMPLATES } from '../../domain/coupons/events';
import { couponFrom } from '../../domain/coupons/issue';
import { type Coupon, couponIds } from '../../domain/coupons/template';
import { takenByRefund } from '../../domain/coupons/tierGifts';
import type { Member } from '../../domain/member';
import { shopDateLabel } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import { findFormerUse } from '../../data/formerUse';

/**
 * Claims the birthday gift of the window `now` is in: the coupon of the member's tier, one per
 * birthday year. The daily job may have granted it already (`claimable`); then the claim turns
 * that grant into the coupon by compare-and-set. Without a grant (the job has not reached the
 * member, or the birthday was entered in the window) the claim issues it under the same id, so
 * either way there is one.
 */
export async function claimBirthdayGift(db: Database, m: Member, now: Date): Promise<Outcome<Coupon>> {
  if (!m.birthday) return failure('NOT_CLAIMABLE', '请先在「我的」里填写生日');
  const window = birthdayWindowAt(m.birthday, now);
  if (!window) {
    const next = nextBirthdayWindow(m.birthday, now);
    return failure('NOT_CLAIMABLE', `生日礼券在生日前3天至生日后7天内领取，下次可领：${shopDateLabel(next.opensAt)} 起`);
  }
  const [template, former] = await Promise.all([findTemplate(db, BIRTHDAY_TEMPLATES[m.tier]), findFormerUse(db, m.openid)]);
  if (!template || !template.active) return failure('NOT_CLAIMABLE', '生日礼券暂未开放');
  // one per birthday year for the shopper, also across leaving and joining again
  if (former.birthdayYears.includes(window.year)) return failure('LIMIT_REACHED', `${window.year}年的生日礼券已领取`);
  const coupon = couponFrom(template, couponIds.birthday(m._id, window.year), m._id, now, 'available', 'birthday');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if ((await insertCoupon(db, coupon)) === 'created') return success(coupon);
    const held = await findCoupon(db, coupon._id);
    // a gift a refund took (the tier that gave it is gone) is replaced by the gift of the tier held now
    const regift = !!held && takenByRefund(held, m);
    if (held && held.status !== 'claimable' && !regift) return failure('LIMIT_REACHED', `${window.year}年的生日礼券已领取`);
    // the grant becomes the gift of the tier held now (a grant made while the member held a higher tier is no longer that tier's gift)
    const { _id, ...fields } = coupon;
    const changes = { ...fields, grantedByTier: fields.grantedByTier ?? null, endedBy: null };
    if (held && (await moveCoupon(db, _id, held.status, changes, regift ? { endedBy: held.endedBy ?? null, usedAt: null } : {}))) return success(coupon);
    // the grant changed under us (claimed in parallel, or removed): look again
  }
  return failure('LIMIT_REACHED', `${window.year}年的生日礼券已领取`);
}

/** The birthday coupon (grant or claimed) of a window, if any. */
export async function birthdayCouponOf(db: Database, m: Member, window: BirthdayWindow): Promise<Coupon | null> {
  return findCoupon(db, couponIds.birthday(m._id, window.year));
}
