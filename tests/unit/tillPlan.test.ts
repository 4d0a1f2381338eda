import type { PosOrderInput, PosRefundInput } from '../../cloudfunctions/contract/pos';
import { couponFrom } from '../../cloudfunctions/domain/coupons/issue';
import type { Coupon, CouponTemplate } from '../../cloudfunctions/domain/coupons/template';
import { type Member, newMember } from '../../cloudfunctions/domain/member';
import type { MemberCode } from '../../cloudfunctions/domain/memberCode';
import type { TierChange } from '../../cloudfunctions/domain/standing';
import { canonicalOrder, canonicalRefund } from '../../cloudfunctions/domain/till/canonical';
import { planTillOrder, type TillOrderFacts } from '../../cloudfunctions/domain/till/orderPlan';
import type { TillOrder } from '../../cloudfunctions/domain/till/records';
import { planTillRefund, type TillRefundFacts } from '../../cloudfunctions/domain/till/refundPlan';

/**
 * The till plan is the whole of what an order or refund writes. These tables are the coupon
 * lifecycle rules: what an order uses and brings, what a refund gives back, takes back or ends.
 */

const at = (iso: string) => new Date(iso);
const NOW = at('2026-12-01T15:00:00+08:00');
const JOINED = at('2026-11-25T10:00:00+08:00');
const STORE = { id: 'S001', name: '悦衣库 上海静安店' };
const CODE = '660000000000000001';

const template = (over: Partial<CouponTemplate>): CouponTemplate => ({
  _id: 't',
  name: '券',
  discount: { kind: 'amountOff', amountFen: 2_000, thresholdFen: 0 },
  stackable: false,
  validity: { kind: 'days', days: 30 },
  channel: 'claim',
  stock: null,
  perMember: 1,
  audience: {},
  active: true,
  sort: 1,
  ...over,
});
const SECOND_ITEM = template({ _id: 'second-item-half', name: '第二件半价券', channel: 'firstOrder', discount: { kind: 'secondItemHalf' }, validity: { kind: 'hours', hours: 72 } });
const WELCOME = template({ _id: 'welcome-80', name: '首单8折券', channel: 'join', discount: { kind: 'percent', percent: 80 }, firstOrderOnly: true, audience: { newMembersOnly: true } });
const LOYAL_BIRTHDAY = template({ _id: 'birthday-loyal', name: '忠诚者生日礼券', channel: 'birthday', audience: { tiers: ['loyal'] }, stackable: true });
const GROWER_ONLY = template({ _id: 'grower-90', name: '成长者专享9折券', discount: { kind: 'percent', percent: 90 }, audience: { tiers: ['grower', 'loyal'] } });
const EXPLORER_BIRTHDAY = template({ _id: 'birthday-explorer', name: '生日礼券', channel: 'birthday', audience: { tiers: ['explorer'] } });

function member(over: Partial<Member> = {}): Member {
  return { ...newMember('m1', 'o1', { store: { storeId: 'S001', name: STORE.name } }, JOINED), ...over };
}
const code = (): MemberCode => ({ _id: 'm1', code: CODE, issuedAt: at('2026-12-01T14:59:30+08:00'), expiresAt: at('2026-12-01T15:00:30+08:00'), }) as MemberCode;
const issued = (t: CouponTemplate, id: string, when = JOINED, over: Partial<Coupon> = {}): Coupon => ({ ...couponFrom(t, id, 'm1', when), ...over });

function orderInput(amountFen: number, over: Partial<PosOrderInput> = {}): PosOrderInput {
  return { orderId: 'A1', memberCode: CODE, amountFen, items: [{ sku: 'COAT', qty: 1, priceFen: amountFen }], paidAt: '2026-12-01T15:00:00+08:00', ...over };
}
function orderFacts(over: Partial<TillOrderFacts> = {}): TillOrderFacts {
  return {
    store: STORE,
    key: 'S001:A1',
    input: orderInput(39_900),
    fingerprint: 'f',
    paidAt: NOW,
    now: NOW,
    code: code(),
    member: member(),
    coupons: [],
    secondItem: { template: SECOND_ITEM, held: false, formerOnce: [] },
    ...over,
  };
}

const plannedOrder = (f: TillOrderFacts) => {
  const p = planTillOrder(f);
  if (!p.ok) return `${p.error.code} ${p.error.message}`;
  return { use: p.value.coupons.use, issue: p.value.coupons.issue.map((c) => c._id) };
};

describe('a till order: what it uses and what it brings', () => {
  const welcome = issued(WELCOME, 'welcome-80:m1:once');
  it.each<[string, Partial<TillOrderFacts>, ReturnType<typeof plannedOrder>]>([
    ['a first paid order brings the second-item coupon', {}, { use: [], issue: ['second-item-half:m1:once'] }],
    ['a first paid order with the welcome coupon uses it and brings the second-item coupon', { input: orderInput(39_900, { couponIds: [welcome._id] }), coupons: [welcome] }, { use: [welcome._id], issue: ['second-item-half:m1:once'] }],
    ['a free first order (nothing paid) is not the first paid order: nothing is brought', { input: orderInput(0) }, { use: [], issue: [] }],
    ['a member who has ordered before gets no second-item coupon', { member: member({ firstOrderAt: JOINED, firstOrderKey: 'S001:A0' }), secondItem: null }, { use: [], issue: [] }],
    ['a second-item coupon already held (a first order refunded whole and made again) is not issued twice', { secondItem: { template: SECOND_ITEM, held: true, formerOnce: [] } }, { use: [], issue: [] }],
    ['a shopper who had it in an earlier membership does not get it again', { secondItem: { template: SECOND_ITEM, held: false, formerOnce: ['second-item-half'] } }, { use: [], issue: [] }],
    ['an inactive second-item template issues nothing', { secondItem: { template: { ...SECOND_ITEM, active: false }, held: false, formerOnce: [] } }, { use: [], issue: [] }],
    ['a missing second-item template issues nothing', { secondItem: { template: null, held: false, formerOnce: [] } }, { use: [], issue: [] }],
  ])('%s', (_name, over, expected) => {
    expect(plannedOrder(orderFacts(over))).toEqual(expected);
  });

  it.each<[string, Partial<TillOrderFacts>, string]>([
    ['a code the member replaced long ago', { code: { ...code(), code: '660000000000000002' } }, 'CODE_EXPIRED'],
    ['no code record', { code: null }, 'CODE_EXPIRED'],
    ['a member who left', { member: null }, 'CODE_EXPIRED'],
    ['a member who is leaving is answered as one who left', { member: member({ leavingSince: NOW }) }, 'CODE_EXPIRED'],
    ['the welcome coupon on a second order', { member: member({ firstOrderAt: JOINED }), secondItem: null, input: orderInput(39_900, { couponIds: [welcome._id] }), coupons: [welcome] }, 'NOT_CLAIMABLE'],
    ['a used coupon', { input: orderInput(39_900, { couponIds: ['c'] }), coupons: [{ ...welcome, _id: 'c', status: 'used' }] }, 'NOT_CLAIMABLE'],
  ])('refuses %s and plans no write', (_name, over, code_) => {
    const p = planTillOrder(orderFacts(over));
    expect(p.ok ? 'planned' : p.error.code).toBe(code_);
  });

  it('puts the order, its ledger lines, the member changes and the code use in one plan', () => {
    const p = planTillOrder(orderFacts());
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.order).toMatchObject({ _id: 'S001:A1', memberId: 'm1', amountFen: 39_900, pointsEarned: 399, fingerprint: 'f' });
    expect(p.value.entries.map((e) => [e._id, e.kind, e.points, e.source.kind])).toEqual([['e:S001:A1', 'earn', 399, 'order']]);
    expect(p.value.member).toMatchObject({ points: 399, firstOrderAt: NOW, firstOrderKey: 'S001:A1', lastOrderKey: 'S001:A1' });
    expect(p.value.code).toEqual({ kind: 'server', slot: 'current', usedAt: NOW, usedFor: 'S001:A1' });
  });

  it('an order that makes the member 忠诚者 records the move in the tier history', () => {
    const p = planTillOrder(orderFacts({ input: orderInput(300_100) }));
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.result).toMatchObject({ tier: 'loyal', tierChanged: true });
    expect(p.value.member.tierHistory).toEqual([{ from: 'explorer', to: 'loyal', at: NOW, reason: 'order' }]);
  });

  it('refuses a tier gift at the till once a refund took its tier, and keeps it when the review did', () => {
    const gift = issued(LOYAL_BIRTHDAY, 'birthday:m1:2026', at('2026-11-26T10:00:00+08:00'));
    const lost = (reason: TierChange['reason']) => member({ tierHistory: [{ from: 'explorer', to: 'loyal', at: at('2026-11-25T12:00:00+08:00'), reason: 'order' }, { from: 'loyal', to: 'explorer', at: at('2026-11-28T12:00:00+08:00'), reason }], firstOrderAt: JOINED });
    const withGift = (m: Member) => orderFacts({ member: m, secondItem: null, input: orderInput(39_900, { couponIds: [gift._id] }), coupons: [gift] });
    expect(plannedOrder(withGift(lost('refund')))).toMatch(/^NOT_CLAIMABLE .*因退货等级调整，已失效/);
    expect(plannedOrder(withGift(lost('review')))).toEqual({ use: [gift._id], issue: [] });
  });
});

// — refunds —

const GAINED = at('2026-11-25T12:00:00+08:00');
const LOYAL_HISTORY: TierChange[] = [{ from: 'explorer', to: 'loyal', at: GAINED, reason: 'order' }];

function paidOrder(over: Partial<TillOrder> = {}): TillOrder {
  return {
    _id: 'S001:A1',
    storeId: 'S001',
    orderId: 'A1',
    memberId: 'm1',
    amountFen: 300_100,
    listedFen: 300_100,
    discountFen: 0,
    couponIds: [],
    items: [{ sku: 'COAT', qty: 1, priceFen: 300_100 }],
    paidAt: GAINED,
    countedAt: GAINED,
    fingerprint: 'f',
    pointsEarned: 3_001,
    refundedFen: 0,
    pointsClawedBack: 0,
    result: { memberId: 'm1', discountFen: 0, payableFen: 300_100, coupons: [], pointsEarned: 3_001, balance: 3_001, tier: 'loyal', tierChanged: true },
    receivedAt: GAINED,
    ...over,
  };
}

/** A member who became 忠诚者 with this one order (¥3,001) and holds its points. */
function loyalByOneOrder(over: Partial<Member> = {}): Member {
  const dayKey = '20261125';
  return member({
    tier: 'loyal',
    tierSince: GAINED,
    tierQualifiedAt: { grower: GAINED, loyal: GAINED },
    tierKeptUntil: at('2027-11-25T12:00:00+08:00'),
    tierHistory: LOYAL_HISTORY,
    spendDays: { [dayKey]: 300_100 },
    points: 3_001,
    lots: [{ id: 'e:S001:A1', earned: 3_001, remaining: 3_001, earnedAt: GAINED, expiresAt: at('2028-01-01T00:00:00+08:00') }],
    ledgerSeq: 1,
    firstOrderAt: GAINED,
    firstOrderKey: 'S001:A1',
    lastOrderAt: GAINED,
    lastOrderKey: 'S001:A1',
    ...over,
  });
}

const refundInput = (amountFen: number, over: Partial<PosRefundInput> = {}): PosRefundInput => ({ orderId: 'A1', refundId: 'R1', amountFen, ...over });
function refundFacts(over: Partial<TillRefundFacts> = {}): TillRefundFacts {
  return { store: STORE, key: 'S001:R1', input: refundInput(300_100), fingerprint: 'r', now: NOW, order: paidOrder(), member: loyalByOneOrder(), orderCoupons: [], secondItemCoupon: null, tierGifts: [], ...over };
}
const plannedRefund = (f: TillRefundFacts) => {
  const p = planTillRefund(f);
  if (!p.ok) return `${p.error.code} ${p.error.message}`;
  const { giveBack, takeBack, end } = p.value.coupons;
  return { giveBack, takeBack, end };
};

describe('a till refund: what it gives back, takes back and ends', () => {
  const welcomeUsed = issued(WELCOME, 'welcome-80:m1:once', JOINED, { status: 'used', usedOrder: 'S001:A1', usedAt: GAINED });
  const claimUsed = issued(template({ _id: 'winter' }), 'winter:m1:1', JOINED, { status: 'used', usedOrder: 'S001:A1', usedAt: GAINED });
  const secondItem = issued(SECOND_ITEM, 'second-item-half:m1:once', GAINED);
  const loyalGift = issued(LOYAL_BIRTHDAY, 'birthday:m1:2026', at('2026-11-26T10:00:00+08:00'));
  const growerGift = issued(GROWER_ONLY, 'grower-90:m1:1', at('2026-11-26T10:00:00+08:00'));
  const explorerGift = issued(EXPLORER_BIRTHDAY, 'birthday:m1:2025', JOINED);
  const onlyOrder = (m: Partial<Member> = {}) => loyalByOneOrder(m);
  const laterOrdered = loyalByOneOrder({ lastOrderKey: 'S001:A2', lastOrderAt: at('2026-11-30T12:00:00+08:00') });

  it.each<[string, Partial<TillRefundFacts>, ReturnType<typeof plannedRefund>]>([
    ['a whole refund gives back the coupon the order used while it is valid', { member: laterOrdered, orderCoupons: [claimUsed] }, { giveBack: [claimUsed._id], takeBack: [], end: [] }],
    ['a partial refund gives nothing back', { input: refundInput(100_000), member: laterOrdered, orderCoupons: [claimUsed] }, { giveBack: [], takeBack: [], end: [] }],
    ['a coupon whose time has passed does not come back', { member: laterOrdered, orderCoupons: [{ ...claimUsed, validUntil: at('2026-11-30T00:00:00+08:00') }] }, { giveBack: [], takeBack: [], end: [] }],
    ['a coupon another order used does not come back', { member: laterOrdered, orderCoupons: [{ ...claimUsed, usedOrder: 'S001:A9' }] }, { giveBack: [], takeBack: [], end: [] }],
    ['the welcome coupon comes back when the refund undoes the first order', { member: onlyOrder(), orderCoupons: [welcomeUsed] }, { giveBack: [welcomeUsed._id], takeBack: [], end: [] }],
    ['the welcome coupon stays used when the member has ordered since', { member: laterOrdered, orderCoupons: [welcomeUsed] }, { giveBack: [], takeBack: [], end: [] }],
    ['undoing the first order takes back the unused second-item coupon', { member: onlyOrder(), secondItemCoupon: secondItem }, { giveBack: [], takeBack: [secondItem._id], end: [] }],
    ['a used second-item coupon stays used', { member: onlyOrder(), secondItemCoupon: { ...secondItem, status: 'used' } }, { giveBack: [], takeBack: [], end: [] }],
    ['a partial refund of the first order takes nothing back', { input: refundInput(1_000), member: onlyOrder(), secondItemCoupon: secondItem }, { giveBack: [], takeBack: [], end: [] }],
    ['a refund that takes 忠诚者 away ends its birthday gift and the coupons only growers and up could claim', { tierGifts: [loyalGift, growerGift] }, { giveBack: [], takeBack: [], end: [loyalGift._id, growerGift._id] }],
    ['a refund that leaves the member above ¥3,000 (still 忠诚者) ends nothing', { input: refundInput(100), member: loyalByOneOrder({ spendDays: { '20261125': 300_100, '20261120': 50_000 } }), tierGifts: [loyalGift, growerGift] }, { giveBack: [], takeBack: [], end: [] }],
    ['a refund of ¥1 that drops the year to exactly ¥3,000 takes 忠诚者 (it needs more than ¥3,000)', { input: refundInput(100), tierGifts: [loyalGift] }, { giveBack: [], takeBack: [], end: [loyalGift._id] }],
    ['a birthday grant not claimed yet is nobody’s gift yet: it stays (claiming gives the gift of the tier held then)', { tierGifts: [{ ...loyalGift, status: 'claimable' }] }, { giveBack: [], takeBack: [], end: [] }],
    ['an Explorer birthday gift is nobody’s tier gift: it stays', { tierGifts: [explorerGift] }, { giveBack: [], takeBack: [], end: [] }],
  ])('%s', (_name, over, expected) => {
    expect(plannedRefund(refundFacts(over))).toEqual(expected);
  });

  it('a refund from 忠诚者 down to 成长者 ends the Loyal gift and keeps the grower one', () => {
    // ¥2,000 of the ¥3,001 comes back: ¥1,001 in the quarter still makes 成长者, the year no longer makes 忠诚者
    const p = planTillRefund(refundFacts({ input: refundInput(200_000), tierGifts: [loyalGift, growerGift] }));
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.result).toMatchObject({ tier: 'grower', tierChanged: true });
    expect(p.value.coupons.end).toEqual([loyalGift._id]);
    expect(p.value.member.tierHistory?.at(-1)).toEqual({ from: 'loyal', to: 'grower', at: NOW, reason: 'refund' });
  });

  it('records a refund of a member who left (or is leaving) with nothing taken back and no ledger line', () => {
    for (const m of [null, loyalByOneOrder({ leavingSince: NOW })]) {
      const p = planTillRefund(refundFacts({ member: m, tierGifts: [loyalGift] }));
      if (!p.ok) throw new Error(p.error.message);
      expect([p.value.memberId, p.value.entries, p.value.result.memberLeft, p.value.coupons.end]).toEqual([null, [], true, []]);
    }
  });

  it('refuses to refund more than is left and plans no write', () => {
    expect(plannedRefund(refundFacts({ order: paidOrder({ refundedFen: 300_000 }), input: refundInput(200) }))).toMatch(/^INVALID_INPUT refund ¥2 is more than the ¥1 left to refund on order A1/);
  });
});

describe('the fingerprint is of the meaning, not the form', () => {
  const base = orderInput(39_900, { items: [{ sku: 'A', qty: 1, priceFen: 100 }, { sku: 'B', qty: 2, priceFen: 19_900 }] });
  const paidAt = at(base.paidAt);
  it.each<[string, PosOrderInput]>([
    ['an empty couponIds and none', { ...base, couponIds: [] }],
    ['the items in another order', { ...base, items: [...base.items].reverse() }],
    ['the keys in another order', JSON.parse(JSON.stringify({ paidAt: base.paidAt, items: base.items, amountFen: base.amountFen, memberCode: base.memberCode, orderId: base.orderId }))],
  ])('%s mean the same order', (_name, other) => {
    expect(JSON.stringify(canonicalOrder(other, paidAt))).toBe(JSON.stringify(canonicalOrder(base, paidAt)));
  });
  it.each<[string, PosOrderInput]>([
    ['another amount', { ...base, amountFen: 39_800 }],
    ['a coupon', { ...base, couponIds: ['c1'] }],
    ['another quantity', { ...base, items: [{ sku: 'A', qty: 2, priceFen: 100 }, base.items[1]!] }],
  ])('%s is another order', (_name, other) => {
    expect(JSON.stringify(canonicalOrder(other, paidAt))).not.toBe(JSON.stringify(canonicalOrder(base, paidAt)));
  });
  it('a refund naming its own store as orderStoreId means the same refund', () => {
    expect(canonicalRefund({ ...refundInput(100), orderStoreId: 'S001' }, 'S001')).toEqual(canonicalRefund(refundInput(100), 'S001'));
    expect(canonicalRefund({ ...refundInput(100), orderStoreId: 'S002' }, 'S001')).not.toEqual(canonicalRefund(refundInput(100), 'S001'));
  });
});
