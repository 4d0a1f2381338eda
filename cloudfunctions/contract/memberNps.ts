import * as z from 'zod/mini';
import { emptyInput, isoInstantSchema } from './fields';
import { POS_ID, STORE_ID } from './formats';
import { plainTextProblem } from './nickname';

/**
 * The member's side of NPS (issue 19, part 5): after a paid order, one question — how likely are
 * you to recommend us, 0–10 — and an optional short reason, at most once per 30 days. The 消费成功
 * page asks it right after the till scanned the card; 我的 keeps it open for a week after the order.
 */

/** A till order's key as the receipt names it: `${storeId}:${orderId}`. */
export const orderKeySchema = z.string().check(
  z.maxLength(81),
  z.refine((k) => {
    const at = k.indexOf(':');
    return at > 0 && STORE_ID.test(k.slice(0, at)) && POS_ID.test(k.slice(at + 1));
  }, 'orderKey is <storeId>:<orderId>'),
);

export const NPS_REASON_MAX = 140;

/** The optional reason: trimmed (NFC); blank is none; otherwise visible text of at most 140 characters as a person counts them. */
export const npsReasonSchema = z
  .pipe(
    z.string().check(z.maxLength(NPS_REASON_MAX * 8, `reason is at most ${NPS_REASON_MAX} characters`)),
    z.transform((s: string) => s.normalize('NFC').trim()),
  )
  .check(
    z.check((ctx) => {
      const problem = ctx.value === '' ? null : plainTextProblem(ctx.value, NPS_REASON_MAX);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
  );

/** The question the member may answer now, about their latest paid order; null when none is open. */
export const npsQuestionSchema = z.object({
  orderKey: z.string(),
  storeName: z.string(),
  paidAt: isoInstantSchema,
  payableFen: z.int(),
  /** the last moment it may be answered */
  askUntil: isoInstantSchema,
});
export type NpsQuestion = z.infer<typeof npsQuestionSchema>;

export const npsQuestionOutput = z.object({
  question: z.nullable(npsQuestionSchema),
  /** after an answer within the last 30 days: from when the next may come (null otherwise) */
  nextFrom: z.nullable(isoInstantSchema),
});

export const answerNpsInput = z.strictObject({
  orderKey: orderKeySchema,
  score: z.int().check(z.gte(0, 'score is 0–10'), z.lte(10, 'score is 0–10')),
  /** optional; empty is none */
  reason: z.optional(npsReasonSchema),
});

export const npsBandSchema = z.enum(['promoter', 'passive', 'detractor']);
export const answerNpsOutput = z.object({
  answer: z.object({ orderKey: z.string(), score: z.int(), band: npsBandSchema, reason: z.nullable(z.string()), answeredAt: isoInstantSchema }),
  /** false when this order's answer was kept already (a retry answers it again) */
  created: z.boolean(),
  /** what the page offers next: a promoter the invite page, a detractor the store's call-back, anyone else thanks */
  next: z.enum(['invite', 'callback', 'thanks']),
  /** from when the member may answer again */
  nextFrom: isoInstantSchema,
});

export const memberNpsContract = {
  npsQuestion: { input: emptyInput, output: npsQuestionOutput },
  answerNps: { input: answerNpsInput, output: answerNpsOutput },
} as const;
