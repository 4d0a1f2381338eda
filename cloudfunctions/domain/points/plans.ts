import { accountOf, type Member, standingOf, tierRecordOf } from '../member';
import { addSpend, type SpendDays } from '../spend';
import { afterQualifying, afterRefund, figuresAsOf, historyAfter, standingFields, type StandingChange, type TierChange, type TierChangeReason, type TierStanding } from '../standing';
import { clawBack, credit, type EntryDraft, expireDue, lotExpiry, nextExpiry, type PointsAccount, spend } from './account';
import { birthdayBonus, pointsForPaid, pointsToClawBack } from './earning';

/**
 * Compute, then apply (Medusa's idea): each plan reads a member and says what to write — the
 * ledger entries and the member's new account and standing — and writes nothing itself. Every
 * plan first expires the lots whose time has come, so expired points are never spent or used to
 * settle a debt, whether or not the daily job has run yet.
 */
export interface PointsPlan {
  account: PointsAccount;
  entries: EntryDraft[];
  standing: TierStanding;
  tierChanged: boolean;
  /** the member's tier history with this plan's change, if any */
  tierHistory: TierChange[];
  spendDays: SpendDays;
}

/** What a plan changes on the member document (the one writer applies it whole). */
export function memberChanges(plan: PointsPlan, now: Date): Partial<Member> {
  return {
    tierHistory: plan.tierHistory,
    points: plan.account.balance,
    pointsDebt: plan.account.debt,
    lots: plan.account.lots,
    ledgerSeq: plan.account.seq,
    lotsExpireNext: nextExpiry(plan.account),
    spendDays: plan.spendDays,
    ...standingFields(plan.standing),
    updatedAt: now,
  };
}

/** Ledger ids come from the request that caused them, so a retried write is the same write. */
export const ledgerIds = {
  earn: (orderKey: string) => `e:${orderKey}`,
  bonus: (orderKey: string) => `b:${orderKey}`,
  refund: (refundKey: string) => `r:${refundKey}`,
  redeem: (spendKey: string) => `s:${spendKey}`,
};

export interface PaidOrder {
  /** `${storeId}:${orderId}` */
  key: string;
  amountFen: number;
  paidAt: Date;
}

/**
 * When an order counts: its payment time, but never later than its receipt — a till clock a few
 * minutes fast must not put the spend on tomorrow (or next quarter) while the tier is judged today.
 */
export function countedAt(paidAt: Date, now: Date): Date {
  return paidAt.getTime() <= now.getTime() ? paidAt : now;
}

/** A paid till order: 1 point per whole yuan (double in the birthday month for Grower and Loyal), spend counted, tier raised at once. */
export function planOrder(m: Member, order: PaidOrder, now: Date): PointsPlan & { pointsEarned: number } {
  const at = countedAt(order.paidAt, now);
  const expired = expireDue(accountOf(m), now);
  const entries = [...expired.entries];
  const base = pointsForPaid(order.amountFen);
  const bonus = birthdayBonus(base, m.tier, m.birthday, at);
  const earned = credit(expired.account, { id: ledgerIds.earn(order.key), kind: 'earn', points: base, at });
  entries.push(earned.entry);
  let account = earned.account;
  if (bonus > 0) {
    const extra = credit(account, { id: ledgerIds.bonus(order.key), kind: 'bonus', points: bonus, at });
    entries.push(extra.entry);
    account = extra.account;
  }
  const record = tierRecordOf(m);
  const spendDays = addSpend(record.spendDays, at, order.amountFen, now);
  const change = afterQualifying(standingOf(m), figuresAsOf({ ...record, spendDays }, at), at, now);
  return { ...tierMove(m, change, 'order', now), account, entries, spendDays, pointsEarned: base + bonus };
}

export interface RefundedOrder extends PaidOrder {
  pointsEarned: number;
  refundedFen: number;
}

/**
 * A refund: the order's points for the refunded part come back (a debt if they were spent), its
 * spend is lowered, a tier it earned is judged again. `order.paidAt` is when the order counted
 * (countedAt). Once the order's own points have reached their expiry they are gone either way —
 * spent or expired — and a refund that late takes nothing back.
 */
export function planRefund(m: Member, order: RefundedOrder, refund: { key: string; amountFen: number }, now: Date): PointsPlan & { pointsClawedBack: number } {
  const expired = expireDue(accountOf(m), now);
  const ordersPointsGone = lotExpiry(order.paidAt).getTime() <= now.getTime();
  const points = ordersPointsGone ? 0 : pointsToClawBack(order, refund.amountFen);
  const taken = clawBack(expired.account, { id: ledgerIds.refund(refund.key), points, at: now });
  const record = tierRecordOf(m);
  const spendDays = addSpend(record.spendDays, order.paidAt, -refund.amountFen, now);
  const change = afterRefund(standingOf(m), { ...record, spendDays }, order.paidAt, now);
  return { ...tierMove(m, change, 'refund', now), account: taken.account, entries: [...expired.entries, taken.entry], spendDays, pointsClawedBack: points };
}

/** Spending points on a reward, oldest lots first; null when the member cannot afford it. */
export function planSpend(m: Member, s: { key: string; points: number }, now: Date): PointsPlan | null {
  const expired = expireDue(accountOf(m), now);
  const spent = spend(expired.account, { id: ledgerIds.redeem(s.key), points: s.points, at: now });
  if (!spent) return null;
  return unchangedTier(m, spent.account, [...expired.entries, spent.entry]);
}

/** The expiry job's work on one member: the lots whose time has come (nothing when none). */
export function planExpiry(m: Member, now: Date): PointsPlan | null {
  const expired = expireDue(accountOf(m), now);
  return expired.entries.length ? unchangedTier(m, expired.account, expired.entries) : null;
}

function unchangedTier(m: Member, account: PointsAccount, entries: EntryDraft[]): PointsPlan {
  return { account, entries, standing: standingOf(m), tierChanged: false, tierHistory: m.tierHistory ?? [], spendDays: tierRecordOf(m).spendDays };
}

/** A plan's standing, whether it moved, and the history that records it. */
function tierMove(m: Member, change: StandingChange, reason: TierChangeReason, now: Date) {
  return { standing: change.standing, tierChanged: change.changed, tierHistory: historyAfter(m.tierHistory, m.tier, change, reason, now) };
}

