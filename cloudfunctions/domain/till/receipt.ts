import type { TierCode, TillReceipt } from '../../contract';
import type { PosOrderResult } from '../../contract/pos';
import { toIso } from '../time';

/** The receipt as the member document keeps it (instants as Dates, like every stored instant). */
export interface StoredReceipt {
  /** the order's key (`${storeId}:${orderId}`): the phone shows each receipt once */
  receiptId: string;
  usedAt: Date;
  storeName: string;
  payableFen: number;
  discountFen: number;
  coupons: string[];
  pointsEarned: number;
  balance: number;
  tierBefore: TierCode;
  tier: TierCode;
}

/**
 * What a till order that used one of the member's codes did, for the phone showing the card
 * (实付 ¥319.20 · 用券 首单8折 · +319 积分, and an upgrade's moment): made by the order's plan from
 * its result, written with it in the same transaction.
 */
export function receiptOf(order: { key: string; storeName: string; at: Date; tierBefore: TierCode }, result: PosOrderResult): StoredReceipt {
  return {
    receiptId: order.key,
    usedAt: order.at,
    storeName: order.storeName,
    payableFen: result.payableFen,
    discountFen: result.discountFen,
    coupons: result.coupons.map((c) => c.name),
    pointsEarned: result.pointsEarned,
    balance: result.balance,
    tierBefore: order.tierBefore,
    tier: result.tier,
  };
}

export function receiptView(r: StoredReceipt): TillReceipt {
  return { ...r, coupons: [...r.coupons], usedAt: toIso(r.usedAt) };
}
