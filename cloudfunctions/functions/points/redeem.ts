import { failure, type Outcome, success } from '../../contract';
import { txAddCoupon, txCoupon } from '../../data/coupons';
import { appendEntries, txLedgerEntry } from '../../data/ledger';
import { txMember, txWriteMember } from '../../data/memberAccount';
import { retryingRaces, transaction } from '../../data/transaction';
import type { Coupon } from '../../domain/coupons/template';
import { isLeaving, pointsNow } from '../../domain/member';
import { ledgerEntries } from '../../domain/points/ledgerEntry';
import { ledgerIds, memberChanges, planSpend } from '../../domain/points/plans';
import type { Database } from '../../platform/cloud';

export interface Redemption {
  /** idempotency key of this spend (e.g. the reward claim's id): the same key spends once */
  key: string;
  points: number;
  /** what the points were spent on, for the member's history ("¥20 无门槛券") */
  title: string;
  /** what the points buy: added in the same transaction as the spend (a retried key answers the coupon issued the first time) */
  coupon?: Coupon;
}

export interface Redeemed {
  balance: number;
  spent: number;
  coupon: Coupon | null;
}

/**
 * The ledger's redeem path: spends points oldest lots first, all or nothing, in one transaction
 * with the member's account and what the points buy. Parallel spends of one member line up on the
 * member document, so the balance never goes below zero; a retried spend with the same key spends
 * once and answers what it bought.
 */
export async function redeemPoints(db: Database, memberId: string, r: Redemption, now: Date): Promise<Outcome<Redeemed>> {
  return retryingRaces(() =>
    transaction(db, async (t): Promise<Outcome<Redeemed>> => {
      const done = await txLedgerEntry(t, ledgerIds.redeem(r.key));
      const member = await txMember(t, memberId);
      if (!member || isLeaving(member)) return failure('NOT_MEMBER', 'the caller has not joined the programme');
      if (done) return success({ balance: done.balanceAfter, spent: -done.points, coupon: r.coupon ? await txCoupon(t, r.coupon._id) : null });
      const plan = planSpend(member, { key: r.key, points: r.points }, now);
      if (!plan) return failure('INSUFFICIENT_POINTS', `${r.points} points are needed, ${pointsNow(member, now)} are available`);
      await appendEntries(t, ledgerEntries(member._id, plan.entries, { kind: 'reward', key: r.key, title: r.title }));
      await txWriteMember(t, db, member._id, memberChanges(plan, now));
      if (r.coupon) await txAddCoupon(t, r.coupon);
      return success({ balance: plan.account.balance, spent: r.points, coupon: r.coupon ?? null });
    }),
  );
}
