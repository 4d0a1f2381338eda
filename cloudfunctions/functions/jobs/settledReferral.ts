import { txMember, txWriteMember } from '../../data/memberAccount';
import { retryingRaces, transaction } from '../../data/transaction';
import { planSettledReferral, type SettledReferralOutcome } from '../../domain/referrals/settledReferral';
import type { Database } from '../../platform/cloud';

/**
 * The referral hook of the tier rules: referral settlement calls this when an invitee's first
 * order has outlived the return window. One transaction on the member document, so it lines up
 * with the member's till orders; idempotent by `referralKey`.
 */
export async function recordSettledReferral(db: Database, memberId: string, referralKey: string, settledAt: Date, now: Date): Promise<SettledReferralOutcome | null> {
  return retryingRaces(() =>
    transaction(db, async (t) => {
      const plan = planSettledReferral(await txMember(t, memberId), referralKey, settledAt, now);
      if (plan?.changes) await txWriteMember(t, db, memberId, plan.changes);
      return plan?.outcome ?? null;
    }),
  );
}
