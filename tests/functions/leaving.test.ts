import { createHarness, type Harness } from '../support/harness';
import { ledgerOf, redeem, runJobs } from '../support/ledger';
import { buy, deliver, refundBody } from '../support/pos';

describe('leaving the programme with points (member.delete)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('erases the member’s ledger entries, reminder credits and messages, and nobody else’s', async () => {
    const leaver = await h.join('leaver');
    const stayer = await h.join('stayer');
    for (const openid of ['leaver', 'stayer']) {
      const order = await buy(h, openid, 39_999);
      await deliver(h, 'refunds', refundBody(order.body.orderId, `R-${openid}`, 10_000));
      await h.call('member', openid, { action: 'subscribe', accepted: ['pointsExpiring'] });
      await h.call('member', openid, { action: 'subscribe', accepted: ['pointsExpiring'] });
    }
    await redeem(h, leaver, 'coupon-1', 100);
    h.clock.set('2027-12-10T02:00:00.000Z');
    await runJobs(h, { action: 'run', job: 'points-reminders' });
    expect(h.cloud.db.count('messages', { memberId: leaver })).toBe(1);

    expect(await h.call('member', 'leaver', { action: 'delete', confirm: true })).toEqual({ ok: true, data: { deleted: true } });
    expect(ledgerOf(h, leaver)).toEqual([]);
    expect(h.cloud.db.count('subscriptions', { _id: leaver })).toBe(0);
    expect(h.cloud.db.count('messages', { memberId: leaver })).toBe(0);
    expect(await h.call('points', 'leaver', { action: 'history' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });

    expect(ledgerOf(h, stayer).map((e) => e.kind)).toEqual(['earn', 'refund']);
    expect(h.cloud.db.find('subscriptions', { _id: stayer })[0]).toMatchObject({ credits: { pointsExpiring: 1 } });
    expect(h.cloud.db.count('messages', { memberId: stayer })).toBe(1);
    // the store keeps its till orders, under a memberId nobody can trace any more
    expect(h.cloud.db.count('orders', { memberId: leaver })).toBe(1);
  });

  it('starts a shopper who comes back with no points and no credits', async () => {
    await h.join('returner');
    await buy(h, 'returner', 50_000);
    await h.call('member', 'returner', { action: 'subscribe', accepted: ['pointsExpiring'] });
    await h.call('member', 'returner', { action: 'delete', confirm: true });
    await h.join('returner');
    expect(await h.call('points', 'returner', { action: 'summary' })).toMatchObject({ ok: true, data: { balance: 0, reminders: { pointsExpiring: 0 } } });
    expect(await h.call('points', 'returner', { action: 'history' })).toEqual({ ok: true, data: { lines: [], nextBefore: null } });
  });

  it('records a refund of an order by a member who has left (200, memberLeft), taking nothing, and answers a retry the same', async () => {
    await h.join('gone');
    const order = await buy(h, 'gone', 10_000);
    await h.call('member', 'gone', { action: 'delete', confirm: true });
    const refund = refundBody(order.body.orderId, 'R-gone', 4_000);
    const first = await deliver(h, 'refunds', refund);
    expect(first).toMatchObject({ status: 200, body: { ok: true, data: { pointsClawedBack: 0, balance: 0, debt: 0, refundedFen: 4_000, memberLeft: true } } });
    expect(await deliver(h, 'refunds', refund)).toMatchObject({ status: 200, body: first.body });
    expect(h.cloud.db.count('refunds', {})).toBe(1);
    expect(h.cloud.db.count('ledger', {})).toBe(0);
    // the order's refunded total still guards against refunding more than was paid
    expect(await deliver(h, 'refunds', refundBody(order.body.orderId, 'R-gone-2', 6_001))).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
  });
});
