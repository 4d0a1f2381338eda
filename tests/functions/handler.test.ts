import { memberContract } from '../../cloudfunctions/contract/member';
import { createMain } from '../../cloudfunctions/platform/handler';
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

  it('names the field that failed in INVALID_INPUT messages', async () => {
    const answer = await h.call('member', 'x', { action: 'enroll', storeId: 'S001', privacyAccepted: true, birthday: '02-30' });
    expect(!answer.ok && answer.error.message).toMatch(/^birthday: /);
  });
});
