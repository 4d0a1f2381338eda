import type { Product } from '../../contract/catalog';
import type { TillOrder } from '../till/records';
import { MAX_UNITS_PER_LINE, purchaseItemId, type WardrobeItem } from './item';

/**
 * What the till has sold the member that the wardrobe does not show yet, and what came back: one
 * piece per unit of each line whose SKU the catalogue knows (a line it does not know — a gift
 * card, a bag fee — is no garment), the first `n` units of a SKU returned once `n` came back.
 * Pure: the caller adds the new pieces (keyed by their line, so a parallel sync adds each once)
 * and marks the returned ones.
 */
export function planWardrobeSync(
  memberId: string,
  orders: Array<Pick<TillOrder, '_id' | 'storeId' | 'items' | 'paidAt' | 'returnedItems' | 'amountFen'>>,
  held: ReadonlyMap<string, Pick<WardrobeItem, 'status'>>,
  products: ReadonlyMap<string, Product>,
  now: Date,
): { add: WardrobeItem[]; returned: string[] } {
  const add: WardrobeItem[] = [];
  const returned: string[] = [];
  for (const order of orders) {
    const back = new Map<string, number>();
    for (const r of order.returnedItems ?? []) back.set(r.sku, (back.get(r.sku) ?? 0) + r.qty);
    const seen = new Map<string, number>();
    for (const line of order.items) {
      const product = products.get(line.sku);
      for (let k = 0; k < Math.min(line.qty, MAX_UNITS_PER_LINE); k += 1) {
        // units are numbered per SKU across the order's lines (the refund names SKUs, not lines)
        const unit = (seen.get(line.sku) ?? 0) + 1;
        seen.set(line.sku, unit);
        const id = purchaseItemId(memberId, order._id, line.sku, unit);
        const isBack = unit <= (back.get(line.sku) ?? 0);
        const have = held.get(id);
        if (have) {
          if (isBack && have.status !== 'returned') returned.push(id);
        } else if (product) add.push(boughtPiece(id, memberId, order, line, unit, product, isBack ? 'returned' : 'active', now));
      }
    }
  }
  return { add, returned };
}

function boughtPiece(
  id: string,
  memberId: string,
  order: Pick<TillOrder, '_id' | 'storeId' | 'paidAt'>,
  line: TillOrder['items'][number],
  unit: number,
  p: Product,
  status: WardrobeItem['status'],
  now: Date,
): WardrobeItem {
  return {
    _id: id,
    memberId,
    source: 'purchase',
    status,
    name: p.name,
    category: p.category,
    colours: p.colours.map(({ name, hex }) => ({ name, hex })),
    styles: [...p.styles],
    scenes: [...p.scenes],
    wearSeason: p.wearSeason,
    image: p.image,
    priceFen: line.priceFen,
    size: line.size ?? null,
    purchase: { orderKey: order._id, sku: line.sku, unit, storeId: order.storeId, paidAt: order.paidAt },
    wornDays: [],
    lastWornAt: null,
    addedAt: order.paidAt,
    updatedAt: now,
  };
}
