import type { Outcome } from '../../contract';
import { failure, success } from '../../contract/envelope';
import type { PosRefundInput, PosRefundResult } from '../../contract/pos';
import { yuanText } from '../../contract/formats';
import { couponMovesOfRefund, type CouponMoves, NO_MOVES } from '../coupons/lifecycle';
import type { Coupon } from '../coupons/template';
import { isLeaving, type Member } from '../member';
import { ledgerEntries, type LedgerEntry } from '../points/ledgerEntry';
import { memberChanges, planRefund } from '../points/plans';
import { undoesFirstOrder } from './purchaseDates';
import { returnedPieces } from './returnedPieces';
import type { TillOrder, TillRefund } from './records';

/** Everything a till refund is decided on, read in its transaction. */
export interface TillRefundFacts {
  store: { id: string; name: string };
  /** `${storeId}:${refundId}` */
  key: string;
  input: PosRefundInput;
  fingerprint: string;
  now: Date;
  /** the order as of the transaction (its refunded total decides parallel refunds) */
  order: TillOrder;
  member: Member | null;
  /** the coupons the order used, as they are now */
  orderCoupons: Coupon[];
  /** the member's second-item coupon, if any */
  secondItemCoupon: Coupon | null;
  /** the member's unused tier gifts */
  tierGifts: Coupon[];
}

/** The whole of a refund's writes: its one write step applies exactly this. */
export interface TillRefundPlan {
  result: PosRefundResult;
  refund: TillRefund;
  order: { key: string; refundedFen: number; pointsClawedBack: number; returnedItems: Array<{ sku: string; qty: number }> };
  /** null: the member left the programme (the refund is recorded, nothing is taken back) */
  memberId: string | null;
  entries: LedgerEntry[];
  member: Partial<Member>;
  coupons: CouponMoves;
}

export const overRefund = (order: TillOrder, amountFen: number) =>
  failure(
    'INVALID_INPUT',
    `refund ${yuanText(amountFen)} is more than the ${yuanText(order.amountFen - order.refundedFen)} left to refund on order ${order.orderId} (paid ${yuanText(order.amountFen)})`,
  );

/**
 * A refund at the till, planned from its facts: points for the refunded part come back (a debt
 * for points already spent), spend is lowered and a tier it earned judged again, and the coupon
 * rules say what the refund gives back, takes back or ends. A member who left (or is leaving)
 * gets the refund recorded with nothing taken back.
 */
export function planTillRefund(f: TillRefundFacts): Outcome<TillRefundPlan> {
  const { order, input, now } = f;
  if (input.amountFen > order.amountFen - order.refundedFen) return overRefund(order, input.amountFen);
  const refundedFen = order.refundedFen + input.amountFen;
  const back = returnedPieces(order, input, refundedFen === order.amountFen);
  if (!back.ok) return back;
  const returnedItems = back.value;
  const record = (result: PosRefundResult, memberId: string): TillRefund => ({
    _id: f.key,
    orderKey: order._id,
    memberId,
    amountFen: input.amountFen,
    ...(input.items?.length ? { items: input.items.map(({ sku, qty }) => ({ sku, qty })) } : {}),
    fingerprint: f.fingerprint,
    result,
    receivedAt: now,
  });
  if (!f.member || isLeaving(f.member)) {
    const result: PosRefundResult = { memberId: order.memberId, couponsReturned: [], pointsClawedBack: 0, balance: 0, debt: 0, tier: 'explorer', tierChanged: false, refundedFen, memberLeft: true };
    return success({ result, refund: record(result, order.memberId), order: { key: order._id, refundedFen, pointsClawedBack: order.pointsClawedBack, returnedItems }, memberId: null, entries: [], member: {}, coupons: NO_MOVES });
  }
  const m = f.member;
  const points = planRefund(
    m,
    { key: order._id, amountFen: order.amountFen, paidAt: order.countedAt ?? order.paidAt, pointsEarned: order.pointsEarned, refundedFen: order.refundedFen },
    { key: f.key, amountFen: input.amountFen },
    now,
  );
  const whole = refundedFen === order.amountFen;
  const undoes = undoesFirstOrder(m, order._id, whole);
  const coupons = couponMovesOfRefund({
    orderKey: order._id,
    whole,
    undoesFirstOrder: undoes,
    orderCoupons: f.orderCoupons,
    secondItemCoupon: f.secondItemCoupon,
    tierGifts: f.tierGifts,
    after: { tier: points.standing.tier, tierHistory: points.tierHistory },
    now,
  });
  const result: PosRefundResult = {
    memberId: m._id,
    couponsReturned: coupons.giveBack,
    pointsClawedBack: points.pointsClawedBack,
    balance: points.account.balance,
    debt: points.account.debt,
    tier: points.standing.tier,
    tierChanged: points.tierChanged,
    refundedFen,
    memberLeft: false,
  };
  const source = { kind: 'refund' as const, storeId: f.store.id, storeName: f.store.name, orderId: input.orderId, refundId: input.refundId, amountFen: input.amountFen };
  return success({
    result,
    refund: record(result, m._id),
    order: { key: order._id, refundedFen, pointsClawedBack: order.pointsClawedBack + points.pointsClawedBack, returnedItems },
    memberId: m._id,
    entries: ledgerEntries(m._id, points.entries, source),
    member: { ...memberChanges(points, now), ...(undoes ? { firstOrderAt: null, firstOrderKey: null } : {}) },
    coupons,
  });
}
