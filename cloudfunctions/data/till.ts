import type { CouponMoves } from '../domain/coupons/lifecycle';
import type { TillOrderPlan } from '../domain/till/orderPlan';
import type { TillRefundPlan } from '../domain/till/refundPlan';
import type { Database } from '../platform/cloud';
import { txAddCoupon, txEndCoupon, txRemoveCoupon, txReturnCoupon, txUseCoupon } from './coupons';
import { appendEntries } from './ledger';
import { txWriteMember } from './memberAccount';
import { txUseMemberCode } from './memberCodes';
import { txUseDeviceStep } from './tillDevices';
import { addOrder, addRefund, updateOrderRefunds } from './orders';
import { txUpdateReferral } from './referrals';
import type { Transaction } from './transaction';

/** The one write step of a till order: everything its plan says, inside its transaction. */
export async function applyOrderPlan(t: Transaction, db: Database, p: TillOrderPlan): Promise<void> {
  await addOrder(t, p.order);
  await appendEntries(t, p.entries);
  await txWriteMember(t, db, p.memberId, p.member);
  await applyCouponMoves(t, p.coupons, p.order._id, p.code.usedAt);
  if (p.code.kind === 'server') await txUseMemberCode(t, p.memberId, p.code.slot, p.code.usedFor, p.code.usedAt);
  else await txUseDeviceStep(t, p.code.handle, p.code.step, p.code.usedFor);
  if (p.referral) await txUpdateReferral(t, p.referral.id, p.referral.changes);
}

/** The one write step of a till refund. */
export async function applyRefundPlan(t: Transaction, db: Database, p: TillRefundPlan): Promise<void> {
  await addRefund(t, p.refund);
  await updateOrderRefunds(t, db, p.order.key, p.order);
  if (!p.memberId) return;
  await appendEntries(t, p.entries);
  await txWriteMember(t, db, p.memberId, p.member);
  await applyCouponMoves(t, p.coupons, p.order.key, p.refund.receivedAt);
}

async function applyCouponMoves(t: Transaction, m: CouponMoves, orderKey: string, at: Date): Promise<void> {
  for (const id of m.use) await txUseCoupon(t, id, orderKey, at);
  for (const c of m.issue) await txAddCoupon(t, c);
  for (const id of m.giveBack) await txReturnCoupon(t, id);
  for (const id of m.takeBack) await txRemoveCoupon(t, id);
  for (const id of m.end) await txEndCoupon(t, id, 'tierRefund');
}
