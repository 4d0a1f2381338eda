import type { TierCode } from '../contract';
import type { SegmentPlacement } from '../domain/ops/placement';
import { DEFINITIONS_ID, defaultDefinitions, type SegmentDefinition, type SegmentDefinitions } from '../domain/ops/segments/definition';
import { BAND_BOUNDS, TOP_BAND_FEN } from '../domain/ops/segments/moneyBands';
import type { HistogramRow } from '../domain/ops/segments/quintiles';
import { daysSinceKey, type RfmWindow } from '../domain/ops/segments/window';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { documents, type Filter, findById, PAGE_MAX, updatedCount } from './read';

export type RfmMetric = 'r' | 'f' | 'm';

/**
 * One metric's histogram over the scored members (not leaving, at least one purchase day in the
 * window), counted by the database in one aggregation: R by the newest purchase day (≤ 366 rows),
 * F by purchase days (≤ 366 rows), M by two-significant-figure band ($bucket, ≤ 632 rows). The
 * members never leave the database; the function gets the rows.
 */
export async function rfmHistogram(db: Database, metric: RfmMetric, w: RfmWindow): Promise<HistogramRow[]> {
  const _ = db.command;
  const $ = _.aggregate;
  const facts = db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ leavingSince: _.eq(null) })
    .project({ days: $.filter({ input: $.objectToArray($.ifNull(['$spendDays', {}])), as: 'd', cond: $.and([$.gt(['$$d.k', w.after]), $.lte(['$$d.k', w.through])]) }) })
    .project({ last: $.max('$days.k'), n: $.size('$days'), fen: $.sum('$days.v') })
    .match({ n: _.gt(0) });
  const grouped =
    metric === 'm'
      ? facts.bucket({ groupBy: '$fen', boundaries: [...BAND_BOUNDS], default: TOP_BAND_FEN, output: { count: $.sum(1) } })
      : facts.group({ _id: metric === 'r' ? '$last' : '$n', count: $.sum(1) });
  const res = (await grouped.limit(PAGE_MAX).end()) as { list: Array<{ _id: string | number; count: number }> };
  return res.list.map((row) => ({ value: metric === 'r' ? daysSinceKey(String(row._id), w) : Number(row._id), count: row.count }));
}

/** The logs of these members' current placements (what the next placement carries on). */
export async function placementLogs(db: Database, ids: string[]): Promise<Map<string, Pick<SegmentPlacement, 'log'>>> {
  if (ids.length === 0) return new Map();
  const _ = db.command;
  const rows = await documents<Pick<SegmentPlacement, '_id' | 'log'>>(db.collection(COLLECTIONS.memberSegments).where({ _id: _.in(ids) }).limit(PAGE_MAX));
  return new Map(rows.map((p) => [p._id, { log: p.log ?? [] }]));
}

/**
 * These members' staff tags (one read for a page of members, more only past 1,000 tags). The
 * members are named one equality each (an $or the `member` index answers branch by branch), so
 * the read examines their tags, not the collection.
 */
export async function staffTagIdsOf(db: Database, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const _ = db.command;
  const members = _.or(ids.map((memberId) => ({ memberId })));
  for (let after: string | null = null; ; ) {
    const where: Filter = after === null ? members : _.and([members, { _id: _.gt(after) }]);
    const page: Array<{ _id: string; memberId: string; tagId: string }> = await documents<{ _id: string; memberId: string; tagId: string }>(
      db.collection(COLLECTIONS.memberStaffTags).where(where).orderBy('_id', 'asc').field({ _id: true, memberId: true, tagId: true }).limit(PAGE_MAX),
    );
    for (const t of page) out.set(t.memberId, [...(out.get(t.memberId) ?? []), t.tagId]);
    if (page.length < PAGE_MAX) return out;
    after = page[page.length - 1]!._id;
  }
}

/** Writes a member's placement whole (the job is its one writer: a rerun writes the same document). */
export async function writePlacement(db: Database, p: SegmentPlacement): Promise<void> {
  const { _id, ...fields } = p;
  await db.collection(COLLECTIONS.memberSegments).doc(_id).set({ data: fields });
}

/** Removes the placements of these members (they are leaving). */
export async function removePlacements(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const _ = db.command;
  await db.collection(COLLECTIONS.memberSegments).where({ _id: _.in(ids) }).remove();
}

/** After a finished pass: the placements the run did not write (members erased meanwhile) go. Returns how many. */
export async function removePlacementsBefore(db: Database, day: string): Promise<number> {
  const _ = db.command;
  const res = (await db.collection(COLLECTIONS.memberSegments).where({ scoredOn: _.lt(day) }).remove()) as { stats?: { removed?: number } };
  return res.stats?.removed ?? 0;
}

/** A member's placement (their export), or null. */
export const placementOf = (db: Database, memberId: string) => findById<SegmentPlacement>(db, COLLECTIONS.memberSegments, memberId);

/** Erases a leaving member's placement. */
export async function deletePlacementOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.memberSegments).where({ _id: memberId }).remove();
}

// — what managers read —

/** Which placements a manager's figures count: their store, optionally one tier and members holding every one of some tags. */
export interface PlacementFilter {
  storeId: string;
  tier?: TierCode;
  tags?: string[];
}

function matchOf(db: Database, f: PlacementFilter): Record<string, unknown> {
  const _ = db.command;
  const where: Record<string, unknown> = { storeId: f.storeId };
  if (f.tier) where.tier = f.tier;
  if (f.tags && f.tags.length > 0) where.tags = _.all(f.tags);
  return where;
}

/** Placements per segment (and the newest scoring day) under a filter: one aggregation. */
export async function segmentCounts(db: Database, f: PlacementFilter): Promise<Array<{ segment: string | null; count: number; scoredOn: string }>> {
  const $ = db.command.aggregate;
  const res = (await db
    .collection(COLLECTIONS.memberSegments)
    .aggregate()
    .match(matchOf(db, f))
    .group({ _id: '$segment', count: $.sum(1), scoredOn: $.max('$scoredOn') })
    .limit(PAGE_MAX)
    .end()) as { list: Array<{ _id: string | null; count: number; scoredOn: string }> };
  return res.list.map((g) => ({ segment: g._id ?? null, count: g.count, scoredOn: g.scoredOn }));
}

/** Moves since a week ago (from → to, the segment changed) under a filter, with up to `sample` memberIds each: one aggregation. */
export async function segmentMoves(db: Database, f: PlacementFilter, sample: number): Promise<Array<{ from: string | null; to: string | null; count: number; memberIds: string[] }>> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.memberSegments)
    .aggregate()
    .match({ ...matchOf(db, f), weekAgo: _.neq(null) })
    .project({ from: '$weekAgo.segment', to: '$segment', moved: $.neq(['$weekAgo.segment', '$segment']) })
    .match({ moved: true })
    .sort({ _id: 1 })
    .group({ _id: { from: '$from', to: '$to' }, count: $.sum(1), memberIds: $.push('$_id') })
    .project({ count: 1, memberIds: $.slice(['$memberIds', sample]) })
    .limit(PAGE_MAX)
    .end()) as { list: Array<{ _id: { from?: string | null; to?: string | null }; count: number; memberIds: string[] }> };
  return res.list.map((g) => ({ from: g._id.from ?? null, to: g._id.to ?? null, count: g.count, memberIds: g.memberIds }));
}

// — the definitions —

/** The brand's segment definitions, or the built-in defaults (version 0) before any save. */
export async function findDefinitions(db: Database): Promise<SegmentDefinitions> {
  return (await findById<SegmentDefinitions>(db, COLLECTIONS.segmentDefinitions, DEFINITIONS_ID)) ?? defaultDefinitions();
}

/** Saves the definitions if nobody saved since `version` was read (false: someone did). */
export async function saveDefinitions(db: Database, version: number, definitions: SegmentDefinition[], by: { staffId: string; name: string }, now: Date): Promise<boolean> {
  const next = { definitions, version: version + 1, updatedAt: now, updatedBy: by };
  if (version === 0) return (await addOnce(db, COLLECTIONS.segmentDefinitions, { _id: DEFINITIONS_ID, ...next })) === 'created';
  const _ = db.command;
  const res = await db.collection(COLLECTIONS.segmentDefinitions).where({ _id: DEFINITIONS_ID, version }).update({ data: { definitions: _.set(definitions), version: version + 1, updatedAt: now, updatedBy: _.set(by) } });
  return updatedCount(res) === 1;
}
