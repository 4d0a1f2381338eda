import { insertCoupon } from '../../cloudfunctions/data/coupons';
import { couponFrom } from '../../cloudfunctions/domain/coupons/issue';
import type { CouponTemplate } from '../../cloudfunctions/domain/coupons/template';
import { database } from '../../cloudfunctions/platform/cloud';
import { createHarness, type Harness } from '../support/harness';
import { memberDoc, runJobs } from '../support/ledger';
import { buy, deliver, orderBody, refundBody, tillCode } from '../support/pos';

/**
 * A shopper must not be able to buy a tier, collect its gifts and return the goods: a refund that
 * takes the tier away takes back the unused gifts that tier gave, in the same transaction. A tier
 * lost at the 12-month review keeps what was claimed.
 */
describe('a refund that takes a tier away takes back what that tier gave', () => {
  let h: Harness;
  let buyerId: string;
  beforeEach(async () => {
    h = await createHarness();
    // the birthday window (from 3 days before 11-27) is open on the harness's day, 11-25
    buyerId = await h.join('buyer', { birthday: '11-27' });
  });

  const wallet = async (status: 'available' | 'used' | 'expired') => {
    const a = await h.call('coupon', 'buyer', { action: 'list', status });
    return a.ok ? a.data.coupons.map((c: { couponId: string; endedReason: string | null; validityText: string }) => [c.couponId, c.endedReason, c.validityText]) : a;
  };
  const payWith = async (couponId: string, amountFen = 50_000) =>
    deliver(h, 'orders', orderBody(h, await tillCode(h, 'buyer'), amountFen, { couponIds: [couponId] }));

  async function loyalWithGifts() {
    const bought = await buy(h, 'buyer', 300_100);
    expect(bought.result).toMatchObject({ tier: 'loyal', tierChanged: true });
    const birthday = await h.call('coupon', 'buyer', { action: 'claimBirthday' });
    const tierOnly = await h.call('coupon', 'buyer', { action: 'claim', templateId: 'grower-90' });
    expect([birthday.ok && birthday.data.coupon.name, tierOnly.ok && tierOnly.data.coupon.name]).toEqual(['忠诚者生日礼券', '成长者专享9折券']);
    return { order: bought.body, birthdayId: birthday.ok ? birthday.data.coupon.couponId : '', tierOnlyId: tierOnly.ok ? tierOnly.data.coupon.couponId : '' };
  }

  it('a new member pays ¥3,001, claims the Loyal birthday gift and a tier-only coupon, refunds the whole order: the tier falls back and neither coupon takes anything off a later order', async () => {
    const { order, birthdayId, tierOnlyId } = await loyalWithGifts();
    const refund = await deliver(h, 'refunds', refundBody(order.orderId, 'R-all', 300_100));
    expect(refund).toMatchObject({ status: 200, body: { ok: true, data: { tier: 'explorer', tierChanged: true, pointsClawedBack: 3_001 } } });
    expect(await h.call('member', 'buyer', { action: 'card' })).toMatchObject({ ok: true, data: { tier: 'explorer', tierName: '探索者' } });

    for (const id of [birthdayId, tierOnlyId]) {
      const answer = await payWith(id);
      expect(answer).toMatchObject({ status: 422, body: { ok: false, error: { code: 'NOT_CLAIMABLE' } } });
      expect(answer.body.error?.message).toContain('因退货等级调整，已失效');
    }
    // the tickets say why, under 已过期
    expect(await wallet('available')).not.toContainEqual(expect.arrayContaining([birthdayId]));
    expect(await wallet('expired')).toEqual(
      expect.arrayContaining([
        [birthdayId, '因退货等级调整，已失效', '因退货等级调整，已失效'],
        [tierOnlyId, '因退货等级调整，已失效', '因退货等级调整，已失效'],
      ]),
    );
    // and the till's quote does not offer them
    const quote = await deliver(h, 'quotes', { memberCode: await tillCode(h, 'buyer'), amountFen: 50_000, items: [{ sku: 'SKU-1', qty: 1, priceFen: 50_000 }] });
    expect(quote.body.data.wallet.map((c: { couponId: string }) => c.couponId)).not.toEqual(expect.arrayContaining([birthdayId]));
  });

  it('ends the gifts in the refund’s own transaction: the coupons are marked in the same commit as the tier', async () => {
    const { order, birthdayId, tierOnlyId } = await loyalWithGifts();
    await deliver(h, 'refunds', refundBody(order.orderId, 'R-all', 300_100));
    expect([birthdayId, tierOnlyId].map((id) => h.cloud.db.find('coupons', { _id: id })[0]!).map((c) => [c.status, c.endedBy])).toEqual([
      ['expired', 'tierRefund'],
      ['expired', 'tierRefund'],
    ]);
    expect(memberDoc(h, buyerId).tierHistory!.map((c) => `${c.from}→${c.to} ${c.reason}`)).toEqual(['explorer→loyal order', 'loyal→explorer refund']);
  });

  it('a gift claimed while the refund committed (after the tier was gone) is refused at the till', async () => {
    const bought = await buy(h, 'buyer', 300_100);
    // the claim read the member as Loyal before the refund; it writes its coupon after
    await deliver(h, 'refunds', refundBody(bought.body.orderId, 'R-all', 300_100));
    const member = memberDoc(h, buyerId);
    const template = h.cloud.db.find('couponTemplates', { _id: 'grower-90' })[0] as unknown as CouponTemplate;
    // what the claim writes once it has read the member (as Loyal, before the refund)
    await h.cloud.call(null, () => insertCoupon(database(), couponFrom(template, `grower-90:${member._id}:1`, member._id, h.clock.now())));
    const answer = await payWith(`grower-90:${member._id}:1`);
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'NOT_CLAIMABLE' } } });
    expect(await wallet('expired')).toContainEqual([`grower-90:${member._id}:1`, '因退货等级调整，已失效', '因退货等级调整，已失效']);
  });

  it('a birthday grant not yet claimed is nobody’s gift: after the refund, claiming it gives the gift of the tier held then, usable', async () => {
    await h.join('granted', { birthday: '11-28' });
    const bought = await buy(h, 'granted', 300_100);
    // the birthday job opens the window 3 days before 11-28: a claimable grant of the Loyal gift
    await runJobs(h, { action: 'run', job: 'birthday' });
    await deliver(h, 'refunds', refundBody(bought.body.orderId, 'R-granted', 300_100));
    const claimed = await h.call('coupon', 'granted', { action: 'claimBirthday' });
    expect(claimed).toMatchObject({ ok: true, data: { coupon: { name: '生日礼券', status: 'available' } } });
    const paid = await deliver(h, 'orders', orderBody(h, await tillCode(h, 'granted'), 50_000, { couponIds: [claimed.ok ? claimed.data.coupon.couponId : ''] }));
    expect(paid).toMatchObject({ status: 200, body: { data: { discountFen: 2_000 } } });
  });

  it('a member who keeps 成长者 after the refund claims this year’s 成长者 birthday gift in place of the Loyal one the refund took', async () => {
    await buy(h, 'buyer', 100_000);
    const up = await buy(h, 'buyer', 200_100);
    expect(up.result).toMatchObject({ tier: 'loyal' });
    const loyalGift = await h.call('coupon', 'buyer', { action: 'claimBirthday' });
    expect(loyalGift).toMatchObject({ ok: true, data: { coupon: { name: '忠诚者生日礼券' } } });
    expect(await deliver(h, 'refunds', refundBody(up.body.orderId, 'R-up', 200_100))).toMatchObject({ status: 200, body: { data: { tier: 'grower', tierChanged: true } } });
    expect(await h.call('coupon', 'buyer', { action: 'birthday' })).toMatchObject({ ok: true, data: { state: 'claimable', gift: { name: '成长者生日礼券' }, coupon: null } });
    const growerGift = await h.call('coupon', 'buyer', { action: 'claimBirthday' });
    expect(growerGift).toMatchObject({ ok: true, data: { coupon: { name: '成长者生日礼券', status: 'available' } } });
    expect(await payWith(growerGift.ok ? growerGift.data.coupon.couponId : '')).toMatchObject({ status: 200, body: { data: { discountFen: 5_000 } } });
    // once: this year's gift is now claimed
    expect(await h.call('coupon', 'buyer', { action: 'claimBirthday' })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
  });

  it('a partial refund that keeps the tier ends nothing', async () => {
    const { order, birthdayId } = await loyalWithGifts();
    await buy(h, 'buyer', 50_000);
    expect(await deliver(h, 'refunds', refundBody(order.orderId, 'R-part', 10_000))).toMatchObject({ status: 200, body: { data: { tier: 'loyal', tierChanged: false } } });
    expect(await payWith(birthdayId)).toMatchObject({ status: 200, body: { data: { discountFen: 10_000 } } });
  });

  it('a tier lost at the 12-month review keeps what was claimed', async () => {
    const { birthdayId } = await loyalWithGifts();
    // a year and a day later the review takes 忠诚者; a gift still valid then would stay usable
    h.clock.set('2027-11-26T02:00:00.000Z');
    await runJobs(h, { action: 'run', job: 'tier-review' });
    expect(await h.call('member', 'buyer', { action: 'card' })).toMatchObject({ ok: true, data: { tier: 'explorer' } });
    expect(memberDoc(h, buyerId).tierHistory!.at(-1)).toMatchObject({ from: 'loyal', to: 'explorer', reason: 'review' });
    // its own validity has run out by now, so judge the rule directly on the stored coupon: not ended by the tier
    expect(h.cloud.db.find('coupons', { _id: birthdayId })[0]!.endedBy).toBeUndefined();
  });
});
