import type { TierCode } from '../contract';

/** The three tiers of the programme, in order, with the shop's names and benefits. */
export interface Tier {
  code: TierCode;
  name: string;
  rank: number;
  benefits: string[];
}

export const TIERS: readonly Tier[] = [
  { code: 'explorer', name: '探索者', rank: 0, benefits: ['首单8折券', '风格测试', '3天穿搭灵感'] },
  { code: 'grower', name: '成长者', rank: 1, benefits: ['造型师1对1预约', '生日月双倍积分'] },
  { code: 'loyal', name: '忠诚者', rank: 2, benefits: ['品牌体验官', '新品共创', '私享会邀请'] },
];

export function tierOf(code: TierCode): Tier {
  const tier = TIERS.find((t) => t.code === code);
  if (!tier) throw new Error(`unknown tier ${code}`);
  return tier;
}

/** Everyone starts as an Explorer. */
export const JOINING_TIER: TierCode = 'explorer';
