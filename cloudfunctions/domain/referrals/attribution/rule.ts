import type { ReferralVoidReason } from '../../../contract/referral';
import type { Member } from '../../member';

/** What a join with an invite code is judged on, read before the member is made. */
export interface AttributionFacts {
  /** the inviter the code names (null: no such code) */
  inviter: Member | null;
  /** the joining shopper */
  inviteeOpenid: string;
  /** this shopper was a member before (their former use is on record) */
  wasMemberBefore: boolean;
  /** keyed digest of the joining shopper's bound phone, if any */
  inviteePhoneDigest: string | null;
}

/** One attribution rule (Vendure's rule objects): the reason the referral is void, or null. */
export interface AttributionRule {
  code: ReferralVoidReason;
  check(f: AttributionFacts): boolean;
}
