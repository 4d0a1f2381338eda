import type { OutfitListRecord, SavedOutfitRecord } from '../domain/outfits/records';
import type { Database } from '../platform/cloud';
import { holderOf } from '../platform/holder';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { documents, findById, removedCount, updatedCount } from './read';

/** A saved outfit's id: the member and a keyed digest of its pieces (short, and the same pieces give the same id). */
export const savedOutfitId = (memberId: string, key: string) => `${memberId}:${holderOf(`outfit:${key}`).slice(0, 24)}`;

export async function saveOutfit(db: Database, record: SavedOutfitRecord): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.savedOutfits, record);
}

export async function savedOutfitsOf(db: Database, memberId: string, limit = 100): Promise<SavedOutfitRecord[]> {
  return documents<SavedOutfitRecord>(db.collection(COLLECTIONS.savedOutfits).where({ memberId }).orderBy('savedAt', 'desc').limit(limit));
}

export const findSavedOutfit = (db: Database, id: string) => findById<SavedOutfitRecord>(db, COLLECTIONS.savedOutfits, id);

export async function removeSavedOutfit(db: Database, memberId: string, id: string): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.savedOutfits).where({ _id: id, memberId }).remove();
  return removedCount(res) === 1;
}

/** A stylist's list for a member (the staff pages write it; the member opens it). */
export async function addOutfitList(db: Database, list: OutfitListRecord): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.outfitLists, list);
}

export async function outfitListsOf(db: Database, memberId: string, limit = 20): Promise<OutfitListRecord[]> {
  return documents<OutfitListRecord>(db.collection(COLLECTIONS.outfitLists).where({ memberId }).orderBy('createdAt', 'desc').limit(limit));
}

export const findOutfitList = (db: Database, id: string) => findById<OutfitListRecord>(db, COLLECTIONS.outfitLists, id);

/** Marks a list opened, the first time only (the stylist's figures count a list opened once). */
export async function markOutfitListOpened(db: Database, memberId: string, id: string, now: Date): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.outfitLists).where({ _id: id, memberId, openedAt: null }).update({ data: { openedAt: now } });
  return updatedCount(res) === 1;
}

/** Erases a leaving member's saved outfits and the lists made for them. */
export async function deleteOutfitsOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.savedOutfits).where({ memberId }).remove();
  await db.collection(COLLECTIONS.outfitLists).where({ memberId }).remove();
}
