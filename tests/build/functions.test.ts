import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions, functionNames } from '../../scripts/build-functions';

jest.setTimeout(60_000);

describe('npm run build:functions', () => {
  // inside the repo, so the bundles resolve wx-server-sdk from node_modules as on the platform
  const cache = path.resolve(__dirname, '../../node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  const out = fs.mkdtempSync(path.join(cache, 'styleclub-fn-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  let built: Awaited<ReturnType<typeof buildFunctions>>;
  beforeAll(async () => {
    built = await buildFunctions(out);
  });

  it('writes one bundle per function folder: member, points, staff, pos and jobs', () => {
    expect(functionNames()).toEqual(expect.arrayContaining(['jobs', 'member', 'points', 'pos', 'staff']));
    expect(built.map((f) => f.name)).toEqual(functionNames());
    for (const f of built) {
      expect(fs.readdirSync(f.dir).sort()).toEqual(['config.json', 'index.js', 'package.json']);
    }
  });

  it('leaves wx-server-sdk out of every bundle: the platform installs it from package.json', () => {
    for (const f of built) {
      const js = fs.readFileSync(path.join(f.dir, 'index.js'), 'utf8');
      expect(js).toContain('require("wx-server-sdk")');
      // code that only lives inside the SDK and its dependencies
      expect(js).not.toMatch(/TcbDBApiHttpRequester|getWXContext=|protobufjs|@cloudbase/);
      const pkg = JSON.parse(fs.readFileSync(path.join(f.dir, 'package.json'), 'utf8'));
      expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
      expect(pkg.main).toBe('index.js');
    }
  });

  it('requires nothing at run time but wx-server-sdk and Node built-ins', () => {
    for (const f of built) {
      const js = fs.readFileSync(path.join(f.dir, 'index.js'), 'utf8');
      const required = new Set([...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
      for (const r of required) expect(r === 'wx-server-sdk' || r!.startsWith('node:')).toBe(true);
    }
  });

  it('exports main, which a plain node script runs on the local cloud installed by one call', () => {
    const script = `const { installLocalCloud, ManualClock } = require(${JSON.stringify(path.resolve(__dirname, '../../local/index.cjs'))});
      const cloud = installLocalCloud({ seed: true, clock: new ManualClock('2030-01-02T03:04:05.000Z') });
      const { main } = require(${JSON.stringify(path.join(out, 'member/index.js'))});
      (async () => {
        const outside = await main({ action: 'card' });
        const joined = await cloud.call('script-1', () => main({ action: 'enroll', storeId: 'S001', privacyAccepted: true }));
        console.log(JSON.stringify({ outside, joined }));
      })();`;
    const res = spawnSync(process.execPath, ['-e', script], { cwd: os.tmpdir(), encoding: 'utf8' });
    expect(res.stderr).toBe('');
    const { outside, joined } = JSON.parse(res.stdout.trim());
    // outside a call scope there is no caller: the bundle still answers through the envelope
    expect(outside).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    // the bundle tells the injected clock's time: handlers and the database agree; joining writes the member and the welcome coupon in one transaction
    expect(joined).toMatchObject({ result: { ok: true, data: { created: true, member: { homeStore: { name: '悦衣库 上海静安店' }, memberSince: '2030-01-02T03:04:05.000Z' } } }, requests: 8 });
  });

  it('copies each function config (timeout within the platform cap of 60 s)', () => {
    for (const f of built) {
      const config = JSON.parse(fs.readFileSync(path.join(f.dir, 'config.json'), 'utf8'));
      expect(config.timeout).toBeGreaterThan(0);
      expect(config.timeout).toBeLessThanOrEqual(60);
    }
  });

  it('gives jobs its one timer trigger: a 7-field cron every 10 minutes, with the subscribe-message permission', () => {
    const config = JSON.parse(fs.readFileSync(path.join(out, 'jobs/config.json'), 'utf8'));
    expect(config.triggers).toEqual([{ name: 'every10min', type: 'timer', config: '0 */10 * * * * *' }]);
    expect(config.triggers[0].config.split(' ')).toHaveLength(7);
    expect(config.permissions.openapi).toContain('subscribeMessage.send');
  });

  it('runs the bundled pos function on an HTTP event: a signed order is credited, a bad signature is 401', () => {
    const script = `const { createHmac } = require('node:crypto');
      const { installLocalCloud, ManualClock } = require(${JSON.stringify(path.resolve(__dirname, '../../local/index.cjs'))});
      const cloud = installLocalCloud({ seed: true, clock: new ManualClock('2030-01-02T03:04:05.000Z') });
      const member = require(${JSON.stringify(path.join(out, 'member/index.js'))}).main;
      const pos = require(${JSON.stringify(path.join(out, 'pos/index.js'))}).main;
      const event = (body, secret) => {
        const raw = JSON.stringify(body); const ts = String(Date.parse('2030-01-02T03:04:05.000Z')); const nonce = 'nonce-' + Math.random().toString(36).slice(2);
        const sig = createHmac('sha256', secret).update(ts + '\\n' + nonce + '\\n' + raw).digest('hex');
        return { path: '/pos/orders', httpMethod: 'POST', headers: { 'x-store-id': 'S001', 'x-timestamp': ts, 'x-nonce': nonce, 'x-signature': sig }, body: raw, isBase64Encoded: false };
      };
      (async () => {
        await cloud.call('script-2', () => member({ action: 'enroll', storeId: 'S001', privacyAccepted: true }));
        const code = (await cloud.call('script-2', () => member({ action: 'code' }))).result.data.code;
        const body = { orderId: 'B1', memberCode: code, amountFen: 39900, items: [{ sku: 'A', qty: 1, priceFen: 39900 }], paidAt: '2030-01-02T11:04:05+08:00' };
        const forged = (await cloud.call(null, () => pos(event(body, 'wrong-secret')))).result;
        const paid = (await cloud.call(null, () => pos(event(body, 'dev-secret-S001')))).result;
        console.log(JSON.stringify({ forged: forged.statusCode, paid: { status: paid.statusCode, body: JSON.parse(paid.body) } }));
      })();`;
    const res = spawnSync(process.execPath, ['-e', script], { cwd: os.tmpdir(), encoding: 'utf8' });
    expect(res.stderr).toBe('');
    const { forged, paid } = JSON.parse(res.stdout.trim());
    expect(forged).toBe(401);
    expect(paid).toEqual({ status: 200, body: { ok: true, data: { memberId: expect.any(String), discountFen: 0, payableFen: 39900, coupons: [], pointsEarned: 399, balance: 399, tier: 'explorer', tierChanged: false } } });
  });
});
