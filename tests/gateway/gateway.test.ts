import { post, startDevServer, type DevServer } from '../support/devServer';

jest.setTimeout(90_000);

const JOIN = { action: 'enroll', storeId: 'S001', privacyAccepted: true };

describe('the dev gateway (npm start)', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ args: ['--reset'] });
  });
  afterAll(async () => {
    await server?.stop();
  });
  const fn = (name: string) => `${server.url}api/fn/${name}`;

  it('prints its URL and answers a first join with created: true, a second with created: false', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const first = await post(fn('member'), JOIN, { 'X-OpenId': 'u1' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, data: { created: true } });
    const second = await post(fn('member'), JOIN, { 'X-OpenId': 'u1' });
    expect(second.body).toMatchObject({ ok: true, data: { created: false, member: { memberId: first.body.data.member.memberId } } });
  });

  it('makes one member of 200 parallel joins by one new shopper, all answered ok', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => post(fn('member'), JOIN, { 'X-OpenId': 'parallel-1' })));
    expect(answers.every((a) => a.status === 200 && a.body.ok === true)).toBe(true);
    expect(new Set(answers.map((a) => a.body.data.member.memberId)).size).toBe(1);
    expect(answers.filter((a) => a.body.data.created)).toHaveLength(1);
  });

  it('resolves a till code for staff-S001, refuses the member, and expires it when the dev clock moves 61 s', async () => {
    await post(fn('member'), JOIN, { 'X-OpenId': 'till-1' });
    const { body: code } = await post(fn('member'), { action: 'code' }, { 'X-OpenId': 'till-1' });
    expect(code.ok).toBe(true);
    const asStaff = await post(fn('staff'), { action: 'lookup', code: code.data.code }, { 'X-OpenId': 'staff-S001' });
    expect(asStaff.body).toMatchObject({ ok: true, data: { member: { tierName: '探索者', homeStore: { storeId: 'S001' } } } });
    const asMember = await post(fn('staff'), { action: 'lookup', code: code.data.code }, { 'X-OpenId': 'till-1' });
    expect(asMember.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const clock = await post(`${server.url}api/dev/clock`, { now: new Date(Date.now() + 61_000).toISOString() });
    expect(clock.body).toMatchObject({ ok: true, data: { shifted: true } });
    try {
      const later = await post(fn('staff'), { action: 'lookup', code: code.data.code }, { 'X-OpenId': 'staff-S001' });
      expect(later.body).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    } finally {
      await post(`${server.url}api/dev/clock`, { now: null });
    }
  });

  it('answers HTTP 400 with INVALID_INPUT for malformed JSON and unknown functions', async () => {
    const malformed = await post(fn('member'), '{"action": "card"', { 'X-OpenId': 'u1' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await post(fn('wallet'), { action: 'list' }, { 'X-OpenId': 'u1' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const proto = await post(fn('__proto__'), { action: 'x' });
    expect(proto.status).toBe(400);
  });

  it('treats a missing X-OpenId as no identity and refuses a malformed one', async () => {
    const anonymous = await post(fn('member'), { action: 'card' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const malformed = await post(fn('member'), { action: 'card' }, { 'X-OpenId': 'a b/c' });
    expect(malformed.status).toBe(400);
  });

  it('answers contract violations with HTTP 200 and the envelope', async () => {
    const res = await post(fn('member'), { ...JOIN, birthday: '02-30' }, { 'X-OpenId': 'u9' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a bad dev clock setting and an unknown job', async () => {
    expect((await post(`${server.url}api/dev/clock`, { now: 'yesterday' })).status).toBe(400);
    expect((await post(`${server.url}api/dev/clock`, { now: '2026-01-01T00:00:00Z', extra: 1 })).status).toBe(400);
    const job = await post(`${server.url}api/dev/jobs/nonsense`, {});
    expect(job.status).toBe(400);
    expect(job.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('serves a page at / and the catalogue images', async () => {
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const image = await fetch(`${server.url}static/products/YYTEE011.svg`);
    expect(image.status).toBe(200);
    expect(await image.text()).toContain('<svg');
  });
});
