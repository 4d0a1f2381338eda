import { isoInstantSchema } from '../../cloudfunctions/contract/fields';
import { type CheckInFacts, checkInProblem, doorOpen } from '../../cloudfunctions/domain/benefits/events/checkIn';
import { draftProblem, type EventDraft } from '../../cloudfunctions/domain/benefits/events/draft';
import type { EventSignUp, PrivateEvent } from '../../cloudfunctions/domain/benefits/events/event';
import { attendeeSales } from '../../cloudfunctions/domain/benefits/events/figures';
import { type JoinFacts, joinVerdict, mayJoin } from '../../cloudfunctions/domain/benefits/events/joinRules';
import { unlockRoute } from '../../cloudfunctions/domain/benefits/events/unlock';
import { cancelProblem } from '../../cloudfunctions/domain/benefits/events/views';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-25T02:00:00.000Z');
const EVENT = { tiers: ['loyal'] as PrivateEvent['tiers'], signUpFrom: at('2026-11-20T00:00:00.000Z'), signUpUntil: at('2026-12-01T00:00:00.000Z'), capacity: 30, seatsTaken: 10 };
const facts = (over: Partial<JoinFacts> = {}, event: Partial<JoinFacts['event']> = {}): JoinFacts => ({ event: { ...EVENT, ...event }, tier: 'loyal', unlockRoute: null, signUp: null, waitingPosition: null, now: NOW, ...over });

describe('who may join a private event', () => {
  it.each<[string, JoinFacts, string, string, string | null, boolean]>([
    ['a 忠诚者 with seats left', facts(), 'open', '可报名', null, true],
    ['a 忠诚者 when every seat is taken (the waiting list is open)', facts({}, { seatsTaken: 30 }), 'full', '已满', '可排队候补，有人取消时按顺序递补', true],
    ['a 成长者 at a 忠诚者 event', facts({ tier: 'grower', unlockRoute: '近12个月再消费 ¥601 升级忠诚者' }), 'tierLocked', '等级不符', '仅限忠诚者，近12个月再消费 ¥601 升级忠诚者即可报名', false],
    ['a 成长者 at an event opened to 成长者 too', facts({ tier: 'grower' }, { tiers: ['grower', 'loyal'] }), 'open', '可报名', null, true],
    ['an 探索者 at an event opened to 成长者 too', facts({ tier: 'explorer', unlockRoute: '本季度再消费 ¥200 升级成长者' }, { tiers: ['grower', 'loyal'] }), 'tierLocked', '等级不符', '仅限成长者、忠诚者，本季度再消费 ¥200 升级成长者即可报名', false],
    ['before the window opens', facts({ now: at('2026-11-19T23:59:59.000Z') }), 'notYet', '未到报名时间', '2026-11-20 08:00 开始报名', false],
    ['the moment the window closes', facts({ now: at('2026-12-01T00:00:00.000Z') }), 'closed', '报名已截止', null, false],
    ['a member holding a seat (even once closed)', facts({ signUp: 'seat', now: at('2026-12-02T00:00:00.000Z') }), 'signedUp', '已报名', null, false],
    ['a member third on the waiting list', facts({ signUp: 'waiting', waitingPosition: 3 }, { seatsTaken: 30 }), 'waiting', '候补第 3 位', '有人取消时按顺序递补，递补成功即为报名成功', false],
    ['a member who lost the tier is told the tier first, not the seats', facts({ tier: 'grower', unlockRoute: null }, { seatsTaken: 30 }), 'tierLocked', '等级不符', '仅限忠诚者', false],
  ])('%s', (_name, f, state, text, hint, joinable) => {
    const verdict = joinVerdict(f);
    expect(verdict).toEqual({ state, text, hint });
    expect(mayJoin(verdict)).toBe(joinable);
  });
});

describe('how a member unlocks an event', () => {
  const figures = { quarterSpendFen: 80_000, yearSpendFen: 250_000, settledReferrals: 0 };
  it.each<[string, 'explorer' | 'grower' | 'loyal', Array<'grower' | 'loyal'>, string | null]>([
    ['a 成长者 at a 忠诚者 event: the closest route to 忠诚者', 'grower', ['loyal'], '近12个月再消费 ¥501 升级忠诚者'],
    ['an 探索者 at a 忠诚者 event: still the route to 忠诚者', 'explorer', ['loyal'], '近12个月再消费 ¥501 升级忠诚者'],
    ['an 探索者 at an event open to 成长者: the route to 成长者', 'explorer', ['grower', 'loyal'], '本季度再消费 ¥200 升级成长者'],
    ['a 忠诚者: nothing to unlock', 'loyal', ['loyal'], null],
  ])('%s', (_name, tier, open, route) => {
    expect(unlockRoute(tier, open, figures)).toBe(route);
  });
});

describe('a manager’s draft', () => {
  const base: EventDraft = {
    title: '私享会', picture: '/static/products/YYBAG011.svg', description: '', capacity: 20, tiers: ['loyal'], requestId: 'req00001',
    signUpFrom: at('2026-11-25T00:00:00.000Z'), signUpUntil: at('2026-12-01T00:00:00.000Z'), startsAt: at('2026-12-02T10:00:00.000Z'), endsAt: at('2026-12-02T12:00:00.000Z'),
  };
  it.each<[string, Partial<EventDraft>, string | null]>([
    ['a good draft', {}, null],
    ['not open to 忠诚者', { tiers: ['grower'] }, '私享会须对忠诚者开放'],
    ['starting in the past', { startsAt: at('2026-11-25T01:00:00.000Z') }, '活动开始时间须晚于现在'],
    ['ending before it starts', { endsAt: at('2026-12-02T09:00:00.000Z') }, '结束时间须晚于开始时间'],
    ['sign-ups closing before they open', { signUpUntil: at('2026-11-24T00:00:00.000Z') }, '报名截止须晚于报名开始'],
    ['sign-ups closing after the start', { signUpUntil: at('2026-12-02T11:00:00.000Z') }, '报名须在活动开始前截止'],
    ['sign-ups already closed', { signUpFrom: at('2026-11-24T16:00:00.000Z'), signUpUntil: at('2026-11-25T01:00:00.000Z') }, '报名截止时间须晚于现在'],
    ['starting 365 days from now, to the minute', { startsAt: at('2027-11-25T02:00:00.000Z'), endsAt: at('2027-11-25T04:00:00.000Z') }, null],
    ['starting more than 365 days from now', { startsAt: at('2027-11-25T02:00:01.000Z'), endsAt: at('2027-11-25T04:00:00.000Z') }, '活动须在 365 天内举行'],
    ['lasting 12 hours exactly', { endsAt: at('2026-12-02T22:00:00.000Z') }, null],
    ['lasting longer than 12 hours', { endsAt: at('2026-12-02T22:00:01.000Z') }, '活动时长最多 12 小时'],
    ['sign-ups opening at 00:00 today (shop time), before now', { signUpFrom: at('2026-11-24T16:00:00.000Z') }, null],
    ['sign-ups opening yesterday', { signUpFrom: at('2026-11-24T15:59:59.000Z') }, '报名开始时间不能早于今天'],
    ['sign-ups closing at the start', { signUpUntil: at('2026-12-02T10:00:00.000Z') }, null],
  ])('%s', (_name, over, problem) => {
    expect(draftProblem({ ...base, ...over }, NOW)).toBe(problem);
  });
});

describe('cancelling', () => {
  const event = { startsAt: at('2026-12-02T10:00:00.000Z') } as PrivateEvent;
  const s = (over: Partial<EventSignUp> = {}) => ({ state: 'seat', checkedInAt: null, ...over }) as EventSignUp;
  it.each<[string, EventSignUp | null, Date, string | null]>([
    ['a seat before the start', s(), NOW, null],
    ['a place on the waiting list', s({ state: 'waiting' }), NOW, null],
    ['nothing held', null, NOW, '你没有报名这场活动'],
    ['a sign-up cancelled already', s({ state: 'cancelled' }), NOW, '你没有报名这场活动'],
    ['once checked in', s({ checkedInAt: NOW }), NOW, '已签到，无法取消'],
    ['once the event started', s(), at('2026-12-02T10:00:00.000Z'), '活动已开始，无法取消'],
  ])('%s', (_name, signUp, now, problem) => {
    expect(cancelProblem(event, signUp, now)).toBe(problem);
  });
});

describe('sales to attendees', () => {
  const start = at('2026-12-20T11:00:00.000Z');
  const order = (memberId: string, iso: string, amountFen: number, refundedFen = 0) => ({ memberId, paidAt: at(iso), amountFen, refundedFen });
  it('counts attendees’ orders from the start for 7 days, net of refunds', () => {
    const orders = [
      order('A', '2026-12-20T10:59:59.000Z', 10_000), // before the start
      order('A', '2026-12-20T11:00:00.000Z', 30_000, 5_000),
      order('B', '2026-12-26T23:00:00.000Z', 20_000),
      order('A', '2026-12-27T11:00:00.000Z', 40_000), // the 7 days are over
      order('C', '2026-12-21T00:00:00.000Z', 99_000), // signed up, did not come
    ];
    expect(attendeeSales(orders, new Set(['A', 'B']), start)).toEqual({ salesFen: 45_000, orders: 2, buyers: 2 });
  });
});

describe('instants a manager sends', () => {
  it.each<[string, boolean]>([
    ['2026-12-05T11:00:00Z', true],
    ['2026-12-05T11:00:00.000Z', true],
    ['2028-02-29T11:00:00.000Z', true],
    ['2026-12-99T11:00:00Z', false],
    ['2027-02-29T11:00:00.000Z', false],
    ['2026-04-31T11:00:00.000Z', false],
    ['2026-12-05T24:00:00.000Z', false],
    ['2026-12-05T11:60:00.000Z', false],
    ['2026-12-05 11:00:00Z', false],
  ])('%s is %p as an instant', (text, ok) => {
    expect(isoInstantSchema.safeParse(text).success).toBe(ok);
  });
});

describe('checking a member in', () => {
  const EV = { tiers: ['loyal'] as PrivateEvent['tiers'], startsAt: at('2026-12-20T11:00:00.000Z'), endsAt: at('2026-12-20T13:00:00.000Z') };
  const DOOR = at('2026-12-20T10:30:00.000Z');
  it.each<[string, CheckInFacts, string | null, string | null]>([
    ['a 忠诚者 holding a seat', { event: EV, now: DOOR, signUp: { state: 'seat' }, tier: 'loyal' }, null, null],
    ['a member who never signed up', { event: EV, now: DOOR, signUp: null, tier: 'loyal' }, 'NOT_FOUND', '这位会员没有报名本场活动'],
    ['a member still waiting', { event: EV, now: DOOR, signUp: { state: 'waiting' }, tier: 'loyal' }, 'NOT_FOUND', '这位会员在候补名单上，尚未递补'],
    ['a seat holder now 探索者 after a refund', { event: EV, now: DOOR, signUp: { state: 'seat' }, tier: 'explorer' }, 'NOT_CLAIMABLE', '该会员当前等级不符合本场活动（仅限忠诚者）'],
    ['a seat holder now 成长者 at a 忠诚者 event', { event: EV, now: DOOR, signUp: { state: 'seat' }, tier: 'grower' }, 'NOT_CLAIMABLE', '该会员当前等级不符合本场活动（仅限忠诚者）'],
    ['a 成长者 at an event opened to 成长者 too', { event: { ...EV, tiers: ['grower', 'loyal'] }, now: DOOR, signUp: { state: 'seat' }, tier: 'grower' }, null, null],
    ['an 探索者 at an event opened to 成长者 too', { event: { ...EV, tiers: ['grower', 'loyal'] }, now: DOOR, signUp: { state: 'seat' }, tier: 'explorer' }, 'NOT_CLAIMABLE', '该会员当前等级不符合本场活动（仅限成长者、忠诚者）'],
  ])('%s', (_name, f, code, message) => {
    expect(checkInProblem(f)).toEqual(code ? { code, message } : null);
  });

  it.each<[string, Date, string | null]>([
    ['more than 2 hours before the start', at('2026-12-20T08:59:59.000Z'), '活动开始前 2 小时开放签到'],
    ['2 hours before the start', at('2026-12-20T09:00:00.000Z'), null],
    ['the moment it ends', at('2026-12-20T13:00:00.000Z'), '活动已结束'],
  ])('the door %s', (_name, now, message) => {
    expect(doorOpen(EV, now)).toEqual(message ? { code: 'NOT_CLAIMABLE', message } : null);
  });
});
