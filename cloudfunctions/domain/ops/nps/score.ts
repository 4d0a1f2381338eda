/**
 * Net Promoter Score: one question, 0–10. 9–10 are promoters, 7–8 passives, 0–6 detractors; the
 * score is promoters % − detractors % (−100 … 100), rounded to a whole number for people.
 */
export type NpsBand = 'promoter' | 'passive' | 'detractor';

export const NPS_MIN = 0;
export const NPS_MAX = 10;

/** The lowest score of a promoter, and of a passive (below it: a detractor). */
export const PROMOTER_FROM = 9;
export const PASSIVE_FROM = 7;

export function npsBand(score: number): NpsBand {
  if (score >= PROMOTER_FROM) return 'promoter';
  if (score >= PASSIVE_FROM) return 'passive';
  return 'detractor';
}

/** The counts of one group of answers (a store, a clerk, a period). */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsFigure extends NpsCounts {
  total: number;
  /** promoters % − detractors %, whole points; null with no answers (no score is not 0) */
  nps: number | null;
  promoterShare: number | null;
  detractorShare: number | null;
}

/** Rounds half away from zero: −12.5 → −13, 12.5 → 13 (Math.round would give −12). */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

export function npsOf(c: NpsCounts): NpsFigure {
  const total = c.promoters + c.passives + c.detractors;
  if (total === 0) return { ...c, total, nps: null, promoterShare: null, detractorShare: null };
  const p = (100 * c.promoters) / total;
  const d = (100 * c.detractors) / total;
  return { ...c, total, nps: roundHalfAway(p - d), promoterShare: roundHalfAway(p), detractorShare: roundHalfAway(d) };
}

/** Counts of a list of scores (tests and small groups; the store's figures come from one aggregation). */
export function countsOf(scores: readonly number[]): NpsCounts {
  const c: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) c[`${npsBand(s)}s` as keyof NpsCounts] += 1;
  return c;
}
