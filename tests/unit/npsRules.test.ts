import { newMember, type Member } from '../../cloudfunctions/domain/member';
import type { NpsAnswer } from '../../cloudfunctions/domain/ops/nps/answer';
import { detractorCare } from '../../cloudfunctions/domain/ops/nps/detractorCare';
import { npsPeriodRange, npsRows, reasonLine } from '../../cloudfunctions/domain/ops/nps/report';
import { nextAnswerFrom, openQuestion, planNpsAnswer } from '../../cloudfunctions/domain/ops/nps/rules';
import { countsOf, npsBand, npsOf } from '../../cloudfunctions/domain/ops/nps/score';
import { servedBy } from '../../cloudfunctions/domain/ops/nps/servedBy';
import type { StaffLook } from '../../cloudfunctions/domain/staff/audit';
import type { Staff } from '../../cloudfunctions/domain/staff/staff';
import type { TillOrder } from '../../cloudfunctions/domain/till/records';

/** A moment in Shanghai. */
const at = (s: string) => new Date(`${s}+08:00`);
const member = (over: Partial<Member> = {}): Member => ({ ...newMember('100000000001', 'o-1', { store: { storeId: 'S001', name: '悦衣库 上海静安店' } }, at('2026-01-10T10:00:00')), ...over });
const order = (over: Partial<TillOrder> = {}): TillOrder =>
  ({ _id: 'S001:T1', storeId: 'S001', orderId: 'T1', memberId: '100000000001', amountFen: 39_900, items: [], paidAt: at('2026-12-01T15:00:00'), fingerprint: 'f', pointsEarned: 399, refundedFen: 0, pointsClawedBack: 0, receivedAt: at('2026-12-01T15:00:00'), ...over }) as TillOrder;
const answer = (over: Partial<NpsAnswer> = {}): NpsAnswer => ({ _id: '100000000001:1', memberId: '100000000001', seq: 1, storeId: 'S001', staffId: null, orderKey: 'S001:T0', score: 8, reason: null, answeredAt: at('2026-11-01T12:00:00'), ...over });

describe('NPS maths: promoters % − detractors %', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ])('a score of %i is a %s', (score, band) => expect(npsBand(score)).toBe(band));

  it.each([
    ['no answers: no score (not 0)', [], null, null, null],
    ['all promoters', [9, 10, 10], 100, 100, 0],
    ['all detractors', [0, 3, 6], -100, 0, 100],
    ['all passives', [7, 8], 0, 0, 0],
    ['10 answers: 5 promoters, 2 passives, 3 detractors → 50 − 30', [10, 10, 9, 9, 9, 8, 7, 6, 2, 0], 20, 50, 30],
    ['3 answers: 2 promoters, 1 detractor → 66.7 − 33.3 = 33.3', [9, 10, 5], 33, 67, 33],
    ['8 answers: 1 promoter, 2 detractors → 12.5 − 25 = −12.5, rounded away from zero', [10, 7, 7, 7, 7, 7, 6, 6], -13, 13, 25],
    ['8 answers: 3 promoters, 2 detractors → 37.5 − 25 = 12.5, rounded away from zero', [10, 9, 9, 7, 7, 7, 6, 6], 13, 38, 25],
    ['a single detractor', [6], -100, 0, 100],
  ])('%s', (_name, scores, nps, promoterShare, detractorShare) => {
    const f = npsOf(countsOf(scores));
    expect(f).toMatchObject({ total: scores.length, nps, promoterShare, detractorShare });
    expect(f.promoters + f.passives + f.detractors).toBe(scores.length);
  });
});

describe('once per 30 days: the member may answer again 30 days after the last answer', () => {
  const last = answer({ answeredAt: at('2026-11-01T12:00:00') });
  it.each([
    ['no answer yet', null, '2026-11-01T12:00:00', null],
    ['the same minute', last, '2026-11-01T12:00:00', '2026-12-01T12:00:00'],
    ['29 days later', last, '2026-11-30T12:00:00', '2026-12-01T12:00:00'],
    ['a minute short of 30 days', last, '2026-12-01T11:59:00', '2026-12-01T12:00:00'],
    ['exactly 30 days later', last, '2026-12-01T12:00:00', null],
    ['months later', last, '2027-03-01T12:00:00', null],
  ])('%s', (_name, latest, now, next) => {
    expect(nextAnswerFrom(latest, at(now))?.toISOString() ?? null).toBe(next ? at(next).toISOString() : null);
  });
});

describe('an answer: about a paid order of the member, within a week of it, once per 30 days', () => {
  const now = at('2026-12-02T10:00:00');
  const facts = (over: Partial<Parameters<typeof planNpsAnswer>[0]> = {}) => ({ member: member(), order: order(), latest: null, staffId: 'staff-S001', input: { orderKey: 'S001:T1', score: 3, reason: '等了很久' }, now, ...over });
  it('adds the first answer as seq 1 with the order\'s store and the clerk who served', () => {
    expect(planNpsAnswer(facts())).toEqual({ ok: true, value: { kind: 'add', answer: { _id: '100000000001:1', memberId: '100000000001', seq: 1, storeId: 'S001', staffId: 'staff-S001', orderKey: 'S001:T1', score: 3, reason: '等了很久', answeredAt: now } } });
  });
  it('numbers the next answer after the latest (the unique id decides a race)', () => {
    const plan = planNpsAnswer(facts({ latest: answer({ seq: 4, _id: '100000000001:4', answeredAt: at('2026-10-01T10:00:00') }) }));
    expect(plan.ok && plan.value.answer._id).toBe('100000000001:5');
  });
  it.each([
    ['no member', { member: null }, 'NOT_MEMBER'],
    ['a leaving member', { member: member({ leavingSince: now }) }, 'NOT_MEMBER'],
    ['no such order', { order: null }, 'NOT_FOUND'],
    ["another member's order", { order: order({ memberId: '100000000002' }) }, 'NOT_FOUND'],
    ['an order paid nothing (all coupons)', { order: order({ amountFen: 0 }) }, 'NOT_CLAIMABLE'],
    ['an order returned whole', { order: order({ refundedFen: 39_900 }) }, 'NOT_CLAIMABLE'],
    ['an order more than 7 days old', { now: at('2026-12-08T15:00:01') }, 'NOT_CLAIMABLE'],
    ['an answer 29 days ago about another order', { latest: answer({ answeredAt: at('2026-11-03T10:00:00') }) }, 'LIMIT_REACHED'],
  ])('refuses %s', (_name, over, code) => {
    const plan = planNpsAnswer(facts(over as never));
    expect(plan.ok ? 'ok' : plan.error.code).toBe(code);
  });
  it('takes an order just within its 7 days, and an answer exactly 30 days after the last', () => {
    expect(planNpsAnswer(facts({ now: at('2026-12-08T15:00:00'), latest: answer({ answeredAt: at('2026-11-08T15:00:00') }) })).ok).toBe(true);
  });
  it('answers a retry about the same order with the kept answer, whatever it sends now', () => {
    const kept = answer({ orderKey: 'S001:T1', score: 9, answeredAt: at('2026-12-01T16:00:00') });
    expect(planNpsAnswer(facts({ latest: kept, input: { orderKey: 'S001:T1', score: 0, reason: null } }))).toEqual({ ok: true, value: { kind: 'same', answer: kept } });
  });
});

describe('the open question: the latest paid order, for a week, unless answered within 30 days', () => {
  const now = at('2026-12-02T10:00:00');
  it.each([
    ['a fresh paid order', order(), null, true],
    ['no order', null, null, false],
    ['that order answered already', order(), answer({ orderKey: 'S001:T1', answeredAt: at('2026-12-01T16:00:00') }), false],
    ['another order answered 10 days ago', order(), answer({ answeredAt: at('2026-11-22T10:00:00') }), false],
    ['another order answered 31 days ago', order(), answer({ answeredAt: at('2026-11-01T10:00:00') }), true],
    ['an order of 8 days ago', order({ paidAt: at('2026-11-24T09:00:00') }), null, false],
  ])('%s: %s', (_name, o, latest, open) => {
    expect(openQuestion(member(), o, latest, now) !== null).toBe(open);
  });
});

describe('whose answer it is: the clerk who served the order, else who signed the member up there, else the store', () => {
  const paid = order();
  const look = (staffId: string, time: string, over: Partial<StaffLook> = {}): StaffLook => ({ _id: `${staffId}${time}`, staffId, staffName: staffId, storeId: 'S001', memberId: '100000000001', view: 'lookup', why: '会员出示会员码', at: at(time), ...over });
  const signed = member({ signedUpBy: { storeId: 'S001', staffId: 'stylist-S001' } });
  it.each([
    ['the clerk who scanned the code 5 minutes before paying', [look('staff-S001', '2026-12-01T14:55:00')], signed, 'staff-S001'],
    ['of two look-ups, the one nearest the payment', [look('manager-S001', '2026-12-01T13:30:00'), look('staff-S001', '2026-12-01T14:58:00')], signed, 'staff-S001'],
    ['a counter coupon check counts as serving', [look('staff-S001', '2026-12-01T15:02:00', { view: 'counterCheck' })], signed, 'staff-S001'],
    ['a look-up 3 hours before does not: the sign-up clerk', [look('staff-S001', '2026-12-01T12:00:00')], signed, 'stylist-S001'],
    ['a look-up at another store does not', [look('staff-S002', '2026-12-01T14:55:00', { storeId: 'S002' })], signed, 'stylist-S001'],
    ['a to-do look is not serving at the till', [look('staff-S001', '2026-12-01T14:55:00', { view: 'todo' })], signed, 'stylist-S001'],
    ['signed up by a clerk of another store: the store only', [], member({ signedUpBy: { storeId: 'S002', staffId: 'staff-S002' } }), null],
    ['signed up with the store code: the store only', [], member({ signedUpBy: { storeId: 'S001', staffId: null } }), null],
    ['joined before attribution existed: the store only', [], member(), null],
  ])('%s', (_name, looks, m, staffId) => {
    expect(servedBy(paid, looks, m)).toBe(staffId);
  });
});

describe('a detractor (0–6) makes a call-back to-do for the store of the order', () => {
  it.each([
    [0, true],
    [6, true],
    [7, false],
    [10, false],
  ])('a score of %i: %s', (score, made) => {
    expect(detractorCare(answer({ score })) !== null).toBe(made);
  });
  it('keyed by the answer, due within 24 hours, saying the score and the gist of the reason', () => {
    const todo = detractorCare(answer({ _id: '100000000001:2', seq: 2, score: 3, reason: '试衣间排队太久，店员也没有理我，很失望，不会再来了', answeredAt: at('2026-12-01T21:30:00') }))!;
    expect(todo).toMatchObject({ _id: 'S001:npsDetractor:100000000001:nps2', storeId: 'S001', memberId: '100000000001', kind: 'npsDetractor', state: 'open', dueAt: at('2026-12-02T21:30:00') });
    expect(todo.reason).toBe('满意度 3 分：试衣间排队太久，店员也没有理我，很失望，不会再来…（12月2日 21:30 前回访）');
    expect(detractorCare(answer({ score: 5 }))!.reason).toBe('满意度 5 分（11月2日 12:00 前回访）');
  });
});

describe("the manager's report: the store's NPS and each clerk's", () => {
  const staff: Staff[] = [
    { _id: 'staff-S001', storeId: 'S001', name: '林小悦', role: 'clerk', active: true },
    { _id: 'stylist-S001', storeId: 'S001', name: '陈造型', role: 'stylist', active: true },
    { _id: 'manager-S001', storeId: 'S001', name: '林店长', role: 'manager', active: true },
  ];
  it('adds up per clerk, lists every clerk (none is no score), credits answers of unknown staff to the store only', () => {
    const rows = npsRows(staff, [
      { staffId: 'staff-S001', promoters: 6, passives: 2, detractors: 2 },
      { staffId: 'stylist-S001', promoters: 1, passives: 0, detractors: 1 },
      { staffId: null, promoters: 1, passives: 1, detractors: 0 },
      { staffId: 'gone-S001', promoters: 0, passives: 0, detractors: 2 },
    ]);
    expect(rows.store).toMatchObject({ total: 16, promoters: 8, passives: 3, detractors: 5, nps: 19 });
    expect(rows.clerks.map((c) => [c.name, c.total, c.nps])).toEqual([
      ['林小悦', 10, 40],
      ['陈造型', 2, 0],
      ['林店长', 0, null],
    ]);
    expect(rows.unattributed).toMatchObject({ total: 4, nps: -25 });
  });
  it('a reason names the member masked and the clerk by name, never an id', () => {
    const line = reasonLine(answer({ score: 10, reason: '搭配建议很专业', staffId: 'staff-S001' }), '王小美', new Map([['staff-S001', '林小悦']]));
    expect(line).toEqual({ nickname: '王**', score: 10, band: 'promoter', reason: '搭配建议很专业', at: at('2026-11-01T12:00:00').toISOString(), clerkName: '林小悦' });
  });
  it.each([
    ['week', '2026-12-06T23:59:00', '2026-11-30T00:00:00', '2026-12-07T00:00:00', '近7天（11月30日–12月6日）'],
    ['month', '2026-12-06T00:30:00', '2026-11-07T00:00:00', '2026-12-07T00:00:00', '近30天（11月7日–12月6日）'],
    ['quarter', '2026-12-06T10:00:00', '2026-09-08T00:00:00', '2026-12-07T00:00:00', '近90天（9月8日–12月6日）'],
  ] as const)('the %s up to %s (shop days, today included)', (period, now, from, until, label) => {
    expect(npsPeriodRange(period, at(now))).toEqual({ from: at(from), until: at(until), label });
  });
});
