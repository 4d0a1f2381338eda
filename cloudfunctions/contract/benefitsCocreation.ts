import * as z from 'zod/mini';
import { emptyInput, isoInstantSchema, plainTextSchema, tierSchema } from './fields';
import { CLOUD_FILE_ID } from './formats';
import { staffRequestIdSchema } from './staffMember';
import { categorySchema } from './styleWords';

/**
 * 品牌体验官 · 新品共创 (issue 18, 忠诚者): the brand publishes upcoming pieces, members vote once per
 * piece (like, fit, price, a short comment), voters are first in line for the piece's 新品优先试穿;
 * managers publish, close and launch pieces and read the results by tier.
 */

export const COMMENT_MAX_CHARS = 140;
/** a piece's id: `cc-<the publishing request>` for pieces a manager published, a slug for seeded ones */
export const pieceIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{2,48}$/, 'not a piece id'));
/** 1–5: fit 不合身…很合身; price 太贵…很值 */
export const ratingSchema = z.int().check(z.minimum(1, '请选 1–5'), z.maximum(5, '请选 1–5'));
/** a piece's picture: the dev server's product picture or a file in cloud storage */
export const pieceImageSchema = z.string().check(z.maxLength(512), z.refine((s) => /^\/static\/products\/[A-Za-z0-9_-]{1,40}\.svg$/.test(s) || CLOUD_FILE_ID.test(s), 'an image is /static/products/<sku>.svg or a cloud:// file id'));
export const PIECE_STATUSES = ['open', 'closed', 'launched'] as const;
export const pieceStatusSchema = z.enum(PIECE_STATUSES);

export const myVoteSchema = z.object({
  like: z.boolean(),
  fit: z.int(),
  price: z.int(),
  comment: z.nullable(z.string()),
  votedAt: isoInstantSchema,
});
export type MyVote = z.infer<typeof myVoteSchema>;

export const pieceViewSchema = z.object({
  pieceId: z.string(),
  name: z.string(),
  story: z.string(),
  images: z.array(z.string()),
  category: categorySchema,
  categoryName: z.string(),
  targetPriceFen: z.int(),
  openUntil: isoInstantSchema,
  /** this member may vote on it now (their tier is invited, it is open, they have not voted) */
  mayVote: z.boolean(),
  /** why not, in shop words, when they have not voted and may not ("忠诚者专享 · 近12个月再消费 ¥1,201 …") */
  locked: z.nullable(z.string()),
  myVote: z.nullable(myVoteSchema),
  /** said once the member voted: 「新品上市时你将优先试穿」 */
  priority: z.nullable(z.string()),
});
export type PieceView = z.infer<typeof pieceViewSchema>;

export const piecesOutput = z.object({
  tier: tierSchema,
  tierName: z.string(),
  /** how to become 忠诚者, for a member who is not (null for 忠诚者) */
  unlock: z.nullable(z.string()),
  pieces: z.array(pieceViewSchema),
});

export const voteInput = z.strictObject({
  pieceId: pieceIdSchema,
  like: z.boolean(),
  fit: ratingSchema,
  price: ratingSchema,
  /** visible characters only, at most COMMENT_MAX_CHARS; empty is no comment */
  comment: z.optional(plainTextSchema(COMMENT_MAX_CHARS, true)),
  requestId: staffRequestIdSchema,
});
export const voteOutput = z.object({ piece: pieceViewSchema });

export const publishPieceInput = z.strictObject({
  /** free text: visible characters only (no controls or bidi overrides) */
  name: plainTextSchema(24),
  story: plainTextSchema(300),
  images: z.array(pieceImageSchema).check(z.minLength(1, '至少一张图片'), z.maxLength(6)),
  category: categorySchema,
  targetPriceFen: z.int().check(z.minimum(100), z.maximum(10_000_000)),
  /** who may vote besides 忠诚者 (a manager may open a piece to 成长者 too) */
  alsoGrowers: z.optional(z.boolean()),
  openDays: z.int().check(z.minimum(1), z.maximum(90)),
  requestId: staffRequestIdSchema,
});
export const pieceIdInput = z.strictObject({ pieceId: pieceIdSchema });

export const tierFiguresSchema = z.object({
  votes: z.int(),
  /** 0–1 */
  likeShare: z.number(),
  /** 1–5, null without votes */
  avgFit: z.nullable(z.number()),
  avgPrice: z.nullable(z.number()),
});
export const pieceResultSchema = z.object({
  pieceId: z.string(),
  name: z.string(),
  image: z.string(),
  status: pieceStatusSchema,
  openUntil: isoInstantSchema,
  tiers: z.array(tierSchema),
  total: tierFiguresSchema,
  byTier: z.array(z.extend(tierFiguresSchema, { tier: tierSchema, tierName: z.string() })),
  comments: z.array(z.object({ nickname: z.string(), tierName: z.string(), like: z.boolean(), text: z.string(), at: isoInstantSchema })),
  /** try-on passes issued to voters once launched */
  passesIssued: z.int(),
});
export type PieceResult = z.infer<typeof pieceResultSchema>;
export const pieceResultsInput = z.strictObject({ pieceId: z.optional(pieceIdSchema) });
export const pieceResultsOutput = z.object({ pieces: z.array(pieceResultSchema) });
export const pieceChangeOutput = z.object({ piece: pieceResultSchema });
export const launchOutput = z.object({
  piece: pieceResultSchema,
  /** passes issued by this call */
  issued: z.int(),
  /** voters still without a pass (a big piece is worked in batches: launch again to go on) */
  remaining: z.boolean(),
});

export const benefitsCocreationContract = {
  pieces: { input: emptyInput, output: piecesOutput },
  vote: { input: voteInput, output: voteOutput },
  publishPiece: { input: publishPieceInput, output: pieceChangeOutput },
  closePiece: { input: pieceIdInput, output: pieceChangeOutput },
  launchPiece: { input: pieceIdInput, output: launchOutput },
  pieceResults: { input: pieceResultsInput, output: pieceResultsOutput },
} as const;
