/**
 * Canary: pins the wire format of the pinned wx-server-sdk. The local cloud answers what arrives at
 * TcbDBApiHttpRequester.prototype.send; if an SDK bump changes what arrives there, this fails first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ManualClock } from '../../cloudfunctions/platform/clock';
import { PINNED } from '../../local/cloud/install';
import { fresh, requesterClass, type Db } from './support';

interface Sent {
  action: string;
  params: Record<string, unknown>;
  answer?: any;
}

let db: Db;
let _: any;
let sent: Sent[];

beforeEach(() => {
  ({ db, _ } = fresh({ clock: new ManualClock('2026-01-01T00:00:00.000Z') }));
  sent = [];
  const Requester = requesterClass();
  const installed = Requester.prototype.send;
  Requester.prototype.send = async function spy(this: unknown, action: string, params?: Record<string, unknown>) {
    const entry: Sent = { action, params: { ...(params ?? {}) } };
    sent.push(entry);
    entry.answer = await installed.call(this, action, params);
    return entry.answer;
  };
});

/** What the SDK sent for one operation (the log is cleared first). */
async function capture(op: () => Promise<unknown>): Promise<Sent[]> {
  sent = [];
  await op();
  return sent;
}

describe('the installed SDK versions', () => {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
  const databaseDir = path.dirname(require.resolve('@cloudbase/database/package.json', { paths: [nodeSdkDir] }));
  const version = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version as string;

  test('are wx-server-sdk 4.0.2, @cloudbase/node-sdk 3.17.x and @cloudbase/database 1.4.3', () => {
    expect(version(sdkDir)).toBe('4.0.2');
    expect(version(nodeSdkDir)).toMatch(/^3\.17\.\d+$/);
    expect(version(databaseDir)).toBe('1.4.3');
  });

  test('are the versions the local cloud says it speaks', () => {
    expect(version(sdkDir)).toBe(PINNED['wx-server-sdk']);
    expect(version(nodeSdkDir)).toMatch(PINNED['@cloudbase/node-sdk']);
    expect(version(databaseDir)).toBe(PINNED['@cloudbase/database']);
  });
});

describe('the wire format of the pinned SDK', () => {
  test('where({stock: _.gt(0)}).update({data: {stock: _.inc(-1)}}) sends one modifyDocument WHERE, multi, with EJSON query and data', async () => {
    await db.collection('coupons').add({ data: { _id: 'c1', stock: 1 } });
    const [req, ...rest] = await capture(() => db.collection('coupons').where({ stock: _.gt(0) }).update({ data: { stock: _.inc(-1) } }));
    expect(rest).toHaveLength(0);
    expect(req!.action).toBe('database.modifyDocument');
    expect(req!.params).toEqual({
      collectionName: 'coupons',
      queryType: 'WHERE',
      multi: true,
      merge: true,
      upsert: false,
      query: '{"stock":{"$gt":{"$numberInt":"0"}}}',
      data: '{"$inc":{"stock":{"$numberInt":"-1"}}}',
    });
    expect(req!.answer.data).toEqual({ updated: 1, upsert_id: null });
  });

  test('add() with serverDate() sends insertDocument with $tcb_server_date and gets the new id back', async () => {
    const [req] = await capture(() => db.collection('events').add({ data: { kind: 'join', at: db.serverDate(), n: 2 } }));
    expect(req!.action).toBe('database.insertDocument');
    expect(req!.params).toEqual({
      collectionName: 'events',
      data: ['{"kind":"join","at":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}},"n":{"$numberInt":"2"}}'],
    });
    expect(req!.answer.data.insertedIds).toHaveLength(1);
  });

  test('doc(id).get() sends getDocument with queryType DOC and the id as an EJSON query, answered with EJSON documents', async () => {
    await db.collection('members').add({ data: { _id: 'm1', points: 3, at: new Date('2026-01-02T00:00:00.000Z') } });
    const [req] = await capture(() => db.collection('members').doc('m1').get());
    expect(req!.action).toBe('database.getDocument');
    expect(req!.params).toEqual({ collectionName: 'members', query: '{"_id":"m1"}', queryType: 'DOC', multi: false, transactionId: undefined });
    expect(req!.answer.data.list).toEqual(['{"_id":"m1","points":{"$numberInt":"3"},"at":{"$date":{"$numberLong":"1767312000000"}}}']);
  });

  test('where().orderBy().skip().limit().field().get() sends order, offset, limit and projection', async () => {
    const [req] = await capture(() => db.collection('products').where({ category: 'tops' }).orderBy('price', 'desc').skip(20).limit(10).field({ name: true }).get());
    expect(req!.action).toBe('database.getDocument');
    expect(req!.params).toEqual({
      collectionName: 'products',
      queryType: 'WHERE',
      query: '{"category":"tops"}',
      order: '{"price":{"$numberInt":"-1"}}',
      offset: 20,
      limit: 10,
      projection: '{"name":{"$numberInt":"1"}}',
    });
  });

  test('get() without limit sends limit 100; limit(5000) is clamped to 1000 by the SDK', async () => {
    expect((await capture(() => db.collection('products').get()))[0]!.params.limit).toBe(100);
    expect((await capture(() => db.collection('products').limit(5000).get()))[0]!.params.limit).toBe(1000);
  });

  test('a nested object in where() is flattened to a dotted path, and db.RegExp to $regularExpression', async () => {
    const [req] = await capture(() => db.collection('products').where({ spec: { color: 'white' }, name: db.RegExp({ regexp: '^li', options: 'i' }) }).get());
    expect(req!.params.query).toBe('{"name":{"$regularExpression":{"pattern":"^li","options":"i"}},"spec.color":"white"}');
  });

  test('count() sends calculateDocument and is answered with total', async () => {
    const [req] = await capture(() => db.collection('products').where({ stock: _.in([1, 2]) }).count());
    expect(req!.action).toBe('database.calculateDocument');
    expect(req!.params).toEqual({ collectionName: 'products', queryType: 'WHERE', query: '{"stock":{"$in":[{"$numberInt":"1"},{"$numberInt":"2"}]}}' });
    expect(req!.answer.data).toEqual({ total: 0 });
  });

  test('doc(id).set() sends modifyDocument DOC with merge false and upsert true', async () => {
    const [req] = await capture(() => db.collection('stores').doc('S001').set({ data: { name: 'x' } }));
    expect(req!.action).toBe('database.modifyDocument');
    expect(req!.params).toMatchObject({ collectionName: 'stores', queryType: 'DOC', query: '{"_id":"S001"}', data: '{"name":"x"}', multi: false, merge: false, upsert: true });
    expect(req!.answer.data).toEqual({ updated: 0, upsert_id: 'S001' });
  });

  test('doc(id).update() with a nested object and _.push sends $set on dotted paths and $push with $each/$slice', async () => {
    await db.collection('members').add({ data: { _id: 'm1', tags: [] } });
    const [req] = await capture(() => db.collection('members').doc('m1').update({ data: { profile: { city: 'SH' }, tags: _.push({ each: ['a'], slice: -5 }) } }));
    expect(req!.action).toBe('database.modifyDocument');
    expect(req!.params).toMatchObject({ queryType: 'DOC', multi: false, merge: true, upsert: false });
    expect(JSON.parse(req!.params.data as string)).toEqual({
      $set: { 'profile.city': 'SH' },
      $push: { tags: { $each: ['a'], $slice: { $numberInt: '-5' } } },
    });
  });

  test('doc(id).remove() sends removeDocument DOC and is answered with deleted', async () => {
    await db.collection('members').add({ data: { _id: 'm1' } });
    const [req] = await capture(() => db.collection('members').doc('m1').remove());
    expect(req!.action).toBe('database.removeDocument');
    expect(req!.params).toMatchObject({ collectionName: 'members', query: '{"_id":"m1"}', queryType: 'DOC', multi: false });
    expect(req!.answer.data).toEqual({ deleted: 1 });
  });

  test('aggregate() sends aggregateDocuments with one EJSON stage per step', async () => {
    const [req] = await capture(() => db.collection('orders').aggregate().match({ paid: true }).group({ _id: '$storeId', n: _.aggregate.sum(1) }).sort({ n: -1 }).end());
    expect(req!.action).toBe('database.aggregateDocuments');
    expect(req!.params).toEqual({
      collectionName: 'orders',
      stages: [
        { stageKey: '$match', stageValue: '{"paid":true}' },
        { stageKey: '$group', stageValue: '{"_id":"$storeId","n":{"$sum":{"$numberInt":"1"}}}' },
        { stageKey: '$sort', stageValue: '{"n":{"$numberInt":"-1"}}' },
      ],
    });
  });

  test('a transaction: startTransaction is answered with transactionId at the top level, doc(id) operations carry it, and it ends in commitTransaction', async () => {
    await db.collection('counters').add({ data: { _id: 'k', n: 0 } });
    const log = await capture(() =>
      db.runTransaction(async (t: any) => {
        await t.collection('counters').doc('k').get();
        await t.collection('counters').doc('k').update({ data: { n: _.inc(1) } });
        await t.collection('ledger').add({ data: { k: 'k' } });
      }),
    );
    expect(log.map((s) => s.action)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.insertDocument',
      'database.commitTransaction',
    ]);
    const txnId = log[0]!.answer.transactionId;
    expect(typeof txnId).toBe('string');
    expect(txnId.length).toBeGreaterThan(0);
    for (const s of log.slice(1)) expect(s.params.transactionId).toBe(txnId);
    expect(log[1]!.params).toMatchObject({ queryType: 'DOC', query: '{"_id":"k"}' });
  });

  test('inside a transaction, where().update() is sent without the transaction id (it would run outside it on the platform)', async () => {
    const log: Sent[] = [];
    await db
      .runTransaction(async (t: any) => {
        sent = [];
        try {
          await t.collection('counters').where({ n: 0 }).update({ data: { n: 1 } });
        } finally {
          log.push(...sent);
        }
      })
      .catch(() => undefined);
    expect(log[0]!.action).toBe('database.modifyDocument');
    expect(log[0]!.params.queryType).toBe('WHERE');
    expect(log[0]!.params.transactionId).toBeUndefined();
  });

  test("each database() takes runTransaction and startTransaction from @cloudbase/database's transaction module, where the local cloud marks a transaction's flow", () => {
    const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
    const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
    const databaseDir = path.dirname(require.resolve('@cloudbase/database/package.json', { paths: [nodeSdkDir] }));
    const transactionModule = require(path.join(databaseDir, 'dist/commonjs/transaction/index.js'));
    expect(db._db.runTransaction).toBe(transactionModule.runTransaction);
    expect(db._db.startTransaction).toBe(transactionModule.startTransaction);
    expect(transactionModule.runTransaction.name).toBe('runTransaction');
    expect(transactionModule[Symbol.for('styleclub.localCloud.transactionsMarked')]).toBe(true);
  });

  test('a duplicate key is answered with code DATABASE_REQUEST_FAILED, which the SDK turns into errCode -502001', async () => {
    await db.collection('members').add({ data: { _id: 'm1' } });
    const err = await db
      .collection('members')
      .add({ data: { _id: 'm1' } })
      .then(() => null, (e: unknown) => e);
    expect(sent.at(-1)!.answer).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('E11000') });
    expect(err.errCode).toBe(-502001);
  });
});
