import * as z from 'zod/mini';
import {
  avatarSchema,
  birthdaySchema,
  emptyInput,
  inviteCodeSchema,
  isoInstantSchema,
  memberCodeSchema,
  nicknameSchema,
  remindersSchema,
  storeIdSchema,
  tierSchema,
} from './fields';
import { couponViewSchema } from './coupon';
import { ledgerLineSchema } from './points';
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from './rules';

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
});
export type MemberCard = z.infer<typeof memberCardSchema>;

export const enrollInput = z.strictObject({
  storeId: storeIdSchema,
  privacyAccepted: z.literal(true),
  marketingOptIn: z.optional(z.boolean()),
  nickname: z.optional(nicknameSchema),
  avatar: z.optional(avatarSchema),
  birthday: z.optional(birthdaySchema),
  ref: z.optional(inviteCodeSchema),
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

export const bindPhoneInput = z.strictObject({
  /** the one-time code from the getPhoneNumber button, valid 5 minutes */
  code: z.string().check(z.minLength(1), z.maxLength(128)),
});
export const bindPhoneOutput = z.object({ phoneMasked: z.string() });

/** Everything the programme holds about the member, in the clear (it is theirs): PIPL access right. */
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
});

/** Leaving the programme erases the member's personal data; `confirm: true` guards against a stray call. */
export const deleteInput = z.strictObject({ confirm: z.literal(true) });
export const deleteOutput = z.object({ deleted: z.literal(true) });

/** The store a join link names, for the join page: anyone may ask, before joining. */
export const storeInput = z.strictObject({ storeId: storeIdSchema });
export const storeOutput = z.object({ storeId: z.string(), name: z.string(), city: z.string() });

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
  bindPhone: { input: bindPhoneInput, output: bindPhoneOutput },
  export: { input: emptyInput, output: exportOutput },
  delete: { input: deleteInput, output: deleteOutput },
  subscribe: { input: subscribeInput, output: subscribeOutput },
} as const;
