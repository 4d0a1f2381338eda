import type { Coupon } from '../../cloudfunctions/domain/coupons/template';
import { createHarness, START, type Harness } from '../support/harness';
import { accountProblems, ledgerOf, memberDoc, POINTS_DATA, snapshot } from '../support/ledger';
import { buy, deliver, deliverEvent, orderBody, refundBody, SECRET_S001, signedHeaders, tillCode } from '../support/pos';

const HOUR = 3_600_000;
/** What an order with coupons writes: the points data, the coupons and the stock. */
const COUPON_DATA = [...POINTS_DATA, 'coupons', 'couponStock'];

/** Asks the till's quote route (signed like every POS request). */
async function quote(h: Harness, body: unknown) {
  const raw = JSON.stringify(body);
  const headers = signedHeaders(raw, { storeId: 'S001', secret: SECRET_S001, timestamp: h.clock.now().getTime() });
  return deliverEvent(h, { path: '/pos/quotes', httpMethod: 'POST', headers, body: raw });
}

const couponDoc = (h: Harness, id: string) => h.cloud.db.find('coupons', { _id: id })[0] as unknown as Coupon;

describe('coupons at the till (pos.orders with couponIds, pos.quotes, pos.refunds)', () => {
  let h: Harness;
  let memberId: string;
  let welcome: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('shopper');
    welcome = `welcome-80:${memberId}:once`;
  });

  const claim = async (templateId: string, openid = 'shopper') => {
    const answer = await h.call('coupon', openid, { action: 'claim', templateId });
    if (!answer.ok) throw new Error(`claim failed: ${JSON.stringify(answer.error)}`);
    return answer.data.coupon.couponId as string;
  };
  const wallet = async (status: 'available' | 'used' | 'expired', openid = 'shopper') => {
    const answer = await h.call('coupon', openid, { action: 'list', status });
    if (!answer.ok) throw new Error(`list failed: ${JSON.stringify(answer.error)}`);
    return { coupons: answer.data.coupons as Array<Record<string, any>>, counts: answer.data.counts as Record<string, number> };
  };
  const order = async (amountFen: number, extra: Record<string, unknown> = {}, openid = 'shopper') => {
    const body = orderBody(h, await tillCode(h, openid), amountFen, extra);
    return { body, answer: await deliver(h, 'orders', body) };
  };
  /** An order on a code fetched beforehand (a code fetch is a write of its own). */
  const orderOn = async (code: string, amountFen: number, extra: Record<string, unknown> = {}) => {
    const body = orderBody(h, code, amountFen, extra);
    return { body, answer: await deliver(h, 'orders', body) };
  };

  describe('the first-order 8折 welcome coupon', () => {
    it('takes 20% off the first order: the shopper pays the rest, points are earned on what was paid', async () => {
      const { body, answer } = await order(50_000, { couponIds: [welcome] });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        ok: true,
        data: { memberId, discountFen: 10_000, payableFen: 40_000, coupons: [{ couponId: welcome, name: '首单8折券', discountFen: 10_000 }], pointsEarned: 400, balance: 400, tier: 'explorer', tierChanged: false },
      });
      expect(h.cloud.db.find('orders', { memberId })).toEqual([expect.objectContaining({ amountFen: 40_000, listedFen: 50_000, discountFen: 10_000, couponIds: [welcome] })]);
      expect(couponDoc(h, welcome)).toMatchObject({ status: 'used', usedAt: h.clock.now(), usedOrder: `S001:${body.orderId}` });
      expect(ledgerOf(h, memberId)).toEqual([expect.objectContaining({ kind: 'earn', points: 400, balanceAfter: 400 })]);
      const history = await h.call('points', 'shopper', { action: 'history' });
      expect(history).toMatchObject({ ok: true, data: { lines: [{ detail: '悦衣库 上海静安店 · 实付 ¥400' }] } });
      expect(await wallet('used')).toMatchObject({
        coupons: [{ couponId: welcome, status: 'used', usedAt: START, validityText: '已于2026-11-25使用', endedReason: null }],
        counts: { available: 1, used: 1, expired: 0 },
      });
    });

    it('takes at most ¥300 off (its cap)', async () => {
      const { answer } = await order(200_000, { couponIds: [welcome] });
      expect(answer.body.data).toMatchObject({ discountFen: 30_000, payableFen: 170_000, pointsEarned: 1_700 });
    });

    it('counts the qualifying spend on what was paid: ¥1,200 at 8折 (¥960) does not make a Grower', async () => {
      const { answer } = await order(120_000, { couponIds: [welcome] });
      expect(answer.body.data).toMatchObject({ discountFen: 24_000, payableFen: 96_000, pointsEarned: 960, tier: 'explorer', tierChanged: false });
      expect(await h.call('points', 'shopper', { action: 'summary' })).toMatchObject({ ok: true, data: { progress: { quarterSpendFen: 96_000 } } });
    });

    it('is refused on a second order (NOT_CLAIMABLE, nothing written) and shows in the 已过期 tab as ended by the first order', async () => {
      await buy(h, 'shopper', 10_000);
      const code = await tillCode(h, 'shopper');
      const before = snapshot(h, COUPON_DATA);
      const { answer } = await orderOn(code, 50_000, { couponIds: [welcome] });
      expect(answer).toMatchObject({ status: 422, body: { ok: false, error: { code: 'NOT_CLAIMABLE', message: `coupon ${welcome}: 仅限首单使用` } } });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
      const expired = await wallet('expired');
      expect(expired.coupons).toEqual([expect.objectContaining({ couponId: welcome, status: 'expired', endedReason: '首单已完成，此券已失效', expiringSoon: false })]);
      expect(expired.counts).toEqual({ available: 1, used: 0, expired: 1 });
      expect((await wallet('available')).coupons.map((c) => c.templateId)).toEqual(['second-item-half']);
    });

    it('answers a retried delivery of the order with the first result and writes nothing', async () => {
      const { body, answer } = await order(50_000, { couponIds: [welcome] });
      const before = snapshot(h, COUPON_DATA);
      const again = await deliver(h, 'orders', body);
      expect(again).toMatchObject({ status: 200, body: answer.body });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
    });
  });

  describe('what the till is refused, with nothing written', () => {
    it('a threshold not met: NOT_CLAIMABLE saying how much is missing; the code and coupon stay usable', async () => {
      const trial = await claim('new-arrival-trial');
      const code = await tillCode(h, 'shopper');
      const before = snapshot(h, COUPON_DATA);
      const short = await deliver(h, 'orders', orderBody(h, code, 19_899, { couponIds: [trial] }));
      expect(short).toEqual({
        status: 422,
        body: { ok: false, error: { code: 'NOT_CLAIMABLE', message: `coupon ${trial}: 满¥199可用，还差¥0.01` } },
        requests: expect.any(Number),
        docsExamined: expect.any(Number),
      });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
      const paid = await deliver(h, 'orders', orderBody(h, code, 19_900, { couponIds: [trial] }));
      expect(paid.body.data).toMatchObject({ discountFen: 5_000, payableFen: 14_900, pointsEarned: 149 });
    });

    it('a coupon that would take nothing off (a free order): NOT_CLAIMABLE, not used up for nothing; the order goes through without it', async () => {
      const code = await tillCode(h, 'shopper');
      const before = snapshot(h, COUPON_DATA);
      const free = await deliver(h, 'orders', orderBody(h, code, 0, { couponIds: [welcome] }));
      expect(free).toMatchObject({ status: 422, body: { ok: false, error: { code: 'NOT_CLAIMABLE', message: `coupon ${welcome}: 本单用这张券没有优惠` } } });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
      expect(await deliver(h, 'orders', orderBody(h, code, 0))).toMatchObject({ status: 200, body: { ok: true, data: { discountFen: 0, payableFen: 0 } } });
      expect(couponDoc(h, welcome).status).toBe('available');
    });

    it('another member’s coupon: NOT_CLAIMABLE as if unknown, and theirs stays in their wallet', async () => {
      const other = await h.join('other');
      const theirs = `welcome-80:${other}:once`;
      const code = await tillCode(h, 'shopper');
      const before = snapshot(h, COUPON_DATA);
      const { answer } = await orderOn(code, 50_000, { couponIds: [theirs] });
      expect(answer).toMatchObject({ status: 422, body: { error: { code: 'NOT_CLAIMABLE', message: `coupon ${theirs}: 不在该会员的券包中` } } });
      expect((await orderOn(code, 50_000, { couponIds: ['welcome-80:000000000000:once'] })).answer).toMatchObject({ status: 422, body: { error: { code: 'NOT_CLAIMABLE' } } });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
      expect(couponDoc(h, theirs)).toMatchObject({ status: 'available', usedAt: null });
    });

    it('two coupons that may not be combined: NOT_CLAIMABLE naming the one that stands alone', async () => {
      const trial = await claim('new-arrival-trial');
      const code = await tillCode(h, 'shopper');
      const before = snapshot(h, COUPON_DATA);
      const { answer } = await orderOn(code, 50_000, { couponIds: [trial, welcome] });
      expect(answer).toMatchObject({ status: 422, body: { error: { code: 'NOT_CLAIMABLE', message: `coupon ${trial}: 新品试穿券不可与其他券同享` } } });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
    });

    it('the same coupon named twice: INVALID_INPUT (400) before anything is judged', async () => {
      const { answer } = await order(50_000, { couponIds: [welcome, welcome] });
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
      expect(couponDoc(h, welcome).status).toBe('available');
    });

    it('couponIds that is not a list is named as such, whatever its length (INVALID_INPUT, 400)', async () => {
      for (const couponIds of [welcome, 'x', 5, { id: welcome }]) {
        const { answer } = await order(50_000, { couponIds });
        expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', message: 'couponIds: expected array' } } });
      }
      expect(couponDoc(h, welcome).status).toBe('available');
    });

    it('a coupon past its validity (NOT_CLAIMABLE, 已于…过期), still good in its last second', async () => {
      const winter = await claim('winter-300-50');
      expect(couponDoc(h, winter).validUntil).toEqual(new Date('2026-12-10T16:00:00.000Z'));
      h.clock.set('2026-12-10T16:00:00.000Z');
      const code = await tillCode(h, 'shopper');
      const before = snapshot(h, COUPON_DATA);
      const { answer } = await orderOn(code, 30_000, { couponIds: [winter] });
      expect(answer).toMatchObject({ status: 422, body: { error: { code: 'NOT_CLAIMABLE', message: `coupon ${winter}: 已于2026-12-10 23:59过期` } } });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
      // the wallet moves it to 已过期 at once, before the daily job marks it
      expect(await wallet('expired')).toMatchObject({ coupons: [{ couponId: winter, status: 'expired', endedReason: '已过期', validityText: '已于2026-12-10 23:59过期' }], counts: { available: 1, used: 0, expired: 1 } });

      const h2 = await createHarness();
      const m2 = await h2.join('last-second');
      const claimed = await h2.call('coupon', 'last-second', { action: 'claim', templateId: 'winter-300-50' });
      const c2 = claimed.ok ? (claimed.data.coupon.couponId as string) : '';
      h2.clock.set('2026-12-10T15:59:59.999Z');
      expect((await buy(h2, 'last-second', 30_000, { couponIds: [c2] })).result).toMatchObject({ memberId: m2, discountFen: 5_000, payableFen: 25_000 });
    });
  });

  it('two coupons that may be combined: the opt-in ¥5 and the birthday gift on one order', async () => {
    const fan = await h.join('fan', { marketingOptIn: true, birthday: '11-26' });
    const gift = await h.call('coupon', 'fan', { action: 'claimBirthday' });
    expect(gift).toMatchObject({ ok: true, data: { coupon: { couponId: `birthday:${fan}:2026`, name: '生日礼券', value: '¥20', notes: ['可与其他可叠加的券同用'] } } });
    const optIn = `marketing-opt-in-5:${fan}:once`;
    const birthday = `birthday:${fan}:2026`;
    const { answer } = await order(30_000, { couponIds: [optIn, birthday] }, 'fan');
    expect(answer.body).toEqual({
      ok: true,
      data: {
        memberId: fan,
        discountFen: 2_500,
        payableFen: 27_500,
        coupons: [
          { couponId: optIn, name: '订阅福利券', discountFen: 500 },
          { couponId: birthday, name: '生日礼券', discountFen: 2_000 },
        ],
        pointsEarned: 275,
        balance: 275,
        tier: 'explorer',
        tierChanged: false,
      },
    });
    expect([couponDoc(h, optIn).status, couponDoc(h, birthday).status, couponDoc(h, `welcome-80:${fan}:once`).status]).toEqual(['used', 'used', 'available']);
    expect(accountProblems(h, fan)).toEqual([]);
  });

  it('a stackable pair with the welcome coupon is refused: the welcome stands alone', async () => {
    const fan = await h.join('fan', { marketingOptIn: true });
    const { answer } = await order(30_000, { couponIds: [`marketing-opt-in-5:${fan}:once`, `welcome-80:${fan}:once`] }, 'fan');
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'NOT_CLAIMABLE', message: `coupon welcome-80:${fan}:once: 首单8折券不可与其他券同享` } } });
  });

  describe('the second-item half-price coupon', () => {
    const twoPieces = { items: [{ sku: 'COAT', qty: 1, priceFen: 30_000 }, { sku: 'SCARF', qty: 1, priceFen: 20_001 }] };

    it('comes with the first paid order, valid exactly 72 h, and halves the cheaper of the two dearest pieces', async () => {
      expect(h.cloud.db.count('coupons', { templateId: 'second-item-half' })).toBe(0);
      await buy(h, 'shopper', 10_000);
      const id = `second-item-half:${memberId}:once`;
      expect(couponDoc(h, id)).toMatchObject({ memberId, channel: 'firstOrder', status: 'available', issuedAt: new Date(START), validFrom: new Date(START), validUntil: new Date(Date.parse(START) + 72 * HOUR) });
      expect((await wallet('available')).coupons).toEqual([
        expect.objectContaining({ couponId: id, name: '第二件半价券', value: '半价', rule: '同单2件及以上，第二件半价', validUntil: '2026-11-28T02:00:00.000Z', validityText: '2026-11-28 09:59 前有效', expiringSoon: false }),
      ]);
      // a one-piece basket does not qualify
      expect((await order(30_000, { couponIds: [id] })).answer).toMatchObject({ status: 422, body: { error: { code: 'NOT_CLAIMABLE', message: `coupon ${id}: 同单需购买2件及以上` } } });
      h.clock.set(new Date(Date.parse(START) + 72 * HOUR - 1_000).toISOString());
      const { answer } = await order(50_001, { ...twoPieces, couponIds: [id] });
      expect(answer.body.data).toMatchObject({ discountFen: 10_000, payableFen: 40_001, pointsEarned: 400, coupons: [{ couponId: id, name: '第二件半价券', discountFen: 10_000 }] });
      // a second paid order brings no second one
      expect(h.cloud.db.count('coupons', { templateId: 'second-item-half' })).toBe(1);
    });

    it('is refused from the 72nd hour on', async () => {
      await buy(h, 'shopper', 10_000);
      const id = `second-item-half:${memberId}:once`;
      h.clock.set(new Date(Date.parse(START) + 72 * HOUR).toISOString());
      const { answer } = await order(50_001, { ...twoPieces, couponIds: [id] });
      expect(answer).toMatchObject({ status: 422, body: { error: { code: 'NOT_CLAIMABLE', message: `coupon ${id}: 已于2026-11-28 09:59过期` } } });
    });

    it('is not issued by an order that paid nothing', async () => {
      await buy(h, 'shopper', 0, { items: [{ sku: 'GIFT', qty: 1, priceFen: 0 }] });
      expect(h.cloud.db.count('coupons', { templateId: 'second-item-half' })).toBe(0);
      expect(memberDoc(h, memberId).firstOrderAt).toBeNull();
    });
  });

  describe('quotes (pos.quotes)', () => {
    it('lists the member’s usable coupons with what each takes off this basket or why not, prices the chosen ones, and writes nothing', async () => {
      const fan = await h.join('fan', { marketingOptIn: true });
      const trial = await claim('new-arrival-trial', 'fan');
      const code = await tillCode(h, 'fan');
      const before = snapshot(h, COUPON_DATA);
      const basket = { memberCode: code, amountFen: 15_000, items: [{ sku: 'TEE', qty: 1, priceFen: 15_000 }] };
      const answer = await quote(h, basket);
      expect(answer.status).toBe(200);
      expect(answer.body.data.memberId).toBe(fan);
      expect([...answer.body.data.wallet].sort((a: { couponId: string }, b: { couponId: string }) => a.couponId.localeCompare(b.couponId))).toEqual([
        { couponId: `marketing-opt-in-5:${fan}:once`, name: '订阅福利券', value: '¥5', rule: '无门槛', validUntil: '2026-12-25T16:00:00.000Z', discountFen: 500, problem: null },
        { couponId: trial, name: '新品试穿券', value: '¥50', rule: '满¥199可用', validUntil: '2026-12-09T16:00:00.000Z', discountFen: 0, problem: '满¥199可用，还差¥49' },
        { couponId: `welcome-80:${fan}:once`, name: '首单8折券', value: '8折', rule: '全场通用，无门槛', validUntil: '2026-12-25T16:00:00.000Z', discountFen: 3_000, problem: null },
      ]);
      expect(answer.body.data).toMatchObject({ coupons: [], discountFen: 0, payableFen: 15_000 });

      const chosen = await quote(h, { ...basket, couponIds: [`welcome-80:${fan}:once`] });
      expect(chosen.body.data).toMatchObject({ coupons: [{ couponId: `welcome-80:${fan}:once`, name: '首单8折券', discountFen: 3_000 }], discountFen: 3_000, payableFen: 12_000 });
      const refused = await quote(h, { ...basket, couponIds: [`welcome-80:${fan}:once`, `marketing-opt-in-5:${fan}:once`] });
      expect(refused).toMatchObject({ status: 422, body: { ok: false, error: { code: 'NOT_CLAIMABLE' } } });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
      // the quote leaves the code for the order
      const paid = await deliver(h, 'orders', orderBody(h, code, 15_000, { couponIds: [`welcome-80:${fan}:once`] }));
      expect(paid.body.data).toMatchObject({ discountFen: 3_000, payableFen: 12_000 });
    });

    it('refuses a basket whose amount is more than its pieces, as the order would (400), before anything is read', async () => {
      const code = await tillCode(h, 'shopper');
      const quote = await deliver(h, 'quotes', { memberCode: code, amountFen: 50_000, items: [{ sku: 'A', qty: 1, priceFen: 39_900 }], couponIds: [welcome] });
      expect(quote).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', message: 'amountFen 50000 (¥500) is more than the items add up to (¥399)' } } });
    });

    it('leaves out used and expired coupons, and refuses an unknown code (CODE_EXPIRED)', async () => {
      await buy(h, 'shopper', 10_000, { couponIds: [welcome] });
      const answer = await quote(h, { memberCode: await tillCode(h, 'shopper'), amountFen: 10_000, items: [{ sku: 'TEE', qty: 1, priceFen: 10_000 }] });
      expect(answer.body.data.wallet.map((c: { couponId: string }) => c.couponId)).toEqual([`second-item-half:${memberId}:once`]);
      h.clock.advance(72 * HOUR);
      const later = await quote(h, { memberCode: await tillCode(h, 'shopper'), amountFen: 10_000, items: [{ sku: 'TEE', qty: 1, priceFen: 10_000 }] });
      expect(later.body.data.wallet).toEqual([]);
      expect(await quote(h, { memberCode: '660000000000000000', amountFen: 10_000, items: [{ sku: 'TEE', qty: 1, priceFen: 10_000 }] })).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    });
  });

  describe('refunds give coupons back', () => {
    it('a refund of the whole order returns a still-valid coupon (couponsReturned), and the wallet shows it available again', async () => {
      const trial = await claim('new-arrival-trial');
      const { body } = await order(30_000, { couponIds: [trial] });
      expect(couponDoc(h, trial).status).toBe('used');
      const refund = await deliver(h, 'refunds', refundBody(body.orderId, 'RF-ALL', 25_000));
      expect(refund.body).toEqual({ ok: true, data: { memberId, couponsReturned: [trial], pointsClawedBack: 250, balance: 0, debt: 0, tier: 'explorer', tierChanged: false, refundedFen: 25_000, memberLeft: false } });
      expect(couponDoc(h, trial)).toMatchObject({ status: 'available', usedAt: null, usedOrder: null });
      const available = await wallet('available');
      expect(available.coupons.map((c) => c.couponId)).toContain(trial);
      expect(available.coupons.find((c) => c.couponId === trial)).toMatchObject({ status: 'available', usedAt: null, validityText: '2026-12-09 23:59 前有效' });
      expect(available.counts.used).toBe(0);
      // and it pays again
      expect((await order(30_000, { couponIds: [trial] })).answer.body.data).toMatchObject({ discountFen: 5_000, payableFen: 25_000 });
      expect(accountProblems(h, memberId)).toEqual([]);
    });

    it('a refund of part of the order does not; the refund that completes it does', async () => {
      const trial = await claim('new-arrival-trial');
      const { body } = await order(30_000, { couponIds: [trial] });
      const part = await deliver(h, 'refunds', refundBody(body.orderId, 'RF-1', 10_000));
      expect(part.body.data).toMatchObject({ couponsReturned: [], refundedFen: 10_000 });
      expect(couponDoc(h, trial).status).toBe('used');
      expect((await wallet('used')).coupons.map((c) => c.couponId)).toEqual([trial]);
      const rest = await deliver(h, 'refunds', refundBody(body.orderId, 'RF-2', 15_000));
      expect(rest.body.data).toMatchObject({ couponsReturned: [trial], refundedFen: 25_000 });
      expect(couponDoc(h, trial).status).toBe('available');
      // more than was paid (after the coupon) cannot be refunded
      expect(await deliver(h, 'refunds', refundBody(body.orderId, 'RF-3', 1))).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    });

    it('a refund of the whole order after the coupon expired does not return it: it stays used', async () => {
      const winter = await claim('winter-300-50');
      const { body } = await order(30_000, { couponIds: [winter] });
      h.clock.set('2026-12-11T02:00:00.000Z');
      const refund = await deliver(h, 'refunds', refundBody(body.orderId, 'RF-LATE', 25_000));
      expect(refund.body.data).toMatchObject({ couponsReturned: [], pointsClawedBack: 250, refundedFen: 25_000 });
      expect(couponDoc(h, winter)).toMatchObject({ status: 'used', usedOrder: `S001:${body.orderId}` });
      expect((await wallet('used')).coupons.map((c) => c.couponId)).toEqual([winter]);
    });

    it('a retried whole refund answers the same couponsReturned and writes nothing', async () => {
      const trial = await claim('new-arrival-trial');
      const { body } = await order(30_000, { couponIds: [trial] });
      const first = await deliver(h, 'refunds', refundBody(body.orderId, 'RF-ALL', 25_000));
      const before = snapshot(h, COUPON_DATA);
      expect(await deliver(h, 'refunds', refundBody(body.orderId, 'RF-ALL', 25_000))).toMatchObject({ status: 200, body: first.body });
      expect(snapshot(h, COUPON_DATA)).toEqual(before);
    });

    it('a whole refund of the member’s only order undoes their first order: the welcome coupon comes back usable, the unused second-item coupon it brought is taken back, and the next first order brings one again', async () => {
      const { body } = await order(50_000, { couponIds: [welcome] });
      const secondItem = `second-item-half:${memberId}:once`;
      expect(couponDoc(h, secondItem)).toMatchObject({ status: 'available' });
      const refund = await deliver(h, 'refunds', refundBody(body.orderId, 'RF-FIRST', 40_000));
      expect(refund.body).toMatchObject({ ok: true, data: { couponsReturned: [welcome], pointsClawedBack: 400, refundedFen: 40_000 } });
      expect(couponDoc(h, welcome)).toMatchObject({ status: 'available', usedOrder: null, usedAt: null });
      expect(memberDoc(h, memberId).firstOrderAt).toBeNull();
      expect((await wallet('available')).coupons.map((c) => c.couponId)).toEqual([welcome]);
      // the welcome coupon pays the new first order, which brings the second-item coupon: one, never two
      const again = await order(50_000, { couponIds: [welcome] });
      expect(again.answer).toMatchObject({ status: 200, body: { ok: true, data: { discountFen: 10_000, payableFen: 40_000 } } });
      expect(h.cloud.db.count('coupons', { memberId, templateId: 'second-item-half' })).toBe(1);
      expect(couponDoc(h, secondItem)).toMatchObject({ status: 'available' });
    });

    it('a whole refund of the only order after its second-item coupon was used elsewhere cannot happen: that use was a later order, so the first order stays made', async () => {
      const first = await order(50_000);
      const secondItem = `second-item-half:${memberId}:once`;
      const later = await order(40_000, { items: [{ sku: 'A', qty: 1, priceFen: 20_000 }, { sku: 'B', qty: 1, priceFen: 20_000 }], couponIds: [secondItem] });
      expect(later.answer).toMatchObject({ status: 200, body: { ok: true, data: { discountFen: 10_000 } } });
      const refund = await deliver(h, 'refunds', refundBody(first.body.orderId, 'RF-FIRST', 50_000));
      expect(refund.body).toMatchObject({ ok: true, data: { couponsReturned: [] } });
      expect(couponDoc(h, secondItem)).toMatchObject({ status: 'used' });
      expect(memberDoc(h, memberId).firstOrderAt).not.toBeNull();
    });

    it('a whole refund of a first order after which the member ordered again does not return the welcome coupon: their first order stays made', async () => {
      const first = await order(50_000, { couponIds: [welcome] });
      await order(20_000);
      const refund = await deliver(h, 'refunds', refundBody(first.body.orderId, 'RF-FIRST', 40_000));
      expect(refund.body).toMatchObject({ ok: true, data: { couponsReturned: [], refundedFen: 40_000 } });
      expect(couponDoc(h, welcome)).toMatchObject({ status: 'used', usedOrder: `S001:${first.body.orderId}` });
      expect(memberDoc(h, memberId).firstOrderAt).not.toBeNull();
    });
  });
});
