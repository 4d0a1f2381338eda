import { failure, success } from '../../contract';
import type { staffMemberContract } from '../../contract/staffMember';
import { findCoupon, findTemplate, insertCoupon } from '../../data/coupons';
import { findMember } from '../../data/members';
import { recordLook } from '../../data/staffAudit';
import { findNote, insertNote } from '../../data/staffNotes';
import { putStaffTag, staffTagsOfMember, tagGroups } from '../../data/staffTags';
import { insertTodo } from '../../data/todos';
import { couponFrom } from '../../domain/coupons/issue';
import { isLeaving } from '../../domain/member';
import { staffLook } from '../../domain/staff/audit';
import { complaintCallback, compensationCouponId, compensationProblem, COMPENSATION_TEMPLATE, HIGH_CARE_TAG } from '../../domain/staff/complaint';
import { noteView, todoView } from '../../domain/staff/memberView';
import { newNote, type StaffNote } from '../../domain/staff/notes';
import { VIEW_WHY } from '../../domain/staff/serving';
import { memberStaffTag, staffTagsOf } from '../../domain/staff/tags';
import type { Staff } from '../../domain/staff/staff';
import { toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from './caller';
import { servedMember } from './memberFacts';

type MemberContract = typeof staffMemberContract;

/**
 * What a complaint brings, each keyed by the complaint so a retry (or a crash between steps) ends
 * with each made once: the 高关怀 tag on the member, the store's 2-hour call-back to-do.
 */
async function followComplaint(db: Database, staff: Staff, complaint: StaffNote) {
  await putStaffTag(db, memberStaffTag(staff, complaint.memberId, HIGH_CARE_TAG, complaint.at));
  const callback = complaintCallback(complaint);
  await insertTodo(db, callback);
  return callback;
}

export const staffNoteHandlers: Pick<Handlers<MemberContract>, 'addNote' | 'giveCompensation'> = {
  /**
   * A note (or complaint) about a member, kept by the writer's store. Retried with the same
   * requestId it writes nothing new and answers the note as first written.
   */
  async addNote(input, ctx) {
    const staff = await staffCaller(ctx);
    if (!staff.ok) return staff;
    const member = await servedMember(ctx.db, staff.value, input.memberId, ctx.now);
    if (!member.ok) return member;
    const drafted = newNote(staff.value, input.memberId, input, ctx.now);
    const note = (await insertNote(ctx.db, drafted)) === 'created' ? drafted : await findNote(ctx.db, drafted._id);
    // the same request id used for another member or kind is not a retry
    if (!note || note.memberId !== input.memberId || note.kind !== input.kind || note.text !== drafted.text || note.staffId !== drafted.staffId) return failure('CONFLICT', 'this request id was used for another note');
    const callback = note.kind === 'complaint' ? await followComplaint(ctx.db, staff.value, note) : null;
    await recordLook(ctx.db, staffLook(staff.value, note.memberId, 'notes', note.kind === 'complaint' ? VIEW_WHY.complaintNote : VIEW_WHY.note, note.at, note._id));
    const [held, groups] = await Promise.all([staffTagsOfMember(ctx.db, note.memberId), tagGroups(ctx.db)]);
    const given = note.kind === 'complaint' && (await findCoupon(ctx.db, compensationCouponId(note.memberId, note._id))) ? new Set([compensationCouponId(note.memberId, note._id)]) : new Set<string>();
    return success({ note: noteView(note, given), callback: callback ? todoView(callback, ctx.now) : null, staffTags: staffTagsOf(held, groups) });
  },

  /**
   * The complaint's one 补偿券, from the brand's template: its id is derived from the complaint, so
   * twenty taps at once issue one coupon; a later tap answers the one given.
   */
  async giveCompensation(input, ctx) {
    const staff = await staffCaller(ctx);
    if (!staff.ok) return staff;
    const complaint = await findNote(ctx.db, input.complaintId);
    const problem = compensationProblem(complaint, staff.value.storeId);
    if (problem) return failure('NOT_FOUND', problem);
    const [member, template] = await Promise.all([findMember(ctx.db, complaint!.memberId), findTemplate(ctx.db, COMPENSATION_TEMPLATE)]);
    if (!member || isLeaving(member)) return failure('NOT_FOUND', 'the member has left');
    if (!template || !template.active) return failure('NOT_CLAIMABLE', '补偿券暂未开放，请联系品牌');
    const id = compensationCouponId(member._id, complaint!._id);
    const drafted = couponFrom(template, id, member._id, ctx.now);
    const created = (await insertCoupon(ctx.db, drafted)) === 'created';
    const coupon = created ? drafted : await findCoupon(ctx.db, id);
    if (!coupon) return failure('CONFLICT', '请重试');
    await recordLook(ctx.db, staffLook(staff.value, member._id, 'coupons', '投诉补偿', ctx.now, id));
    return success({ couponId: coupon._id, name: coupon.name, validUntil: toIso(coupon.validUntil), issuedNow: created });
  },
};
