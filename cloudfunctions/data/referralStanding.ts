import type { TierCode } from '../contract';
import { type Member, standingOf, tierRecordOf } from '../domain/member';
import { afterQualifying, figuresAsOf, standingFields } from '../domain/standing';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { setWhole, txMember } from './pointsAccount';
import { retryingRaces, transaction } from './transaction';

/** Settled referrals kept on the member: enough for the rule (3 in 12 months) and for idempotency. */
export const REFERRALS_KEPT = 50;

/**
 * The referral hook of the tier rules: the referral issue calls this when an invitee's first
 * order has outlived the return window. It counts towards 忠诚者 (3 settled referrals in 12
 * months) and raises the tier at once when it qualifies. Idempotent by `referralKey`: settling
 * the same referral twice counts it once. Runs in one transaction on the member document, so it
 * lines up with the member's till orders.
 */
export async function recordSettledReferral(
  db: Database,
  memberId: string,
  referralKey: string,
  settledAt: Date,
  now: Date,
): Promise<{ tier: TierCode; tierChanged: boolean; settledReferrals: number } | null> {
  return retryingRaces(() =>
    transaction(db, async (t) => {
      const member = await txMember(t, memberId);
      if (!member) return null;
      const settled = member.referralsSettled ?? [];
      if (settled.some((r) => r.key === referralKey)) {
        return { tier: member.tier, tierChanged: false, settledReferrals: figuresAsOf(tierRecordOf(member), now).settledReferrals };
      }
      const withThis: Member = { ...member, referralsSettled: [...settled, { key: referralKey, at: settledAt }].slice(-REFERRALS_KEPT) };
      const record = tierRecordOf(withThis);
      const asOf = settledAt.getTime() <= now.getTime() ? settledAt : now;
      const { standing, changed } = afterQualifying(standingOf(member), figuresAsOf(record, asOf), asOf, now);
      await t.collection(COLLECTIONS.members).doc(memberId).update({
        data: { ...setWhole(db, { referralsSettled: withThis.referralsSettled, ...standingFields(standing) }), updatedAt: now },
      });
      return { tier: standing.tier, tierChanged: changed, settledReferrals: figuresAsOf(record, now).settledReferrals };
    }),
  );
}
