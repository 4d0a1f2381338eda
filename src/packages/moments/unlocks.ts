import type { TierCode } from '../../../cloudfunctions/contract';

const RANK: Record<TierCode, number> = { explorer: 0, grower: 1, loyal: 2 };

export const isUpgrade = (before: TierCode, after: TierCode) => RANK[after] > RANK[before];

/**
 * What reaching a tier unlocks, in two lists: what works from today, and what is promised but not
 * built yet (said as 即将开放, never as a benefit to use now — ARCHITECTURE: a benefit listed works).
 */
export const TIER_UNLOCKS: Record<TierCode, { now: string[]; soon: string[] }> = {
  explorer: { now: ['首单8折券', '风格测试', '3天穿搭灵感'], soon: [] },
  grower: { now: ['生日月消费双倍积分', '成长者生日礼券'], soon: ['造型师1对1预约'] },
  loyal: { now: ['生日月消费双倍积分', '忠诚者生日礼券'], soon: ['品牌体验官', '新品共创', '私享会邀请'] },
};
