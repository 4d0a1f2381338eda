import type { Product } from '../../cloudfunctions/contract/catalog';
import type { Coupon } from '../../cloudfunctions/domain/coupons/template';
import { counterOrderKey, counterUse, usableAtCounter, usedByThisOrder } from '../../cloudfunctions/domain/staff/counterCoupons';
import { clerkScene, SCENE_MAX } from '../../cloudfunctions/domain/staff/joinCode';
import { planOutfitList } from '../../cloudfunctions/domain/staff/outfitList';
import type { Staff } from '../../cloudfunctions/domain/staff/staff';
import type { WardrobeItem } from '../../cloudfunctions/domain/wardrobe/item';

const NOW = new Date('2026-11-25T02:00:00.000Z');
const DAY = 86_400_000;
const MEMBER = { _id: 'm1', firstOrderAt: null, tier: 'explorer' as const, tierHistory: [] };

function coupon(over: Partial<Coupon> = {}): Coupon {
  return {
    _id: 'c1',
    memberId: 'm1',
    templateId: 't',
    channel: 'claim',
    name: '满300减50',
    discount: { kind: 'amountOff', amountFen: 5_000, thresholdFen: 30_000 },
    stackable: true,
    status: 'available',
    issuedAt: new Date(NOW.getTime() - DAY),
    validFrom: new Date(NOW.getTime() - DAY),
    validUntil: new Date(NOW.getTime() + 10 * DAY),
    usedAt: null,
    usedOrder: null,
    ...over,
  };
}

describe('a clerk\'s scene fits WeChat\'s 32 characters', () => {
  it.each([['S001', 'AB23CD'], ['S123456789ABCDEF', 'ABCDEFGH']])('store %s, code %s', (store, code) => {
    expect(clerkScene(store, code).length).toBeLessThanOrEqual(SCENE_MAX);
  });
});

describe('whether the counter may use a coupon (counterUse)', () => {
  it.each(([
    ['a usable coupon of the member', coupon(), {}, 'ok'],
    ['no such coupon', null, {}, 'NOT_FOUND'],
    ["another member's coupon", coupon({ memberId: 'm2' }), {}, 'NOT_FOUND'],
    ['a claim still taking stock', coupon({ status: 'issuing' }), {}, 'NOT_FOUND'],
    ['a pass (checked off instead)', coupon({ discount: { kind: 'pass', title: '优先试穿' } }), {}, 'NOT_CLAIMABLE'],
    ['a used coupon', coupon({ status: 'used', usedAt: NOW }), {}, 'NOT_CLAIMABLE'],
    ['an expired coupon', coupon({ validUntil: NOW }), {}, 'NOT_CLAIMABLE'],
    ['a coupon not valid yet', coupon({ validFrom: new Date(NOW.getTime() + DAY) }), {}, 'NOT_CLAIMABLE'],
    ['a first-order coupon of a member who ordered', coupon({ firstOrderOnly: true }), { firstOrderAt: new Date(NOW.getTime() - DAY) } as never, 'NOT_CLAIMABLE'],
  ] as Array<[string, Coupon | null, Partial<typeof MEMBER>, string]>).map(([what, c, member, expected]): [string, Coupon | null, Partial<typeof MEMBER>, string] => [`${what} → ${expected}`, c, member, expected]))('%s', (_what, c, member, expected) => {
    const answer = counterUse(c, { ...MEMBER, ...member }, NOW);
    expect(answer.ok ? 'ok' : answer.code).toBe(expected);
  });

  it('lists only what it may use, the soonest ending first', () => {
    const soon = coupon({ _id: 'soon', validUntil: new Date(NOW.getTime() + DAY) });
    const listed = usableAtCounter([coupon(), soon, coupon({ _id: 'p', discount: { kind: 'pass', title: 'x' } }), coupon({ _id: 'u', status: 'used' })], MEMBER, NOW);
    expect(listed.map((c) => c._id)).toEqual(['soon', 'c1']);
  });

  it('a retry of the same store and order number is recognised, another order is not', () => {
    const used = coupon({ status: 'used', usedAt: NOW, usedOrder: counterOrderKey('S001', 'R-1') });
    expect(usedByThisOrder(used, 'm1', 'S001', 'R-1')).toBe(true);
    expect(usedByThisOrder(used, 'm1', 'S001', 'R-2')).toBe(false);
    expect(usedByThisOrder(used, 'm1', 'S002', 'R-1')).toBe(false);
    expect(usedByThisOrder(coupon({ status: 'used', usedOrder: 'S001:R-1' }), 'm1', 'S001', 'R-1')).toBe(false);
  });
});

describe('an outfit list a staff member sends (planOutfitList)', () => {
  const staff: Staff = { _id: 'stylist-S001', storeId: 'S001', name: '陈造型', role: 'stylist', active: true };
  const product = (sku: string, onSale = true) => [sku, { _id: sku, onSale } as Product] as const;
  const products = new Map([product('AAAA1'), product('BBBB2'), product('OFF01', false)]);
  const piece = (id: string, over: Partial<WardrobeItem> = {}) => ({ _id: id, memberId: 'm1', status: 'active', ...over }) as WardrobeItem;
  const ask = (over = {}) => ({ memberId: 'm1', title: '通勤', note: '', items: ['AAAA1', 'BBBB2'], requestId: 'req-0001', ...over });

  it.each(([
    ['products on sale', {}, [], 'ok'],
    ['with the member\'s own piece', { wardrobe: ['w1'] }, [piece('w1')], 'ok'],
    ['a product named twice', { items: ['AAAA1', 'AAAA1'] }, [], 'INVALID_INPUT'],
    ['a product off sale', { items: ['AAAA1', 'OFF01'] }, [], 'NOT_FOUND'],
    ['an unknown product', { items: ['AAAA1', 'ZZZZ9'] }, [], 'NOT_FOUND'],
    ["another member's piece", { wardrobe: ['w1'] }, [piece('w1', { memberId: 'm2' })], 'NOT_FOUND'],
    ['a piece put away', { wardrobe: ['w1'] }, [piece('w1', { status: 'archived' })], 'NOT_FOUND'],
  ] as Array<[string, object, WardrobeItem[], string]>).map(([what, over, wardrobe, expected]): [string, object, WardrobeItem[], string] => [`${what} → ${expected}`, over, wardrobe, expected]))('%s', (_what, over, wardrobe, expected) => {
    const plan = planOutfitList(staff, ask(over), products, wardrobe, NOW);
    expect(plan.ok ? 'ok' : plan.error.code).toBe(expected);
  });

  it('names the store and the sender, keyed by the request (no staff openid in the id the member sees)', () => {
    const plan = planOutfitList(staff, ask({ wardrobe: ['w1'] }), products, [piece('w1')], NOW);
    expect(plan.ok && plan.value).toEqual({
      _id: 'staff:m1:req-0001',
      memberId: 'm1',
      storeId: 'S001',
      staffName: '陈造型',
      title: '通勤',
      note: '',
      items: [{ kind: 'product', sku: 'AAAA1' }, { kind: 'product', sku: 'BBBB2' }, { kind: 'wardrobe', id: 'w1' }],
      createdAt: NOW,
      openedAt: null,
    });
  });
});
