import type { CouponChannel } from '../../contract';
import type { Coupon, CouponTemplate } from './template';
import { grantingTier } from './tierGifts';
import { validityWindow } from './validity';

/** A new coupon from a template: it copies what the template gives, so later template edits never change it. */
export function couponFrom(t: CouponTemplate, id: string, memberId: string, issuedAt: Date, status: Coupon['status'] = 'available', channel: CouponChannel = t.channel): Coupon {
  const { validFrom, validUntil } = validityWindow(t.validity, issuedAt);
  const tier = grantingTier(t);
  return {
    _id: id,
    memberId,
    templateId: t._id,
    channel,
    name: t.name,
    discount: t.discount,
    stackable: t.stackable,
    ...(t.firstOrderOnly ? { firstOrderOnly: true } : {}),
    status,
    issuedAt,
    validFrom,
    validUntil,
    usedAt: null,
    usedOrder: null,
    ...(tier ? { grantedByTier: tier } : {}),
  };
}
