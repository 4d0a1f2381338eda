import * as z from 'zod/mini';
import { memberCodeSchema, tierSchema } from './fields';
import { parseInstant, POS_ID, STORE_ID } from './rules';

/** The largest amount a till may send: ¥1,000,000 (a typo guard, far above any basket). */
export const POS_MAX_FEN = 100_000_000;

const fen = (min: number) => z.int().check(z.minimum(min, `must be at least ${min} fen`), z.maximum(POS_MAX_FEN, `must be at most ${POS_MAX_FEN} fen`));
export const posIdSchema = z.string().check(z.regex(POS_ID, 'is 1–64 letters, digits, "_" or "-"'));

export const posItemSchema = z.strictObject({
  sku: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, 'sku is 1–64 letters, digits, ".", "_" or "-"')),
  qty: z.int().check(z.minimum(1, 'qty is at least 1'), z.maximum(999, 'qty is at most 999')),
  priceFen: fen(0),
});

/** When the shopper paid, as the till's clock says: an ISO-8601 instant with its offset. */
export const paidAtSchema = z.string().check(z.refine((s) => parseInstant(s) !== null, 'paidAt is an ISO-8601 instant with its offset, e.g. 2026-11-25T10:00:00+08:00'));

export const posOrderInput = z.strictObject({
  orderId: posIdSchema,
  memberCode: memberCodeSchema,
  /** what the shopper paid, in fen (after discounts): 1 point per whole yuan */
  amountFen: fen(0),
  items: z.array(posItemSchema).check(z.minLength(1, 'an order has at least one item'), z.maxLength(200, 'an order has at most 200 lines')),
  paidAt: paidAtSchema,
});
export type PosOrderInput = z.output<typeof posOrderInput>;

export const posOrderOutput = z.object({
  memberId: z.string(),
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
});
export type PosRefundInput = z.output<typeof posRefundInput>;

export const posRefundOutput = z.object({
  memberId: z.string(),
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

/** The POS routes (`POST /api/pos/<route>` locally; the HTTP-triggered `pos` function deployed). */
export const posContract = {
  orders: { input: posOrderInput, output: posOrderOutput },
  refunds: { input: posRefundInput, output: posRefundOutput },
} as const;

/** POS signing (ARCHITECTURE.md): the headers a till sends with every request. */
export const POS_HEADERS = { store: 'x-store-id', timestamp: 'x-timestamp', nonce: 'x-nonce', signature: 'x-signature' } as const;
/** A request whose timestamp is further than this from the function's clock is refused. */
export const POS_MAX_SKEW_MS = 5 * 60_000;
/** What is signed: `${timestamp}\n${nonce}\n${rawBody}`. */
export const posSigningText = (timestamp: string, nonce: string, rawBody: string) => `${timestamp}\n${nonce}\n${rawBody}`;
export const POS_NONCE = /^[A-Za-z0-9_-]{8,64}$/;
