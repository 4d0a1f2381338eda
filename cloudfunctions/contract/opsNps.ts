import * as z from 'zod/mini';
import { isoInstantSchema } from './fields';
import { npsBandSchema } from './memberNps';

/**
 * The brand operations' NPS results (issue 19, part 5), managers only, their own store: NPS
 * (promoters % − detractors %) of the store and of each clerk (who served the order, else who signed
 * the member up) over a period, the counts behind it, and the latest reasons with masked names.
 */
export const NPS_PERIODS = ['week', 'month', 'quarter'] as const;
export const npsPeriodSchema = z.enum(NPS_PERIODS);

export const npsFigureSchema = z.object({
  /** −100 … 100, null with no answers */
  nps: z.nullable(z.int()),
  total: z.int(),
  promoters: z.int(),
  passives: z.int(),
  detractors: z.int(),
  /** whole per cent of the answers, null with none */
  promoterShare: z.nullable(z.int()),
  detractorShare: z.nullable(z.int()),
});

export const npsReportInput = z.strictObject({ period: z.optional(npsPeriodSchema) });
export const npsReportOutput = z.object({
  period: npsPeriodSchema,
  /** 近30天（11月6日–12月5日） */
  label: z.string(),
  from: isoInstantSchema,
  until: isoInstantSchema,
  storeName: z.string(),
  store: npsFigureSchema,
  /** each of the store's staff (never an openid), most answers first; then answers no clerk can be credited with */
  clerks: z.array(z.extend(npsFigureSchema, { name: z.string(), role: z.enum(['clerk', 'stylist', 'manager']), active: z.boolean() })),
  unattributed: npsFigureSchema,
  /** the latest answers with a reason, newest first: the member masked (小*), never an id */
  reasons: z.array(z.object({ nickname: z.string(), score: z.int(), band: npsBandSchema, reason: z.string(), at: isoInstantSchema, clerkName: z.nullable(z.string()) })),
});

export const opsNpsContract = {
  npsReport: { input: npsReportInput, output: npsReportOutput },
} as const;
