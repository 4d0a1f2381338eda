import { WIN_BACK_AFTER_DAYS, winBackDueAt } from '../../cloudfunctions/domain/coupons/events';
import { purchaseCycleDays, purchaseDays } from '../../cloudfunctions/domain/coupons/winBackCycle';
import { winBackDecision } from '../../cloudfunctions/domain/coupons/winBackDecision';
import type { SpendDays } from '../../cloudfunctions/domain/spend';

const at = (s: string) => new Date(`${s}+08:00`);
/** Spend days from "YYYYMMDD" keys, ¥100 each. */
const days = (...keys: string[]): SpendDays => Object.fromEntries(keys.map((k) => [k, 10_000]));

describe('a member\'s purchase cycle: the median gap between their purchase days, from 3 purchases', () => {
  it.each([
    ['no purchases', {}, null],
    ['one purchase', days('20261001'), null],
    ['two purchases (one gap is no habit yet)', days('20261001', '20261029'), null],
    ['three purchases 28 days apart', days('20260903', '20261001', '20261029'), 28],
    ['gaps 10, 40, 20: the median, not the mean', days('20260801', '20260811', '20260920', '20261010'), 20],
    ['gaps 10, 20, 30, 40: an even count takes the middle two\'s mean', days('20260601', '20260611', '20260701', '20260731', '20260909'), 25],
    ['one long absence does not stretch the cycle (gaps 14, 14, 200)', days('20260101', '20260115', '20260129', '20260817'), 14],
    ['a day refunded whole is no visit (net 0 kept out)', { ...days('20260903', '20261001', '20261029'), 20260915: 0 }, 28],
    ['three visits in three days: a week at least', days('20261001', '20261002', '20261003'), 7],
    ['across a year end (gaps 31, 31)', days('20261201', '20270101', '20270201'), 31],
  ])('%s → %s', (_name, spend, cycle) => {
    expect(purchaseCycleDays(spend as SpendDays)).toBe(cycle);
  });
  it('reads purchase days oldest first', () => {
    expect(purchaseDays({ 20261029: 100, 20260903: 5, 20261001: 0 })).toEqual(['20260903', '20261029']);
  });
});

describe('when the 回归礼 falls due: half again past the usual gap, once per cycle; under 3 purchases the 30-day rule', () => {
  const last = at('2026-10-29T15:00:00');
  it.each([
    ['28-day cycle: 42 days after the last purchase', last, null, 28, '2026-12-10T15:00:00'],
    ['10-day cycle: 15 days after', last, null, 10, '2026-11-13T15:00:00'],
    ['25-day cycle (an even median): 37.5 days after', last, null, 25, '2026-12-06T03:00:00'],
    ['90-day cycle: 135 days after, far later than 30', last, null, 90, '2027-03-13T15:00:00'],
    ['28-day cycle, a win-back 20 days before the purchase: the 42 days rule', last, at('2026-10-09T10:00:00'), 28, '2026-12-10T15:00:00'],
    ['10-day cycle, a win-back 2 days before the purchase: once per cycle, 10 days after it → still 15 after the purchase', last, at('2026-10-27T10:00:00'), 10, '2026-11-13T15:00:00'],
    ['60-day cycle, a win-back the day before: a cycle after it (not 90 days)', last, at('2026-10-28T15:00:00'), 60, '2027-01-27T15:00:00'],
    ['no cycle (< 3 purchases): 30 days after', last, null, null, '2026-11-28T15:00:00'],
    ['no cycle, a win-back a month before: 90 days after it', last, at('2026-09-29T15:00:00'), null, '2026-12-28T15:00:00'],
  ])('%s', (_name, lastOrder, lastWinBack, cycle, due) => {
    expect(winBackDueAt(lastOrder, lastWinBack, cycle)?.toISOString()).toBe(at(due).toISOString());
  });
  it(`keeps ${WIN_BACK_AFTER_DAYS} days for members who never gave a cycle, and nothing for those who never bought`, () => {
    expect(winBackDueAt(null, null, 28)).toBeNull();
  });
});

describe('the job judges each due member again by the rule as it stands', () => {
  const cycleMember = { lastOrderAt: at('2026-10-29T15:00:00'), lastWinBackAt: null, spendDays: days('20260903', '20261001', '20261029') };
  it.each([
    ['a 28-day shopper found by the old 30-day date: moved to 42 days', cycleMember, '2026-11-28T15:00:00', { kind: 'move', to: at('2026-12-10T15:00:00') }],
    ['a 28-day shopper 42 days on: the coupon of this lapse', cycleMember, '2026-12-10T15:00:00', { kind: 'issue', lapseKey: '20261029' }],
    ['a 28-day shopper a day later still: the same lapse (its id keeps it once)', cycleMember, '2026-12-11T15:00:00', { kind: 'issue', lapseKey: '20261029' }],
    ['a two-purchase member at 30 days', { ...cycleMember, spendDays: days('20261001', '20261029') }, '2026-11-28T15:00:00', { kind: 'issue', lapseKey: '20261029' }],
    ['a member who never bought', { lastOrderAt: null, lastWinBackAt: null, spendDays: {} }, '2026-11-28T15:00:00', { kind: 'none' }],
  ])('%s', (_name, m, now, decision) => {
    expect(winBackDecision(m as never, at(now))).toEqual(decision);
  });
});
