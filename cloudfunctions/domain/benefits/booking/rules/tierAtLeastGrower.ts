import type { TierCode } from '../../../../contract';
import { tierOf } from '../../../tiers';
import type { BookingRule } from './rule';

/** Whether a tier holds the 造型师1对1 benefit (成长者 and above). */
export const mayBook = (tier: TierCode) => tierOf(tier).rank >= 1;

/** 造型师1对1 is a 成长者 benefit: an 探索者 is told how far the tier is. */
export const tierAtLeastGrower: BookingRule = {
  code: 'tier',
  check(f) {
    if (mayBook(f.tier)) return null;
    return { code: 'NOT_CLAIMABLE', message: f.nextTierText ? `${f.nextTierText}即可预约` : '成长者及以上会员可预约造型师1对1' };
  },
};
