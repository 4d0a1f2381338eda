import { shopTime } from '../time';
import type { StaffNote } from './notes';
import { type StoreTodo, todoId } from './todo';

/** A complaint is called back within this many hours. */
export const CALLBACK_HOURS = 2;
/** The tag a complaint sets: it cannot be removed from its group. */
export const HIGH_CARE_TAG = 'care-high';
/** The brand's 补偿券 template (database/seed/couponTemplates.json). */
export const COMPENSATION_TEMPLATE = 'care-compensation';

/** The 补偿券's id: one per complaint however many taps (the unique id decides a race). */
export const compensationCouponId = (memberId: string, complaintId: string) => `${COMPENSATION_TEMPLATE}:${memberId}:${complaintId}`;

/** The call-back to-do a complaint makes for the writer's store, due two hours after it was noted. */
export function complaintCallback(complaint: StaffNote): StoreTodo {
  const dueAt = new Date(complaint.at.getTime() + CALLBACK_HOURS * 3_600_000);
  const gist = complaint.text.length > 24 ? `${complaint.text.slice(0, 24)}…` : complaint.text;
  return {
    _id: todoId(complaint.storeId, 'complaintCallback', complaint.memberId, complaint._id),
    storeId: complaint.storeId,
    memberId: complaint.memberId,
    kind: 'complaintCallback',
    reason: `投诉回访：${gist}（${shopTime(dueAt).format('HH:mm')} 前回访）`,
    createdAt: complaint.at,
    dueAt,
    state: 'open',
    snoozedUntil: null,
    closedBy: null,
    closedAt: null,
    complaintId: complaint._id,
  };
}

/** Whether a complaint may get its 补偿券 from this staff member: only the store that took the complaint gives it. */
export function compensationProblem(complaint: StaffNote | null, storeId: string): string | null {
  if (!complaint || complaint.storeId !== storeId) return 'no such complaint at this store';
  if (complaint.kind !== 'complaint') return 'only a complaint carries a 补偿券';
  return null;
}
