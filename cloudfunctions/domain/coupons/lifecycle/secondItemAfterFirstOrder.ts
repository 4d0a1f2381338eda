import { couponFrom } from '../issue';
import { couponIds } from '../template';
import type { OrderCouponRule } from './moves';

/**
 * 第二件半价: the member's first paid order brings the second-item coupon (72 h), once ever: not
 * again for a first order refunded whole and made again while it is held, nor for a shopper who
 * had it in an earlier membership.
 */
export const secondItemAfterFirstOrder: OrderCouponRule = {
  code: 'second-item-after-first-order',
  onOrder(f) {
    const s = f.secondItem;
    if (!f.firstPaidOrder || !s?.template?.active || s.held || s.formerOnce.includes(s.template._id)) return {};
    return { issue: [couponFrom(s.template, couponIds.once(s.template._id, f.memberId), f.memberId, f.now)] };
  },
};
