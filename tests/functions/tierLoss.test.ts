import { createHarness, type Harness } from '../support/harness';
import { buy, deliver, refundBody } from '../support/pos';

/**
 * A fall in tier takes back the services the new tier no longer gives (issue 18): a refund that
 * ends 忠诚者 gives up the member's place at a 忠诚者-only event (the seat goes to the first waiting,
 * as any cancellation's does), and keeps their place at an event open to 成长者 too.
 */

const DEMO = 'S001-demo-salon-1220'; // 30 seats, 忠诚者 only
const any = (h: Harness, openid: string, data: unknown): Promise<any> => h.call('benefits', openid, data);

async function loyalMember(h: Harness, openid: string) {
  await h.join(openid);
  const paid = await buy(h, openid, 300_100);
  expect(paid.result).toMatchObject({ tier: 'loyal' });
  return paid;
}

describe('a tier lost by a refund, at private events', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('gives up the seat at a 忠诚者-only event to the first waiting, keeps a seat at one open to 成长者, and the door turns them away', async () => {
    const growerEvent = await any(h, 'manager-S001', {
      action: 'createEvent',
      title: '春装预览沙龙',
      picture: '/static/products/YYBAG011.svg',
      description: '店长带你提前看春装',
      startsAt: '2026-12-05T11:00:00.000Z',
      endsAt: '2026-12-05T13:00:00.000Z',
      capacity: 5,
      tiers: ['grower', 'loyal'],
      signUpFrom: '2026-11-25T02:00:00.000Z',
      signUpUntil: '2026-12-04T16:00:00.000Z',
      requestId: 'tierloss-event-1',
    });
    expect(growerEvent).toMatchObject({ ok: true });
    const openEventId = growerEvent.data.event.eventId as string;

    const paid = await loyalMember(h, 'refunder');
    // the demo event is full of other 忠诚者, and one more waits
    for (let i = 0; i < 29; i += 1) {
      const id = await h.join(`seated-${i}`);
      const doc = h.cloud.db.find('members', { _id: id })[0]!;
      await h.cloud.db.apply([{ c: 'members', id, doc: { ...doc, tier: 'loyal' } }]);
    }
    expect(await any(h, 'refunder', { action: 'signUp', eventId: DEMO })).toMatchObject({ ok: true, data: { event: { state: 'signedUp' } } });
    for (let i = 0; i < 29; i += 1) await any(h, `seated-${i}`, { action: 'signUp', eventId: DEMO });
    const waiterId = await h.join('waiter');
    const waiterDoc = h.cloud.db.find('members', { _id: waiterId })[0]!;
    await h.cloud.db.apply([{ c: 'members', id: waiterId, doc: { ...waiterDoc, tier: 'loyal' } }]);
    expect(await any(h, 'waiter', { action: 'signUp', eventId: DEMO })).toMatchObject({ ok: true, data: { event: { state: 'waiting' } } });
    expect(await any(h, 'refunder', { action: 'signUp', eventId: openEventId })).toMatchObject({ ok: true, data: { event: { state: 'signedUp' } } });

    const refund = await deliver(h, 'refunds', refundBody(paid.body.orderId, 'R-tierloss', 300_100));
    expect(refund.body.data).toMatchObject({ tier: 'explorer', tierChanged: true });

    const gone = h.cloud.db.find('eventSignUps', { eventId: DEMO, memberId: h.cloud.db.find('members', { openid: 'refunder' })[0]!._id })[0]!;
    expect(gone).toMatchObject({ state: 'cancelled', cancelReason: '因会员等级调整，报名已取消' });
    expect(h.cloud.db.find('eventSignUps', { eventId: DEMO, memberId: waiterId })[0]).toMatchObject({ state: 'seat' });
    expect(h.cloud.db.find('eventSignUps', { eventId: DEMO, state: 'seat' })).toHaveLength(30);
    // an 探索者 is admitted to neither, so the other place goes too
    expect(h.cloud.db.find('eventSignUps', { eventId: openEventId, state: 'seat' })).toHaveLength(0);
    // the till retries the refund: the same answer, nothing more moves
    expect((await deliver(h, 'refunds', refundBody(paid.body.orderId, 'R-tierloss', 300_100))).body).toEqual(refund.body);
    expect(h.cloud.db.find('eventSignUps', { eventId: DEMO, state: 'seat' })).toHaveLength(30);
  });

  it('a 忠诚者 who falls to 成长者 keeps the place at an event open to 成长者 and gives up the 忠诚者-only one', async () => {
    const growerEvent = await any(h, 'manager-S001', {
      action: 'createEvent',
      title: '春装预览沙龙',
      picture: '/static/products/YYBAG011.svg',
      description: '店长带你提前看春装',
      startsAt: '2026-12-05T11:00:00.000Z',
      endsAt: '2026-12-05T13:00:00.000Z',
      capacity: 5,
      tiers: ['grower', 'loyal'],
      signUpFrom: '2026-11-25T02:00:00.000Z',
      signUpUntil: '2026-12-04T16:00:00.000Z',
      requestId: 'tierloss-event-2',
    });
    const openEventId = growerEvent.data.event.eventId as string;
    await h.join('two-orders');
    await buy(h, 'two-orders', 100_000);
    const big = await buy(h, 'two-orders', 200_100);
    expect(big.result).toMatchObject({ tier: 'loyal' });
    await any(h, 'two-orders', { action: 'signUp', eventId: DEMO });
    await any(h, 'two-orders', { action: 'signUp', eventId: openEventId });
    const refund = await deliver(h, 'refunds', refundBody(big.body.orderId, 'R-partial', 200_100));
    expect(refund.body.data).toMatchObject({ tier: 'grower', tierChanged: true });
    const mine = (await any(h, 'two-orders', { action: 'events' })).data.events as Array<{ eventId: string; state: string }>;
    expect(mine.find((e) => e.eventId === openEventId)).toMatchObject({ state: 'signedUp' });
    expect(mine.find((e) => e.eventId === DEMO)?.state).not.toBe('signedUp');
  });
});
