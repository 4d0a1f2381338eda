import type { TierCode } from '../../contract';
import { isLeaving, type Member, standingOf, tierRecordOf } from '../member';
import { afterQualifying, figuresAsOf, historyAfter, standingFields } from '../standing';

/** Settled referrals kept on the member: enough for the rule (3 in 12 months) and for idempotency. */
export const REFERRALS_KEPT = 50;

export interface SettledReferralOutcome {
  tier: TierCode;
  tierChanged: boolean;
  settledReferrals: number;
}

/**
 * A settled referral counts towards 忠诚者 (3 settled referrals in 12 months) and raises the tier
 * at once when it qualifies. Idempotent by the referral's key: settling one twice counts it once
 * (no changes). Null for a member who left or is leaving.
 */
export function planSettledReferral(
  m: Member | null,
  referralKey: string,
  settledAt: Date,
  now: Date,
): { outcome: SettledReferralOutcome; changes: Partial<Member> | null } | null {
  if (!m || isLeaving(m)) return null;
  const settled = m.referralsSettled ?? [];
  if (settled.some((r) => r.key === referralKey)) {
    return { outcome: { tier: m.tier, tierChanged: false, settledReferrals: figuresAsOf(tierRecordOf(m), now).settledReferrals }, changes: null };
  }
  const withThis: Member = { ...m, referralsSettled: [...settled, { key: referralKey, at: settledAt }].slice(-REFERRALS_KEPT) };
  const record = tierRecordOf(withThis);
  const asOf = settledAt.getTime() <= now.getTime() ? settledAt : now;
  const change = afterQualifying(standingOf(m), figuresAsOf(record, asOf), asOf, now);
  return {
    outcome: { tier: change.standing.tier, tierChanged: change.changed, settledReferrals: figuresAsOf(record, now).settledReferrals },
    changes: {
      referralsSettled: withThis.referralsSettled,
      referralsSettledTotal: (m.referralsSettledTotal ?? settled.length) + 1,
      ...standingFields(change.standing),
      tierHistory: historyAfter(m.tierHistory, m.tier, change, 'referral', now),
      updatedAt: now,
    },
  };
}
