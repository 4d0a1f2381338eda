import { createHarness, type Harness } from '../support/harness';
import { accountProblems, ledgerOf, memberDoc, redeem } from '../support/ledger';
import { deliver, deliverEvent, orderBody, refundBody, SECRET_S001, signedHeaders, tallyPos, tillCode } from '../support/pos';

/** Joins `count` shoppers in parallel; returns openid → memberId. */
async function joinMany(h: Harness, count: number, prefix: string): Promise<Map<string, string>> {
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const ids = await Promise.all(openids.map((o) => h.join(o)));
  return new Map(openids.map((o, i) => [o, ids[i]!]));
}

/** Every member's points agree with their ledger (see accountProblems), listed by member. */
function problemsOf(h: Harness, memberIds: Iterable<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of memberIds) {
    const problems = accountProblems(h, id);
    if (problems.length) out[id] = problems;
  }
  return out;
}

/** The big figures take seconds on the in-memory cloud (retries back off with jitter, as on the platform). */
jest.setTimeout(60_000);

describe('points under concurrency: the issue’s acceptance figures', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  describe('100 parallel deliveries of one signed order credit its points exactly once', () => {
    it('100 deliveries of the same body, each with its own nonce, all answer the same result', async () => {
      const memberId = await h.join('once');
      const body = orderBody(h, await tillCode(h, 'once'), 39_999);
      const answers = await Promise.all(Array.from({ length: 100 }, () => deliver(h, 'orders', body)));
      expect(tallyPos(answers)).toEqual({ '200': 100 });
      const expected = { ok: true, data: { memberId, discountFen: 0, payableFen: 39_999, coupons: [], pointsEarned: 399, balance: 399, tier: 'explorer', tierChanged: false } };
      expect(answers.filter((a) => JSON.stringify(a.body) === JSON.stringify(expected))).toHaveLength(100);
      expect(ledgerOf(h, memberId).filter((e) => e.kind === 'earn')).toHaveLength(1);
      expect(memberDoc(h, memberId).points).toBe(399);
      expect(h.cloud.db.count('orders', {})).toBe(1);
      expect(accountProblems(h, memberId)).toEqual([]);
    });

    it('the very same signed request 100 times: one 200, 99 × 401', async () => {
      const memberId = await h.join('replayed');
      const raw = JSON.stringify(orderBody(h, await tillCode(h, 'replayed'), 39_999));
      const headers = signedHeaders(raw, { storeId: 'S001', secret: SECRET_S001, timestamp: h.clock.now().getTime() });
      const answers = await Promise.all(Array.from({ length: 100 }, () => deliverEvent(h, { path: '/pos/orders', httpMethod: 'POST', headers, body: raw })));
      expect(tallyPos(answers)).toEqual({ '200': 1, '401 UNAUTHENTICATED': 99 });
      expect(ledgerOf(h, memberId).filter((e) => e.kind === 'earn')).toHaveLength(1);
      expect(memberDoc(h, memberId).points).toBe(399);
      expect(accountProblems(h, memberId)).toEqual([]);
    });
  });

  it('50 parallel spends by a member who can afford 3 → exactly 3 succeed, balance never < 0', async () => {
    const memberId = await h.join('spender');
    const paid = await deliver(h, 'orders', orderBody(h, await tillCode(h, 'spender'), 30_000));
    expect(paid.body.data.balance).toBe(300);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => redeem(h, memberId, `reward-${i}`, 100)));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => !a.ok && a.error.code === 'INSUFFICIENT_POINTS')).toHaveLength(47);
    expect(memberDoc(h, memberId)).toMatchObject({ points: 0, pointsDebt: 0, lots: [] });
    const entries = ledgerOf(h, memberId);
    expect(entries.filter((e) => e.kind === 'redeem')).toHaveLength(3);
    expect(Math.min(...entries.map((e) => e.balanceAfter))).toBe(0);
    expect(accountProblems(h, memberId)).toEqual([]);
  });

  it('a spend retried with the same key spends once: 20 parallel retries, 100 points spent', async () => {
    const memberId = await h.join('retrier');
    await deliver(h, 'orders', orderBody(h, await tillCode(h, 'retrier'), 30_000));
    const answers = await Promise.all(Array.from({ length: 20 }, () => redeem(h, memberId, 'reward-once', 100)));
    expect(answers.every((a) => a.ok && a.value.spent === 100)).toBe(true);
    expect(ledgerOf(h, memberId).filter((e) => e.kind === 'redeem')).toHaveLength(1);
    expect(memberDoc(h, memberId).points).toBe(200);
    expect(await redeem(h, memberId, 'reward-once', 100)).toEqual({ ok: true, value: { balance: 200, spent: 100, coupon: null } });
    expect(accountProblems(h, memberId)).toEqual([]);
  });

  describe('500 parallel distinct orders for 50 members → every balance equals its ledger sum', () => {
    it('10 rounds of 50 parallel orders, mixed with refunds of earlier orders and spends: 500 orders recorded, every account agrees', async () => {
      const members = await joinMany(h, 50, 'round');
      const openids = [...members.keys()];
      /** balance − debt each member should hold: earned − clawed back − spent */
      const net = new Map(openids.map((o) => [o, 0]));
      const previous = new Map<string, { orderId: string; amountFen: number }>();
      let refunds = 0;
      let spends = 0;
      let refusedSpends = 0;
      for (let round = 0; round < 10; round += 1) {
        const codes = await Promise.all(openids.map((o) => tillCode(h, o)));
        const work: Array<Promise<void>> = [];
        openids.forEach((openid, i) => {
          const amountFen = 5_000 + ((i * 7_919 + round * 104_729) % 60_000);
          const body = orderBody(h, codes[i]!, amountFen, { orderId: `R${round}-M${i}` });
          work.push(
            deliver(h, 'orders', body).then((a) => {
              expect({ order: body.orderId, status: a.status, error: a.body.error }).toEqual({ order: body.orderId, status: 200, error: undefined });
              net.set(openid, net.get(openid)! + a.body.data.pointsEarned);
              previous.set(`${round}:${openid}`, { orderId: body.orderId, amountFen });
            }),
          );
          const earlier = previous.get(`${round - 1}:${openid}`);
          if (earlier && (i + round) % 3 === 0) {
            refunds += 1;
            work.push(
              deliver(h, 'refunds', refundBody(earlier.orderId, `RF${round}-M${i}`, Math.floor(earlier.amountFen / 2))).then((a) => {
                expect({ refund: `RF${round}-M${i}`, status: a.status }).toEqual({ refund: `RF${round}-M${i}`, status: 200 });
                net.set(openid, net.get(openid)! - a.body.data.pointsClawedBack);
              }),
            );
          }
          // spend all the member holds right now, racing this round's order and refund: some refunds then find the points gone (a debt)
          const holding = memberDoc(h, members.get(openid)!).points;
          if (round >= 1 && (i + round) % 2 === 0 && holding > 0) {
            work.push(
              redeem(h, members.get(openid)!, `SP${round}-M${i}`, holding).then((a) => {
                if (a.ok) {
                  spends += 1;
                  net.set(openid, net.get(openid)! - a.value.spent);
                } else {
                  expect(a.error.code).toBe('INSUFFICIENT_POINTS');
                  refusedSpends += 1;
                }
              }),
            );
          }
        });
        await Promise.all(work);
      }
      expect(h.cloud.db.count('orders', {})).toBe(500);
      expect(h.cloud.db.count('ledger', { kind: 'earn' })).toBe(500);
      expect(h.cloud.db.count('ledger', { kind: 'refund' })).toBe(refunds);
      expect(h.cloud.db.count('ledger', { kind: 'redeem' })).toBe(spends);
      // 9 rounds refund a third of the previous round's orders and spend everything for about half the members
      expect(refunds).toBe(150);
      expect(spends + refusedSpends).toBeGreaterThan(200);
      // some refunds lost the race to a spend and left a debt, which later orders settled
      expect(h.cloud.db.count('ledger', { debtChange: { $gt: 0 } })).toBeGreaterThan(0);
      expect(h.cloud.db.count('ledger', { kind: 'earn', debtChange: { $lt: 0 } })).toBeGreaterThan(0);
      expect(problemsOf(h, members.values())).toEqual({});
      for (const [openid, memberId] of members) {
        const m = memberDoc(h, memberId);
        expect({ openid, net: m.points - (m.pointsDebt ?? 0) }).toEqual({ openid, net: net.get(openid) });
      }
    });

    it('500 truly parallel deliveries, 10 different orders on each of 50 live codes → exactly 50 succeed (one per code), 450 CODE_EXPIRED', async () => {
      const members = await joinMany(h, 50, 'rush');
      const openids = [...members.keys()];
      const codes = await Promise.all(openids.map((o) => tillCode(h, o)));
      const bodies = openids.flatMap((_, i) => Array.from({ length: 10 }, (_, k) => orderBody(h, codes[i]!, 10_000 + k * 100, { orderId: `RUSH-M${i}-O${k}` })));
      const answers = await Promise.all(bodies.map((b) => deliver(h, 'orders', b)));
      expect(tallyPos(answers)).toEqual({ '200': 50, '422 CODE_EXPIRED': 450 });
      for (const [i, openid] of openids.entries()) {
        const memberId = members.get(openid)!;
        const won = answers.slice(i * 10, i * 10 + 10).filter((a) => a.status === 200);
        expect(won).toHaveLength(1);
        expect(h.cloud.db.count('orders', { memberId })).toBe(1);
        expect(ledgerOf(h, memberId).map((e) => e.kind)).toEqual(['earn']);
        expect(memberDoc(h, memberId).points).toBe(won[0]!.body.data.pointsEarned);
        expect(h.cloud.db.find('memberCodes', { _id: memberId })[0]).toMatchObject({ code: codes[i], usedAt: expect.any(Date) });
      }
      expect(problemsOf(h, members.values())).toEqual({});
    });
  });
});
