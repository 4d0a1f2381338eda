import { newMember, type Member } from '../../cloudfunctions/domain/member';
import { clerkFigures, monthRange, wasUpgraded } from '../../cloudfunctions/domain/staff/clerkFigures';
import { snoozeUntil } from '../../cloudfunctions/domain/staff/snooze';
import type { Staff } from '../../cloudfunctions/domain/staff/staff';
import type { StoreTodo } from '../../cloudfunctions/domain/staff/todo';
import { decodeTodoCursor, encodeTodoCursor } from '../../cloudfunctions/domain/staff/todoList';
import { reasonNow } from '../../cloudfunctions/domain/staff/todoMakers';
import { birthdayDays, birthdayMaker } from '../../cloudfunctions/domain/staff/todoMakers/birthday';
import { lapsedMaker } from '../../cloudfunctions/domain/staff/todoMakers/lapsed';
import { newMemberMaker } from '../../cloudfunctions/domain/staff/todoMakers/newMember';
import { jobTodos } from '../../cloudfunctions/domain/staff/todoMakers/plan';
import { pointsExpiringMaker } from '../../cloudfunctions/domain/staff/todoMakers/pointsExpiring';
import { storeWords, todoScript } from '../../cloudfunctions/domain/staff/todoMakers/scripts';
import { todoRun } from '../../cloudfunctions/domain/staff/todoMakers/window';

/** 10:00 in Shanghai on a shop day. */
const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);
const member = (over: Partial<Member> = {}): Member => ({ ...newMember('100000000001', 'o-1', { store: { storeId: 'S001', name: '悦衣库 上海静安店' } }, at('2025-01-10')), ...over });
const facts = (createdAt: Date) => ({ kind: 'birthday' as const, createdAt, dueAt: createdAt, reason: 'stored' });

describe('birthday: a to-do when the birthday is 3 days away or less, across the year end', () => {
  it.each([
    ['2026-12-30', '01-02', '2027', '2027-01-01', '生日 1月2日（3天后）'],
    ['2026-12-31', '01-02', '2027', '2027-01-01', '生日 1月2日（2天后）'],
    ['2026-12-29', '01-01', '2027', '2026-12-31', '生日 1月1日（3天后）'],
    ['2027-01-01', '01-01', '2027', '2027-01-01', '生日 1月1日（今天）'],
    ['2026-12-30', '12-31', '2026', '2026-12-30', '生日 12月31日（明天）'],
    ['2027-02-25', '02-29', '2027', '2027-02-27', '生日 2月28日（3天后）'],
    ['2028-02-26', '02-29', '2028', '2028-02-28', '生日 2月29日（3天后）'],
  ])('on %s a %s birthday makes the %s to-do, due the end of %s: %s', (day, birthday, occasion, dueDay, reason) => {
    const m = member({ birthday });
    const draft = birthdayMaker.make(m, at(day));
    expect(draft).toEqual({ occasion, dueAt: new Date(at(dueDay, '23:59').getTime() + 59_999) });
    expect(birthdayMaker.reason(m, facts(at(day)), at(day))).toBe(reason);
  });

  it.each([
    ['2026-12-30', '01-03'],
    ['2026-12-30', '12-29'],
    ['2026-12-30', null],
  ])('on %s a %s birthday makes none', (day, birthday) => {
    expect(birthdayMaker.make(member({ birthday }), at(day))).toBeNull();
  });

  it.each([
    ['a daily run', '2026-12-30', ['2026-12-29'], ['01-02']],
    ['a run after two missed days', '2026-12-30', ['2026-12-27'], ['12-31', '01-01', '01-02']],
    ['a fresh start', '2026-12-30', [], ['12-30', '12-31', '01-01', '01-02']],
    ['a year without 29 February', '2027-02-25', ['2027-02-24'], ['02-28', '02-29']],
  ])('%s on %s (finished runs %j) reads its month-days', (_label, day, finished, days) => {
    const run = todoRun(at(day), finished.map((d) => d.replace(/-/g, '')));
    expect(birthdayDays(run)).toEqual(days);
  });

  it('the reason stays true on the days after it was made', () => {
    const m = member({ birthday: '01-02' });
    expect(reasonNow(m, facts(at('2026-12-30')), at('2027-01-01'))).toBe('生日 1月2日（明天）');
    expect(reasonNow(m, facts(at('2026-12-30')), at('2027-01-04'))).toBe('生日 1月2日（已过 2 天）');
  });
});

describe('points expiring: within 30 shop days, once per expiry', () => {
  const yearEnd = at('2027-01-01', '00:00');
  const lots = (points: number, expiresAt: Date) => ({ points, lotsExpireNext: expiresAt, lots: [{ id: 'l', earned: points, remaining: points, earnedAt: at('2025-05-01'), expiresAt }] });
  it.each([
    ['2026-11-30', 1280, null],
    ['2026-12-02', 1280, '1,280 积分将于12月31日到期'],
    ['2026-12-31', 35, '35 积分将于12月31日到期'],
    ['2026-12-02', 0, null],
  ])('on %s, %i points expiring at the year end: %s', (day, points, reason) => {
    const m = member(lots(points, yearEnd));
    const draft = pointsExpiringMaker.make(m, at(day));
    expect(draft?.occasion ?? null).toBe(reason ? '20270101' : null);
    if (draft) expect(draft.dueAt.getTime()).toBeLessThan(yearEnd.getTime());
    expect(pointsExpiringMaker.reason(m, facts(at(day)), at(day))).toBe(reason);
  });

  it('a daily run reads the expiries that came within 30 days that day; a fresh start reads all within 30 days', () => {
    const daily = todoRun(at('2026-12-02'), ['20261201']);
    expect(pointsExpiringMaker.reads.by === 'range' && pointsExpiringMaker.reads.range(daily)).toEqual({ from: at('2027-01-01', '00:00'), until: at('2027-01-02', '00:00') });
    const fresh = todoRun(at('2026-12-20'), []);
    expect(pointsExpiringMaker.reads.by === 'range' && pointsExpiringMaker.reads.range(fresh)).toEqual({ from: at('2026-12-20', '00:00'), until: at('2027-01-20', '00:00') });
  });
});

describe('no purchase for 30 days: one to-do per lapse, named by the day of the last purchase', () => {
  it.each([
    ['2026-11-30', '2026-12-29', null, null],
    ['2026-11-30', '2026-12-30', '20261130', '已 30 天未到店'],
    ['2026-11-30', '2027-01-10', '20261130', '已 41 天未到店'],
    [null, '2026-12-30', null, null],
  ])('last bought %s, on %s: %s (%s)', (last, day, occasion, reason) => {
    const m = member({ lastOrderAt: last ? at(last, '20:00') : null });
    expect(lapsedMaker.make(m, at(day))?.occasion ?? null).toBe(occasion);
    if (reason) expect(lapsedMaker.reason(m, facts(at(day)), at(day))).toBe(reason);
  });

  it('the same lapse on later days is the same to-do; a purchase and a new lapse is another', () => {
    const once = [at('2026-12-30'), at('2026-12-31'), at('2027-01-05')].map((d) => jobTodos(lapsedMaker, [member({ lastOrderAt: at('2026-11-30') })], d)[0]!._id);
    expect(new Set(once)).toEqual(new Set(['S001:lapsed:100000000001:20261130']));
    expect(jobTodos(lapsedMaker, [member({ lastOrderAt: at('2027-01-02') })], at('2027-02-01'))[0]!._id).toBe('S001:lapsed:100000000001:20270102');
  });

  it('after a new purchase the reason says so', () => {
    expect(reasonNow(member({ lastOrderAt: at('2027-01-02') }), { ...facts(at('2026-12-30')), kind: 'lapsed' }, at('2027-01-03'))).toBe('1月2日 已再次到店消费');
  });

  it('a daily run reads the members whose last purchase was 30 days before that day', () => {
    const run = todoRun(at('2026-12-30'), ['20261229']);
    expect(lapsedMaker.reads.by === 'range' && lapsedMaker.reads.range(run)).toEqual({ from: at('2026-11-30', '00:00'), until: at('2026-12-01', '00:00') });
  });
});

describe('new members: their first 3 shop days', () => {
  it.each([
    ['2026-12-30', '09:00', '2026-12-30', '新会员 · 入会第 1 天'],
    ['2026-12-30', '23:30', '2026-12-31', '新会员 · 入会第 2 天'],
    ['2026-12-30', '09:00', '2027-01-01', '新会员 · 入会第 3 天'],
    ['2026-12-30', '09:00', '2027-01-02', null],
  ])('joined %s %s, on %s: %s', (day, time, today, reason) => {
    const m = member({ joinedAt: at(day, time) });
    const draft = newMemberMaker.make(m, at(today));
    expect(draft ? { ...draft, dueAt: draft.dueAt.toISOString() } : null).toEqual(reason ? { occasion: 'joined', dueAt: new Date(at('2027-01-01', '23:59').getTime() + 59_999).toISOString() } : null);
    if (reason) expect(newMemberMaker.reason(m, facts(at(today)), at(today))).toBe(reason);
  });
});

describe('complaint call-backs', () => {
  const callback = (reason: string) => ({ kind: 'complaintCallback' as const, createdAt: at('2026-12-30', '10:00'), dueAt: at('2026-12-30', '12:00'), reason });
  it.each([
    ['投诉回访：裤长改短后不合适（12:00 前回访）', '10:40', '投诉回访：裤长改短后不合适（12:00 前回访）'],
    ['', '10:40', '投诉回访 · 1 小时 20 分钟内'],
    ['', '10:00', '投诉回访 · 2 小时内'],
    ['', '12:30', '投诉回访 · 已超时 30 分钟'],
  ])('written "%s", at %s it reads "%s"', (reason, time, said) => {
    expect(reasonNow(null, callback(reason), at('2026-12-30', time))).toBe(said);
  });
});

describe('the job plan', () => {
  it('makes nothing for a leaving member, and the to-do goes to the home store', () => {
    const now = at('2026-12-30');
    const due = { lastOrderAt: at('2026-11-30') };
    const todos = jobTodos(lapsedMaker, [member(due), member({ ...due, _id: '2', leavingSince: now }), member({ ...due, _id: '3', homeStore: { storeId: 'S002', name: '悦衣库 杭州湖滨店' } })], now);
    expect(todos.map((t) => [t._id, t.storeId, t.state])).toEqual([
      ['S001:lapsed:100000000001:20261130', 'S001', 'open'],
      ['S002:lapsed:3:20261130', 'S002', 'open'],
    ]);
  });
});

describe('scripts and words', () => {
  it('fills the script with the member, the store as the clerk names it and the clerk', () => {
    expect(storeWords('悦衣库 上海静安店', '上海')).toBe('悦衣库静安店');
    expect(todoScript('birthday', { nickname: '王女士', store: '悦衣库静安店', clerk: '小悦', reason: '' })).toBe('王女士您好，我是悦衣库静安店的小悦，您的生日快到了，店里为您准备了生日礼，这几天路过可以来店里坐坐，顺便看看新到的款式～');
    expect(todoScript('pointsExpiring', { nickname: null, store: 'S', clerk: 'C', reason: '35 积分将于12月31日到期' })).toMatch(/^您好，我是S的C，提醒您一下：35 积分将于12月31日到期，/);
  });

  it.each([
    ['later', '2026-12-30T04:00:00.000Z'],
    ['tomorrow', '2026-12-31T02:00:00.000Z'],
    ['threeDays', '2027-01-02T02:00:00.000Z'],
  ] as const)('稍后提醒 %s → %s', (choice, until) => {
    expect(snoozeUntil(choice, at('2026-12-30')).toISOString()).toBe(until);
  });

  it('a list cursor reads back, and a stray one is refused', () => {
    expect(decodeTodoCursor(encodeTodoCursor(new Date(5), 'S001:lapsed:1:2026'))).toEqual({ at: new Date(5), id: 'S001:lapsed:1:2026' });
    expect(decodeTodoCursor('x.y')).toBe('bad');
    expect(decodeTodoCursor(undefined)).toBeNull();
  });
});

describe('clerk figures', () => {
  it('months are shop-calendar months', () => {
    expect(monthRange('this', at('2027-01-01', '00:30'))).toEqual({ from: at('2027-01-01', '00:00'), until: at('2027-02-01', '00:00'), label: '2027年1月' });
    expect(monthRange('last', at('2027-01-01', '00:30'))).toEqual({ from: at('2026-12-01', '00:00'), until: at('2027-01-01', '00:00'), label: '2026年12月' });
  });

  it('an upgrade counts once the tier rose above 探索者, even if it was lost again', () => {
    expect(wasUpgraded({ tier: 'explorer', tierHistory: [] })).toBe(false);
    expect(wasUpgraded({ tier: 'grower' })).toBe(true);
    expect(wasUpgraded({ tier: 'explorer', tierHistory: [{ from: 'explorer', to: 'grower', at: new Date(0), reason: 'order' }] })).toBe(true);
  });

  it('counts per clerk; leaving members and other clerks’ closes are not theirs', () => {
    const staff: Staff[] = [{ _id: 'a', storeId: 'S001', name: '甲', role: 'clerk', active: true }, { _id: 'b', storeId: 'S001', name: '乙', role: 'clerk', active: false }];
    const closed = (over: Partial<StoreTodo>): StoreTodo => ({ _id: 'x', storeId: 'S001', memberId: 'm', kind: 'lapsed', reason: '', createdAt: at('2026-12-01'), dueAt: at('2026-12-03'), state: 'done', snoozedUntil: null, closedBy: { staffId: 'a', name: '甲' }, closedAt: at('2026-12-02'), complaintId: null, ...over });
    const rows = clerkFigures(staff, new Map([['a', [member({ firstOrderAt: at('2026-12-02') }), member({ leavingSince: at('2026-12-05') })]]]), [
      closed({}),
      closed({ closedAt: at('2026-12-04') }),
      closed({ state: 'unreachable' }),
      closed({ kind: 'complaintCallback', createdAt: at('2026-12-02', '09:00'), closedAt: at('2026-12-02', '10:30') }),
      closed({ closedBy: { staffId: 'c', name: '丙' } }),
    ]);
    expect(rows).toEqual([{ name: '甲', role: 'clerk', active: true, signedUp: 1, firstOrders: 1, upgrades: 0, todosDone: 3, todosOnTime: 2, callbacksClosed: 1, callbacksWithin2h: 1 }]);
  });
});
