import type { Category } from '../../../contract/styleWords';
import type { Discount } from '../template';

/** The basket a discount is judged on: the order's amount before coupons and its pieces (with the catalogue's category of each, where it knows the SKU). */
export interface Basket {
  amountFen: number;
  items: Array<{ sku: string; qty: number; priceFen: number; category?: Category | null }>;
}

/** What a coupon takes off, or why it cannot be used on this basket (shop words). */
export type DiscountResult = { ok: true; discountFen: number } | { ok: false; problem: string };

/** One kind of discount (Vendure's promotion action): how it reads on a ticket, and what it takes off. */
export interface DiscountRule<D extends Discount = Discount> {
  kind: D['kind'];
  /** the headline ("8折", "¥50", "半价"), the condition ("满¥300可用") and notes ("最多优惠¥200") */
  face(d: D): { value: string; rule: string; notes: string[] };
  /** the discount on `basket`, never more than `remainingFen` (what earlier coupons left to pay) */
  compute(d: D, basket: Basket, remainingFen: number): DiscountResult;
}

export const applies = (discountFen: number): DiscountResult => ({ ok: true, discountFen });
export const refuses = (problem: string): DiscountResult => ({ ok: false, problem });
