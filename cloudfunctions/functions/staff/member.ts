import { failure, success } from '../../contract';
import type { staffMemberContract } from '../../contract/staffMember';
import { membersByIds } from '../../data/members';
import { findStaff } from '../../data/staff';
import { recordLook } from '../../data/staffAudit';
import { looksOfStore } from '../../data/staffAuditLog';
import { findStore } from '../../data/stores';
import { MANAGERS, staffMayAct } from '../../domain/staff/access';
import { staffLook } from '../../domain/staff/audit';
import { auditCursor, auditPage, AUDIT_PAGE } from '../../domain/staff/auditPage';
import { memberView } from '../../domain/staff/memberView';
import { VIEW_WHY } from '../../domain/staff/serving';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from './caller';
import { atCounter } from './counter';
import { memberViewFacts, servedMember } from './memberFacts';
import { staffNoteHandlers } from './notes';
import { staffTagHandlers } from './tags';

type MemberContract = typeof staffMemberContract;

const viewHandlers: Pick<Handlers<MemberContract>, 'me' | 'memberView' | 'auditLog'> = {
  /** Who the caller is on the staff, or null for anyone else (我的 shows the staff entry only to staff): one read, and the store's name. */
  async me(_input, ctx) {
    const staff = await findStaff(ctx.db, ctx.openid);
    if (!staffMayAct(staff)) return success({ staff: null });
    const store = await findStore(ctx.db, staff.storeId);
    return success({ staff: { name: staff.name, role: staff.role, storeId: staff.storeId, storeName: store?.name ?? staff.storeId } });
  },

  /**
   * The member in front of the clerk: by the live code they show (any store's clerk: the member is
   * standing there), or by memberId (the store's own members, or one served by code lately). Every
   * look is written to the audit log before the answer leaves.
   */
  async memberView(input, ctx) {
    let found;
    if ('code' in input) {
      const atTill = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
      if (!atTill.ok) return atTill;
      found = { staff: atTill.value.staff, member: atTill.value.member, codeExpiresAt: atTill.value.codeExpiresAt as Date | null, why: VIEW_WHY.code, key: input.code };
    } else {
      const staff = await staffCaller(ctx);
      if (!staff.ok) return staff;
      const member = await servedMember(ctx.db, staff.value, input.memberId, ctx.now);
      if (!member.ok) return member;
      found = { staff: staff.value, member: member.value, codeExpiresAt: null, why: VIEW_WHY[input.reason ?? 'followUp'], key: input.memberId };
    }
    const { staff, member } = found;
    await recordLook(ctx.db, staffLook(staff, member._id, 'memberView', found.why, ctx.now, found.key));
    return success(memberView(await memberViewFacts(ctx.db, staff, member, ctx.now, found.codeExpiresAt), ctx.now));
  },

  /** The store's audit log for its manager: newest first, a page at a time (the index storeId + at). */
  async auditLog(input, ctx) {
    const manager = await staffCaller(ctx, MANAGERS);
    if (!manager.ok) return manager;
    const from = auditCursor(input.cursor);
    if (!from) return failure('INVALID_INPUT', 'cursor is not one this log gave');
    const looks = await looksOfStore(ctx.db, manager.value.storeId, from.before, from.skip, AUDIT_PAGE + 1);
    const members = new Map((await membersByIds(ctx.db, [...new Set(looks.map((l) => l.memberId))])).map((m) => [m._id, m]));
    return success(auditPage(looks, from, (id) => members.get(id)?.nickname ?? null));
  },
};

export const staffMemberHandlers: Handlers<MemberContract> = {
  ...viewHandlers,
  ...staffNoteHandlers,
  ...staffTagHandlers,
};
