import { createHarness, type Harness } from '../support/harness';
import { holdBeforeTransaction } from '../support/interleave';
import { accountProblems, ledgerOf, memberDoc, POINTS_DATA, redeem, snapshot } from '../support/ledger';
import { buy, deliver, refundBody, SECRETS } from '../support/pos';

describe('a refund at the till (pos.refunds)', () => {
  let h: Harness;
  let memberId: string;
  /** ¥399.99 paid: 399 points */
  let orderId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('refunder');
    orderId = (await buy(h, 'refunder', 39_999)).body.orderId;
  });

  const refund = (refundId: string, amountFen: number, d = {}) => deliver(h, 'refunds', refundBody(orderId, refundId, amountFen), d);

  it('takes back the refunded share of the order points, rounded down: ¥100 of ¥399.99 takes 99 of 399', async () => {
    const answer = await refund('R1', 10_000);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true, data: { memberId, couponsReturned: [], pointsClawedBack: 99, balance: 300, debt: 0, tier: 'explorer', tierChanged: false, refundedFen: 10_000, memberLeft: false } });
    expect(ledgerOf(h, memberId).at(-1)).toMatchObject({ _id: 'r:S001:R1', kind: 'refund', points: -99, debtChange: 0, balanceAfter: 300 });
    expect(accountProblems(h, memberId)).toEqual([]);
  });

  it('adds partial refunds up to exactly the whole order: 99 + 100 + 200 = 399', async () => {
    const answers = [await refund('R1', 10_000), await refund('R2', 10_000), await refund('R3', 19_999)];
    expect(answers.map((a) => a.body.data.pointsClawedBack)).toEqual([99, 100, 200]);
    expect(answers.map((a) => a.body.data.refundedFen)).toEqual([10_000, 20_000, 39_999]);
    expect(answers[2]!.body.data).toMatchObject({ balance: 0, debt: 0 });
    expect(h.cloud.db.find('orders', { _id: `S001:${orderId}` })[0]).toMatchObject({ refundedFen: 39_999, pointsClawedBack: 399 });
    expect(accountProblems(h, memberId)).toEqual([]);
  });

  it('answers a retried refund (same refundId and body) with the first result and writes nothing', async () => {
    const first = await refund('R1', 10_000);
    const before = snapshot(h, POINTS_DATA);
    const retried = await refund('R1', 10_000);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
    expect(snapshot(h, POINTS_DATA)).toEqual(before);
  });

  it('answers a retried full refund that arrives while the first is still being recorded with the first result', async () => {
    const hold = holdBeforeTransaction('nonce-slow-refund');
    let first;
    try {
      const slow = refund('R-ALL', 39_999, { nonce: 'nonce-slow-refund' });
      await hold.reached;
      first = await refund('R-ALL', 39_999);
      hold.release();
      expect(first.status).toBe(200);
      expect(await slow).toMatchObject({ status: 200, body: first.body });
    } finally {
      hold.release();
      hold.restore();
    }
    expect(ledgerOf(h, memberId).filter((e) => e.kind === 'refund')).toHaveLength(1);
  });

  it('answers a retry naming its own store as orderStoreId with the first result, not CONFLICT', async () => {
    const first = await refund('R1', 10_000);
    const before = snapshot(h, POINTS_DATA);
    expect(await deliver(h, 'refunds', { ...refundBody(orderId, 'R1', 10_000), orderStoreId: 'S001' })).toMatchObject({ status: 200, body: first.body });
    expect(snapshot(h, POINTS_DATA)).toEqual(before);
  });

  it('answers the same refundId with another body CONFLICT (409) and writes nothing', async () => {
    await refund('R1', 10_000);
    const before = snapshot(h, POINTS_DATA);
    expect(await refund('R1', 5_000)).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });
    expect(snapshot(h, POINTS_DATA)).toEqual(before);
  });

  it('refuses more than was paid with INVALID_INPUT (400), also counted over earlier refunds', async () => {
    expect(await refund('R-BIG', 40_000)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    expect((await refund('R1', 30_000)).status).toBe(200);
    const before = snapshot(h, POINTS_DATA);
    expect(await refund('R2', 10_000)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', message: expect.stringContaining('¥99.99 left') } } });
    expect(snapshot(h, POINTS_DATA)).toEqual(before);
    expect((await refund('R3', 9_999)).body.data).toMatchObject({ refundedFen: 39_999, balance: 0 });
    expect(await refund('R4', 1)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
  });

  it('applies exactly one of two parallel refunds that together exceed the order; the other is INVALID_INPUT', async () => {
    const answers = await Promise.all([refund('RA', 30_000), refund('RB', 30_000)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    expect(answers.find((a) => a.status === 400)!.body.error!.code).toBe('INVALID_INPUT');
    expect(h.cloud.db.find('orders', { _id: `S001:${orderId}` })[0]).toMatchObject({ refundedFen: 30_000 });
    expect(ledgerOf(h, memberId).filter((e) => e.kind === 'refund')).toHaveLength(1);
    expect(h.cloud.db.count('refunds', {})).toBe(1);
    expect(accountProblems(h, memberId)).toEqual([]);
  });

  it('answers NOT_FOUND (404) for an order never recorded, or recorded at another store', async () => {
    expect(await deliver(h, 'refunds', refundBody('NO-SUCH-ORDER', 'R1', 100))).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await refund('R1', 100, { storeId: 'S002', secret: SECRETS.S002 })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(h.cloud.db.count('refunds', {})).toBe(0);
  });

  it('refuses a refund of nothing with INVALID_INPUT (400)', async () => {
    expect(await refund('R0', 0)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
  });

  it('after the points were spent, takes what is left, owes the rest, and the next order settles the debt first', async () => {
    expect(await redeem(h, memberId, 'coupon-1', 300)).toEqual({ ok: true, value: { balance: 99, spent: 300, coupon: null } });
    const back = await refund('R-ALL', 39_999);
    expect(back.body.data).toMatchObject({ pointsClawedBack: 399, balance: 0, debt: 300 });
    expect(ledgerOf(h, memberId).at(-1)).toMatchObject({ kind: 'refund', points: -99, debtChange: 300 });
    // ¥200 earns 200: all of it goes to the debt
    expect((await buy(h, 'refunder', 20_000)).result).toMatchObject({ pointsEarned: 200, balance: 0 });
    expect(memberDoc(h, memberId)).toMatchObject({ points: 0, pointsDebt: 100 });
    // ¥150 earns 150: 100 settle the rest of the debt, 50 are spendable
    expect((await buy(h, 'refunder', 15_000)).result).toMatchObject({ pointsEarned: 150, balance: 50 });
    expect(ledgerOf(h, memberId).slice(-2)).toEqual([
      expect.objectContaining({ kind: 'earn', points: 0, debtChange: -200, lotExpiresAt: null }),
      expect.objectContaining({ kind: 'earn', points: 50, debtChange: -100 }),
    ]);
    expect(await h.call('points', 'refunder', { action: 'summary' })).toMatchObject({ ok: true, data: { balance: 50, debt: 0 } });
    const history = await h.call('points', 'refunder', { action: 'history', limit: 3 });
    expect(history.ok && history.data.lines.map((l: { points: number; debtSettled: number; debtAdded: number }) => [l.points, l.debtSettled, l.debtAdded])).toEqual([
      [50, 100, 0],
      [0, 200, 0],
      [-99, 0, 300],
    ]);
    expect(accountProblems(h, memberId)).toEqual([]);
  });

  it('takes back a Grower upgrade when the refund brings the quarter under ¥1,000', async () => {
    const upgrade = await buy(h, 'refunder', 60_001);
    expect(upgrade.result).toMatchObject({ tier: 'grower', tierChanged: true });
    const back = await deliver(h, 'refunds', refundBody(upgrade.body.orderId, 'R-UP', 1));
    expect(back.body.data).toMatchObject({ tier: 'explorer', tierChanged: true, refundedFen: 1 });
    expect(await h.call('member', 'refunder', { action: 'card' })).toMatchObject({ ok: true, data: { tier: 'explorer' } });
    expect(memberDoc(h, memberId)).toMatchObject({ tier: 'explorer', tierKeptUntil: null });
  });

  it('keeps the tier when the quarter still holds ¥1,000 after the refund', async () => {
    await buy(h, 'refunder', 70_000);
    const extra = await buy(h, 'refunder', 20_000);
    const back = await deliver(h, 'refunds', refundBody(extra.body.orderId, 'R-EXTRA', 20_000));
    expect(back.body.data).toMatchObject({ tier: 'grower', tierChanged: false, pointsClawedBack: 200 });
  });

  describe('found by the outside test', () => {
    it('takes nothing back once the order’s points have reached their expiry: they are gone, spent or expired, and no debt is made', async () => {
      h.clock.set('2027-03-01T02:00:00.000Z');
      await buy(h, 'refunder', 20_000);
      h.clock.set('2028-01-01T01:00:00.000Z');
      const answer = await refund('R-late', 39_999);
      expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { pointsClawedBack: 0, balance: 200, debt: 0, refundedFen: 39_999 } } });
      expect(accountProblems(h, memberId)).toEqual([]);
    });

    it('records a refund at another store of the chain when it names the store the order was paid at (orderStoreId)', async () => {
      const elsewhere = { storeId: 'S002', secret: SECRETS.S002 };
      const unnamed = await deliver(h, 'refunds', refundBody(orderId, 'HZ-1', 10_000), elsewhere);
      expect(unnamed).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: expect.stringContaining('orderStoreId') } } });
      const named = await deliver(h, 'refunds', { ...refundBody(orderId, 'HZ-1', 10_000), orderStoreId: 'S001' }, elsewhere);
      expect(named).toMatchObject({ status: 200, body: { ok: true, data: { pointsClawedBack: 99, balance: 300, refundedFen: 10_000 } } });
      expect(ledgerOf(h, memberId).at(-1)).toMatchObject({ _id: 'r:S002:HZ-1', source: { kind: 'refund', storeId: 'S002', storeName: '悦衣库 杭州湖滨店', orderId } });
      // the order's refunded total is shared by every store: S001 can refund only what is left
      expect(await refund('R-rest', 30_000)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
      expect(await refund('R-rest', 29_999)).toMatchObject({ status: 200, body: { ok: true, data: { pointsClawedBack: 300, balance: 0 } } });
    });
  });
});

describe('the pieces a refund names (they leave the member\'s wardrobe)', () => {
  let h: Harness;
  let orderId: string;
  const order = () => h.cloud.db.find('orders', { _id: `S001:${orderId}` })[0] as { returnedItems?: unknown; refundedFen: number };
  beforeEach(async () => {
    h = await createHarness();
    await h.join('returner');
    orderId = (await buy(h, 'returner', 45_700, { items: [{ sku: 'YYTEE011', qty: 2, priceFen: 9_900, size: 'M' }, { sku: 'YYTRO011', qty: 1, priceFen: 25_900, size: '27' }] })).body.orderId;
  });

  it('records the named pieces on the order, adding up across refunds; the last refund brings back every piece', async () => {
    expect((await deliver(h, 'refunds', { ...refundBody(orderId, 'R1', 9_900), items: [{ sku: 'YYTEE011', qty: 1 }] })).status).toBe(200);
    expect(order().returnedItems).toEqual([{ sku: 'YYTEE011', qty: 1 }]);
    expect((await deliver(h, 'refunds', refundBody(orderId, 'R2', 35_800))).status).toBe(200);
    expect(order().returnedItems).toEqual([{ sku: 'YYTEE011', qty: 2 }, { sku: 'YYTRO011', qty: 1 }]);
  });

  it('refuses a piece not on the order, or more than were bought, with 400 and writes nothing', async () => {
    const stray = await deliver(h, 'refunds', { ...refundBody(orderId, 'R1', 9_900), items: [{ sku: 'YYSHOE99', qty: 1 }] });
    expect([stray.status, stray.body.error?.code]).toEqual([400, 'INVALID_INPUT']);
    const many = await deliver(h, 'refunds', { ...refundBody(orderId, 'R2', 9_900), items: [{ sku: 'YYTEE011', qty: 3 }] });
    expect([many.status, many.body.error?.code]).toEqual([400, 'INVALID_INPUT']);
    expect(order()).toMatchObject({ refundedFen: 0 });
    expect(order().returnedItems).toBeUndefined();
    expect(h.cloud.db.count('refunds', {})).toBe(0);
  });

  it('a retried refund naming the pieces in another order answers the first; other pieces under its id conflict', async () => {
    const body = { ...refundBody(orderId, 'R1', 35_800), items: [{ sku: 'YYTEE011', qty: 1 }, { sku: 'YYTRO011', qty: 1 }] };
    const first = await deliver(h, 'refunds', body);
    expect((await deliver(h, 'refunds', { ...body, items: [...body.items].reverse() })).body).toEqual(first.body);
    const other = await deliver(h, 'refunds', { ...body, items: [{ sku: 'YYTEE011', qty: 2 }] });
    expect([other.status, other.body.error?.code]).toEqual([409, 'CONFLICT']);
  });
});
