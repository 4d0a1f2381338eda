import * as z from 'zod/mini';
import { emptyInput, isoInstantSchema, tierSchema, visibleText } from './fields';
import { tagIdSchema } from './staffMember';

/**
 * The brand operations' segments actions (issue 19, part 1), for store managers: how many of the
 * store's members the nightly job placed in each segment (filtered by tier and staff tags), who
 * moved between segments since a week ago (a masked sample), and the segment definitions —
 * names, RFM score thresholds (1–5) and order of precedence — which managers edit as data.
 */

/** The filters every figure combines with the manager's own store. */
export const segmentFilterInput = z.strictObject({
  tier: z.optional(tierSchema),
  /** members holding every one of these staff tags */
  tags: z.optional(z.array(tagIdSchema).check(z.maxLength(5, '最多选 5 个标签'))),
});

const filterEcho = z.object({ tier: z.nullable(tierSchema), tags: z.array(z.string()) });

export const segmentCountSchema = z.object({
  /** the definition's code; null: members no definition matched (未分组) */
  code: z.nullable(z.string()),
  name: z.string(),
  count: z.int(),
  /** of the filtered total, in whole percent */
  percent: z.int(),
});
export type SegmentCount = z.infer<typeof segmentCountSchema>;

export const segmentCountsOutput = z.object({
  storeId: z.string(),
  storeName: z.string(),
  filter: filterEcho,
  /** the day (YYYY-MM-DD, shop time) of the newest scoring among these members; null: never scored */
  scoredOn: z.nullable(z.string()),
  total: z.int(),
  /** every definition in its order (zero counts too), then any code no longer defined, then 未分组 */
  segments: z.array(segmentCountSchema),
  /** the staff tags a manager may filter by */
  tagChoices: z.array(z.object({ tagId: z.string(), name: z.string(), groupName: z.string() })),
});

const segmentRefSchema = z.object({ code: z.nullable(z.string()), name: z.string() });
export const segmentMoveSchema = z.object({
  from: segmentRefSchema,
  to: segmentRefSchema,
  count: z.int(),
  /** a few of the members who moved: the member number and a masked nickname (小*), never an openid or a phone */
  sample: z.array(z.object({ memberId: z.string(), nickname: z.string() })),
});
export type SegmentMove = z.infer<typeof segmentMoveSchema>;

export const segmentMovementOutput = z.object({
  storeId: z.string(),
  filter: filterEcho,
  scoredOn: z.nullable(z.string()),
  /** members whose segment a week before the scoring differs from today's, per (from → to), the most first */
  moves: z.array(segmentMoveSchema),
  /** of the filtered members with a segment a week ago, how many moved */
  moved: z.int(),
});

const scoreSchema = z.int().check(z.minimum(1, '评分为 1–5'), z.maximum(5, '评分为 1–5'));
export const scoreRangeSchema = z.object({ min: scoreSchema, max: scoreSchema });
/** A range a manager saves: its two ends and nothing else. */
const scoreRangeInput = z.strictObject({ min: scoreSchema, max: scoreSchema });
export const segmentDefinitionSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z][A-Za-z0-9]{1,23}$/, '分群代码为字母开头的 2–24 位字母或数字')),
  name: z.string().check(z.minLength(1, '请填写分群名称'), z.maxLength(32, '分群名称最多 8 个字'), visibleText(32, '分群名称只能用看得见的字')),
  r: z.nullable(scoreRangeInput),
  f: z.nullable(scoreRangeInput),
  m: z.nullable(scoreRangeInput),
  joinedWithinDays: z.nullable(z.int().check(z.minimum(1, '入会天数为 1–365'), z.maximum(365, '入会天数为 1–365'))),
});
export type SegmentDefinitionInput = z.infer<typeof segmentDefinitionSchema>;

export const segmentDefinitionsOutput = z.object({
  /** 0: the brand's defaults, never saved; a save names the version it edited */
  version: z.int(),
  /** in order of precedence: a member falls in the first that matches */
  definitions: z.array(
    z.object({ code: z.string(), name: z.string(), r: z.nullable(scoreRangeSchema), f: z.nullable(scoreRangeSchema), m: z.nullable(scoreRangeSchema), joinedWithinDays: z.nullable(z.int()) }),
  ),
  updatedAt: z.nullable(isoInstantSchema),
  updatedBy: z.nullable(z.string()),
});

export const saveSegmentDefinitionsInput = z.strictObject({
  version: z.int().check(z.minimum(0)),
  definitions: z.array(segmentDefinitionSchema).check(z.minLength(1, '至少保留一个分群'), z.maxLength(12, '最多 12 个分群')),
});

export const opsSegmentsContract = {
  segmentCounts: { input: segmentFilterInput, output: segmentCountsOutput },
  segmentMovement: { input: segmentFilterInput, output: segmentMovementOutput },
  segmentDefinitions: { input: emptyInput, output: segmentDefinitionsOutput },
  saveSegmentDefinitions: { input: saveSegmentDefinitionsInput, output: segmentDefinitionsOutput },
} as const;
