import type { CouponTemplate } from '../../coupons/template';
import { couponCostFen } from './budget';
import type { CampaignBudget } from './campaign';

/** The channels a campaign may issue from: the brand's offers, not the event gifts (welcome, birthday, referral …). */
export const CAMPAIGN_CHANNELS: ReadonlyArray<CouponTemplate['channel']> = ['claim', 'winBack', 'reward'];

/**
 * A template a manager may pick: active, one of the offers, not a first-order-only coupon, and
 * without a stock of its own (a limited offer belongs to the claim centre: a campaign would issue
 * past it; the campaign's budget cap is its limit).
 */
export function campaignTemplate(t: CouponTemplate): boolean {
  return t.active && CAMPAIGN_CHANNELS.includes(t.channel) && !t.firstOrderOnly && t.stock === null;
}

export type LaunchProblem = 'template' | 'uncappedDiscount' | 'startPast' | 'startFar';

/** How far ahead a campaign may be scheduled. */
export const MAX_SCHEDULE_DAYS = 90;

/**
 * Why a launch is refused, or null: the template must be one a campaign may issue; a discount cap
 * needs a coupon whose most is known (a capped 8折, an amount off); a scheduled start lies ahead, within 90 days.
 */
export function launchProblem(t: CouponTemplate | null, budget: CampaignBudget, startAt: Date, now: Date): LaunchProblem | null {
  if (!t || !campaignTemplate(t)) return 'template';
  if (budget.maxDiscountFen !== null && couponCostFen(t.discount) === null) return 'uncappedDiscount';
  if (startAt.getTime() < now.getTime() - 60_000) return 'startPast';
  if (startAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) return 'startFar';
  return null;
}

export const LAUNCH_PROBLEM_TEXT: Record<LaunchProblem, string> = {
  template: 'templateId is not an active offer a campaign may issue',
  uncappedDiscount: 'a discount cap needs a coupon with a known most (an amount off or a capped percentage)',
  startPast: 'startAt is in the past',
  startFar: `startAt is more than ${MAX_SCHEDULE_DAYS} days ahead`,
};
