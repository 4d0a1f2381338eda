import { giveBackOnWholeRefund } from './giveBackOnWholeRefund';
import { combineMoves, type CouponMoves, type OrderCouponFacts, type OrderCouponRule, type RefundCouponFacts, type RefundCouponRule } from './moves';
import { secondItemAfterFirstOrder } from './secondItemAfterFirstOrder';
import { tierGiftsEndOnRefund } from './tierGiftsEndOnRefund';
import { undoFirstOrder } from './undoFirstOrder';

export * from './moves';

/** The coupon rules of a paid till order (the coupons it uses are the pricing engine's). */
export const ORDER_COUPON_RULES: readonly OrderCouponRule[] = [secondItemAfterFirstOrder];
/** The coupon rules of a till refund. */
export const REFUND_COUPON_RULES: readonly RefundCouponRule[] = [giveBackOnWholeRefund, undoFirstOrder, tierGiftsEndOnRefund];

export const couponMovesOfOrder = (f: OrderCouponFacts, used: string[]): CouponMoves => combineMoves([{ use: used }, ...ORDER_COUPON_RULES.map((r) => r.onOrder(f))]);
export const couponMovesOfRefund = (f: RefundCouponFacts): CouponMoves => combineMoves(REFUND_COUPON_RULES.map((r) => r.onRefund(f)));
