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

const range = (min: number, max: number): ScoreRange => ({ min, max });

/** The seeded defaults, first match wins: new members first, then the dormant (the valuable ones apart), then the loyal and the promising; everyone else is 一般. */
export const DEFAULT_DEFINITIONS: readonly SegmentDefinition[] = [
  { code: 'new', name: '新客', r: null, f: null, m: null, joinedWithinDays: 30 },
  { code: 'highValueDormant', name: '高价值沉睡', r: range(1, 2), f: null, m: range(4, 5), joinedWithinDays: null },
  { code: 'dormant', name: '沉睡型', r: range(1, 2), f: null, m: null, joinedWithinDays: null },
  { code: 'loyal', name: '忠实型', r: range(4, 5), f: range(4, 5), m: null, joinedWithinDays: null },
  { code: 'potential', name: '潜力型', r: range(3, 5), f: range(1, 3), m: null, joinedWithinDays: null },
  { code: 'regular', name: '一般', r: null, f: null, m: null, joinedWithinDays: null },
];

export function defaultDefinitions(): SegmentDefinitions {
  return { _id: DEFINITIONS_ID, version: 0, definitions: DEFAULT_DEFINITIONS.map((d) => ({ ...d })), updatedAt: null, updatedBy: null };
}
