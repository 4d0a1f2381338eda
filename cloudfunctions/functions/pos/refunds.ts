import { failure, type Outcome, success } from '../../contract';
import type { PosRefundInput, PosRefundResult } from '../../contract/pos';
import { yuanText } from '../../contract/rules';
import { COLLECTIONS } from '../../data/collections';
import { txCoupon, txRemoveCoupon, txReturnCoupon } from '../../data/coupons';
import { EVENT_TEMPLATES } from '../../domain/coupons/events';
import { couponIds } from '../../domain/coupons/template';
import { addRefund, findOrder, findRefund, tillKey, type TillOrder, type TillRefund, updateOrderRefunds } from '../../data/orders';
import { txMember, writePlan } from '../../data/pointsAccount';
import type { Store } from '../../data/stores';
import { retryingRaces, transaction, txGet } from '../../data/transaction';
import { planRefund } from '../../domain/points/plans';
import type { Database } from '../../platform/cloud';
import { fingerprint } from './orders';

const overRefund = (order: TillOrder, amountFen: number) =>
  failure(
    'INVALID_INPUT',
    `refund ${yuanText(amountFen)} is more than the ${yuanText(order.amountFen - order.refundedFen)} left to refund on order ${order.orderId} (paid ${yuanText(order.amountFen)})`,
  );

/**
 * A refund at the till: takes back the order's points for the refunded part (a debt for points
 * already spent), lowers the qualifying spend and judges a tier it earned again — in one
 * transaction with the refund record and the order's refunded total; a refund of the whole order
 * gives its still-valid coupons back. Idempotent by refundId.
 */
export async function recordRefund(db: Database, store: Store, input: PosRefundInput, now: Date): Promise<Outcome<PosRefundResult>> {
  const key = tillKey(store._id, input.refundId);
  // a refund at another store of the chain names the store the order was paid at
  const orderStore = input.orderStoreId ?? store._id;
  const orderKey = tillKey(orderStore, input.orderId);
  const print = fingerprint(input);
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
    return transaction(db, async (t): Promise<Outcome<PosRefundResult>> => {
      // the refunded total as of this transaction: a parallel refund of the same order conflicts with it
      const current = (await txGet<TillOrder>(t, COLLECTIONS.orders, orderKey))!;
      if (input.amountFen > current.amountFen - current.refundedFen) return overRefund(current, input.amountFen);
      const refundedFen = current.refundedFen + input.amountFen;
      const member = await txMember(t, current.memberId);
      if (!member) {
        // the shopper left the programme: the till's refund is still recorded (and answered the same when retried), with nothing to take back
        const result: PosRefundResult = { memberId: current.memberId, couponsReturned: [], pointsClawedBack: 0, balance: 0, debt: 0, tier: 'explorer', tierChanged: false, refundedFen, memberLeft: true };
        await addRefund(t, { _id: key, orderKey, memberId: current.memberId, amountFen: input.amountFen, fingerprint: print, result, receivedAt: now });
        await updateOrderRefunds(t, orderKey, refundedFen, current.pointsClawedBack);
        return success(result);
      }
      const plan = planRefund(
        member,
        { key: orderKey, amountFen: current.amountFen, paidAt: current.countedAt ?? current.paidAt, pointsEarned: current.pointsEarned, refundedFen: current.refundedFen },
        { key, amountFen: input.amountFen },
        now,
      );
      // the whole order came back: its coupons return to the wallet while they are still valid. When it
      // was the member's one and only order, it no longer counts as their first: the welcome coupon
      // comes back usable (a first-order coupon is returned only then)
      const whole = refundedFen === current.amountFen;
      const undoesFirstOrder = whole && member.firstOrderKey === orderKey && member.lastOrderKey === orderKey;
      const couponsReturned: string[] = [];
      if (whole) {
        for (const id of current.couponIds ?? []) {
          const c = await txCoupon(t, id);
          const usableAgain = c && (!c.firstOrderOnly || undoesFirstOrder) && now.getTime() < c.validUntil.getTime();
          if (c?.status === 'used' && c.usedOrder === orderKey && usableAgain) couponsReturned.push(id);
        }
      }
      const result: PosRefundResult = {
        memberId: member._id,
        couponsReturned,
        pointsClawedBack: plan.pointsClawedBack,
        balance: plan.account.balance,
        debt: plan.account.debt,
        tier: plan.standing.tier,
        tierChanged: plan.tierChanged,
        refundedFen,
        memberLeft: false,
      };
      await addRefund(t, { _id: key, orderKey, memberId: member._id, amountFen: input.amountFen, fingerprint: print, result, receivedAt: now });
      await updateOrderRefunds(t, orderKey, refundedFen, current.pointsClawedBack + plan.pointsClawedBack);
      const source = { kind: 'refund' as const, storeId: store._id, storeName: store.name, orderId: input.orderId, refundId: input.refundId, amountFen: input.amountFen };
      await writePlan(t, db, member, plan, source, now, undoesFirstOrder ? { firstOrderAt: null, firstOrderKey: null } : {});
      for (const id of couponsReturned) await txReturnCoupon(t, id);
      // an undone first order takes back the second-item coupon it brought, while unused: the next first order brings it
      if (undoesFirstOrder) {
        const secondItemId = couponIds.once(EVENT_TEMPLATES.firstOrder, member._id);
        if ((await txCoupon(t, secondItemId))?.status === 'available') await txRemoveCoupon(t, secondItemId);
      }
      return success(result);
    });
  };
  return retryingRaces(async () => {
    const outcome = await attempt();
    if (outcome.ok || outcome.error.code !== 'INVALID_INPUT') return outcome;
    // "more than is left" may be this very refund, recorded by a parallel delivery after our refund read: then answer as it did
    const recorded = await findRefund(db, key);
    return recorded ? answerRecorded(recorded) : outcome;
  });
}
