import { type Outcome, success } from '../../contract';
import { couponContract } from '../../contract/coupon';
import { activeTemplates, bucketsLeft, couponsOfMember, findTemplate, giveBackStock, removeCoupon } from '../../data/coupons';
import { findMemberByOpenid, keptForMember } from '../../data/members';
import { findCredits } from '../../data/subscriptions';
import { audienceProblem, claimPeriodProblem } from '../../domain/coupons/audience';
import { birthdayWindowAt } from '../../domain/coupons/birthday';
import { BIRTHDAY_TEMPLATES } from '../../domain/coupons/events';
import { templateValidityText } from '../../domain/coupons/validity';
import { couponView, inWallet, templateFace } from '../../domain/coupons/view';
import { type Member, notMember } from '../../domain/member';
import { takenByRefund } from '../../domain/coupons/tierGifts';
import { bucketIds, unitsLeft } from '../../domain/coupons/stockBuckets';
import type { Coupon, CouponTemplate } from '../../domain/coupons/template';
import type { Database } from '../../platform/cloud';
import { toIso } from '../../domain/time';
import type { Handlers } from '../../platform/handler';
import { birthdayCouponOf, claimBirthdayGift } from './birthday';
import { claimCoupon, holderFacts } from './claim';
import { findFormerUse } from '../../data/formerUse';

/**
 * A coupon issued outside the member's transaction stays only if they still belong to the
 * programme: one who began leaving meanwhile does not keep it (their erase may have run already).
 */
async function keptIfStillMember(db: Database, m: Member, claimed: Outcome<Coupon>, stock: CouponTemplate | null = null): Promise<Outcome<Coupon>> {
  if (!claimed.ok) return claimed;
  const c = claimed.value;
  const kept = await keptForMember(db, m._id, async () => {
    await removeCoupon(db, c._id);
    // a campaign's unit goes back to the stock for someone else
    if (c.channel === 'claim' && stock?.stock != null) await giveBackStock(db, bucketIds(stock), c._id);
  });
  return kept ? claimed : notMember();
}

export const couponHandlers: Handlers<typeof couponContract> = {
  /** The wallet: one tab's coupons (usable first by what ends soonest; used and expired newest first) and every tab's count. */
  async list(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const ordered = !!m.firstOrderAt;
    const [held, reminders] = await Promise.all([couponsOfMember(ctx.db, m._id), findCredits(ctx.db, m._id)]);
    const views = held.filter(inWallet).map((c) => couponView(c, ordered, ctx.now, m));
    const counts = { available: 0, used: 0, expired: 0 };
    for (const v of views) counts[v.status] += 1;
    const tab = views.filter((v) => v.status === input.status);
    if (input.status === 'available') tab.sort((a, b) => a.validUntil.localeCompare(b.validUntil));
    else if (input.status === 'used') tab.sort((a, b) => (b.usedAt ?? '').localeCompare(a.usedAt ?? ''));
    else tab.sort((a, b) => b.validUntil.localeCompare(a.validUntil));
    return success({ coupons: tab, counts, reminders });
  },

  /** 领券中心: the campaigns this member may hold, with what is left and their own limit. */
  async center(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const facts = holderFacts(m);
    const offered = (await activeTemplates(ctx.db, 'claim')).filter((t) => !audienceProblem(t, facts) && !claimPeriodProblem(t, ctx.now));
    const [stock, held, former] = await Promise.all([
      bucketsLeft(ctx.db, offered.filter((t) => t.stock !== null).flatMap(bucketIds)),
      couponsOfMember(ctx.db, m._id),
      findFormerUse(ctx.db, m.openid),
    ]);
    // a claim that crashed while `issuing` is not held: the centre offers it again, and that claim finishes it;
    // claims of an earlier membership of this shopper count
    const claimedOf = (templateId: string) =>
      held.filter((c) => c.templateId === templateId && c.channel === 'claim' && inWallet(c)).length + (former.claims[templateId] ?? 0);
    return success({
      templates: offered.map((t) => {
        const left = t.stock === null ? null : unitsLeft(bucketIds(t), stock);
        const claimed = claimedOf(t._id);
        const state = t.perMember !== null && claimed >= t.perMember ? 'claimed' : left === 0 ? 'outOfStock' : 'claimable';
        return {
          ...templateFace(t),
          state,
          stock: { total: t.stock, remaining: left },
          limit: { perMember: t.perMember, claimed },
          validityText: templateValidityText(t.validity),
          claimUntil: t.claimUntil ? toIso(t.claimUntil) : null,
        } as const;
      }),
    });
  },

  async claim(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [template, former] = await Promise.all([findTemplate(ctx.db, input.templateId), findFormerUse(ctx.db, m.openid)]);
    const claimed = await keptIfStillMember(ctx.db, m, await claimCoupon(ctx.db, m, template, former, ctx.now), template);
    return claimed.ok ? success({ coupon: couponView(claimed.value, !!m.firstOrderAt, ctx.now, m) }) : claimed;
  },

  /** The birthday gift as the card's banner shows it: whether the window is open and whether it was claimed. */
  async birthday(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    if (!m.birthday) return success({ state: 'noBirthday', birthday: null, window: null, gift: null, coupon: null });
    const window = birthdayWindowAt(m.birthday, ctx.now);
    if (!window) return success({ state: 'outside', birthday: m.birthday, window: null, gift: null, coupon: null });
    const [template, held, former] = await Promise.all([
      findTemplate(ctx.db, BIRTHDAY_TEMPLATES[m.tier]),
      birthdayCouponOf(ctx.db, m, window),
      findFormerUse(ctx.db, m.openid),
    ]);
    // a gift a refund took does not count as this year's: the gift of the tier held now may be claimed
    const claimed = held && inWallet(held) && !takenByRefund(held, m) ? held : null;
    // this year's gift taken in an earlier membership of this shopper counts as claimed
    return success({
      state: claimed || former.birthdayYears.includes(window.year) ? 'claimed' : template?.active ? 'claimable' : 'outside',
      birthday: m.birthday,
      window: { birthdayOn: window.birthdayOn, opensAt: toIso(window.opensAt), closesAt: toIso(window.closesAt) },
      gift: template?.active ? templateFace(template) : null,
      coupon: claimed ? couponView(claimed, !!m.firstOrderAt, ctx.now, m) : null,
    });
  },

  async claimBirthday(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const claimed = await keptIfStillMember(ctx.db, m, await claimBirthdayGift(ctx.db, m, ctx.now));
    return claimed.ok ? success({ coupon: couponView(claimed.value, !!m.firstOrderAt, ctx.now, m) }) : claimed;
  },
};
