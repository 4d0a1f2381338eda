import type { TierCode } from '../../cloudfunctions/contract';
import { birthdayBonus, pointsForPaid, pointsToClawBack } from '../../cloudfunctions/domain/points/earning';

describe('1 point per whole yuan paid', () => {
  it.each([
    [0, 0],
    [99, 0],
    [100, 1],
    [199, 1],
    [39_999, 399],
    [40_000, 400],
    [100_000, 1_000],
    [123_456_789, 1_234_567],
  ])('%i fen earns %i points', (fen, points) => {
    expect(pointsForPaid(fen)).toBe(points);
  });
});

describe('Grower and Loyal earn double points in their birthday month, on the Shanghai calendar', () => {
  it.each<[string, number, TierCode, string | null, string]>([
    ['a Grower paying in their birthday month', 120, 'grower', '11-20', '2026-11-15T04:00:00Z'],
    ['a Loyal member paying in their birthday month', 120, 'loyal', '11-20', '2026-11-15T04:00:00Z'],
    ['an Explorer paying in their birthday month', 0, 'explorer', '11-20', '2026-11-15T04:00:00Z'],
    ['a Grower without a birthday on file', 0, 'grower', null, '2026-11-15T04:00:00Z'],
    ['a Grower paying the month before their birthday', 0, 'grower', '12-01', '2026-11-30T15:59:59Z'],
    ['a Grower paying at 2026-11-30T16:00Z, already 1 December in Shanghai, born 12-01', 120, 'grower', '12-01', '2026-11-30T16:00:00Z'],
    ['a Grower paying at 2026-10-31T16:30Z (1 November 00:30 in Shanghai), born 11-05', 120, 'grower', '11-05', '2026-10-31T16:30:00Z'],
    ['a Grower paying at 2026-10-31T16:30Z (already November in Shanghai), born 10-31', 0, 'grower', '10-31', '2026-10-31T16:30:00Z'],
    ['a Loyal member born on a leap day, paying in February of a non-leap year', 120, 'loyal', '02-29', '2027-02-15T04:00:00Z'],
    ['a Loyal member born on a leap day, paying on 28 February of a non-leap year', 120, 'loyal', '02-29', '2027-02-28T15:00:00Z'],
    ['a Loyal member born on a leap day, paying on 1 March of a non-leap year', 0, 'loyal', '02-29', '2027-02-28T16:00:00Z'],
    ['a Grower born in January paying in the January of the next year', 120, 'grower', '01-10', '2027-01-20T04:00:00Z'],
  ])('%s: a bonus of %i on 120 points', (_name, bonus, tier, birthday, paidAt) => {
    expect(birthdayBonus(120, tier, birthday, new Date(paidAt))).toBe(bonus);
  });

  it('doubles nothing when the order earned nothing', () => {
    expect(birthdayBonus(0, 'loyal', '11-20', new Date('2026-11-15T04:00:00Z'))).toBe(0);
  });
});

describe('a refund takes back the order’s points pro rata, rounded down', () => {
  it.each([
    // name, order fen, points earned, refunded before, refunding now, points taken back
    ['the whole of a single-item order', 39_999, 399, 0, 39_999, 399],
    ['half of an order', 39_999, 399, 0, 20_000, 199],
    ['the rest after half was refunded', 39_999, 399, 20_000, 19_999, 200],
    ['a quarter of an order that earned double', 40_000, 800, 0, 10_000, 200],
    ['a part of a doubled order that does not divide evenly', 39_999, 798, 0, 10_000, 199],
    ['less than a point’s worth', 10_000, 100, 0, 99, 0],
    ['the fen that completes a point’s worth', 10_000, 100, 99, 1, 1],
    ['an order that earned nothing (under ¥1)', 50, 0, 0, 50, 0],
    ['an order of ¥0', 0, 0, 0, 0, 0],
  ])('refunding %s: %i fen, %i points earned, %i fen refunded before, %i fen now → %i points', (_name, amountFen, pointsEarned, refundedFen, refundFen, points) => {
    expect(pointsToClawBack({ amountFen, pointsEarned, refundedFen }, refundFen)).toBe(points);
  });

  it.each([
    // order fen, points earned, the refunds in the order they come
    [39_999, 399, [1, 1, 1, 39_996]],
    [39_999, 399, [13_333, 13_333, 13_333]],
    [39_999, 798, [10_000, 10_000, 10_000, 9_999]],
    [10_001, 100, [3_333, 3_334, 3_334]],
    [99, 0, [33, 33, 33]],
    [7, 0, [1, 1, 1, 1, 1, 1, 1]],
    [1_000_000, 20_000, [1, 999_998, 1]],
    // the largest order a till may send (¥1,000,000), doubled in the birthday month: the products stay exact
    [100_000_000, 2_000_000, [1, 33_333_333, 66_666_665, 1]],
  ])('partial refunds of a %i-fen order that earned %i points, %j, add up to exactly the points earned', (amountFen, pointsEarned, refunds) => {
    let refundedFen = 0;
    const taken: number[] = [];
    for (const refundFen of refunds) {
      const points = pointsToClawBack({ amountFen, pointsEarned, refundedFen }, refundFen);
      // never more than the refunded share
      expect(points).toBeLessThanOrEqual(Math.ceil((pointsEarned * refundFen) / amountFen));
      taken.push(points);
      refundedFen += refundFen;
    }
    expect(refundedFen).toBe(amountFen);
    expect(taken.reduce((a, b) => a + b, 0)).toBe(pointsEarned);
  });
});
