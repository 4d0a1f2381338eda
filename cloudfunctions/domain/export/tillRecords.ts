import type * as z from 'zod/mini';
import type { exportOrderSchema, exportRefundSchema } from '../../contract/member';
import type { PosOrderResult, PosRefundResult } from '../../contract/pos';
import { toIso } from '../time';

export type ExportedOrder = z.infer<typeof exportOrderSchema>;
export type ExportedRefund = z.infer<typeof exportRefundSchema>;

/** A till order as stored (the data layer's record fits). */
export interface HeldOrder {
  storeId: string;
  orderId: string;
  amountFen: number;
  listedFen?: number;
  discountFen?: number;
  items: Array<{ sku: string; qty: number; priceFen: number }>;
  paidAt: Date;
  pointsEarned: number;
  refundedFen: number;
  pointsClawedBack: number;
  result: Pick<PosOrderResult, 'coupons'>;
}

/** A refund as stored, with the places its keys name. */
export interface HeldRefund {
  storeId: string;
  refundId: string;
  orderStoreId: string;
  orderId: string;
  amountFen: number;
  receivedAt: Date;
  result: Pick<PosRefundResult, 'pointsClawedBack' | 'couponsReturned'>;
}

/** The member's orders with their baskets, newest first. Orders from before coupons were paid at their listed amount. */
export function orderRecords(orders: HeldOrder[], storeNames: ReadonlyMap<string, string>, productNames: ReadonlyMap<string, string> = new Map()): ExportedOrder[] {
  return orders
    .map((o) => ({
      orderId: o.orderId,
      storeId: o.storeId,
      storeName: storeNames.get(o.storeId) ?? null,
      paidAt: toIso(o.paidAt),
      items: o.items.map(({ sku, qty, priceFen }) => ({ sku, name: productNames.get(sku) ?? null, qty, priceFen })),
      listedFen: o.listedFen ?? o.amountFen,
      discountFen: o.discountFen ?? 0,
      paidFen: o.amountFen,
      coupons: (o.result.coupons ?? []).map(({ couponId, name, discountFen }) => ({ couponId, name, discountFen })),
      pointsEarned: o.pointsEarned,
      refundedFen: o.refundedFen,
      pointsClawedBack: o.pointsClawedBack,
    }))
    // ISO instants in one format sort as text
    .sort((a, b) => b.paidAt.localeCompare(a.paidAt));
}

/** The refunds of the member's orders, newest first, each at the store that took the goods back. */
export function refundRecords(refunds: HeldRefund[], storeNames: ReadonlyMap<string, string>): ExportedRefund[] {
  return refunds
    .map((r) => ({
      refundId: r.refundId,
      storeId: r.storeId,
      storeName: storeNames.get(r.storeId) ?? null,
      orderId: r.orderId,
      orderStoreId: r.orderStoreId,
      amountFen: r.amountFen,
      at: toIso(r.receivedAt),
      pointsClawedBack: r.result.pointsClawedBack,
      couponsReturned: [...r.result.couponsReturned],
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}
