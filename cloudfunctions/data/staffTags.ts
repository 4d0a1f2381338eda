import { memberTagId, type MemberStaffTag, type StaffTagDef, type TagGroup } from '../domain/staff/tags';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce, isDuplicateKey } from './errors';
import { documents, findById, updatedCount } from './read';

/** The brand's tag groups (a handful of documents), in their order. */
export async function tagGroups(db: Database): Promise<TagGroup[]> {
  return documents<TagGroup>(db.collection(COLLECTIONS.tagGroups).orderBy('sort', 'asc').limit(100));
}

export const findTagGroup = (db: Database, id: string) => findById<TagGroup>(db, COLLECTIONS.tagGroups, id);

/** Replaces a group's tags if nobody changed it since `version` was read (false: someone did). */
export async function saveTagGroup(db: Database, id: string, version: number, tags: StaffTagDef[]): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.tagGroups).where({ _id: id, version }).update({ data: { tags, version: version + 1 } });
  return updatedCount(res) === 1;
}

/** The member's staff tags (at most one document per tag). */
export async function staffTagsOfMember(db: Database, memberId: string): Promise<MemberStaffTag[]> {
  return documents<MemberStaffTag>(db.collection(COLLECTIONS.memberStaffTags).where({ memberId }).limit(200));
}

/** Puts a tag on a member once (its id is member and tag). */
export async function putStaffTag(db: Database, tag: MemberStaffTag): Promise<void> {
  await addOnce(db, COLLECTIONS.memberStaffTags, tag);
}

/** Takes a tag off a member (nothing when it was not there). */
export async function takeStaffTag(db: Database, memberId: string, tagId: string): Promise<void> {
  try {
    await db.collection(COLLECTIONS.memberStaffTags).where({ _id: memberTagId(memberId, tagId) }).remove();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}

/** Erases a leaving member's staff tags. */
export async function deleteStaffTagsOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.memberStaffTags).where({ memberId }).remove();
}
