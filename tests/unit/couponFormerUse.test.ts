import { claimsLeft, formerUseOf } from '../../cloudfunctions/domain/coupons/former';
import type { Coupon, CouponStatus } from '../../cloudfunctions/domain/coupons/template';
import type { CouponChannel } from '../../cloudfunctions/contract';

const at = (iso: string) => new Date(iso);
const coupon = (id: string, templateId: string, channel: CouponChannel, status: CouponStatus = 'available'): Coupon => ({
  _id: id,
  memberId: 'm1',
  templateId,
  channel,
  name: templateId,
  discount: { kind: 'amountOff', amountFen: 500, thresholdFen: 0 },
  stackable: false,
  status,
  issuedAt: at('2026-11-25T10:00:00+08:00'),
  validFrom: at('2026-11-25T10:00:00+08:00'),
  validUntil: at('2026-12-26T00:00:00+08:00'),
  usedAt: null,
  usedOrder: null,
});

describe('what a leaving member used of the once-ever offers (kept so joining again does not renew them)', () => {
  it('a member who held nothing leaves nothing behind', () => {
    expect(formerUseOf([])).toEqual({ once: [], claims: {}, birthdayYears: [] });
  });

  it.each([
    ['the welcome coupon, used or not', [coupon('welcome-80:m1:once', 'welcome-80', 'join', 'used')], { once: ['welcome-80'], claims: {}, birthdayYears: [] }],
    ['the opt-in ¥5 and the second-item coupon', [coupon('marketing-opt-in-5:m1:once', 'marketing-opt-in-5', 'optIn'), coupon('second-item-half:m1:once', 'second-item-half', 'firstOrder', 'expired')], { once: ['marketing-opt-in-5', 'second-item-half'], claims: {}, birthdayYears: [] }],
    ['two claims of one campaign and one of another (a claim still taking stock counts: it took its slot)', [coupon('winter-300-50:m1:1', 'winter-300-50', 'claim'), coupon('winter-300-50:m1:2', 'winter-300-50', 'claim', 'used'), coupon('new-arrival-trial:m1:1', 'new-arrival-trial', 'claim', 'issuing')], { once: [], claims: { 'winter-300-50': 2, 'new-arrival-trial': 1 }, birthdayYears: [] }],
    ['birthday gifts claimed, by their birthday year', [coupon('birthday:m1:2025', 'birthday-explorer', 'birthday', 'used'), coupon('birthday:m1:2026', 'birthday-grower', 'birthday')], { once: [], claims: {}, birthdayYears: [2026, 2025] }],
    ['a birthday grant never claimed is not a gift had', [coupon('birthday:m1:2026', 'birthday-explorer', 'birthday', 'claimable')], { once: [], claims: {}, birthdayYears: [] }],
    ['the newest three birthday years are kept', ['2022', '2023', '2024', '2025'].map((y) => coupon(`birthday:m1:${y}`, 'birthday-explorer', 'birthday', 'used')), { once: [], claims: {}, birthdayYears: [2025, 2024, 2023] }],
    ['rewards and win-backs are not once-ever offers', [coupon('reward-20:m1:rX', 'reward-20', 'reward'), coupon('win-back-30:m1:20261101', 'win-back-30', 'winBack')], { once: [], claims: {}, birthdayYears: [] }],
  ] as Array<[string, Coupon[], ReturnType<typeof formerUseOf>]>)('%s', (_name, coupons, expected) => {
    expect(formerUseOf(coupons)).toEqual(expected);
  });
});

describe('claims left of a template, counting earlier memberships', () => {
  it.each([
    ['1 per member, none before', 1, {}, 1],
    ['1 per member, claimed before leaving', 1, { t: 1 }, 0],
    ['2 per member, 1 claimed before leaving', 2, { t: 1 }, 1],
    ['2 per member, other templates claimed before', 2, { other: 5 }, 2],
    ['never below zero', 1, { t: 3 }, 0],
    ['no limit', null, { t: 9 }, null],
  ] as Array<[string, number | null, Record<string, number>, number | null]>)('%s → %s', (_name, perMember, claims, left) => {
    expect(claimsLeft({ _id: 't', perMember }, { claims })).toBe(left);
  });
});
