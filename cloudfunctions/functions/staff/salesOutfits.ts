import { failure, success } from '../../contract';
import type { Product } from '../../contract/catalog';
import { climateNormsSchema } from '../../contract/outfits';
import type { OutfitProduct, staffSalesContract } from '../../contract/staffSales';
import climateSeed from '../../database/seed/climateNorms.json';
import { findMember, keptForMember } from '../../data/members';
import { addOutfitList, deleteOutfitsOf, findOutfitList } from '../../data/outfits';
import { onSaleProducts, productsBySku } from '../../data/products';
import { recordLook } from '../../data/staffAudit';
import { findStore } from '../../data/stores';
import { styleReportsOf } from '../../data/style';
import { wardrobeOf } from '../../data/wardrobe';
import { isLeaving, type Member } from '../../domain/member';
import { temperatureFor } from '../../domain/outfits';
import { staffLook } from '../../domain/staff/audit';
import { outfitListId, planOutfitList } from '../../domain/staff/outfitList';
import { productsToPick, staffSuggestions } from '../../domain/staff/outfitSuggestions';
import type { Staff } from '../../domain/staff/staff';
import { toIso } from '../../domain/time';
import { isListed } from '../../domain/wardrobe/item';
import type { Database } from '../../platform/cloud';
import type { ActionContext, Handlers } from '../../platform/handler';
import { staffCaller } from './caller';

const CLIMATE = climateNormsSchema.parse(climateSeed);

/** A member of the caller's own store (outfit lists go to the store's members only), or why not. */
async function memberOfStore(db: Database, staff: Staff, memberId: string) {
  const m = await findMember(db, memberId);
  // another store's member is not found either: the answer does not tell which memberIds exist elsewhere
  if (!m || isLeaving(m) || m.homeStore.storeId !== staff.storeId) return failure('NOT_FOUND', '没有找到这位会员，或TA不是本店会员');
  return success<Member>(m);
}

const productLine = (p: Product): OutfitProduct => ({
  sku: p._id,
  name: p.name,
  image: p.image,
  category: p.category,
  priceFen: p.priceFen,
  inStock: p.sizes.some((s) => s.stock > 0),
});

/** The calling staff member and the member of their store they make a list for, or why not. */
async function staffAndMember(ctx: ActionContext, memberId: string) {
  const caller = await staffCaller(ctx);
  if (!caller.ok) return caller;
  const found = await memberOfStore(ctx.db, caller.value, memberId);
  if (!found.ok) return found;
  return success({ staff: caller.value, m: found.value });
}

/** Outfit lists (导购为你搭配) for the store's members. */
export const salesOutfitHandlers: Pick<Handlers<typeof staffSalesContract>, 'productsForOutfit' | 'sendOutfitList'> = {
  /** 为TA搭配: the catalogue (a category, or all), the member's wardrobe and the engine's outfits for them. */
  async productsForOutfit(input, ctx) {
    const found = await staffAndMember(ctx, input.memberId);
    if (!found.ok) return found;
    const { staff, m } = found.value;
    const [products, wardrobe, reports, store] = await Promise.all([onSaleProducts(ctx.db), wardrobeOf(ctx.db, m._id), styleReportsOf(ctx.db, m._id, 1), findStore(ctx.db, staff.storeId)]);
    const weather = temperatureFor(store?.city ?? '', ctx.now, CLIMATE);
    const suggestions = staffSuggestions({ memberId: m._id, wardrobe, catalogue: products, report: reports[0]?.report ?? null, temperatureC: weather.temperatureC, now: ctx.now });
    const bySku = new Map(products.map((p) => [p._id, p]));
    const suggested = [...new Set(suggestions.flatMap((s) => s.skus))].flatMap((sku) => (bySku.has(sku) ? [bySku.get(sku)!] : []));
    await recordLook(ctx.db, staffLook(staff, m._id, 'outfitList', '为会员搭配', ctx.now, `products:${input.category ?? 'all'}`));
    return success({
      member: { memberId: m._id, nickname: m.nickname, tier: m.tier },
      products: productsToPick(products, input.category).map(productLine),
      wardrobe: wardrobe.filter(isListed).map((w) => ({ id: w._id, name: w.name, image: w.image, category: w.category })),
      suggestions,
      suggested: suggested.map(productLine),
    });
  },

  /** Sends an outfit list (导购为你搭配) to a member of the store: once per request id. */
  async sendOutfitList(input, ctx) {
    const found = await staffAndMember(ctx, input.memberId);
    if (!found.ok) return found;
    const { staff, m } = found.value;
    const held = await findOutfitList(ctx.db, outfitListId(m._id, input.requestId));
    if (held) return success({ listId: held._id, sentAt: toIso(held.createdAt), created: false });
    const [products, wardrobe] = await Promise.all([productsBySku(ctx.db, input.items), input.wardrobe?.length ? wardrobeOf(ctx.db, m._id) : Promise.resolve([])]);
    const plan = planOutfitList(staff, input, products, wardrobe, ctx.now);
    if (!plan.ok) return plan;
    await recordLook(ctx.db, staffLook(staff, m._id, 'outfitList', `发送搭配清单「${input.title}」`, ctx.now, input.requestId));
    const made = await addOutfitList(ctx.db, plan.value);
    // a member who began leaving meanwhile takes the list with them (their erase may have run already)
    if (!(await keptForMember(ctx.db, m._id, () => deleteOutfitsOf(ctx.db, m._id)))) return failure('NOT_FOUND', '没有找到这位会员');
    // a parallel send of this request made it first: answer with the one held
    const list = made === 'created' ? plan.value : ((await findOutfitList(ctx.db, plan.value._id)) ?? plan.value);
    return success({ listId: list._id, sentAt: toIso(list.createdAt), created: made === 'created' });
  },
};
