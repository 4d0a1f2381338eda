import * as z from 'zod/mini';
import { memberContract } from '../../cloudfunctions/contract/member';
import { posOrderInput, posRefundInput } from '../../cloudfunctions/contract/pos';
import { createMain, describeIssues } from '../../cloudfunctions/platform/handler';
import { memberHandlers } from '../../cloudfunctions/functions/member/handlers';
import { createHarness, type Harness } from '../support/harness';

describe('every function call goes through the envelope', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  describe('anything that is not plain JSON data is refused with INVALID_INPUT', () => {
    class Sneaky {
      action = 'card';
    }
    const nested: Record<string, unknown> = { action: 'card' };
    let cursor = nested;
    for (let i = 0; i < 20; i += 1) cursor = (cursor.x = {}) as Record<string, unknown>;
    const cases: Array<[string, unknown]> = [
      ['a class instance', new Sneaky()],
      ['a function value', { action: 'card', f: () => 1 }],
      ['a Date', { action: 'card', at: new Date() }],
      ['NaN', { action: 'card', n: Number.NaN }],
      ['a getter', Object.defineProperty({ action: 'card' }, 'x', { get: () => 1, enumerable: true })],
      ['a symbol key', { action: 'card', [Symbol('s')]: 1 }],
      ['deep nesting', nested],
      ['a huge array', { action: 'card', xs: Array.from({ length: 5000 }, (_, i) => i) }],
      ['null', null],
      ['a string', 'card'],
      ['undefined', undefined],
    ];
    it.each(cases)('%s', async (_name, data) => {
      const { answer, requests } = await h.measure('member', 'anyone', data);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(requests).toBe(0);
    });
  });

  it('turns a bug into INTERNAL without leaking its message or stack', async () => {
    const broken = createMain('member', memberContract, {
      ...memberHandlers,
      async card() {
        throw new Error('secret detail at /srv/app.js:12');
      },
    });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result } = await h.cloud.call('u', () => broken({ action: 'card' }));
    spy.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  });

  it('never quotes more than a little of the request back', async () => {
    const hugeAction = await h.call('member', 'x', { action: ['x'.repeat(200_000)] });
    expect(hugeAction).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^action must be a string/) } });
    const longName = await h.call('member', 'x', { action: 'y'.repeat(500) });
    expect(!longName.ok && longName.error.message.length).toBeLessThan(200);
    const manyKeys = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`field_${i}_${'z'.repeat(100)}`, 1]));
    const answer = await h.call('member', 'x', { action: 'card', ...manyKeys });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!answer.ok && answer.error.message.length).toBeLessThan(400);
    expect(!answer.ok && answer.error.message).toContain('and 1495 more');
  });

  it('answers only what the contract names: a stray field in a handler\'s answer never reaches the caller', async () => {
    await h.join('u');
    const leaky = createMain('member', memberContract, {
      ...memberHandlers,
      async card(input, ctx) {
        const card = await memberHandlers.card(input, ctx);
        return card.ok ? { ok: true, value: { ...card.value, openid: ctx.openid, phone: '13800000000' } } : card;
      },
    });
    const { result } = await h.cloud.call('u', () => leaky({ action: 'card' }));
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/openid|13800000000/);
  });

  it('turns an answer that breaks the contract into INTERNAL', async () => {
    await h.join('u');
    const wrong = createMain('member', memberContract, {
      ...memberHandlers,
      async card() {
        return { ok: true, value: { memberId: 42 } as never };
      },
    });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result } = await h.cloud.call('u', () => wrong({ action: 'card' }));
    spy.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  });

  it.each([
    [{ action: 'enroll', storeId: 'S001' }, 'privacyAccepted: is required'],
    [{ action: 'enroll', storeId: 'S001', privacyAccepted: false }, 'privacyAccepted: must be true'],
    [{ action: 'enroll', storeId: 42, privacyAccepted: true }, 'storeId: expected string'],
    [{ action: 'delete', confirm: 'yes' }, 'confirm: must be true'],
  ])('says plainly what is wrong with %j', async (data, message) => {
    expect(await h.call('member', 'x', data)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } });
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['a page size of 0', 'points', { action: 'history', limit: 0 }, 'limit: must be at least 1'],
    ['a page size of 51', 'points', { action: 'history', limit: 51 }, 'limit: must be at most 50'],
    ['a negative cursor', 'points', { action: 'history', before: -1 }, 'before: must be at least 1'],
    ['a cursor beyond the safe integers', 'points', { action: 'history', before: 2 ** 60 }, `before: must be at most ${Number.MAX_SAFE_INTEGER}`],
    ['a page size that is not whole', 'points', { action: 'history', limit: 1.5 }, 'limit: expected int'],
    ['a nickname over 256 characters', 'member', { action: 'profile', nickname: 'x'.repeat(300) }, 'nickname: nickname is at most 20 characters'],
    ['a nickname of 21 characters', 'member', { action: 'profile', nickname: '悦'.repeat(21) }, 'nickname: nickname is at most 20 characters'],
  ])('says a bound in words that fit the field: %s', async (_name, fn, data, message) => {
    expect(await h.call(fn as 'points', 'x', data)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } });
  });

  it('names the field that failed in INVALID_INPUT messages', async () => {
    const answer = await h.call('member', 'x', { action: 'enroll', storeId: 'S001', privacyAccepted: true, birthday: '02-30' });
    expect(!answer.ok && answer.error.message).toMatch(/^birthday: /);
  });
});

describe('describeIssues: what a refused input is told', () => {
  const order = { orderId: 'O1', memberCode: '660123456789012345', amountFen: 39_900, items: [{ sku: 'SKU-1', qty: 1, priceFen: 39_900 }], paidAt: '2026-11-25T10:00:00+08:00' };
  const say = (schema: z.ZodMiniType, input: unknown): string => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error('expected the input to be refused');
    return describeIssues(parsed.error, input);
  };

  it.each<[string, Record<string, unknown>, string]>([
    // 1e20 is beyond the safe integers and beyond the contract's maximum: one line, in the contract's words
    ['an amount of 1e20 fen', { amountFen: 1e20 }, 'amountFen: must be at most 100000000 fen'],
    ['a negative amount', { amountFen: -1 }, 'amountFen: must be at least 0 fen'],
    ['an item price of 1e20 fen', { items: [{ sku: 'SKU-1', qty: 1, priceFen: 1e20 }] }, 'items.0.priceFen: must be at most 100000000 fen'],
    ['no items', { items: [] }, 'items: an order has at least one item'],
    ['two fields wrong', { amountFen: 1e20, items: [] }, 'amountFen: must be at most 100000000 fen; items: an order has at least one item'],
  ])('a POS order with %s', (_name, over, message) => {
    expect(say(posOrderInput, { ...order, ...over })).toBe(message);
  });

  it('a refund of 0 fen', () => {
    expect(say(posRefundInput, { orderId: 'O1', refundId: 'R1', amountFen: 0 })).toBe('amountFen: must be at least 1 fen');
  });

  it.each<[string, z.ZodMiniType, unknown, string]>([
    ['a number above its maximum', z.object({ n: z.number().check(z.maximum(10)) }), { n: 11 }, 'n: must be at most 10'],
    ['a number below its minimum', z.object({ n: z.int().check(z.minimum(3)) }), { n: 2 }, 'n: must be at least 3'],
    ['a number not above an exclusive bound', z.object({ n: z.number().check(z.positive()) }), { n: 0 }, 'n: must be more than 0'],
    ['a number not below an exclusive bound', z.object({ n: z.number().check(z.lt(5)) }), { n: 5 }, 'n: must be less than 5'],
    ['a string too long', z.object({ s: z.string().check(z.maxLength(4)) }), { s: 'abcde' }, 's: is at most 4 characters'],
    ['a string too short', z.object({ s: z.string().check(z.minLength(2)) }), { s: 'a' }, 's: is at least 2 characters'],
    ['an array too long', z.object({ xs: z.array(z.number()).check(z.maxLength(2)) }), { xs: [1, 2, 3] }, 'xs: has at most 2 items'],
    ['an array too short', z.object({ xs: z.array(z.number()).check(z.minLength(1)) }), { xs: [] }, 'xs: has at least 1 items'],
    ['a field with two generic issues: the first only', z.object({ s: z.string().check(z.minLength(5), z.regex(/^\d+$/)) }), { s: 'ab' }, 's: is at least 5 characters'],
    ['unknown fields beside a wrong one', z.strictObject({ n: z.number().check(z.maximum(1)) }), { n: 2, x: 1 }, 'n: must be at most 1; data: unknown field(s) x'],
  ])('%s', (_name, schema, input, message) => {
    expect(say(schema, input)).toBe(message);
  });
});
