import * as z from 'zod/mini';
import { emptyInput, inviteCodeSchema, isoInstantSchema } from './fields';

/** Where a referral stands, as stored and as the invitee list shows it. */
export const referralStatusSchema = z.enum(['joined', 'qualified', 'settled', 'void']);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

/** Why a referral did not count (shown to the inviter in plain words). */
export const referralVoidReasonSchema = z.enum([
  'unknownCode',
  'self',
  'inviterLeft',
  'rejoined',
  'samePhone',
  'belowMinimum',
  'refunded',
  'noOrder',
  'inviteeLeft',
]);
export type ReferralVoidReason = z.infer<typeof referralVoidReasonSchema>;

/** A reward as a ticket names it. */
export const referralRewardSchema = z.object({ name: z.string(), value: z.string(), rule: z.string() });

/** What both sides get, in the programme's current terms (brand-editable). */
export const referralTermsSchema = z.object({
  /** the invitee's and the inviter's pass (新品优先试穿权) */
  pass: referralRewardSchema,
  /** the inviter's reward as it steps up: from the `from`-th settled referral on */
  inviterSteps: z.array(z.object({ from: z.number(), reward: referralRewardSchema })),
  /** the friend's first paid order must be at least this (fen) */
  minOrderFen: z.number(),
  returnWindowDays: z.number(),
  /** the rules in plain words, in order */
  rules: z.array(z.string()),
});
export type ReferralTerms = z.infer<typeof referralTermsSchema>;

export const mineOutput = z.object({
  /** the member's invite code: short, stable, random (it says nothing about who they are) */
  code: z.string(),
  /** the share card's path */
  sharePath: z.string(),
  /** the mini program code's scene for a poster (≤ 32 characters) */
  scene: z.string(),
  stats: z.object({
    invited: z.number(),
    /** joined, no qualifying order yet */
    joined: z.number(),
    /** a first order made, waiting out the return window */
    inWindow: z.number(),
    settled: z.number(),
    void: z.number(),
    voidReasons: z.array(z.object({ reason: referralVoidReasonSchema, text: z.string(), count: z.number() })),
  }),
  /** towards 忠诚者 (3 settled referrals in 12 months) */
  loyalProgress: z.object({ settled: z.number(), needed: z.number(), text: z.string() }),
  terms: referralTermsSchema,
});
export type ReferralMine = z.infer<typeof mineOutput>;

export const inviteesInput = z.strictObject({
  /** the `nextBefore` of the previous page */
  before: z.optional(z.string().check(z.regex(/^\d{13}:[0-9a-f]{32}$/, 'before is the nextBefore of the previous page'))),
  limit: z.optional(z.int().check(z.minimum(1, 'limit is at least 1'), z.maximum(50, 'limit is at most 50'))),
});
export const inviteeSchema = z.object({
  /** a key for lists (not the invitee's id) */
  key: z.string(),
  nicknameMasked: z.string(),
  joinedAt: isoInstantSchema,
  status: referralStatusSchema,
  /** 已加入 / 已消费，退货期后发放奖励 / 已发放 / 未生效：原因 */
  statusText: z.string(),
  /** when the rewards are due (qualified), or were paid (settled) */
  at: z.nullable(isoInstantSchema),
});
export type Invitee = z.infer<typeof inviteeSchema>;
export const inviteesOutput = z.object({ invitees: z.array(inviteeSchema), nextBefore: z.nullable(z.string()) });

/** The join page, before anything is agreed to: who invites this shopper and what both get. */
export const inviterInput = z.strictObject({ ref: inviteCodeSchema });
export const inviterOutput = z.object({ nicknameMasked: z.string(), terms: referralTermsSchema });

/** The poster's mini program code for `r=<code>` (a PNG, base64). */
export const posterCodeOutput = z.object({ scene: z.string(), page: z.string(), pngBase64: z.string() });

export const referralContract = {
  mine: { input: emptyInput, output: mineOutput },
  invitees: { input: inviteesInput, output: inviteesOutput },
  inviter: { input: inviterInput, output: inviterOutput },
  posterCode: { input: emptyInput, output: posterCodeOutput },
} as const;
