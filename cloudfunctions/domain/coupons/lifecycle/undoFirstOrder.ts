import type { RefundCouponRule } from './moves';

/**
 * A whole refund of the member's one and only order undoes their first order: the second-item
 * coupon it brought is taken back while unused (the next first order brings it again); a used
 * one stays used.
 */
export const undoFirstOrder: RefundCouponRule = {
  code: 'undo-first-order',
  onRefund(f) {
    const c = f.secondItemCoupon;
    return f.undoesFirstOrder && c?.status === 'available' ? { takeBack: [c._id] } : {};
  },
};
