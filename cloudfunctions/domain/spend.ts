import { addMonths, quarterStart, shopDayKey } from './time';

/**
 * Qualifying spend (for tiers), kept apart from spendable points: net fen per shop-calendar day
 * ("YYYYMMDD" → fen). A refund lowers the day its order was paid on. Days older than the
 * longest look-back the tier rules need are dropped, so the record stays small.
 */
export type SpendDays = Record<string, number>;

/** A tier is judged on up to 12 months before a qualification that is itself up to 12 months old. */
export const SPEND_KEPT_MONTHS = 25;

export function addSpend(days: SpendDays, paidAt: Date, fen: number, now: Date): SpendDays {
  const key = shopDayKey(paidAt);
  const next: SpendDays = { ...days, [key]: Math.max(0, (days[key] ?? 0) + fen) };
  if (next[key] === 0) delete next[key];
  const oldest = shopDayKey(addMonths(now, -SPEND_KEPT_MONTHS));
  for (const k of Object.keys(next)) if (k < oldest) delete next[k];
  return next;
}

/** Net fen of the days whose keys pass the test. */
function sumDays(days: SpendDays, within: (key: string) => boolean): number {
  let sum = 0;
  for (const [k, fen] of Object.entries(days)) if (within(k)) sum += fen;
  return sum;
}

/** Net spend in the calendar quarter of `asOf`, up to and including its day. */
export function quarterSpend(days: SpendDays, asOf: Date): number {
  const from = shopDayKey(quarterStart(asOf));
  const through = shopDayKey(asOf);
  return sumDays(days, (k) => k >= from && k <= through);
}

/** Net spend in the 12 months up to `asOf`: the days after the same date a year earlier, through today. */
export function yearSpend(days: SpendDays, asOf: Date): number {
  const after = shopDayKey(addMonths(asOf, -12));
  const through = shopDayKey(asOf);
  return sumDays(days, (k) => k > after && k <= through);
}
