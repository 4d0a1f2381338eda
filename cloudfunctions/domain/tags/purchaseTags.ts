import { yuanText } from '../../contract/formats';
import { CATEGORY_NAMES } from '../../contract/styleWords';
import { fromPurchases, keptPieces, type TagFacts, type TagRule, topKeys } from './rule';

const DAY = 86_400_000;

/** Counts of what the kept pieces carry (qty counted). */
function countBy(f: TagFacts, keys: (p: NonNullable<ReturnType<typeof keptPieces>[number]['product']>) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const piece of keptPieces(f)) {
    if (!piece.product) continue;
    for (const k of keys(piece.product)) counts.set(k, (counts.get(k) ?? 0) + piece.qty);
  }
  return counts;
}

/** Paid orders kept (not refunded in full). */
const keptOrders = (f: TagFacts) => f.orders.filter((o) => o.refundedFen < o.amountFen);

/** Tags from what the member bought at the till in the last 12 months. */
export const PURCHASE_TAGS: TagRule[] = [
  { code: 'boughtCategories', label: '常买品类', group: 'purchase', derive: (f) => fromPurchases(f, topKeys(countBy(f, (p) => [CATEGORY_NAMES[p.category]]), 3)) },
  { code: 'boughtColours', label: '常买颜色', group: 'purchase', derive: (f) => fromPurchases(f, topKeys(countBy(f, (p) => [p.colours[0]!.name]), 3)) },
  { code: 'boughtStyles', label: '常买风格', group: 'purchase', derive: (f) => fromPurchases(f, topKeys(countBy(f, (p) => p.styles), 2)) },
  {
    code: 'averageTicket',
    label: '客单价',
    group: 'purchase',
    derive: (f) => {
      const orders = keptOrders(f);
      if (!orders.length) return null;
      const paid = orders.reduce((sum, o) => sum + o.amountFen - o.refundedFen, 0);
      return fromPurchases(f, [yuanText(Math.round(paid / orders.length))]);
    },
  },
  {
    code: 'priceSensitivity',
    label: '价格敏感度',
    group: 'purchase',
    // the share of the listed price coupons took off: a member who mostly buys with coupons waits for them
    derive: (f) => {
      const orders = keptOrders(f).filter((o) => o.listedFen !== undefined);
      const listed = orders.reduce((sum, o) => sum + (o.listedFen ?? 0), 0);
      if (!orders.length || listed <= 0) return null;
      const share = orders.reduce((sum, o) => sum + (o.discountFen ?? 0), 0) / listed;
      return fromPurchases(f, [share >= 0.15 ? '高（常用券）' : share >= 0.05 ? '中' : '低（少用券）']);
    },
  },
  { code: 'favouriteStore', label: '常去门店', group: 'purchase', derive: (f) => fromPurchases(f, topKeys(new Map(countStores(f)), 1).map((id) => f.storeNames.get(id) ?? id)) },
  {
    code: 'recency',
    label: '最近购买',
    group: 'purchase',
    derive: (f) => {
      const last = keptOrders(f)[0];
      if (!last) return null;
      const days = Math.floor((f.now.getTime() - last.paidAt.getTime()) / DAY);
      return fromPurchases(f, [days <= 7 ? '7天内' : days <= 30 ? '30天内' : days <= 90 ? '3个月内' : '3个月以上未购买']);
    },
  },
  { code: 'frequency', label: '购买频次', group: 'purchase', derive: (f) => (keptOrders(f).length ? fromPurchases(f, [`近12个月 ${keptOrders(f).length} 单`]) : null) },
];

function countStores(f: TagFacts): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const o of keptOrders(f)) counts.set(o.storeId, (counts.get(o.storeId) ?? 0) + 1);
  return [...counts.entries()];
}
