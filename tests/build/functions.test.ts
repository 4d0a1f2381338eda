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

  it('writes one bundle per function folder: member and staff', () => {
    expect(functionNames()).toEqual(expect.arrayContaining(['member', 'staff']));
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
    // the bundle tells the injected clock's time: handlers and the database agree
    expect(joined).toMatchObject({ result: { ok: true, data: { created: true, member: { homeStore: { name: '悦衣库 上海静安店' }, memberSince: '2030-01-02T03:04:05.000Z' } } }, requests: 3 });
  });

  it('copies each function config (timeout within the platform cap of 60 s)', () => {
    for (const f of built) {
      const config = JSON.parse(fs.readFileSync(path.join(f.dir, 'config.json'), 'utf8'));
      expect(config.timeout).toBeGreaterThan(0);
      expect(config.timeout).toBeLessThanOrEqual(60);
    }
  });
});
