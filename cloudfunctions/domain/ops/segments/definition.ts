import seed from '../../../database/seed/segmentDefinitions.json';

/**
 * A named segment as data (issue 19): thresholds on the RFM quintile scores (1–5, inclusive
 * ranges; null = any) and, for 新客, on the days since joining. The list's order is the order of
 * precedence: a member falls in the first definition whose every condition holds, or in none.
 * Managers edit names, thresholds and order (segmentDefinitions); the job reads them each night.
 */
export interface ScoreRange {
  min: number;
  max: number;
}

export interface SegmentDefinition {
  /** stable code campaigns and placements name (`loyal`, `dormant`); a renamed segment keeps it */
  code: string;
  /** what managers call it (忠实型) */
  name: string;
  r: ScoreRange | null;
  f: ScoreRange | null;
  m: ScoreRange | null;
  /** only members who joined at most this many days ago (新客); null: any */
  joinedWithinDays: number | null;
}

/** The brand's definitions: one document, saved whole by compare-and-set on `version`. */
export interface SegmentDefinitions {
  _id: string;
  /** 0: the built-in defaults, never saved */
  version: number;
  definitions: SegmentDefinition[];
  updatedAt: Date | null;
  updatedBy: { staffId: string; name: string } | null;
}

export const DEFINITIONS_ID = 'rfm';

/** What a definition is judged on, for one member. */
export interface SegmentFacts {
  r: number;
  f: number;
  m: number;
  daysSinceJoin: number;
}

/**
 * The seeded defaults (database/seed/segmentDefinitions.json), in force until a manager saves:
 * new members first, then the dormant (the valuable ones apart), then the loyal and the
 * promising; everyone else is 一般.
 */
export const DEFAULT_DEFINITIONS: readonly SegmentDefinition[] = (seed as { definitions: SegmentDefinition[] }).definitions;

export function defaultDefinitions(): SegmentDefinitions {
  return { _id: DEFINITIONS_ID, version: 0, definitions: DEFAULT_DEFINITIONS.map((d) => ({ ...d })), updatedAt: null, updatedBy: null };
}
