import type { TierCode } from '../../contract';
import type { EarnedTier, TierChange } from '../standing';
import { tierOf } from '../tiers';
import type { Coupon, CouponTemplate } from './template';

/** What a tier gift's ticket says once a refund took the tier that gave it. */
export const TIER_GIFT_ENDED = '因退货等级调整，已失效';

const rank = (t: TierCode) => tierOf(t).rank;

/**
 * The tier a template's coupons are a gift of: the lowest tier of its audience when Explorers are
 * not in it (成长者生日礼券 → grower; 成长者专享9折券 for grower and loyal → grower); null for
 * coupons anyone may hold. A coupon keeps this so a refund that takes the tier knows what it gave.
 */
export function grantingTier(t: Pick<CouponTemplate, 'audience'>): EarnedTier | null {
  const tiers = t.audience.tiers;
  if (!tiers || tiers.length === 0 || tiers.includes('explorer')) return null;
  return [...tiers].sort((a, b) => rank(a) - rank(b))[0] as EarnedTier;
}

export interface TierHolder {
  tier: TierCode;
  tierHistory?: TierChange[];
}

/** The change that took the member below `tier`, ending the stay at or above it that `at` falls in (or the last one before `at`). */
function lossOf(tier: EarnedTier, history: TierChange[], at: Date): TierChange | null {
  const drops = history.filter((c) => rank(c.from) >= rank(tier) && rank(c.to) < rank(tier));
  return drops.find((c) => c.at.getTime() >= at.getTime()) ?? drops[drops.length - 1] ?? null;
}

/**
 * Whether a refund took away the tier this coupon was a gift of: a shopper must not buy a tier,
 * collect its gifts and return the goods. A tier lost at the 12-month review keeps its gifts.
 * A gift claimed while the refund was committing (issued after the loss) is judged by that loss.
 */
export function tierGiftLostByRefund(c: Pick<Coupon, 'grantedByTier' | 'issuedAt'>, m: TierHolder): boolean {
  const tier = c.grantedByTier;
  if (!tier || rank(m.tier) >= rank(tier)) return false;
  return lossOf(tier, m.tierHistory ?? [], c.issuedAt)?.reason === 'refund';
}

/**
 * The unused gifts a refund's tier change takes back: those of tiers the member no longer holds,
 * given since they were gained. A birthday grant not yet claimed is no one's gift yet: claiming
 * it gives the gift of the tier held then.
 */
export function tierGiftsTakenBack(held: Coupon[], after: TierHolder): Coupon[] {
  return held.filter((c) => (c.status === 'available' || c.status === 'issuing') && tierGiftLostByRefund(c, after));
}

/**
 * A tier gift a refund took (ended, or still marked available but judged so): the occasion it
 * was for is open again — the birthday of this year gives the gift of the tier held now.
 */
export function takenByRefund(c: Pick<Coupon, 'status' | 'endedBy' | 'grantedByTier' | 'issuedAt'>, m: TierHolder): boolean {
  return c.endedBy === 'tierRefund' || (c.status === 'available' && tierGiftLostByRefund(c, m));
}
