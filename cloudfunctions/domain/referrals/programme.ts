import type { Coupon, CouponTemplate } from '../coupons/template';

/** The programme members invite under (one for now; its terms are data). */
export const DEFAULT_PROGRAMME_ID = 'default';

/** The referral programme's terms: data the brand edits (database/seed/referralProgramme.json). */
export interface ReferralProgramme {
  _id: string;
  /** the friend's first paid order must be at least this */
  minOrderFen: number;
  returnWindowDays: number;
  /** a referral without a qualifying order this long after joining is void */
  pendingDays: number;
  /** settlements per inviter per shop day (the rest wait for the next day) */
  dailyCap: number;
  /** what the inviter rewards of a calendar month may cost (the rest wait for the next month) */
  monthlyBudgetFen: number;
  /** both sides' pass (新品优先试穿权) */
  passTemplateId: string;
  /** the inviter's reward, from the `from`-th settled referral on (ascending) */
  inviterSteps: Array<{ from: number; templateId: string }>;
  active: boolean;
}

/** Every reward template the programme names: the pass and each of the inviter's steps. */
export const rewardTemplateIds = (p: Pick<ReferralProgramme, 'passTemplateId' | 'inviterSteps'>) => [p.passTemplateId, ...p.inviterSteps.map((s) => s.templateId)];

/** The inviter's reward template for their n-th settled referral (1-based). */
export function inviterStepFor(p: Pick<ReferralProgramme, 'inviterSteps'>, n: number): string | null {
  let found: string | null = null;
  for (const step of p.inviterSteps) if (n >= step.from) found = step.templateId;
  return found;
}

/** What a reward costs the budget: the money it can take off (a pass costs nothing). */
export function rewardCostFen(d: Pick<CouponTemplate, 'discount'> | Pick<Coupon, 'discount'>): number {
  const discount = d.discount;
  if (discount.kind === 'amountOff') return discount.amountFen;
  if (discount.kind === 'percent') return discount.capFen ?? 0;
  return 0;
}
