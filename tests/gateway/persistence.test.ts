import fs from 'node:fs';
import path from 'node:path';
import { failedStart, pool, post, startDevServer, tempDataDir } from '../support/devServer';

jest.setTimeout(180_000);

const JOIN = { action: 'enroll', storeId: 'S001', privacyAccepted: true };

describe('the dev server keeps its data in .localcloud/', () => {
  it('keeps members across a restart, and --reset starts again from the demo seed', async () => {
    const dataDir = tempDataDir();
    let server = await startDevServer({ dataDir });
    const joined = await post(`${server.url}api/fn/member`, JOIN, { 'X-OpenId': 'keeper' });
    await server.stop();

    server = await startDevServer({ dataDir });
    const card = await post(`${server.url}api/fn/member`, { action: 'card' }, { 'X-OpenId': 'keeper' });
    expect(card.body).toMatchObject({ ok: true, data: { memberId: joined.body.data.member.memberId } });
    await server.stop();

    server = await startDevServer({ dataDir, args: ['--reset'] });
    expect((await post(`${server.url}api/fn/member`, { action: 'card' }, { 'X-OpenId': 'keeper' })).body).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect((await post(`${server.url}api/fn/member`, JOIN, { 'X-OpenId': 'keeper' })).body).toMatchObject({ ok: true, data: { created: true } });
    await server.stop();
  });

  it('refuses a second server on the same data, which keeps every write of the first', async () => {
    const dataDir = tempDataDir();
    let server = await startDevServer({ dataDir });
    try {
      const second = await failedStart({ dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toMatch(/in use by process \d+/);
      const third = await failedStart({ dataDir, args: ['--reset'] });
      expect(third.code).toBe(1);
      expect((await post(`${server.url}api/fn/member`, JOIN, { 'X-OpenId': 'survivor' })).body).toMatchObject({ ok: true, data: { created: true } });
    } finally {
      await server.stop();
    }
    server = await startDevServer({ dataDir });
    try {
      expect((await post(`${server.url}api/fn/member`, { action: 'card' }, { 'X-OpenId': 'survivor' })).body.ok).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('says so plainly when its port is taken or PORT is not a number', async () => {
    const server = await startDevServer();
    try {
      const busy = await failedStart({ port: new URL(server.url).port });
      expect(busy.code).toBe(1);
      expect(busy.output).toContain(`port ${new URL(server.url).port} is in use`);
      expect(busy.output).not.toMatch(/\n\s+at /);
    } finally {
      await server.stop();
    }
    const bad = await failedStart({ port: 'abc' });
    expect(bad.output).toContain('PORT must be a port number');
  });

  it('kill -9 while writing: every one of 1,000 acknowledged writes is there after restart', async () => {
    const dataDir = tempDataDir();
    let server = await startDevServer({ dataDir });
    const acknowledged: string[] = [];
    let killed = false;
    // keep writing past 1,000 so the kill lands mid-write, with requests in flight
    await pool(1600, 48, async (i) => {
      if (killed) return;
      const openid = `crash-${i}`;
      try {
        const res = await post(`${server.url}api/fn/member`, JOIN, { 'X-OpenId': openid });
        if (res.status === 200 && res.body.ok === true && !killed) {
          acknowledged.push(openid);
          if (acknowledged.length === 1000) {
            killed = true;
            await server.crash();
          }
        }
      } catch {
        // the connection died with the server: not acknowledged
      }
    });
    expect(acknowledged.length).toBe(1000);

    server = await startDevServer({ dataDir });
    try {
      const cards = await pool(acknowledged.length, 32, (i) => post(`${server.url}api/fn/member`, { action: 'card' }, { 'X-OpenId': acknowledged[i]! }));
      const missing = acknowledged.filter((_, i) => cards[i]!.body.ok !== true);
      expect(missing).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('drops a torn last line of the journal and starts anyway', async () => {
    const dataDir = tempDataDir();
    let server = await startDevServer({ dataDir });
    await post(`${server.url}api/fn/member`, JOIN, { 'X-OpenId': 'before-tear' });
    await server.crash();
    fs.appendFileSync(path.join(dataDir, 'journal.ndjson'), '{"writes":[{"c":"members","id":"x","doc":{"_id":"x","openid":"torn"');
    server = await startDevServer({ dataDir });
    try {
      expect(server.output()).toContain('torn line');
      expect((await post(`${server.url}api/fn/member`, { action: 'card' }, { 'X-OpenId': 'before-tear' })).body.ok).toBe(true);
      expect((await post(`${server.url}api/fn/member`, JOIN, { 'X-OpenId': 'after-tear' })).body).toMatchObject({ ok: true, data: { created: true } });
    } finally {
      await server.stop();
    }
  });
});
