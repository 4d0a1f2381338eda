import type { StyleWeights } from '../contract/styleQuiz';
import type { Scene, Style } from '../contract/styleWords';
import { newStyleProfile, type StylePreferences, type StyleProfile, type StyleReportRecord } from '../domain/style/records';
import type { Database } from '../platform/cloud';
import type { OutfitListRecord, SavedOutfitRecord } from '../domain/outfits/records';
import type { WardrobeItem } from '../domain/wardrobe/item';
import { COLLECTIONS } from './collections';
import { wardrobeOf } from './wardrobe';
import { addOnce } from './errors';
import { keptForMember } from './members';
import { allByIdCursor, documents, findById, updatedCount } from './read';

/** The weights document the brand's stylists edit (seeded from database/seed/styleWeights.json). */
export const CURRENT_WEIGHTS_ID = 'current';

export async function findStyleWeights(db: Database): Promise<StyleWeights | null> {
  const doc = await findById<StyleWeights & { _id: string }>(db, COLLECTIONS.styleWeights, CURRENT_WEIGHTS_ID);
  if (!doc) return null;
  const { _id, ...weights } = doc;
  return weights;
}

export const findStyleProfile = (db: Database, memberId: string) => findById<StyleProfile>(db, COLLECTIONS.styleProfiles, memberId);

/**
 * The member's style profile, made on first use (two first saves at once make it once). Null when
 * the member began leaving meanwhile: a profile made then is taken back (their erase may have run).
 */
export async function styleProfileOf(db: Database, memberId: string, now: Date): Promise<StyleProfile | null> {
  const found = await findStyleProfile(db, memberId);
  if (found) return found;
  const made = await addOnce(db, COLLECTIONS.styleProfiles, newStyleProfile(memberId, now));
  if (made === 'created' && !(await keptForMember(db, memberId, () => deleteStyleOf(db, memberId)))) return null;
  return findStyleProfile(db, memberId);
}

/**
 * Saves answers of the attempt under way as dotted fields (`answers.boards.b1`), so two steps
 * saved from two taps never overwrite each other; only while that attempt is open (a stale page
 * of an earlier attempt, or one already scored, changes nothing).
 */
export async function saveQuizAnswers(db: Database, memberId: string, attempt: number, fields: Record<string, unknown>, now: Date): Promise<boolean> {
  const _ = db.command;
  const data: Record<string, unknown> = { updatedAt: now };
  // a list or a record is written whole (a changed pick replaces the old one)
  for (const [k, v] of Object.entries(fields)) data[k] = v !== null && typeof v === 'object' ? _.set(v) : v;
  const res = await db.collection(COLLECTIONS.styleProfiles).where({ _id: memberId, attempt, scored: false }).update({ data });
  return updatedCount(res) === 1;
}

/** Closes the attempt once its report is written (compare-and-set: parallel submits close it once). */
export async function markAttemptScored(db: Database, memberId: string, attempt: number, now: Date): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.styleProfiles).where({ _id: memberId, attempt, scored: false }).update({ data: { scored: true, updatedAt: now } });
  return updatedCount(res) === 1;
}

/** Starts the next attempt with empty answers, only from the attempt the member saw (a double tap starts one). */
export async function startNextAttempt(db: Database, memberId: string, attempt: number, now: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.styleProfiles)
    .where({ _id: memberId, attempt })
    .update({ data: { attempt: attempt + 1, answers: _.set({}), scored: false, startedAt: now, updatedAt: now } });
  return updatedCount(res) === 1;
}

export async function saveStylePreferences(db: Database, memberId: string, preferences: StylePreferences, now: Date): Promise<void> {
  const _ = db.command;
  await db.collection(COLLECTIONS.styleProfiles).doc(memberId).update({ data: { preferences: _.set(preferences), updatedAt: now } });
}

/** Counts a product opened, per style and scene it carries (atomic increments: parallel opens all count). */
export async function countProductView(db: Database, memberId: string, styles: readonly Style[], scenes: readonly Scene[], now: Date): Promise<void> {
  const _ = db.command;
  const data: Record<string, unknown> = { 'views.lastAt': now };
  for (const s of styles) data[`views.styles.${s}`] = _.inc(1);
  for (const s of scenes) data[`views.scenes.${s}`] = _.inc(1);
  await db.collection(COLLECTIONS.styleProfiles).doc(memberId).update({ data });
}

/** Writes an attempt's report; 'duplicate' when a parallel submit wrote it first (its id is the attempt's). */
export async function addStyleReport(db: Database, record: StyleReportRecord): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.styleReports, record);
}

export const findStyleReport = (db: Database, id: string) => findById<StyleReportRecord>(db, COLLECTIONS.styleReports, id);

/** The member's reports, latest first (the first is the one that rules). */
export async function styleReportsOf(db: Database, memberId: string, limit = 20): Promise<StyleReportRecord[]> {
  return documents<StyleReportRecord>(db.collection(COLLECTIONS.styleReports).where({ memberId }).orderBy('attempt', 'desc').limit(limit));
}

/** Everything the style pages hold of a member (their export). */
export async function styleRecordsOf(db: Database, memberId: string): Promise<StyleRecords> {
  const [profile, reports, wardrobe, savedOutfits, outfitLists] = await Promise.all([
    findStyleProfile(db, memberId),
    allByIdCursor<StyleReportRecord>(db, COLLECTIONS.styleReports, { memberId }),
    wardrobeOf(db, memberId),
    allByIdCursor<SavedOutfitRecord>(db, COLLECTIONS.savedOutfits, { memberId }),
    allByIdCursor<OutfitListRecord>(db, COLLECTIONS.outfitLists, { memberId }),
  ]);
  return { profile, reports: reports.sort((a, b) => b.attempt - a.attempt), wardrobe, savedOutfits, outfitLists };
}

export interface StyleRecords {
  profile: StyleProfile | null;
  reports: StyleReportRecord[];
  wardrobe: WardrobeItem[];
  savedOutfits: SavedOutfitRecord[];
  outfitLists: OutfitListRecord[];
}

/** Takes one report back (its member began leaving while it was written). */
export async function deleteStyleReport(db: Database, id: string): Promise<void> {
  await db.collection(COLLECTIONS.styleReports).where({ _id: id }).remove();
}

/** Erases a leaving member's style profile and reports. */
export async function deleteStyleOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.styleReports).where({ memberId }).remove();
  await db.collection(COLLECTIONS.styleProfiles).where({ _id: memberId }).remove();
}

/**
 * A batch of first reports (attempt 1) made since `since`, after the cursor, in id order: the
 * members in their 3 天穿搭灵感 (found through the {attempt, createdAt} index, so the work follows
 * the new reports, not all of them).
 */
export async function firstReportsSince(db: Database, since: Date, after: string | null, limit: number): Promise<StyleReportRecord[]> {
  const _ = db.command;
  const filter: Record<string, unknown> = { attempt: 1, createdAt: _.gt(since) };
  if (after !== null) filter._id = _.gt(after);
  return documents<StyleReportRecord>(db.collection(COLLECTIONS.styleReports).where(filter).orderBy('_id', 'asc').limit(limit));
}
