import type { Basket } from '../../cloudfunctions/domain/coupons/discounts';
import { couponProblem, priceOrder, type PricingContext } from '../../cloudfunctions/domain/coupons/pricing';
import type { Coupon, Discount } from '../../cloudfunctions/domain/coupons/template';

const at = (iso: string) => new Date(iso);

const issuedAt = at('2026-11-25T10:00:00+08:00');
const validUntil = at('2026-12-26T00:00:00+08:00');
const orderAt = at('2026-12-01T15:00:00+08:00');

const welcome: Discount = { kind: 'percent', percent: 80, capFen: 30_000 };
const eightZhe: Discount = { kind: 'percent', percent: 80 };
const over300Less50: Discount = { kind: 'amountOff', amountFen: 5_000, thresholdFen: 30_000 };
const fiveOff: Discount = { kind: 'amountOff', amountFen: 500, thresholdFen: 0 };
const twentyOff: Discount = { kind: 'amountOff', amountFen: 2_000, thresholdFen: 0 };

function coupon(id: string, over: Partial<Coupon> = {}): Coupon {
  return {
    _id: id,
    memberId: 'm1',
    templateId: id.split(':')[0]!,
    channel: 'claim',
    name: '冬装满减券',
    discount: over300Less50,
    stackable: false,
    status: 'available',
    issuedAt,
    validFrom: issuedAt,
    validUntil,
    usedAt: null,
    usedOrder: null,
    ...over,
  };
}

const ctx = (over: Partial<PricingContext> = {}): PricingContext => ({ memberId: 'm1', firstOrder: false, at: orderAt, ...over });
const basket = (amountFen: number, items: Basket['items'] = [{ sku: 'COAT', qty: 1, priceFen: amountFen }]): Basket => ({ amountFen, items });

/** The pricing in one line: [discount, payable, [[id, fen]...]], or the error code and message. */
function priced(b: Basket, coupons: Coupon[], c: PricingContext = ctx(), ids = coupons.map((x) => x._id)) {
  const outcome = priceOrder(b, ids, coupons, c);
  if (!outcome.ok) return `${outcome.error.code} ${outcome.error.message}`;
  const { discountFen, payableFen, applied } = outcome.value;
  return [discountFen, payableFen, applied.map((a) => [a.couponId, a.discountFen])];
}

describe('an order without coupons', () => {
  it.each([0, 1, 39_999, 100_000])('of %i fen pays exactly its amount', (amountFen) => {
    expect(priceOrder(basket(amountFen), [], [], ctx())).toEqual({ ok: true, value: { discountFen: 0, payableFen: amountFen, applied: [] } });
  });
});

describe('a coupon the till names must be this member\'s, unused and valid now', () => {
  const welcomeCoupon = coupon('welcome-80:m1:once', { name: '首单8折券', discount: welcome, firstOrderOnly: true, channel: 'join' });
  it.each([
    ['an available coupon of this member', coupon('c'), ctx(), null],
    ['no such coupon', null, ctx(), '不在该会员的券包中'],
    ["another member's coupon (reads as unknown)", coupon('c', { memberId: 'm2' }), ctx(), '不在该会员的券包中'],
    ["another member's used coupon (still reads as unknown)", coupon('c', { memberId: 'm2', status: 'used' }), ctx(), '不在该会员的券包中'],
    ['a claim still taking stock (issuing)', coupon('c', { status: 'issuing' }), ctx(), '不在该会员的券包中'],
    ['a birthday gift not claimed yet (claimable)', coupon('c', { status: 'claimable' }), ctx(), '不在该会员的券包中'],
    ['a used coupon', coupon('c', { status: 'used', usedAt: at('2026-11-30T12:00:00+08:00'), usedOrder: 'S001:o-1' }), ctx(), '已经使用过'],
    ['a coupon the expiry job has marked', coupon('c', { status: 'expired' }), ctx(), '已于2026-12-25 23:59过期'],
    ['a coupon at the last millisecond of its validity', coupon('c'), ctx({ at: at('2026-12-25T23:59:59.999+08:00') }), null],
    ['a coupon at the instant validUntil exactly (not yet marked by the job)', coupon('c'), ctx({ at: validUntil }), '已于2026-12-25 23:59过期'],
    ['a coupon a day after it ended', coupon('c'), ctx({ at: at('2026-12-27T10:00:00+08:00') }), '已于2026-12-25 23:59过期'],
    ['a coupon at the instant it becomes valid', coupon('c', { validFrom: at('2026-12-01T00:00:00+08:00') }), ctx({ at: at('2026-12-01T00:00:00+08:00') }), null],
    ['a coupon a millisecond before it becomes valid', coupon('c', { validFrom: at('2026-12-01T00:00:00+08:00') }), ctx({ at: at('2026-11-30T23:59:59.999+08:00') }), '尚未到可用时间'],
    ['the welcome coupon on the first order', welcomeCoupon, ctx({ firstOrder: true }), null],
    ['the welcome coupon on a second order', welcomeCoupon, ctx({ firstOrder: false }), '仅限首单使用'],
    ['an ordinary coupon on a second order', coupon('c'), ctx({ firstOrder: false }), null],
  ] as Array<[string, Coupon | null, PricingContext, string | null]>)('%s: %s', (_name, c, context, problem) => {
    expect(couponProblem(c, context)).toBe(problem);
  });

  it.each([
    ['owner mismatch', coupon('winter-300-50:m2:1', { memberId: 'm2' }), ctx(), '不在该会员的券包中'],
    ['used', coupon('winter-300-50:m1:1', { status: 'used' }), ctx(), '已经使用过'],
    ['expired at validUntil exactly', coupon('winter-300-50:m1:1'), ctx({ at: validUntil }), '已于2026-12-25 23:59过期'],
    ['not yet valid', coupon('winter-300-50:m1:1', { validFrom: at('2026-12-02T00:00:00+08:00') }), ctx(), '尚未到可用时间'],
    ['first order only, on a second order', coupon('welcome-80:m1:once', { discount: welcome, firstOrderOnly: true }), ctx(), '仅限首单使用'],
  ])('refuses the whole order as NOT_CLAIMABLE, naming the coupon, when it is %s', (_name, c, context, problem) => {
    expect(priced(basket(40_000), [c], context)).toBe(`NOT_CLAIMABLE coupon ${c._id}: ${problem}`);
  });

  it('names the id the till sent for a coupon that does not exist', () => {
    expect(priceOrder(basket(40_000), ['nope:m1:1'], [null], ctx())).toEqual({
      ok: false,
      error: { code: 'NOT_CLAIMABLE', message: 'coupon nope:m1:1: 不在该会员的券包中' },
    });
  });

  it('refuses all of them when any one of several cannot be used', () => {
    const good = coupon('good', { discount: fiveOff, stackable: true });
    const used = coupon('used', { discount: twentyOff, stackable: true, status: 'used' });
    expect(priced(basket(40_000), [good, used])).toBe('NOT_CLAIMABLE coupon used: 已经使用过');
  });

  it('refuses a coupon whose condition the basket does not meet, saying what is missing', () => {
    expect(priced(basket(29_999), [coupon('c')])).toBe('NOT_CLAIMABLE coupon c: 满¥300可用，还差¥0.01');
    const half = coupon('h', { discount: { kind: 'secondItemHalf' }, name: '第二件半价券' });
    expect(priced(basket(19_900, [{ sku: 'TEE', qty: 1, priceFen: 19_900 }]), [half])).toBe('NOT_CLAIMABLE coupon h: 同单需购买2件及以上');
  });
});

describe('one coupon per order, unless every coupon on it may be combined', () => {
  const optIn = coupon('marketing-opt-in-5:m1:once', { name: '订阅福利券', discount: fiveOff, stackable: true });
  const birthday = coupon('birthday:m1:2026', { name: '生日礼券', discount: twentyOff, stackable: true });
  const winter = coupon('winter-300-50:m1:1', { name: '冬装满减券', discount: over300Less50, stackable: false });
  const winBack = coupon('win-back-30:m1:20261001', { name: '好久不见券', discount: { kind: 'amountOff', amountFen: 3_000, thresholdFen: 19_900 }, stackable: false });

  it.each([
    ['one coupon that may not be combined, alone', [winter], [5_000, 35_000, [[winter._id, 5_000]]]],
    ['two coupons that may both be combined', [optIn, birthday], [2_500, 37_500, [[optIn._id, 500], [birthday._id, 2_000]]]],
    ['a combinable coupon with one that may not be', [optIn, winter], `NOT_CLAIMABLE coupon ${winter._id}: 冬装满减券不可与其他券同享`],
    ['one that may not be, named first, with a combinable one', [winter, birthday], `NOT_CLAIMABLE coupon ${winter._id}: 冬装满减券不可与其他券同享`],
    ['two that may not be combined (the first is named)', [winBack, winter], `NOT_CLAIMABLE coupon ${winBack._id}: 好久不见券不可与其他券同享`],
  ] as Array<[string, Coupon[], unknown]>)('%s → %j', (_name, coupons, answer) => {
    expect(priced(basket(40_000), coupons)).toEqual(answer);
  });
});

describe('stacked coupons: amount-off first, a percentage last on what is left', () => {
  const pct = coupon('pct', { name: '8折券', discount: eightZhe, stackable: true });
  const five = coupon('five', { name: '订阅福利券', discount: fiveOff, stackable: true });
  const fifty = coupon('fifty', { name: '满减券', discount: over300Less50, stackable: true });
  const twenty = coupon('twenty', { name: '生日礼券', discount: twentyOff, stackable: true });

  it.each([
    // ¥400: ¥50 off → ¥350, then 20% of ¥350 = ¥70: ¥120 off, ¥280 to pay (not 20% of ¥400 = ¥80, then ¥50)
    ['a percentage named before an amount off is still applied last', [pct, fifty], [12_000, 28_000, [['pct', 7_000], ['fifty', 5_000]]]],
    ['an amount off named before a percentage', [fifty, pct], [12_000, 28_000, [['fifty', 5_000], ['pct', 7_000]]]],
    // ¥400 − ¥5 − ¥50 = ¥345; 20% of it = ¥69
    ['two amounts off and a percentage, answered in the order named', [pct, five, fifty], [12_400, 27_600, [['pct', 6_900], ['five', 500], ['fifty', 5_000]]]],
  ] as Array<[string, Coupon[], unknown]>)('%s → %j', (_name, coupons, answer) => {
    expect(priced(basket(40_000), coupons)).toEqual(answer);
  });

  it('judges a threshold on the order before coupons, even when a coupon before it left less than the threshold', () => {
    // ¥300: ¥20 off leaves ¥280, yet 满300减50 still applies: the order was ¥300
    expect(priced(basket(30_000), [twenty, fifty])).toEqual([7_000, 23_000, [['twenty', 2_000], ['fifty', 5_000]]]);
  });

  it.each([
    ['¥50 off a ¥30 order of one 无门槛 coupon', 3_000, ['big']],
    ['two ¥20 coupons on a ¥30 order: the second takes what is left', 3_000, ['twenty', 'twenty2']],
  ])('never takes off more than the order: %s', (_name, amountFen, names) => {
    const all: Record<string, Coupon> = {
      pct,
      five,
      twenty,
      twenty2: coupon('twenty2', { name: '生日礼券', discount: twentyOff, stackable: true }),
      big: coupon('big', { name: '大额券', discount: { kind: 'amountOff', amountFen: 5_000, thresholdFen: 0 }, stackable: true }),
    };
    const coupons = names.map((n) => all[n]!);
    const outcome = priceOrder(basket(amountFen), coupons.map((c) => c._id), coupons, ctx());
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.discountFen).toBe(amountFen);
    expect(outcome.value.payableFen).toBe(0);
    expect(outcome.value.applied.reduce((s, a) => s + a.discountFen, 0)).toBe(amountFen);
    expect(outcome.value.applied.every((a) => a.discountFen >= 0)).toBe(true);
  });

  it.each([
    ['two ¥20 coupons and 8折 on a ¥30 order: nothing is left for the percentage', 3_000, ['pct', 'twenty', 'twenty2'], 'pct'],
    ['a ¥5 coupon on a free order', 0, ['five'], 'five'],
    ['8折 on a free order', 0, ['pct'], 'pct'],
  ])('a coupon that would take nothing off is not used up for nothing: %s → NOT_CLAIMABLE', (_name, amountFen, names, idle) => {
    const all: Record<string, Coupon> = { pct, five, twenty, twenty2: coupon('twenty2', { name: '生日礼券', discount: twentyOff, stackable: true }) };
    const coupons = names.map((n) => all[n]!);
    expect(priceOrder(basket(amountFen), coupons.map((c) => c._id), coupons, ctx())).toEqual({
      ok: false,
      error: { code: 'NOT_CLAIMABLE', message: `coupon ${idle}: 本单用这张券没有优惠` },
    });
  });

  it('answers every applied coupon with its name, and the discount is the sum of them', () => {
    const outcome = priceOrder(basket(40_000), ['pct', 'five'], [pct, five], ctx());
    expect(outcome).toEqual({
      ok: true,
      value: {
        discountFen: 8_400,
        payableFen: 31_600,
        applied: [
          { couponId: 'pct', name: '8折券', discountFen: 7_900 },
          { couponId: 'five', name: '订阅福利券', discountFen: 500 },
        ],
      },
    });
  });
});

describe('the welcome coupon on a first order', () => {
  const welcomeCoupon = coupon('welcome-80:m1:once', { name: '首单8折券', discount: welcome, firstOrderOnly: true, channel: 'join' });
  it.each([
    [39_999, 7_999, 32_000],
    [150_000, 30_000, 120_000],
    [300_000, 30_000, 270_000],
  ])('of %i fen takes %i fen off and leaves %i to pay', (amountFen, off, payable) => {
    expect(priced(basket(amountFen), [welcomeCoupon], ctx({ firstOrder: true }))).toEqual([off, payable, [[welcomeCoupon._id, off]]]);
  });
});
