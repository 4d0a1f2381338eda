import type { Outcome } from '../../contract';
import { failure, success } from '../../contract/envelope';
import type { PosRefundInput } from '../../contract/pos';
import type { TillOrder } from './records';

export type Pieces = Array<{ sku: string; qty: number }>;

/** Pieces added up per SKU, in the order first seen. */
function bySku(pieces: Pieces): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of pieces) out.set(p.sku, (out.get(p.sku) ?? 0) + p.qty);
  return out;
}

/**
 * The pieces of an order that have come back after this refund: what earlier refunds brought back
 * plus the pieces this one names (each at most what was bought and not yet returned). A refund
 * that names none and leaves nothing to refund brings back every piece; one that names none and
 * leaves money paid brings back nothing we can name (the pieces stay in the wardrobe).
 */
export function returnedPieces(order: Pick<TillOrder, 'orderId' | 'items' | 'returnedItems'>, input: Pick<PosRefundInput, 'items'>, whole: boolean): Outcome<Pieces> {
  const bought = bySku(order.items);
  const back = bySku(order.returnedItems ?? []);
  if (!input.items?.length) return success(whole ? [...bought].map(([sku, qty]) => ({ sku, qty })) : [...back].map(([sku, qty]) => ({ sku, qty })));
  for (const [sku, qty] of bySku(input.items)) {
    const held = (bought.get(sku) ?? 0) - (back.get(sku) ?? 0);
    if (!bought.has(sku)) return failure('INVALID_INPUT', `items: ${sku} is not on order ${order.orderId}`);
    if (qty > held) return failure('INVALID_INPUT', `items: ${qty} × ${sku} coming back, but only ${held} of order ${order.orderId} have not come back yet`);
    back.set(sku, (back.get(sku) ?? 0) + qty);
  }
  // a refund of everything left brings back every piece, named or not
  const all = whole ? bought : back;
  return success([...all].map(([sku, qty]) => ({ sku, qty })));
}
