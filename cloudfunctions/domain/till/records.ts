import type { PosOrderResult, PosRefundResult } from '../../contract/pos';

/** A till order as received: the record that makes a retried delivery answer the same. */
export interface TillOrder {
  /** `${storeId}:${orderId}` */
  _id: string;
  storeId: string;
  orderId: string;
  memberId: string;
  /** what the shopper paid (after coupons): points, spend and refunds are counted on it */
  amountFen: number;
  /** the till's amount before coupons, and what the coupons took off it (absent on orders from before coupons) */
  listedFen?: number;
  discountFen?: number;
  /** the coupons the order used: a refund of the whole order gives them back */
  couponIds?: string[];
  items: Array<{ sku: string; qty: number; priceFen: number; size?: string }>;
  /** the pieces that came back with refunds, per SKU (they left the member's wardrobe) */
  returnedItems?: Array<{ sku: string; qty: number }>;
  /** when the till says the shopper paid */
  paidAt: Date;
  /** when the order counted: paidAt, or its receipt if the till clock ran ahead (points, spend and tier use this) */
  countedAt?: Date;
  /** hash of the request's canonical form: the same orderId with another meaning is a CONFLICT */
  fingerprint: string;
  pointsEarned: number;
  refundedFen: number;
  pointsClawedBack: number;
  result: PosOrderResult;
  receivedAt: Date;
}

export interface TillRefund {
  /** `${storeId}:${refundId}` */
  _id: string;
  orderKey: string;
  memberId: string;
  amountFen: number;
  /** the pieces this refund named as coming back */
  items?: Array<{ sku: string; qty: number }>;
  fingerprint: string;
  result: PosRefundResult;
  receivedAt: Date;
}

/** Orders and refunds are keyed by the till's own id within its store: a retried delivery is the same document. */
export const tillKey = (storeId: string, id: string) => `${storeId}:${id}`;
