import type { StaffNote } from '../domain/staff/notes';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { allByIdCursor, documents, findById } from './read';

/** Adds a note once (its id names the store and the request). */
export async function insertNote(db: Database, note: StaffNote): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.staffNotes, note);
}

export const findNote = (db: Database, id: string) => findById<StaffNote>(db, COLLECTIONS.staffNotes, id);

/** One store's notes about a member, newest first: another store's are never read. */
export async function notesOfMember(db: Database, storeId: string, memberId: string, limit: number): Promise<StaffNote[]> {
  return documents<StaffNote>(db.collection(COLLECTIONS.staffNotes).where({ storeId, memberId }).orderBy('at', 'desc').limit(limit));
}

/** Erases every store's notes about a leaving member. */
/** Every note about the member, of every store, in `_id` order, paged (their export: theirs to see, not another store's clerks'). */
export const allNotesAbout = (db: Database, memberId: string) => allByIdCursor<StaffNote>(db, COLLECTIONS.staffNotes, { memberId });

export async function deleteStaffNotesOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.staffNotes).where({ memberId }).remove();
}
