import type { ErrorCode } from '../../contract';
import { shopDateLabel } from '../time';
import type { Coupon } from './template';
import { isValidAt, lastMomentLabel } from './validity';

/**
 * The store's check-off (核销) of a pass at the counter: a pass (新品优先试穿权) takes nothing off
 * an order, so the till never uses it; a clerk who has the member's live code in front of them
 * checks it off instead. Whether this coupon can be checked off for this member now, in words the
 * clerk can say to the shopper.
 */
export type CounterCheck = { ok: true } | { ok: false; code: Extract<ErrorCode, 'NOT_FOUND' | 'NOT_CLAIMABLE'>; message: string };

export function counterCheck(coupon: Coupon | null, memberId: string, now: Date): CounterCheck {
  // another member's coupon is as unknown as a missing one: the code in front of the clerk names the member
  if (!coupon || coupon.memberId !== memberId || coupon.status === 'issuing' || coupon.status === 'claimable') return { ok: false, code: 'NOT_FOUND', message: '这位会员没有这张券' };
  if (coupon.discount.kind !== 'pass') return { ok: false, code: 'NOT_CLAIMABLE', message: '这张券在收银台结账时使用，不在柜台核销' };
  if (coupon.status === 'used') return { ok: false, code: 'NOT_CLAIMABLE', message: coupon.usedAt ? `已于${shopDateLabel(coupon.usedAt)}核销` : '已核销' };
  if (coupon.status === 'expired' || coupon.endedBy) return { ok: false, code: 'NOT_CLAIMABLE', message: '这张券已失效' };
  if (!isValidAt(coupon, now)) {
    return now.getTime() < coupon.validFrom.getTime()
      ? { ok: false, code: 'NOT_CLAIMABLE', message: `${shopDateLabel(coupon.validFrom)} 起可用` }
      : { ok: false, code: 'NOT_CLAIMABLE', message: `已于${lastMomentLabel(coupon.validUntil)}过期` };
  }
  return { ok: true };
}

/** The passes a clerk can check off for this member now (what the member view lists beside the code). */
export function passesToCheck(coupons: Coupon[], memberId: string, now: Date): Coupon[] {
  return coupons.filter((c) => c.discount.kind === 'pass' && counterCheck(c, memberId, now).ok);
}
