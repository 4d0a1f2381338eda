import rulesSeed from '../../cloudfunctions/database/seed/alertRules.json';
import { addDays, dayText } from '../../cloudfunctions/domain/ops/alerts/calendar';
import { baselineDays, judgeDay, type StoreDays } from '../../cloudfunctions/domain/ops/alerts/judge';
import { storeAlerts } from '../../cloudfunctions/domain/ops/alerts/plan';
import type { AlertRule, AlertRules } from '../../cloudfunctions/domain/ops/alerts/rule';

const RULES = rulesSeed as unknown as AlertRules;
const rule = (code: string): AlertRule => RULES.rules.find((r) => r.code === code)!;
const SIGNUPS = rule('signupDrop');
const COUPONS = rule('couponSurge');
const NO_HOLIDAYS = new Set<string>();

/** Saturday 5 December 2026: the day judged in most rows. */
const DAY = '2026-12-05';
const NOW = new Date('2026-12-05T18:00:00.000Z');

/**
 * Six weeks of a store's days before and through `DAY`: a weekday pattern (busy Saturdays: 12
 * members, other days 4), coupons 5 a day, orders every day, open since long before — then the
 * overrides for particular days.
 */
function store(over: { signups?: Record<string, number>; coupons?: Record<string, number>; orders?: Record<string, number>; historyFrom?: string | null } = {}): StoreDays {
  const signups = new Map<string, number>();
  const coupons = new Map<string, number>();
  const orders = new Map<string, number>();
  for (let i = -42; i <= 0; i += 1) {
    const d = addDays(DAY, i);
    const saturday = new Date(`${d}T00:00:00Z`).getUTCDay() === 6;
    signups.set(d, saturday ? 12 : 4);
    coupons.set(d, 5);
    orders.set(d, 30);
  }
  for (const [d, n] of Object.entries(over.signups ?? {})) signups.set(d, n);
  for (const [d, n] of Object.entries(over.coupons ?? {})) coupons.set(d, n);
  for (const [d, n] of Object.entries(over.orders ?? {})) orders.set(d, n);
  return { series: { signups, couponUses: coupons }, orders, historyFrom: over.historyFrom === undefined ? '2025-01-10' : over.historyFrom };
}

describe('the alert rules are data', () => {
  it('the seeded rules are the issue’s: new members ≥ 50 % below the same weekday’s 4-week average, coupon use 3× (a leaked code)', () => {
    expect(SIGNUPS).toMatchObject({ kind: 'drop', metric: 'signups', share: 0.5, weeks: 4, sameWeekday: true, active: true });
    expect(COUPONS).toMatchObject({ kind: 'jump', metric: 'couponUses', factor: 3, weeks: 4, sameWeekday: true, active: true });
    expect(RULES.holidays).toContain('2026-10-01');
  });

  it('a rule’s baseline is the same weekday in each of the 4 weeks before (weekday seasonality), or every day when the data says so', () => {
    expect(baselineDays(SIGNUPS, DAY)).toEqual(['2026-11-07', '2026-11-14', '2026-11-21', '2026-11-28']);
    expect(baselineDays({ weeks: 1, sameWeekday: false }, DAY)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
  });
});

describe('new members falling by half (signupDrop)', () => {
  it.each([
    ['a Saturday of 6 against Saturdays of 12 (−50 %) alarms', { [DAY]: 6 }, 'alarm', 12],
    ['a Saturday of 7 (−42 %) is quiet', { [DAY]: 7 }, 'quiet', 12],
    ['a Saturday of 0 alarms', { [DAY]: 0 }, 'alarm', 12],
    // weekday seasonality: 5 on a Saturday is low, but against every day's average (≈ 5.1) it would pass
    ['a Saturday of 5 alarms: Saturdays are busy, so the same weekday is the measure', { [DAY]: 5 }, 'alarm', 12],
    ['a Monday of 2 against Mondays of 4 alarms', { '2026-11-30': 2 }, 'alarm', 4, '2026-11-30'],
    ['a Monday of 3 against Mondays of 4 is quiet', { '2026-11-30': 3 }, 'quiet', 4, '2026-11-30'],
    ['one busy Saturday in the baseline lifts the average: 6 against (12+12+12+24)/4 = 15 alarms', { '2026-11-14': 24, [DAY]: 6 }, 'alarm', 15],
  ])('%s', (_what, signups: Record<string, number>, verdict, baseline, day = DAY) => {
    expect(judgeDay(SIGNUPS, store({ signups }), day, NO_HOLIDAYS)).toEqual({ kind: verdict, value: signups[day] ?? 4, baseline });
  });

  it('a quiet store (its Saturdays average below 3) does not alarm on falling from 2 to 0', () => {
    const quiet = { '2026-11-07': 2, '2026-11-14': 2, '2026-11-21': 2, '2026-11-28': 2, [DAY]: 0 };
    expect(judgeDay(SIGNUPS, store({ signups: quiet }), DAY, NO_HOLIDAYS)).toMatchObject({ kind: 'quiet', baseline: 2 });
  });
});

describe('coupon use jumping (couponSurge, a leaked code)', () => {
  it.each([
    ['15 against 5 a day (3×) alarms', 15, 'alarm'],
    ['14 against 5 a day is quiet', 14, 'quiet'],
    ['45 alarms', 45, 'alarm'],
  ])('%s', (_what, uses, verdict) => {
    expect(judgeDay(COUPONS, store({ coupons: { [DAY]: uses } }), DAY, NO_HOLIDAYS)).toEqual({ kind: verdict, value: uses, baseline: 5 });
  });

  it('from a baseline of nothing, fewer than 10 in a day is not a leak; 10 is', () => {
    const none = Object.fromEntries(Array.from({ length: 43 }, (_, i) => [addDays(DAY, -42 + i), 0]));
    expect(judgeDay(COUPONS, store({ coupons: { ...none, [DAY]: 9 } }), DAY, NO_HOLIDAYS).kind).toBe('quiet');
    expect(judgeDay(COUPONS, store({ coupons: { ...none, [DAY]: 10 } }), DAY, NO_HOLIDAYS).kind).toBe('alarm');
  });
});

describe('what never alarms', () => {
  it.each([
    ['a holiday (the brand’s calendar)', '2026-10-03', {}, 'holiday'],
    ['a day the store was shut (no sale, nobody joined, no coupon used, when it is busy every day)', DAY, { orders: { [DAY]: 0 }, coupons: { [DAY]: 0 } }, 'closed'],
    ['a new store, its first member 27 days before the day', DAY, { historyFrom: '2026-11-08' }, 'newStore'],
    ['a store with no member yet', DAY, { historyFrom: null }, 'newStore'],
    [
      'a day whose baseline Saturdays were mostly shut days',
      DAY,
      { orders: { '2026-11-07': 0, '2026-11-14': 0, '2026-11-21': 0 }, signups: { [DAY]: 0, '2026-11-07': 0, '2026-11-14': 0, '2026-11-21': 0 }, coupons: { [DAY]: 99, '2026-11-07': 0, '2026-11-14': 0, '2026-11-21': 0 } },
      'thinBaseline',
    ],
  ])('%s', (_what, day, over, why) => {
    const s = store({ signups: { [day]: 0 }, coupons: { [day]: 99 }, ...over });
    const holidays = new Set(RULES.holidays);
    for (const r of RULES.rules) expect(judgeDay(r, s, day, holidays)).toEqual({ kind: 'skip', why });
  });

  it('a store exactly 4 weeks old is judged', () => {
    expect(judgeDay(SIGNUPS, store({ signups: { [DAY]: 0 }, historyFrom: '2026-11-07' }), DAY, NO_HOLIDAYS).kind).toBe('alarm');
  });

  it('a day without a single sale but with a member joining was open: it is judged', () => {
    expect(judgeDay(SIGNUPS, store({ signups: { [DAY]: 1 }, orders: { [DAY]: 0 }, coupons: { [DAY]: 0 } }), DAY, NO_HOLIDAYS)).toMatchObject({ kind: 'alarm', value: 1 });
  });

  it('a store that never sells at the till (counter only) is not taken for shut: its days are judged', () => {
    const none = Object.fromEntries(Array.from({ length: 43 }, (_, i) => [addDays(DAY, -42 + i), 0]));
    expect(judgeDay(SIGNUPS, store({ orders: none, signups: { [DAY]: 1 } }), DAY, NO_HOLIDAYS).kind).toBe('alarm');
  });

  it('holidays and shut days in the baseline are left out of the average (a National Day rush does not make the next week look bad)', () => {
    const oct = '2026-10-10'; // a Saturday; its baseline Saturdays are 9/12, 9/19, 9/26 (a holiday) and 10/3 (a holiday)
    const s = store({ signups: { '2026-09-12': 10, '2026-09-19': 10, '2026-09-26': 60, '2026-10-03': 60, [oct]: 6 } });
    expect(judgeDay(SIGNUPS, s, oct, new Set(RULES.holidays))).toEqual({ kind: 'quiet', value: 6, baseline: 10 });
    expect(judgeDay(SIGNUPS, s, oct, NO_HOLIDAYS)).toMatchObject({ kind: 'alarm', baseline: 35 });
  });

  it('a rule the brand switched off is not judged', () => {
    expect(judgeDay({ ...SIGNUPS, active: false }, store({ signups: { [DAY]: 0 } }), DAY, NO_HOLIDAYS)).toEqual({ kind: 'skip', why: 'inactive' });
  });
});

describe('the alert raised', () => {
  it('is keyed by store, rule and day and tells the manager the figure, the baseline and what to look at', () => {
    const alerts = storeAlerts(RULES, 'S001', store({ signups: { [DAY]: 2 }, coupons: { [DAY]: 40 } }), DAY, NOW);
    expect(alerts.map((a) => a._id)).toEqual(['S001:signupDrop:2026-12-05', 'S001:couponSurge:2026-12-05']);
    expect(alerts[0]).toMatchObject({ storeId: 'S001', rule: 'signupDrop', ruleName: '新会员骤降', metric: 'signups', value: 2, baseline: 12, state: 'open', closedBy: null, raisedAt: NOW });
    expect(alerts[0]!.text).toBe('12月5日 周六 新入会 2 人，前 4 周同为周六平均 12.0 人，低 83%。请检查门店入会二维码是否摆放、店员是否在邀请入会。');
    expect(alerts[1]!.text).toBe('12月5日 周六 用券 40 张，前 4 周同为周六平均 5.0 张，是平时的 8.0 倍。券码可能外泄：请核对当天用券的订单和券种。');
  });

  it('a quiet day raises nothing', () => {
    expect(storeAlerts(RULES, 'S001', store(), DAY, NOW)).toEqual([]);
  });

  it('days are told in shop words', () => {
    expect(dayText('2027-01-01')).toBe('1月1日 周五');
  });
});
