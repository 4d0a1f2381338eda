import { tierGiftsTakenBack } from '../tierGifts';
import type { RefundCouponRule } from './moves';

/**
 * A refund that takes a tier away ends the unused gifts of that tier given since it was gained
 * (its birthday gift, coupons only that tier could claim), in the refund's own transaction: a
 * shopper cannot buy a tier, collect its gifts and return the goods.
 */
export const tierGiftsEndOnRefund: RefundCouponRule = {
  code: 'tier-gifts-end-on-refund',
  onRefund(f) {
    return { end: tierGiftsTakenBack(f.tierGifts, f.after).map((c) => c._id) };
  },
};
