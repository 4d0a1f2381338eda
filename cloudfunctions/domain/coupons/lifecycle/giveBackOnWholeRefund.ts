import type { RefundCouponRule } from './moves';

/**
 * A refund of the whole order gives back the coupons it used, while they are still valid. A
 * first-order coupon comes back only when the refund undoes the first order (otherwise the member
 * has ordered since, and it could not be used again).
 */
export const giveBackOnWholeRefund: RefundCouponRule = {
  code: 'give-back-on-whole-refund',
  onRefund(f) {
    if (!f.whole) return {};
    const usable = f.orderCoupons.filter(
      (c) => c.status === 'used' && c.usedOrder === f.orderKey && (!c.firstOrderOnly || f.undoesFirstOrder) && f.now.getTime() < c.validUntil.getTime(),
    );
    return { giveBack: usable.map((c) => c._id) };
  },
};
