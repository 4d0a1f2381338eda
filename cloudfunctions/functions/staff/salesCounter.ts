import { failure, success } from '../../contract';
import type { staffSalesContract } from '../../contract/staffSales';
import { couponsOfMember, findCoupon } from '../../data/coupons';
import { recordLook } from '../../data/staffAudit';
import { useCouponAtCounter } from '../../data/staffSales';
import { findStore } from '../../data/stores';
import { staffLook } from '../../domain/staff/audit';
import { counterLine, counterOrderKey, counterUse, usableAtCounter, usedByThisOrder } from '../../domain/staff/counterCoupons';
import { CLERK_JOIN_PAGE, clerkScene, type StaffWithCode } from '../../domain/staff/joinCode';
import { tierOf } from '../../domain/tiers';
import { toIso } from '../../domain/time';
import { type Database, openapi } from '../../platform/cloud';
import type { Member } from '../../domain/member';
import type { Staff } from '../../domain/staff/staff';
import type { Handlers } from '../../platform/handler';
import { atCounter } from './counter';
import { staffCaller } from './caller';
import { joinCodeOf } from './joinCode';

/** Who signed whom up (the clerk's join code) and the counter coupon check. */
/** The counter's use of one coupon against an order number, once; a retry of the same store and order number answers the same. */
async function useOnce(db: Database, staff: Staff, member: Member, input: { couponId: string; orderNo: string }, at: Date) {
  const coupon = await findCoupon(db, input.couponId);
  const answer = (c: NonNullable<typeof coupon>) => success({ couponId: c._id, name: c.name, orderNo: input.orderNo, usedAt: toIso(c.usedAt ?? at) });
  if (usedByThisOrder(coupon, member._id, staff.storeId, input.orderNo)) return answer(coupon!);
  const check = counterUse(coupon, member, at);
  if (!check.ok) return failure(check.code, check.message);
  if (await useCouponAtCounter(db, { couponId: coupon!._id, memberId: member._id, storeId: staff.storeId, orderKey: counterOrderKey(staff.storeId, input.orderNo), now: at })) {
    return answer({ ...coupon!, usedAt: at });
  }
  // the till (or another clerk) got there first, or a parallel retry of this very use: say what it is now
  const now = await findCoupon(db, input.couponId);
  if (usedByThisOrder(now, member._id, staff.storeId, input.orderNo)) return answer(now!);
  const after = counterUse(now, member, at);
  return failure(after.ok ? 'CONFLICT' : after.code, after.ok ? '请重试' : after.message);
}

export const salesCounterHandlers: Pick<Handlers<typeof staffSalesContract>, 'joinCode' | 'counterCoupons' | 'useCouponAtCounter'> = {
  /** 我的拉新码: the caller's own join code, its scene and the mini program code WeChat draws for it. */
  async joinCode(_input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const staff = caller.value as StaffWithCode;
    const [code, store] = await Promise.all([joinCodeOf(ctx.db, staff), findStore(ctx.db, staff.storeId)]);
    if (!store) return failure('NOT_FOUND', '门店不存在');
    const scene = clerkScene(store._id, code);
    const res = (await openapi().wxacode.getUnlimited({ scene, page: CLERK_JOIN_PAGE, checkPath: false, width: 430 })) as { buffer: Buffer | Uint8Array };
    return success({ scene, path: CLERK_JOIN_PAGE, image: Buffer.from(res.buffer).toString('base64'), storeName: store.name, clerkName: staff.name });
  },

  /** The member at the counter (their live code) and their coupons usable now; the look is audited. */
  async counterCoupons(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const found = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
    if (!found.ok) return found;
    const { staff, member, codeExpiresAt } = found.value;
    const usable = usableAtCounter(await couponsOfMember(ctx.db, member._id), member, ctx.now);
    await recordLook(ctx.db, staffLook(staff, member._id, 'coupons', '柜台查券（会员出示会员码）', ctx.now, input.code));
    return success({
      member: { memberId: member._id, nickname: member.nickname, tierName: tierOf(member.tier).name },
      coupons: usable.map((c) => ({ couponId: c._id, name: c.name, ...counterLine(c), validUntil: toIso(c.validUntil) })),
      codeExpiresAt: toIso(codeExpiresAt),
    });
  },

  /**
   * Uses one of the member's coupons at the counter against the store's order number: once, by a
   * conditional update the till's order transaction conflicts with; a retry of the same store and
   * order number answers the same.
   */
  async useCouponAtCounter(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const found = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
    if (!found.ok) return found;
    const { staff, member } = found.value;
    const result = await useOnce(ctx.db, staff, member, input, ctx.now);
    // the look says what came of it: a manager reading the log sees which order number used the coupon
    const why = result.ok ? `柜台用券（单号 ${input.orderNo}）` : `柜台用券未成功（单号 ${input.orderNo}）`;
    await recordLook(ctx.db, staffLook(staff, member._id, 'counterCheck', why, ctx.now, `${input.couponId}:${input.orderNo}`));
    return result;
  },
};
