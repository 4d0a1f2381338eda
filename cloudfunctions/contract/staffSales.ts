import * as z from 'zod/mini';
import { couponIdSchema } from './coupon';
import { emptyInput, isoInstantSchema, memberCodeSchema, memberIdSchema, opaqueIdSchema, optionalWordsSchema, plainTextSchema, tierSchema } from './fields';
import { categorySchema } from './styleWords';

/**
 * The staff assistant's sales actions (issue 17, parts 2, 6 and 7): the clerk's own join code (who
 * signed whom up), the counter coupon check for stores without an integrated till, and outfit lists
 * (导购为你搭配). Every one is staff only; none answers an openid or a full phone.
 */

/** A memberId as the card shows it (12 digits); staff name members by it, never by openid. */
/** The store's own order number for a counter use (its till or receipt book): letters, digits, "-" and "_". */
export const counterOrderNoSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'orderNo is 1–40 letters, digits, "-" or "_"'));
/** A client-made id of one send: a retry with it sends nothing twice. */
export const requestIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId is 8–64 letters, digits, "-" or "_"'));

// — 我的拉新码 —

export const joinCodeOutput = z.object({
  /** `s=<store>&c=<clerk code>` (≤ 32 characters) */
  scene: z.string(),
  /** the page the code opens (the join page) */
  path: z.string(),
  /** the mini program code WeChat drew for the scene: a PNG in base64 */
  image: z.string(),
  storeName: z.string(),
  clerkName: z.string(),
});

// — the counter coupon check —

/** The member at the counter, as the clerk needs them for a coupon: no phone, no openid. */
export const counterMemberSchema = z.object({ memberId: z.string(), nickname: z.nullable(z.string()), tierName: z.string() });
export const counterCouponSchema = z.object({
  couponId: z.string(),
  name: z.string(),
  /** "8折", "¥50" */
  value: z.string(),
  /** "满300可用 · 仅限首单" */
  rule: z.string(),
  /** "2026-12-25 23:59 前有效" */
  validUntilText: z.string(),
  validUntil: isoInstantSchema,
});
export type CounterCoupon = z.infer<typeof counterCouponSchema>;
export const counterCouponsInput = z.strictObject({ code: memberCodeSchema });
export const counterCouponsOutput = z.object({ member: counterMemberSchema, coupons: z.array(counterCouponSchema), codeExpiresAt: isoInstantSchema });

export const useCouponAtCounterInput = z.strictObject({ code: memberCodeSchema, couponId: couponIdSchema, orderNo: counterOrderNoSchema });
export const useCouponAtCounterOutput = z.object({ couponId: z.string(), name: z.string(), orderNo: z.string(), usedAt: isoInstantSchema });

// — outfit lists (导购为你搭配) —

export const outfitProductSchema = z.object({ sku: z.string(), name: z.string(), image: z.string(), category: categorySchema, priceFen: z.int(), inStock: z.boolean() });
export type OutfitProduct = z.infer<typeof outfitProductSchema>;
export const outfitWardrobePieceSchema = z.object({ id: z.string(), name: z.string(), image: z.string(), category: categorySchema });
export type OutfitWardrobePiece = z.infer<typeof outfitWardrobePieceSchema>;
/** One of the engine's outfits for this member: its products (to send) and the member's own pieces it goes with. */
export const outfitSuggestionSchema = z.object({ reason: z.string(), skus: z.array(z.string()), wardrobeIds: z.array(z.string()) });
export type OutfitSuggestion = z.infer<typeof outfitSuggestionSchema>;

export const productsForOutfitInput = z.strictObject({ memberId: memberIdSchema, category: z.optional(categorySchema) });
export const productsForOutfitOutput = z.object({
  member: z.object({ memberId: z.string(), nickname: z.nullable(z.string()), tier: tierSchema }),
  /** the catalogue on sale (of the category asked), in stock first */
  products: z.array(outfitProductSchema),
  /** the member's wardrobe pieces (in it, not put away) */
  wardrobe: z.array(outfitWardrobePieceSchema),
  /** the engine's outfits for the member today (products they do not own yet, with their own pieces) */
  suggestions: z.array(outfitSuggestionSchema),
  /** every product a suggestion names, whatever the category asked */
  suggested: z.array(outfitProductSchema),
});

export const OUTFIT_LIST_TITLE_MAX = 20;
export const OUTFIT_LIST_NOTE_MAX = 200;
export const sendOutfitListInput = z.strictObject({
  memberId: memberIdSchema,
  title: plainTextSchema(OUTFIT_LIST_TITLE_MAX),
  note: optionalWordsSchema(OUTFIT_LIST_NOTE_MAX, `留言最多 ${OUTFIT_LIST_NOTE_MAX} 个看得见的字`),
  /** catalogue products (SKUs), 2–8 */
  items: z.array(z.string().check(z.regex(/^[A-Z0-9]{4,32}$/))).check(z.minLength(2, '至少选 2 件商品'), z.maxLength(8, '最多选 8 件商品')),
  /** pieces of the member's own wardrobe to wear with them */
  wardrobe: z.optional(z.array(opaqueIdSchema(160)).check(z.maxLength(6))),
  requestId: requestIdSchema,
});
export const sendOutfitListOutput = z.object({ listId: z.string(), sentAt: isoInstantSchema, created: z.boolean() });

export const staffSalesContract = {
  joinCode: { input: emptyInput, output: joinCodeOutput },
  counterCoupons: { input: counterCouponsInput, output: counterCouponsOutput },
  useCouponAtCounter: { input: useCouponAtCounterInput, output: useCouponAtCounterOutput },
  productsForOutfit: { input: productsForOutfitInput, output: productsForOutfitOutput },
  sendOutfitList: { input: sendOutfitListInput, output: sendOutfitListOutput },
} as const;
