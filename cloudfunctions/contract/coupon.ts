import * as z from 'zod/mini';
import { emptyInput, isoInstantSchema, remindersSchema } from './fields';

/** Coupon and template ids: letters, digits and ":" "_" "-" (a coupon id names its template, member and occasion). */
export const COUPON_ID = /^[A-Za-z0-9:_-]{1,96}$/;
export const TEMPLATE_ID = /^[a-z0-9-]{1,48}$/;

export const couponIdSchema = z.string().check(z.regex(COUPON_ID, 'couponId is 1–96 letters, digits, ":", "_" or "-"'));
export const templateIdSchema = z.string().check(z.regex(TEMPLATE_ID, 'templateId is 1–48 lowercase letters, digits or "-"'));
export const rewardIdSchema = z.string().check(z.regex(TEMPLATE_ID, 'rewardId is 1–48 lowercase letters, digits or "-"'));

export const DISCOUNT_KINDS = ['percent', 'amountOff', 'categoryAmountOff', 'secondItemHalf', 'pass'] as const;
export const discountKindSchema = z.enum(DISCOUNT_KINDS);

/** Wallet tabs: 可使用 / 已使用 / 已过期. */
export const WALLET_STATUSES = ['available', 'used', 'expired'] as const;
export const walletStatusSchema = z.enum(WALLET_STATUSES);
export type WalletStatus = z.infer<typeof walletStatusSchema>;

/** How a coupon came to the member (care: a 补偿券 store staff gave after a complaint, issue 17; cocreation: the 新品优先试穿权 of a piece the member voted on, issue 18). */
export const COUPON_CHANNELS = ['claim', 'join', 'optIn', 'firstOrder', 'birthday', 'winBack', 'reward', 'referral', 'style', 'care', 'cocreation'] as const;
export const couponChannelSchema = z.enum(COUPON_CHANNELS);
export type CouponChannel = z.infer<typeof couponChannelSchema>;

/** What a coupon gives, in shop words: enough for a ticket without knowing the rules. */
export const couponFaceSchema = z.object({
  templateId: z.string(),
  /** "首单8折券" */
  name: z.string(),
  kind: discountKindSchema,
  /** the ticket's headline: "8折" / "¥50" / "半价" */
  value: z.string(),
  /** the condition in plain words: "满¥300可用" / "无门槛" / "同单2件及以上，第二件半价" */
  rule: z.string(),
  /** further notes: "仅限首单使用", "可与其他可叠加的券同用", "最多优惠¥200" */
  notes: z.array(z.string()),
});
export type CouponFace = z.infer<typeof couponFaceSchema>;

/** A coupon in the member's wallet. */
export const couponViewSchema = z.extend(couponFaceSchema, {
  couponId: z.string(),
  status: walletStatusSchema,
  channel: couponChannelSchema,
  issuedAt: isoInstantSchema,
  validFrom: isoInstantSchema,
  /** the first instant it is no longer valid */
  validUntil: isoInstantSchema,
  /** "2026-12-25 23:59 前有效" / "2026-12-01 起可用" */
  validityText: z.string(),
  /** valid now and expiring within 3 days */
  expiringSoon: z.boolean(),
  usedAt: z.nullable(isoInstantSchema),
  /** why a coupon in the 已过期 tab cannot be used (expired, or a first-order coupon after the first order) */
  endedReason: z.nullable(z.string()),
});
export type CouponView = z.infer<typeof couponViewSchema>;

export const WALLET_PAGE_MAX = 100;
export const listInput = z.strictObject({ status: walletStatusSchema });
export const listOutput = z.object({
  coupons: z.array(couponViewSchema),
  /** coupons per tab, for the tab labels */
  counts: z.object({ available: z.number(), used: z.number(), expired: z.number() }),
  /** subscribe-message credits held (the wallet's 到期提醒 row says how many are left) */
  reminders: remindersSchema,
});

export const CENTER_STATES = ['claimable', 'claimed', 'outOfStock'] as const;
export const centerEntrySchema = z.extend(couponFaceSchema, {
  /** claimable: the member may claim one now; claimed: their limit is used; outOfStock: none left */
  state: z.enum(CENTER_STATES),
  /** total stock and what is left (null: unlimited) */
  stock: z.object({ total: z.nullable(z.number()), remaining: z.nullable(z.number()) }),
  /** the member's own limit and how many they hold of it (null: no limit) */
  limit: z.object({ perMember: z.nullable(z.number()), claimed: z.number() }),
  /** "领取后30天内有效" / "2026-12-31 前有效" */
  validityText: z.string(),
  /** when claiming ends (null: while stock lasts) */
  claimUntil: z.nullable(isoInstantSchema),
});
export type CenterEntry = z.infer<typeof centerEntrySchema>;
export const centerOutput = z.object({ templates: z.array(centerEntrySchema) });

export const claimInput = z.strictObject({ templateId: templateIdSchema });
export const claimOutput = z.object({ coupon: couponViewSchema });

export const BIRTHDAY_STATES = ['noBirthday', 'outside', 'claimable', 'claimed'] as const;
export const birthdayOutput = z.object({
  /** noBirthday: none on record; outside: not in the claim window; claimable / claimed: in the window */
  state: z.enum(BIRTHDAY_STATES),
  /** the member's birthday ("MM-DD") */
  birthday: z.nullable(z.string()),
  /** the claim window of the nearest birthday (3 days before until 7 days after) */
  window: z.nullable(z.object({ birthdayOn: z.string(), opensAt: isoInstantSchema, closesAt: isoInstantSchema })),
  /** what the member's tier gets */
  gift: z.nullable(couponFaceSchema),
  /** the coupon claimed in this window */
  coupon: z.nullable(couponViewSchema),
});
export type BirthdayGift = z.infer<typeof birthdayOutput>;

export const couponContract = {
  list: { input: listInput, output: listOutput },
  center: { input: emptyInput, output: centerOutput },
  claim: { input: claimInput, output: claimOutput },
  birthday: { input: emptyInput, output: birthdayOutput },
  claimBirthday: { input: emptyInput, output: claimOutput },
} as const;

// — points rewards (积分兑换): served by the points function —

export const rewardSchema = z.extend(couponFaceSchema, {
  rewardId: z.string(),
  pointsCost: z.number(),
  validityText: z.string(),
});
export type Reward = z.infer<typeof rewardSchema>;
export const rewardsOutput = z.object({ rewards: z.array(rewardSchema), balance: z.number() });

/** A request id from the app makes a retried redeem spend once (a fresh id is a new redeem). */
export const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const redeemInput = z.strictObject({
  rewardId: rewardIdSchema,
  requestId: z.optional(z.string().check(z.regex(REQUEST_ID, 'requestId is 8–64 letters, digits, "_" or "-"'))),
});
export const redeemOutput = z.object({ coupon: couponViewSchema, balance: z.number(), spent: z.number() });
