import type { Category } from '../../contract/styleWords';
import type { Basket } from '../coupons/discounts';

/**
 * The basket the coupons are judged on: the till's amount and pieces, each with the catalogue's
 * category where it knows the SKU (a category coupon — 上装满299减50 — counts only its pieces).
 */
export function basketOf(input: { amountFen: number; items: Array<{ sku: string; qty: number; priceFen: number }> }, categories: ReadonlyMap<string, Category> = new Map()): Basket {
  return { amountFen: input.amountFen, items: input.items.map((i) => ({ ...i, category: categories.get(i.sku) ?? null })) };
}
