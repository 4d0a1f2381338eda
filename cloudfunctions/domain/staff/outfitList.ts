import type { Outcome } from '../../contract';
import type { Product } from '../../contract/catalog';
import { failure, success } from '../../contract/envelope';
import type { OutfitListRecord } from '../outfits/records';
import { isListed, type WardrobeItem } from '../wardrobe/item';
import type { Staff } from './staff';

/** A list's id: the member and the send's request id (a retried send finds the list it made; the member sees this id, so it names no staff openid). */
export const outfitListId = (memberId: string, requestId: string) => `staff:${memberId}:${requestId}`;

export interface OutfitListAsk {
  memberId: string;
  title: string;
  note: string;
  items: readonly string[];
  wardrobe?: readonly string[];
  requestId: string;
}

/**
 * 导购为你搭配: the list a staff member sends a member of their store, or why not. Products must be
 * on sale, wardrobe pieces the member's own (still in the wardrobe), nothing named twice. The
 * member side (style.outfitLists) shows it with the store and the staff member's name.
 */
export function planOutfitList(staff: Staff, ask: OutfitListAsk, products: ReadonlyMap<string, Product>, wardrobe: readonly WardrobeItem[], now: Date): Outcome<OutfitListRecord> {
  const pieces = ask.wardrobe ?? [];
  if (new Set(ask.items).size !== ask.items.length || new Set(pieces).size !== pieces.length) return failure('INVALID_INPUT', '同一件选了两次');
  const offSale = ask.items.find((sku) => !products.get(sku)?.onSale);
  if (offSale) return failure('NOT_FOUND', `商品 ${offSale} 已下架或不存在`);
  const mine = new Map(wardrobe.filter((w) => w.memberId === ask.memberId && isListed(w)).map((w) => [w._id, w]));
  if (pieces.some((id) => !mine.has(id))) return failure('NOT_FOUND', '会员衣橱里没有这件');
  return success({
    _id: outfitListId(ask.memberId, ask.requestId),
    memberId: ask.memberId,
    storeId: staff.storeId,
    staffName: staff.name,
    title: ask.title,
    note: ask.note,
    items: [...ask.items.map((sku) => ({ kind: 'product' as const, sku })), ...pieces.map((id) => ({ kind: 'wardrobe' as const, id }))],
    createdAt: now,
    openedAt: null,
  });
}
