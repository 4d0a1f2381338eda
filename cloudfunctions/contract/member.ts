import * as z from 'zod/mini';
import { exportStyleSchema } from './style';
import {
  avatarSchema,
  birthdaySchema,
  emptyInput,
  isoInstantSchema,
  memberCodeSchema,
  nicknameSchema,
  opaqueIdSchema,
  remindersSchema,
  storeIdSchema,
  tierSchema,
} from './fields';
import { couponViewSchema } from './coupon';
import { ledgerLineSchema } from './points';
import { appliedCouponSchema } from './pos';
import { memberNpsContract } from './memberNps';
import { DEVICE_HANDLE, DEVICE_SECRET_HEX, SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from './formats';


export const homeStoreSchema = z.object({ storeId: z.string(), name: z.string() });

export const memberCardSchema = z.object({
  memberId: z.string(),
  tier: tierSchema,
  tierName: z.string(),
  points: z.number(),
  nickname: z.nullable(z.string()),
  avatar: z.nullable(z.string()),
  homeStore: homeStoreSchema,
  memberSince: isoInstantSchema,
  /** the next tier by the closest route, in one line ("再消费 ¥601 升级成长者"); null at the top */
  next: z.nullable(z.object({ code: tierSchema, name: z.string(), text: z.string(), ratio: z.number() })),
  /** the wallet in brief, for the card's 我的券 row and the till */
  wallet: z.object({
    /** coupons the member can use now (till or store), counted */
    usable: z.number(),
    /** the usable coupon that ends soonest, when it ends within 7 days */
    endingSoon: z.nullable(z.object({ name: z.string(), endsAt: isoInstantSchema })),
    /** coupons the till takes on the next order ("本单可用"), best first, at most 3 */
    atTill: z.array(z.object({ couponId: z.string(), name: z.string() })),
  }),
});
export type MemberCard = z.infer<typeof memberCardSchema>;
export type TillReceipt = z.infer<typeof tillReceiptSchema>;
export type JoinGift = z.infer<typeof joinGiftSchema>;

export const enrollInput = z.strictObject({
  storeId: storeIdSchema,
  privacyAccepted: z.literal(true),
  marketingOptIn: z.optional(z.boolean()),
  nickname: z.optional(nicknameSchema),
  avatar: z.optional(avatarSchema),
  birthday: z.optional(birthdaySchema),
  /** the invite code of the join link or poster; one that is not a code is recorded as unknown, never in the way of joining */
  ref: z.optional(z.string().check(z.maxLength(512, 'ref is at most 512 characters'))),
  /** the clerk's join code of the scene (`c=`, issue 17): one that names no active clerk of this store signs the shopper up to the store only, never in the way of joining */
  clerk: z.optional(z.string().check(z.maxLength(64, 'clerk is at most 64 characters'))),
});
export const enrollOutput = z.object({ member: memberCardSchema, created: z.boolean() });

export const profileInput = z.strictObject({
  /** null clears it; the birthday cannot be cleared (it decides the birthday gift) */
  nickname: z.optional(z.nullable(nicknameSchema)),
  avatar: z.optional(z.nullable(avatarSchema)),
  birthday: z.optional(birthdaySchema),
});
export const profileOutput = z.object({
  nickname: z.nullable(z.string()),
  avatar: z.nullable(z.string()),
  birthday: z.nullable(z.string()),
  /** null when the birthday may be set or changed now */
  birthdayEditableFrom: z.nullable(isoInstantSchema),
  phoneMasked: z.nullable(z.string()),
});

export const consentEntrySchema = z.object({
  kind: z.enum(['privacy', 'marketing']),
  granted: z.boolean(),
  at: isoInstantSchema,
  version: z.optional(z.string()),
});
export const consentInput = z.strictObject({ marketingOptIn: z.optional(z.boolean()) });
export const consentOutput = z.object({
  privacy: z.object({ accepted: z.boolean(), version: z.string(), acceptedAt: isoInstantSchema }),
  marketing: z.object({ optIn: z.boolean(), changedAt: isoInstantSchema }),
  history: z.array(consentEntrySchema),
});

export const codeOutput = z.object({ code: memberCodeSchema, expiresAt: isoInstantSchema, ttlSeconds: z.number() });

/**
 * A device secret for the offline till code (contract/tillCode.ts): asked for on every online
 * open; issuing one revokes the member's previous device. The phone keeps it with `serverTime`
 * (to correct its own clock) and stops showing codes after `rotateBy`.
 */
export const deviceOutput = z.object({
  handle: z.string().check(z.regex(DEVICE_HANDLE)),
  /** 32 bytes, lower-case hex */
  secret: z.string().check(z.regex(DEVICE_SECRET_HEX)),
  issuedAt: isoInstantSchema,
  /** the secret makes no valid code after this (7 days) */
  rotateBy: isoInstantSchema,
  /** our clock when the answer was made: the phone computes steps on it */
  serverTime: isoInstantSchema,
  stepSeconds: z.number(),
});

/** What the last till order that used one of the member's codes did, for the phone showing the card. */
export const tillReceiptSchema = z.object({
  /** the order (a stable id the phone uses to show each receipt once) */
  receiptId: z.string(),
  usedAt: isoInstantSchema,
  storeName: z.string(),
  /** what the shopper paid, fen */
  payableFen: z.number(),
  discountFen: z.number(),
  /** the coupons the order used, by name */
  coupons: z.array(z.string()),
  pointsEarned: z.number(),
  balance: z.number(),
  tierBefore: tierSchema,
  tier: tierSchema,
});
export const receiptOutput = z.object({ receipt: z.nullable(tillReceiptSchema) });

export const bindPhoneInput = z.strictObject({
  /** the one-time code from the getPhoneNumber button, valid 5 minutes */
  code: opaqueIdSchema(128),
});
export const bindPhoneOutput = z.object({ phoneMasked: z.string() });

/** A till order in the export: its basket, what coupons took off, and what it earned. */
export const exportOrderSchema = z.object({
  orderId: z.string(),
  storeId: z.string(),
  /** null: a store no longer on record */
  storeName: z.nullable(z.string()),
  paidAt: isoInstantSchema,
  /** each line as the till sent it, with the catalogue's name where the SKU is known */
  items: z.array(z.object({ sku: z.string(), name: z.nullable(z.string()), qty: z.number(), priceFen: z.number() })),
  /** the till's amount before member coupons, what they took off, and what was paid */
  listedFen: z.number(),
  discountFen: z.number(),
  paidFen: z.number(),
  coupons: z.array(appliedCouponSchema),
  pointsEarned: z.number(),
  /** refunded so far, and the points those refunds took back */
  refundedFen: z.number(),
  pointsClawedBack: z.number(),
});

export const exportRefundSchema = z.object({
  refundId: z.string(),
  /** the refund's own store (goods may come back at another store than the order's) */
  storeId: z.string(),
  storeName: z.nullable(z.string()),
  orderId: z.string(),
  orderStoreId: z.string(),
  amountFen: z.number(),
  at: isoInstantSchema,
  pointsClawedBack: z.number(),
  couponsReturned: z.array(z.string()),
});

export const exportMessageSchema = z.object({
  template: z.enum(SUBSCRIBE_TEMPLATE_KEYS as [SubscribeTemplateKey, ...SubscribeTemplateKey[]]),
  /** the template's title: "积分到期提醒" */
  title: z.string(),
  status: z.enum(['sending', 'sent', 'failed']),
  at: isoInstantSchema,
  /** what the message said, field by field: { label: "积分数量", value: "120" } */
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
});

export const exportSpendSchema = z.object({
  /** net spend per shop day (Asia/Shanghai, "2026-11-25"), oldest first: the days kept for the tier rules */
  days: z.array(z.object({ day: z.string(), fen: z.number() })),
  /** net spend this calendar quarter and in the last 12 months, as of the export */
  quarterFen: z.number(),
  yearFen: z.number(),
  /** when each settled referral settled (who was invited is the invitee's data, not this member's) */
  settledReferrals: z.array(isoInstantSchema),
});

export const exportTierSchema = z.object({
  tier: tierSchema,
  name: z.string(),
  since: isoInstantSchema,
  /** when the member last qualified for each earned tier */
  qualifiedAt: z.object({ grower: z.nullable(isoInstantSchema), loyal: z.nullable(isoInstantSchema) }),
  /** the tier is reviewed once this passes (null for 探索者) */
  keptUntil: z.nullable(isoInstantSchema),
  history: z.array(
    z.object({ from: tierSchema, fromName: z.string(), to: tierSchema, toName: z.string(), at: isoInstantSchema, reason: z.enum(['order', 'refund', 'review', 'referral']) }),
  ),
});

/** Everything the programme holds about the member, in the clear (it is theirs): PIPL access right. */
export const exportBookingSchema = z.object({
  bookingId: z.string(),
  storeName: z.string(),
  stylistName: z.string(),
  startAt: isoInstantSchema,
  scene: z.string(),
  budgetFen: z.nullable(z.int()),
  note: z.nullable(z.string()),
  state: z.enum(['booked', 'cancelled', 'done', 'noShow']),
  cancelReason: z.nullable(z.string()),
  bookedAt: isoInstantSchema,
});
export const exportSignUpSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  storeName: z.string(),
  startsAt: z.nullable(isoInstantSchema),
  state: z.enum(['seat', 'waiting', 'cancelled']),
  signedUpAt: isoInstantSchema,
  checkedInAt: z.nullable(isoInstantSchema),
});
export const exportStaffNoteSchema = z.object({ storeName: z.string(), kind: z.enum(['note', 'complaint']), text: z.string(), at: isoInstantSchema });
export const exportStaffTagSchema = z.object({ tag: z.string(), storeName: z.string(), at: isoInstantSchema });

export const exportOutput = z.object({
  exportedAt: isoInstantSchema,
  member: z.object({
    memberId: z.string(),
    /** the member's id with this mini program, as WeChat gave it */
    wechatOpenid: z.string(),
    nickname: z.nullable(z.string()),
    avatar: z.nullable(z.string()),
    birthday: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    tier: tierSchema,
    tierName: z.string(),
    points: z.number(),
    homeStore: homeStoreSchema,
    memberSince: isoInstantSchema,
    tierSince: isoInstantSchema,
    birthdayChangedAt: z.nullable(isoInstantSchema),
    lastUpdatedAt: isoInstantSchema,
    joinRef: z.nullable(z.string()),
  }),
  /** the till code currently on record, if any */
  tillCode: z.nullable(z.object({ code: z.string(), issuedAt: isoInstantSchema, expiresAt: isoInstantSchema, usedAt: z.nullable(isoInstantSchema) })),
  /**
   * the offline till code's devices held (the current one, and any replaced in the last day until
   * the sweep): handle and dates, never the secret (it is not stored: it is derived when issued).
   * Optional in the schema only so exports made before it existed still read.
   */
  tillDevices: z.optional(z.array(z.object({ handle: z.string(), issuedAt: isoInstantSchema, rotateBy: isoInstantSchema, replacedAt: z.nullable(isoInstantSchema) }))),
  /** what the card shows of the last till order that used one of the member's codes (member.receipt) */
  lastReceipt: z.optional(z.nullable(tillReceiptSchema)),
  consent: consentOutput,
  /** the points account and its whole history */
  points: z.object({
    balance: z.number(),
    debt: z.number(),
    lots: z.array(z.object({ earned: z.number(), remaining: z.number(), earnedAt: isoInstantSchema, expiresAt: isoInstantSchema })),
    history: z.array(ledgerLineSchema),
  }),
  /** subscribe-message credits held */
  reminders: remindersSchema,
  /** every coupon the member holds or held */
  coupons: z.array(couponViewSchema),
  /** every till order, newest first, with its basket */
  orders: z.array(exportOrderSchema),
  /** every refund of those orders, newest first */
  refunds: z.array(exportRefundSchema),
  /** the reminders sent (or being sent) to the member, newest first */
  messages: z.array(exportMessageSchema),
  /** qualifying spend (for tiers), kept apart from points */
  spend: exportSpendSchema,
  /** the tier standing and how it came about */
  tier: exportTierSchema,
  /** the style quiz, its reports, the member's style preferences and what they opened */
  style: exportStyleSchema,
  /** the purchase dates the coupon rules read (first order, win-back) */
  purchases: z.object({
    firstOrderAt: z.nullable(isoInstantSchema),
    lastOrderAt: z.nullable(isoInstantSchema),
    lastWinBackAt: z.nullable(isoInstantSchema),
    /** when a 好久不见券 would next be due */
    winBackDueAt: z.nullable(isoInstantSchema),
  }),
  /** 新品共创 votes (issue 18): each piece voted on, the vote and its comment */
  cocreationVotes: z.optional(z.array(z.object({ pieceId: z.string(), pieceName: z.optional(z.string()), like: z.boolean(), fit: z.int(), price: z.int(), comment: z.nullable(z.string()), votedAt: isoInstantSchema }))),
  /** stylist 1v1 bookings (issue 18), newest first, with what the member asked for and how each ended */
  bookings: z.optional(z.array(exportBookingSchema)),
  /** private-event sign-ups (issue 18), newest first: seat, waiting or cancelled, and the check-in */
  eventSignUps: z.optional(z.array(exportSignUpSchema)),
  /** what store staff noted about the member (issue 17), newest first: the store and the words, never the clerk's id */
  staffNotes: z.optional(z.array(exportStaffNoteSchema)),
  /** staff tags on the member (issue 17): the tag and the store that added it */
  staffTags: z.optional(z.array(exportStaffTagSchema)),
  /** NPS answers (issue 19): the order asked about, its store, the score and reason, when */
  npsAnswers: z.optional(z.array(z.object({ orderKey: z.string(), storeId: z.string(), score: z.int(), reason: z.nullable(z.string()), answeredAt: isoInstantSchema }))),
  /** targeted campaigns (issue 19) that took the member in: given the coupon (treated) or held out as the control group */
  campaigns: z.optional(z.array(z.object({ campaignId: z.string(), name: z.string(), group: z.enum(['treated', 'control']), plannedAt: isoInstantSchema }))),
  /** the member's segment (issue 19): where the nightly job placed them, the RFM scores (1–5) and the facts behind them */
  segment: z.optional(
    z.nullable(
      z.object({
        segment: z.nullable(z.string()),
        segmentName: z.string(),
        r: z.int(),
        f: z.int(),
        m: z.int(),
        daysSinceLastOrder: z.nullable(z.int()),
        purchaseDays12m: z.int(),
        spend12mFen: z.int(),
        scoredOn: z.string(),
        weekAgoSegment: z.nullable(z.string()),
      }),
    ),
  ),
});

/** Leaving the programme erases the member's personal data; `confirm: true` guards against a stray call. */
export const deleteInput = z.strictObject({ confirm: z.literal(true) });
export const deleteOutput = z.object({ deleted: z.literal(true) });

/** The store a join link names, for the join page: anyone may ask, before joining. */
export const storeInput = z.strictObject({ storeId: storeIdSchema });
/** A gift joining brings, shown before the shopper agrees: `on: 'join'` for everyone, `'marketingOptIn'` for opting in to news. */
export const joinGiftSchema = z.object({ on: z.enum(['join', 'marketingOptIn']), name: z.string(), text: z.string() });
export const storeOutput = z.object({ storeId: z.string(), name: z.string(), city: z.string(), gifts: z.array(joinGiftSchema) });

/** Templates the shopper accepted in requestSubscribeMessage: one send credit each. */
export const subscribeInput = z.strictObject({
  accepted: z.array(z.enum(SUBSCRIBE_TEMPLATE_KEYS as [SubscribeTemplateKey, ...SubscribeTemplateKey[]])).check(z.minLength(1), z.maxLength(10)),
});
/** Credits held per template after recording these. */
export const subscribeOutput = z.object({ reminders: remindersSchema });

export const memberContract = {
  store: { input: storeInput, output: storeOutput },
  enroll: { input: enrollInput, output: enrollOutput },
  card: { input: emptyInput, output: memberCardSchema },
  profile: { input: profileInput, output: profileOutput },
  consent: { input: consentInput, output: consentOutput },
  code: { input: emptyInput, output: codeOutput },
  device: { input: emptyInput, output: deviceOutput },
  receipt: { input: emptyInput, output: receiptOutput },
  bindPhone: { input: bindPhoneInput, output: bindPhoneOutput },
  export: { input: emptyInput, output: exportOutput },
  delete: { input: deleteInput, output: deleteOutput },
  subscribe: { input: subscribeInput, output: subscribeOutput },
  ...memberNpsContract,
} as const;
