import type { Outcome } from '../../contract';
import type { Category } from '../../contract/styleWords';
import { basketOf } from './basket';
import { failure, success } from '../../contract/envelope';
import type { PosOrderInput, PosOrderResult } from '../../contract/pos';
import { couponMovesOfOrder, type CouponMoves, type OrderCouponFacts } from '../coupons/lifecycle';
import { priceOrder } from '../coupons/pricing';
import type { Coupon } from '../coupons/template';
import { isLeaving, type Member } from '../member';
import { type MemberCode, slotOf } from '../memberCode';
import type { TillDevice } from '../tillDevice';
import { tillCodeProblem } from './codeProblem';
import { ledgerEntries, type LedgerEntry } from '../points/ledgerEntry';
import { countedAt, memberChanges, planOrder } from '../points/plans';
import { qualifyOnFirstOrder } from '../referrals/qualification';
import type { ReferralProgramme } from '../referrals/programme';
import type { Referral } from '../referrals/referral';
import { purchaseDates } from './purchaseDates';
import { receiptOf } from './receipt';
import type { TillOrder } from './records';

/** Everything a paid till order is decided on, read in its transaction. */
export interface TillOrderFacts {
  store: { id: string; name: string };
  /** `${storeId}:${orderId}` */
  key: string;
  input: PosOrderInput;
  fingerprint: string;
  /** when the shopper paid, on our clock */
  paidAt: Date;
  now: Date;
  /** the code record the order's server (`66…`) code was found in, as of the transaction */
  code: MemberCode | null;
  /** for an offline (`67…`) code: the device it names as of the transaction, and the step its password matched (platform checked it) */
  device?: { record: TillDevice | null; step: number } | null;
  member: Member | null;
  /** the coupons named on the order, in its order (null: no such coupon) */
  coupons: Array<Coupon | null>;
  secondItem: OrderCouponFacts['secondItem'];
  /** the referral the member joined through and its programme, read only for a first paid order */
  referral?: { record: Referral | null; programme: ReferralProgramme | null } | null;
  /** the catalogue's category of each SKU, read when the order names coupons (a category coupon counts only its pieces) */
  categories?: ReadonlyMap<string, Category>;
}

/** The whole of an order's writes: its one write step applies exactly this. */
export interface TillOrderPlan {
  result: PosOrderResult;
  order: TillOrder;
  memberId: string;
  entries: LedgerEntry[];
  /** the member document's changes: account, tier standing and its history, purchase dates */
  member: Partial<Member>;
  coupons: CouponMoves;
  /** the member code used up: a server code (the current one, or the one it just replaced), or an offline code's step on its device */
  code: CodeUse;
  /** the referral a first paid order decides (qualified, or void below the minimum) */
  referral: { id: string; changes: Partial<Referral> } | null;
}

/** How an order uses its member code up. */
export type CodeUse = { kind: 'server'; slot: 'current' | 'previous'; usedAt: Date; usedFor: string } | { kind: 'offline'; handle: string; step: number; usedAt: Date; usedFor: string };

/** The member the order's code names and how the order would use it, or why it names nobody now; whether it may be used yet is `codeProblem`'s. */
function codeHolder(f: TillOrderFacts): Outcome<{ memberId: string; use: CodeUse; problem: () => string | null }> {
  const base = { usedAt: f.now, usedFor: f.key };
  if (f.device) {
    const d = f.device.record;
    if (!d) return failure('CODE_EXPIRED', 'the member code no longer belongs to a member');
    const step = f.device.step;
    return success({ memberId: d.memberId, use: { kind: 'offline', handle: d._id, step, ...base }, problem: () => tillCodeProblem({ kind: 'offline', device: d, step }, f.input.memberCode, f.paidAt, f.now) });
  }
  const code = f.code;
  const slot = code ? slotOf(code, f.input.memberCode) : null;
  if (!code || !slot) return failure('CODE_EXPIRED', 'the member code was replaced long ago: ask the member to show the code on screen');
  return success({ memberId: code._id, use: { kind: 'server', slot, ...base }, problem: () => tillCodeProblem({ kind: 'server', record: code }, f.input.memberCode, f.paidAt, f.now) });
}

/**
 * A paid till order, planned from its facts (Medusa's compute, then apply): the code must be the
 * member's live one, the coupons must all apply, then points, spend, tier and purchase dates move
 * and the coupon rules add what the order brings. Failures are values; nothing here writes.
 */
export function planTillOrder(f: TillOrderFacts): Outcome<TillOrderPlan> {
  const { input, now } = f;
  const holder = codeHolder(f);
  if (!holder.ok) return holder;
  // a member who left, or is leaving, has no code: the till hears what it would for any stale code
  if (!f.member || f.member._id !== holder.value.memberId || isLeaving(f.member)) return failure('CODE_EXPIRED', 'the member code no longer belongs to a member');
  const member = f.member;
  const counted = countedAt(f.paidAt, now);
  // the coupons are judged before the code's own use: of parallel orders carrying one coupon, the losers hear it was used
  const ids = input.couponIds ?? [];
  const pricing = priceOrder(basketOf(input, f.categories), ids, f.coupons, { memberId: member._id, firstOrder: !member.firstOrderAt, at: counted, holder: member });
  if (!pricing.ok) return pricing;
  const codeProblem = holder.value.problem();
  if (codeProblem) return failure('CODE_EXPIRED', codeProblem);
  const { discountFen, payableFen, applied } = pricing.value;
  const points = planOrder(member, { key: f.key, amountFen: payableFen, paidAt: f.paidAt }, now);
  const purchase = purchaseDates(member, counted, payableFen, f.key, points.spendDays);
  const firstPaidOrder = !!purchase.firstOrderAt && !member.firstOrderAt;
  const coupons = couponMovesOfOrder({ memberId: member._id, orderKey: f.key, firstPaidOrder, secondItem: f.secondItem, now }, ids);
  const referral = f.referral?.record ?? null;
  const referralChanges = qualifyOnFirstOrder(referral, f.referral?.programme ?? null, { key: f.key, paidFen: payableFen, at: counted, firstPaid: firstPaidOrder });
  const result: PosOrderResult = {
    memberId: member._id,
    discountFen,
    payableFen,
    coupons: applied,
    pointsEarned: points.pointsEarned,
    balance: points.account.balance,
    tier: points.standing.tier,
    tierChanged: points.tierChanged,
  };
  const order: TillOrder = {
    _id: f.key,
    storeId: f.store.id,
    orderId: input.orderId,
    memberId: member._id,
    amountFen: payableFen,
    listedFen: input.amountFen,
    discountFen,
    couponIds: ids,
    items: input.items,
    paidAt: f.paidAt,
    countedAt: counted,
    fingerprint: f.fingerprint,
    pointsEarned: points.pointsEarned,
    refundedFen: 0,
    pointsClawedBack: 0,
    result,
    receivedAt: now,
  };
  const source = { kind: 'order' as const, storeId: f.store.id, storeName: f.store.name, orderId: input.orderId, amountFen: payableFen };
  return success({
    result,
    order,
    memberId: member._id,
    entries: ledgerEntries(member._id, points.entries, source),
    member: { ...memberChanges(points, now), ...purchase, lastReceipt: receiptOf({ key: f.key, storeName: f.store.name, at: now, tierBefore: member.tier }, result) },
    coupons,
    code: holder.value.use,
    referral: referral && referralChanges ? { id: referral._id, changes: referralChanges } : null,
  });
}
