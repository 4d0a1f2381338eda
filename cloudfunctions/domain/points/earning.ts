import type { TierCode } from '../../contract';
import { shopMonth } from '../time';

/** 1 point per whole yuan paid (100 fen); the fen beyond a whole yuan earn nothing. */
export const FEN_PER_POINT = 100;

export function pointsForPaid(amountFen: number): number {
  return Math.floor(amountFen / FEN_PER_POINT);
}

/** Tiers that earn double points in the member's birthday month. */
const BIRTHDAY_DOUBLE_TIERS: readonly TierCode[] = ['grower', 'loyal'];

/**
 * Grower and Loyal earn double points in their birthday month (the month of the payment, on the
 * shop calendar). The tier is the one held when paying: the order that lifts a member to Grower
 * earns as an Explorer.
 */
export function birthdayBonus(base: number, tier: TierCode, birthday: string | null, paidAt: Date): number {
  if (!birthday || !BIRTHDAY_DOUBLE_TIERS.includes(tier)) return 0;
  return birthday.slice(0, 2) === shopMonth(paidAt) ? base : 0;
}

/**
 * Points a refund takes back: the order's share of points for the refunded part, pro rata and
 * rounded down. Counted on the running total, so partial refunds add up to exactly what the
 * whole refund would take (never a point more, never one forgotten).
 */
export function pointsToClawBack(order: { amountFen: number; pointsEarned: number; refundedFen: number }, refundFen: number): number {
  if (order.amountFen <= 0) return 0;
  const share = (refunded: number) => Math.floor((order.pointsEarned * refunded) / order.amountFen);
  return share(order.refundedFen + refundFen) - share(order.refundedFen);
}
