import type { CouponFace, CouponView, WalletStatus } from '../../contract';
import { shopDateLabel, toIso } from '../time';
import { discountFace } from './discounts';
import type { Coupon, CouponTemplate } from './template';
import { isExpiringSoon, lastMomentLabel, validityText } from './validity';
import { TIER_GIFT_ENDED, tierGiftLostByRefund, type TierHolder } from './tierGifts';

/** What a template gives, as a ticket reads it. */
export function templateFace(t: Pick<CouponTemplate, '_id' | 'name' | 'discount' | 'stackable' | 'firstOrderOnly'>): CouponFace {
  const face = discountFace(t.discount);
  const notes = [...face.notes];
  if (t.firstOrderOnly) notes.unshift('仅限首单使用');
  if (t.stackable) notes.push('可与其他可叠加的券同用');
  return { templateId: t._id, name: t.name, kind: t.discount.kind, value: face.value, rule: face.rule, notes };
}

/** Coupons a wallet (and an export) shows: issued ones — a claim still taking stock and an unclaimed birthday grant are not yet the member's. */
export const inWallet = (c: Pick<Coupon, 'status'>) => c.status !== 'issuing' && c.status !== 'claimable';

/**
 * Which wallet tab a coupon belongs in at `now`, and why it ended. A coupon past its time is
 * expired before the daily job marks it (as points are), and a first-order coupon ends with the
 * first order.
 */
export function walletStatusOf(c: Coupon, memberHasOrdered: boolean, now: Date, holder?: TierHolder): { status: WalletStatus; endedReason: string | null } {
  if (c.status === 'used') return { status: 'used', endedReason: null };
  // a refund took the tier that gave it (also a gift claimed while that refund committed)
  if (c.endedBy === 'tierRefund' || (holder && tierGiftLostByRefund(c, holder))) return { status: 'expired', endedReason: TIER_GIFT_ENDED };
  if (c.status === 'expired' || now.getTime() >= c.validUntil.getTime()) return { status: 'expired', endedReason: '已过期' };
  if (c.firstOrderOnly && memberHasOrdered) return { status: 'expired', endedReason: '首单已完成，此券已失效' };
  return { status: 'available', endedReason: null };
}

/** What a used or ended coupon's date line says instead of its validity. */
function endedText(c: Coupon, status: WalletStatus, endedReason: string | null): string | null {
  if (status === 'used' && c.checkedAtStore) return c.usedAt ? `已于${shopDateLabel(c.usedAt)}到店核销` : '已到店核销';
  if (status === 'used') return c.usedAt ? `已于${shopDateLabel(c.usedAt)}使用` : '已使用';
  if (status !== 'expired') return null;
  if (endedReason === TIER_GIFT_ENDED) return TIER_GIFT_ENDED;
  return endedReason === '已过期' ? `已于${lastMomentLabel(c.validUntil)}过期` : '完成首单后失效';
}

export function couponView(c: Coupon, memberHasOrdered: boolean, now: Date, holder?: TierHolder): CouponView {
  const { status, endedReason } = walletStatusOf(c, memberHasOrdered, now, holder);
  return {
    ...templateFace({ _id: c.templateId, name: c.name, discount: c.discount, stackable: c.stackable, firstOrderOnly: c.firstOrderOnly }),
    couponId: c._id,
    status,
    channel: c.channel,
    issuedAt: toIso(c.issuedAt),
    validFrom: toIso(c.validFrom),
    validUntil: toIso(c.validUntil),
    validityText: endedText(c, status, endedReason) ?? validityText(c, now),
    expiringSoon: status === 'available' && isExpiringSoon(c, now),
    usedAt: c.usedAt ? toIso(c.usedAt) : null,
    endedReason,
  };
}
