import { failure, success } from '../../contract';
import type { Product } from '../../contract/catalog';
import { climateNormsSchema, type Outfit, type OutfitList, type OutfitPlan, type outfitsContract, type WardrobePiece } from '../../contract/outfits';
import type { Scene } from '../../contract/styleWords';
import climateSeed from '../../database/seed/climateNorms.json';
import { findMemberByOpenid, keptForMember } from '../../data/members';
import { findOutfitList, findSavedOutfit, markOutfitListOpened, outfitListsOf, removeSavedOutfit, saveOutfit, savedOutfitId, savedOutfitsOf } from '../../data/outfits';
import { onSaleProducts, productsBySku } from '../../data/products';
import { findStore, storesById } from '../../data/stores';
import { findStyleReport, styleReportsOf } from '../../data/style';
import { type Member, notMember } from '../../domain/member';
import { completeTheLook, planOutfits, type PlanInput } from '../../domain/outfits';
import { inspirationDay } from '../../domain/outfits/inspiration';
import { reportIdOf } from '../../domain/style/records';
import { pieceOfProduct, type Look } from '../../domain/outfits/pieces';
import { outfitKey, SAVED_OUTFITS_QUOTA, type SavedOutfitRecord } from '../../domain/outfits/records';
import { swapPiece } from '../../domain/outfits/swap';
import { temperatureFor } from '../../domain/outfits/weather';
import { shopDateLabel, shopDayKey } from '../../domain/time';
import { isListed, type WardrobeItem } from '../../domain/wardrobe/item';
import { pieceOfItem } from '../../domain/wardrobe/piece';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { syncedWardrobe } from './wardrobe';

/** The climate norms ship with the function: the weather works with no network (public monthly figures). */
const CLIMATE = climateNormsSchema.parse(climateSeed);
const RECENT_DAYS = 7;

type Ctx = { db: Database; now: Date; openid: string };

/** Everything an outfit is planned from: the wardrobe (in it, not put away), the store's products, the report, the day. */
async function outfitFacts(ctx: Ctx, m: Member, scene: Scene | undefined) {
  const [items, products, reports, store] = await Promise.all([syncedWardrobe(ctx, m), onSaleProducts(ctx.db), styleReportsOf(ctx.db, m._id, 1), findStore(ctx.db, m.homeStore.storeId)]);
  const listed = items.filter(isListed);
  const report = reports[0]?.report ?? null;
  // the store does not offer what the member bought already
  const owned = new Set(items.flatMap((i) => (i.purchase ? [i.purchase.sku] : [])));
  const catalogue = products.filter((p) => !owned.has(p._id));
  const weather = temperatureFor(store?.city ?? '', ctx.now, CLIMATE);
  const chosen: Scene = scene ?? report?.scenes[0]?.scene ?? '休闲';
  const day = shopDateLabel(ctx.now);
  const input: PlanInput = {
    wardrobe: listed.map(pieceOfItem),
    catalogue,
    report,
    scene: chosen,
    date: ctx.now,
    temperatureC: weather.temperatureC,
    recentOutfits: recentOutfits(listed, ctx.now),
    seed: `${m._id}:${day}`,
  };
  const city = weather.city ?? store?.city ?? null;
  const weatherNote = `${weather.nationalMean ? '全国' : city} · 今天约 ${Math.round(weather.temperatureC)}°C（按历年同期气候）`;
  return { input, items, products, dayView: { day, city, temperatureC: weather.temperatureC, weatherNote, scene: chosen } };
}

/** What was worn on each of the last days, from the pieces' wear days (keys YYYYMMDD sort as dates). */
function recentOutfits(items: WardrobeItem[], now: Date) {
  const since = shopDayKey(new Date(now.getTime() - RECENT_DAYS * 86_400_000));
  const byDay = new Map<string, string[]>();
  for (const i of items) for (const d of i.wornDays) if (d >= since) byDay.set(d, [...(byDay.get(d) ?? []), i._id]);
  return [...byDay].map(([day, pieceIds]) => ({ day, pieceIds }));
}

/** The plan as the pages show it: each outfit with its key and whether it is saved. */
async function answerOf(ctx: Ctx, m: Member, plan: OutfitPlan, dayView: Awaited<ReturnType<typeof outfitFacts>>['dayView']) {
  const saved = new Set((await savedOutfitsOf(ctx.db, m._id, SAVED_OUTFITS_QUOTA)).map((s) => s.key));
  const view = (o: Outfit) => {
    const key = outfitKey(Object.values(o.slots).map((p) => p!.id));
    return { ...o, key, saved: saved.has(key) };
  };
  return success({ day: dayView, outfits: plan.outfits.map(view), problem: plan.problem });
}

/** Pieces named by the app: wardrobe items (in it) or catalogue products (on sale). Null when one is neither. */
function resolvePieces(ids: readonly string[], items: WardrobeItem[], products: Product[]): WardrobePiece[] | null {
  const mine = new Map(items.filter(isListed).map((i) => [i._id, i]));
  const sold = new Map(products.map((p) => [p._id, p]));
  const pieces: WardrobePiece[] = [];
  for (const id of ids) {
    const item = mine.get(id);
    const product = sold.get(id);
    if (item) pieces.push(pieceOfItem(item));
    else if (product) pieces.push(pieceOfProduct(product));
    else return null;
  }
  return pieces;
}

export const outfitHandlers: Handlers<typeof outfitsContract> = {
  /** 今日穿搭: three outfits for today, the scene and the day's temperature. */
  async todayOutfits(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const f = await outfitFacts(ctx, m, input.scene);
    return answerOf(ctx, m, planOutfits(f.input), f.dayView);
  },

  /** 换一件: the outfit with another piece in one slot, the others kept. */
  async swapPiece(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const f = await outfitFacts(ctx, m, input.scene);
    const pieces = resolvePieces(input.pieceIds, f.items, f.products);
    if (!pieces) return failure('NOT_FOUND', '这套搭配里有一件已不在衣橱或已下架');
    const look: Look = {};
    for (const p of pieces) {
      if (look[p.category]) return failure('INVALID_INPUT', '一套搭配里同一类只能有一件');
      look[p.category] = p;
    }
    if (!look[input.slot]) return failure('INVALID_INPUT', '这套搭配里没有要换的这一件');
    if (!look.shoes) return failure('INVALID_INPUT', '一套搭配要有鞋');
    return answerOf(ctx, m, swapPiece(look, input.slot, f.input), f.dayView);
  },

  /** 搭配这件: outfits around one wardrobe piece or catalogue product, with what the member owns and what the store sells. */
  async completeLook(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    if ((input.id === undefined) === (input.sku === undefined)) return failure('INVALID_INPUT', 'name one piece: id (a wardrobe piece) or sku (a product)');
    const f = await outfitFacts(ctx, m, input.scene);
    const anchor = input.id !== undefined ? resolvePieces([input.id], f.items, []) : resolvePieces([input.sku!], [], f.products);
    if (!anchor) return failure('NOT_FOUND', input.id !== undefined ? '衣橱里没有这件' : '这件商品已下架');
    const plan = completeTheLook(anchor[0]!, { ...f.input, scene: input.scene });
    return answerOf(ctx, m, plan, { ...f.dayView, scene: input.scene ?? f.dayView.scene });
  },

  /** Saves an outfit (the same pieces saved twice are one), at most SAVED_OUTFITS_QUOTA. */
  async saveOutfit(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [items, products] = await Promise.all([syncedWardrobe(ctx, m), productsBySku(ctx.db, input.pieceIds)]);
    const pieces = resolvePieces(input.pieceIds, items, [...products.values()].filter((p) => p.onSale));
    if (!pieces) return failure('NOT_FOUND', '这套搭配里有一件已不在衣橱或已下架');
    const slots = new Set(pieces.map((p) => p.category));
    if (slots.size !== pieces.length || !slots.has('shoes') || !(slots.has('dress') || (slots.has('top') && slots.has('bottom')))) {
      return failure('INVALID_INPUT', '一套搭配要有上装和下装（或连衣裙）和鞋，同一类只能有一件');
    }
    const key = outfitKey(input.pieceIds);
    const id = savedOutfitId(m._id, key);
    // one read of what is saved: the quota, and the outfit itself when it was saved before (its answer is the one held)
    const saved = await savedOutfitsOf(ctx.db, m._id, SAVED_OUTFITS_QUOTA);
    const before = saved.find((s) => s._id === id);
    if (before) return success({ outfit: savedView(before, items, products) });
    if (saved.length >= SAVED_OUTFITS_QUOTA) return failure('LIMIT_REACHED', `最多收藏 ${SAVED_OUTFITS_QUOTA} 套搭配，可以先删掉几套`);
    const record: SavedOutfitRecord = {
      _id: id,
      memberId: m._id,
      key,
      pieces: pieces.map((p) => ({ id: p.id, slot: p.category, name: p.name ?? '', image: p.image, source: p.source })),
      scene: input.scene,
      reason: input.reason ?? '',
      savedAt: ctx.now,
    };
    const made = await saveOutfit(ctx.db, record);
    if (!(await keptForMember(ctx.db, m._id, async () => void (await removeSavedOutfit(ctx.db, m._id, id))))) return notMember();
    // a parallel save of the same pieces made it first: answer with the one held
    const held = made === 'created' ? record : await findSavedOutfit(ctx.db, id);
    return success({ outfit: savedView(held ?? record, items, products) });
  },

  async savedOutfits(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [saved, items] = await Promise.all([savedOutfitsOf(ctx.db, m._id, SAVED_OUTFITS_QUOTA), syncedWardrobe(ctx, m)]);
    const products = await productsBySku(ctx.db, saved.flatMap((s) => s.pieces.filter((p) => p.source === 'catalogue').map((p) => p.id)));
    return success({ outfits: saved.map((s) => savedView(s, items, products)), quota: SAVED_OUTFITS_QUOTA });
  },

  async removeOutfit(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    if (!(await removeSavedOutfit(ctx.db, m._id, input.id))) return failure('NOT_FOUND', '没有这套搭配');
    return success({ removed: true as const });
  },

  /** 3 天穿搭灵感: one outfit a day for the first 3 days after the member's first style report. */
  async inspiration(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    // the first report is attempt 1 (a retake never replaces it)
    const first = await findStyleReport(ctx.db, reportIdOf(m._id, 1));
    const dayNumber = first ? inspirationDay(first.createdAt, ctx.now) : null;
    if (dayNumber === null) return success({ dayNumber: null, outfit: null, day: null });
    const f = await outfitFacts(ctx, m, undefined);
    const plan = planOutfits({ ...f.input, count: 1, seed: `${m._id}:inspiration:${f.dayView.day}` });
    const answer = await answerOf(ctx, m, plan, f.dayView);
    if (!answer.ok) return answer;
    return success({ dayNumber, outfit: answer.value.outfits[0] ?? null, day: f.dayView });
  },

  /** 导购为你搭配: the lists the store's stylists made for the member, newest first. */
  async outfitLists(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const lists = await outfitListsOf(ctx.db, m._id);
    return success({ lists: await listViews(ctx, m, lists) });
  },

  /** Opens one list (marked opened the first time: the stylist's figures count it once). */
  async openOutfitList(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const list = await findOutfitList(ctx.db, input.id);
    if (!list || list.memberId !== m._id) return failure('NOT_FOUND', '没有这份搭配清单');
    if (!list.openedAt) await markOutfitListOpened(ctx.db, m._id, list._id, ctx.now);
    const [view] = await listViews(ctx, m, [{ ...list, openedAt: list.openedAt ?? ctx.now }]);
    return success({ list: view! });
  },
};

/** A saved outfit as the page shows it: each piece, and whether it can still be worn (in the wardrobe, or on sale). */
function savedView(s: SavedOutfitRecord, items: WardrobeItem[], products: ReadonlyMap<string, Product>) {
  const listed = new Set(items.filter(isListed).map((i) => i._id));
  return {
    id: s._id,
    pieces: s.pieces.map((p) => ({ ...p, available: p.source === 'catalogue' ? !!products.get(p.id)?.onSale : listed.has(p.id) })),
    scene: s.scene,
    reason: s.reason,
    savedAt: s.savedAt.toISOString(),
  };
}

async function listViews(ctx: Ctx, m: Member, lists: Awaited<ReturnType<typeof outfitListsOf>>): Promise<OutfitList[]> {
  const [items, products, stores] = await Promise.all([
    lists.some((l) => l.items.some((i) => i.kind === 'wardrobe')) ? syncedWardrobe(ctx, m) : Promise.resolve([] as WardrobeItem[]),
    productsBySku(ctx.db, lists.flatMap((l) => l.items.flatMap((i) => (i.kind === 'product' ? [i.sku] : [])))),
    storesById(ctx.db, [...new Set(lists.map((l) => l.storeId))]),
  ]);
  const mine = new Map(items.map((i) => [i._id, i]));
  return lists.map((l) => ({
    id: l._id,
    title: l.title,
    note: l.note,
    from: [stores.get(l.storeId)?.name, l.staffName].filter(Boolean).join(' · '),
    createdAt: l.createdAt.toISOString(),
    opened: !!l.openedAt,
    items: l.items.flatMap((i): OutfitList['items'] => {
      if (i.kind === 'product') {
        const p = products.get(i.sku);
        return p ? [{ id: p._id, kind: 'product' as const, name: p.name, image: p.image, priceFen: p.priceFen, available: p.onSale && p.sizes.some((s) => s.stock > 0) }] : [];
      }
      const w = mine.get(i.id);
      return w ? [{ id: w._id, kind: 'wardrobe' as const, name: w.name, image: w.image, priceFen: null, available: isListed(w) }] : [];
    }),
  }));
}

