import type { Outcome } from '../../contract';
import { failure, success } from '../../contract/envelope';
import { HIGH_CARE_TAG } from './complaint';
import type { Member } from '../member';
import type { Staff } from './staff';

/** One tag of a group the brand seeds (database/seed/staffTagGroups.json); a locked tag cannot be removed. */
export interface StaffTagDef {
  tagId: string;
  name: string;
  locked?: boolean;
}

/** A group of staff tags (服务关怀, 购物偏好 …). `version` makes an edit a compare-and-set. */
export interface TagGroup {
  _id: string;
  name: string;
  sort: number;
  tags: StaffTagDef[];
  version: number;
}

/** A staff tag on a member, one document each, keyed by member and tag: adding twice is one. */
export interface MemberStaffTag {
  _id: string;
  memberId: string;
  tagId: string;
  addedBy: { storeId: string; name: string };
  at: Date;
}

export const memberTagId = (memberId: string, tagId: string) => `${memberId}:${tagId}`;

/** A group holds at most this many tags (a phone shows them as chips). */
export const GROUP_TAGS_MAX = 30;

export function memberStaffTag(staff: Staff, memberId: string, tagId: string, now: Date): MemberStaffTag {
  return { _id: memberTagId(memberId, tagId), memberId, tagId, addedBy: { storeId: staff.storeId, name: staff.name }, at: now };
}

/** The group and tag a tag id names, or null when no group has it (removed, or never). */
export function findTagDef(groups: readonly TagGroup[], tagId: string): { group: TagGroup; tag: StaffTagDef } | null {
  for (const group of groups) {
    const tag = group.tags.find((t) => t.tagId === tagId);
    if (tag) return { group, tag };
  }
  return null;
}

/** The member's staff tags that still name a tag of some group, in the groups' order. */
export function staffTagsOf(held: readonly MemberStaffTag[], groups: readonly TagGroup[]): Array<{ tagId: string; name: string; groupName: string }> {
  const have = new Set(held.map((h) => h.tagId));
  return [...groups].sort((a, b) => a.sort - b.sort).flatMap((g) => g.tags.filter((t) => have.has(t.tagId)).map((t) => ({ tagId: t.tagId, name: t.name, groupName: g.name })));
}

export type TagGroupChange = { op: 'add'; name: string } | { op: 'rename'; tagId: string; name: string } | { op: 'remove'; tagId: string };

/**
 * A manager's edit of a group: the tags after it, or why not. A new tag's id comes from the group
 * and its next version, so two managers adding at once cannot take one id (the write is a
 * compare-and-set on the version). 高关怀 stays: complaints set it.
 */
export function editTagGroup(group: TagGroup, change: TagGroupChange): Outcome<StaffTagDef[]> {
  const named = (name: string, except?: string) => group.tags.some((t) => t.name === name && t.tagId !== except);
  switch (change.op) {
    case 'add': {
      if (named(change.name)) return failure('CONFLICT', `「${change.name}」已在这一组里`);
      if (group.tags.length >= GROUP_TAGS_MAX) return failure('LIMIT_REACHED', `一组最多 ${GROUP_TAGS_MAX} 个标签`);
      return success([...group.tags, { tagId: `${group._id}-v${group.version + 1}`, name: change.name }]);
    }
    case 'rename': {
      const tag = group.tags.find((t) => t.tagId === change.tagId);
      if (!tag) return failure('NOT_FOUND', 'no such tag in this group');
      if (tag.locked || tag.tagId === HIGH_CARE_TAG) return failure('FORBIDDEN', `「${tag.name}」由投诉自动添加，不能改名`);
      if (named(change.name, change.tagId)) return failure('CONFLICT', `「${change.name}」已在这一组里`);
      return success(group.tags.map((t) => (t.tagId === change.tagId ? { ...t, name: change.name } : t)));
    }
    case 'remove': {
      const tag = group.tags.find((t) => t.tagId === change.tagId);
      if (!tag) return failure('NOT_FOUND', 'no such tag in this group');
      if (tag.locked || tag.tagId === HIGH_CARE_TAG) return failure('FORBIDDEN', `「${tag.name}」由投诉自动添加，不能删除`);
      return success(group.tags.filter((t) => t.tagId !== change.tagId));
    }
  }
}

/**
 * Whether this staff member may put a tag on or take it off a member: a member's tags are their
 * home store's to keep (a clerk elsewhere who served them from a live code sees them, but does not
 * change them); a locked tag (高关怀, set by a complaint) comes off only by the store's manager,
 * once the call-back is done.
 */
export function tagChangeProblem(staff: Staff, member: Member, tag: StaffTagDef | null, op: 'add' | 'remove'): Outcome<null> {
  if (member.homeStore.storeId !== staff.storeId) return failure('NOT_FOUND', 'no such member at this store');
  if (op === 'remove' && (tag?.locked || tag?.tagId === HIGH_CARE_TAG) && staff.role !== 'manager') return failure('FORBIDDEN', `「${tag!.name}」由投诉添加，请店长确认回访后移除`);
  return success(null);
}
