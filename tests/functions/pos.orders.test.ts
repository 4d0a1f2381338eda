import { createHarness, type Harness } from '../support/harness';
import { holdBeforeTransaction } from '../support/interleave';
import { accountProblems, ledgerOf, POINTS_DATA, snapshot } from '../support/ledger';
import { buy, deliver, orderBody, SECRETS, tillCode } from '../support/pos';

const HOUR = 3_600_000;

describe('a paid order at the till (pos.orders)', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('shopper', { nickname: '小雅' });
  });

  it('credits 1 point per whole yuan paid and answers memberId, pointsEarned, balance, tier and tierChanged', async () => {
    const body = orderBody(h, await tillCode(h, 'shopper'), 39_999);
    const answer = await deliver(h, 'orders', body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true, data: { memberId, discountFen: 0, payableFen: 39_999, coupons: [], pointsEarned: 399, balance: 399, tier: 'explorer', tierChanged: false } });
    expect(ledgerOf(h, memberId)).toEqual([
      expect.objectContaining({ _id: `e:S001:${body.orderId}`, kind: 'earn', seq: 1, points: 399, debtChange: 0, balanceAfter: 399, lotExpiresAt: new Date('2027-12-31T16:00:00.000Z') }),
    ]);
    expect(accountProblems(h, memberId)).toEqual([]);
  });

  it('adds each order to the balance, and an order under ¥1 earns nothing but is recorded', async () => {
    expect((await buy(h, 'shopper', 12_050)).result).toMatchObject({ pointsEarned: 120, balance: 120 });
    expect((await buy(h, 'shopper', 99)).result).toMatchObject({ pointsEarned: 0, balance: 120 });
    expect((await buy(h, 'shopper', 0, { items: [{ sku: 'GIFT', qty: 1, priceFen: 0 }] })).result).toMatchObject({ pointsEarned: 0, balance: 120 });
    expect(h.cloud.db.count('orders', { memberId })).toBe(3);
    expect(ledgerOf(h, memberId).map((e) => e.points)).toEqual([120, 0, 0]);
  });

  it('shows the new balance on the member card', async () => {
    await buy(h, 'shopper', 39_999);
    expect(await h.call('member', 'shopper', { action: 'card' })).toMatchObject({ ok: true, data: { memberId, points: 399, tier: 'explorer' } });
  });

  it('uses the code up: a second order with it is CODE_EXPIRED (422) and earns nothing', async () => {
    const code = await tillCode(h, 'shopper');
    expect((await deliver(h, 'orders', orderBody(h, code, 10_000))).status).toBe(200);
    const second = await deliver(h, 'orders', orderBody(h, code, 20_000));
    expect(second).toMatchObject({ status: 422, body: { ok: false, error: { code: 'CODE_EXPIRED' } } });
    expect(h.cloud.db.count('orders', {})).toBe(1);
    expect(h.cloud.db.find('members', { _id: memberId })[0]).toMatchObject({ points: 100 });
  });

  it('refuses a code whose minute is up once the 30 s delivery grace is over (CODE_EXPIRED, 422), and an unknown one too', async () => {
    const code = await tillCode(h, 'shopper');
    h.clock.advance(60_000 + 30_000);
    expect(await deliver(h, 'orders', orderBody(h, code, 10_000))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    expect(await deliver(h, 'orders', orderBody(h, '660000000000000000', 10_000))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    expect(h.cloud.db.count('orders', {})).toBe(0);
  });

  it('credits an order paid within the code’s minute that arrives in the 30 s after it ended', async () => {
    const code = await tillCode(h, 'shopper');
    h.clock.advance(59_000);
    const body = orderBody(h, code, 10_000);
    h.clock.advance(20_000);
    expect(await deliver(h, 'orders', body)).toMatchObject({ status: 200, body: { ok: true, data: { pointsEarned: 100 } } });
  });

  it('lets a till use the code it scanned just before the phone fetched a new one, once, within that code’s minute', async () => {
    const scanned = await tillCode(h, 'shopper');
    h.clock.advance(50_000);
    const fresh = await tillCode(h, 'shopper');
    // the clerk's lookup knows only the code on screen now
    expect(await h.call('staff', 'staff-S001', { action: 'lookup', code: scanned })).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    expect(await deliver(h, 'orders', orderBody(h, scanned, 10_000))).toMatchObject({ status: 200, body: { ok: true, data: { memberId, pointsEarned: 100 } } });
    expect(await deliver(h, 'orders', orderBody(h, scanned, 10_000))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    // the code on screen is untouched by that
    expect(await deliver(h, 'orders', orderBody(h, fresh, 20_000))).toMatchObject({ status: 200, body: { ok: true, data: { pointsEarned: 200 } } });
  });

  it('refuses a code replaced twice since it was shown', async () => {
    const old = await tillCode(h, 'shopper');
    await tillCode(h, 'shopper');
    await tillCode(h, 'shopper');
    expect(await deliver(h, 'orders', orderBody(h, old, 10_000))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
  });

  it('answers a retried delivery (new nonce, same body) with the first result and writes nothing, even once the code has expired', async () => {
    const body = orderBody(h, await tillCode(h, 'shopper'), 39_999);
    const first = await deliver(h, 'orders', body);
    const before = snapshot(h, POINTS_DATA);
    h.clock.advance(2 * HOUR);
    const retried = await deliver(h, 'orders', body);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
    expect(snapshot(h, POINTS_DATA)).toEqual(before);
  });

  it('treats the same paidAt written with another offset as the same order', async () => {
    const body = orderBody(h, await tillCode(h, 'shopper'), 39_999, { paidAt: '2026-11-25T02:00:00Z' });
    const first = await deliver(h, 'orders', body);
    const retried = await deliver(h, 'orders', { ...body, paidAt: '2026-11-25T10:00:00.000+08:00' });
    expect(retried).toMatchObject({ status: 200, body: first.body });
    expect(ledgerOf(h, memberId)).toHaveLength(1);
  });

  it('answers a retried delivery that arrives while the first is still being recorded with the first result', async () => {
    const body = orderBody(h, await tillCode(h, 'shopper'), 39_999);
    const hold = holdBeforeTransaction('nonce-slow-retry');
    try {
      // the retry has read "no such order yet" when the first delivery commits
      const slow = deliver(h, 'orders', body, { nonce: 'nonce-slow-retry' });
      await hold.reached;
      const first = await deliver(h, 'orders', body);
      hold.release();
      expect(first.status).toBe(200);
      expect(await slow).toMatchObject({ status: 200, body: first.body });
    } finally {
      hold.release();
      hold.restore();
    }
    expect(ledgerOf(h, memberId)).toHaveLength(1);
  });

  it('answers the same orderId with a different body CONFLICT (409) and writes nothing', async () => {
    const body = orderBody(h, await tillCode(h, 'shopper'), 39_999);
    await deliver(h, 'orders', body);
    const fresh = await tillCode(h, 'shopper');
    const before = snapshot(h, POINTS_DATA);
    for (const changed of [{ ...body, amountFen: 29_999 }, { ...body, memberCode: fresh }, { ...body, items: [{ sku: 'SKU-2', qty: 1, priceFen: 39_999 }] }]) {
      expect(await deliver(h, 'orders', changed)).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });
    }
    expect(snapshot(h, POINTS_DATA)).toEqual(before);
  });

  it('answers a retry whose body differs only in form (couponIds [] for none, items and keys in another order, paidAt in UTC) with the first result', async () => {
    const body = orderBody(h, await tillCode(h, 'shopper'), 39_999, { items: [{ sku: 'SKU-1', qty: 1, priceFen: 20_000 }, { sku: 'SKU-2', qty: 1, priceFen: 19_999 }] });
    const first = await deliver(h, 'orders', body);
    const before = snapshot(h, POINTS_DATA);
    const { orderId, memberCode, amountFen, items, paidAt } = body;
    for (const same of [
      { ...body, couponIds: [] },
      { paidAt: new Date(paidAt).toISOString().replace('Z', '+00:00'), items: [...items].reverse(), amountFen, memberCode, orderId },
    ]) {
      expect(await deliver(h, 'orders', same)).toMatchObject({ status: 200, body: first.body });
    }
    expect(snapshot(h, POINTS_DATA)).toEqual(before);
  });

  it('counts the same orderId at another store as a different order', async () => {
    const body = orderBody(h, await tillCode(h, 'shopper'), 39_999);
    await deliver(h, 'orders', body);
    const there = { ...body, memberCode: await tillCode(h, 'shopper'), amountFen: 10_000, items: [{ sku: 'SKU-9', qty: 1, priceFen: 10_000 }] };
    const answer = await deliver(h, 'orders', there, { storeId: 'S002', secret: SECRETS.S002 });
    expect(answer).toMatchObject({ status: 200, body: { data: { pointsEarned: 100, balance: 499 } } });
    expect(h.cloud.db.find('orders', {}).map((o) => o._id).sort()).toEqual([`S001:${body.orderId}`, `S002:${body.orderId}`]);
    const history = await h.call('points', 'shopper', { action: 'history' });
    expect(history.ok && history.data.lines.map((l: { detail: string }) => l.detail)).toEqual(['悦衣库 杭州湖滨店 · 实付 ¥100', '悦衣库 上海静安店 · 实付 ¥399.99']);
  });

  it('refuses an amount above what the items add up to with INVALID_INPUT (400), and accepts a discounted one', async () => {
    const code = await tillCode(h, 'shopper');
    const items = [{ sku: 'SKU-1', qty: 2, priceFen: 10_000 }, { sku: 'SKU-2', qty: 1, priceFen: 5_000 }];
    expect(await deliver(h, 'orders', orderBody(h, code, 25_001, { items }))).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    expect(h.cloud.db.count('orders', {})).toBe(0);
    expect(await deliver(h, 'orders', orderBody(h, code, 20_000, { items }))).toMatchObject({ status: 200, body: { data: { pointsEarned: 200 } } });
  });

  it('refuses a paidAt more than 5 minutes in the future (INVALID_INPUT, 400) or outside the minute the code was shown (CODE_EXPIRED, 422)', async () => {
    const code = await tillCode(h, 'shopper');
    const at = (ms: number) => new Date(h.clock.now().getTime() + ms).toISOString();
    expect(await deliver(h, 'orders', orderBody(h, code, 10_000, { paidAt: at(5 * 60_000 + 1_000) }))).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    // back-dating an order (into last quarter, last year, before joining) is not possible: it was paid when the code was on screen
    expect(await deliver(h, 'orders', orderBody(h, code, 10_000, { paidAt: at(-2 * 60_000) }))).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    expect(h.cloud.db.count('orders', {})).toBe(0);
    // a till clock up to a minute behind is fine
    expect(await deliver(h, 'orders', orderBody(h, code, 10_000, { paidAt: at(-30_000) }))).toMatchObject({ status: 200 });
  });

  it('reads paidAt on our clock when the till clock runs a few minutes fast: an order at 23:58 counts in the quarter it was paid and moves the tier at once', async () => {
    const q = await createHarness('2027-03-31T15:58:00.000Z'); // 23:58 on the last day of Q1 in Shanghai
    await q.join('midnight');
    const code = await tillCode(q, 'midnight');
    // the till's clock is 4 minutes fast: its X-Timestamp says so as well as its paidAt
    const answer = await deliver(q, 'orders', orderBody(q, code, 100_000, { paidAt: '2027-04-01T00:02:00+08:00' }), { timestamp: q.clock.now().getTime() + 4 * 60_000 });
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { tier: 'grower', tierChanged: true } } });
    expect(await q.call('points', 'midnight', { action: 'summary' })).toMatchObject({ ok: true, data: { progress: { quarterSpendFen: 100_000 } } });
  });

  it('never counts an order later than it arrived: a paidAt a little ahead of a till clock that is right counts now, and the tier is judged on it', async () => {
    const q = await createHarness('2027-03-31T15:59:30.000Z'); // 23:59:30 in Shanghai
    await q.join('ahead');
    const code = await tillCode(q, 'ahead');
    const answer = await deliver(q, 'orders', orderBody(q, code, 100_000, { paidAt: '2027-04-01T00:00:20+08:00' }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { tier: 'grower', tierChanged: true } } });
    expect(q.cloud.db.find('orders', {})[0]).toMatchObject({ countedAt: new Date('2027-03-31T15:59:30.000Z') });
  });

  describe('tiers move up at once', () => {
    it('¥1,000 within one calendar quarter makes an Explorer a Grower on the order that reaches it (tierChanged true)', async () => {
      expect((await buy(h, 'shopper', 60_000)).result).toMatchObject({ tier: 'explorer', tierChanged: false });
      expect((await buy(h, 'shopper', 39_999)).result).toMatchObject({ tier: 'explorer', tierChanged: false });
      expect((await buy(h, 'shopper', 1)).result).toMatchObject({ tier: 'grower', tierChanged: true, pointsEarned: 0 });
      expect((await buy(h, 'shopper', 10_000)).result).toMatchObject({ tier: 'grower', tierChanged: false });
      expect(await h.call('member', 'shopper', { action: 'card' })).toMatchObject({ ok: true, data: { tier: 'grower', tierName: '成长者' } });
    });

    it('¥1,000 split across two quarters does not', async () => {
      const q = await createHarness('2026-09-30T02:00:00.000Z');
      await q.join('q-shopper');
      await buy(q, 'q-shopper', 60_000);
      q.clock.set('2026-10-01T02:00:00.000Z');
      expect((await buy(q, 'q-shopper', 40_000)).result).toMatchObject({ tier: 'explorer', tierChanged: false });
    });

    it('more than ¥3,000 in 12 months makes a member Loyal; exactly ¥3,000 does not', async () => {
      const y = await createHarness('2026-03-10T02:00:00.000Z');
      await y.join('y-shopper');
      await buy(y, 'y-shopper', 90_000);
      y.clock.set('2026-06-10T02:00:00.000Z');
      await buy(y, 'y-shopper', 90_000);
      y.clock.set('2026-09-10T02:00:00.000Z');
      await buy(y, 'y-shopper', 90_000);
      y.clock.set('2026-11-25T02:00:00.000Z');
      // no quarter reached ¥1,000: still an Explorer at exactly ¥3,000
      expect((await buy(y, 'y-shopper', 30_000)).result).toMatchObject({ tier: 'explorer', tierChanged: false });
      expect((await buy(y, 'y-shopper', 1)).result).toMatchObject({ tier: 'loyal', tierChanged: true });
    });

    it('one order above ¥3,000 lifts an Explorer straight to Loyal', async () => {
      expect((await buy(h, 'shopper', 300_001)).result).toMatchObject({ tier: 'loyal', tierChanged: true, pointsEarned: 3_000 });
    });
  });

  describe('double points in the birthday month', () => {
    it('a Grower earns double in their birthday month, written as a separate bonus line', async () => {
      const id = await h.join('nov-birthday', { birthday: '11-08' });
      // the order that makes them a Grower is paid as an Explorer: single points
      expect((await buy(h, 'nov-birthday', 100_000)).result).toMatchObject({ tier: 'grower', tierChanged: true, pointsEarned: 1_000, balance: 1_000 });
      const { body, result } = await buy(h, 'nov-birthday', 20_050);
      expect(result).toEqual({ memberId: id, discountFen: 0, payableFen: 20_050, coupons: [], pointsEarned: 400, balance: 1_400, tier: 'grower', tierChanged: false });
      expect(ledgerOf(h, id).slice(-2)).toEqual([
        expect.objectContaining({ _id: `e:S001:${body.orderId}`, kind: 'earn', points: 200 }),
        expect.objectContaining({ _id: `b:S001:${body.orderId}`, kind: 'bonus', points: 200 }),
      ]);
      const history = await h.call('points', 'nov-birthday', { action: 'history', limit: 1 });
      expect(history).toMatchObject({ ok: true, data: { lines: [{ kind: 'bonus', points: 200, title: '生日月双倍积分' }] } });
      expect(accountProblems(h, id)).toEqual([]);
    });

    it('an Explorer in their birthday month and a Grower outside it earn single points', async () => {
      await h.join('nov-explorer', { birthday: '11-30' });
      expect((await buy(h, 'nov-explorer', 20_000)).result).toMatchObject({ pointsEarned: 200 });
      await h.join('dec-grower', { birthday: '12-01' });
      await buy(h, 'dec-grower', 100_000);
      expect((await buy(h, 'dec-grower', 20_000)).result).toMatchObject({ tier: 'grower', pointsEarned: 200 });
    });
  });
});
