import { bucketCount, bucketId, bucketIds, bucketsToTry, MAX_BUCKETS, stockBuckets, unitsLeft } from '../../cloudfunctions/domain/coupons/stockBuckets';

describe('how a claim-centre stock is split into buckets', () => {
  it.each([
    [1, 1],
    [100, 1],
    [1_000, 1],
    [1_001, 2],
    [5_000, 5],
    [50_000, 50],
    [64_000, 64],
    [64_001, MAX_BUCKETS],
    [10_000_000, MAX_BUCKETS],
  ])('a stock of %i units is kept in %i bucket(s)', (stock, buckets) => {
    expect(bucketCount(stock)).toBe(buckets);
    expect(bucketIds({ _id: 'flash', stock })).toHaveLength(buckets);
  });

  it('bucket 0 keeps the template’s id, so a stock document written before buckets is bucket 0 of its stock', () => {
    expect(bucketIds({ _id: 'flash', stock: 3_500 })).toEqual(['flash', 'flash#1', 'flash#2', 'flash#3']);
    expect(bucketIds({ _id: 'small', stock: 100 })).toEqual(['small']);
    expect(bucketId('flash', 0)).toBe('flash');
  });

  it.each([1, 999, 1_000, 1_001, 49_999, 50_000, 123_457])('the buckets of a %i-unit stock hold every unit once, spread within one unit of each other', (stock) => {
    const buckets = stockBuckets({ _id: 'flash', stock });
    const units = buckets.map((b) => b.total);
    expect(units.reduce((a, b) => a + b, 0)).toBe(stock);
    expect(Math.max(...units) - Math.min(...units)).toBeLessThanOrEqual(1);
    expect(buckets.every((b) => b.remaining === b.total && b.holders.length === 0)).toBe(true);
    expect(new Set(buckets.map((b) => b._id)).size).toBe(buckets.length);
  });
});

describe('which buckets a claim tries', () => {
  const ids = bucketIds({ _id: 'flash', stock: 50_000 });
  const full = new Map(ids.map((id) => [id, 1_000]));

  it('a member always starts at the same bucket and walks on through every other one in order', () => {
    const walk = bucketsToTry(ids, 'member-42', full);
    expect(walk).toHaveLength(ids.length);
    expect(bucketsToTry(ids, 'member-42', full)).toEqual(walk);
    const start = ids.indexOf(walk[0]!);
    expect(walk).toEqual(ids.map((_, i) => ids[(start + i) % ids.length]));
  });

  it('buckets the last read showed empty, or did not find, are not tried', () => {
    const left = new Map(full);
    left.set('flash#7', 0);
    left.delete('flash#8');
    const walk = bucketsToTry(ids, 'member-42', left);
    expect(walk).toHaveLength(ids.length - 2);
    expect(walk).not.toContain('flash#7');
    expect(walk).not.toContain('flash#8');
    expect(bucketsToTry(ids, 'member-42', new Map(ids.map((id) => [id, 0])))).toEqual([]);
  });

  it('10,000 members start spread over all 50 buckets, none taking more than twice its share', () => {
    const starts = new Map<string, number>();
    for (let i = 0; i < 10_000; i += 1) {
      const first = bucketsToTry(ids, `m${i.toString(36).padStart(6, '0')}`, full)[0]!;
      starts.set(first, (starts.get(first) ?? 0) + 1);
    }
    expect(starts.size).toBe(50);
    expect(Math.max(...starts.values())).toBeLessThan((2 * 10_000) / 50);
  });

  it('what is left of a stock is the sum of its buckets, a missing bucket counting as empty', () => {
    expect(unitsLeft(['a', 'a#1', 'a#2'], new Map([['a', 3], ['a#2', 4]]))).toBe(7);
  });
});
