import type { TierCode } from '../../contract';

/** The figures a tier is judged on, as of one moment. */
export interface TierFigures {
  /** net spend in the calendar quarter so far (fen) */
  quarterSpendFen: number;
  /** net spend in the last 12 months (fen) */
  yearSpendFen: number;
  /** referrals settled in the last 12 months */
  settledReferrals: number;
}

/** One way up: the tier it reaches, how it is reached in shop words, and how far along a member is. */
export interface TierRule {
  code: string;
  tier: TierCode;
  /** "单季度消费满 ¥1,000" */
  description: string;
  check(f: TierFigures): boolean;
  /** what is left, in shop words ("本季度再消费 ¥320 升级成长者"), and 0–1 of the way */
  progress(f: TierFigures, tierName: string): { text: string; ratio: number };
}

export const ratioOf = (have: number, need: number) => (need <= 0 ? 1 : Math.max(0, Math.min(1, have / need)));
