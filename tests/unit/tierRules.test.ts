import { type TierFigures, qualifyingTiers, rulesFor, TIER_RULES } from '../../cloudfunctions/domain/tierRules';
import { growerQuarterSpend } from '../../cloudfunctions/domain/tierRules/growerQuarterSpend';
import { loyalReferrals } from '../../cloudfunctions/domain/tierRules/loyalReferrals';
import { loyalYearSpend } from '../../cloudfunctions/domain/tierRules/loyalYearSpend';

const figures = (f: Partial<TierFigures>): TierFigures => ({ quarterSpendFen: 0, yearSpendFen: 0, settledReferrals: 0, ...f });

describe('成长者 Grower: at least ¥1,000 net spend in one calendar quarter', () => {
  it.each([
    [0, false],
    [99_999, false],
    [100_000, true],
    [100_001, true],
  ])('a quarter of %i fen qualifies: %s', (quarterSpendFen, ok) => {
    expect(growerQuarterSpend.check(figures({ quarterSpendFen }))).toBe(ok);
  });

  it.each([
    [0, '本季度再消费 ¥1,000 升级成长者', 0],
    [68_000, '本季度再消费 ¥320 升级成长者', 0.68],
    [99_999, '本季度再消费 ¥0.01 升级成长者', 0.99999],
    [100_000, '本季度再消费 ¥0 升级成长者', 1],
    [250_000, '本季度再消费 ¥0 升级成长者', 1],
  ])('with %i fen this quarter it says "%s" (%d of the way)', (quarterSpendFen, text, ratio) => {
    expect(growerQuarterSpend.progress(figures({ quarterSpendFen }), '成长者')).toEqual({ text, ratio });
  });

  it('is described in shop words', () => {
    expect(growerQuarterSpend.description).toBe('单季度消费满 ¥1,000');
  });
});

describe('忠诚者 Loyal: more than ¥3,000 net spend in the last 12 months', () => {
  it.each([
    [299_999, false],
    [300_000, false],
    [300_001, true],
    [1_000_000, true],
  ])('a year of %i fen qualifies: %s', (yearSpendFen, ok) => {
    expect(loyalYearSpend.check(figures({ yearSpendFen }))).toBe(ok);
  });

  it.each([
    [0, '近12个月再消费 ¥3,001 升级忠诚者'],
    [250_000, '近12个月再消费 ¥501 升级忠诚者'],
    [299_999, '近12个月再消费 ¥1 升级忠诚者'],
    // exactly on the line: any further spend passes it
    [300_000, '近12个月再消费任意金额即可升级忠诚者'],
    [300_001, '近12个月再消费任意金额即可升级忠诚者'],
  ])('with %i fen in the last 12 months it says "%s" (the amount to pass)', (yearSpendFen, text) => {
    expect(loyalYearSpend.progress(figures({ yearSpendFen }), '忠诚者').text).toBe(text);
  });

  it.each([
    [0, 0],
    [150_000, 150_000 / 300_001],
    [300_000, 300_000 / 300_001],
    [300_001, 1],
    [900_000, 1],
  ])('with %i fen it is %d of the way (full only once it qualifies)', (yearSpendFen, ratio) => {
    expect(loyalYearSpend.progress(figures({ yearSpendFen }), '忠诚者').ratio).toBeCloseTo(ratio, 12);
  });

  it('is described in shop words', () => {
    expect(loyalYearSpend.description).toBe('近12个月消费超过 ¥3,000');
  });
});

describe('忠诚者 Loyal: or 3 settled referrals in the last 12 months', () => {
  it.each([
    [0, false, '再成功邀请 3 位好友升级忠诚者', 0],
    [2, false, '再成功邀请 1 位好友升级忠诚者', 2 / 3],
    [3, true, '再成功邀请 0 位好友升级忠诚者', 1],
    [7, true, '再成功邀请 0 位好友升级忠诚者', 1],
  ])('%i settled referrals qualify: %s, and it says "%s"', (settledReferrals, ok, text, ratio) => {
    expect(loyalReferrals.check(figures({ settledReferrals }))).toBe(ok);
    expect(loyalReferrals.progress(figures({ settledReferrals }), '忠诚者')).toEqual({ text, ratio });
  });

  it('is described in shop words', () => {
    expect(loyalReferrals.description).toBe('成功邀请 3 位好友');
  });
});

describe('the tiers a member qualifies for', () => {
  it.each([
    ['nothing yet', figures({}), []],
    ['¥1,000 this quarter', figures({ quarterSpendFen: 100_000, yearSpendFen: 100_000 }), ['grower']],
    ['¥3,000.01 in the year, spread thin', figures({ quarterSpendFen: 50_000, yearSpendFen: 300_001 }), ['loyal']],
    ['¥3,000.01 in the year, ¥1,000 of it this quarter', figures({ quarterSpendFen: 100_000, yearSpendFen: 300_001 }), ['grower', 'loyal']],
    ['3 settled referrals and no spend', figures({ settledReferrals: 3 }), ['loyal']],
    ['both ways to Loyal at once (named once)', figures({ yearSpendFen: 400_000, settledReferrals: 3 }), ['loyal']],
  ])('with %s: %j', (_name, f, tiers) => {
    expect(qualifyingTiers(f)).toEqual(tiers);
  });

  it('offers one way to Grower and two to Loyal, none to the joining tier', () => {
    expect(rulesFor('explorer')).toEqual([]);
    expect(rulesFor('grower').map((r) => r.code)).toEqual(['grower-quarter-spend']);
    expect(rulesFor('loyal').map((r) => r.code)).toEqual(['loyal-year-spend', 'loyal-referrals']);
    expect(new Set(TIER_RULES.map((r) => r.code)).size).toBe(TIER_RULES.length);
  });
});
