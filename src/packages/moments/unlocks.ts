import type { TierCode } from '../../../cloudfunctions/contract';
import { isComingSoon } from '../../services/comingSoon';

const RANK: Record<TierCode, number> = { explorer: 0, grower: 1, loyal: 2 };

export const isUpgrade = (before: TierCode, after: TierCode) => RANK[after] > RANK[before];

/** What reaching a tier brings, in the order the 恭喜升级 moment lists it. */
const TIER_GAINS: Record<TierCode, readonly string[]> = {
  explorer: ['首单8折券', '风格测试', '3天穿搭灵感'],
  grower: ['生日月消费双倍积分', '成长者生日礼券', '造型师1对1预约'],
  loyal: ['生日月消费双倍积分', '忠诚者生日礼券', '品牌体验官', '新品共创', '私享会邀请'],
};

/**
 * What reaching a tier unlocks, in two lists: what works from today, and what is promised but not
 * built yet (services/comingSoon: said as 即将开放, never as a benefit to use now).
 */
export function unlocksOf(tier: TierCode): { now: string[]; soon: string[] } {
  const gains = TIER_GAINS[tier];
  return { now: gains.filter((b) => !isComingSoon(b)), soon: gains.filter(isComingSoon) };
}
