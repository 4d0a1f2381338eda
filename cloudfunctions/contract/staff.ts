import * as z from 'zod/mini';
import { isoInstantSchema, memberCodeSchema, tierSchema } from './fields';
import { couponIdSchema } from './coupon';
import { homeStoreSchema } from './member';
import { staffMemberContract } from './staffMember';
import { staffSalesContract } from './staffSales';
import { staffTodosContract } from './staffTodos';

/** What a clerk sees of a member: masked, never the openid. */
export const memberSummarySchema = z.object({
  memberId: z.string(),
  nickname: z.nullable(z.string()),
  avatar: z.nullable(z.string()),
  tier: tierSchema,
  tierName: z.string(),
  points: z.number(),
  phoneMasked: z.nullable(z.string()),
  homeStore: homeStoreSchema,
  memberSince: isoInstantSchema,
});
export type MemberSummary = z.infer<typeof memberSummarySchema>;

/** A pass the clerk can check off at the counter (新品优先试穿权): what it grants and until when. */
export const passToCheckSchema = z.object({ couponId: z.string(), name: z.string(), grants: z.string(), validUntil: isoInstantSchema });
export type PassToCheck = z.infer<typeof passToCheckSchema>;

export const lookupInput = z.strictObject({ code: memberCodeSchema });
export const lookupOutput = z.object({ member: memberSummarySchema, codeExpiresAt: isoInstantSchema, passes: z.array(passToCheckSchema) });

/** 核销: the member's live code (they are at the counter) and the pass to check off. */
export const checkPassInput = z.strictObject({ code: memberCodeSchema, couponId: couponIdSchema });
export const checkPassOutput = z.object({ couponId: z.string(), name: z.string(), checkedAt: isoInstantSchema });

/** The counter: a member's live code looked up, a pass checked off. */
export const staffCounterContract = {
  lookup: { input: lookupInput, output: lookupOutput },
  checkPass: { input: checkPassInput, output: checkPassOutput },
} as const;

export const staffContract = {
  ...staffCounterContract,
  ...staffMemberContract,
  ...staffTodosContract,
  ...staffSalesContract,
} as const;
