import type { ActionInput } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';
import { newRequestId } from './points';

/** Why a clerk opened a member by id (the audit log's why). */
export type ViewReason = 'todo' | 'complaint' | 'followUp';
type TagChange = ActionInput<'staff', 'editTagGroup'>['change'];

/**
 * Notes whose outcome is unknown (no answer came: UNAVAILABLE, or the function broke: INTERNAL),
 * by member, kind and text: the clerk's retry carries the same request id, so the note (and a
 * complaint's call-back) is written once. An answer settles it; the next save is a new one.
 */
const UNKNOWN_OUTCOME = new Set(['UNAVAILABLE', 'INTERNAL']);
const unsettledNotes = new Map<string, string>();

/** The `staff` function's member calls (导购助手): who I am, the member in front of me, notes, tags, the 补偿券, the audit log. */
export const staffMemberApi = serviceFor('staff', (staff) => ({
  me: () => staff('me'),
  /** The member whose live code the clerk scanned or typed. */
  viewByCode: (code: string) => staff('memberView', { code }),
  /** A member of the store (or one served by code lately), by id. */
  viewById: (memberId: string, reason?: ViewReason) => staff('memberView', reason ? { memberId, reason } : { memberId }),
  async addNote(memberId: string, kind: 'note' | 'complaint', text: string) {
    const key = `${memberId}|${kind}|${text}`;
    const requestId = unsettledNotes.get(key) ?? newRequestId();
    unsettledNotes.set(key, requestId);
    const answer = await staff('addNote', { memberId, kind, text, requestId });
    if (answer.ok || !UNKNOWN_OUTCOME.has(answer.error.code)) unsettledNotes.delete(key);
    return answer;
  },
  tagGroups: () => staff('tagGroups'),
  addTag: (memberId: string, tagId: string) => staff('addTag', { memberId, tagId }),
  removeTag: (memberId: string, tagId: string) => staff('removeTag', { memberId, tagId }),
  editTagGroup: (groupId: string, change: TagChange) => staff('editTagGroup', { groupId, change }),
  /** Safe to tap twice: the complaint has one 补偿券 whatever happens. */
  giveCompensation: (complaintId: string) => staff('giveCompensation', { complaintId }),
  auditLog: (cursor?: string) => staff('auditLog', cursor ? { cursor } : {}),
}));
