import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs, serverNow, tillNow, UsageError, yuanToFen } from '../../scripts/pos';

/** The demo till (`npm run pos`): amounts typed in yuan, and the clock it signs with. */
describe('yuanToFen: --amount in yuan, exactly to the fen', () => {
  it.each<[string, number | null]>([
    ['399', 39_900],
    ['399.5', 39_950],
    ['399.00', 39_900],
    ['0.01', 1],
    ['0', 0],
    [' 1299.50 ', 129_950],
    ['9999999.99', 999_999_999],
    // what a person might type that is not an amount: refused, never guessed at
    ['1,000', null],
    ['-1', null],
    ['1.234', null],
    ['abc', null],
    ['', null],
    ['.5', null],
    ['399.', null],
    ['1e3', null],
    ['10000000', null],
  ])('%j → %s', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });
});

describe("the till's clock", () => {
  let server: http.Server;
  let base: string;
  /** what GET /api/dev/clock answers next: a status and a body */
  let clockAnswer: { status: number; body: unknown };
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/api/dev/clock') {
        res.writeHead(clockAnswer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(clockAnswer.body));
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: 'no such route' } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("follows a dev server whose clock was moved (POST /api/dev/clock)", async () => {
    clockAnswer = { status: 200, body: { ok: true, data: { now: '2027-12-31T15:00:00.000Z', shifted: true } } };
    expect(await serverNow(base)).toEqual(new Date('2027-12-31T23:00:00+08:00'));
    expect(await tillNow(base)).toEqual({ now: new Date('2027-12-31T23:00:00+08:00'), source: 'server' });
  });

  it.each<[string, { status: number; body: unknown }]>([
    ['no dev clock route (not a dev server)', { status: 404, body: { ok: false, error: { code: 'NOT_FOUND', message: 'x' } } }],
    ['an answer without a time', { status: 200, body: { ok: true, data: {} } }],
    ['a time that is not one', { status: 200, body: { ok: true, data: { now: 'soon' } } }],
    ['a failure', { status: 500, body: { ok: false } }],
  ])('falls back to this machine\'s clock on %s', async (_name, answer) => {
    clockAnswer = answer;
    expect(await serverNow(base)).toBeNull();
    const before = Date.now();
    const { now, source } = await tillNow(base);
    expect(source).toBe('local');
    expect(now.getTime()).toBeGreaterThanOrEqual(before);
    expect(now.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('falls back to this machine\'s clock when nothing answers (the till then reports the server unreachable)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await serverNow(`http://127.0.0.1:${port}`)).toBeNull();
  });

  it('--now overrides the server and this machine', async () => {
    clockAnswer = { status: 200, body: { ok: true, data: { now: '2027-12-31T15:00:00.000Z', shifted: true } } };
    expect(await tillNow(base, '2026-11-25T10:00:00+08:00')).toEqual({ now: new Date('2026-11-25T02:00:00.000Z'), source: 'flag' });
    expect(parseArgs(['--store', 'S001', '--now', '2026-11-25T10:00:00+08:00']).opts.now).toBe('2026-11-25T10:00:00+08:00');
  });

  it.each(['2026-11-25 10:00', '2026-11-25T10:00:00', 'tomorrow', '2026-02-30T10:00:00+08:00'])('--now %j is refused: an instant needs its offset', async (flag) => {
    await expect(tillNow(base, flag)).rejects.toBeInstanceOf(UsageError);
  });
});
