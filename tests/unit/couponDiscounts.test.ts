import { type Basket, computeDiscount, discountFace } from '../../cloudfunctions/domain/coupons/discounts';
import type { Discount } from '../../cloudfunctions/domain/coupons/template';

type Item = Basket['items'][number];
const piece = (sku: string, priceFen: number, qty = 1): Item => ({ sku, qty, priceFen });
const basketOf = (amountFen: number, items: Item[] = [piece('SKU-1', amountFen)]): Basket => ({ amountFen, items });

/** What a discount takes off a basket with nothing taken off yet: the fen, or the shop words refusing it. */
function takes(d: Discount, basket: Basket, remainingFen = basket.amountFen): number | string {
  const result = computeDiscount(d, basket, remainingFen);
  return result.ok ? result.discountFen : result.problem;
}

const eightZhe: Discount = { kind: 'percent', percent: 80 };
const eightZheCapped: Discount = { kind: 'percent', percent: 80, capFen: 30_000 };
const over300Less50: Discount = { kind: 'amountOff', amountFen: 5_000, thresholdFen: 30_000 };
const fiveOff: Discount = { kind: 'amountOff', amountFen: 500, thresholdFen: 0 };
const secondHalf: Discount = { kind: 'secondItemHalf' };

describe('8折: the shopper pays 80% of what is left to pay, the discount rounded down to the fen', () => {
  it.each([
    ['¥100', 10_000, 2_000],
    ['¥123.45', 12_345, 2_469],
    ['¥123.99 (¥24.798 off: rounded down to ¥24.79)', 12_399, 2_479],
    ['¥0.04 (¥0.008 off: nothing)', 4, 0],
    ['¥0.05 (¥0.01 off)', 5, 1],
    ['¥0', 0, 0],
    ['¥10,000 without a cap', 1_000_000, 200_000],
  ])('on %s it takes %i fen off', (_name, amountFen, off) => {
    expect(takes(eightZhe, basketOf(amountFen))).toBe(off);
  });

  it.each([
    [85, 999, 149], // 8.5折 on ¥9.99: ¥1.4985 off
    [88, 10_000, 1_200],
    [95, 1_999, 99], // 9.5折 on ¥19.99: ¥0.9995 off
    [50, 3, 1], // 5折 on ¥0.03: ¥0.015 off
    [1, 10_000, 9_900],
    [99, 10_000, 100],
  ])('at %i%% of the price on %i fen it takes %i fen off', (percent, amountFen, off) => {
    expect(takes({ kind: 'percent', percent }, basketOf(amountFen))).toBe(off);
  });

  it.each([
    ['below the cap', 100_000, 20_000],
    ['just below the cap (¥1,499.95: ¥299.99 off)', 149_995, 29_999],
    ['exactly at the cap (¥1,500: ¥300 off)', 150_000, 30_000],
    ['above the cap (¥2,000: ¥400 off, capped)', 200_000, 30_000],
    ['far above the cap', 10_000_000, 30_000],
  ])('with 最多优惠¥300, %s, it takes %i fen off', (_name, amountFen, off) => {
    expect(takes(eightZheCapped, basketOf(amountFen))).toBe(off);
  });

  it('is judged on what is left to pay after earlier coupons, not on the whole order', () => {
    // a ¥400 order of which ¥350 is left: 20% of ¥350
    expect(takes(eightZhe, basketOf(40_000), 35_000)).toBe(7_000);
    expect(takes(eightZheCapped, basketOf(400_000), 100_000)).toBe(20_000);
  });
});

describe('满300减50: ¥50 off an order of at least ¥300 before coupons', () => {
  it.each([
    ['¥299.99, a fen short', 29_999, '满¥300可用，还差¥0.01'],
    ['¥200', 20_000, '满¥300可用，还差¥100'],
    ['¥0', 0, '满¥300可用，还差¥300'],
    ['exactly ¥300', 30_000, 5_000],
    ['¥300.01', 30_001, 5_000],
    ['¥2,000 (the amount, not a share of it)', 200_000, 5_000],
  ])('on %s: %s', (_name, amountFen, answer) => {
    expect(takes(over300Less50, basketOf(amountFen))).toBe(answer);
  });

  it('judges the threshold on the order before coupons, even when an earlier coupon left less than ¥300 to pay', () => {
    expect(takes(over300Less50, basketOf(30_000), 25_000)).toBe(5_000);
  });

  it('never takes off more than is left to pay', () => {
    expect(takes(over300Less50, basketOf(30_000), 4_000)).toBe(4_000);
    expect(takes(over300Less50, basketOf(30_000), 0)).toBe(0);
  });
});

describe('无门槛 ¥5: applies to any order, never beyond what is left to pay', () => {
  it.each([
    [0, 0],
    [1, 1],
    [499, 499],
    [500, 500],
    [501, 500],
    [100_000, 500],
  ])('on %i fen it takes %i fen off', (amountFen, off) => {
    expect(takes(fiveOff, basketOf(amountFen))).toBe(off);
  });
});

describe('第二件半价: with two or more pieces, the cheaper of the two dearest pieces is half price', () => {
  it.each([
    ['one piece', [piece('TEE', 19_900)], '同单需购买2件及以上'],
    ['two lines, one piece each', [piece('COAT', 29_900), piece('TEE', 19_900)], 9_950],
    ['two pieces of one sku (qty 2)', [piece('TEE', 19_900, 2)], 9_950],
    ['three pieces of one sku: only one of them is the second piece', [piece('TEE', 19_900, 3)], 9_950],
    ['three pieces: the cheaper of the two dearest, not the cheapest', [piece('COAT', 49_900), piece('SHIRT', 29_900), piece('SOCKS', 9_900)], 14_950],
    ['three pieces in any order on the receipt', [piece('SOCKS', 9_900), piece('COAT', 49_900), piece('SHIRT', 29_900)], 14_950],
    ['the dearest bought twice: the second of them is half price', [piece('COAT', 49_900, 2), piece('SHIRT', 29_900)], 24_950],
    ['a dear piece and two of a cheaper sku', [piece('COAT', 49_900), piece('TEE', 19_900, 2)], 9_950],
    ['an odd price: the half rounded down to the fen', [piece('COAT', 29_900), piece('TEE', 19_999)], 9_999],
    ['two free pieces', [piece('GIFT', 0, 2)], 0],
  ])('%s → %s', (_name, items, answer) => {
    const amountFen = items.reduce((sum, i) => sum + i.priceFen * i.qty, 0);
    expect(takes(secondHalf, basketOf(amountFen, items))).toBe(answer);
  });

  it.each([
    ['two ¥1,000 pieces charged ¥600 together: the second is halved at the ¥300 it is charged', [piece('COAT', 100_000), piece('COAT2', 100_000)], 60_000, 15_000],
    ['two ¥299 pieces charged ¥300: ¥150 is its share, ¥75 off', [piece('A', 29_900), piece('B', 29_900)], 30_000, 7_500],
    ['a ¥499 and a ¥199 piece at 9折 (¥628.20): the ¥199 piece is charged ¥179.10, ¥89.55 off', [piece('COAT', 49_900), piece('TEE', 19_900)], 62_820, 8_955],
    ['a till amount equal to the list total changes nothing', [piece('COAT', 29_900), piece('TEE', 19_900)], 49_800, 9_950],
  ])('a basket the till marked down: %s', (_name, items, amountFen, answer) => {
    expect(takes(secondHalf, basketOf(amountFen, items))).toBe(answer);
  });

  it('never takes off more than is left to pay', () => {
    const basket = basketOf(49_800, [piece('COAT', 29_900), piece('TEE', 19_900)]);
    expect(takes(secondHalf, basket, 6_000)).toBe(6_000);
    expect(takes(secondHalf, basket, 0)).toBe(0);
  });
});

describe('how each discount reads on a ticket (value, rule, notes)', () => {
  it.each([
    ['8折 without a cap', eightZhe, { value: '8折', rule: '全场通用，无门槛', notes: [] }],
    ['8折 with 最多优惠¥300', eightZheCapped, { value: '8折', rule: '全场通用，无门槛', notes: ['最多优惠¥300'] }],
    ['8.5折', { kind: 'percent', percent: 85 }, { value: '8.5折', rule: '全场通用，无门槛', notes: [] }],
    ['9折 with a cap of ¥199.50', { kind: 'percent', percent: 90, capFen: 19_950 }, { value: '9折', rule: '全场通用，无门槛', notes: ['最多优惠¥199.50'] }],
    ['满300减50', over300Less50, { value: '¥50', rule: '满¥300可用', notes: [] }],
    ['满1000减150', { kind: 'amountOff', amountFen: 15_000, thresholdFen: 100_000 }, { value: '¥150', rule: '满¥1,000可用', notes: [] }],
    ['满199减30', { kind: 'amountOff', amountFen: 3_000, thresholdFen: 19_900 }, { value: '¥30', rule: '满¥199可用', notes: [] }],
    ['无门槛 ¥5', fiveOff, { value: '¥5', rule: '无门槛', notes: [] }],
    ['无门槛 ¥9.90', { kind: 'amountOff', amountFen: 990, thresholdFen: 0 }, { value: '¥9.90', rule: '无门槛', notes: [] }],
    ['第二件半价', secondHalf, { value: '半价', rule: '同单2件及以上，第二件半价', notes: ['按最贵两件中价低的一件计'] }],
  ] as Array<[string, Discount, ReturnType<typeof discountFace>]>)('%s reads %j', (_name, d, face) => {
    expect(discountFace(d)).toEqual(face);
  });
});

describe('上装满299减50 (the 穿搭诊断 coupon): judged on the pieces of its category only', () => {
  const topsOver299Less50: Discount = { kind: 'categoryAmountOff', category: 'top', amountFen: 5_000, thresholdFen: 29_900 };
  const top = (priceFen: number, qty = 1): Item => ({ sku: 'YYTOP', qty, priceFen, category: 'top' });
  const trousers = (priceFen: number): Item => ({ sku: 'YYBOT', qty: 1, priceFen, category: 'bottom' });
  const unknown = (priceFen: number): Item => ({ sku: 'NOT-IN-CATALOGUE', qty: 1, priceFen, category: null });

  it.each<[string, Basket, number | string]>([
    ['a ¥299 top', basketOf(29_900, [top(29_900)]), 5_000],
    ['two ¥199 tops', basketOf(39_800, [top(19_900, 2)]), 5_000],
    ['a ¥199 top and ¥500 trousers: the tops fall short', basketOf(69_900, [top(19_900), trousers(50_000)]), '上装满¥299可用，还差¥100'],
    ['only trousers', basketOf(50_000, [trousers(50_000)]), '本单没有上装'],
    ['a piece the catalogue does not know', basketOf(50_000, [unknown(50_000)]), '本单没有上装'],
    ['a ¥400 top marked down by the till to ¥280 (the markdown counts)', basketOf(28_000, [top(40_000)]), '上装满¥299可用，还差¥19'],
    ['a ¥600 top and ¥600 trousers charged ¥1,000: the top counts at ¥500', basketOf(100_000, [top(60_000), trousers(60_000)]), 5_000],
  ])('on %s it gives %p', (_name, basket, expected) => {
    expect(takes(topsOver299Less50, basket)).toBe(expected);
  });

  it('never takes more than what is left to pay', () => {
    expect(takes(topsOver299Less50, basketOf(30_000, [top(30_000)]), 1_200)).toBe(1_200);
  });

  it('reads on a ticket as the category and its threshold', () => {
    expect(discountFace(topsOver299Less50)).toEqual({ value: '¥50', rule: '上装满¥299可用', notes: ['仅限上装'] });
    expect(discountFace({ kind: 'categoryAmountOff', category: 'shoes', amountFen: 2_000, thresholdFen: 0 })).toEqual({ value: '¥20', rule: '鞋履无门槛', notes: ['仅限鞋履'] });
  });
});
