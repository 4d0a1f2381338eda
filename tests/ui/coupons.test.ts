import { REQUEST_ID } from '../../cloudfunctions/contract/coupon';
import { couponApi } from '../../src/services/coupons';
import { newRequestId, pointsApi } from '../../src/services/points';
import { coupon, fail, ok, programCoupons } from './support/coupons';
import { recorded, resetTaro } from './support/taro';

const REDEEMED = { coupon: coupon('points-20:m1:1', { templateId: 'points-20' }), balance: 780, spent: 500 };
const sentIds = () => recorded.cloudCalls.filter((c) => c.data.action === 'redeem').map((c) => c.data.requestId);

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the request id that makes a redeem spend once', () => {
  it('is 8–64 letters, digits, "_" or "-", as the contract asks, and differs each time', () => {
    const ids = Array.from({ length: 200 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(REQUEST_ID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newRequestId(0)).toMatch(REQUEST_ID);
  });

  it('a redeem that got no answer (or broke) is sent again with the same id; once answered, the next redeem has a new one', async () => {
    const answers = [fail('UNAVAILABLE'), fail('INTERNAL'), ok(REDEEMED), ok(REDEEMED)];
    programCoupons({ redeem: () => answers.shift()! });
    for (let i = 0; i < 4; i += 1) await pointsApi.redeem('points-20');
    const [first, second, third, fourth] = sentIds();
    expect([second, third]).toEqual([first, first]);
    expect(fourth).not.toBe(first);
  });

  it.each(['INSUFFICIENT_POINTS', 'OUT_OF_STOCK', 'NOT_CLAIMABLE', 'CONFLICT'] as const)('a redeem refused with %s is settled: the next one is new', async (code) => {
    const answers = [fail(code), ok(REDEEMED)];
    programCoupons({ redeem: () => answers.shift()! });
    await pointsApi.redeem('points-20');
    await pointsApi.redeem('points-20');
    const [first, second] = sentIds();
    expect(second).not.toBe(first);
  });

  it('an unanswered redeem of one reward does not lend its id to another reward', async () => {
    const answers = [fail('UNAVAILABLE'), ok(REDEEMED), ok(REDEEMED)];
    programCoupons({ redeem: () => answers.shift()! });
    await pointsApi.redeem('points-20');
    await pointsApi.redeem('points-50');
    await pointsApi.redeem('points-20');
    const [first, other, retry] = sentIds();
    expect(other).not.toBe(first);
    expect(retry).toBe(first);
  });
});

describe('the coupon calls as the functions receive them', () => {
  it('names each action and its input from the contract', async () => {
    programCoupons({});
    await couponApi.list('expired');
    await couponApi.center();
    await couponApi.claim('new-arrival-trial');
    await couponApi.birthday();
    await couponApi.claimBirthday();
    await pointsApi.rewards();
    expect(recorded.cloudCalls).toEqual([
      { name: 'coupon', data: { action: 'list', status: 'expired' } },
      { name: 'coupon', data: { action: 'center' } },
      { name: 'coupon', data: { action: 'claim', templateId: 'new-arrival-trial' } },
      { name: 'coupon', data: { action: 'birthday' } },
      { name: 'coupon', data: { action: 'claimBirthday' } },
      { name: 'points', data: { action: 'rewards' } },
    ]);
  });
});
