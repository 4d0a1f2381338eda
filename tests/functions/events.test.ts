import { createHarness, type Harness, tallyAnswers } from '../support/harness';
import { buy, tillCode } from '../support/pos';

/**
 * Private events (issue 18): who may join, the capacity race and the waiting list, cancellations
 * that move exactly one up, the pass, check-in by scanning the member code once, the figures, and
 * that only the store's manager runs them (seeing masked members only).
 */

const DEMO = 'S001-demo-salon-1220'; // 30 seats, 忠诚者 only, sign-ups open 11-20 … 12-20 00:00 (local/seed)
const EVENT_DAY = '2026-12-20T10:30:00.000Z'; // 18:30 in Shanghai, half an hour before the start
const MANAGER = 'manager-S001';

jest.setTimeout(120_000);

/** Sets a member's tier directly (the tier rules have their own tests). */
async function setTier(h: Harness, memberId: string, tier: 'explorer' | 'grower' | 'loyal') {
  const doc = h.cloud.db.find('members', { _id: memberId })[0]!;
  await h.cloud.db.apply([{ c: 'members', id: memberId, doc: { ...doc, tier } }]);
}

/** Joins `count` members of a tier, 100 at a time; returns their openids. */
async function members(h: Harness, count: number, prefix: string, tier: 'explorer' | 'grower' | 'loyal' = 'loyal'): Promise<string[]> {
  const openids: string[] = [];
  for (let from = 0; from < count; from += 100) {
    const batch = Array.from({ length: Math.min(100, count - from) }, (_, i) => `${prefix}-${from + i}`);
    const ids = await Promise.all(batch.map((o) => h.join(o)));
    await Promise.all(ids.map((id) => setTier(h, id, tier)));
    openids.push(...batch);
  }
  return openids;
}

/** The benefits function's answer, loosely typed (each test knows what it expects). */
const any = (h: Harness, openid: string | null, data: unknown): Promise<any> => h.call('benefits', openid, data);
const signUps = (h: Harness, eventId: string, state?: string) => h.cloud.db.find('eventSignUps', state ? { eventId, state } : { eventId });
const seatsTaken = (h: Harness, eventId: string) => h.cloud.db.find('events', { _id: eventId })[0]!.seatsTaken as number;
const signUp = (h: Harness, openid: string, eventId = DEMO) => any(h, openid, { action: 'signUp', eventId });
const cancel = (h: Harness, openid: string, eventId = DEMO) => any(h, openid, { action: 'cancelSignUp', eventId });
const eventOf = async (h: Harness, openid: string, eventId = DEMO) => {
  const answer = await any(h, openid, { action: 'events' });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return (answer.data.events as Array<{ eventId: string; state: string; stateText: string; hint: string | null; waitingPosition: number | null }>).find((e) => e.eventId === eventId);
};

let seq = 0;
const requestId = () => `evreq${(seq += 1).toString().padStart(4, '0')}`;
function draft(over: Record<string, unknown> = {}) {
  return {
    action: 'createEvent',
    title: '春装预览沙龙',
    picture: '/static/products/YYBAG011.svg',
    description: '店长带你提前看春装',
    startsAt: '2026-12-05T11:00:00.000Z',
    endsAt: '2026-12-05T13:00:00.000Z',
    capacity: 5,
    tiers: ['grower', 'loyal'],
    signUpFrom: '2026-11-25T00:00:00.000Z',
    signUpUntil: '2026-12-04T16:00:00.000Z',
    requestId: requestId(),
    ...over,
  };
}

describe('private events', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  describe('the capacity race and the waiting list', () => {
    it('200 忠诚者 signing up at once for 30 seats end as exactly 30 signed up and 170 waiting in order', async () => {
      const racers = await members(h, 200, 'racer');
      const answers = await Promise.all(racers.map((o) => signUp(h, o)));
      const held = { seat: signUps(h, DEMO, 'seat').length, waiting: signUps(h, DEMO, 'waiting').length };
      console.log(`[events] 200 parallel sign-ups for 30 seats: answers ${JSON.stringify(tallyAnswers(answers))}; sign-ups ${JSON.stringify(held)}; seats taken ${seatsTaken(h, DEMO)}`);
      expect(tallyAnswers(answers)).toEqual({ ok: 200 });
      expect(held).toEqual({ seat: 30, waiting: 170 });
      expect(seatsTaken(h, DEMO)).toBe(30);
      const listed = await Promise.all(racers.map((o) => eventOf(h, o)));
      const now = listed.filter((e) => e!.state === 'waiting').map((e) => e!.waitingPosition).sort((a, b) => a! - b!);
      expect(now).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
    });

    it('a cancellation moves exactly the first on the waiting list up, and a second tap on 报名 changes nothing', async () => {
      const [a, b, c, d] = await members(h, 4, 'few');
      const small = await any(h, MANAGER, draft({ capacity: 2, tiers: ['loyal'] }));
      const id = small.data.event.eventId as string;
      for (const o of [a!, b!, c!, d!]) {
        await signUp(h, o, id);
        h.clock.advance(1_000);
      }
      expect((await signUp(h, a!, id)).data.event.state).toBe('signedUp');
      expect((await eventOf(h, c!, id))!.stateText).toBe('候补第 1 位');
      expect((await eventOf(h, d!, id))!.stateText).toBe('候补第 2 位');
      const answer = await cancel(h, a!, id);
      expect(answer.data.event.state).toBe('full'); // c took a's seat
      expect((await eventOf(h, c!, id))!.state).toBe('signedUp');
      expect((await eventOf(h, d!, id))!.stateText).toBe('候补第 1 位');
      expect(signUps(h, id, 'seat')).toHaveLength(2);
      expect(seatsTaken(h, id)).toBe(2);
    });

    it('10 seat holders cancelling at once move exactly 10 up, while waiting members cancel too', async () => {
      const racers = await members(h, 60, 'crowd');
      // one after another: the first 30 hold seats, the rest wait in the order they came
      for (const o of racers) {
        await signUp(h, o);
        h.clock.advance(1_000);
      }
      const seated = racers.slice(0, 10);
      const leavingWaiters = racers.slice(30, 35); // the first five on the list give up
      const answers = await Promise.all([...seated, ...leavingWaiters].map((o) => cancel(h, o)));
      expect(tallyAnswers(answers)).toEqual({ ok: 15 });
      expect(signUps(h, DEMO, 'seat')).toHaveLength(30);
      expect(signUps(h, DEMO, 'waiting')).toHaveLength(15);
      expect(signUps(h, DEMO, 'cancelled')).toHaveLength(15);
      expect(seatsTaken(h, DEMO)).toBe(30);
      // the ten moved up are the next ten on the list, in order
      const moved = await Promise.all(racers.slice(35, 45).map((o) => eventOf(h, o)));
      expect(moved.map((e) => e!.state)).toEqual(Array(10).fill('signedUp'));
      expect((await eventOf(h, racers[45]!))!.stateText).toBe('候补第 1 位');
    });

    it('a cancellation with nobody waiting frees the seat, and the member may sign up again', async () => {
      const [a] = await members(h, 1, 'solo');
      const { answer, requests } = await h.measure('benefits', a!, { action: 'signUp', eventId: DEMO });
      console.log(`[events] one sign-up with seats free: ${requests} database requests`);
      expect((answer as any).data.event.state).toBe('signedUp');
      await cancel(h, a!);
      expect(seatsTaken(h, DEMO)).toBe(0);
      expect((await eventOf(h, a!))!.state).toBe('open');
      expect((await signUp(h, a!)).data.event.state).toBe('signedUp');
      expect(seatsTaken(h, DEMO)).toBe(1);
      expect((await cancel(h, 'nobody-here')).ok).toBe(false);
    });
  });

  it('a seat holder who leaves the programme hands their seat to the first waiting, and their sign-ups are erased', async () => {
    const [a, b] = await members(h, 2, 'leave');
    const id = (await any(h, MANAGER, draft({ capacity: 1, tiers: ['loyal'] }))).data.event.eventId as string;
    await signUp(h, a!, id);
    h.clock.advance(1_000);
    await signUp(h, b!, id);
    expect(await h.call('member', a!, { action: 'delete', confirm: true })).toMatchObject({ ok: true });
    expect((await eventOf(h, b!, id))!.state).toBe('signedUp');
    expect(signUps(h, id)).toHaveLength(1);
    expect(seatsTaken(h, id)).toBe(1);
  });

  describe('who may join', () => {
    it('refuses a 成长者 a 忠诚者 event and tells them how to unlock it; an 探索者 likewise', async () => {
      const [grower] = await members(h, 1, 'grow', 'grower');
      const [explorer] = await members(h, 1, 'expl', 'explorer');
      const seen = await eventOf(h, grower!);
      expect(seen).toMatchObject({ state: 'tierLocked', stateText: '等级不符' });
      expect(seen!.hint).toMatch(/^仅限忠诚者，.*升级忠诚者即可报名$/);
      expect((await eventOf(h, explorer!))!.hint).toMatch(/^仅限忠诚者，.*升级忠诚者即可报名$/);
      expect((await signUp(h, grower!)).error.code).toBe('NOT_CLAIMABLE');
      expect(signUps(h, DEMO)).toHaveLength(0);
    });

    it('lets a 成长者 into an event the manager opened to 成长者 too, but not an 探索者', async () => {
      const [grower] = await members(h, 1, 'grow', 'grower');
      const [explorer] = await members(h, 1, 'expl', 'explorer');
      const id = (await any(h, MANAGER, draft())).data.event.eventId as string;
      expect((await signUp(h, grower!, id)).data.event).toMatchObject({ state: 'signedUp', stateText: '已报名' });
      expect((await eventOf(h, explorer!, id))!.hint).toMatch(/^仅限成长者、忠诚者，.*升级成长者即可报名$/);
      expect((await signUp(h, explorer!, id)).error.code).toBe('NOT_CLAIMABLE');
    });

    it('refuses sign-ups before the window opens and after it closes', async () => {
      const [loyal] = await members(h, 1, 'loyal');
      const id = (await any(h, MANAGER, draft({ signUpFrom: '2026-11-28T00:00:00.000Z' }))).data.event.eventId as string;
      expect(await eventOf(h, loyal!, id)).toMatchObject({ state: 'notYet', stateText: '未到报名时间', hint: '2026-11-28 08:00 开始报名' });
      expect((await signUp(h, loyal!, id)).error.code).toBe('NOT_CLAIMABLE');
      h.clock.set('2026-12-04T16:00:00.000Z');
      expect(await eventOf(h, loyal!, id)).toMatchObject({ state: 'closed', stateText: '报名已截止' });
      expect((await signUp(h, loyal!, id)).error.code).toBe('NOT_CLAIMABLE');
      expect(signUps(h, id)).toHaveLength(0);
    });

    it('shows a full event as 已满 and takes a sign-up onto the waiting list', async () => {
      const [a, b] = await members(h, 2, 'full');
      const id = (await any(h, MANAGER, draft({ capacity: 1 }))).data.event.eventId as string;
      await signUp(h, a!, id);
      expect(await eventOf(h, b!, id)).toMatchObject({ state: 'full', stateText: '已满' });
      expect((await signUp(h, b!, id)).data.event).toMatchObject({ state: 'waiting', stateText: '候补第 1 位', waitingPosition: 1 });
    });

    it('refuses someone who is not a member', async () => {
      expect((await any(h, 'stranger', { action: 'events' })).error.code).toBe('NOT_MEMBER');
      expect((await signUp(h, 'stranger')).error.code).toBe('NOT_MEMBER');
    });
  });

  describe('the pass and check-in', () => {
    it('gives a seat holder a pass that says the store scans the member code; a waiting member has none', async () => {
      const [a] = await members(h, 1, 'pass');
      const id = (await any(h, MANAGER, draft({ capacity: 1 }))).data.event.eventId as string;
      const [b] = await members(h, 1, 'wait');
      await signUp(h, a!, id);
      await signUp(h, b!, id);
      const pass = await any(h, a!, { action: 'myPass', eventId: id });
      expect(pass.data).toMatchObject({ event: { title: '春装预览沙龙', storeName: '悦衣库 上海静安店', address: '静安区南京西路1618号' }, checkedInAt: null });
      expect(pass.data.howToCheckIn).toContain('会员卡');
      expect((await any(h, b!, { action: 'myPass', eventId: id })).error.code).toBe('NOT_FOUND');
    });

    it('10 parallel check-ins of one member check in exactly one; the list and the figures say so', async () => {
      const [a] = await members(h, 1, 'door');
      await signUp(h, a!);
      h.clock.set(EVENT_DAY);
      const code = await tillCode(h, a!);
      const answers = await Promise.all(Array.from({ length: 10 }, () => any(h, MANAGER, { action: 'checkIn', eventId: DEMO, code })));
      console.log(`[events] 10 parallel check-ins of one member: ${JSON.stringify(tallyAnswers(answers))}`);
      expect(tallyAnswers(answers)).toEqual({ ok: 1, CONFLICT: 9 });
      const list = await any(h, MANAGER, { action: 'eventSignUps', eventId: DEMO });
      expect(list.data.seated).toEqual([expect.objectContaining({ checkedInAt: EVENT_DAY })]);
      expect((await any(h, MANAGER, { action: 'eventFigures', eventId: DEMO })).data).toMatchObject({ signedUp: 1, checkedIn: 1 });
      expect((await any(h, MANAGER, { action: 'storeEvents' })).data.events[0]).toMatchObject({ eventId: DEMO, seated: 1, waiting: 0, checkedIn: 1 });
      expect((await cancel(h, a!)).error.code).toBe('NOT_CLAIMABLE');
    });

    it('refuses to check in a member who holds no seat, and before check-in opens', async () => {
      const [a, b] = await members(h, 2, 'door');
      await signUp(h, a!);
      expect((await any(h, MANAGER, { action: 'checkIn', eventId: DEMO, code: await tillCode(h, a!) })).error.code).toBe('NOT_CLAIMABLE');
      h.clock.set(EVENT_DAY);
      expect((await any(h, MANAGER, { action: 'checkIn', eventId: DEMO, code: await tillCode(h, b!) })).error.code).toBe('NOT_FOUND');
      expect((await any(h, MANAGER, { action: 'checkIn', eventId: DEMO, code: '669999999999999999' })).error.code).toBe('CODE_EXPIRED');
    });

    it('refuses to check in a member whose tier no longer fits the event, in words the manager understands, and checks in nobody', async () => {
      const a = 'fell-0';
      const id = await h.join(a);
      await setTier(h, id, 'loyal');
      expect((await signUp(h, a)).data.event.state).toBe('signedUp');
      await setTier(h, id, 'explorer'); // a refund took 忠诚者 back
      h.clock.set(EVENT_DAY);
      const answer = await any(h, MANAGER, { action: 'checkIn', eventId: DEMO, code: await tillCode(h, a) });
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '该会员当前等级不符合本场活动（仅限忠诚者）' } });
      expect(signUps(h, DEMO, 'seat').filter((s) => s.checkedInAt)).toHaveLength(0);
    });

    it('checks in a 成长者 at an event opened to 成长者 too', async () => {
      const [g] = await members(h, 1, 'grow', 'grower');
      const id = (await any(h, MANAGER, draft({ tiers: ['grower', 'loyal'] }))).data.event.eventId as string;
      await signUp(h, g!, id);
      h.clock.set('2026-12-05T10:00:00.000Z');
      expect(await any(h, MANAGER, { action: 'checkIn', eventId: id, code: await tillCode(h, g!) })).toMatchObject({ ok: true, data: { tierName: '成长者' } });
    });

    it('counts sales to attendees within 7 days of the start, not before, not after, not of no-shows', async () => {
      const [came, stayedAway] = await members(h, 2, 'fig');
      await signUp(h, came!);
      await signUp(h, stayedAway!);
      h.clock.set(EVENT_DAY);
      await any(h, MANAGER, { action: 'checkIn', eventId: DEMO, code: await tillCode(h, came!) });
      await buy(h, came!, 10_000); // before the start: not counted
      h.clock.set('2026-12-21T04:00:00.000Z');
      await buy(h, came!, 59_900);
      await buy(h, stayedAway!, 30_000);
      h.clock.set('2026-12-27T10:00:00.000Z');
      await buy(h, came!, 20_000);
      h.clock.set('2026-12-28T04:00:00.000Z');
      await buy(h, came!, 88_800); // past the 7 days
      const figures = await any(h, MANAGER, { action: 'eventFigures', eventId: DEMO });
      expect(figures.data).toMatchObject({ signedUp: 2, checkedIn: 1, waiting: 0, cancelled: 0, salesFen: 79_900, orders: 2, buyers: 1, salesFrom: '2026-12-20T11:00:00.000Z', salesUntil: '2026-12-27T11:00:00.000Z' });
    });
  });

  describe('the manager’s side', () => {
    it('creates an event at the manager’s store once per request, and refuses times out of order with nothing written', async () => {
      const body = draft();
      const first = await any(h, MANAGER, body);
      expect(first.data).toMatchObject({ createdNow: true, event: { storeName: '悦衣库 上海静安店', tiersText: '成长者、忠诚者', seated: 0 } });
      expect((await any(h, MANAGER, body)).data.createdNow).toBe(false);
      const before = h.cloud.db.find('events', {}).length;
      expect((await any(h, MANAGER, draft({ endsAt: '2026-12-05T10:00:00.000Z' }))).error.code).toBe('INVALID_INPUT');
      expect((await any(h, MANAGER, draft({ signUpUntil: '2026-12-06T00:00:00.000Z' }))).error.code).toBe('INVALID_INPUT');
      expect((await any(h, MANAGER, draft({ tiers: ['grower'] }))).error.code).toBe('INVALID_INPUT');
      expect((await any(h, MANAGER, draft({ picture: 'https://evil.example/x.png' }))).error.code).toBe('INVALID_INPUT');
      expect(h.cloud.db.find('events', {})).toHaveLength(before);
      const list = await any(h, MANAGER, { action: 'storeEvents' });
      expect(list.data.events.map((e: { title: string }) => e.title)).toEqual(['冬季新品私享会·围巾的十种系法', '春装预览沙龙']);
    });

    it.each([
      ['a start on a day that does not exist', { startsAt: '2026-12-99T11:00:00Z' }],
      ['a 29 February in a year without one', { startsAt: '2027-02-29T11:00:00.000Z' }],
      ['a start more than 365 days ahead', { startsAt: '2027-11-26T11:00:00.000Z', endsAt: '2027-11-26T13:00:00.000Z' }],
      ['an event lasting more than 12 hours', { endsAt: '2026-12-05T23:00:01.000Z' }],
      ['sign-ups opening before today', { signUpFrom: '2026-11-24T15:59:59.000Z' }],
      ['sign-ups closing after the start', { signUpUntil: '2026-12-05T11:00:01.000Z' }],
    ])('refuses %s as INVALID_INPUT, writing nothing', async (_name, over) => {
      const before = h.cloud.db.find('events', {}).length;
      const answer = await any(h, MANAGER, draft(over));
      expect(answer.ok).toBe(false);
      expect(answer.error.code).toBe('INVALID_INPUT');
      expect(h.cloud.db.find('events', {})).toHaveLength(before);
    });

    it.each([
      ['a title with a NUL character', { title: '春装\u0000沙龙' }],
      ['a title with a right-to-left override', { title: '\u202e龙沙装春' }],
      ['a description with a zero-width space', { description: '店长带你\u200b提前看春装' }],
      ['a description with a bidi isolate', { description: '店长\u2066带你\u2069看春装' }],
      ['a one-character title', { title: '春' }],
    ])('refuses %s as INVALID_INPUT, writing nothing', async (_name, over) => {
      const before = h.cloud.db.find('events', {}).length;
      expect((await any(h, MANAGER, draft(over))).error.code).toBe('INVALID_INPUT');
      expect(h.cloud.db.find('events', {})).toHaveLength(before);
    });

    it('takes an event without a description, and keeps line breaks in one', async () => {
      expect((await any(h, MANAGER, draft({ description: '' }))).data.event.description).toBe('');
      expect((await any(h, MANAGER, draft({ description: '第一部分\n第二部分' }))).data.event.description).toBe('第一部分\n第二部分');
    });

    it('says in plain words why an event is too far ahead or too long', async () => {
      expect((await any(h, MANAGER, draft({ startsAt: '2027-11-26T11:00:00.000Z', endsAt: '2027-11-26T13:00:00.000Z' }))).error.message).toBe('活动须在 365 天内举行');
      expect((await any(h, MANAGER, draft({ endsAt: '2026-12-06T00:00:00.000Z' }))).error.message).toBe('活动时长最多 12 小时');
    });

    it.each([
      ['capacity', { capacity: 6 }],
      ['title', { title: '冬装预览沙龙' }],
      ['description', { description: '另一场' }],
      ['picture', { picture: '/static/products/YYCOA011.svg' }],
      ['start and end', { startsAt: '2026-12-05T12:00:00.000Z', endsAt: '2026-12-05T14:00:00.000Z' }],
      ['tiers', { tiers: ['loyal'] }],
      ['sign-up window', { signUpUntil: '2026-12-03T16:00:00.000Z' }],
    ])('answers CONFLICT when a used request id comes again with another %s, and keeps the first event', async (_field, over) => {
      const body = draft();
      const first = await any(h, MANAGER, body);
      const again = await any(h, MANAGER, { ...body, ...over });
      expect(again.ok).toBe(false);
      expect(again.error.code).toBe('CONFLICT');
      expect(h.cloud.db.find('events', { _id: first.data.event.eventId })[0]).toMatchObject({ capacity: 5, title: '春装预览沙龙' });
    });

    it('answers the same event when the same request comes again after its sign-ups opened, writing nothing twice', async () => {
      const body = draft();
      const first = await any(h, MANAGER, body);
      const before = h.cloud.db.find('events', {}).length;
      h.clock.set('2026-11-27T02:00:00.000Z'); // two days on: 11-25 is no longer "today"
      const again = await any(h, MANAGER, body);
      expect(again.data).toEqual({ ...first.data, createdNow: false });
      expect(h.cloud.db.find('events', {})).toHaveLength(before);
    });

    it.each([
      ['a clerk', 'staff-S001', 'FORBIDDEN'],
      ['a stylist', 'stylist-S001', 'FORBIDDEN'],
      ['another store’s clerk', 'staff-S002', 'FORBIDDEN'],
      ['a member', 'member-1', 'FORBIDDEN'],
      ['nobody', null, 'UNAUTHENTICATED'],
    ])('refuses %s every manager action', async (_who, openid, code) => {
      await h.join('member-1');
      const calls = [draft(), { action: 'storeEvents' }, { action: 'eventSignUps', eventId: DEMO }, { action: 'eventFigures', eventId: DEMO }, { action: 'checkIn', eventId: DEMO, code: '660000000000000000' }];
      for (const data of calls) expect((await any(h, openid, data)).error.code).toBe(code);
    });

    it('shows sign-ups and the waiting list masked: no openid, no full phone', async () => {
      const [a, b] = await members(h, 2, 'mask');
      await h.call('member', a!, { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13987654321') });
      const id = (await any(h, MANAGER, draft({ capacity: 1 }))).data.event.eventId as string;
      await signUp(h, a!, id);
      await signUp(h, b!, id);
      const list = await any(h, MANAGER, { action: 'eventSignUps', eventId: id });
      expect(list.data.seated).toEqual([expect.objectContaining({ phoneMasked: '139****4321', tierName: '忠诚者', checkedInAt: null })]);
      expect(list.data.waiting).toEqual([expect.objectContaining({ position: 1 })]);
      const text = JSON.stringify(list);
      expect(text).not.toMatch(/13987654321/);
      expect(text).not.toContain(`"${a}"`);
      expect(text).not.toContain(`"${b}"`);
      expect(h.cloud.db.find('staffAudit', { staffId: MANAGER })).toHaveLength(2);
    });
  });
});
