import type { ErrorCode } from '../../contract';
import { discountFace } from '../coupons/discounts';
import { couponProblem } from '../coupons/pricing';
import type { Coupon } from '../coupons/template';
import type { TierHolder } from '../coupons/tierGifts';
import { lastMomentLabel } from '../coupons/validity';
import type { Member } from '../member';
import { shopDateLabel } from '../time';

/**
 * The counter coupon check (issue 17, part 6), for stores without an integrated till: the clerk
 * sees what the member can use now and uses one against the store's own order number. A pass
 * (新品优先试穿权) takes nothing off and is checked off by staff.checkPass instead; everything else
 * the till would take is listed, judged by the till's own rule (couponProblem), so the till and the
 * counter never disagree on what is usable.
 */

/** The order a counter use names, as the coupon records it: the till's are `${storeId}:${orderId}`, the counter's carry their prefix. */
export const counterOrderKey = (storeId: string, orderNo: string) => `counter:${storeId}:${orderNo}`;

type Holder = Pick<Member, '_id' | 'firstOrderAt'> & TierHolder;

const contextOf = (m: Holder, now: Date) => ({ memberId: m._id, firstOrder: !m.firstOrderAt, at: now, holder: m });

/** The member's coupons usable now at the counter, the soonest ending first. */
export function usableAtCounter(coupons: readonly Coupon[], m: Holder, now: Date): Coupon[] {
  return coupons
    .filter((c) => c.discount.kind !== 'pass' && couponProblem(c, contextOf(m, now)) === null)
    .sort((a, b) => a.validUntil.getTime() - b.validUntil.getTime() || a._id.localeCompare(b._id));
}

/** A usable coupon as the clerk reads it: "8折 · 仅限首单使用 · 2026-12-25 23:59 前有效". */
export function counterLine(c: Coupon): { value: string; rule: string; validUntilText: string } {
  const face = discountFace(c.discount);
  return { value: face.value, rule: [face.rule, c.firstOrderOnly ? '仅限首单' : null].filter(Boolean).join(' · '), validUntilText: `${lastMomentLabel(c.validUntil)} 前有效` };
}

export type CounterUse = { ok: true } | { ok: false; code: Extract<ErrorCode, 'NOT_FOUND' | 'NOT_CLAIMABLE'>; message: string };

/**
 * Whether the clerk may use this coupon for this member now, in words the clerk can say. Only
 * advice before the write: the write itself is a conditional update on the coupon (data/staffSales)
 * that the till's order transaction conflicts with, so whichever commits second fails.
 */
export function counterUse(coupon: Coupon | null, m: Holder, now: Date): CounterUse {
  if (!coupon || coupon.memberId !== m._id || coupon.status === 'issuing' || coupon.status === 'claimable') return { ok: false, code: 'NOT_FOUND', message: '这位会员没有这张券' };
  if (coupon.discount.kind === 'pass') return { ok: false, code: 'NOT_CLAIMABLE', message: '这是到店权益，请用「核销」' };
  if (coupon.status === 'used') return { ok: false, code: 'NOT_CLAIMABLE', message: coupon.usedAt ? `这张券已于${shopDateLabel(coupon.usedAt)}用过` : '这张券已用过' };
  const problem = couponProblem(coupon, contextOf(m, now));
  return problem ? { ok: false, code: 'NOT_CLAIMABLE', message: `这张券现在不能用：${problem}` } : { ok: true };
}

/** A retried counter use (same store and order number) finds the coupon used by itself: it answers the same again. */
export const usedByThisOrder = (coupon: Coupon | null, memberId: string, storeId: string, orderNo: string) =>
  !!coupon && coupon.memberId === memberId && coupon.status === 'used' && coupon.usedOrder === counterOrderKey(storeId, orderNo);
