import { yuanText } from '../../../../cloudfunctions/contract/formats';
import { shopDateTime } from '../../../services/format';
import { type DataSection, type Entry, type MemberExport, points } from './parts';

const storeText = (name: string | null, id: string) => (name ? `${name}（${id}）` : `门店 ${id}`);
/** A shop day as the export names it ("2026-11-25", already Shanghai's calendar) → "2026年11月25日". */
const dayText = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Each order with its basket: pieces, amounts before and after coupons, the coupons, points, refunds. */
export function orderEntries(orders: MemberExport['orders']): Entry[] {
  return orders.map((o) => ({
    key: `order-${o.storeId}-${o.orderId}`,
    title: o.storeName ?? `门店 ${o.storeId}`,
    aside: `实付 ${yuanText(o.paidFen)}`,
    note: `${shopDateTime(o.paidAt)} 付款 · 门店编号 ${o.storeId}`,
    fields: [
      { label: '订单号', value: o.orderId },
      ...o.items.map((item) => ({ label: '商品', value: `${item.name ?? item.sku} × ${item.qty}，单价 ${yuanText(item.priceFen)}` })),
      { label: '券前金额', value: yuanText(o.listedFen) },
      ...o.coupons.map((c) => ({ label: '使用优惠券', value: `${c.name}，减 ${yuanText(c.discountFen)}` })),
      { label: '优惠合计', value: o.discountFen ? yuanText(o.discountFen) : '无' },
      { label: '实付金额', value: yuanText(o.paidFen) },
      { label: '获得积分', value: points(o.pointsEarned) },
      { label: '已退款', value: o.refundedFen ? `${yuanText(o.refundedFen)}（扣回 ${points(o.pointsClawedBack)}）` : '无' },
    ],
  }));
}

/** Each refund at the store that took the goods back; returned coupons by name. */
export function refundEntries(refunds: MemberExport['refunds'], coupons: MemberExport['coupons']): Entry[] {
  const couponName = (id: string) => coupons.find((c) => c.couponId === id)?.name ?? id;
  return refunds.map((r) => ({
    key: `refund-${r.storeId}-${r.refundId}`,
    title: `退款 ${yuanText(r.amountFen)}`,
    aside: shopDateTime(r.at),
    fields: [
      { label: '退货门店', value: storeText(r.storeName, r.storeId) },
      { label: '原订单', value: `${r.orderId}（${r.orderStoreId}）` },
      { label: '退款单号', value: r.refundId },
      { label: '扣回积分', value: points(r.pointsClawedBack) },
      { label: '退回的券', value: r.couponsReturned.length ? r.couponsReturned.map(couponName).join('、') : '无' },
    ],
  }));
}

/** Qualifying spend: the figures the tier rules read, then each day with spend. */
export function spendSection(spend: MemberExport['spend']): DataSection {
  return {
    id: 'spend',
    title: '消费金额',
    fields: [
      { label: '本季度消费', value: yuanText(spend.quarterFen) },
      { label: '近12个月消费', value: yuanText(spend.yearFen) },
      { label: '已成功邀请好友', value: `${spend.settledReferrals.length} 位` },
    ],
    entries: [...spend.days].reverse().map((day) => ({
      key: `day-${day.day}`,
      title: dayText(day.day),
      aside: yuanText(day.fen),
      fields: [],
    })),
    none: '暂无消费',
  };
}
