import type { TierCode } from '../../../contract';
import { rulesFor, type TierFigures } from '../../tierRules';
import { TIERS, tierOf } from '../../tiers';
import type { EventTier } from './event';

/**
 * How a member reaches the lowest tier an event is open to, by the closest of that tier's routes
 * ("近12个月再消费 ¥601 升级忠诚者"); null when they hold it already.
 */
export function unlockRoute(tier: TierCode, open: readonly EventTier[], figures: TierFigures): string | null {
  const lowest = TIERS.filter((t) => (open as readonly string[]).includes(t.code)).sort((a, b) => a.rank - b.rank)[0];
  if (!lowest || tierOf(tier).rank >= lowest.rank) return null;
  const routes = rulesFor(lowest.code).map((r) => r.progress(figures, lowest.name));
  return routes.reduce((a, b) => (b.ratio > a.ratio ? b : a)).text;
}
