import type { ReferralVoidReason } from '../../../contract/referral';
import { inviterLeft } from './inviterLeft';
import { rejoined } from './rejoined';
import type { AttributionFacts, AttributionRule } from './rule';
import { samePhone } from './samePhone';
import { self } from './self';
import { unknownCode } from './unknownCode';

export type { AttributionFacts } from './rule';

/** In the order their reasons are told: the first that holds makes the referral void. */
export const ATTRIBUTION_RULES: readonly AttributionRule[] = [unknownCode, inviterLeft, self, rejoined, samePhone];

/** Why a join with this code does not count, or null when it does. */
export function attributionProblem(f: AttributionFacts): ReferralVoidReason | null {
  return ATTRIBUTION_RULES.find((r) => r.check(f))?.code ?? null;
}

/**
 * An invitee binds a phone after joining: if the inviter bound the same one, the referral is
 * void at once (one person, two accounts), so the inviter's list never says a reward is coming.
 * Null when nothing changes.
 */
export function voidOnPhone(r: { status: string } | null, inviterPhoneDigest: string | null | undefined, inviteePhoneDigest: string): { status: 'void'; voidReason: 'samePhone'; dueAt: null } | null {
  if (!r || (r.status !== 'joined' && r.status !== 'qualified') || !inviterPhoneDigest || inviterPhoneDigest !== inviteePhoneDigest) return null;
  return { status: 'void', voidReason: 'samePhone', dueAt: null };
}
