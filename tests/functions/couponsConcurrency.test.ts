import type { Envelope } from '../../cloudfunctions/contract';
import { stockHolder } from '../../cloudfunctions/data/coupons';
import type { Coupon, CouponStock } from '../../cloudfunctions/domain/coupons/template';
import { createHarness, type Harness, joinMany, tallyAnswers } from '../support/harness';
import { accountProblems, ledgerOf, memberDoc } from '../support/ledger';
import { buy, deliver, orderBody, tallyPos, tillCode } from '../support/pos';

const NEW_ARRIVAL = 'new-arrival-trial';

const stockOf = (h: Harness, templateId: string) => h.cloud.db.find('couponStock', { _id: templateId })[0] as unknown as CouponStock;
const couponsOfTemplate = (h: Harness, templateId: string) => h.cloud.db.find('coupons', { templateId }) as unknown as Coupon[];

/** Records every value of `remaining` the stock document of a template is written with. */
function watchStock(h: Harness, templateId: string): { written: number[]; stop(): void } {
  const apply = h.cloud.db.apply.bind(h.cloud.db);
  const written: number[] = [];
  const spy = jest.spyOn(h.cloud.db, 'apply').mockImplementation((writes) => {
    for (const w of writes) if (w.c === 'couponStock' && w.id === templateId && w.doc) written.push(w.doc.remaining as number);
    return apply(writes);
  });
  return { written, stop: () => spy.mockRestore() };
}

/** A thousand joins and claims take seconds on the in-memory cloud. */
jest.setTimeout(120_000);

describe('coupons under concurrency: the issue’s acceptance figures', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('(a) 1,000 members claiming the stock-100 新品试穿券 in parallel → exactly 100 issued, 900 OUT_OF_STOCK, stock 0 and never below 0, 100 distinct holders', async () => {
    const members = await joinMany(h, 1_000, 'rush');
    const watch = watchStock(h, NEW_ARRIVAL);
    let answers: Array<Envelope<any>>;
    try {
      answers = await Promise.all([...members.keys()].map((openid) => h.call('coupon', openid, { action: 'claim', templateId: NEW_ARRIVAL })));
    } finally {
      watch.stop();
    }
    const stock = stockOf(h, NEW_ARRIVAL);
    const issued = couponsOfTemplate(h, NEW_ARRIVAL);
    const holders = new Set(issued.map((c) => c.memberId));
    console.log(
      `[coupons (a)] 1,000 parallel claims of ${NEW_ARRIVAL} (stock 100): ${JSON.stringify(tallyAnswers(answers))}; coupons issued ${issued.length}, ` +
        `distinct holders ${holders.size}, stock remaining ${stock.remaining}, lowest remaining written ${Math.min(...watch.written)}, stock writes ${watch.written.length}`,
    );
    expect(tallyAnswers(answers)).toEqual({ ok: 100, OUT_OF_STOCK: 900 });
    expect(issued).toHaveLength(100);
    expect(issued.every((c) => c.status === 'available' && c.channel === 'claim')).toBe(true);
    expect(holders.size).toBe(100);
    expect(stock).toMatchObject({ total: 100, remaining: 0 });
    expect(new Set(stock.holders)).toEqual(new Set(issued.map((c) => stockHolder(c._id))));
    expect(stock.holders).toHaveLength(100);
    expect(Math.min(...watch.written)).toBe(0);
    expect(watch.written).toHaveLength(100);
    // the winners are the members answered ok, each holding the coupon they were answered
    const winners = answers.flatMap((a) => (a.ok ? [a.data.coupon.couponId as string] : []));
    expect(new Set(winners)).toEqual(new Set(issued.map((c) => c._id)));
    // a loser's slot was freed: nothing of theirs is left `issuing`
    expect(h.cloud.db.count('coupons', { status: 'issuing' })).toBe(0);
    const loser = [...members.keys()].find((_, i) => !answers[i]!.ok)!;
    expect(await h.call('coupon', loser, { action: 'center' })).toMatchObject({
      ok: true,
      data: { templates: [{ templateId: NEW_ARRIVAL, state: 'outOfStock', stock: { total: 100, remaining: 0 }, limit: { perMember: 1, claimed: 0 } }, { templateId: 'winter-300-50' }] },
    });
  });

  it('(b) one member claiming it 50 times in parallel → exactly 1 coupon, 49 LIMIT_REACHED', async () => {
    const memberId = await h.join('eager');
    const answers = await Promise.all(Array.from({ length: 50 }, () => h.call('coupon', 'eager', { action: 'claim', templateId: NEW_ARRIVAL })));
    const held = couponsOfTemplate(h, NEW_ARRIVAL);
    console.log(`[coupons (b)] one member, 50 parallel claims: ${JSON.stringify(tallyAnswers(answers))}; coupons held ${held.length}, stock remaining ${stockOf(h, NEW_ARRIVAL).remaining}`);
    expect(tallyAnswers(answers)).toEqual({ ok: 1, LIMIT_REACHED: 49 });
    expect(held).toEqual([expect.objectContaining({ _id: `${NEW_ARRIVAL}:${memberId}:1`, memberId, status: 'available' })]);
    expect(stockOf(h, NEW_ARRIVAL)).toEqual({ _id: NEW_ARRIVAL, total: 100, remaining: 99, holders: [stockHolder(`${NEW_ARRIVAL}:${memberId}:1`)] });
  });

  it('(c) one coupon sent with 20 parallel orders on the member’s one code → used exactly once: 1 × 200 with a discount, 19 × 422 NOT_CLAIMABLE with no other effect', async () => {
    const memberId = await h.join('twenty');
    const couponId = `welcome-80:${memberId}:once`;
    const code = await tillCode(h, 'twenty');
    const bodies = Array.from({ length: 20 }, (_, i) => orderBody(h, code, 50_000, { orderId: `ONE-COUPON-${i}`, couponIds: [couponId] }));
    const answers = await Promise.all(bodies.map((b) => deliver(h, 'orders', b)));
    const won = answers.findIndex((a) => a.status === 200);
    const orders = h.cloud.db.find('orders', { memberId });
    const earns = ledgerOf(h, memberId).filter((e) => e.kind === 'earn');
    console.log(
      `[coupons (c)] 20 parallel orders with one coupon on one code: ${JSON.stringify(tallyPos(answers))}; ` +
        `winner discountFen ${answers[won]?.body.data.discountFen}, payableFen ${answers[won]?.body.data.payableFen}; order records ${orders.length}, earn entries ${earns.length}`,
    );
    expect(tallyPos(answers)).toEqual({ '200': 1, '422 NOT_CLAIMABLE': 19 });
    expect(answers[won]!.body).toEqual({
      ok: true,
      data: { memberId, discountFen: 10_000, payableFen: 40_000, coupons: [{ couponId, name: '首单8折券', discountFen: 10_000 }], pointsEarned: 400, balance: 400, tier: 'explorer', tierChanged: false },
    });
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body.error!.message).toBe(`coupon ${couponId}: 已经使用过`);
    // one order record, one earn entry, the coupon used by the winning order, the code used by it too
    expect(orders).toEqual([expect.objectContaining({ _id: `S001:${bodies[won]!.orderId}`, amountFen: 40_000, listedFen: 50_000, discountFen: 10_000, couponIds: [couponId] })]);
    expect(earns).toEqual([expect.objectContaining({ _id: `e:S001:${bodies[won]!.orderId}`, points: 400 })]);
    expect(memberDoc(h, memberId)).toMatchObject({ points: 400, firstOrderAt: h.clock.now() });
    expect(h.cloud.db.find('coupons', { _id: couponId })[0]).toMatchObject({ status: 'used', usedOrder: `S001:${bodies[won]!.orderId}` });
    expect(h.cloud.db.find('memberCodes', { _id: memberId })[0]).toMatchObject({ code, usedAt: expect.any(Date), usedFor: `S001:${bodies[won]!.orderId}` });
    // the first paid order brought the second-item coupon, once
    expect(h.cloud.db.find('coupons', { memberId, templateId: 'second-item-half' })).toHaveLength(1);
    expect(accountProblems(h, memberId)).toEqual([]);
    // the code went with the winning order: a loser resent on it is refused, a fresh code without the coupon pays normally
    expect(await deliver(h, 'orders', { ...bodies[won === 0 ? 1 : 0]!, couponIds: undefined })).toMatchObject({ status: 422, body: { error: { code: 'CODE_EXPIRED' } } });
    expect((await buy(h, 'twenty', 50_000)).result).toMatchObject({ discountFen: 0, payableFen: 50_000, pointsEarned: 500, balance: 900 });
  });

  describe('(d) points rewards', () => {
    it('50 parallel redeems of reward-20 (500 points) by a member holding 1,599 → exactly 3 coupons, 47 INSUFFICIENT_POINTS, balance never < 0', async () => {
      const memberId = await h.join('spender');
      expect((await buy(h, 'spender', 159_900)).result).toMatchObject({ pointsEarned: 1_599, balance: 1_599 });
      const answers = await Promise.all(Array.from({ length: 50 }, () => h.call('points', 'spender', { action: 'redeem', rewardId: 'reward-20' })));
      const coupons = couponsOfTemplate(h, 'reward-20');
      const entries = ledgerOf(h, memberId);
      const lowest = Math.min(...entries.map((e) => e.balanceAfter));
      console.log(
        `[coupons (d)] 50 parallel redeems of reward-20 by a member holding 1,599 points: ${JSON.stringify(tallyAnswers(answers))}; ` +
          `coupons ${coupons.length}, redeem entries ${entries.filter((e) => e.kind === 'redeem').length}, balance ${memberDoc(h, memberId).points}, lowest balanceAfter ${lowest}`,
      );
      expect(tallyAnswers(answers)).toEqual({ ok: 3, INSUFFICIENT_POINTS: 47 });
      expect(answers.flatMap((a) => (a.ok ? [a.data.balance] : [])).sort((x, y) => y - x)).toEqual([1_099, 599, 99]);
      expect(answers.every((a) => !a.ok || a.data.spent === 500)).toBe(true);
      expect(coupons).toHaveLength(3);
      expect(coupons.every((c) => c.memberId === memberId && c.status === 'available' && c.channel === 'reward')).toBe(true);
      expect(new Set(answers.flatMap((a) => (a.ok ? [a.data.coupon.couponId] : [])))).toEqual(new Set(coupons.map((c) => c._id)));
      expect(entries.map((e) => [e.kind, e.points, e.balanceAfter])).toEqual([
        ['earn', 1_599, 1_599],
        ['redeem', -500, 1_099],
        ['redeem', -500, 599],
        ['redeem', -500, 99],
      ]);
      expect(lowest).toBeGreaterThanOrEqual(0);
      expect(memberDoc(h, memberId)).toMatchObject({ points: 99, pointsDebt: 0 });
      expect(accountProblems(h, memberId)).toEqual([]);
      expect(await h.call('points', 'spender', { action: 'rewards' })).toMatchObject({ ok: true, data: { balance: 99 } });
    });

    it('a redeem retried 10 times in parallel with one requestId spends once and answers the same coupon each time', async () => {
      const memberId = await h.join('retrier');
      await buy(h, 'retrier', 120_000);
      const redeem = { action: 'redeem', rewardId: 'reward-20', requestId: 'tap-2026-11-25-a' };
      const answers = await Promise.all(Array.from({ length: 10 }, () => h.call('points', 'retrier', redeem)));
      const entries = ledgerOf(h, memberId).filter((e) => e.kind === 'redeem');
      console.log(`[coupons (d)] one redeem retried 10 times in parallel: ${JSON.stringify(tallyAnswers(answers))}; redeem entries ${entries.length}, coupons ${couponsOfTemplate(h, 'reward-20').length}, balance ${memberDoc(h, memberId).points}`);
      expect(tallyAnswers(answers)).toEqual({ ok: 10 });
      const couponId = `reward-20:${memberId}:rtap-2026-11-25-a`;
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0]).toMatchObject({ ok: true, data: { coupon: { couponId, name: '¥20无门槛券', value: '¥20', rule: '无门槛', channel: 'reward', status: 'available' }, balance: 700, spent: 500 } });
      expect(entries).toEqual([expect.objectContaining({ _id: `s:${memberId}:tap-2026-11-25-a`, points: -500, balanceAfter: 700 })]);
      expect(couponsOfTemplate(h, 'reward-20').map((c) => c._id)).toEqual([couponId]);
      expect(memberDoc(h, memberId).points).toBe(700);
      expect(accountProblems(h, memberId)).toEqual([]);
      // a fresh request id is a new redeem
      expect(await h.call('points', 'retrier', { ...redeem, requestId: 'tap-2026-11-25-b' })).toMatchObject({ ok: true, data: { balance: 200, spent: 500 } });
    });
  });
});
