import { addSpend, quarterSpend, SPEND_KEPT_MONTHS, type SpendDays, yearSpend } from '../../cloudfunctions/domain/spend';

const at = (iso: string) => new Date(iso);
const now = at('2026-11-25T02:00:00Z');

describe('qualifying spend is counted per shop day (Asia/Shanghai)', () => {
  it.each([
    ['a payment at 2026-03-31T15:59Z', '2026-03-31T15:59:00Z', '20260331'],
    ['a payment at 2026-03-31T16:00Z (midnight in Shanghai)', '2026-03-31T16:00:00Z', '20260401'],
    ['a payment at 2026-12-31T16:30Z (New Year in Shanghai)', '2026-12-31T16:30:00Z', '20270101'],
  ])('counts %s on day %s', (_name, paidAt, day) => {
    expect(addSpend({}, at(paidAt), 12_300, at('2027-01-02T00:00:00Z'))).toEqual({ [day]: 12_300 });
  });

  it('adds up the orders of one day', () => {
    const once = addSpend({}, at('2026-11-24T02:00:00Z'), 10_000, now);
    expect(addSpend(once, at('2026-11-24T12:00:00Z'), 5_050, now)).toEqual({ '20261124': 15_050 });
  });

  it.each([
    // name, refund fen, days after
    ['part of the order', -4_000, { '20261120': 6_000, '20261124': 7_000 }],
    ['the whole order', -10_000, { '20261124': 7_000 }],
    ['more than the day holds (never below 0)', -25_000, { '20261124': 7_000 }],
  ])('lowers the day the order was paid on by a refund of %s', (_name, fen, after) => {
    const days: SpendDays = { '20261120': 10_000, '20261124': 7_000 };
    expect(addSpend(days, at('2026-11-20T03:00:00Z'), fen, now)).toEqual(after);
  });

  it('does not change the record it was given', () => {
    const days: SpendDays = { '20261120': 10_000 };
    addSpend(days, at('2026-11-20T03:00:00Z'), -10_000, now);
    expect(days).toEqual({ '20261120': 10_000 });
  });

  it(`keeps ${SPEND_KEPT_MONTHS} months of days and drops older ones`, () => {
    const days: SpendDays = { '20240101': 1, '20241024': 2, '20241025': 3, '20261101': 4 };
    // 2026-11-25 minus 25 months is 2024-10-25 (Shanghai)
    expect(addSpend(days, now, 5, now)).toEqual({ '20241025': 3, '20261101': 4, '20261125': 5 });
  });

  it('drops at once an order paid before the kept window', () => {
    expect(addSpend({}, at('2024-01-01T00:00:00Z'), 10_000, now)).toEqual({});
  });
});

describe('quarter spend is the net spend in the calendar quarter so far, on the Shanghai calendar', () => {
  const days: SpendDays = { '20251231': 1, '20260101': 10, '20260331': 100, '20260401': 1_000, '20260515': 10_000, '20260630': 100_000, '20260701': 1_000_000 };
  it.each([
    ['on 31 March, late evening in Shanghai (Q1)', '2026-03-31T15:59:59Z', 110],
    ['at 2026-03-31T16:00Z, already 1 April in Shanghai (Q2)', '2026-03-31T16:00:00Z', 1_000],
    ['on 15 May (Q2 up to that day)', '2026-05-15T04:00:00Z', 11_000],
    ['on 14 May (a later day of the quarter does not count yet)', '2026-05-14T04:00:00Z', 1_000],
    ['on 30 June at 23:59 in Shanghai (Q2 complete)', '2026-06-30T15:59:00Z', 111_000],
    ['on 1 July in Shanghai (Q3)', '2026-06-30T16:00:00Z', 1_000_000],
    ['on 31 December 2025 (Q4 2025)', '2025-12-31T04:00:00Z', 1],
  ])('as of %s: %i fen', (_name, asOf, fen) => {
    expect(quarterSpend(days, at(asOf))).toBe(fen);
  });
});

describe('year spend is the net spend of the last 12 months, by shop day', () => {
  const days: SpendDays = { '20260314': 1, '20260315': 10, '20260316': 100, '20270314': 1_000, '20270315': 10_000, '20270316': 100_000 };
  it.each([
    ['as of 15 March 2027 (16 March 2026 through 15 March 2027)', '2027-03-15T04:00:00Z', 11_100],
    ['as of 2027-03-14T16:30Z, already 15 March in Shanghai', '2027-03-14T16:30:00Z', 11_100],
    ['as of 14 March 2027 23:59 in Shanghai (15 March 2026 through 14 March 2027)', '2027-03-14T15:59:00Z', 1_110],
    ['as of 16 March 2027 (17 March 2026 onwards)', '2027-03-16T04:00:00Z', 111_000],
  ])('%s (%s): %i fen', (_name, asOf, fen) => {
    expect(yearSpend(days, at(asOf))).toBe(fen);
  });

  it('counts a refund on the day of its order, so the year total drops', () => {
    const withRefund = addSpend(days, at('2026-03-16T04:00:00Z'), -60, at('2027-03-15T04:00:00Z'));
    expect(yearSpend(withRefund, at('2027-03-15T04:00:00Z'))).toBe(11_040);
  });
});
