import { couponFaceSchema, couponViewSchema } from '../../cloudfunctions/contract/coupon';
import { couponFrom } from '../../cloudfunctions/domain/coupons/issue';
import type { Coupon, CouponTemplate } from '../../cloudfunctions/domain/coupons/template';
import { couponView, templateFace, walletStatusOf } from '../../cloudfunctions/domain/coupons/view';

const at = (iso: string) => new Date(iso);

const welcomeTemplate: CouponTemplate = {
  _id: 'welcome-80',
  name: '首单8折券',
  channel: 'join',
  sort: 10,
  discount: { kind: 'percent', percent: 80, capFen: 30_000 },
  stackable: false,
  firstOrderOnly: true,
  validity: { kind: 'days', days: 30 },
  stock: null,
  perMember: 1,
  audience: { newMembersOnly: true },
  active: true,
};
const optInTemplate: CouponTemplate = {
  _id: 'marketing-opt-in-5',
  name: '订阅福利券',
  channel: 'optIn',
  sort: 20,
  discount: { kind: 'amountOff', amountFen: 500, thresholdFen: 0 },
  stackable: true,
  validity: { kind: 'days', days: 30 },
  stock: null,
  perMember: 1,
  audience: {},
  active: true,
};
const secondHalfTemplate: CouponTemplate = {
  _id: 'second-item-half',
  name: '第二件半价券',
  channel: 'firstOrder',
  sort: 30,
  discount: { kind: 'secondItemHalf' },
  stackable: false,
  validity: { kind: 'hours', hours: 72 },
  stock: null,
  perMember: 1,
  audience: {},
  active: true,
};

const issuedAt = at('2026-11-25T10:00:00+08:00');
const welcome = couponFrom(welcomeTemplate, 'welcome-80:m1:once', 'm1', issuedAt);
const optIn = couponFrom(optInTemplate, 'marketing-opt-in-5:m1:once', 'm1', issuedAt);

describe('a coupon issued from a template copies what the template gives', () => {
  it('the welcome coupon: its discount, first-order rule and a validity through 2026-12-25 in Shanghai', () => {
    expect(welcome).toEqual({
      _id: 'welcome-80:m1:once',
      memberId: 'm1',
      templateId: 'welcome-80',
      channel: 'join',
      name: '首单8折券',
      discount: { kind: 'percent', percent: 80, capFen: 30_000 },
      stackable: false,
      firstOrderOnly: true,
      status: 'available',
      issuedAt,
      validFrom: issuedAt,
      validUntil: at('2026-12-26T00:00:00+08:00'),
      usedAt: null,
      usedOrder: null,
    });
  });

  it('a coupon of a template that is not first-order-only carries no firstOrderOnly field', () => {
    expect(optIn).not.toHaveProperty('firstOrderOnly');
    expect(optIn.stackable).toBe(true);
  });

  it('the second-item coupon after a first order paid at 23:30 lasts 72 h exactly', () => {
    const paid = at('2026-11-25T23:30:00+08:00');
    const c = couponFrom(secondHalfTemplate, 'second-item-half:m1:once', 'm1', paid);
    expect([c.validFrom, c.validUntil]).toEqual([paid, at('2026-11-28T23:30:00+08:00')]);
  });

  it('can be written as a claimable birthday gift, or under another channel than its template\'s', () => {
    const gift = couponFrom(optInTemplate, 'birthday:m1:2026', 'm1', issuedAt, 'claimable', 'birthday');
    expect([gift.status, gift.channel, gift.templateId]).toEqual(['claimable', 'birthday', 'marketing-opt-in-5']);
  });
});

describe('what a template gives, as a ticket reads it', () => {
  it.each([
    ['the welcome coupon: 仅限首单使用 first, then its cap', welcomeTemplate, { value: '8折', rule: '全场通用，无门槛', notes: ['仅限首单使用', '最多优惠¥300'] }],
    ['the opt-in coupon: it may be combined', optInTemplate, { value: '¥5', rule: '无门槛', notes: ['可与其他可叠加的券同用'] }],
    ['the second-item coupon', secondHalfTemplate, { value: '半价', rule: '同单2件及以上，第二件半价', notes: ['按最贵两件中价低的一件计'] }],
    [
      'a first-order, combinable, capped coupon: first-order note first, combining last',
      { ...welcomeTemplate, stackable: true },
      { value: '8折', rule: '全场通用，无门槛', notes: ['仅限首单使用', '最多优惠¥300', '可与其他可叠加的券同用'] },
    ],
  ] as Array<[string, CouponTemplate, { value: string; rule: string; notes: string[] }]>)('%s', (_name, t, face) => {
    const answer = templateFace(t);
    expect(answer).toEqual({ templateId: t._id, name: t.name, kind: t.discount.kind, ...face });
    expect(couponFaceSchema.safeParse(answer).success).toBe(true);
  });
});

describe('which wallet tab a coupon is in, and why it ended', () => {
  const until = welcome.validUntil; // 2026-12-26 00:00 Shanghai
  const before = at('2026-12-01T10:00:00+08:00');
  const used: Coupon = { ...welcome, status: 'used', usedAt: at('2026-12-01T10:00:00+08:00'), usedOrder: 'S001:o-1' };
  it.each([
    ['an available coupon within its dates', optIn, false, before, 'available', null],
    ['an available coupon at its last millisecond', optIn, true, new Date(until.getTime() - 1), 'available', null],
    ['an available coupon at validUntil, before the expiry job marked it', optIn, false, until, 'expired', '已过期'],
    ['an available coupon long past its dates', optIn, false, at('2027-03-01T00:00:00+08:00'), 'expired', '已过期'],
    ['a coupon the expiry job marked', { ...optIn, status: 'expired' }, false, before, 'expired', '已过期'],
    ['a used coupon', { ...optIn, status: 'used', usedAt: before }, true, before, 'used', null],
    ['a used coupon after its dates (used stays used)', { ...optIn, status: 'used', usedAt: before }, true, at('2027-03-01T00:00:00+08:00'), 'used', null],
    ['the welcome coupon before the first order', welcome, false, before, 'available', null],
    ['the welcome coupon after the first order (paid without it)', welcome, true, before, 'expired', '首单已完成，此券已失效'],
    ['the welcome coupon used on the first order', used, true, before, 'used', null],
    ['the welcome coupon past its dates after an order (the dates are named)', welcome, true, until, 'expired', '已过期'],
  ] as Array<[string, Coupon, boolean, Date, string, string | null]>)('%s: %s (%s)', (_name, c, hasOrdered, now, status, endedReason) => {
    expect(walletStatusOf(c, hasOrdered, now)).toEqual({ status, endedReason });
  });
});

describe('a coupon in the wallet', () => {
  it('the welcome coupon the day after joining reads 8折, 仅限首单使用, and "2026-12-25 23:59 前有效"', () => {
    const view = couponView(welcome, false, at('2026-11-26T09:00:00+08:00'));
    expect(view).toEqual({
      templateId: 'welcome-80',
      name: '首单8折券',
      kind: 'percent',
      value: '8折',
      rule: '全场通用，无门槛',
      notes: ['仅限首单使用', '最多优惠¥300'],
      couponId: 'welcome-80:m1:once',
      status: 'available',
      channel: 'join',
      issuedAt: '2026-11-25T02:00:00.000Z',
      validFrom: '2026-11-25T02:00:00.000Z',
      validUntil: '2026-12-25T16:00:00.000Z',
      validityText: '2026-12-25 23:59 前有效',
      expiringSoon: false,
      usedAt: null,
      endedReason: null,
    });
    expect(couponViewSchema.safeParse(view).success).toBe(true);
  });

  it.each([
    ['used at 23:30 on 1 December in Shanghai (15:30 UTC)', '2026-12-01T23:30:00+08:00', '已于2026-12-01使用'],
    ['used at 00:30 on 2 December in Shanghai (still 1 December in UTC)', '2026-12-02T00:30:00+08:00', '已于2026-12-02使用'],
  ])('a coupon %s reads "%s" in the 已使用 tab', (_name, usedAt, text) => {
    const c: Coupon = { ...optIn, status: 'used', usedAt: at(usedAt), usedOrder: 'S001:o-1' };
    const view = couponView(c, true, at('2026-12-24T12:00:00+08:00'));
    expect([view.status, view.validityText, view.usedAt, view.expiringSoon, view.endedReason]).toEqual(['used', text, at(usedAt).toISOString(), false, null]);
    expect(couponViewSchema.safeParse(view).success).toBe(true);
  });

  it.each([
    ['3 days and a millisecond before the end', '2026-12-22T23:59:59.999+08:00', 'available', false, '2026-12-25 23:59 前有效'],
    ['exactly 3 days before the end', '2026-12-23T00:00:00+08:00', 'available', true, '2026-12-25 23:59 前有效'],
    ['on its last day', '2026-12-25T20:00:00+08:00', 'available', true, '2026-12-25 23:59 前有效'],
    ['at the end', '2026-12-26T00:00:00+08:00', 'expired', false, '已于2026-12-25 23:59过期'],
  ])('a coupon %s: %s, 即将过期 %s, reads "%s"', (_name, now, status, soon, text) => {
    const view = couponView(optIn, false, at(now));
    expect([view.status, view.expiringSoon, view.validityText]).toEqual([status, soon, text]);
  });

  it('the welcome coupon in its last days after the first order is ended, not 即将过期', () => {
    const view = couponView(welcome, true, at('2026-12-25T20:00:00+08:00'));
    expect([view.status, view.expiringSoon, view.endedReason]).toEqual(['expired', false, '首单已完成，此券已失效']);
  });

  it('a campaign coupon before its dates says when it starts', () => {
    const c: Coupon = { ...optIn, validFrom: at('2026-12-01T00:00:00+08:00'), validUntil: at('2027-01-01T00:00:00+08:00') };
    const view = couponView(c, false, at('2026-11-26T09:00:00+08:00'));
    expect([view.status, view.validityText, view.expiringSoon]).toEqual(['available', '2026-12-01 00:00 起可用，2026-12-31 23:59 前有效', false]);
  });
});
