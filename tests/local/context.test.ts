import { callerOpenid } from '../../cloudfunctions/platform/cloud';
import { LOCAL_APPID } from '../../local/cloud/context';
import { installLocalCloud, type LocalCloud } from '../../local/cloud/install';
import { errorText, fresh, rejection, sleep, type Db } from './support';

let handle: LocalCloud;
let db: Db;
let sdk: any;

beforeEach(() => {
  // 200 callers' visits queried by an unindexed field: about contexts, not index coverage (tests/local/indexCoverage.test.ts)
  ({ handle, db, sdk } = fresh({ indexCoverageFrom: Infinity }));
});

describe('getWXContext()', () => {
  test('inside handle.call it returns that call’s OPENID and the app id', async () => {
    const { result } = await handle.call('o-alice', () => sdk.getWXContext());
    expect(result.OPENID).toBe('o-alice');
    expect(result.APPID).toBe(LOCAL_APPID);
  });

  test('a call without identity has no OPENID key at all', async () => {
    const { result } = await handle.call(null, () => sdk.getWXContext());
    expect(result).not.toHaveProperty('OPENID');
    expect((await handle.call(null, () => callerOpenid())).result).toBeNull();
  });

  test('production code reading the caller through platform/cloud.ts sees the same identity', async () => {
    expect((await handle.call('o-bob', () => callerOpenid())).result).toBe('o-bob');
  });

  test('200 interleaved concurrent calls with different openids each see only their own, across awaits, timers and database requests', async () => {
    await db.collection('visits').add({ data: { _id: 'seed' } });
    const calls = Array.from({ length: 200 }, (_x, i) =>
      handle.call(`o-${i}`, async () => {
        const seen: string[] = [sdk.getWXContext().OPENID];
        await sleep(i % 7);
        seen.push(sdk.getWXContext().OPENID);
        await db.collection('visits').add({ data: { by: sdk.getWXContext().OPENID, i } });
        seen.push(sdk.getWXContext().OPENID);
        await new Promise((r) => setImmediate(r));
        await db.collection('visits').doc('seed').get();
        await Promise.all([sleep((i * 3) % 5), db.collection('visits').where({ i }).get()]);
        seen.push(callerOpenid() ?? 'none');
        return seen;
      }),
    );
    const results = await Promise.all(calls);
    results.forEach(({ result }, i) => expect(result).toEqual(Array(4).fill(`o-${i}`)));
    const visits = (await db.collection('visits').where({ i: db.command.exists(true) }).limit(1000).get()).data;
    expect(visits).toHaveLength(200);
    for (const v of visits) expect(v.by).toBe(`o-${v.i}`);
  });

  test('a call nested inside another has its own identity and the outer one keeps its own', async () => {
    const { result } = await handle.call('outer', async () => {
      const inner = await handle.call('inner', () => sdk.getWXContext().OPENID);
      return [inner.result, sdk.getWXContext().OPENID];
    });
    expect(result).toEqual(['inner', 'outer']);
  });
});

describe('per-call request counting', () => {
  test('a call doing three database requests reports 3', async () => {
    const { requests } = await handle.call('o-1', async () => {
      const { _id } = await db.collection('notes').add({ data: { n: 1 } });
      await db.collection('notes').doc(_id).update({ data: { n: 2 } });
      await db.collection('notes').where({ n: 2 }).get();
    });
    expect(requests).toBe(3);
  });

  test('a call without database requests reports 0', async () => {
    expect((await handle.call('o-1', () => sdk.getWXContext())).requests).toBe(0);
  });

  test('a transaction counts start, each operation and commit', async () => {
    await db.collection('notes').add({ data: { _id: 'x', n: 0 } });
    const { requests } = await handle.call('o-1', () =>
      db.runTransaction(async (t: any) => {
        await t.collection('notes').doc('x').get();
        await t.collection('notes').doc('x').update({ data: { n: 1 } });
      }),
    );
    expect(requests).toBe(4);
  });

  test('concurrent calls count only their own requests', async () => {
    const work = (n: number) =>
      handle.call(`o-${n}`, async () => {
        for (let k = 0; k < n; k += 1) {
          await db.collection('notes').add({ data: { n, k } });
          await sleep(1);
        }
      });
    const results = await Promise.all([work(1), work(5), work(2), work(8), work(0)]);
    expect(results.map((r) => r.requests)).toEqual([1, 5, 2, 8, 0]);
  });

  test('docsExamined counts the documents this call’s queries looked at', async () => {
    await Promise.all(Array.from({ length: 30 }, (_x, i) => db.collection('notes').add({ data: { i } })));
    const { docsExamined } = await handle.call('o-1', async () => {
      await db.collection('notes').where({ i: 3 }).get();
      await db.collection('notes').count();
    });
    expect(docsExamined).toBe(60);
  });
});

describe('installing afresh', () => {
  test('a transaction left open outside any call by a previous install does not block the fresh one', async () => {
    await db.startTransaction(); // never ended, outside handle.call
    expect(errorText(await rejection(db.collection('notes').add({ data: {} })))).toMatch(/from inside a transaction/);
    installLocalCloud({ indexes: {} });
    const { _id } = await db.collection('notes').add({ data: { ok: true } });
    expect((await db.collection('notes').doc(_id).get()).data.ok).toBe(true);
  });

  test('a fresh install starts with an empty database', async () => {
    await db.collection('notes').add({ data: { n: 1 } });
    installLocalCloud({ indexes: {} });
    expect((await db.collection('notes').count()).total).toBe(0);
  });
});
