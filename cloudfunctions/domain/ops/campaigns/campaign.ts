import type { TierCode } from '../../../contract';

/**
 * A targeted campaign (issue 19 part 2): a manager's audience from the segments job's placements,
 * one coupon template, an optional subscribe message, a control group and a budget cap. One
 * document per campaign (`campaigns`), keyed `${storeId}-${requestId}` so a retried launch makes one.
 * Issuing walks the audience in memberId order in batches; each batch's plan is its own document
 * (`campaignBatches`), written once, so every runner applies the same plan.
 */
export interface CampaignAudience {
  /** segment codes (any of them); empty: every segment, and members in none */
  segments: string[];
  /** tiers (any of them); empty: every tier */
  tiers: TierCode[];
  /** staff tag ids (a member holding any of them); empty: no tag filter */
  tags: string[];
  /** only members who opted in to marketing (re-read on the member when the batch is planned) */
  optedInOnly: boolean;
}

export interface CampaignBudget {
  /** at most this many coupons (null: no cap) */
  maxCoupons: number | null;
  /** at most this much discount, fen, counting each coupon at the most it can take off (null: no cap) */
  maxDiscountFen: number | null;
}

export type CampaignStatus = 'scheduled' | 'issuing' | 'done' | 'stopped';
/** why issuing ended: the whole audience was reached, the budget ran out, the template went inactive, a manager stopped it */
export type CampaignEnd = 'audience' | 'budget' | 'template' | 'stopped';

export interface Campaign {
  /** `${storeId}-${requestId}` */
  _id: string;
  storeId: string;
  name: string;
  createdBy: { staffId: string; name: string };
  createdAt: Date;
  audience: CampaignAudience;
  templateId: string;
  /** the template as it was at launch (the coupons copy the template again when issued) */
  templateName: string;
  /** the most one coupon can take off, fen (null: a pass or an uncapped percentage) */
  couponCostFen: number | null;
  /** send the 专属优惠到账通知 subscribe message to opted-in members holding a credit */
  message: boolean;
  /** the share of the audience held out, percent (0–50) */
  controlPercent: number;
  budget: CampaignBudget;
  /** when issuing may begin (launch now: the launch instant) */
  startAt: Date;
  status: CampaignStatus;
  endedBy: CampaignEnd | null;
  /** the last placement (memberId) planned; null before the first batch */
  cursor: string | null;
  /** batches planned so far (the next batch's number) */
  batches: number;
  /** members planned a coupon, held out, and passed over (left, opted out, untagged, not for the template's tiers) */
  treated: number;
  control: number;
  skipped: number;
  /** coupons planned × couponCostFen: what the discount cap is checked against */
  budgetUsedFen: number;
  /** batches applied, coupons issued and messages sent (counted by the runner that marked the batch applied) */
  applied: number;
  issued: number;
  messaged: number;
  finishedAt: Date | null;
  updatedAt: Date;
}

/** One batch's plan: who gets the coupon and who is held out. Written once; applying it twice issues nothing twice. */
export interface CampaignBatch {
  /** `${campaignId}:${n}` (n zero-padded) */
  _id: string;
  campaignId: string;
  n: number;
  /** the cursor the batch was read after */
  after: string | null;
  treated: string[];
  control: string[];
  plannedAt: Date;
  applied: boolean;
  appliedAt: Date | null;
}

export const batchId = (campaignId: string, n: number) => `${campaignId}:${String(n).padStart(6, '0')}`;

/** A campaign coupon's id: one per campaign and member, so a rerun or a second runner issues none twice. */
export const campaignCouponId = (campaignId: string, memberId: string) => `campaign:${campaignId}:${memberId}`;

/** Still to be worked on by the job (scheduled ones once their start has come). */
export const ACTIVE_STATUSES: CampaignStatus[] = ['scheduled', 'issuing'];
