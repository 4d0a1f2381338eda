import type { Outcome } from '../../contract';
import { failure, success } from '../../contract/envelope';
import { computeDiscount, type Basket, type DiscountResult } from './discounts';
import type { Coupon } from './template';
import { isValidAt, lastMomentLabel } from './validity';
import { TIER_GIFT_ENDED, tierGiftLostByRefund, type TierHolder } from './tierGifts';

/**
 * The pricing engine (Medusa's compute-then-apply): from an order and the coupons named on it,
 * compute what each takes off, or why the order cannot take them. It writes nothing; the order's
 * transaction applies the result (marks the coupons used) in the same commit as the order.
 */

export interface PricingContext {
  memberId: string;
  /** the member has not paid an order before this one (first-order coupons) */
  firstOrder: boolean;
  /** when the order counts: validity is judged at this instant */
  at: Date;
  /** the member's tier and its history: a gift of a tier a refund took is refused */
  holder?: TierHolder;
}

export interface AppliedCoupon {
  couponId: string;
  name: string;
  discountFen: number;
}

export interface Pricing {
  discountFen: number;
  payableFen: number;
  applied: AppliedCoupon[];
}

/** Why one coupon cannot be used on this order by this member, or null when it can. */
export function couponProblem(coupon: Coupon | null, ctx: PricingContext): string | null {
  // a coupon of someone else reads as unknown: the till learns nothing about other wallets
  if (!coupon || coupon.memberId !== ctx.memberId || coupon.status === 'issuing' || coupon.status === 'claimable') return '不在该会员的券包中';
  if (coupon.status === 'used') return '已经使用过';
  if (coupon.endedBy === 'tierRefund' || (ctx.holder && tierGiftLostByRefund(coupon, ctx.holder))) return TIER_GIFT_ENDED;
  if (coupon.status === 'expired' || ctx.at.getTime() >= coupon.validUntil.getTime()) return `已于${lastMomentLabel(coupon.validUntil)}过期`;
  if (!isValidAt(coupon, ctx.at)) return '尚未到可用时间';
  if (coupon.firstOrderOnly && !ctx.firstOrder) return '仅限首单使用';
  return null;
}

/** Takes nothing off this order (nothing left to pay, say): it is not used up for nothing. */
export const NOTHING_OFF = '本单用这张券没有优惠';

/** What one coupon takes off what is left to pay, or why it cannot be used on this basket (a coupon that would take nothing off cannot). */
export function discountOn(c: Pick<Coupon, 'discount'>, basket: Basket, remainingFen: number): DiscountResult {
  const result = computeDiscount(c.discount, basket, remainingFen);
  return result.ok && result.discountFen <= 0 ? { ok: false, problem: NOTHING_OFF } : result;
}

/** Amount-off kinds first, a percentage last on what is left: the order a shop applies them in. */
const APPLY_ORDER = { amountOff: 0, categoryAmountOff: 0, secondItemHalf: 0, pass: 0, percent: 1 } as const;

/**
 * Prices an order with the named coupons (in the order named; `coupons[i]` is the stored coupon
 * for `ids[i]`, or null). All of them apply or none: any problem is NOT_CLAIMABLE naming it.
 */
export function priceOrder(basket: Basket, ids: string[], coupons: Array<Coupon | null>, ctx: PricingContext): Outcome<Pricing> {
  if (ids.length === 0) return success({ discountFen: 0, payableFen: basket.amountFen, applied: [] });
  // one coupon is used once, however often it is named
  if (new Set(ids).size !== ids.length) return failure('NOT_CLAIMABLE', 'a coupon is named twice on the order');
  for (let i = 0; i < ids.length; i += 1) {
    const problem = couponProblem(coupons[i] ?? null, ctx);
    if (problem) return failure('NOT_CLAIMABLE', `coupon ${ids[i]}: ${problem}`);
  }
  const held = coupons as Coupon[];
  if (held.length > 1) {
    const alone = held.find((c) => !c.stackable);
    if (alone) return failure('NOT_CLAIMABLE', `coupon ${alone._id}: ${alone.name}不可与其他券同享`);
  }
  const ordered = [...held].sort((a, b) => APPLY_ORDER[a.discount.kind] - APPLY_ORDER[b.discount.kind]);
  let remaining = basket.amountFen;
  const applied: AppliedCoupon[] = [];
  for (const c of ordered) {
    const result = discountOn(c, basket, remaining);
    if (!result.ok) return failure('NOT_CLAIMABLE', `coupon ${c._id}: ${result.problem}`);
    remaining -= result.discountFen;
    applied.push({ couponId: c._id, name: c.name, discountFen: result.discountFen });
  }
  // answered in the order the till named them
  applied.sort((a, b) => ids.indexOf(a.couponId) - ids.indexOf(b.couponId));
  return success({ discountFen: basket.amountFen - remaining, payableFen: remaining, applied });
}
