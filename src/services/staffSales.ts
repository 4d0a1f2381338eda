import type { Category } from '../../cloudfunctions/contract/styleWords';
import { serviceFor } from './cloud';

/**
 * The staff assistant's sales calls (issue 17): the clerk's own join code, the counter coupon
 * check, and outfit lists for a member (导购为你搭配). Staff only: the server says FORBIDDEN to anyone else.
 */
export const staffSalesApi = serviceFor('staff', (staff) => ({
  /** 我的拉新码: the clerk's scene, the mini program code WeChat drew for it (PNG, base64), the store's and the clerk's names */
  joinCode: () => staff('joinCode'),
  /** the coupons usable now of the member whose live code the clerk holds */
  counterCoupons: (code: string) => staff('counterCoupons', { code }),
  /** uses one of them against the store's order number (a retry with the same order number answers the same) */
  useCoupon: (code: string, couponId: string, orderNo: string) => staff('useCouponAtCounter', { code, couponId, orderNo }),
  /** the catalogue (one category, or all), the member's wardrobe and the engine's outfits for them */
  productsForOutfit: (memberId: string, category?: Category) => staff('productsForOutfit', category ? { memberId, category } : { memberId }),
  /** sends the list; the request id makes a retried send one list */
  sendOutfitList: (list: { memberId: string; title: string; note: string; items: string[]; wardrobe?: string[]; requestId: string }) => staff('sendOutfitList', list),
}));

/** A fresh id for one send (a retry of the same tap reuses it). */
export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
