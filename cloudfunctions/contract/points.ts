import * as z from 'zod/mini';
import { redeemInput, redeemOutput, rewardsOutput } from './coupon';
import { emptyInput, isoInstantSchema, remindersSchema, tierSchema } from './fields';

export const LEDGER_KINDS = ['earn', 'bonus', 'redeem', 'expire', 'refund', 'adjust'] as const;
export const ledgerKindSchema = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof ledgerKindSchema>;

/** One line of the member's points history, in shop words. */
export const ledgerLineSchema = z.object({
  id: z.string(),
  kind: ledgerKindSchema,
  /** the change of the spendable balance (negative when points left it) */
  points: z.number(),
  /** points that went to settle an earlier shortfall (refund after spending), not to the balance */
  debtSettled: z.number(),
  /** points a refund could not take back (already spent): owed and settled from later earnings */
  debtAdded: z.number(),
  at: isoInstantSchema,
  /** "门店消费" / "生日月双倍积分" / "退货扣回" / "积分过期" … */
  title: z.string(),
  /** "悦衣库 上海静安店 · 实付 ¥399" */
  detail: z.nullable(z.string()),
  /** when the points this line earned expire (earn and bonus lines) */
  expiresAt: z.nullable(isoInstantSchema),
  balanceAfter: z.number(),
  /** the line's place in the member's history: pass it as `before` for the next page */
  seq: z.number(),
});
export type LedgerLine = z.infer<typeof ledgerLineSchema>;

export const tierInfoSchema = z.object({
  code: tierSchema,
  name: z.string(),
  benefits: z.array(z.string()),
  /** how the tier is reached, in shop words */
  rule: z.string(),
});

export const summaryOutput = z.object({
  balance: z.number(),
  /** points owed after a refund of spent points; later earnings settle it first */
  debt: z.number(),
  /** the points that expire next, and when (null: no points) */
  nextExpiry: z.nullable(z.object({ points: z.number(), expiresAt: isoInstantSchema })),
  /** points expiring within the next 30 days (0: none) */
  expiringSoonPoints: z.number(),
  tier: z.object({
    code: tierSchema,
    name: z.string(),
    since: isoInstantSchema,
    /** until when the tier is kept without qualifying again (null for the joining tier) */
    keptUntil: z.nullable(isoInstantSchema),
  }),
  progress: z.object({
    /** net qualifying spend in this calendar quarter (Asia/Shanghai) */
    quarterSpendFen: z.number(),
    /** net qualifying spend in the last 12 months */
    yearSpendFen: z.number(),
    settledReferrals: z.number(),
    /** the next tier and what is left to reach it; null at the top */
    next: z.nullable(
      z.object({
        code: tierSchema,
        name: z.string(),
        /** "本季度再消费 ¥320 升级成长者" */
        text: z.string(),
        /** 0–1: how far along the closest route to the next tier is */
        ratio: z.number(),
      }),
    ),
    /** "保级至 2027-11-25：近12个月消费满 ¥3,000 可续期" (null for Explorer) */
    keepText: z.nullable(z.string()),
  }),
  tiers: z.array(tierInfoSchema),
  /** subscribe-message credits held (one message each) */
  reminders: remindersSchema,
});
export type PointsSummary = z.infer<typeof summaryOutput>;

export const HISTORY_PAGE_MAX = 50;
export const historyInput = z.strictObject({
  /** the `seq` of the last line already shown: the page holds older lines */
  before: z.optional(z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(HISTORY_PAGE_MAX))),
});
export const historyOutput = z.object({
  lines: z.array(ledgerLineSchema),
  /** pass as `before` for the next page; null when this was the oldest */
  nextBefore: z.nullable(z.number()),
});

export const pointsContract = {
  summary: { input: emptyInput, output: summaryOutput },
  history: { input: historyInput, output: historyOutput },
  /** 积分兑换: the rewards points buy */
  rewards: { input: emptyInput, output: rewardsOutput },
  redeem: { input: redeemInput, output: redeemOutput },
} as const;
