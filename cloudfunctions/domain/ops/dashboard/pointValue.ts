import type { CouponTemplate } from '../../coupons/template';

/** What one point is worth: `pointsCost` points buy `amountFen` off, with no spend threshold. */
export interface PointPrice {
  rewardName: string;
  pointsCost: number;
  amountFen: number;
}

/**
 * The points' value as the brand's own rewards price them: of the active points rewards that take
 * a fixed amount off with no spend threshold (a ¥20 voucher for 500 points), the one that pays most
 * per point — what the brand would owe if every point were redeemed at its best. Rewards with a
 * threshold, a percentage or a pass are not cash and do not price a point. Null: no such reward.
 */
export function pointPrice(templates: readonly Pick<CouponTemplate, 'name' | 'discount' | 'pointsCost' | 'active'>[]): PointPrice | null {
  let best: PointPrice | null = null;
  for (const t of templates) {
    const d = t.discount;
    if (!t.active || !t.pointsCost || t.pointsCost <= 0 || d.kind !== 'amountOff' || d.thresholdFen > 0) continue;
    if (!best || d.amountFen * best.pointsCost > best.amountFen * t.pointsCost) best = { rewardName: t.name, pointsCost: t.pointsCost, amountFen: d.amountFen };
  }
  return best;
}

/** Points in fen at that price, rounded to the fen (0 when points have no cash price). */
export function pointsInFen(points: number, price: PointPrice | null): number {
  return price ? Math.round((points * price.amountFen) / price.pointsCost) : 0;
}
