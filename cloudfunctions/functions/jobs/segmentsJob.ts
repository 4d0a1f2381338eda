import { membersInRange, type RangeAt } from '../../data/todoJob';
import { findDefinitions, placementLogs, removePlacements, removePlacementsBefore, rfmHistogram, type RfmMetric, staffTagIdsOf, writePlacement } from '../../data/segments';
import type { SegmentDefinition } from '../../domain/ops/segments/definition';
import { placeMember, type RfmCuts } from '../../domain/ops/segments/placement';
import { quintileCuts } from '../../domain/ops/segments/quintiles';
import { rfmWindow, type RfmWindow } from '../../domain/ops/segments/window';
import type { Database } from '../../platform/cloud';
import type { DailyJob } from './job';

/** Members placed per batch. */
export const PLACE_BATCH = 500;
/** Placements written at once: a page is written in two rounds, not ten (the night is the tick budget, see docs/capacity.md). */
export const WRITES_IN_FLIGHT = 250;

/**
 * Where the run is. The cut points and the definitions are fixed in the cursor by the run's first
 * batches, so every batch of one night scores against the same quintiles and the same
 * definitions, however many times a batch is redone or a manager saves meanwhile.
 */
type SegmentsCursor =
  | { step: 'cuts'; w: RfmWindow; cuts: Partial<RfmCuts> }
  | { step: 'place'; w: RfmWindow; cuts: RfmCuts; definitions: SegmentDefinition[]; at: RangeAt | null }
  | { step: 'prune'; w: RfmWindow };

const METRICS: readonly RfmMetric[] = ['r', 'f', 'm'];
const DIRECTION = { r: 'lower', f: 'higher', m: 'higher' } as const;

/** The cut points of the next metric still missing: one aggregation per batch (the database counts every member; each batch stays one request). */
async function cutsStep(db: Database, c: Extract<SegmentsCursor, { step: 'cuts' }>): Promise<SegmentsCursor> {
  const metric = METRICS.find((k) => !c.cuts[k])!;
  const cuts = { ...c.cuts, [metric]: quintileCuts(await rfmHistogram(db, metric, c.w), DIRECTION[metric]) };
  if (METRICS.some((k) => !cuts[k])) return { step: 'cuts', w: c.w, cuts };
  return { step: 'place', w: c.w, cuts: cuts as RfmCuts, definitions: (await findDefinitions(db)).definitions, at: null };
}

/** Every member, whenever they joined: the pass pages through the (joinedAt, _id) index, as the to-do job's reads do. */
const EVER = { from: new Date(0), until: new Date('2100-01-01T00:00:00.000Z') };

/** One page of members placed: facts, previous logs and staff tags read (three requests), one write per member. */
async function placeStep(db: Database, c: Extract<SegmentsCursor, { step: 'place' }>): Promise<{ next: SegmentsCursor; processed: number; changed: number }> {
  const { members, next: at } = await membersInRange(db, 'joinedAt', EVER, c.at, PLACE_BATCH);
  const staying = members.filter((m) => !m.leavingSince);
  const ids = staying.map((m) => m._id);
  const [logs, tags] = await Promise.all([placementLogs(db, ids), staffTagIdsOf(db, ids)]);
  const placements = staying.map((m) => placeMember(m, tags.get(m._id) ?? [], logs.get(m._id) ?? null, c.cuts, c.definitions, c.w));
  for (let i = 0; i < placements.length; i += WRITES_IN_FLIGHT) await Promise.all(placements.slice(i, i + WRITES_IN_FLIGHT).map((p) => writePlacement(db, p)));
  await removePlacements(db, members.filter((m) => m.leavingSince).map((m) => m._id));
  const next: SegmentsCursor = at === null ? { step: 'prune', w: c.w } : { ...c, at };
  return { next, processed: members.length, changed: placements.length };
}

/**
 * 会员分群 (issue 19): every night each member is scored on recency, frequency and monetary value
 * over the last 12 months (quintiles 1–5 across the brand's buying members) and placed in the
 * first segment definition that matches — one `memberSegments` document per member with the
 * scores, the facts, the staff tags, the tier, the opt-in and the segment held a week ago.
 *
 * The quintile cut points come first, one aggregation per metric: the database groups every
 * member by the metric (≤ 632 rows each) and only the histogram travels, instead of a first pass
 * that would read every member into the function twice. Then members are placed in pages of
 * PLACE_BATCH in (joinedAt, _id) order: each placement is computed from the member, its previous placement
 * and the run's fixed cuts, so a redone or parallel batch writes the same documents. Last, the
 * placements the pass did not touch (members erased during the run) are removed.
 */
export const segmentsJob: DailyJob = {
  name: 'segments',
  async batch(db, cursor, now) {
    const c: SegmentsCursor = cursor ? (JSON.parse(cursor) as SegmentsCursor) : { step: 'cuts', w: rfmWindow(now), cuts: {} };
    if (c.step === 'cuts') return { cursor: JSON.stringify(await cutsStep(db, c)), processed: 0, changed: 0 };
    if (c.step === 'place') {
      const { next, processed, changed } = await placeStep(db, c);
      return { cursor: JSON.stringify(next), processed, changed };
    }
    await removePlacementsBefore(db, c.w.day);
    return { cursor: null, processed: 0, changed: 0 };
  },
};
