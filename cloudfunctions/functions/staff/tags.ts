import { recordLook } from '../../data/staffAudit';
import { staffLook } from '../../domain/staff/audit';
import { failure, success } from '../../contract';
import type { staffMemberContract, TagGroupView } from '../../contract/staffMember';
import { findTagGroup, putStaffTag, saveTagGroup, staffTagsOfMember, tagGroups, takeStaffTag } from '../../data/staffTags';
import { MANAGERS } from '../../domain/staff/access';
import { editTagGroup, findTagDef, memberStaffTag, staffTagsOf, tagChangeProblem, type TagGroup } from '../../domain/staff/tags';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from './caller';
import { servedMember } from './memberFacts';

type MemberContract = typeof staffMemberContract;

const groupView = (g: TagGroup): TagGroupView => ({ groupId: g._id, name: g.name, tags: g.tags.map((t) => ({ tagId: t.tagId, name: t.name, locked: !!t.locked })) });

async function tagsAnswer(db: Database, memberId: string, groups: TagGroup[]) {
  return success({ staffTags: staffTagsOf(await staffTagsOfMember(db, memberId), groups) });
}

export const staffTagHandlers: Pick<Handlers<MemberContract>, 'tagGroups' | 'addTag' | 'removeTag' | 'editTagGroup'> = {
  /** The brand's tag groups, for any staff member (the member page's chips, the manager's editor). */
  async tagGroups(_input, ctx) {
    const staff = await staffCaller(ctx);
    if (!staff.ok) return staff;
    return success({ groups: (await tagGroups(ctx.db)).map(groupView) });
  },

  /** A tag of some group on a member the caller serves; adding it twice is once. */
  async addTag(input, ctx) {
    const staff = await staffCaller(ctx);
    if (!staff.ok) return staff;
    const [member, groups] = await Promise.all([servedMember(ctx.db, staff.value, input.memberId, ctx.now), tagGroups(ctx.db)]);
    if (!member.ok) return member;
    const def = findTagDef(groups, input.tagId);
    if (!def) return failure('NOT_FOUND', 'no group has this tag');
    const may = tagChangeProblem(staff.value, member.value, def.tag, 'add');
    if (!may.ok) return may;
    await putStaffTag(ctx.db, memberStaffTag(staff.value, input.memberId, input.tagId, ctx.now));
    await recordLook(ctx.db, staffLook(staff.value, input.memberId, 'tags', '添加标签', ctx.now, `add:${input.tagId}`));
    return tagsAnswer(ctx.db, input.memberId, groups);
  },

  /** Takes a tag off a member the caller serves; taking it off twice is once. */
  async removeTag(input, ctx) {
    const staff = await staffCaller(ctx);
    if (!staff.ok) return staff;
    const [member, groups] = await Promise.all([servedMember(ctx.db, staff.value, input.memberId, ctx.now), tagGroups(ctx.db)]);
    if (!member.ok) return member;
    const may = tagChangeProblem(staff.value, member.value, findTagDef(groups, input.tagId)?.tag ?? null, 'remove');
    if (!may.ok) return may;
    await takeStaffTag(ctx.db, input.memberId, input.tagId);
    await recordLook(ctx.db, staffLook(staff.value, input.memberId, 'tags', '移除标签', ctx.now, `remove:${input.tagId}`));
    return tagsAnswer(ctx.db, input.memberId, groups);
  },

  /** A manager adds, renames or removes a tag of a group: a compare-and-set on the group's version (a parallel edit answers CONFLICT). */
  async editTagGroup(input, ctx) {
    const manager = await staffCaller(ctx, MANAGERS);
    if (!manager.ok) return manager;
    const group = await findTagGroup(ctx.db, input.groupId);
    if (!group) return failure('NOT_FOUND', 'no such tag group');
    const tags = editTagGroup(group, input.change);
    if (!tags.ok) return tags;
    if (!(await saveTagGroup(ctx.db, group._id, group.version, tags.value))) return failure('CONFLICT', '标签组刚被修改过，请刷新后重试');
    return success({ group: groupView({ ...group, tags: tags.value, version: group.version + 1 }) });
  },
};
