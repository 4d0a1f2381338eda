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
