import { birthdayYearOf, type Coupon, type CouponTemplate } from './template';

/** The birthday years kept: a rejoin cannot claim a year again, and older years no longer matter. */
const BIRTHDAY_YEARS_KEPT = 3;

/**
 * What a shopper used of the limited offers in earlier memberships: kept, under a holder digest
 * of their openid, when they leave, so joining again does not hand out the welcome coupon, the
 * opt-in ¥5, the 穿搭诊断 coupon, a campaign's per-member allowance or this year's birthday gift a second time.
 */
export interface FormerUse {
  /** the holder digest (platform/holder.ts) */
  _id: string;
  /** once-ever templates issued (welcome, opt-in, second item) */
  once: string[];
  /** claims per claim-centre template */
  claims: Record<string, number>;
  /** birthday years whose gift was issued */
  birthdayYears: number[];
  /** keyed digests of the memberships recorded here (names nobody): an erase resumed after a crash records its membership once */
  memberships?: string[];
  updatedAt: Date;
}

export const NO_FORMER_USE: Omit<FormerUse, '_id' | 'updatedAt'> = { once: [], claims: {}, birthdayYears: [] };

/** What a leaving member's coupons add to their former use (coupons still being issued count: they took their slot). */
export function formerUseOf(coupons: Coupon[]): Omit<FormerUse, '_id' | 'updatedAt'> {
  const once = new Set<string>();
  const claims: Record<string, number> = {};
  const years = new Set<number>();
  for (const c of coupons) {
    if (c.channel === 'claim') claims[c.templateId] = (claims[c.templateId] ?? 0) + 1;
    else if (c.channel === 'birthday') {
      const year = birthdayYearOf(c);
      if (year !== null && c.status !== 'claimable') years.add(year);
    } else if (c.channel === 'join' || c.channel === 'optIn' || c.channel === 'firstOrder' || c.channel === 'style') once.add(c.templateId);
  }
  return { once: [...once].sort(), claims, birthdayYears: [...years].sort((a, b) => b - a).slice(0, BIRTHDAY_YEARS_KEPT) };
}

/** Claims of a template left for a member, counting earlier memberships (null: no limit). */
export function claimsLeft(t: Pick<CouponTemplate, '_id' | 'perMember'>, former: Pick<FormerUse, 'claims'>): number | null {
  return t.perMember === null ? null : Math.max(0, t.perMember - (former.claims[t._id] ?? 0));
}

/** Whether this shopper was a member before: their former use is on record (every membership leaves one). */
export function wasMemberBefore(f: Omit<FormerUse, '_id' | 'updatedAt'>): boolean {
  return (f.memberships?.length ?? 0) > 0 || f.once.length > 0 || f.birthdayYears.length > 0 || Object.keys(f.claims).length > 0;
}
