/**
 * The platform's transaction rules, kept by the local cloud (local/cloud/transactions.ts), through
 * the real wx-server-sdk: snapshot reads, conflicts on documents changed or removed meanwhile,
 * all-or-nothing commits.
 */
import { once as nextEvent } from 'node:events';
import { retryingRaces, transaction } from '../../cloudfunctions/data/transaction';
import type { LocalCloud, LocalCloudOptions } from '../../local/cloud/install';
import { errorText, fresh, rejection, type Db } from './support';

let handle: LocalCloud;
let db: Db;
let _: any;

const read = async (coll: string, id: string) => (await db.collection(coll).where({ _id: id }).get()).data[0] ?? null;
/** Another shopper's request, in its own call, while the transaction waits. */
const elsewhere = (fn: () => Promise<unknown>) => handle.call('someone-else', fn);
/** One attempt, no retries inside the SDK (as the app's data/transaction.ts runs them). */
const once = (work: (t: any) => Promise<unknown>) => db.runTransaction(work, 0);

async function install(options: LocalCloudOptions = {}): Promise<void> {
  ({ handle, db, _ } = fresh(options));
  await db.collection('members').add({ data: { _id: 'm1', nickname: '小林', points: 100 } });
  await db.collection('coupons').add({ data: { _id: 'c1', memberId: 'm1', status: 'issued' } });
}

beforeEach(() => install());

describe('a document changed or removed after the transaction read it', () => {
  test('a transaction that updates a document removed after it read it conflicts and writes nothing', async () => {
    const err = await rejection(
      once(async (t) => {
        const m = (await t.collection('members').doc('m1').get()).data;
        await elsewhere(() => db.collection('members').doc('m1').remove());
        await t.collection('ledger').add({ data: { _id: 'l1', memberId: 'm1', points: 10 } });
        await t.collection('members').doc('m1').update({ data: { points: m.points + 10 } });
        await t.collection('coupons').doc('c1').update({ data: { status: 'used' } });
      }),
    );
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await read('members', 'm1')).toBeNull();
    expect(await read('ledger', 'l1')).toBeNull();
    expect(await read('coupons', 'c1')).toEqual({ _id: 'c1', memberId: 'm1', status: 'issued' });
  });

  test('a transaction that removes a document changed after it read it conflicts and writes nothing', async () => {
    const err = await rejection(
      once(async (t) => {
        await t.collection('members').doc('m1').get();
        await elsewhere(() => db.collection('members').doc('m1').update({ data: { points: _.inc(1) } }));
        await t.collection('coupons').doc('c1').remove();
        await t.collection('members').doc('m1').remove();
      }),
    );
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await read('members', 'm1')).points).toBe(101);
    expect(await read('coupons', 'c1')).not.toBeNull();
  });

  test('a set() over a document someone created after the transaction started conflicts', async () => {
    const err = await rejection(
      once(async (t) => {
        await elsewhere(() => db.collection('claims').add({ data: { _id: 'k', by: 'other' } }));
        await t.collection('claims').doc('k').set({ data: { by: 'me' } });
      }),
    );
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await read('claims', 'k')).toEqual({ _id: 'k', by: 'other' });
  });

  test('the SDK retries the conflict and the next attempt sees the removal', async () => {
    const seen: Array<string | null> = [];
    await db.runTransaction(async (t: any) => {
      const m = await t.collection('members').doc('m1').get().then((r: any) => r.data, () => null);
      seen.push(m?._id ?? null);
      if (seen.length === 1) await elsewhere(() => db.collection('members').doc('m1').remove());
      if (m) await t.collection('members').doc('m1').update({ data: { points: m.points + 10 } });
    });
    expect(seen).toEqual(['m1', null]);
    expect(await read('members', 'm1')).toBeNull();
  });

  test("the app's retryingRaces starts again from its reads after the conflict", async () => {
    let attempts = 0;
    const outcome = await retryingRaces(async () => {
      attempts += 1;
      return transaction(db, async (t) => {
        const m = await t.collection('members').doc('m1').get().then((r: any) => r.data, () => null);
        if (attempts === 1) await elsewhere(() => db.collection('members').doc('m1').remove());
        if (!m) return 'left';
        await t.collection('members').doc('m1').update({ data: { points: m.points + 10 } });
        return 'earned';
      });
    });
    expect({ attempts, outcome }).toEqual({ attempts: 2, outcome: 'left' });
    expect(await read('members', 'm1')).toBeNull();
  });
});

describe('what a transaction reads', () => {
  test('it reads the database as it was when it started, also documents it reads for the first time later', async () => {
    const views = await once(async (t) => {
      const before = (await t.collection('members').doc('m1').get()).data.points;
      await elsewhere(async () => {
        await db.collection('members').doc('m1').update({ data: { points: 1 } });
        await db.collection('coupons').doc('c1').remove();
      });
      const again = (await t.collection('members').doc('m1').get()).data.points;
      const coupon = (await t.collection('coupons').doc('c1').get()).data;
      return { before, again, coupon: coupon.status };
    });
    expect(views).toEqual({ before: 100, again: 100, coupon: 'issued' });
  });

  test('a document it only reads may change meanwhile: no conflict', async () => {
    await once(async (t) => {
      await t.collection('members').doc('m1').get();
      await elsewhere(() => db.collection('members').doc('m1').update({ data: { points: 7 } }));
      await t.collection('ledger').add({ data: { _id: 'l1' } });
    });
    expect(await read('ledger', 'l1')).toEqual({ _id: 'l1' });
    expect((await read('members', 'm1')).points).toBe(7);
  });

  test('an update of a document that was not there matches nothing and does not conflict', async () => {
    const res = await once(async (t) => {
      const r = await t.collection('members').doc('ghost').update({ data: { points: 1 } });
      await elsewhere(() => db.collection('members').add({ data: { _id: 'ghost', points: 0 } }));
      await t.collection('ledger').add({ data: { _id: 'l1' } });
      return r.stats.updated;
    });
    expect(res).toBe(0);
    expect(await read('members', 'ghost')).toEqual({ _id: 'ghost', points: 0 });
    expect(await read('ledger', 'l1')).toEqual({ _id: 'l1' });
  });
});

describe('requests beside a transaction and inside it', () => {
  /** A gate: a promise and the function that opens it. */
  const gate = () => {
    let open: () => void = () => undefined;
    const passed = new Promise<void>((resolve) => (open = resolve));
    return { open, passed };
  };

  test('a plain query beside an open transaction in the same call runs', async () => {
    const { result } = await handle.call('o-1', async () => {
      const txnOpen = gate();
      const queried = gate();
      const [, beside] = await Promise.all([
        db.runTransaction(async (t: any) => {
          await t.collection('members').doc('m1').update({ data: { points: _.inc(1) } });
          txnOpen.open();
          await queried.passed; // still open while the query runs
        }),
        txnOpen.passed.then(() => db.collection('coupons').where({ memberId: 'm1' }).get()).finally(queried.open),
      ]);
      return beside.data.map((c: { _id: string }) => c._id);
    });
    expect(result).toEqual(['c1']);
    expect((await read('members', 'm1')).points).toBe(101);
  });

  test('Promise.all of a transaction and a where() query in one call runs both', async () => {
    const { result } = await handle.call('o-1', () =>
      Promise.all([
        db.runTransaction((t: any) => t.collection('members').doc('m1').update({ data: { points: _.inc(1) } })),
        db.collection('coupons').where({ status: 'issued' }).count(),
      ]),
    );
    expect(result[1].total).toBe(1);
    expect((await read('members', 'm1')).points).toBe(101);
  });

  test.each([
    ['where().get()', () => db.collection('coupons').where({ memberId: 'm1' }).get()],
    ['count()', () => db.collection('coupons').where({ memberId: 'm1' }).count()],
    ['where().update()', () => db.collection('coupons').where({ memberId: 'm1' }).update({ data: { status: 'used' } })],
    ['doc(id).update() on the plain db', () => db.collection('coupons').doc('c1').update({ data: { status: 'used' } })],
  ])('a %s inside the transaction callback is refused and nothing of the transaction is written', async (_name, plain) => {
    const err = await rejection(
      handle.call('o-1', () =>
        db.runTransaction(async (t: any) => {
          await t.collection('members').doc('m1').update({ data: { points: 0 } });
          await plain();
        }),
      ),
    );
    expect(errorText(err)).toMatch(/from inside a transaction \(txn-\w+\) but not through it: on CloudBase it would run OUTSIDE/);
    expect((await read('members', 'm1')).points).toBe(100);
    expect((await read('coupons', 'c1')).status).toBe('issued');
  });

  test('a where() the callback sends after a timer is still inside it and refused', async () => {
    const err = await rejection(
      db.runTransaction(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await db.collection('coupons').where({ memberId: 'm1' }).get();
      }),
    );
    expect(errorText(err)).toMatch(/from inside a transaction/);
  });

  test('after startTransaction() the flow that started it is inside it until it ends', async () => {
    const { result } = await handle.call('o-1', async () => {
      const t = await db.startTransaction();
      await t.collection('members').doc('m1').update({ data: { points: 1 } });
      const refused = errorText(await rejection(db.collection('coupons').where({ memberId: 'm1' }).get()));
      await t.commit();
      const after = (await db.collection('coupons').where({ memberId: 'm1' }).get()).data.length;
      return { refused, after };
    });
    expect(result.refused).toMatch(/from inside a transaction/);
    expect(result.after).toBe(1);
    expect((await read('members', 'm1')).points).toBe(1);
  });
});

describe('a transaction left open', () => {
  beforeEach(() => install({ transactionTimeoutMs: 50 }));

  test('a transaction left open is aborted after its timeout: its commit then fails as for a transaction that does not exist', async () => {
    const timedOut = nextEvent(handle.transactionEvents, 'timedOut');
    const t = await db.startTransaction();
    await t.collection('members').doc('m1').update({ data: { points: 0 } });
    const [id] = await timedOut;
    const err = await rejection(t.commit());
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(err.message).toContain(`transaction ${id} does not exist (aborted after 50 ms without commit or rollback)`);
    expect((await read('members', 'm1')).points).toBe(100);
  });

  test('reads and writes of the callback after the timeout fail and nothing of it is written', async () => {
    const timedOut = nextEvent(handle.transactionEvents, 'timedOut');
    const failures: string[] = [];
    const err = await rejection(
      db.runTransaction(async (t: any) => {
        await t.collection('ledger').add({ data: { _id: 'l1' } });
        await timedOut;
        await t.collection('members').doc('m1').get().catch((e: unknown) => failures.push(errorText(e)));
        await t.collection('members').doc('m1').update({ data: { points: 0 } });
      }),
    );
    expect(errorText(err)).toMatch(/does not exist \(aborted after 50 ms/);
    expect(failures).toEqual([expect.stringMatching(/does not exist \(aborted after 50 ms/)]);
    expect(await read('ledger', 'l1')).toBeNull();
    expect((await read('members', 'm1')).points).toBe(100);
  });

  test('the aborted transaction no longer counts as open in its call', async () => {
    const timedOut = nextEvent(handle.transactionEvents, 'timedOut');
    const { result } = await handle.call('o-1', async () => {
      await db.startTransaction();
      await timedOut;
      return 'ended';
    });
    expect(result).toBe('ended');
  });
});

describe('the commit is all or nothing', () => {
  test('a conflict on the last of many writes leaves every other one unwritten', async () => {
    const err = await rejection(
      once(async (t) => {
        for (let i = 0; i < 20; i += 1) await t.collection('ledger').add({ data: { _id: `l${i}` } });
        await t.collection('members').doc('m1').update({ data: { points: 0 } });
        await elsewhere(() => db.collection('coupons').doc('c1').update({ data: { status: 'used' } }));
        await t.collection('coupons').doc('c1').update({ data: { status: 'expired' } });
      }),
    );
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await db.collection('ledger').count()).total).toBe(0);
    expect((await read('members', 'm1')).points).toBe(100);
    expect((await read('coupons', 'c1')).status).toBe('used');
  });

  test('of two transactions writing one document, the first to commit wins and the other writes nothing', async () => {
    let release: () => void = () => undefined;
    const bothWrote = new Promise<void>((resolve) => (release = resolve));
    let wrote = 0;
    const spend = (who: string) =>
      handle.call(who, () =>
        once(async (t) => {
          const m = (await t.collection('members').doc('m1').get()).data;
          await t.collection('members').doc('m1').update({ data: { points: m.points - 60 } });
          await t.collection('ledger').add({ data: { _id: `spend-${who}` } });
          wrote += 1;
          if (wrote === 2) release();
          await bothWrote;
        }),
      );
    const settled = await Promise.allSettled([spend('a'), spend('b')]);
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((settled.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await read('members', 'm1')).points).toBe(40);
    expect((await db.collection('ledger').count()).total).toBe(1);
  });
});
