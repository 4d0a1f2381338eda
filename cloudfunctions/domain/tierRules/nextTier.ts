import type { PointsSummary, TierCode } from '../../contract';
import { TIERS, tierOf } from '../tiers';
import { rulesFor } from './index';
import type { TierFigures } from './rule';

/**
 * The next tier by the closest of its routes, in shop words ("再消费 ¥601 升级成长者"); null at
 * the top. The points page's progress and the card's one line both say this.
 */
export function nextTierRoute(current: TierCode, figures: TierFigures): PointsSummary['progress']['next'] {
  const nextTier = TIERS.find((t) => t.rank === tierOf(current).rank + 1);
  if (!nextTier) return null;
  const routes = rulesFor(nextTier.code).map((r) => r.progress(figures, nextTier.name));
  const best = routes.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return { code: nextTier.code, name: nextTier.name, text: best.text, ratio: best.ratio };
}
