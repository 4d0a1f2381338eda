import type { ScoreRange, SegmentDefinition, SegmentFacts } from './definition';

/** One condition of a segment definition: a small rule with a code and one check (an absent threshold holds). */
export interface SegmentCondition {
  code: 'recency' | 'frequency' | 'monetary' | 'joinedWithin';
  check(def: SegmentDefinition, facts: SegmentFacts): boolean;
}

const within = (range: ScoreRange | null, score: number) => range === null || (score >= range.min && score <= range.max);

export const recency: SegmentCondition = { code: 'recency', check: (d, f) => within(d.r, f.r) };
export const frequency: SegmentCondition = { code: 'frequency', check: (d, f) => within(d.f, f.f) };
export const monetary: SegmentCondition = { code: 'monetary', check: (d, f) => within(d.m, f.m) };
export const joinedWithin: SegmentCondition = { code: 'joinedWithin', check: (d, f) => d.joinedWithinDays === null || f.daysSinceJoin <= d.joinedWithinDays };

export const SEGMENT_CONDITIONS: readonly SegmentCondition[] = [recency, frequency, monetary, joinedWithin];

/** The first definition (in order of precedence) whose every condition holds, or null. */
export function segmentOf(definitions: readonly SegmentDefinition[], facts: SegmentFacts): SegmentDefinition | null {
  return definitions.find((d) => SEGMENT_CONDITIONS.every((c) => c.check(d, facts))) ?? null;
}
