import { createHarness, type Harness } from '../support/harness';

describe('the store a join link names (member.store)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('tells a shopper who has not joined the name and city of the store', async () => {
    expect(await h.call('member', 'newcomer', { action: 'store', storeId: 'S001' })).toEqual({
      ok: true,
      data: { storeId: 'S001', name: '悦衣库 上海静安店', city: '上海', gifts: [expect.objectContaining({ on: 'join' }), expect.objectContaining({ on: 'marketingOptIn' })] },
    });
  });

  it('answers NOT_FOUND for a store that does not exist', async () => {
    expect(await h.call('member', 'newcomer', { action: 'store', storeId: 'S999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it.each([['s001'], [''], ['S001; drop'], [42]])('refuses a malformed store id %p with INVALID_INPUT', async (storeId) => {
    expect(await h.call('member', 'newcomer', { action: 'store', storeId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('never leaves the till secret or address fields in the answer', async () => {
    const answer = await h.call('member', 'newcomer', { action: 'store', storeId: 'S001' });
    expect(JSON.stringify(answer)).not.toContain('secret');
  });
});
