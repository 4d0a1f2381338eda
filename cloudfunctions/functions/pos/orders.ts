import { createHash } from 'node:crypto';
import { failure, type Outcome, success } from '../../contract';
import type { PosOrderInput, PosOrderResult } from '../../contract/pos';
import { parseInstant, yuanText } from '../../contract/rules';
import { findCodeForOrder } from '../../data/memberCodes';
import { addOrder, findOrder, tillKey, type TillOrder } from '../../data/orders';
import { txMember, writePlan } from '../../data/pointsAccount';
import type { Store } from '../../data/stores';
import { retryingRaces, transaction, txGet } from '../../data/transaction';
import { COLLECTIONS } from '../../data/collections';
import { type MemberCode, orderCodeProblem, slotOf, TILL_CLOCK_SLACK_MS } from '../../domain/memberCode';
import { countedAt, planOrder } from '../../domain/points/plans';
import { txAddCoupon, txCoupon, txTemplate, txUseCoupon } from '../../data/coupons';
import { txFormerUse } from '../../data/formerUse';
import { EVENT_TEMPLATES, winBackDueAt } from '../../domain/coupons/events';
import { couponFrom } from '../../domain/coupons/issue';
import { priceOrder } from '../../domain/coupons/pricing';
import { type Coupon, couponIds } from '../../domain/coupons/template';
import type { Member } from '../../domain/member';
import type { Database } from '../../platform/cloud';

/** A till's clock may run this far ahead of ours. */
export const PAID_AT_MAX_AHEAD_MS = TILL_CLOCK_SLACK_MS;

/** The request's identity for idempotency: the same order sent again hashes the same. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

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

/**
 * What an order changes of the member's purchase dates: the first paid order (ends first-order
 * coupons, brings the second-item one), the last purchase and with it when a win-back is due.
 */
export function purchaseDates(m: Member, at: Date, payableFen: number, orderKey: string): Pick<Member, 'firstOrderAt' | 'firstOrderKey' | 'lastOrderAt' | 'lastOrderKey' | 'winBackDueAt'> {
  const first = m.firstOrderAt ? { at: m.firstOrderAt, key: m.firstOrderKey ?? null } : payableFen > 0 ? { at, key: orderKey } : { at: null, key: null };
  const lastOrderAt = m.lastOrderAt && m.lastOrderAt.getTime() > at.getTime() ? m.lastOrderAt : at;
  return { firstOrderAt: first.at, firstOrderKey: first.key, lastOrderAt, lastOrderKey: orderKey, winBackDueAt: winBackDueAt(lastOrderAt, m.lastWinBackAt ?? null) };
}

/**
 * A paid till order: finds the member by their live till code, prices the coupons named on it,
 * uses the code and the coupons up, credits the points and counts the spend on what was paid, all
 * in one transaction with the order record. A delivery of an
 * order already recorded answers the first result again and writes nothing.
 */
export async function recordOrder(db: Database, store: Store, input: PosOrderInput, now: Date, tillOffsetMs = 0): Promise<Outcome<PosOrderResult>> {
  const paidAt = paidAtOnOurClock(input, tillOffsetMs);
  const key = tillKey(store._id, input.orderId);
  const print = fingerprint({ ...input, paidAt: parseInstant(input.paidAt)!.toISOString() });
  const answerRecorded = (recorded: TillOrder): Outcome<PosOrderResult> =>
    recorded.fingerprint === print ? success(recorded.result) : failure('CONFLICT', `order ${input.orderId} was recorded before with different contents`);
  const attempt = async (): Promise<Outcome<PosOrderResult>> => {
    const [existing, code] = await Promise.all([findOrder(db, key), findCodeForOrder(db, input.memberCode)]);
    if (existing) return answerRecorded(existing);
    const problem = orderProblem(input, now, tillOffsetMs);
    if (problem) return failure('INVALID_INPUT', problem);
    if (!code) return failure('CODE_EXPIRED', 'the member code is unknown or long expired: ask the member to refresh it');
    return transaction(db, async (t): Promise<Outcome<PosOrderResult>> => {
      // read again inside: the member may have fetched new codes meanwhile, or another order used this one
      const current = await txGet<MemberCode>(t, COLLECTIONS.memberCodes, code._id);
      const slot = current ? slotOf(current, input.memberCode) : null;
      if (!current || !slot) return failure('CODE_EXPIRED', 'the member code was replaced long ago: ask the member to show the code on screen');
      const member = await txMember(t, code._id);
      if (!member) return failure('CODE_EXPIRED', 'the member code no longer belongs to a member');
      const counted = countedAt(paidAt, now);
      // the coupons are judged before the code's own use: of parallel orders carrying one coupon, the losers hear it was used
      const ids = input.couponIds ?? [];
      const held: Array<Coupon | null> = [];
      for (const id of ids) held.push(await txCoupon(t, id));
      const pricing = priceOrder({ amountFen: input.amountFen, items: input.items }, ids, held, { memberId: member._id, firstOrder: !member.firstOrderAt, at: counted });
      if (!pricing.ok) return pricing;
      const codeProblem = orderCodeProblem(slot === 'current' ? current : current.previous!, paidAt, now);
      if (codeProblem) return failure('CODE_EXPIRED', codeProblem);
      const { discountFen, payableFen, applied } = pricing.value;
      const plan = planOrder(member, { key, amountFen: payableFen, paidAt }, now);
      const purchase = purchaseDates(member, counted, payableFen, key);
      // the first paid order brings the second-item coupon, in this same commit
      const secondItem = purchase.firstOrderAt && !member.firstOrderAt ? await txTemplate(t, EVENT_TEMPLATES.firstOrder) : null;
      const secondItemId = couponIds.once(EVENT_TEMPLATES.firstOrder, member._id);
      // once ever: not again for a first order refunded whole and made again, nor for a shopper who had it in an earlier membership
      const issueSecondItem =
        !!secondItem?.active && !(await txCoupon(t, secondItemId)) && !(await txFormerUse(t, member.openid)).once.includes(secondItem._id);
      const result: PosOrderResult = {
        memberId: member._id,
        discountFen,
        payableFen,
        coupons: applied,
        pointsEarned: plan.pointsEarned,
        balance: plan.account.balance,
        tier: plan.standing.tier,
        tierChanged: plan.tierChanged,
      };
      await addOrder(t, {
        _id: key,
        storeId: store._id,
        orderId: input.orderId,
        memberId: member._id,
        amountFen: payableFen,
        listedFen: input.amountFen,
        discountFen,
        couponIds: ids,
        items: input.items,
        paidAt,
        countedAt: counted,
        fingerprint: print,
        pointsEarned: plan.pointsEarned,
        refundedFen: 0,
        pointsClawedBack: 0,
        result,
        receivedAt: now,
      });
      const source = { kind: 'order' as const, storeId: store._id, storeName: store.name, orderId: input.orderId, amountFen: payableFen };
      await writePlan(t, db, member, plan, source, now, purchase);
      for (const id of ids) await txUseCoupon(t, id, key, now);
      if (issueSecondItem) await txAddCoupon(t, couponFrom(secondItem!, secondItemId, member._id, now));
      const used = slot === 'current' ? { usedAt: now, usedFor: key } : { 'previous.usedAt': now, 'previous.usedFor': key };
      await t.collection(COLLECTIONS.memberCodes).doc(code._id).update({ data: used });
      return success(result);
    });
  };
  return retryingRaces(async () => {
    const outcome = await attempt();
    if (outcome.ok || (outcome.error.code !== 'CODE_EXPIRED' && outcome.error.code !== 'NOT_CLAIMABLE')) return outcome;
    // a parallel delivery of this very order may have used the code (and its coupons) after our order read: then answer as it did
    const recorded = await findOrder(db, key);
    return recorded ? answerRecorded(recorded) : outcome;
  });
}
