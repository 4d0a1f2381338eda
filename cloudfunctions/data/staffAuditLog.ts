import type { StaffLook } from '../domain/staff/audit';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { documents } from './read';

/**
 * A store's looks, newest first, from `before` (inclusive) skipping the first `skip` of that very
 * instant (those the previous page showed): the index storeId + at serves it.
 */
export async function looksOfStore(db: Database, storeId: string, before: Date | null, skip: number, limit: number): Promise<StaffLook[]> {
  const _ = db.command;
  const where = before ? { storeId, at: _.lte(before) } : { storeId };
  let q = db.collection(COLLECTIONS.staffAudit).where(where).orderBy('at', 'desc').orderBy('_id', 'desc');
  if (skip > 0) q = q.skip(skip);
  return documents<StaffLook>(q.limit(limit));
}

/** Whether this staff member opened this member's view for `why` (a live code) since `since`: they served them at the counter. */
export async function lookedAtSince(db: Database, staffId: string, memberId: string, why: string, since: Date): Promise<boolean> {
  const _ = db.command;
  const found = await documents<StaffLook>(db.collection(COLLECTIONS.staffAudit).where({ memberId, staffId, view: 'memberView', why, at: _.gte(since) }).limit(1));
  return found.length > 0;
}
