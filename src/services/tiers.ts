import type { TierCode } from '../../cloudfunctions/contract';

/** The tiers' names as the card shows them (the server's catalogue, domain/tiers.ts, says the same). */
export const TIER_NAMES: Record<TierCode, string> = { explorer: '探索者', grower: '成长者', loyal: '忠诚者' };
