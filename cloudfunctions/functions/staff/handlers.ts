import { failure, success } from '../../contract';
import { staffContract, staffCounterContract } from '../../contract/staff';
import { checkOffPass, couponsOfMember, findCoupon } from '../../data/coupons';
import { findMember } from '../../data/members';
import { findStaff } from '../../data/staff';
import { counterCheck, passesToCheck } from '../../domain/coupons/counterCheck';
import { memberCodeState } from '../../domain/memberCode';
import { offlineCodeExpiresAt, offlineCodeProblem } from '../../domain/tillDevice';
import type { CodeGuesser } from '../../domain/codeGuesses';
import { findCodeWithinLimit, type FoundCode, limitReached } from '../codes/resolve';
import { isActiveStaff, memberSummary, type Staff } from '../../domain/staff/staff';
import { isLeaving, type Member } from '../../domain/member';
import { toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { staffMemberHandlers } from './member';
import { staffSalesHandlers } from './sales';
import { staffTodosHandlers } from './todos';

/** Until when a found code is live for a clerk, or null when it is not (expired, used, replaced). */
function liveUntil(found: FoundCode, now: Date): Date | null {
  if (found.kind === 'offline') return offlineCodeProblem(found.device, found.step, { kind: 'lookup' }, now) ? null : offlineCodeExpiresAt(found.step);
  return memberCodeState(found.record, now) === 'live' ? found.record.expiresAt : null;
}

/**
 * The clerk and the member whose live code they hold, or why not (the code is not used up). A
 * clerk past this minute's wrong codes is refused every code until the next minute.
 */
async function atCounter(db: Database, openid: string, code: string, now: Date) {
  const clerk: CodeGuesser = { kind: 'clerk', openid };
  const staff = await findStaff(db, openid);
  if (!isActiveStaff(staff)) return failure('FORBIDDEN', 'only store staff can look members up');
  const found = await findCodeWithinLimit(db, clerk, now, code, now, 'lookup');
  if (found === 'limit') return limitReached();
  if (!found) return failure('CODE_EXPIRED', 'the member code is expired, used or unknown');
  const codeExpiresAt = liveUntil(found, now);
  if (!codeExpiresAt) return failure('CODE_EXPIRED', 'the member code is expired, used or unknown');
  const member = await findMember(db, found.memberId);
  if (!member || isLeaving(member)) return failure('CODE_EXPIRED', 'the member code no longer belongs to a member');
  return success<{ staff: Staff; member: Member; codeExpiresAt: Date }>({ staff, member, codeExpiresAt });
}

const counterHandlers: Handlers<typeof staffCounterContract> = {
  /**
   * Resolves a member's till code for a clerk: a masked summary, never the openid, and the passes
   * to check off at the counter. Looking up does not use the code; the till's order does.
   */
  async lookup(input, ctx) {
    const found = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
    if (!found.ok) return found;
    const { member, codeExpiresAt } = found.value;
    const passes = passesToCheck(await couponsOfMember(ctx.db, member._id), member._id, ctx.now);
    return success({
      member: memberSummary(member, ctx.now),
      codeExpiresAt: toIso(codeExpiresAt),
      passes: passes.map((c) => ({ couponId: c._id, name: c.name, grants: c.discount.kind === 'pass' ? c.discount.title : c.name, validUntil: toIso(c.validUntil) })),
    });
  },

  /**
   * 核销 at the counter: a pass of the member whose live code the clerk holds, once (a
   * compare-and-set decides between two clerks tapping at once).
   */
  async checkPass(input, ctx) {
    const found = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
    if (!found.ok) return found;
    const { staff, member } = found.value;
    const coupon = await findCoupon(ctx.db, input.couponId);
    const check = counterCheck(coupon, member._id, ctx.now);
    if (!check.ok) return failure(check.code, check.message);
    if (!(await checkOffPass(ctx.db, coupon!._id, member._id, staff.storeId, ctx.now))) {
      // another clerk (or the expiry) got there first: say what it is now
      const now = counterCheck(await findCoupon(ctx.db, input.couponId), member._id, ctx.now);
      return failure(now.ok ? 'CONFLICT' : now.code, now.ok ? '请重试' : now.message);
    }
    return success({ couponId: coupon!._id, name: coupon!.name, checkedAt: toIso(ctx.now) });
  },
};

export const staffHandlers: Handlers<typeof staffContract> = {
  ...counterHandlers,
  ...staffMemberHandlers,
  ...staffTodosHandlers,
  ...staffSalesHandlers,
};
