import type { Coupon, CouponStock, CouponTemplate } from '../../cloudfunctions/domain/coupons/template';
import { couponFrom } from '../../cloudfunctions/domain/coupons/issue';
import { stockHolder } from '../../cloudfunctions/data/coupons';
import { createHarness, START, type Harness } from '../support/harness';
import { buy } from '../support/pos';

const NEW_ARRIVAL = 'new-arrival-trial';

/** The 新品试穿券 and 冬装满减券 entries of the claim centre, as a member who holds none of them sees them. */
const newArrivalEntry = {
  templateId: NEW_ARRIVAL,
  name: '新品试穿券',
  kind: 'amountOff',
  value: '¥50',
  rule: '满¥199可用',
  notes: [],
  state: 'claimable',
  stock: { total: 100, remaining: 100 },
  limit: { perMember: 1, claimed: 0 },
  validityText: '领取后14天内有效',
  claimUntil: null,
};
const winterEntry = {
  templateId: 'winter-300-50',
  name: '冬装满减券',
  kind: 'amountOff',
  value: '¥50',
  rule: '满¥300可用',
  notes: [],
  state: 'claimable',
  stock: { total: null, remaining: null },
  limit: { perMember: 2, claimed: 0 },
  validityText: '领取后15天内有效',
  claimUntil: null,
};
const growerEntry = {
  templateId: 'grower-90',
  name: '成长者专享9折券',
  kind: 'percent',
  value: '9折',
  rule: '全场通用，无门槛',
  notes: ['最多优惠¥200'],
  state: 'claimable',
  stock: { total: 500, remaining: 500 },
  limit: { perMember: 1, claimed: 0 },
  validityText: '领取后30天内有效',
  claimUntil: null,
};

function stockOf(h: Harness, templateId: string): CouponStock {
  return h.cloud.db.find('couponStock', { _id: templateId })[0] as unknown as CouponStock;
}
function templateOf(h: Harness, templateId: string): CouponTemplate {
  return h.cloud.db.find('couponTemplates', { _id: templateId })[0] as unknown as CouponTemplate;
}
function couponsOf(h: Harness, memberId: string): Coupon[] {
  return h.cloud.db.find('coupons', { memberId }, { order: { _id: 1 } }) as unknown as Coupon[];
}
/** Leaves `remaining` units of a template's stock, as if the others had been claimed. */
async function leaveStock(h: Harness, templateId: string, remaining: number) {
  const s = stockOf(h, templateId);
  await h.cloud.db.apply([{ c: 'couponStock', id: templateId, doc: { ...s, remaining } }]);
}

describe('the claim centre (coupon.center, coupon.claim)', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('claimer');
  });

  const center = (openid = 'claimer') => h.call('coupon', openid, { action: 'center' });
  const claim = (templateId: string, openid = 'claimer') => h.call('coupon', openid, { action: 'claim', templateId });

  describe('what the centre lists', () => {
    it('shows an Explorer the claim campaigns they may hold, in the brand’s order, with stock, their limit and state; not the Grower one', async () => {
      expect(await center()).toEqual({ ok: true, data: { templates: [newArrivalEntry, winterEntry] } });
    });

    it('shows a Grower the 成长者专享9折券 as well', async () => {
      expect((await buy(h, 'claimer', 100_000)).result).toMatchObject({ tier: 'grower' });
      expect(await center()).toEqual({ ok: true, data: { templates: [newArrivalEntry, winterEntry, growerEntry] } });
    });

    it('lists no event, birthday or points-reward templates', async () => {
      const answer = await center();
      const ids = answer.ok ? answer.data.templates.map((t: { templateId: string }) => t.templateId) : [];
      for (const other of ['welcome-80', 'marketing-opt-in-5', 'second-item-half', 'birthday-explorer', 'win-back-30', 'reward-20']) expect(ids).not.toContain(other);
    });

    it('leaves out a template the brand switched off', async () => {
      await h.cloud.db.apply([{ c: 'couponTemplates', id: 'winter-300-50', doc: { ...templateOf(h, 'winter-300-50'), active: false } }]);
      expect(await center()).toEqual({ ok: true, data: { templates: [newArrivalEntry] } });
      expect(await claim('winter-300-50')).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE' } });
    });
  });

  describe('claiming', () => {
    it('issues the coupon, answers it as the wallet shows it, and takes one unit of stock', async () => {
      const answer = await claim(NEW_ARRIVAL);
      expect(answer).toEqual({
        ok: true,
        data: {
          coupon: {
            templateId: NEW_ARRIVAL,
            name: '新品试穿券',
            kind: 'amountOff',
            value: '¥50',
            rule: '满¥199可用',
            notes: [],
            couponId: `${NEW_ARRIVAL}:${memberId}:1`,
            status: 'available',
            channel: 'claim',
            issuedAt: START,
            validFrom: START,
            // 14 days on, through the end of that day in Shanghai
            validUntil: '2026-12-09T16:00:00.000Z',
            validityText: '2026-12-09 23:59 前有效',
            expiringSoon: false,
            usedAt: null,
            endedReason: null,
          },
        },
      });
      const wallet = await h.call('coupon', 'claimer', { action: 'list', status: 'available' });
      expect(wallet.ok && wallet.data.coupons.map((c: { couponId: string }) => c.couponId)).toEqual([`${NEW_ARRIVAL}:${memberId}:1`, `welcome-80:${memberId}:once`]);
      expect(wallet.ok && wallet.data.coupons[0]).toEqual(answer.ok && answer.data.coupon);
      expect(wallet).toMatchObject({ ok: true, data: { counts: { available: 2, used: 0, expired: 0 } } });
      expect(stockOf(h, NEW_ARRIVAL)).toEqual({ _id: NEW_ARRIVAL, total: 100, remaining: 99, holders: [stockHolder(`${NEW_ARRIVAL}:${memberId}:1`)] });
      expect(await center()).toEqual({
        ok: true,
        data: { templates: [{ ...newArrivalEntry, state: 'claimed', stock: { total: 100, remaining: 99 }, limit: { perMember: 1, claimed: 1 } }, winterEntry] },
      });
    });

    it('refuses a second claim of a 1-per-member template with LIMIT_REACHED and takes no more stock', async () => {
      expect(await claim(NEW_ARRIVAL)).toMatchObject({ ok: true });
      expect(await claim(NEW_ARRIVAL)).toEqual({ ok: false, error: { code: 'LIMIT_REACHED', message: '每人限领1张，你已领取' } });
      expect(couponsOf(h, memberId).filter((c) => c.templateId === NEW_ARRIVAL)).toHaveLength(1);
      expect(stockOf(h, NEW_ARRIVAL).remaining).toBe(99);
    });

    it('lets a member claim a 2-per-member template twice, then LIMIT_REACHED', async () => {
      expect(await claim('winter-300-50')).toMatchObject({ ok: true, data: { coupon: { couponId: `winter-300-50:${memberId}:1` } } });
      expect(await claim('winter-300-50')).toMatchObject({ ok: true, data: { coupon: { couponId: `winter-300-50:${memberId}:2` } } });
      expect(await claim('winter-300-50')).toEqual({ ok: false, error: { code: 'LIMIT_REACHED', message: '每人限领2张，你已领满' } });
      expect(await center()).toMatchObject({ ok: true, data: { templates: [newArrivalEntry, { ...winterEntry, state: 'claimed', limit: { perMember: 2, claimed: 2 } }] } });
    });

    it('counts a claimed coupon against the limit after it was used', async () => {
      await claim(NEW_ARRIVAL);
      await buy(h, 'claimer', 20_000, { couponIds: [`${NEW_ARRIVAL}:${memberId}:1`] });
      expect(await claim(NEW_ARRIVAL)).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    });

    it('answers OUT_OF_STOCK once the stock is gone, frees the member’s slot and shows the template as out of stock', async () => {
      await leaveStock(h, NEW_ARRIVAL, 1);
      const late = await h.join('late');
      expect(await claim(NEW_ARRIVAL)).toMatchObject({ ok: true });
      expect(await claim(NEW_ARRIVAL, 'late')).toEqual({ ok: false, error: { code: 'OUT_OF_STOCK', message: '来晚了，这张券已经被领完了' } });
      expect(couponsOf(h, late).map((c) => c.templateId)).toEqual(['welcome-80']);
      expect(stockOf(h, NEW_ARRIVAL)).toMatchObject({ remaining: 0, holders: [stockHolder(`${NEW_ARRIVAL}:${memberId}:1`)] });
      expect(await center('late')).toEqual({
        ok: true,
        data: { templates: [{ ...newArrivalEntry, state: 'outOfStock', stock: { total: 100, remaining: 0 } }, winterEntry] },
      });
      // the one who got the last unit sees it as theirs
      expect(await center()).toMatchObject({ ok: true, data: { templates: [{ templateId: NEW_ARRIVAL, state: 'claimed' }, winterEntry] } });
      // stock put back by the brand: the same member may claim now (their slot was freed)
      await leaveStock(h, NEW_ARRIVAL, 1);
      expect(await claim(NEW_ARRIVAL, 'late')).toMatchObject({ ok: true, data: { coupon: { couponId: `${NEW_ARRIVAL}:${late}:1` } } });
    });
  });

  describe('what is refused', () => {
    it('NOT_FOUND for an unknown template; NOT_CLAIMABLE for an event template, a points reward and a Grower template asked by an Explorer; nothing written', async () => {
      const before = h.cloud.db.count('coupons', {});
      expect(await claim('no-such-campaign')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no such coupon template' } });
      expect(await claim('welcome-80')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '这张券不在领券中心' } });
      expect(await claim('marketing-opt-in-5')).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE' } });
      expect(await claim('birthday-explorer')).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE' } });
      expect(await claim('reward-20')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '这张券不在领券中心' } });
      expect(await claim('grower-90')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '当前会员等级不可领取' } });
      expect(h.cloud.db.count('coupons', {})).toBe(before);
      expect(stockOf(h, 'grower-90').remaining).toBe(500);
    });

    it('NOT_CLAIMABLE before the claim period opens and after it ends', async () => {
      const t = templateOf(h, 'winter-300-50');
      await h.cloud.db.apply([{ c: 'couponTemplates', id: t._id, doc: { ...t, claimFrom: new Date('2026-12-01T00:00:00+08:00'), claimUntil: new Date('2026-12-31T00:00:00+08:00') } }]);
      expect(await claim('winter-300-50')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '领取尚未开始' } });
      h.clock.set('2026-12-01T00:00:00+08:00');
      expect(await center()).toMatchObject({ ok: true, data: { templates: [newArrivalEntry, { ...winterEntry, claimUntil: '2026-12-30T16:00:00.000Z' }] } });
      expect(await claim('winter-300-50')).toMatchObject({ ok: true });
      h.clock.set('2026-12-31T00:00:00+08:00');
      expect(await claim('winter-300-50')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '领取已结束' } });
    });

    it('INVALID_INPUT for a malformed templateId, a missing one and unknown fields', async () => {
      for (const data of [
        { action: 'claim', templateId: 'New Arrival!' },
        { action: 'claim', templateId: '' },
        { action: 'claim', templateId: 'x'.repeat(49) },
        { action: 'claim', templateId: 42 },
        { action: 'claim' },
        { action: 'claim', templateId: NEW_ARRIVAL, memberId },
        { action: 'claim', templateId: NEW_ARRIVAL, openid: 'someone-else' },
        { action: 'center', templateId: NEW_ARRIVAL },
      ]) {
        expect({ data, answer: await h.call('coupon', 'claimer', data) }).toMatchObject({ data, answer: { ok: false, error: { code: 'INVALID_INPUT' } } });
      }
      expect(stockOf(h, NEW_ARRIVAL).remaining).toBe(100);
    });

    it('NOT_MEMBER for a shopper who has not joined, and UNAUTHENTICATED without an identity', async () => {
      expect(await claim(NEW_ARRIVAL, 'stranger')).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
      expect(await center('stranger')).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
      expect(await h.call('coupon', null, { action: 'claim', templateId: NEW_ARRIVAL })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(stockOf(h, NEW_ARRIVAL).remaining).toBe(100);
    });
  });

  describe('a claim that crashed midway', () => {
    /** The claim's slot as a claim that died after taking it left it, `ageMs` ago. */
    async function crashedClaim(ageMs: number, stockTaken: boolean) {
      const id = `${NEW_ARRIVAL}:${memberId}:1`;
      const issuedAt = new Date(h.clock.now().getTime() - ageMs);
      const slot = couponFrom(templateOf(h, NEW_ARRIVAL), id, memberId, issuedAt, 'issuing');
      const s = stockOf(h, NEW_ARRIVAL);
      await h.cloud.db.apply([
        { c: 'coupons', id, doc: { ...slot } },
        ...(stockTaken ? [{ c: 'couponStock', id: NEW_ARRIVAL, doc: { ...s, remaining: s.remaining - 1, holders: [stockHolder(id)] } }] : []),
      ]);
      return id;
    }

    it('is not in the wallet and still offered in the centre, so the member can claim again', async () => {
      await crashedClaim(60_000, true);
      const wallet = await h.call('coupon', 'claimer', { action: 'list', status: 'available' });
      expect(wallet).toMatchObject({ ok: true, data: { counts: { available: 1, used: 0, expired: 0 } } });
      expect(await center()).toEqual({ ok: true, data: { templates: [{ ...newArrivalEntry, stock: { total: 100, remaining: 99 } }, winterEntry] } });
    });

    it('after taking its unit of stock: the next claim finishes it and takes no second unit', async () => {
      const id = await crashedClaim(60_000, true);
      expect(await claim(NEW_ARRIVAL)).toMatchObject({ ok: true, data: { coupon: { couponId: id, status: 'available', issuedAt: '2026-11-25T01:59:00.000Z' } } });
      expect(stockOf(h, NEW_ARRIVAL)).toEqual({ _id: NEW_ARRIVAL, total: 100, remaining: 99, holders: [stockHolder(id)] });
      expect(couponsOf(h, memberId).find((c) => c._id === id)).toMatchObject({ status: 'available' });
      expect(await claim(NEW_ARRIVAL)).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      expect(stockOf(h, NEW_ARRIVAL).remaining).toBe(99);
    });

    it('before taking stock: the next claim takes exactly one unit and finishes it', async () => {
      const id = await crashedClaim(60_000, false);
      expect(await claim(NEW_ARRIVAL)).toMatchObject({ ok: true, data: { coupon: { couponId: id, status: 'available' } } });
      expect(stockOf(h, NEW_ARRIVAL)).toEqual({ _id: NEW_ARRIVAL, total: 100, remaining: 99, holders: [stockHolder(id)] });
    });

    it('before taking stock, with the stock gone since: OUT_OF_STOCK and the slot is freed', async () => {
      const id = await crashedClaim(60_000, false);
      await leaveStock(h, NEW_ARRIVAL, 0);
      expect(await claim(NEW_ARRIVAL)).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
      expect(h.cloud.db.count('coupons', { _id: id })).toBe(0);
    });

    it('is left alone while it may still be running (under 30 s old): LIMIT_REACHED, no stock taken', async () => {
      const id = await crashedClaim(10_000, false);
      expect(await claim(NEW_ARRIVAL)).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      expect(stockOf(h, NEW_ARRIVAL)).toMatchObject({ remaining: 100, holders: [] });
      expect(couponsOf(h, memberId).find((c) => c._id === id)).toMatchObject({ status: 'issuing' });
    });

    it('10 parallel claims finishing the same crashed claim take one unit between them', async () => {
      const id = await crashedClaim(60_000, false);
      const answers = await Promise.all(Array.from({ length: 10 }, () => claim(NEW_ARRIVAL)));
      // each finishes the one coupon, or finds it finished already: none of them issued another
      expect(answers.filter((a) => !(a.ok ? a.data.coupon.couponId === id : a.error.code === 'LIMIT_REACHED'))).toEqual([]);
      expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(1);
      expect(stockOf(h, NEW_ARRIVAL)).toEqual({ _id: NEW_ARRIVAL, total: 100, remaining: 99, holders: [stockHolder(id)] });
      expect(couponsOf(h, memberId).filter((c) => c.templateId === NEW_ARRIVAL)).toEqual([expect.objectContaining({ _id: id, status: 'available' })]);
    });
  });
});
