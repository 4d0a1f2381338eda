import type { Discount } from '../../coupons/template';
import type { CampaignBudget } from './campaign';

/**
 * The most one coupon can take off an order, fen: what a discount cap counts it at (a cap in fen
 * must hold whatever the shopper buys). Null when there is no such bound: a pass takes nothing off
 * (cost 0), an uncapped percentage or 第二件半价 has no upper bound.
 */
export function couponCostFen(d: Discount): number | null {
  switch (d.kind) {
    case 'amountOff':
    case 'categoryAmountOff':
      return d.amountFen;
    case 'percent':
      return d.capFen ?? null;
    case 'pass':
      return 0;
    case 'secondItemHalf':
      return null;
  }
}

/** How many more coupons the budget allows (Infinity: no cap). */
export function budgetRoom(budget: CampaignBudget, used: { coupons: number; fen: number }, costFen: number | null): number {
  let room = Number.POSITIVE_INFINITY;
  if (budget.maxCoupons !== null) room = Math.min(room, budget.maxCoupons - used.coupons);
  if (budget.maxDiscountFen !== null && costFen !== null && costFen > 0) room = Math.min(room, Math.floor((budget.maxDiscountFen - used.fen) / costFen));
  return Math.max(0, room);
}
