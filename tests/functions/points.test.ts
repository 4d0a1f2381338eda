import { functionMains } from '../../local/functions';
import { createHarness, type Harness } from '../support/harness';
import { redeem } from '../support/ledger';
import { buy, deliver, refundBody } from '../support/pos';

describe('the points page (points.summary, points.history)', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('pts', { birthday: '03-15' });
  });

  describe('summary', () => {
    it('shows a new member nothing to spend, the way up and every tier with its rule', async () => {
      const answer = await h.call('points', 'pts', { action: 'summary' });
      expect(answer).toMatchObject({
        ok: true,
        data: {
          balance: 0,
          debt: 0,
          nextExpiry: null,
          expiringSoonPoints: 0,
          tier: { code: 'explorer', name: '探索者', since: '2026-11-25T02:00:00.000Z', keptUntil: null },
          progress: { quarterSpendFen: 0, yearSpendFen: 0, settledReferrals: 0, next: { code: 'grower', name: '成长者', text: '本季度再消费 ¥1,000 升级成长者', ratio: 0 }, keepText: null },
          reminders: { pointsExpiring: 0 },
        },
      });
      expect(answer.ok && answer.data.tiers.map((t: { code: string; rule: string }) => [t.code, t.rule])).toEqual([
        ['explorer', '注册即享'],
        ['grower', '单季度消费满 ¥1,000'],
        ['loyal', '近12个月消费超过 ¥3,000 或 成功邀请 3 位好友'],
      ]);
    });

    it('shows the balance, when it expires (end of next year) and what is left to spend for Grower', async () => {
      await buy(h, 'pts', 39_999);
      expect(await h.call('points', 'pts', { action: 'summary' })).toMatchObject({
        ok: true,
        data: {
          balance: 399,
          nextExpiry: { points: 399, expiresAt: '2027-12-31T16:00:00.000Z' },
          expiringSoonPoints: 0,
          progress: { quarterSpendFen: 39_999, yearSpendFen: 39_999, next: { code: 'grower', text: '本季度再消费 ¥600.01 升级成长者', ratio: 0.39999 } },
        },
      });
    });

    it('shows a Grower until when the tier is kept and how to keep it', async () => {
      await buy(h, 'pts', 100_000);
      expect(await h.call('points', 'pts', { action: 'summary' })).toMatchObject({
        ok: true,
        data: {
          tier: { code: 'grower', name: '成长者', keptUntil: '2027-11-25T02:00:00.000Z' },
          progress: { next: { code: 'loyal' }, keepText: '成长者保级至 2027-11-25：单季度消费满 ¥1,000 可续期' },
        },
      });
    });

    it('answers NOT_MEMBER to a stranger and INVALID_INPUT to extra fields', async () => {
      expect(await h.call('points', 'stranger', { action: 'summary' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
      expect(await h.call('points', 'pts', { action: 'summary', memberId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });
  });

  describe('history', () => {
    it('pages the ledger newest first, `limit` lines at a time, with nextBefore until the oldest', async () => {
      for (const fen of [10_000, 20_000, 30_000, 40_000, 50_000]) await buy(h, 'pts', fen);
      const first = await h.call('points', 'pts', { action: 'history', limit: 2 });
      expect(first).toMatchObject({ ok: true, data: { lines: [{ seq: 5, points: 500 }, { seq: 4, points: 400 }], nextBefore: 4 } });
      const second = await h.call('points', 'pts', { action: 'history', limit: 2, before: 4 });
      expect(second).toMatchObject({ ok: true, data: { lines: [{ seq: 3 }, { seq: 2 }], nextBefore: 2 } });
      const last = await h.call('points', 'pts', { action: 'history', limit: 2, before: 2 });
      expect(last).toMatchObject({ ok: true, data: { lines: [{ seq: 1, points: 100 }], nextBefore: null } });
      const exact = await h.call('points', 'pts', { action: 'history', limit: 5 });
      expect(exact.ok && exact.data.nextBefore).toBeNull();
      const all = await h.call('points', 'pts', { action: 'history' });
      expect(all.ok && all.data.lines.map((l: { seq: number }) => l.seq)).toEqual([5, 4, 3, 2, 1]);
    });

    it('labels each kind of line in shop words', async () => {
      const order = await buy(h, 'pts', 39_999);
      await redeem(h, memberId, 'coupon-20', 100, '¥20 无门槛券');
      await deliver(h, 'refunds', refundBody(order.body.orderId, 'R1', 10_000));
      const answer = await h.call('points', 'pts', { action: 'history' });
      expect(answer).toEqual({
        ok: true,
        data: {
          lines: [
            { id: 'r:S001:R1', kind: 'refund', points: -99, debtSettled: 0, debtAdded: 0, at: '2026-11-25T02:00:00.000Z', title: '退货扣回', detail: '悦衣库 上海静安店 · 退款 ¥100', expiresAt: null, balanceAfter: 200, seq: 3 },
            { id: 's:coupon-20', kind: 'redeem', points: -100, debtSettled: 0, debtAdded: 0, at: '2026-11-25T02:00:00.000Z', title: '积分兑换', detail: '¥20 无门槛券', expiresAt: null, balanceAfter: 299, seq: 2 },
            {
              id: `e:S001:${order.body.orderId}`,
              kind: 'earn',
              points: 399,
              debtSettled: 0,
              debtAdded: 0,
              at: '2026-11-25T02:00:00.000Z',
              title: '门店消费',
              detail: '悦衣库 上海静安店 · 实付 ¥399.99',
              expiresAt: '2027-12-31T16:00:00.000Z',
              balanceAfter: 399,
              seq: 1,
            },
          ],
          nextBefore: null,
        },
      });
    });

    it('is empty for a new member', async () => {
      expect(await h.call('points', 'pts', { action: 'history' })).toEqual({ ok: true, data: { lines: [], nextBefore: null } });
    });

    it('shows a member only their own lines', async () => {
      await h.join('other');
      await buy(h, 'other', 50_000);
      await buy(h, 'pts', 10_000);
      const mine = await h.call('points', 'pts', { action: 'history', memberId: 'x' });
      expect(mine).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const lines = await h.call('points', 'pts', { action: 'history' });
      expect(lines.ok && lines.data.lines.map((l: { points: number }) => l.points)).toEqual([100]);
    });

    it('answers NOT_MEMBER to a stranger', async () => {
      expect(await h.call('points', 'stranger', { action: 'history' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    });

    it.each([
      ['before: 0', { before: 0 }],
      ['before: -1', { before: -1 }],
      ['before as text', { before: '3' }],
      ['limit: 51', { limit: 51 }],
      ['limit: 0', { limit: 0 }],
      ['limit: 2.5', { limit: 2.5 }],
      ['an unknown field', { page: 2 }],
    ])('refuses %s with INVALID_INPUT', async (_name, extra) => {
      expect(await h.call('points', 'pts', { action: 'history', ...extra })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });
  });

  it('shows the orders of a year that expired on one New Year as one 积分过期 line (the ledger keeps one entry per lot)', async () => {
    await buy(h, 'pts', 10_000);
    await buy(h, 'pts', 20_000);
    await buy(h, 'pts', 30_000);
    h.clock.set('2028-01-01T01:00:00.000Z');
    await h.cloud.call(null, () => functionMains().jobs!({ action: 'run', job: 'points-expiry' }));
    const answer = await h.call('points', 'pts', { action: 'history' });
    expect(answer.ok && answer.data.lines.map((l: { kind: string; points: number; balanceAfter: number }) => [l.kind, l.points, l.balanceAfter])).toEqual([
      ['expire', -600, 0],
      ['earn', 300, 600],
      ['earn', 200, 300],
      ['earn', 100, 100],
    ]);
    expect(h.cloud.db.count('ledger', { memberId, kind: 'expire' })).toBe(3);
  });
});
