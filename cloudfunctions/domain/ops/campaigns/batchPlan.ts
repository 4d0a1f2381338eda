import { budgetRoom } from './budget';
import type { Campaign } from './campaign';
import { inControlGroup } from './control';
import { type AudienceFacts, passedOverBy } from './eligibility';

/** One batch of placements read after the campaign's cursor (memberId order), with what is known of each. */
export interface BatchFacts {
  campaign: Pick<Campaign, '_id' | 'audience' | 'controlPercent' | 'budget' | 'couponCostFen' | 'treated' | 'budgetUsedFen'>;
  placed: Array<{ memberId: string; facts: AudienceFacts }>;
  /** the read was a full page: more placements may follow */
  more: boolean;
}

export interface BatchPlan {
  treated: string[];
  control: string[];
  skipped: number;
  /** the last placement this batch covers (the next batch reads after it) */
  cursor: string | null;
  /** issuing ends with this batch, and why */
  end: 'audience' | 'budget' | null;
  /** discount counted against the cap for the treated of this batch */
  budgetFen: number;
}

/**
 * Plans one batch: members passed over by the audience rules are skipped, the control group (by
 * hash) is held out and gets nothing, the rest get the coupon while the budget lasts. The first
 * member the budget cannot cover ends the campaign there: nobody after them is treated or held out,
 * so treated and control are drawn from the same stretch of the audience.
 */
export function planBatch({ campaign, placed, more }: BatchFacts): BatchPlan {
  const cost = campaign.couponCostFen;
  let room = budgetRoom(campaign.budget, { coupons: campaign.treated, fen: campaign.budgetUsedFen }, cost);
  const plan: BatchPlan = { treated: [], control: [], skipped: 0, cursor: null, end: null, budgetFen: 0 };
  for (const { memberId, facts } of placed) {
    if (passedOverBy(campaign.audience, facts) !== null) {
      plan.skipped += 1;
    } else if (inControlGroup(campaign._id, memberId, campaign.controlPercent)) {
      plan.control.push(memberId);
    } else if (room > 0) {
      plan.treated.push(memberId);
      plan.budgetFen += cost ?? 0;
      room -= 1;
    } else {
      plan.end = 'budget';
      return plan;
    }
    plan.cursor = memberId;
  }
  if (!more) plan.end = 'audience';
  // the budget exactly spent on the last member: nothing more can be issued
  else if (room === 0) plan.end = 'budget';
  return plan;
}
