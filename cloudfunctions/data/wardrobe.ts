import type { WardrobeItem } from '../domain/wardrobe/item';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { allByIdCursor, countWhere, findById, removedCount, updatedCount } from './read';

/** Every piece of the member's wardrobe (returned ones too: the sync reads them), in id order. */
export const wardrobeOf = (db: Database, memberId: string) => allByIdCursor<WardrobeItem>(db, COLLECTIONS.wardrobeItems, { memberId });

export const findWardrobeItem = (db: Database, id: string) => findById<WardrobeItem>(db, COLLECTIONS.wardrobeItems, id);

/** Adds pieces; one already there (a parallel sync, a retried add) is left as it is. */
export async function addWardrobeItems(db: Database, items: WardrobeItem[]): Promise<void> {
  for (const item of items) await addOnce(db, COLLECTIONS.wardrobeItems, item);
}

/** Marks pieces that came back with a refund. */
export async function markReturned(db: Database, memberId: string, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  const _ = db.command;
  await db.collection(COLLECTIONS.wardrobeItems).where({ _id: _.in(ids), memberId }).update({ data: { status: 'returned', updatedAt: now } });
}

/**
 * 今天穿了: the day added to the piece only if it is not there yet (a compare-and-set on the
 * array): ten parallel taps, or a retried one, count the day once. False when it was there already.
 */
export async function wearOnDay(db: Database, memberId: string, id: string, day: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.wardrobeItems)
    .where({ _id: id, memberId, status: _.neq('returned'), wornDays: _.neq(day) })
    .update({ data: { wornDays: _.push(day), lastWornAt: now, updatedAt: now } });
  return updatedCount(res) === 1;
}

/** Changes a piece of this member (their own fields only; the caller decides which). */
export async function updateWardrobeItem(db: Database, memberId: string, id: string, changes: Partial<WardrobeItem>): Promise<boolean> {
  const _ = db.command;
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) data[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v;
  const res = await db.collection(COLLECTIONS.wardrobeItems).where({ _id: id, memberId, status: _.neq('returned') }).update({ data });
  return updatedCount(res) === 1;
}

/** Removes a piece the member added by hand (a bought one is archived instead: the till's record stays true). */
export async function removeOwnItem(db: Database, memberId: string, id: string): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.wardrobeItems).where({ _id: id, memberId, source: 'own' }).remove();
  return removedCount(res) === 1;
}

/** How many pieces the member added by hand (the quota). */
export async function ownItemCount(db: Database, memberId: string): Promise<number> {
  return countWhere(db, COLLECTIONS.wardrobeItems, { memberId, source: 'own' });
}

/** Erases a leaving member's wardrobe. */
export async function deleteWardrobeOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.wardrobeItems).where({ memberId }).remove();
}
