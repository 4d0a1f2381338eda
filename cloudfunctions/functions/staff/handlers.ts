import { failure, success } from '../../contract';
import { staffContract, staffCounterContract } from '../../contract/staff';
import { checkOffPass, couponsOfMember, findCoupon } from '../../data/coupons';
import { counterCheck, passesToCheck } from '../../domain/coupons/counterCheck';
import { memberSummary } from '../../domain/staff/staff';
import { atCounter } from './counter';
import { toIso } from '../../domain/time';
import type { Handlers } from '../../platform/handler';
import { recordLook } from '../../data/staffAudit';
import { staffLook } from '../../domain/staff/audit';
import { VIEW_WHY } from '../../domain/staff/serving';
import { staffMemberHandlers } from './member';
import { staffSalesHandlers } from './sales';
import { staffTodosHandlers } from './todos';

const counterHandlers: Handlers<typeof staffCounterContract> = {
  /**
   * Resolves a member's till code for a clerk: a masked summary, never the openid, and the passes
   * to check off at the counter. Looking up does not use the code; the till's order does.
   */
  async lookup(input, ctx) {
    const found = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
    if (!found.ok) return found;
    const { staff, member, codeExpiresAt } = found.value;
    await recordLook(ctx.db, staffLook(staff, member._id, 'lookup', VIEW_WHY.code, ctx.now, input.code));
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
    await recordLook(ctx.db, staffLook(staff, member._id, 'counterCheck', `到店核销「${coupon!.name}」`, ctx.now, coupon!._id));
    return success({ couponId: coupon!._id, name: coupon!.name, checkedAt: toIso(ctx.now) });
  },
};

export const staffHandlers: Handlers<typeof staffContract> = {
  ...counterHandlers,
  ...staffMemberHandlers,
  ...staffTodosHandlers,
  ...staffSalesHandlers,
};
