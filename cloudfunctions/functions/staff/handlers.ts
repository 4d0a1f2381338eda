import { failure, success } from '../../contract';
import { staffContract } from '../../contract/staff';
import { findMemberCode } from '../../data/memberCodes';
import { findMember } from '../../data/members';
import { findStaff } from '../../data/staff';
import { memberCodeState } from '../../domain/memberCode';
import { isActiveStaff, memberSummary } from '../../domain/staff';
import { isLeaving } from '../../domain/member';
import { toIso } from '../../domain/time';
import type { Handlers } from '../../platform/handler';

export const staffHandlers: Handlers<typeof staffContract> = {
  /**
   * Resolves a member's till code for a clerk: a masked summary, never the openid. Looking up
   * does not use the code; the till's order does.
   */
  async lookup(input, ctx) {
    const [staff, code] = await Promise.all([findStaff(ctx.db, ctx.openid), findMemberCode(ctx.db, input.code)]);
    if (!isActiveStaff(staff)) return failure('FORBIDDEN', 'only store staff can look members up');
    if (!code || memberCodeState(code, ctx.now) !== 'live') return failure('CODE_EXPIRED', 'the member code is expired, used or unknown');
    const member = await findMember(ctx.db, code._id);
    if (!member || isLeaving(member)) return failure('CODE_EXPIRED', 'the member code no longer belongs to a member');
    return success({ member: memberSummary(member, ctx.now), codeExpiresAt: toIso(code.expiresAt) });
  },
};
