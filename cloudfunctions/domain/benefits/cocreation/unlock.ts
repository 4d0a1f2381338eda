import type { TierCode } from '../../../contract';
import { figuresAsOf } from '../../standing';
import { rulesFor } from '../../tierRules';
import { tierOf } from '../../tiers';
import type { Member } from '../../member';
import { tierRecordOf } from '../../member';

/**
 * How a member who is not 忠诚者 becomes one, in shop words: every route with what is left
 * ("忠诚者专享 · 近12个月再消费 ¥1,201 升级忠诚者，或再成功邀请 2 位好友升级忠诚者"); null for 忠诚者.
 */
export function loyalUnlock(m: Member, now: Date): string | null {
  if (m.tier === 'loyal') return null;
  const name = tierOf('loyal').name;
  const figures = figuresAsOf(tierRecordOf(m), now);
  return `${name}专享 · ${rulesFor('loyal').map((r) => r.progress(figures, name).text).join('，或')}`;
}

/** The tiers a piece may be opened to: 忠诚者 always, 成长者 when the manager says so. */
export const pieceTiers = (alsoGrowers: boolean | undefined): TierCode[] => (alsoGrowers ? ['grower', 'loyal'] : ['loyal']);
