import * as z from 'zod/mini';
import { emptyInput, isoInstantSchema, plainTextSchema, tierSchema } from './fields';
import { tagIdSchema } from './staffMember';
import { templateIdSchema } from './coupon';

/**
 * The brand operations' campaigns actions (issue 19 part 2), for a store's manager: pick an audience
 * from the nightly segments (segment, tier, staff tags, opted-in only; always the manager's own
 * store), a coupon template and an optional subscribe message, preview the audience (size and a
 * masked sample), launch now or schedule; the campaigns job issues each coupon once, holds a
 * control group out and stops at the budget cap; results give use, attributed sales, ROI and uplift.
 */

const segmentCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'a segment code is 1–40 letters, digits, "_" or "-"'));
/** a client-made id of one launch (8–40 characters: the campaign's coupons carry it in their ids) */
const requestIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,40}$/, 'requestId is 8–40 letters, digits, "-" or "_"'));
const campaignIdSchema = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}-[A-Za-z0-9_-]{8,40}$/, 'not a campaign id'));

export const campaignAudienceSchema = z.strictObject({
  /** segment codes (any of them); empty: all */
  segments: z.array(segmentCodeSchema).check(z.maxLength(12)),
  tiers: z.array(tierSchema).check(z.maxLength(3)),
  /** staff tag ids: members holding any of them; empty: no tag filter */
  tags: z.array(tagIdSchema).check(z.maxLength(10)),
  optedInOnly: z.boolean(),
});
export type CampaignAudienceInput = z.infer<typeof campaignAudienceSchema>;

export const campaignBudgetSchema = z.strictObject({
  maxCoupons: z.nullable(z.int().check(z.minimum(1), z.maximum(10_000_000))),
  /** fen */
  maxDiscountFen: z.nullable(z.int().check(z.minimum(100), z.maximum(10_000_000_000))),
});

const optionSchema = z.object({ code: z.string(), name: z.string() });

export const campaignOptionsOutput = z.object({
  storeName: z.string(),
  /** the offers a campaign may issue, with their faces */
  templates: z.array(z.object({ templateId: z.string(), name: z.string(), value: z.string(), rule: z.string(), validity: z.string(), costFen: z.nullable(z.number()), forTiers: z.nullable(z.string()) })),
  /** the segments of the store's members as last placed, with how many are in each */
  segments: z.array(z.object({ code: z.string(), name: z.string(), members: z.number() })),
  tiers: z.array(optionSchema),
  tags: z.array(z.object({ tagId: z.string(), name: z.string() })),
  /** when the segments were last scored (null: never: nobody can be targeted yet) */
  scoredOn: z.nullable(z.string()),
});

export const campaignPreviewInput = z.strictObject({ audience: campaignAudienceSchema, controlPercent: z.optional(z.int().check(z.minimum(0), z.maximum(50))) });
export const sampleMemberSchema = z.object({
  /** the card number with its middle hidden */
  memberNo: z.string(),
  nickname: z.string(),
  phoneMasked: z.nullable(z.string()),
  tierName: z.string(),
  segmentName: z.string(),
});
export const campaignPreviewOutput = z.object({
  /** members of the store placed in the audience (by segment, tier, opt-in and tags) */
  members: z.number(),
  /** of them, about how many the control group holds out */
  expectedControl: z.number(),
  sample: z.array(sampleMemberSchema),
});

export const CAMPAIGN_STATUSES = ['scheduled', 'issuing', 'done', 'stopped'] as const;
export const campaignSummarySchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  /** 待开始 · 发券中 · 已完成 · 已停止 (and why: 预算用完 …) */
  statusText: z.string(),
  templateName: z.string(),
  /** 沉睡型 · 成长者 · 已订阅 */
  audienceText: z.string(),
  /** 最多 1,000 张 · 优惠上限 ¥5,000 / 不限 */
  budgetText: z.string(),
  message: z.boolean(),
  controlPercent: z.number(),
  startAt: isoInstantSchema,
  createdAt: isoInstantSchema,
  createdBy: z.string(),
  treated: z.number(),
  control: z.number(),
  skipped: z.number(),
  issued: z.number(),
  messaged: z.number(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const launchCampaignInput = z.strictObject({
  /** a client-made id of this launch: a retry launches one campaign */
  requestId: requestIdSchema,
  name: plainTextSchema(30).check(z.minLength(1, 'name is required')),
  audience: campaignAudienceSchema,
  templateId: templateIdSchema,
  /** also send 专属优惠到账通知 to opted-in members holding a credit for it */
  message: z.boolean(),
  /** held out of the audience, percent (default 10) */
  controlPercent: z.optional(z.int().check(z.minimum(0), z.maximum(50))),
  budget: campaignBudgetSchema,
  /** absent: now */
  startAt: z.optional(isoInstantSchema),
});
export const launchCampaignOutput = z.object({ campaign: campaignSummarySchema, created: z.boolean() });

export const campaignsOutput = z.object({ campaigns: z.array(campaignSummarySchema) });

export const campaignIdInput = z.strictObject({ campaignId: campaignIdSchema });

const groupSchema = z.object({ members: z.number(), purchasers: z.number(), rate: z.number() });
export const campaignResultsOutput = z.object({
  campaign: campaignSummarySchema,
  results: z.object({
    issued: z.number(),
    used: z.number(),
    usedWithin7Days: z.number(),
    usedWithin30Days: z.number(),
    attributedSalesFen: z.number(),
    discountFen: z.number(),
    /** (attributed sales − discount) / discount; null before any coupon was used */
    roi: z.nullable(z.number()),
    treated: groupSchema,
    control: groupSchema,
    /** purchase rate of the treated minus the held out, in percentage points (null: no control group) */
    upliftPoints: z.nullable(z.number()),
    incrementalPurchasers: z.nullable(z.number()),
    windowDays: z.number(),
    windowEndsAt: isoInstantSchema,
    windowClosed: z.boolean(),
  }),
});

export const opsCampaignsContract = {
  /** what a campaign can be made of: the offers, the store's segments with counts, tiers, staff tags */
  campaignOptions: { input: emptyInput, output: campaignOptionsOutput },
  /** how many members an audience holds and a masked sample (each shown member is an audited look) */
  campaignPreview: { input: campaignPreviewInput, output: campaignPreviewOutput },
  /** launches now (the first batch is issued at once, the jobs timer goes on) or at `startAt` */
  launchCampaign: { input: launchCampaignInput, output: launchCampaignOutput },
  /** the store's campaigns, newest first */
  campaigns: { input: emptyInput, output: campaignsOutput },
  campaignResults: { input: campaignIdInput, output: campaignResultsOutput },
  /** stops a scheduled or issuing campaign (coupons already issued stay with their members) */
  stopCampaign: { input: campaignIdInput, output: z.object({ campaign: campaignSummarySchema }) },
} as const;
