import type { LocalCloud } from '../../local/cloud/install';
import { errorText, fresh, rejection, type Db, duplicateOn } from './support';

let handle: LocalCloud;
let db: Db;
let _: any;

const read = async (coll: string, id: string) => {
  const res = await db.collection(coll).where({ _id: id }).get();
  return res.data[0] ?? null;
};

beforeEach(async () => {
  ({ handle, db, _ } = fresh({ indexes: { members: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }] } }));
  await db.collection('accounts').add({ data: { _id: 'a', balance: 100 } });
  await db.collection('accounts').add({ data: { _id: 'b', balance: 0, note: 'keep?' } });
  await db.collection('accounts').add({ data: { _id: 'c', balance: 7 } });
  await db.collection('members').add({ data: { _id: 'm1', openid: 'o-1' } });
});

describe('runTransaction', () => {
  test('doc(id) get/update/set/remove and add() commit together', async () => {
    const result = await db.runTransaction(async (t: any) => {
      const a = (await t.collection('accounts').doc('a').get()).data;
      await t.collection('accounts').doc('a').update({ data: { balance: _.inc(-30) } });
      await t.collection('accounts').doc('b').set({ data: { balance: 30 } });
      await t.collection('accounts').doc('c').remove();
      const added = await t.collection('ledger').add({ data: { from: 'a', to: 'b', amount: 30 } });
      return { before: a.balance, ledgerId: added._id };
    });
    expect(result.before).toBe(100);
    expect(await read('accounts', 'a')).toEqual({ _id: 'a', balance: 70 });
    expect(await read('accounts', 'b')).toEqual({ _id: 'b', balance: 30 });
    expect(await read('accounts', 'c')).toBeNull();
    expect(await read('ledger', result.ledgerId)).toEqual({ _id: result.ledgerId, from: 'a', to: 'b', amount: 30 });
  });

  test('reads inside the transaction see its own earlier writes', async () => {
    const seen = await db.runTransaction(async (t: any) => {
      await t.collection('accounts').doc('a').update({ data: { balance: _.inc(5) } });
      await t.collection('accounts').doc('n').set({ data: { balance: 1 } });
      return [(await t.collection('accounts').doc('a').get()).data.balance, (await t.collection('accounts').doc('n').get()).data.balance];
    });
    expect(seen).toEqual([105, 1]);
  });

  test('until it commits, other calls see none of its writes', async () => {
    let outside: unknown[] = [];
    await handle.call('writer', () =>
      db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('a').update({ data: { balance: 0 } });
        await t.collection('ledger').add({ data: { _id: 'l1' } });
        const other = await handle.call('reader', async () => [await read('accounts', 'a'), await read('ledger', 'l1')]);
        outside = other.result;
      }),
    );
    expect(outside).toEqual([{ _id: 'a', balance: 100 }, null]);
    expect(await read('accounts', 'a')).toEqual({ _id: 'a', balance: 0 });
    expect(await read('ledger', 'l1')).toEqual({ _id: 'l1' });
  });

  test('a throw inside rolls every write back and rejects with that error', async () => {
    const err = await rejection(
      db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('a').update({ data: { balance: _.inc(-30) } });
        await t.collection('accounts').doc('b').set({ data: { balance: 30 } });
        await t.collection('accounts').doc('c').remove();
        await t.collection('ledger').add({ data: { _id: 'l1' } });
        throw new Error('till offline');
      }),
    );
    expect(errorText(err)).toBe('till offline');
    expect(await read('accounts', 'a')).toEqual({ _id: 'a', balance: 100 });
    expect(await read('accounts', 'b')).toEqual({ _id: 'b', balance: 0, note: 'keep?' });
    expect(await read('accounts', 'c')).toEqual({ _id: 'c', balance: 7 });
    expect(await read('ledger', 'l1')).toBeNull();
  });

  test('t.rollback(reason) discards the writes and rejects with the reason', async () => {
    const err = await rejection(
      db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('a').update({ data: { balance: 0 } });
        await t.rollback({ code: 'INSUFFICIENT_POINTS' });
      }),
    );
    expect(err).toEqual({ code: 'INSUFFICIENT_POINTS' });
    expect(await read('accounts', 'a')).toEqual({ _id: 'a', balance: 100 });
  });

  test('doc(id).get() of a missing document inside a transaction throws, as outside', async () => {
    const err = await rejection(db.runTransaction(async (t: any) => t.collection('accounts').doc('ghost').get()));
    expect(errorText(err)).toMatch(/does not exist/);
  });
});

describe('misuse inside a transaction fails loudly (TransactionMisuse)', () => {
  test.each([
    ['where().get()', (t: any) => t.collection('accounts').where({ balance: _.gt(0) }).get()],
    ['where().update()', (t: any) => t.collection('accounts').where({ _id: 'a' }).update({ data: { balance: 0 } })],
    ['where().remove()', (t: any) => t.collection('accounts').where({ _id: 'c' }).remove()],
    ['count()', (t: any) => t.collection('accounts').where({ balance: _.gt(0) }).count()],
  ])('a %s on the transaction throws and nothing of the transaction is written', async (_name, misuse) => {
    const err = await rejection(
      db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('b').update({ data: { balance: 1 } });
        await misuse(t);
      }),
    );
    expect(errorText(err)).toMatch(/transaction/);
    expect(errorText(err)).toMatch(/inside a transaction:? (use )?only doc\(id\)/i);
    expect(await read('accounts', 'b')).toEqual({ _id: 'b', balance: 0, note: 'keep?' });
    expect(await read('accounts', 'a')).toEqual({ _id: 'a', balance: 100 });
  });

  test.each([
    ['doc(id).get()', () => db.collection('accounts').doc('a').get()],
    ['doc(id).update()', () => db.collection('accounts').doc('a').update({ data: { balance: 0 } })],
    ['add()', () => db.collection('ledger').add({ data: { x: 1 } })],
    ['where().get()', () => db.collection('accounts').where({ balance: 0 }).get()],
  ])('a plain db %s sent from inside the transaction callback throws instead of running outside it', async (_name, plain) => {
    const err = await rejection(
      handle.call('o-1', () =>
        db.runTransaction(async (t: any) => {
          await t.collection('accounts').doc('b').update({ data: { balance: 1 } });
          await plain();
        }),
      ),
    );
    expect(errorText(err)).toMatch(/from inside a transaction \(txn-\w+\) but not through it/);
    expect(await read('accounts', 'a')).toEqual({ _id: 'a', balance: 100 });
    expect(await read('accounts', 'b')).toEqual({ _id: 'b', balance: 0, note: 'keep?' });
    expect((await db.collection('ledger').count()).total).toBe(0);
  });

  test('once the transaction has ended the same call may send plain requests again', async () => {
    const { result } = await handle.call('o-1', async () => {
      await db.runTransaction(async (t: any) => t.collection('accounts').doc('a').update({ data: { balance: 1 } }));
      return (await db.collection('accounts').doc('a').get()).data.balance;
    });
    expect(result).toBe(1);
  });

  test('a call that returns with a transaction still open is reported', async () => {
    const err = await rejection(handle.call('o-1', () => db.startTransaction()));
    expect(errorText(err)).toMatch(/transaction still open/);
  });

  test('startTransaction() then commit() applies the writes', async () => {
    await handle.call('o-1', async () => {
      const t = await db.startTransaction();
      await t.collection('accounts').doc('a').update({ data: { balance: _.inc(1) } });
      await t.commit();
    });
    expect((await read('accounts', 'a')).balance).toBe(101);
  });
});

describe('concurrency', () => {
  test('a few parallel increments of one counter all land (conflicts are retried by the SDK)', async () => {
    await db.collection('counters').add({ data: { _id: 'k', n: 0 } });
    const inc = () =>
      db.runTransaction(async (t: any) => {
        const { data } = await t.collection('counters').doc('k').get();
        await t.collection('counters').doc('k').update({ data: { n: data.n + 1 } });
      });
    await Promise.all([inc(), inc(), inc(), inc()]);
    expect((await read('counters', 'k')).n).toBe(4);
  });

  test('of 20 parallel read-modify-write increments, every commit lands once and every failure is a transaction conflict', async () => {
    await db.collection('counters').add({ data: { _id: 'k', n: 0 } });
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_x, i) =>
        handle.call(`o-${i}`, () =>
          db.runTransaction(async (t: any) => {
            const { data } = await t.collection('counters').doc('k').get();
            await new Promise((r) => setImmediate(r));
            await t.collection('counters').doc('k').update({ data: { n: data.n + 1 } });
          }),
        ),
      ),
    );
    const ok = settled.filter((s) => s.status === 'fulfilled').length;
    const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason);
    expect(ok).toBeGreaterThanOrEqual(4);
    expect(failures.every((f) => f.code === 'DATABASE_TRANSACTION_CONFLICT')).toBe(true);
    expect((await read('counters', 'k')).n).toBe(ok);
  });

  test('a plain write between the read and the commit makes the transaction retry on fresh data', async () => {
    await db.collection('counters').add({ data: { _id: 'k', n: 0 } });
    let attempts = 0;
    await db.runTransaction(async (t: any) => {
      attempts += 1;
      const { data } = await t.collection('counters').doc('k').get();
      if (attempts === 1) await handle.call('someone-else', () => db.collection('counters').doc('k').update({ data: { n: _.inc(10) } }));
      await t.collection('counters').doc('k').update({ data: { n: data.n + 1 } });
    });
    expect(attempts).toBe(2);
    expect((await read('counters', 'k')).n).toBe(11);
  });

  test('a unique-index violation at commit aborts the whole transaction', async () => {
    const err = await rejection(
      db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('a').update({ data: { balance: 0 } });
        await t.collection('members').add({ data: { _id: 'm2', openid: 'o-2' } });
        await t.collection('members').add({ data: { _id: 'm3', openid: 'o-1' } });
      }),
    );
    expect(duplicateOn(err, 'openid_unique')).toBe(true);
    expect(await read('accounts', 'a')).toEqual({ _id: 'a', balance: 100 });
    expect(await read('members', 'm2')).toBeNull();
    expect(await read('members', 'm3')).toBeNull();
    // the key the aborted transaction tried to take is still free
    await db.collection('members').add({ data: { _id: 'm2', openid: 'o-2' } });
  });

  test('two writes of one transaction colliding with each other abort it too', async () => {
    const err = await rejection(
      db.runTransaction(async (t: any) => {
        await t.collection('members').add({ data: { openid: 'o-9' } });
        await t.collection('members').add({ data: { openid: 'o-9' } });
      }),
    );
    expect(duplicateOn(err, 'openid_unique')).toBe(true);
    expect((await db.collection('members').count()).total).toBe(1);
  });
});

describe('snapshot isolation, as CloudBase runs transactions on MongoDB', () => {
  test('two transactions that read one quota document and write elsewhere both commit (write skew is possible: decide races with a conditional update or a unique key)', async () => {
    await db.collection('quotas').add({ data: { _id: 'q', left: 1 } });
    let inside = 0;
    let release: () => void = () => undefined;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const claim = (who: string) =>
      handle.call(who, () =>
        db.runTransaction(async (t: any) => {
          const quota = (await t.collection('quotas').doc('q').get()).data;
          inside += 1;
          if (inside === 2) release();
          await bothRead;
          if (quota.left > 0) await t.collection('claims').add({ data: { _id: `claim-${who}` } });
        }),
      );
    await Promise.all([claim('x'), claim('y')]);
    expect(await read('claims', 'claim-x')).not.toBeNull();
    expect(await read('claims', 'claim-y')).not.toBeNull();
  });

  test('a blind write to a document someone changed after the transaction started is a conflict', async () => {
    const started = await db.startTransaction();
    await handle.call('other', () => db.collection('accounts').doc('a').update({ data: { balance: 1 } }));
    await started.collection('accounts').doc('a').set({ data: { balance: 999 } });
    const err = await rejection(started.commit());
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await read('accounts', 'a')).balance).toBe(1);
  });
});
