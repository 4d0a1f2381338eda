import * as z from 'zod/mini';
import { isoInstantSchema, memberCodeSchema, tierSchema } from './fields';
import { homeStoreSchema } from './member';

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

export const lookupInput = z.strictObject({ code: memberCodeSchema });
export const lookupOutput = z.object({ member: memberSummarySchema, codeExpiresAt: isoInstantSchema });

export const staffContract = {
  lookup: { input: lookupInput, output: lookupOutput },
} as const;
