import { failure, success } from '../../contract';
import type { wardrobeContract } from '../../contract/wardrobe';
import { findMemberByOpenid, keptForMember } from '../../data/members';
import { ordersOfMember } from '../../data/orders';
import { productsBySku } from '../../data/products';
import { storesById } from '../../data/stores';
import { addWardrobeItems, deleteWardrobeOf, findWardrobeItem, markReturned, ownItemCount, removeOwnItem, updateWardrobeItem, wardrobeOf, wearOnDay } from '../../data/wardrobe';
import { type Member, notMember } from '../../domain/member';
import { shopDayKey } from '../../domain/time';
import { isListed, MAX_UNITS_PER_LINE, OWN_ITEMS_QUOTA, purchaseItemId, type WardrobeItem } from '../../domain/wardrobe/item';
import { planWardrobeSync } from '../../domain/wardrobe/sync';
import { wardrobeItemView } from '../../domain/wardrobe/view';
import { forgottenPieces } from '../../domain/outfits/wear';
import { pieceOfItem } from '../../domain/wardrobe/piece';
import { randomCode } from '../../platform/random';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';

type Ctx = { db: Database; now: Date };

/**
 * The member's wardrobe, brought up to date with the till first: what they bought arrives, what
 * came back is marked returned (keyed by the order line: a parallel read adds each piece once).
 */
export async function syncedWardrobe(ctx: Ctx, m: Member): Promise<WardrobeItem[]> {
  const [orders, held] = await Promise.all([ordersOfMember(ctx.db, m._id), wardrobeOf(ctx.db, m._id)]);
  const heldById = new Map(held.map((i) => [i._id, i]));
  // the catalogue is read only for lines not in the wardrobe yet (usually none)
  const missing = orders.flatMap((o) => o.items.filter((line) => unitsOf(o, line).some((unit) => !heldById.has(purchaseItemId(m._id, o._id, line.sku, unit)))).map((line) => line.sku));
  const products = missing.length ? await productsBySku(ctx.db, missing) : new Map();
  const plan = planWardrobeSync(m._id, orders, heldById, products, ctx.now);
  if (plan.add.length === 0 && plan.returned.length === 0) return held;
  await addWardrobeItems(ctx.db, plan.add);
  await markReturned(ctx.db, m._id, plan.returned, ctx.now);
  // pieces added while the member began leaving go with them (their erase may have run already)
  if (plan.add.length && !(await keptForMember(ctx.db, m._id, () => deleteWardrobeOf(ctx.db, m._id)))) return [];
  return wardrobeOf(ctx.db, m._id);
}

/** The wardrobe units a line makes (numbered per SKU across the order's lines, as the sync numbers them). */
function unitsOf(order: { items: Array<{ sku: string; qty: number }> }, line: { sku: string; qty: number }): number[] {
  let before = 0;
  for (const l of order.items) {
    if (l === line) break;
    if (l.sku === line.sku) before += Math.min(l.qty, MAX_UNITS_PER_LINE);
  }
  return Array.from({ length: Math.min(line.qty, MAX_UNITS_PER_LINE) }, (_, k) => before + k + 1);
}

async function viewsOf(ctx: Ctx, items: WardrobeItem[]) {
  const stores = await storesById(ctx.db, [...new Set(items.flatMap((i) => (i.purchase ? [i.purchase.storeId] : [])))]);
  const names = new Map([...stores].map(([id, s]) => [id, s.name]));
  return (i: WardrobeItem) => wardrobeItemView(i, ctx.now, names);
}

/** 被遗忘的宝贝 among the pieces in the wardrobe, longest forgotten first. */
function forgottenOf(items: WardrobeItem[], now: Date): WardrobeItem[] {
  const listed = new Map(items.filter(isListed).map((i) => [i._id, i]));
  return forgottenPieces([...listed.values()].map(pieceOfItem), now).map((f) => listed.get(f.piece.id)!);
}

async function memberOr(ctx: Ctx & { openid: string }) {
  return findMemberByOpenid(ctx.db, ctx.openid);
}

/** One piece of the caller's, viewed; NOT_FOUND for another member's or a missing one. */
async function ownPiece(ctx: Ctx, m: Member, id: string) {
  const item = await findWardrobeItem(ctx.db, id);
  if (!item || item.memberId !== m._id || item.status === 'returned') return null;
  return item;
}

export const wardrobeHandlers: Handlers<typeof wardrobeContract> = {
  /** 我的衣橱: the pieces in it (or those put away), filtered by category, colour and season, and the forgotten ones. */
  async wardrobe(input, ctx) {
    const m = await memberOr(ctx);
    if (!m) return notMember();
    const all = await syncedWardrobe(ctx, m);
    const view = await viewsOf(ctx, all);
    const shown = all.filter((i) => (input.archived ? i.status === 'archived' : isListed(i)));
    const matching = shown.filter(
      (i) => (!input.category || i.category === input.category) && (!input.wearSeason || i.wearSeason === input.wearSeason || i.wearSeason === '四季') && (!input.colour || i.colours.some((c) => c.name === input.colour)),
    );
    // newest first: what just arrived from the till is on top
    matching.sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime() || (a._id < b._id ? -1 : 1));
    return success({
      items: matching.map(view),
      counts: { active: all.filter(isListed).length, archived: all.filter((i) => i.status === 'archived').length, own: all.filter((i) => i.source === 'own').length, ownQuota: OWN_ITEMS_QUOTA },
      forgotten: forgottenOf(all, ctx.now).slice(0, 6).map(view),
    });
  },

  async wardrobeItem(input, ctx) {
    const m = await memberOr(ctx);
    if (!m) return notMember();
    const item = await ownPiece(ctx, m, input.id);
    if (!item) return failure('NOT_FOUND', '衣橱里没有这件');
    return success({ item: (await viewsOf(ctx, [item]))(item) });
  },

  /** A piece added by hand, with its photo; at most OWN_ITEMS_QUOTA of them. */
  async addItem(input, ctx) {
    const m = await memberOr(ctx);
    if (!m) return notMember();
    if (input.requestId) {
      // a retry of an add that went through answers with the piece it made
      const made = await findWardrobeItem(ctx.db, `o:${m._id}:${input.requestId}`);
      if (made) return success({ item: (await viewsOf(ctx, [made]))(made) });
    }
    if ((await ownItemCount(ctx.db, m._id)) >= OWN_ITEMS_QUOTA) return failure('LIMIT_REACHED', `衣橱最多添加 ${OWN_ITEMS_QUOTA} 件，可以先删掉不穿的`);
    const item: WardrobeItem = {
      // a retried add (the same requestId) is the same piece
      _id: `o:${m._id}:${input.requestId ?? randomCode(12)}`,
      memberId: m._id,
      source: 'own',
      status: 'active',
      name: input.name,
      category: input.category,
      colours: input.colours,
      styles: input.styles,
      scenes: input.scenes,
      wearSeason: input.wearSeason,
      image: input.image,
      priceFen: null,
      size: input.size ?? null,
      purchase: null,
      wornDays: [],
      lastWornAt: null,
      addedAt: ctx.now,
      updatedAt: ctx.now,
    };
    await addWardrobeItems(ctx.db, [item]);
    if (!(await keptForMember(ctx.db, m._id, async () => void (await removeOwnItem(ctx.db, m._id, item._id))))) return notMember();
    return success({ item: (await viewsOf(ctx, [item]))(item) });
  },

  /** Corrects what a piece is; a bought piece keeps its purchase (price, store, date). */
  async editItem(input, ctx) {
    const m = await memberOr(ctx);
    if (!m) return notMember();
    const { id, ...changes } = input;
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<WardrobeItem>;
    if (!(await ownPiece(ctx, m, id))) return failure('NOT_FOUND', '衣橱里没有这件');
    const item = (await updateWardrobeItem(ctx.db, m._id, id, { ...given, updatedAt: ctx.now })) ? await findWardrobeItem(ctx.db, id) : null;
    if (!item) return failure('NOT_FOUND', '衣橱里没有这件');
    return success({ item: (await viewsOf(ctx, [item]))(item) });
  },

  /** 收起 / 放回衣橱: an archived piece leaves the lists and the outfits, and can come back. */
  async archiveItem(input, ctx) {
    const m = await memberOr(ctx);
    if (!m) return notMember();
    if (!(await ownPiece(ctx, m, input.id))) return failure('NOT_FOUND', '衣橱里没有这件');
    const moved = await updateWardrobeItem(ctx.db, m._id, input.id, { status: input.archived ? 'archived' : 'active', updatedAt: ctx.now });
    const item = moved ? await findWardrobeItem(ctx.db, input.id) : null;
    if (!item) return failure('NOT_FOUND', '衣橱里没有这件');
    return success({ item: (await viewsOf(ctx, [item]))(item) });
  },

  /** Removes a piece the member added; a bought piece can only be put away (the till's record of it stays true). */
  async removeItem(input, ctx) {
    const m = await memberOr(ctx);
    if (!m) return notMember();
    const item = await ownPiece(ctx, m, input.id);
    if (!item) return failure('NOT_FOUND', '衣橱里没有这件');
    if (item.source !== 'own') return failure('NOT_CLAIMABLE', '门店买的衣服不能删除，可以收起');
    await removeOwnItem(ctx.db, m._id, input.id);
    return success({ removed: true as const });
  },

  /** 今天穿了 on one piece or an outfit's pieces: each counts the day once, however often it is tapped. */
  async wear(input, ctx) {
    const m = await memberOr(ctx);
    if (!m) return notMember();
    const day = shopDayKey(ctx.now);
    const items = await Promise.all(input.ids.map((id) => ownPiece(ctx, m, id)));
    if (items.some((i) => !i || i.status !== 'active')) return failure('NOT_FOUND', '衣橱里没有这件');
    for (const id of input.ids) await wearOnDay(ctx.db, m._id, id, day, ctx.now);
    const after = (await Promise.all(input.ids.map((id) => findWardrobeItem(ctx.db, id)))).filter((i): i is WardrobeItem => !!i);
    const view = await viewsOf(ctx, after);
    return success({ items: after.map(view), day });
  },
};
