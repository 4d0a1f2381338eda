import type { TierCode } from '../../contract';
import type { CouponTemplate } from './template';

export interface Holder {
  tier: TierCode;
  /** null: has not paid an order yet */
  firstOrderAt: Date | null;
}

/** Why this member may not hold the template (shop words), or null when they may. */
export function audienceProblem(t: Pick<CouponTemplate, 'audience' | 'active'>, m: Holder): string | null {
  if (!t.active) return '活动已结束';
  if (t.audience.tiers && !t.audience.tiers.includes(m.tier)) return '当前会员等级不可领取';
  if (t.audience.newMembersOnly && m.firstOrderAt) return '仅限未下单的新会员领取';
  return null;
}

/** Why the template cannot be claimed at `now` (outside its claim period), or null. */
export function claimPeriodProblem(t: Pick<CouponTemplate, 'claimFrom' | 'claimUntil'>, now: Date): string | null {
  if (t.claimFrom && now.getTime() < t.claimFrom.getTime()) return '领取尚未开始';
  if (t.claimUntil && now.getTime() >= t.claimUntil.getTime()) return '领取已结束';
  return null;
}
