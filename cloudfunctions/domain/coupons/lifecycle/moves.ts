import type { Coupon, CouponTemplate } from '../template';
import type { TierHolder } from '../tierGifts';

/**
 * What a till order or refund does to the member's coupons, as instructions: the order's one
 * write step applies them in its transaction. Each lifecycle rule contributes a part.
 */
export interface CouponMoves {
  /** coupons the order uses (status used, with the order) */
  use: string[];
  /** coupons the event brings */
  issue: Coupon[];
  /** used coupons that come back to the wallet */
  giveBack: string[];
  /** unused coupons an undone event had brought: removed, so the next such event brings them again */
  takeBack: string[];
  /** unused tier gifts a refund's tier loss ends (因退货等级调整，已失效) */
  end: string[];
}

export const NO_MOVES: CouponMoves = { use: [], issue: [], giveBack: [], takeBack: [], end: [] };

/** The moves of several rules together, in rule order. */
export function combineMoves(parts: Array<Partial<CouponMoves>>): CouponMoves {
  const out: CouponMoves = { use: [], issue: [], giveBack: [], takeBack: [], end: [] };
  for (const p of parts) for (const k of Object.keys(out) as Array<keyof CouponMoves>) (out[k] as unknown[]).push(...((p[k] ?? []) as unknown[]));
  return out;
}

/** The facts an order's coupon rules judge. */
export interface OrderCouponFacts {
  memberId: string;
  orderKey: string;
  /** this is the member's first paid order (it ends first-order coupons and brings the second-item one) */
  firstPaidOrder: boolean;
  /** the second-item template, whether the member holds its coupon, and the once-ever offers of earlier memberships */
  secondItem: { template: CouponTemplate | null; held: boolean; formerOnce: string[] } | null;
  now: Date;
}

/** The facts a refund's coupon rules judge. */
export interface RefundCouponFacts {
  orderKey: string;
  /** the refund brings the order's refunded total to what was paid */
  whole: boolean;
  /** the whole refund of the member's one and only order: it no longer counts as their first */
  undoesFirstOrder: boolean;
  /** the coupons the order used, as they are now */
  orderCoupons: Coupon[];
  /** the member's second-item coupon, if any */
  secondItemCoupon: Coupon | null;
  /** the member's unused tier gifts */
  tierGifts: Coupon[];
  /** the member's tier and history after the refund's plan */
  after: TierHolder;
  now: Date;
}

/** A coupon lifecycle rule (Vendure's rule objects): a stable code and one pure function. */
export interface OrderCouponRule {
  code: string;
  onOrder(f: OrderCouponFacts): Partial<CouponMoves>;
}
export interface RefundCouponRule {
  code: string;
  onRefund(f: RefundCouponFacts): Partial<CouponMoves>;
}
