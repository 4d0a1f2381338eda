import { createHmac } from 'node:crypto';
import { posSecretOf } from '../../cloudfunctions/platform/posSecrets';
import { createHarness, type Harness } from '../support/harness';
import { deliver, orderBody, tillCode } from '../support/pos';

/**
 * POS secrets live in the functions' environment (the secret store), never in the stores
 * collection: issued ones in STYLECLUB_POS_SECRETS, every other store's derived from
 * STYLECLUB_POS_KEY and the store's posKeyVersion.
 */
describe("a store's POS secret comes from the environment, not the database", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await h.join('till-shopper');
  });
  const derived = (storeId: string, version = 1) => createHmac('sha256', process.env.STYLECLUB_POS_KEY!).update(`pos|${storeId}|${version}`).digest('hex');
  const addStore = (id: string, extra: Record<string, unknown> = {}) =>
    h.cloud.db.apply([{ c: 'stores', id, doc: { _id: id, name: `悦衣库 测试店${id}`, city: '上海', address: '-', active: true, ...extra } }]);
  const order = async () => orderBody(h, await tillCode(h, 'till-shopper'), 19_900);

  it('keeps no secret in the stores collection', () => {
    for (const store of h.cloud.db.find('stores', {})) expect(Object.keys(store)).not.toContain('posSecret');
  });

  it("hears a new store's till signing with the secret derived for it, and nobody signing with a secret written on its document", async () => {
    await addStore('S010', { posSecret: 'a-secret-someone-wrote-into-the-database' });
    const leaked = await deliver(h, 'orders', await order(), { storeId: 'S010', secret: 'a-secret-someone-wrote-into-the-database' });
    expect(leaked).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    expect(h.cloud.db.count('orders', {})).toBe(0);
    expect((await deliver(h, 'orders', await order(), { storeId: 'S010', secret: derived('S010') })).status).toBe(200);
  });

  it("replaces one store's secret by raising its posKeyVersion: the old secret is refused, the others' stay", async () => {
    await addStore('S011');
    await addStore('S012');
    await h.cloud.db.apply([{ c: 'stores', id: 'S011', doc: { ...h.cloud.db.find('stores', { _id: 'S011' })[0]!, posKeyVersion: 2 } }]);
    expect((await deliver(h, 'orders', await order(), { storeId: 'S011', secret: derived('S011', 1) })).status).toBe(401);
    expect((await deliver(h, 'orders', await order(), { storeId: 'S011', secret: derived('S011', 2) })).status).toBe(200);
    expect((await deliver(h, 'orders', await order(), { storeId: 'S012', secret: derived('S012') })).status).toBe(200);
  });

  describe('posSecretOf', () => {
    const names = ['STYLECLUB_POS_SECRETS', 'STYLECLUB_POS_KEY'] as const;
    let saved: Record<string, string | undefined> = {};
    beforeEach(() => {
      saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
    });
    afterEach(() => {
      for (const n of names) {
        if (saved[n] === undefined) delete process.env[n];
        else process.env[n] = saved[n];
      }
    });

    it('answers an issued secret before deriving one', () => {
      process.env.STYLECLUB_POS_SECRETS = JSON.stringify({ S020: 'issued-secret-of-S020' });
      expect(posSecretOf({ _id: 'S020' })).toBe('issued-secret-of-S020');
      expect(posSecretOf({ _id: 'S021' })).toBe(derived('S021'));
    });

    it('fails loudly when the key is missing or the issued secrets are malformed, rather than sign with nothing', () => {
      process.env.STYLECLUB_POS_SECRETS = '';
      delete process.env.STYLECLUB_POS_KEY;
      expect(() => posSecretOf({ _id: 'S001' })).toThrow('STYLECLUB_POS_KEY is not configured');
      process.env.STYLECLUB_POS_SECRETS = JSON.stringify({ S001: '' });
      expect(() => posSecretOf({ _id: 'S001' })).toThrow(/STYLECLUB_POS_SECRETS must be a JSON object/);
    });
  });
});
