import { failure, success } from '../../contract';
import { climateNormsSchema } from '../../contract/outfits';
import type { Product } from '../../contract/catalog';
import type { OutfitProduct, staffSalesContract } from '../../contract/staffSales';
import climateSeed from '../../database/seed/climateNorms.json';
import { couponsOfMember, findCoupon } from '../../data/coupons';
import { findMember, keptForMember } from '../../data/members';
import { addOutfitList, deleteOutfitsOf, findOutfitList } from '../../data/outfits';
import { onSaleProducts, productsBySku } from '../../data/products';
import { recordLook } from '../../data/staffAudit';
import { useCouponAtCounter } from '../../data/staffSales';
import { findStore } from '../../data/stores';
import { styleReportsOf } from '../../data/style';
import { wardrobeOf } from '../../data/wardrobe';
import { temperatureFor } from '../../domain/outfits';
import { isLeaving, type Member } from '../../domain/member';
import { staffLook } from '../../domain/staff/audit';
import { counterLine, counterOrderKey, counterUse, usableAtCounter, usedByThisOrder } from '../../domain/staff/counterCoupons';
import { CLERK_JOIN_PAGE, clerkScene, type StaffWithCode } from '../../domain/staff/joinCode';
import { outfitListId, planOutfitList } from '../../domain/staff/outfitList';
import { productsToPick, staffSuggestions } from '../../domain/staff/outfitSuggestions';
import type { Staff } from '../../domain/staff/staff';
import { tierOf } from '../../domain/tiers';
import { toIso } from '../../domain/time';
import { isListed } from '../../domain/wardrobe/item';
import { openapi, type Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { atCounter } from './atCounter';
import { staffCaller } from './caller';
import { joinCodeOf } from './joinCode';

const CLIMATE = climateNormsSchema.parse(climateSeed);

/** A member of the caller's own store (outfit lists go to the store's members only), or why not. */
async function memberOfStore(db: Database, staff: Staff, memberId: string) {
  const m = await findMember(db, memberId);
  if (!m || isLeaving(m)) return failure('NOT_FOUND', '没有找到这位会员');
  if (m.homeStore.storeId !== staff.storeId) return failure('FORBIDDEN', '只能为本店会员搭配');
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

export const staffSalesHandlers: Handlers<typeof staffSalesContract> = {
  /** 我的拉新码: the caller's own join code, its scene and the mini program code WeChat draws for it. */
  async joinCode(_input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const staff = caller.value as StaffWithCode;
    const [code, store] = await Promise.all([joinCodeOf(ctx.db, staff), findStore(ctx.db, staff.storeId)]);
    if (!store) return failure('NOT_FOUND', '门店不存在');
    const scene = clerkScene(store._id, code);
    const res = (await openapi().wxacode.getUnlimited({ scene, page: CLERK_JOIN_PAGE, checkPath: false, width: 430 })) as { buffer: Buffer | Uint8Array };
    return success({ scene, path: CLERK_JOIN_PAGE, image: Buffer.from(res.buffer).toString('base64'), storeName: store.name, clerkName: staff.name });
  },

  /** The member at the counter (their live code) and their coupons usable now; the look is audited. */
  async counterCoupons(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const found = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
    if (!found.ok) return found;
    const { staff, member, codeExpiresAt } = found.value;
    const usable = usableAtCounter(await couponsOfMember(ctx.db, member._id), member, ctx.now);
    await recordLook(ctx.db, staffLook(staff, member._id, 'coupons', '柜台查券（会员出示会员码）', ctx.now, input.code));
    return success({
      member: { memberId: member._id, nickname: member.nickname, tierName: tierOf(member.tier).name },
      coupons: usable.map((c) => ({ couponId: c._id, name: c.name, ...counterLine(c), validUntil: toIso(c.validUntil) })),
      codeExpiresAt: toIso(codeExpiresAt),
    });
  },

  /**
   * Uses one of the member's coupons at the counter against the store's order number: once, by a
   * conditional update the till's order transaction conflicts with; a retry of the same store and
   * order number answers the same.
   */
  async useCouponAtCounter(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const found = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
    if (!found.ok) return found;
    const { staff, member } = found.value;
    await recordLook(ctx.db, staffLook(staff, member._id, 'counterCheck', `柜台用券（单号 ${input.orderNo}）`, ctx.now, `${input.couponId}:${input.orderNo}`));
    const coupon = await findCoupon(ctx.db, input.couponId);
    const answer = (c: NonNullable<typeof coupon>) => success({ couponId: c._id, name: c.name, orderNo: input.orderNo, usedAt: toIso(c.usedAt ?? ctx.now) });
    if (usedByThisOrder(coupon, member._id, staff.storeId, input.orderNo)) return answer(coupon!);
    const check = counterUse(coupon, member, ctx.now);
    if (!check.ok) return failure(check.code, check.message);
    if (await useCouponAtCounter(ctx.db, { couponId: coupon!._id, memberId: member._id, storeId: staff.storeId, orderKey: counterOrderKey(staff.storeId, input.orderNo), now: ctx.now })) {
      return answer({ ...coupon!, usedAt: ctx.now });
    }
    // the till (or another clerk) got there first, or a parallel retry of this very use: say what it is now
    const now = await findCoupon(ctx.db, input.couponId);
    if (usedByThisOrder(now, member._id, staff.storeId, input.orderNo)) return answer(now!);
    const after = counterUse(now, member, ctx.now);
    return failure(after.ok ? 'CONFLICT' : after.code, after.ok ? '请重试' : after.message);
  },

  /** 为TA搭配: the catalogue (a category, or all), the member's wardrobe and the engine's outfits for them. */
  async productsForOutfit(input, ctx) {
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const staff = caller.value;
    const found = await memberOfStore(ctx.db, staff, input.memberId);
    if (!found.ok) return found;
    const m = found.value;
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
    const caller = await staffCaller(ctx);
    if (!caller.ok) return caller;
    const staff = caller.value;
    const found = await memberOfStore(ctx.db, staff, input.memberId);
    if (!found.ok) return found;
    const m = found.value;
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
