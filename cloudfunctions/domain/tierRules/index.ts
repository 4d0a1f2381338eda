import type { TierCode } from '../../contract';
import { growerQuarterSpend } from './growerQuarterSpend';
import { loyalReferrals } from './loyalReferrals';
import { loyalYearSpend } from './loyalYearSpend';
import type { TierFigures, TierRule } from './rule';

export type { TierFigures, TierRule } from './rule';

/** Every way up, in the order they are offered to a member. */
export const TIER_RULES: readonly TierRule[] = [growerQuarterSpend, loyalYearSpend, loyalReferrals];

export function rulesFor(tier: TierCode): TierRule[] {
  return TIER_RULES.filter((r) => r.tier === tier);
}

/** The tiers these figures qualify for (any of a tier's rules is enough). */
export function qualifyingTiers(f: TierFigures): TierCode[] {
  return [...new Set(TIER_RULES.filter((r) => r.check(f)).map((r) => r.tier))];
}
