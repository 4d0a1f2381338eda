import net from 'node:net';
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

  it('refuses a body that is not UTF-8 instead of storing replacement characters', async () => {
    await post(fn('member'), JOIN, { 'X-OpenId': 'utf8-1' });
    for (const bytes of [Buffer.from('{"action":"profile","nickname":"ab\xff\xfecd"}', 'latin1'), Buffer.from('{"action":"profile","nickname":"\xed\xa0\x80x"}', 'latin1')]) {
      const res = await fetch(fn('member'), { method: 'POST', headers: { 'X-OpenId': 'utf8-1', 'content-type': 'application/json' }, body: bytes });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'request body is not valid UTF-8' } });
    }
  });

  it('names the allowed methods on 405 and answers OPTIONS and HEAD', async () => {
    const get = await fetch(fn('member'));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    const options = await fetch(fn('member'), { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect((await fetch(`${server.url}api/dev/clock`, { method: 'HEAD' })).status).toBe(200);
    const del = await fetch(`${server.url}api/dev/clock`, { method: 'DELETE' });
    expect(del.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    const long = await fetch(`${server.url}api/${'x'.repeat(8000)}`, { method: 'POST', body: '{}' });
    expect(long.status).toBe(404);
    expect((await long.text()).length).toBeLessThan(300);
  });

  it('answers contract violations with HTTP 200 and the envelope', async () => {
    const res = await post(fn('member'), { ...JOIN, birthday: '02-30' }, { 'X-OpenId': 'u9' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers HTTP 400 to paths under /api/fn/ that name no function', async () => {
    for (const path of ['api/fn/', 'api/fn/member/extra', 'api/fn/%6Dember', 'api/fn/constructor']) {
      const res = await post(`${server.url}${path}`, { action: 'card' }, { 'X-OpenId': 'u1' });
      expect([path, res.status, res.body.error?.code]).toEqual([path, 400, 'INVALID_INPUT']);
    }
  });

  it('answers HTTP 400, not a crash, to request targets that are not paths', async () => {
    const port = Number(new URL(server.url).port);
    for (const target of ['http://[', 'http://a:99999/', '*']) {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(reply.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(server.output()).not.toContain('internal error');
  });

  it('binds a phone through the stand-in of the getPhoneNumber button', async () => {
    await post(fn('member'), JOIN, { 'X-OpenId': 'phone-1' });
    const issued = await post(`${server.url}api/dev/phone-code`, { phone: '13812345678' });
    expect(issued.body).toMatchObject({ ok: true, data: { code: expect.any(String) } });
    const bound = await post(fn('member'), { action: 'bindPhone', code: issued.body.data.code }, { 'X-OpenId': 'phone-1' });
    expect(bound.body).toEqual({ ok: true, data: { phoneMasked: '138****5678' } });
    expect((await post(`${server.url}api/dev/phone-code`, { phone: '12345' })).status).toBe(400);
    const recorded = await (await fetch(`${server.url}api/dev/openapi?api=phonenumber.getPhoneNumber`)).json();
    expect(recorded).toMatchObject({ ok: true, data: { calls: [{ api: 'phonenumber.getPhoneNumber', caller: 'phone-1', data: { code: issued.body.data.code } }] } });
  });

  it('sets the dev clock only to a real instant with its offset', async () => {
    try {
      const set = await post(`${server.url}api/dev/clock`, { now: '2026-12-01T10:00:00+08:00' });
      expect(set.body.data.now.slice(0, 16)).toBe('2026-12-01T02:00');
      for (const now of ['yesterday', '2026-12-01T10:00:00+08:60', '2026-12-01T10:00:00+00:99', '2026-02-30T00:00:00Z', '2026-12-01T10:00:00', '9999-01-01T00:00:00Z', '2026-12-01T24:00:00Z', 1764547200000]) {
        expect([now, (await post(`${server.url}api/dev/clock`, { now })).status]).toEqual([now, 400]);
      }
    } finally {
      await post(`${server.url}api/dev/clock`, { now: null });
    }
  });

  it('refuses a bad dev clock setting and an unknown job', async () => {
    expect((await post(`${server.url}api/dev/clock`, { now: 'yesterday' })).status).toBe(400);
    expect((await post(`${server.url}api/dev/clock`, { now: '2026-01-01T00:00:00Z', extra: 1 })).status).toBe(400);
    const job = await post(`${server.url}api/dev/jobs/nonsense`, {});
    expect(job.status).toBe(400);
    expect(job.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never runs the jobs for a call from the mini program, signed in or not; the dev route stands for their timer', async () => {
    for (const headers of [{}, { 'x-openid': 'jobs-caller' }] as Array<Record<string, string>>) {
      for (const body of [{ action: 'run', job: 'sweep' }, { Type: 'Timer', TriggerName: 'every10min', Message: 'sweep' }]) {
        const answer = await post(`${server.url}api/fn/jobs`, body, headers);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(answer.headers.get('x-db-requests')).toBe('0');
      }
    }
    const run = await post(`${server.url}api/dev/jobs/sweep`, {});
    expect(run.body).toMatchObject({ ok: true, data: { runs: [{ job: 'sweep', done: true }] } });
  });

  it('serves a page at / and the catalogue images', async () => {
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const image = await fetch(`${server.url}static/products/YYTEE011.svg`);
    expect(image.status).toBe(200);
    expect(await image.text()).toContain('<svg');
    // a kind the first range lacked, in its colours (奶白 with 雾霾蓝)
    const shoe = await fetch(`${server.url}static/products/YYSNE011.svg`);
    expect(shoe.headers.get('content-type')).toContain('image/svg+xml');
    expect(await shoe.text()).toEqual(expect.stringMatching(/#f3eee4[\s\S]*#7d93a8/));
    expect((await fetch(`${server.url}static/products/YYNONE99.svg`)).status).toBe(404);
  });
});
