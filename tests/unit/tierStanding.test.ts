import { addSpend, type SpendDays } from '../../cloudfunctions/domain/spend';
import { afterQualifying, afterRefund, figuresAsOf, review, type TierRecord, type TierStanding } from '../../cloudfunctions/domain/standing';
import type { TierFigures } from '../../cloudfunctions/domain/tierRules';

const at = (iso: string) => new Date(iso);
const joined = at('2026-01-05T02:00:00Z');
const figures = (f: Partial<TierFigures>): TierFigures => ({ quarterSpendFen: 0, yearSpendFen: 0, settledReferrals: 0, ...f });
const explorer: TierStanding = { tier: 'explorer', tierSince: joined, qualifiedAt: { grower: null, loyal: null }, keptUntil: null };

function standing(tier: TierStanding['tier'], grower: string | null, loyal: string | null, keptUntil: string | null, since = '2026-02-10T02:00:00Z'): TierStanding {
  return { tier, tierSince: at(since), qualifiedAt: { grower: grower ? at(grower) : null, loyal: loyal ? at(loyal) : null }, keptUntil: keptUntil ? at(keptUntil) : null };
}

/** Spend days from [paid at, fen] pairs, as orders and refunds write them. */
function spent(now: string, ...payments: Array<[string, number]>): SpendDays {
  return payments.reduce((days, [paidAt, fen]) => addSpend(days, at(paidAt), fen, at(now)), {} as SpendDays);
}

describe('the figures a tier is judged on', () => {
  it('counts settled referrals of the last 12 months up to the moment judged', () => {
    const record: TierRecord = {
      spendDays: {},
      referralsSettledAt: ['2025-11-25T02:00:00Z', '2025-11-25T02:00:01Z', '2026-11-25T02:00:00Z', '2026-11-25T02:00:01Z'].map(at),
    };
    // a year before 2026-11-25T02:00Z is excluded, the moment itself included, the future not yet
    expect(figuresAsOf(record, at('2026-11-25T02:00:00Z')).settledReferrals).toBe(2);
  });

  it('takes the quarter and the 12 months on the Shanghai calendar', () => {
    const record: TierRecord = { spendDays: { '20260331': 50_000, '20260401': 70_000 }, referralsSettledAt: [] };
    expect(figuresAsOf(record, at('2026-03-31T16:00:00Z'))).toEqual({ quarterSpendFen: 70_000, yearSpendFen: 120_000, settledReferrals: 0 });
  });
});

describe('a member moves up at once when they qualify', () => {
  const when = at('2026-05-10T06:00:00Z');
  const now = at('2026-05-10T06:00:05Z');
  it.each([
    ['¥1,000 in a quarter makes an Explorer a Grower', figures({ quarterSpendFen: 100_000, yearSpendFen: 100_000 }), 'grower', { grower: when, loyal: null }],
    ['3 settled referrals make an Explorer Loyal straight away', figures({ settledReferrals: 3 }), 'loyal', { grower: null, loyal: when }],
    ['¥3,000.01 with ¥1,000 of it this quarter qualifies for both, and the higher is held', figures({ quarterSpendFen: 300_001, yearSpendFen: 300_001 }), 'loyal', { grower: when, loyal: when }],
  ] as const)('%s', (_name, f, tier, qualifiedAt) => {
    const { standing: s, changed } = afterQualifying(explorer, f, when, now);
    expect(changed).toBe(true);
    expect(s).toEqual({ tier, tierSince: now, qualifiedAt, keptUntil: at('2027-05-10T06:00:00Z') });
  });

  it.each([
    ['¥999.99 in a quarter', figures({ quarterSpendFen: 99_999, yearSpendFen: 99_999 })],
    ['exactly ¥3,000 in the year, spread thin', figures({ quarterSpendFen: 60_000, yearSpendFen: 300_000 })],
    ['2 settled referrals', figures({ settledReferrals: 2 })],
  ])('%s is not enough: nothing changes', (_name, f) => {
    expect(afterQualifying(explorer, f, when, now)).toEqual({ standing: explorer, changed: false });
  });
});

describe('an earned tier is kept 12 months after the member last qualified', () => {
  const grower = standing('grower', '2026-02-10T02:00:00Z', null, '2027-02-10T02:00:00Z');

  it('requalifying for the held tier keeps it 12 months from then, without a new "since"', () => {
    const { standing: s, changed } = afterQualifying(grower, figures({ quarterSpendFen: 120_000 }), at('2026-08-01T04:00:00Z'), at('2026-08-01T04:00:00Z'));
    expect(changed).toBe(false);
    expect(s).toEqual({ ...grower, qualifiedAt: { grower: at('2026-08-01T04:00:00Z'), loyal: null }, keptUntil: at('2027-08-01T04:00:00Z') });
  });

  it('a late-recorded older qualification does not shorten the keep', () => {
    const later = standing('grower', '2026-08-01T04:00:00Z', null, '2027-08-01T04:00:00Z');
    expect(afterQualifying(later, figures({ quarterSpendFen: 120_000 }), at('2026-07-01T04:00:00Z'), at('2026-08-02T04:00:00Z')).standing).toEqual(later);
  });

  it('a Loyal member qualifying for Grower stays Loyal, kept as long as the Loyal qualification says', () => {
    const loyal = standing('loyal', null, '2026-03-01T02:00:00Z', '2027-03-01T02:00:00Z');
    const { standing: s, changed } = afterQualifying(loyal, figures({ quarterSpendFen: 100_000 }), at('2026-09-01T02:00:00Z'), at('2026-09-01T02:00:00Z'));
    expect(changed).toBe(false);
    expect(s).toEqual({ ...loyal, qualifiedAt: { grower: at('2026-09-01T02:00:00Z'), loyal: at('2026-03-01T02:00:00Z') } });
  });

  it('spend never moves a member down, even once the keep is over (the review does)', () => {
    const lapsed = standing('loyal', null, '2025-03-01T02:00:00Z', '2026-03-01T02:00:00Z');
    expect(afterQualifying(lapsed, figures({}), at('2026-09-01T02:00:00Z'), at('2026-09-01T02:00:00Z')).standing.tier).toBe('loyal');
  });
});

describe('the yearly review comes only once the kept period is over', () => {
  it.each([
    // name, standing, now, tier after, kept until after
    ['an Explorer is never reviewed', explorer, '2030-01-01T00:00:00Z', 'explorer', null],
    ['a Grower a millisecond before the keep ends stays', standing('grower', '2026-02-10T02:00:00Z', null, '2027-02-10T02:00:00Z'), '2027-02-10T01:59:59.999Z', 'grower', '2027-02-10T02:00:00Z'],
    ['a Grower whose keep ended without requalifying becomes an Explorer', standing('grower', '2026-02-10T02:00:00Z', null, '2027-02-10T02:00:00Z'), '2027-02-10T02:00:00Z', 'explorer', null],
    ['a lapsed Loyal member with a Grower qualification still valid becomes a Grower', standing('loyal', '2026-09-01T02:00:00Z', '2026-02-01T02:00:00Z', '2027-02-01T02:00:00Z'), '2027-02-01T03:00:00Z', 'grower', '2027-09-01T02:00:00Z'],
    ['a lapsed Loyal member with no valid qualification left becomes an Explorer', standing('loyal', '2026-01-15T02:00:00Z', '2026-02-01T02:00:00Z', '2027-02-01T02:00:00Z'), '2027-02-01T03:00:00Z', 'explorer', null],
  ] as const)('%s', (_name, s, now, tier, keptUntil) => {
    const { standing: after, changed } = review(s, at(now));
    expect(after.tier).toBe(tier);
    expect(after.keptUntil).toEqual(keptUntil ? at(keptUntil) : null);
    expect(changed).toBe(tier !== s.tier);
    expect(after.tierSince).toEqual(changed ? at(now) : s.tierSince);
    expect(after.qualifiedAt).toEqual(s.qualifiedAt);
  });

  it('a tier kept until June is not reviewed in March, even with no qualification still valid', () => {
    const s = standing('loyal', null, null, '2027-06-01T02:00:00Z');
    expect(review(s, at('2027-03-01T02:00:00Z'))).toEqual({ standing: s, changed: false });
    expect(review(s, at('2027-06-01T02:00:00Z')).standing.tier).toBe('explorer');
  });

  it('a Loyal member who requalified (the keep was extended) is not reviewed at the old date', () => {
    const s = standing('loyal', null, '2026-09-01T02:00:00Z', '2027-09-01T02:00:00Z');
    expect(review(s, at('2027-02-01T03:00:00Z'))).toEqual({ standing: s, changed: false });
  });
});

describe('a refund withdraws a qualification it breaks', () => {
  const now = at('2026-06-20T04:00:00Z');

  it('a Grower whose ¥1,200 order made them Grower returns ¥300 of it: back to Explorer', () => {
    const s = standing('grower', '2026-05-10T06:00:00Z', null, '2027-05-10T06:00:00Z', '2026-05-10T06:00:00Z');
    const record = { spendDays: spent('2026-06-20T04:00:00Z', ['2026-05-10T06:00:00Z', 120_000], ['2026-05-10T06:00:00Z', -30_000]), referralsSettledAt: [] };
    expect(afterRefund(s, record, at('2026-05-10T06:00:00Z'), now)).toEqual({
      standing: { tier: 'explorer', tierSince: now, qualifiedAt: { grower: null, loyal: null }, keptUntil: null },
      changed: true,
    });
  });

  it('a refund that leaves ¥1,000 in the quarter keeps the Grower tier as it was', () => {
    const s = standing('grower', '2026-05-10T06:00:00Z', null, '2027-05-10T06:00:00Z');
    const record = { spendDays: spent('2026-06-20T04:00:00Z', ['2026-05-10T06:00:00Z', 120_000], ['2026-05-10T06:00:00Z', -20_000]), referralsSettledAt: [] };
    expect(afterRefund(s, record, at('2026-05-10T06:00:00Z'), now)).toEqual({ standing: s, changed: false });
  });

  it('a refund of an order paid after the qualification leaves it alone', () => {
    const s = standing('grower', '2026-05-10T06:00:00Z', null, '2027-05-10T06:00:00Z');
    const record = { spendDays: spent('2026-06-20T04:00:00Z', ['2026-05-10T06:00:00Z', 100_000], ['2026-05-15T06:00:00Z', 50_000], ['2026-05-15T06:00:00Z', -50_000]), referralsSettledAt: [] };
    expect(afterRefund(s, record, at('2026-05-15T06:00:00Z'), now)).toEqual({ standing: s, changed: false });
  });

  it('a Loyal member who also qualified by 3 referrals stays Loyal after returning the big order', () => {
    const s = standing('loyal', null, '2026-06-01T04:00:00Z', '2027-06-01T04:00:00Z');
    const record = { spendDays: spent('2026-06-20T04:00:00Z', ['2026-06-01T04:00:00Z', 320_000], ['2026-06-01T04:00:00Z', -320_000]), referralsSettledAt: ['2026-03-01', '2026-04-01', '2026-05-01'].map(at) };
    expect(afterRefund(s, record, at('2026-06-01T04:00:00Z'), now)).toEqual({ standing: s, changed: false });
  });

  it('a Loyal member whose year spend drops to ¥2,700 but who still spent ¥1,000 in the quarter becomes a Grower', () => {
    const s = standing('loyal', '2026-06-01T04:00:00Z', '2026-06-01T04:00:00Z', '2027-06-01T04:00:00Z');
    const record = {
      spendDays: spent('2026-06-20T04:00:00Z', ['2026-05-10T06:00:00Z', 120_000], ['2026-06-01T04:00:00Z', 200_000], ['2026-06-01T04:00:00Z', -50_000]),
      referralsSettledAt: [],
    };
    expect(afterRefund(s, record, at('2026-06-01T04:00:00Z'), now)).toEqual({
      standing: { tier: 'grower', tierSince: now, qualifiedAt: { grower: at('2026-06-01T04:00:00Z'), loyal: null }, keptUntil: at('2027-06-01T04:00:00Z') },
      changed: true,
    });
  });

  it('never raises a tier, even when a valid qualification for a higher one is on file', () => {
    const s = standing('grower', '2026-05-10T06:00:00Z', '2026-05-12T06:00:00Z', '2027-05-10T06:00:00Z');
    const record = { spendDays: spent('2026-06-20T04:00:00Z', ['2026-04-02T06:00:00Z', 400_000], ['2026-06-10T06:00:00Z', 10_000], ['2026-06-10T06:00:00Z', -10_000]), referralsSettledAt: [] };
    const { standing: after, changed } = afterRefund(s, record, at('2026-06-10T06:00:00Z'), now);
    expect(changed).toBe(false);
    expect(after.tier).toBe('grower');
  });

  // only the latest qualification is stored: a refund that breaks a re-qualification falls back to an earlier one that still stands
  it('a Grower since February who returns a May order keeps the tier their February spend earned', () => {
    // ¥1,000 in Q1 (Grower on 2026-02-10), ¥1,000 more in Q2 (requalified on 2026-05-10), then the May order is returned in full
    const s = standing('grower', '2026-05-10T06:00:00Z', null, '2027-05-10T06:00:00Z');
    const record = {
      spendDays: spent('2026-05-20T04:00:00Z', ['2026-02-10T02:00:00Z', 100_000], ['2026-05-10T06:00:00Z', 100_000], ['2026-05-10T06:00:00Z', -100_000]),
      referralsSettledAt: [],
    };
    const { standing: after } = afterRefund(s, record, at('2026-05-10T06:00:00Z'), at('2026-05-20T04:00:00Z'));
    expect(after.tier).toBe('grower');
    // spend is kept per shop day, so the fallback qualification is the end of that day (23:59:59.999 in Shanghai)
    expect(after.keptUntil).toEqual(at('2027-02-10T15:59:59.999Z'));
  });
});
