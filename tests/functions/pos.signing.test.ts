import { posSignature } from '../../cloudfunctions/platform/posSigning';
import { createHarness, type Harness } from '../support/harness';
import { POINTS_DATA, snapshot } from '../support/ledger';
import { deliver, deliverEvent, orderBody, SECRET_S001, signedHeaders, tillCode } from '../support/pos';

/** Everything a POS request could write, the nonces included. */
const ALL = [...POINTS_DATA, 'posNonces'];
const FIVE_MINUTES = 5 * 60_000;

describe('POS signing: the till is heard only when a known store signs a fresh request it never sent before', () => {
  let h: Harness;
  let body: ReturnType<typeof orderBody>;
  let raw: string;
  beforeEach(async () => {
    h = await createHarness();
    await h.join('till-shopper');
    body = orderBody(h, await tillCode(h, 'till-shopper'), 39_900);
    raw = JSON.stringify(body);
  });

  const now = () => h.clock.now().getTime();
  const post = (headers: Record<string, string | undefined>, text = raw, extra: Record<string, unknown> = {}) =>
    deliverEvent(h, { path: '/pos/orders', httpMethod: 'POST', headers, body: text, isBase64Encoded: false, ...extra });

  /** Runs a request that must be refused with 401 and checks that nothing at all was written. */
  async function expectRefused(send: () => Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }>) {
    const before = snapshot(h, ALL);
    const answer = await send();
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(snapshot(h, ALL)).toEqual(before);
    expect(h.cloud.db.count('orders', {})).toBe(0);
    expect(h.cloud.db.count('ledger', {})).toBe(0);
    expect(h.cloud.db.find('members', { openid: 'till-shopper' })[0]).toMatchObject({ points: 0 });
    return answer;
  }

  it('records an order signed with the store secret over `${timestamp}\\n${nonce}\\n${rawBody}` (header names in any case)', async () => {
    const headers = signedHeaders(raw, { storeId: 'S001', secret: SECRET_S001, timestamp: now() });
    const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    const answer = await post(shouting);
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { pointsEarned: 399 } } });
  });

  it('refuses a signature over another body (the amount changed on the way): 401, nothing written', async () => {
    const headers = signedHeaders(raw, { storeId: 'S001', secret: SECRET_S001, timestamp: now() });
    await expectRefused(() => post(headers, JSON.stringify({ ...body, amountFen: 3_990_000, items: [{ sku: 'SKU-1', qty: 1, priceFen: 3_990_000 }] })));
  });

  it('refuses a request signed with another secret, or by one store in the name of another: 401, nothing written', async () => {
    await expectRefused(() => deliver(h, 'orders', body, { secret: 'not-the-secret' }));
    await expectRefused(() => deliver(h, 'orders', body, { secret: 'dev-secret-S002' }));
    await expectRefused(() => deliver(h, 'orders', body, { storeId: 'S002', secret: SECRET_S001 }));
  });

  it('refuses a timestamp more than 5 minutes behind or ahead of the server clock: 401, nothing written', async () => {
    await expectRefused(() => deliver(h, 'orders', body, { timestamp: now() - FIVE_MINUTES - 1 }));
    await expectRefused(() => deliver(h, 'orders', body, { timestamp: now() + FIVE_MINUTES + 1 }));
    await expectRefused(() => deliver(h, 'orders', body, { timestamp: now() - 3_600_000 }));
    // unix seconds instead of milliseconds is 56 years off
    await expectRefused(() => deliver(h, 'orders', body, { timestamp: Math.floor(now() / 1000) }));
  });

  it('accepts a till clock up to 5 minutes off either way (its paidAt is off by as much as its timestamp)', async () => {
    const slow = { ...body, paidAt: new Date(now() - FIVE_MINUTES).toISOString() };
    expect((await deliver(h, 'orders', slow, { timestamp: now() - FIVE_MINUTES })).status).toBe(200);
    await h.join('second-shopper');
    const fast = orderBody(h, await tillCode(h, 'second-shopper'), 10_000, { paidAt: new Date(now() + FIVE_MINUTES).toISOString() });
    expect((await deliver(h, 'orders', fast, { timestamp: now() + FIVE_MINUTES })).status).toBe(200);
  });

  describe('refuses malformed or missing headers with 401 and writes nothing', () => {
    const cases: Array<[string, (good: Record<string, string>) => Record<string, string | undefined>]> = [
      ['no X-Store-Id', (g) => ({ ...g, 'x-store-id': undefined })],
      ['a malformed X-Store-Id', (g) => ({ ...g, 'x-store-id': 'S 001' })],
      ['no X-Timestamp', (g) => ({ ...g, 'x-timestamp': undefined })],
      ['an X-Timestamp that is not a number', (g) => ({ ...g, 'x-timestamp': 'yesterday' })],
      ['an ISO X-Timestamp', (g) => ({ ...g, 'x-timestamp': new Date(Number(g['x-timestamp'])).toISOString() })],
      ['no X-Nonce', (g) => ({ ...g, 'x-nonce': undefined })],
      ['an X-Nonce shorter than 8 characters', (g) => ({ ...g, 'x-nonce': 'abc123' })],
      ['an X-Nonce with a slash', (g) => ({ ...g, 'x-nonce': 'abcd/efgh' })],
      ['no X-Signature', (g) => ({ ...g, 'x-signature': undefined })],
      ['an X-Signature in upper-case hex', (g) => ({ ...g, 'x-signature': g['x-signature']!.toUpperCase() })],
      ['an X-Signature one digit short', (g) => ({ ...g, 'x-signature': g['x-signature']!.slice(1) })],
      ['an X-Signature in base64', (g) => ({ ...g, 'x-signature': Buffer.from(g['x-signature']!, 'hex').toString('base64') })],
      ['no headers at all', () => ({})],
    ];
    it.each(cases)('%s', async (_name, mangle) => {
      const good = signedHeaders(raw, { storeId: 'S001', secret: SECRET_S001, timestamp: now(), nonce: 'nonce-malformed-1' });
      await expectRefused(() => post(mangle(good)));
    });
  });

  it('refuses an unknown store and a store that is no longer active: 401, nothing written', async () => {
    await expectRefused(() => deliver(h, 'orders', body, { storeId: 'S999', secret: 'dev-secret-S999' }));
    await h.cloud.db.apply([
      { c: 'stores', id: 'S003', doc: { _id: 'S003', name: '悦衣库 已关闭店', city: '上海', address: '-', posSecret: 'dev-secret-S003', active: false } },
    ]);
    await expectRefused(() => deliver(h, 'orders', body, { storeId: 'S003', secret: 'dev-secret-S003' }));
  });

  it('refuses a nonce seen before, even on another correctly signed order: 401, nothing written', async () => {
    expect((await deliver(h, 'orders', body, { nonce: 'nonce-once-0001' })).status).toBe(200);
    await h.join('next-shopper');
    const next = orderBody(h, await tillCode(h, 'next-shopper'), 20_000);
    const before = snapshot(h, ALL);
    const replay = await deliver(h, 'orders', next, { nonce: 'nonce-once-0001' });
    expect(replay).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    expect(snapshot(h, ALL)).toEqual(before);
    expect(h.cloud.db.count('orders', {})).toBe(1);
  });

  it('lets exactly one of two parallel requests with one nonce through', async () => {
    await h.join('next-shopper');
    const next = orderBody(h, await tillCode(h, 'next-shopper'), 20_000);
    const answers = await Promise.all([deliver(h, 'orders', body, { nonce: 'nonce-twin-0001' }), deliver(h, 'orders', next, { nonce: 'nonce-twin-0001' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    expect(h.cloud.db.count('orders', {})).toBe(1);
    expect(h.cloud.db.count('ledger', {})).toBe(1);
    expect(h.cloud.db.count('posNonces', {})).toBe(1);
  });

  it('keeps nonces per store: two stores may happen to draw the same one', async () => {
    expect((await deliver(h, 'orders', body, { nonce: 'nonce-shared-01' })).status).toBe(200);
    await h.join('hangzhou-shopper');
    const there = orderBody(h, await tillCode(h, 'hangzhou-shopper'), 20_000);
    expect((await deliver(h, 'orders', there, { storeId: 'S002', secret: 'dev-secret-S002', nonce: 'nonce-shared-01' })).status).toBe(200);
  });

  it('answers a well-signed body outside the contract with 400 INVALID_INPUT, writes nothing and leaves its nonce unspent', async () => {
    const invalid: Array<[string, string]> = [
      ['no items', JSON.stringify({ ...body, items: [] })],
      ['an unknown field', JSON.stringify({ ...body, memberId: '123456789012' })],
      ['amount as text', JSON.stringify({ ...body, amountFen: '399' })],
      ['fractional fen', JSON.stringify({ ...body, amountFen: 399.5 })],
      ['a malformed member code', JSON.stringify({ ...body, memberCode: '12345' })],
      ['paidAt without an offset', JSON.stringify({ ...body, paidAt: '2026-11-25 10:00:00' })],
      ['not JSON', '{"orderId": '],
      ['a __proto__ key', raw.replace(/^\{/, '{"__proto__":{"x":1},')],
    ];
    for (const [name, text] of invalid) {
      const before = snapshot(h, ALL);
      const answer = await deliver(h, 'orders', null, { raw: text, nonce: 'nonce-kept-0001' });
      expect({ name, status: answer.status, code: answer.body.error?.code }).toEqual({ name, status: 400, code: 'INVALID_INPUT' });
      expect(snapshot(h, ALL)).toEqual(before);
    }
    expect(await deliver(h, 'orders', body, { nonce: 'nonce-kept-0001' })).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('answers 404 NOT_FOUND on an unknown route and writes nothing', async () => {
    const before = snapshot(h, ALL);
    const headers = signedHeaders(raw, { storeId: 'S001', secret: SECRET_S001, timestamp: now() });
    for (const path of ['/pos/payments', '/pos', '/pos/orders/extra', '/']) {
      expect(await deliverEvent(h, { path, httpMethod: 'POST', headers, body: raw })).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } });
    }
    expect(snapshot(h, ALL)).toEqual(before);
  });

  it('answers 405 to anything but POST and writes nothing', async () => {
    const before = snapshot(h, ALL);
    const headers = signedHeaders(raw, { storeId: 'S001', secret: SECRET_S001, timestamp: now() });
    for (const httpMethod of ['GET', 'PUT', 'DELETE']) {
      expect(await deliverEvent(h, { path: '/pos/orders', httpMethod, headers, body: raw })).toMatchObject({ status: 405, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    }
    expect(snapshot(h, ALL)).toEqual(before);
  });

  it('verifies a base64-encoded body over its decoded text', async () => {
    const pretty = JSON.stringify(body, null, 2);
    const headers = signedHeaders(pretty, { storeId: 'S001', secret: SECRET_S001, timestamp: now() });
    const encoded = Buffer.from(pretty, 'utf8').toString('base64');
    // a signature over the base64 text itself is not the till's signature
    const overEncoded = { ...headers, 'x-nonce': 'nonce-b64-wrong1', 'x-signature': posSignature(SECRET_S001, headers['x-timestamp']!, 'nonce-b64-wrong1', encoded) };
    await expectRefused(() => post(overEncoded, encoded, { isBase64Encoded: true }));
    const answer = await post(headers, encoded, { isBase64Encoded: true });
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { pointsEarned: 399 } } });
  });

  it('answers a base64 body that is not UTF-8 text with 400 and writes nothing', async () => {
    const before = snapshot(h, ALL);
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const headers = signedHeaders(bytes.toString('latin1'), { storeId: 'S001', secret: SECRET_S001, timestamp: now() });
    expect(await post(headers, bytes.toString('base64'), { isBase64Encoded: true })).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(snapshot(h, ALL)).toEqual(before);
  });

  describe('found by the outside test', () => {
    it('names a byte-order mark at the start of the body (400) instead of calling the signature wrong', async () => {
      const withBom = '\uFEFF' + raw;
      const answer = await deliver(h, 'orders', body, { raw: withBom });
      expect(answer).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('byte-order mark') } } });
    });

    it('keeps the nonce of an order refused for its own contents (amount above its items, paidAt in the future)', async () => {
      const before = snapshot(h, ALL);
      const tooMuch = { ...body, amountFen: 999_999 };
      expect(await deliver(h, 'orders', tooMuch, { nonce: 'nonce-contents-1' })).toMatchObject({ status: 400 });
      const future = { ...body, paidAt: new Date(now() + 6 * 60_000).toISOString() };
      expect(await deliver(h, 'orders', future, { nonce: 'nonce-contents-2' })).toMatchObject({ status: 400 });
      expect(snapshot(h, ALL)).toEqual(before);
      expect(await deliver(h, 'orders', body, { nonce: 'nonce-contents-1' })).toMatchObject({ status: 200 });
    });

    it('answers 413 to a body over 64 KB', async () => {
      const big = { ...body, items: Array.from({ length: 200 }, (_, i) => ({ sku: `SKU-${i}-${'x'.repeat(50)}`, qty: 1, priceFen: 100 })) };
      const text = JSON.stringify(big).padEnd(70_000, ' ');
      expect(await deliver(h, 'orders', big, { raw: text })).toMatchObject({ status: 413, body: { error: { code: 'INVALID_INPUT' } } });
    });
  });
});
