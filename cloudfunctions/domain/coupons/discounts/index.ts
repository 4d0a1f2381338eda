import type { Discount } from '../template';
import { amountOff } from './amountOff';
import { categoryAmountOff } from './categoryAmountOff';
import { pass } from './pass';
import { percentOff } from './percent';
import type { Basket, DiscountResult } from './rule';
import { secondItemHalf } from './secondItemHalf';

export type { Basket, DiscountResult } from './rule';

/** Every discount kind, by its code. */
const RULES = { percent: percentOff, amountOff, categoryAmountOff, secondItemHalf, pass } as const;

export function discountFace(d: Discount): { value: string; rule: string; notes: string[] } {
  return (RULES[d.kind] as { face(d: Discount): { value: string; rule: string; notes: string[] } }).face(d);
}

export function computeDiscount(d: Discount, basket: Basket, remainingFen: number): DiscountResult {
  return (RULES[d.kind] as { compute(d: Discount, b: Basket, r: number): DiscountResult }).compute(d, basket, remainingFen);
}
