import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionName } from '../../cloudfunctions/contract';
import { serviceFor } from '../../src/services/cloud';
import { couponApi } from '../../src/services/coupons';
import { memberApi } from '../../src/services/member';
import { pointsApi } from '../../src/services/points';
import { referralApi } from '../../src/services/referral';
import { styleApi } from '../../src/services/style';
import { outfitsApi, wardrobeApi } from '../../src/services/wardrobe';
import { programCloud, recorded, resetTaro } from './support/taro';

/** Every service wrapper of the app and the function it was built for. */
const WRAPPERS: Array<[FunctionName, Record<string, unknown>]> = [
  ['member', memberApi],
  ['points', pointsApi],
  ['coupon', couponApi],
  ['referral', referralApi],
  ['style', styleApi],
  ['style', wardrobeApi],
  ['style', outfitsApi],
];

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
  programCloud(() => ({ ok: false, error: { code: 'INTERNAL', message: 'not answered in this test' } }));
});

describe('each service wrapper calls its own function', () => {
  it.each(WRAPPERS)('every call of the %s wrapper goes to the %s function, one call each', async (fn, api) => {
    const methods = Object.entries(api).filter((entry): entry is [string, (arg: unknown) => Promise<unknown>] => typeof entry[1] === 'function');
    expect(methods.length).toBeGreaterThan(0);
    // what a method is given does not change where it goes
    for (const [, method] of methods) await method('S001');
    expect(recorded.cloudCalls.map((c) => c.name)).toEqual(methods.map(() => fn));
  });

  it('a service wrapper cannot call another function’s action (the contract refuses it when the app is type-checked)', () => {
    const points = serviceFor('points', (call) => ({
      // @ts-expect-error subscribe is the member function's action: the points wrapper has no way to send it
      subscribe: () => call('subscribe', { accepted: ['pointsExpiring'] }),
      // @ts-expect-error nor can it name the function: its caller takes the action alone
      card: () => call('member', 'card'),
      summary: () => call('summary'),
    }));
    expect(Object.keys(points)).toEqual(['subscribe', 'card', 'summary']);
  });

  it('the app reaches functions only through serviceFor: nothing else in src/ calls callFunction or the gateway', () => {
    const SRC = join(__dirname, '../../src');
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const callers = files.filter((f) => /callFunction|\/api\/fn\//.test(readFileSync(join(SRC, f), 'utf8')));
    expect(callers).toEqual(['services/cloud.ts']);
  });
});
