import type { TierCode } from '../../../contract';
import type { CampaignAudience } from './campaign';

/** What a batch knows of one placed member when it plans: read fresh from the member, not from the (nightly) placement. */
export interface AudienceFacts {
  /** the member document is there and not leaving */
  member: { tier: TierCode; optIn: boolean; leaving: boolean } | null;
  /** holds one of the audience's staff tags (true when the audience names none) */
  tagged: boolean;
  /** the tiers the coupon template is for (absent: all) */
  templateTiers?: TierCode[];
}

/** Why a placed member is passed over: one small rule each, checked in this order. */
export interface AudienceRule {
  code: 'left' | 'optedOut' | 'tier' | 'untagged' | 'templateTier';
  /** true: the member stays in the audience */
  check(audience: CampaignAudience, facts: AudienceFacts): boolean;
}

export const AUDIENCE_RULES: readonly AudienceRule[] = [
  { code: 'left', check: (_a, f) => f.member !== null && !f.member.leaving },
  { code: 'optedOut', check: (a, f) => !a.optedInOnly || f.member!.optIn },
  // the placement's tier is last night's: a member upgraded since is judged by today's
  { code: 'tier', check: (a, f) => a.tiers.length === 0 || a.tiers.includes(f.member!.tier) },
  { code: 'untagged', check: (_a, f) => f.tagged },
  { code: 'templateTier', check: (_a, f) => !f.templateTiers?.length || f.templateTiers.includes(f.member!.tier) },
];

/** The first rule a member fails, or null: they are in the audience. */
export function passedOverBy(audience: CampaignAudience, facts: AudienceFacts): AudienceRule['code'] | null {
  for (const rule of AUDIENCE_RULES) if (!rule.check(audience, facts)) return rule.code;
  return null;
}
