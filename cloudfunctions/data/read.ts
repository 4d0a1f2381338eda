import type { Database } from '../platform/cloud';

/** The SDK's typings return `void | result` (callback overloads); these narrow to what the promise gives. */
export async function documents<T>(query: { get(): unknown }): Promise<T[]> {
  const res = (await query.get()) as { data: T[] };
  return res.data;
}

export function updatedCount(result: unknown): number {
  return (result as { stats: { updated: number } }).stats.updated;
}

export function removedCount(result: unknown): number {
  return (result as { stats: { removed: number } }).stats.removed;
}

/** How many documents match a filter (one count request). */
export async function countWhere(db: Database, collection: string, filter: Record<string, unknown>): Promise<number> {
  return ((await db.collection(collection).where(filter).count()) as { total: number }).total;
}

/**
 * The filter of a job's batch: `field` (an indexed instant) in (from, until] — or up to `until` —
 * after the cursor; read it in _id order, so the work grows with what is due, not with the collection.
 */
export function dueFilter(db: Database, field: string, range: { from?: Date; until: Date }, after: string | null, also: Record<string, unknown> = {}): Record<string, unknown> {
  const _ = db.command;
  const filter: Record<string, unknown> = { ...also, [field]: range.from ? _.gt(range.from).and(_.lte(range.until)) : _.lte(range.until) };
  if (after !== null) filter._id = _.gt(after);
  return filter;
}

/** One document by id, or null. (doc(id).get() throws for a missing document; a where() answers empty.) */
export async function findById<T>(db: Database, collection: string, id: string): Promise<T | null> {
  return findOne<T>(db, collection, { _id: id });
}

/** What `where()` takes: an equality filter, or a command such as `_.or([...])`. */
export type Filter = Parameters<ReturnType<Database['collection']>['where']>[0];

/** The first document matching a filter, or null. */
export async function findOne<T>(db: Database, collection: string, filter: Filter): Promise<T | null> {
  const [first] = await documents<T>(db.collection(collection).where(filter).limit(1));
  return first ?? null;
}

/** What one get() gives at most, even with limit() (PITFALLS: 100 by default, 1,000 with limit). */
export const PAGE_MAX = 1000;

/**
 * Every document matching an equality filter, 1,000 at a time in `_id` order: the last `_id` of a
 * page is the cursor of the next (an offset would skip or repeat documents written meanwhile).
 * For one member's records (their export), not for a whole collection.
 */
export async function allByIdCursor<T extends { _id: string }>(db: Database, collection: string, filter: Record<string, unknown>): Promise<T[]> {
  const _ = db.command;
  const out: T[] = [];
  for (;;) {
    const after = out.length ? out[out.length - 1]!._id : null;
    const where = after === null ? filter : { ...filter, _id: _.gt(after) };
    const page = await documents<T>(db.collection(collection).where(where).orderBy('_id', 'asc').limit(PAGE_MAX));
    out.push(...page);
    if (page.length < PAGE_MAX) return out;
  }
}
