import type { TierCode } from '../../contract';

/**
 * Where the nightly segments job placed one member (issue 19), one document per member in
 * `memberSegments` keyed by the memberId. The segments job is its only writer; campaigns read
 * their audiences from it (by segment, store, tier and opt-in), the dashboard counts it.
 */
export interface SegmentPlacement {
  /** the memberId */
  _id: string;
  /** the member's home store */
  storeId: string;
  tier: TierCode;
  /** marketing opt-in as of the scoring (a campaign re-reads the member before it messages) */
  optIn: boolean;
  /** the code of the segment definition the member fell in (e.g. `loyal`, `dormant`); null: none matched */
  segment: string | null;
  /** quintile scores 1–5 over the last 12 months: recency, frequency, monetary */
  r: number;
  f: number;
  m: number;
  /** the facts behind the scores */
  daysSinceLastOrder: number | null;
  /** purchase days in the 12 months (days with net spend: two orders on one day are one visit; a day refunded whole drops out) */
  orders12m: number;
  /** net spend over 12 months, fen */
  spend12m: number;
  /** the shop day (YYYY-MM-DD) of the run that placed the member */
  scoredOn: string;
  /** the segment a week before (for "who moved from 忠实 to 沉睡"), and the day it was scored */
  weekAgo: { segment: string | null; scoredOn: string } | null;
  /** the member's staff tags (tag ids, sorted) as of the scoring: counts and audiences combine segments with them */
  tags: string[];
  /** the segment changes (the day each took effect), back to the one in force a week ago: weekAgo is read from it */
  log: SegmentLogEntry[];
}

/** A member's segment from a day on (`on`: "YYYY-MM-DD"). */
export interface SegmentLogEntry {
  segment: string | null;
  on: string;
}
