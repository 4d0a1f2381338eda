import { failure, type Outcome, success } from '../../contract';
import type { PosRefundInput, PosRefundResult } from '../../contract/pos';
import { txCoupon, unusedTierGiftsOf } from '../../data/coupons';
import { txMember } from '../../data/memberAccount';
import { findOrder, findRefund, tillKey, type TillRefund, txOrder } from '../../data/orders';
import type { Store } from '../../data/stores';
import { applyRefundPlan } from '../../data/till';
import { retryingRaces, transaction } from '../../data/transaction';
import { EVENT_TEMPLATES } from '../../domain/coupons/events';
import { type Coupon, couponIds } from '../../domain/coupons/template';
import { canonicalRefund } from '../../domain/till/canonical';
import { undoesFirstOrder } from '../../domain/till/purchaseDates';
import { overRefund, planTillRefund } from '../../domain/till/refundPlan';
import type { Database } from '../../platform/cloud';
import { fingerprint } from '../../platform/fingerprint';
import { cancelServicesOnTierLoss } from '../benefits/cancel';

/**
 * A refund at the till: read its facts (the order as of now, the member, the coupons the order
 * used, the member's second-item coupon and tier gifts), plan it in domain/till, apply the plan
 * in the same transaction. Idempotent by refundId.
 */
export async function recordRefund(db: Database, store: Store, input: PosRefundInput, now: Date): Promise<Outcome<PosRefundResult>> {
  const key = tillKey(store._id, input.refundId);
  // a refund at another store of the chain names the store the order was paid at
  const orderStore = input.orderStoreId ?? store._id;
  const orderKey = tillKey(orderStore, input.orderId);
  const print = fingerprint(canonicalRefund(input, store._id));
  const answerRecorded = (recorded: TillRefund): Outcome<PosRefundResult> =>
    recorded.fingerprint === print ? success(recorded.result) : failure('CONFLICT', `refund ${input.refundId} was recorded before with different contents`);
  const attempt = async (): Promise<Outcome<PosRefundResult>> => {
    const [existing, order] = await Promise.all([findRefund(db, key), findOrder(db, orderKey)]);
    if (existing) return answerRecorded(existing);
    if (!order) {
      const hint = input.orderStoreId ? '' : ' (an order paid at another store: name it in orderStoreId)';
      return failure('NOT_FOUND', `no order ${input.orderId} was recorded at store ${orderStore}${hint}`);
    }
    if (input.amountFen > order.amountFen - order.refundedFen) return overRefund(order, input.amountFen);
    // which tier gifts the member holds: a query, so it runs before the transaction; each is read again inside
    const gifts = await unusedTierGiftsOf(db, order.memberId);
    return transaction(db, async (t): Promise<Outcome<PosRefundResult>> => {
      // the refunded total as of this transaction: a parallel refund of the same order conflicts with it
      const current = (await txOrder(t, orderKey))!;
      const member = await txMember(t, current.memberId);
      const read = async (ids: string[]) => (await Promise.all(ids.map((id) => txCoupon(t, id)))).filter((c): c is Coupon => !!c);
      // only a whole refund gives coupons back, and only one of the member's one and only order takes the second-item coupon back
      const whole = current.refundedFen + input.amountFen === current.amountFen;
      const orderCoupons = member && whole ? await read(current.couponIds ?? []) : [];
      const secondItemCoupon = member && undoesFirstOrder(member, orderKey, whole) ? await txCoupon(t, couponIds.once(EVENT_TEMPLATES.secondItem, member._id)) : null;
      const tierGifts = member && member.tier !== 'explorer' ? await read(gifts.map((c) => c._id)) : [];
      const plan = planTillRefund({ store: { id: store._id, name: store.name }, key, input, fingerprint: print, now, order: current, member, orderCoupons, secondItemCoupon, tierGifts });
      if (!plan.ok) return plan;
      await applyRefundPlan(t, db, plan.value);
      return success(plan.value.result);
    });
  };
  const outcome = await retryingRaces(async () => {
    const outcome = await attempt();
    if (outcome.ok || outcome.error.code !== 'INVALID_INPUT') return outcome;
    // "more than is left" may be this very refund, recorded by a parallel delivery after our refund read: then answer as it did
    const recorded = await findRefund(db, key);
    return recorded ? answerRecorded(recorded) : outcome;
  });
  // one step after the refund's write: a fallen tier cancels the stylist bookings and event places it no longer gives (a retried refund answers the same result and finishes it)
  if (outcome.ok && outcome.value.tierChanged) await cancelServicesOnTierLoss(db, outcome.value.memberId, outcome.value.tier, now);
  return outcome;
}
