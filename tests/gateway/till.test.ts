import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { post, startDevServer, type DevServer } from '../support/devServer';

jest.setTimeout(90_000);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
/** A year-end evening a developer moves the dev clock to, to watch points expire. */
const MOVED = '2027-12-31T23:00:00+08:00';

/** `npm run pos` (the demo till) against a dev server whose clock was moved. */
describe('the demo till follows the dev clock', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer();
  });
  afterAll(async () => {
    await post(`${server.url}api/dev/clock`, { now: null }).catch(() => undefined);
    await server?.stop();
  });
  const fn = (name: string, data: Record<string, unknown>, openid: string) => post(`${server.url}api/fn/${name}`, data, { 'X-OpenId': openid });

  /** The till as a person runs it: exit code, stdout and stderr. */
  async function till(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...args, '--url', server.url], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  async function memberCode(openid: string): Promise<string> {
    await fn('member', { action: 'enroll', storeId: 'S001', privacyAccepted: true }, openid);
    const code = await fn('member', { action: 'code' }, openid);
    expect(code.body).toMatchObject({ ok: true });
    return code.body.data.code;
  }

  it(`an order goes through after the dev clock was moved to ${MOVED}, signed and paid at the dev time`, async () => {
    const moved = await post(`${server.url}api/dev/clock`, { now: MOVED });
    expect(moved.body).toMatchObject({ ok: true, data: { shifted: true } });
    const code = await memberCode('till-moved');

    const paid = await till('--store', 'S001', '--code', code, '--amount', '399.00', '--order', 'MOVED-1');
    expect(paid).toMatchObject({ code: 0, stderr: '' });
    expect(paid.stdout).toContain('+399 积分，余额 399');

    // paid at the dev server's time: the history line is dated that year-end evening, not today
    const history = await fn('points', { action: 'history' }, 'till-moved');
    expect(history.body).toMatchObject({ ok: true, data: { lines: [{ title: '门店消费', points: 399 }] } });
    const at = new Date(history.body.data.lines[0].at).getTime();
    expect(at).toBeGreaterThanOrEqual(new Date(MOVED).getTime());
    expect(at).toBeLessThan(new Date(MOVED).getTime() + 5 * 60_000);

    // and a refund signed by the same clock
    const refunded = await till('refund', '--store', 'S001', '--order', 'MOVED-1', '--amount', '100.00');
    expect(refunded).toMatchObject({ code: 0, stderr: '' });
    expect(refunded.stdout).toContain('扣回 100 积分，余额 299');
  });

  it('--now overrides the server: a till clock 5 minutes and more off the moved dev clock is refused (401), one within it is not', async () => {
    await post(`${server.url}api/dev/clock`, { now: MOVED });
    const offCode = await memberCode('till-now-off');
    const off = await till('--store', 'S001', '--code', offCode, '--amount', '10.00', '--now', new Date().toISOString());
    expect(off.code).toBe(1);
    expect(off.stderr).toContain('HTTP 401');

    const { body: again } = await fn('member', { action: 'code' }, 'till-now-off');
    const near = new Date(new Date(MOVED).getTime() + 60_000).toISOString();
    const ok = await till('--store', 'S001', '--code', again.data.code, '--amount', '10.00', '--now', near, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 200, ok: true, data: { pointsEarned: 10 } });
  });
});
