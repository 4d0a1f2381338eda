import type { PosOrderInput, PosRefundInput } from '../../contract/pos';

/**
 * The canonical form of a till request, what its fingerprint is taken of: a retried delivery
 * whose body differs only in form (key order, an empty couponIds or none, coupons or lines
 * listed in another order, paidAt in another offset, orderStoreId naming its own store) means
 * the same and answers the first result; another meaning under the same id is a CONFLICT.
 */
export function canonicalOrder(input: PosOrderInput, paidAt: Date) {
  // a size is part of a line only when sent: an order delivered before sizes existed keeps its fingerprint
  const items = input.items.map((i) => JSON.stringify(i.size === undefined ? [i.sku, i.qty, i.priceFen] : [i.sku, i.qty, i.priceFen, i.size])).sort();
  return ['order', input.orderId, input.memberCode, input.amountFen, paidAt.toISOString(), items, [...(input.couponIds ?? [])].sort()];
}

export function canonicalRefund(input: PosRefundInput, storeId: string) {
  const base = ['refund', input.refundId, input.orderStoreId ?? storeId, input.orderId, input.amountFen];
  // the pieces named, when any (none and an empty list mean the same)
  return input.items?.length ? [...base, input.items.map((i) => JSON.stringify([i.sku, i.qty])).sort()] : base;
}
