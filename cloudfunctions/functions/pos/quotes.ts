import { failure, type Outcome, success } from '../../contract';
import { categoriesOf } from '../../data/products';
import { basketOf } from '../../domain/till/basket';
import type { PosQuoteInput, PosQuoteResult } from '../../contract/pos';
import { couponsOfMember } from '../../data/coupons';
import { findMember } from '../../data/members';
import { isLeaving } from '../../domain/member';
import { discountFace } from '../../domain/coupons/discounts';
import { couponProblem, discountOn, type PricingContext, priceOrder } from '../../domain/coupons/pricing';
import { tillCodeProblem } from '../../domain/till/codeProblem';
import { findCodeWithinLimit, limitReached } from '../codes/resolve';
import { toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';

/**
 * What the member's coupons take off a basket, before the till charges: the member's wallet with
 * each coupon's own discount (or why it does not apply), and the chosen coupons together. Reads
 * only; the order itself uses the coupons, atomically with the payment record.
 */
export async function quoteOrder(db: Database, storeId: string, input: PosQuoteInput, now: Date): Promise<Outcome<PosQuoteResult>> {
  const till = { kind: 'till' as const, storeId };
  const found = await findCodeWithinLimit(db, till, now, input.memberCode, now, 'order');
  if (found === 'limit') return limitReached();
  if (!found) return failure('CODE_EXPIRED', 'the member code is unknown or long expired: ask the member to refresh it');
  // a quote is an order paid this instant
  const problem = tillCodeProblem(found, input.memberCode, now, now);
  if (problem) return failure('CODE_EXPIRED', problem);
  const memberId = found.memberId;
  const [member, held, categories] = await Promise.all([findMember(db, memberId), couponsOfMember(db, memberId), categoriesOf(db, input.items.map((i) => i.sku))]);
  if (!member || isLeaving(member)) return failure('CODE_EXPIRED', 'the member code no longer belongs to a member');
  const ctx: PricingContext = { memberId: member._id, firstOrder: !member.firstOrderAt, at: now, holder: member };
  const basket = basketOf(input, categories);
  const usable = held.filter((c) => c.status === 'available' && now.getTime() < c.validUntil.getTime());
  const wallet = usable.map((c) => {
    const why = couponProblem(c, ctx);
    const alone = why ? null : discountOn(c, basket, basket.amountFen);
    const face = discountFace(c.discount);
    return {
      couponId: c._id,
      name: c.name,
      value: face.value,
      rule: face.rule,
      validUntil: toIso(c.validUntil),
      discountFen: alone?.ok ? alone.discountFen : 0,
      problem: why ?? (alone && !alone.ok ? alone.problem : null),
    };
  });
  const ids = input.couponIds ?? [];
  const byId = new Map(held.map((c) => [c._id, c]));
  const pricing = priceOrder(basket, ids, ids.map((id) => byId.get(id) ?? null), ctx);
  if (!pricing.ok) return pricing;
  return success({ memberId: member._id, wallet, coupons: pricing.value.applied, discountFen: pricing.value.discountFen, payableFen: pricing.value.payableFen });
}
