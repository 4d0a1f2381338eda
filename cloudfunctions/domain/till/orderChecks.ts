import type { PosOrderInput } from '../../contract/pos';
import { parseInstant, yuanText } from '../../contract/formats';
import { TILL_CLOCK_SLACK_MS } from '../memberCode';

/** A till's clock may run this far ahead of ours. */
export const PAID_AT_MAX_AHEAD_MS = TILL_CLOCK_SLACK_MS;

/**
 * The payment time on the functions' clock. A till stamps paidAt and X-Timestamp with its own
 * clock; the difference between X-Timestamp and our receipt tells how far that clock is off.
 */
export function paidAtOnOurClock(input: PosOrderInput, tillOffsetMs: number): Date {
  return new Date(parseInstant(input.paidAt)!.getTime() - tillOffsetMs);
}

/**
 * Checks the order's parts against each other and the clock, before anything is written (the
 * nonce included); null when it is a sensible order. Whether paidAt fits the member code is
 * judged with the code.
 */
export function orderProblem(input: PosOrderInput, now: Date, tillOffsetMs = 0): string | null {
  const paidAt = paidAtOnOurClock(input, tillOffsetMs);
  const basket = basketProblem(input);
  if (basket) return basket;
  if (paidAt.getTime() > now.getTime() + PAID_AT_MAX_AHEAD_MS) return 'paidAt is in the future: check the till clock';
  return null;
}

/** A basket (order or quote) whose amount is more than its pieces add up to; null when it adds up. */
export function basketProblem(basket: Pick<PosOrderInput, 'amountFen' | 'items'>): string | null {
  const listed = basket.items.reduce((sum, i) => sum + i.qty * i.priceFen, 0);
  return basket.amountFen > listed ? `amountFen ${basket.amountFen} (${yuanText(basket.amountFen)}) is more than the items add up to (${yuanText(listed)})` : null;
}
