import type { CouponChannel, TierCode } from '../../contract';
import type { Category } from '../../contract/styleWords';
import type { EarnedTier } from '../standing';

/**
 * Coupon templates are data (seeded from cloudfunctions/database/seed/couponTemplates.json, edited
 * by the brand), never code: a new campaign is a new document. A coupon copies what it gives from
 * its template when issued, so a later edit of the template never changes a coupon in a wallet.
 */

/** What a coupon takes off an order. */
export type Discount =
  /** 8折: the shopper pays `percent`% of the order (80 = 8折), at most `capFen` off when set */
  | { kind: 'percent'; percent: number; capFen?: number }
  /** 满300减50: `amountFen` off an order of at least `thresholdFen` (0: 无门槛) */
  | { kind: 'amountOff'; amountFen: number; thresholdFen: number }
  /** 上装满299减50: `amountFen` off the pieces of one category once they come to `thresholdFen` (the 穿搭诊断 coupon) */
  | { kind: 'categoryAmountOff'; category: Category; amountFen: number; thresholdFen: number }
  /** 第二件半价: with two or more pieces in the order, the cheaper of the two dearest pieces at half price */
  | { kind: 'secondItemHalf' }
  /** 新品优先试穿权: a pass the store honours in person (`title` is what it grants); takes nothing off */
  | { kind: 'pass'; title: string };

/** How long an issued coupon is valid. */
export type Validity =
  /** the same dates for everyone (a campaign) */
  | { kind: 'fixed'; from: Date; until: Date }
  /** until the end of the shop day `days` days after issue (30: issued 11-25 10:00, valid to 12-25 23:59:59) */
  | { kind: 'days'; days: number }
  /** exactly `hours` hours from issue (the 72 h second-item coupon) */
  | { kind: 'hours'; hours: number };

/** Who may hold a template: tiers (absent: all) and members who have not paid an order yet. */
export interface Audience {
  tiers?: TierCode[];
  newMembersOnly?: boolean;
}

export interface CouponTemplate {
  _id: string;
  name: string;
  discount: Discount;
  /** several coupons on one order only when every one of them is stackable */
  stackable: boolean;
  /** usable only on the member's first paid order (the welcome coupon) */
  firstOrderOnly?: boolean;
  validity: Validity;
  /** how members get it: claimed in the centre, issued on an event, or bought with points */
  channel: CouponChannel;
  /** total stock (null: unlimited); what is left lives in couponStock */
  stock: number | null;
  /** how many one member may hold over time (null: no limit) */
  perMember: number | null;
  audience: Audience;
  /** claim-centre templates: when claiming is open (absent: always, while stock lasts) */
  claimFrom?: Date;
  claimUntil?: Date;
  /** points rewards: the price in points */
  pointsCost?: number;
  active: boolean;
  /** order in lists (smaller first) */
  sort: number;
}

/** Coupon states as stored. `issuing`: a claim took its per-member slot and is taking stock; `claimable`: a birthday gift waiting to be claimed. */
export type CouponStatus = 'issuing' | 'claimable' | 'available' | 'used' | 'expired';

/** A coupon as stored: one document per coupon, its id naming the occasion so an issue is never doubled. */
export interface Coupon {
  /** `${templateId}:${memberId}:${occasion}`: claim slot, order, year, request… */
  _id: string;
  memberId: string;
  templateId: string;
  channel: CouponChannel;
  /** copied from the template when issued */
  name: string;
  discount: Discount;
  stackable: boolean;
  firstOrderOnly?: boolean;
  status: CouponStatus;
  issuedAt: Date;
  validFrom: Date;
  /** the first instant it is no longer valid */
  validUntil: Date;
  usedAt: Date | null;
  /** the till order that used it (`${storeId}:${orderId}`) */
  usedOrder: string | null;
  /** a pass checked off at the counter (counterCheck.ts): the store whose clerk did it */
  checkedAtStore?: string | null;
  /** a gift of this tier (its birthday gift, a coupon only that tier could claim): a refund that takes the tier ends it (null or absent: nobody's gift) */
  grantedByTier?: EarnedTier | null;
  /** why an unused coupon ended before its time: a refund took the tier that gave it */
  endedBy?: 'tierRefund' | null;
}

/** A template's stock: a conditional decrement decides who gets the last one; `holders` makes a resumed claim take stock once. */
export interface CouponStock {
  /** the templateId */
  _id: string;
  total: number;
  remaining: number;
  /** the coupons that took a unit, each as a keyed digest of its id (data/coupons stockHolder): the stock names no member */
  holders: string[];
}

/** The birthday year a birthday coupon belongs to (the last part of its id), or null for another coupon. */
export function birthdayYearOf(c: Pick<Coupon, '_id' | 'channel'>): number | null {
  const year = Number(c._id.split(':').pop());
  return c.channel === 'birthday' && Number.isInteger(year) ? year : null;
}

/** The coupon ids: the occasion is part of the id, so a retried or parallel issue writes one document. */
export const couponIds = {
  /** the k-th claim of a template (k ≤ its per-member limit): the unique id is the limit */
  claim: (templateId: string, memberId: string, k: number) => `${templateId}:${memberId}:${k}`,
  /** issued once ever per member (joining, marketing opt-in, the first order) */
  once: (templateId: string, memberId: string) => `${templateId}:${memberId}:once`,
  /** the birthday gift of one birthday year */
  birthday: (memberId: string, year: number) => `birthday:${memberId}:${year}`,
  /** a win-back, keyed by the lapse it answers (the shop day of the last purchase) */
  winBack: (templateId: string, memberId: string, lapseKey: string) => `${templateId}:${memberId}:${lapseKey}`,
  /** a referral's reward, keyed by the referral: settling it again issues nothing twice */
  referral: (templateId: string, memberId: string, referralId: string) => `${templateId}:${memberId}:${referralId}`,
  /** the 穿搭诊断 coupon: one per member whichever category it is for (a parallel submit issues it once) */
  styleDiagnosis: (memberId: string) => `style-diagnosis:${memberId}:first`,
  /** a points reward, keyed by the redeem request */
  reward: (templateId: string, memberId: string, requestKey: string) => `${templateId}:${memberId}:r${requestKey}`,
};
