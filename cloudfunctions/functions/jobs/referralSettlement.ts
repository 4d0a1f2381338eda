import { templatesById, txAddCoupon } from '../../data/coupons';
import { txMember, txWriteMember } from '../../data/memberAccount';
import { txOrder } from '../../data/orders';
import { findProgramme, referralsDue, txBudgetSpent, txProgramme, txReferral, txSetBudgetSpent, txUpdateReferral } from '../../data/referrals';
import { retryingRaces, transaction } from '../../data/transaction';
import { couponIds, type CouponTemplate } from '../../domain/coupons/template';
import { rewardTemplateIds } from '../../domain/referrals/programme';
import { planSettlement } from '../../domain/referrals/settlement';
import { shopMonthKey } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import { creditsOf } from '../../data/subscriptions';
import type { Member } from '../../domain/member';
import { referralRewardMessage } from '../../domain/messages';
import { sendOnce } from './sendOnce';
import { BATCH_SIZE, cursorAfter, type DailyJob } from './job';

/**
 * One due referral, read and decided in one transaction (the referral, its order, both members,
 * the programme and the month's budget), then applied in it: settled (both sides' rewards, the
 * inviter's count and tier through the one member writer, the budget), void, or deferred. A rerun
 * or a parallel runner finds it no longer due, or conflicts and reads again: every reward once.
 */
function settleOne(db: Database, referralId: string, templates: Map<string, CouponTemplate>, now: Date): Promise<Settled | null> {
  return transaction(db, async (t): Promise<Settled | null> => {
    const referral = await txReferral(t, referralId);
    if (!referral) return null;
    const programme = await txProgramme(t, referral.programmeId);
    const order = referral.orderKey ? await txOrder(t, referral.orderKey) : null;
    const invitee = referral.inviteeId ? await txMember(t, referral.inviteeId) : null;
    const inviter = referral.inviterId ? await txMember(t, referral.inviterId) : null;
    const budgetSpentFen = await txBudgetSpent(t, referral.programmeId, shopMonthKey(now));
    const plan = planSettlement({
      referral,
      programme,
      order,
      invitee,
      inviter,
      budgetSpentFen,
      templates,
      couponId: (templateId, memberId) => couponIds.referral(templateId, memberId, referralId),
      now,
    });
    if (plan.kind === 'wait') return null;
    await txUpdateReferral(t, referralId, plan.referral);
    if (plan.kind !== 'settle') return { rewards: [] };
    for (const c of plan.coupons) await txAddCoupon(t, c);
    // the invitee is only read otherwise (write skew): touched here, an erase that marked them after our reads conflicts, so their pass never outlives it
    await txWriteMember(t, db, referral.inviteeId!, { updatedAt: now });
    await txWriteMember(t, db, plan.inviterId, plan.inviterChanges);
    await txSetBudgetSpent(t, referral.programmeId, plan.budget.monthKey, plan.budget.spentFen);
    return { rewards: [invitee!, inviter!].map((m) => ({ member: m, side: m === inviter ? ('inviter' as const) : ('invitee' as const), names: plan.coupons.filter((c) => c.memberId === m._id).map((c) => c.name) })) };
  });
}

/** What a settlement gave each side (empty when it voided or deferred): the notice names it. */
interface Settled {
  rewards: Array<{ member: Pick<Member, '_id' | 'openid'>; side: 'inviter' | 'invitee'; names: string[] }>;
}

/** The notice to each side holding a credit for it, once per referral (sendOnce keys it by the referral). */
async function announce(db: Database, referralId: string, settled: Settled, now: Date): Promise<void> {
  const credits = await creditsOf(db, settled.rewards.map((r) => r.member._id));
  for (const r of settled.rewards) {
    if ((credits.get(r.member._id)?.referralReward ?? 0) <= 0) continue;
    await sendOnce(db, r.member, 'referralReward', referralId, referralRewardMessage(r.names, now, r.side), now);
  }
}

/**
 * Referral settlement: the referrals due today — a qualified one whose return window is over, a
 * joined one whose wait for a first order is over — found through the {dueAt, _id} index, so the
 * work follows the due referrals, not all of them.
 */
export const referralSettlement: DailyJob = {
  name: 'referral-settlement',
  async batch(db, cursor, now) {
    const due = await referralsDue(db, now, cursor, BATCH_SIZE);
    const programmeIds = [...new Set(due.map((r) => r.programmeId))];
    const programmes = await Promise.all(programmeIds.map((id) => findProgramme(db, id)));
    const templates = await templatesById(db, programmes.flatMap((p) => (p ? rewardTemplateIds(p) : [])));
    let changed = 0;
    for (const r of due) {
      const settled = await retryingRaces(() => settleOne(db, r._id, templates, now));
      if (!settled) continue;
      changed += 1;
      // after the commit: a notice never goes out for rewards that were not given
      if (settled.rewards.length) await announce(db, r._id, settled, now);
    }
    return { cursor: cursorAfter(due.map((r) => r._id)), processed: due.length, changed };
  },
};
