import * as z from 'zod/mini';
import { couponIdSchema } from './coupon';
import { memberCodeSchema, tierSchema } from './fields';
import { parseInstant, POS_ID, STORE_ID } from './formats';

/** The largest amount a till may send: ¥1,000,000 (a typo guard, far above any basket). */
export const POS_MAX_FEN = 100_000_000;

const fen = (min: number) => z.int().check(z.minimum(min, `must be at least ${min} fen`), z.maximum(POS_MAX_FEN, `must be at most ${POS_MAX_FEN} fen`));
export const posIdSchema = z.string().check(z.regex(POS_ID, 'is 1–64 letters, digits, "_" or "-"'));

const posSkuSchema = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, 'sku is 1–64 letters, digits, ".", "_" or "-"'));
const posQtySchema = z.int().check(z.minimum(1, 'qty is at least 1'), z.maximum(999, 'qty is at most 999'));

export const posItemSchema = z.strictObject({
  sku: posSkuSchema,
  qty: posQtySchema,
  priceFen: fen(0),
  /** the size sold (it goes into the member's wardrobe), when the till knows it */
  size: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]{1,8}$/, 'size is 1–8 letters or digits, e.g. M or 38'))),
});

/** A piece coming back with a refund: it leaves the member's wardrobe, marked as returned. */
export const posReturnedItemSchema = z.strictObject({ sku: posSkuSchema, qty: posQtySchema });

/** When the shopper paid, as the till's clock says: an ISO-8601 instant with its offset. */
export const paidAtSchema = z.string().check(z.refine((s) => parseInstant(s) !== null, 'paidAt is an ISO-8601 instant with its offset, e.g. 2026-11-25T10:00:00+08:00'));

export const posOrderInput = z.strictObject({
  orderId: posIdSchema,
  memberCode: memberCodeSchema,
  /**
   * the order's amount in fen after the till's own markdowns and before member coupons. Without
   * coupons it is what the shopper pays; with them, the shopper pays `payableFen` of the answer.
   * 1 point per whole yuan paid.
   */
  amountFen: fen(0),
  items: z.array(posItemSchema).check(z.minLength(1, 'an order has at least one item'), z.maxLength(200, 'an order has at most 200 lines')),
  paidAt: paidAtSchema,
  /** the member's coupons the shopper uses on this order (one, unless every one of them may be combined) */
  couponIds: z.optional(
    z.array(couponIdSchema).check(
      z.maxLength(5, 'an order takes at most 5 coupons'),
      z.refine((ids) => new Set(ids).size === ids.length, 'couponIds names a coupon twice'),
    ),
  ),
});
export type PosOrderInput = z.output<typeof posOrderInput>;

/** A coupon the order used and what it took off. */
export const appliedCouponSchema = z.object({ couponId: z.string(), name: z.string(), discountFen: z.number() });

export const posOrderOutput = z.object({
  memberId: z.string(),
  /** the coupons' discount off amountFen */
  discountFen: z.number(),
  /** what the shopper pays: amountFen − discountFen (points and qualifying spend are counted on it) */
  payableFen: z.number(),
  coupons: z.array(appliedCouponSchema),
  pointsEarned: z.number(),
  balance: z.number(),
  tier: tierSchema,
  tierChanged: z.boolean(),
});
export type PosOrderResult = z.output<typeof posOrderOutput>;

export const posRefundInput = z.strictObject({
  orderId: posIdSchema,
  /** the store the order was paid at, when the goods come back at another store of the chain (default: this store) */
  orderStoreId: z.optional(z.string().check(z.regex(STORE_ID, 'orderStoreId looks like S001'))),
  refundId: posIdSchema,
  /** the amount given back to the shopper, in fen */
  amountFen: fen(1),
  /** the pieces coming back (they leave the wardrobe); without them, a refund of all that is left brings back every piece */
  items: z.optional(z.array(posReturnedItemSchema).check(z.maxLength(200, 'a refund names at most 200 lines'))),
});
export type PosRefundInput = z.output<typeof posRefundInput>;

export const posRefundOutput = z.object({
  memberId: z.string(),
  /** coupons the order used that went back to the member's wallet (a refund of the whole order, while they are valid) */
  couponsReturned: z.array(z.string()),
  /** points the refund took back (pro rata of the order's points, rounded down) */
  pointsClawedBack: z.number(),
  balance: z.number(),
  /** points owed because they were spent before the refund (settled from later earnings) */
  debt: z.number(),
  tier: tierSchema,
  tierChanged: z.boolean(),
  /** all refunds of the order so far */
  refundedFen: z.number(),
  /** the member has left the programme: the refund is recorded, there are no points to take back (balance, debt 0) */
  memberLeft: z.boolean(),
});
export type PosRefundResult = z.output<typeof posRefundOutput>;

/** Before charging, the till asks what the member's coupons take off this basket; nothing is written. */
export const posQuoteInput = z.strictObject({
  memberCode: memberCodeSchema,
  amountFen: fen(0),
  items: posOrderInput.shape.items,
  /** the coupons the shopper picked (none: the answer lists what they hold, each with its own discount) */
  couponIds: posOrderInput.shape.couponIds,
});
export type PosQuoteInput = z.output<typeof posQuoteInput>;

export const posQuoteOutput = z.object({
  memberId: z.string(),
  /** every coupon the member holds now, with what it would take off this basket alone */
  wallet: z.array(
    z.object({
      couponId: z.string(),
      name: z.string(),
      value: z.string(),
      rule: z.string(),
      validUntil: z.string(),
      /** what it takes off on its own (0 when it cannot be used) */
      discountFen: z.number(),
      /** why it cannot be used on this basket, or null */
      problem: z.nullable(z.string()),
    }),
  ),
  /** the chosen coupons together */
  coupons: z.array(appliedCouponSchema),
  discountFen: z.number(),
  payableFen: z.number(),
});
export type PosQuoteResult = z.output<typeof posQuoteOutput>;

/** The POS routes (`POST /api/pos/<route>` locally; the HTTP-triggered `pos` function deployed). */
export const posContract = {
  orders: { input: posOrderInput, output: posOrderOutput },
  refunds: { input: posRefundInput, output: posRefundOutput },
  quotes: { input: posQuoteInput, output: posQuoteOutput },
} as const;

/** POS signing (ARCHITECTURE.md): the headers a till sends with every request. */
export const POS_HEADERS = { store: 'x-store-id', timestamp: 'x-timestamp', nonce: 'x-nonce', signature: 'x-signature' } as const;
/** A request whose timestamp is further than this from the function's clock is refused. */
export const POS_MAX_SKEW_MS = 5 * 60_000;
/** What is signed: `${timestamp}\n${nonce}\n${rawBody}`. */
export const posSigningText = (timestamp: string, nonce: string, rawBody: string) => `${timestamp}\n${nonce}\n${rawBody}`;
export const POS_NONCE = /^[A-Za-z0-9_-]{8,64}$/;
