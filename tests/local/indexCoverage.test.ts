import deployed from '../../cloudfunctions/database/indexes.json';
import { CLOUDBASE_FIELDS_PER_INDEX, CLOUDBASE_INDEXES_PER_COLLECTION, INDEX_COVERAGE_FROM } from '../../local/cloud/coverage';
import type { IndexFile } from '../../local/cloud/indexes';
import { errorText, fresh, rejection, type Db } from './support';

const INDEXES: IndexFile = {
  orders: [
    { name: 'member_paid', keys: { memberId: 1, paidAt: 1 } },
    { name: 'store', keys: { storeId: 1 } },
  ],
};

let db: Db;
let _: any;

/** Fills orders with n documents in one batch (the database directly: the fill is not what is tested). */
async function fill(n: number): Promise<void> {
  const { handle } = current;
  await handle.db.apply(
    Array.from({ length: n }, (_x, i) => ({
      c: 'orders',
      id: `o${String(i).padStart(6, '0')}`,
      doc: { _id: `o${String(i).padStart(6, '0')}`, memberId: `m${i % 50}`, storeId: i % 2 ? 'S001' : 'S002', paidAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000), total: i },
    })),
  );
}

let current: ReturnType<typeof fresh>;
beforeEach(() => {
  current = fresh({ indexes: INDEXES });
  ({ db, _ } = current);
});

const orders = () => db.collection('orders');

describe('on a collection past the coverage threshold', () => {
  beforeEach(() => fill(INDEX_COVERAGE_FROM + 1));

  test('a read on a field no index leads with is refused, naming the collection, the fields and the indexes', async () => {
    const text = errorText(await rejection(orders().where({ total: 7 }).get()));
    expect(text).toContain('no declared index serves this read on orders');
    expect(text).toContain('[total]');
    expect(text).toContain('member_paid(memberId, paidAt); store(storeId)');
  });

  test('count, update and remove by an unserved where are refused too, and change nothing', async () => {
    expect(errorText(await rejection(orders().where({ total: _.gt(5) }).count()))).toContain('this count on orders');
    expect(errorText(await rejection(orders().where({ total: 3 }).update({ data: { total: 4 } })))).toContain('this update on orders');
    expect(errorText(await rejection(orders().where({ total: 3 }).remove()))).toContain('this remove on orders');
    expect((await orders().where({ _id: 'o000003' }).get()).data[0].total).toBe(3);
  });

  test('a query on the second field of a compound index alone is refused: the index is read by its prefix', async () => {
    expect(errorText(await rejection(orders().where({ paidAt: _.gte(new Date('2026-01-01')) }).get()))).toContain('[paidAt]');
  });

  test('an aggregation whose first stage is an unserved $match, or no $match at all, is refused', async () => {
    expect(errorText(await rejection(orders().aggregate().match({ total: _.gt(1) }).end()))).toContain('this aggregation on orders');
    expect(errorText(await rejection(orders().aggregate().group({ _id: '$storeId' }).end()))).toContain('aggregation starting with $group');
  });

  test('an $or with one unserved branch is refused', async () => {
    expect(errorText(await rejection(orders().where(_.or([{ storeId: 'S001' }, { total: 1 }])).get()))).toContain('[storeId, total]');
  });

  test('a filter that reads nothing but a sort on an unindexed field is refused', async () => {
    expect(errorText(await rejection(orders().orderBy('total', 'desc').limit(5).get()))).toContain('[nothing]');
  });

  describe('what an index serves is answered', () => {
    test.each([
      ['an equality on the leading field', () => orders().where({ storeId: 'S001', total: _.gt(100) }).count(), 50],
      ['the equality/range prefix of a compound index', () => orders().where({ memberId: 'm1', paidAt: _.lt(new Date('2026-01-01T01:00:00Z')) }).count(), 2],
      ['an $in on the leading field', () => orders().where({ memberId: _.in(['m1', 'm2']) }).count(), 8],
      ['a range on _id', () => orders().where({ _id: _.gt('o000190'), total: _.gte(0) }).count(), 10],
      ['every branch of an $or served', () => orders().where(_.or([{ storeId: 'S002' }, { memberId: 'm1' }])).count(), 101 + 4],
    ])('%s', async (_name, query, expected) => {
      expect((await query()).total).toBe(expected);
    });

    test('a sort along an index with no filter (a page walked in index order)', async () => {
      expect((await orders().orderBy('_id', 'asc').limit(2).get()).data.map((o: { _id: string }) => o._id)).toEqual(['o000000', 'o000001']);
      expect((await orders().orderBy('storeId', 'asc').limit(1).get()).data).toHaveLength(1);
    });

    test('an aggregation whose first stage is a served $match', async () => {
      const groups = await orders().aggregate().match({ storeId: 'S001' }).group({ _id: '$storeId', n: db.command.aggregate.sum(1) }).end();
      expect(groups.list).toEqual([{ _id: 'S001', n: 100 }]);
    });

    test('doc(id) reads and writes', async () => {
      await orders().doc('o000004').update({ data: { total: 40 } });
      expect((await orders().doc('o000004').get()).data.total).toBe(40);
    });
  });
});

test(`up to ${INDEX_COVERAGE_FROM} documents any query is answered: a small fixture needs no index`, async () => {
  await fill(INDEX_COVERAGE_FROM);
  expect((await orders().where({ total: _.gte(190) }).count()).total).toBe(10);
});

test('the check can be turned off for tests of the planner itself', async () => {
  current = fresh({ indexes: INDEXES, indexCoverageFrom: Infinity });
  ({ db, _ } = current);
  await fill(INDEX_COVERAGE_FROM + 50);
  expect((await orders().where({ total: _.gte(240) }).count()).total).toBe(10);
});

describe('the deployed indexes file', () => {
  const file = deployed as unknown as IndexFile;

  test(`keeps every collection within CloudBase's ${CLOUDBASE_INDEXES_PER_COLLECTION} indexes and ${CLOUDBASE_FIELDS_PER_INDEX} fields per index`, () => {
    for (const [collection, specs] of Object.entries(file)) {
      expect([collection, specs.length <= CLOUDBASE_INDEXES_PER_COLLECTION]).toEqual([collection, true]);
      for (const spec of specs) expect([collection, spec.name, Object.keys(spec.keys).length <= CLOUDBASE_FIELDS_PER_INDEX]).toEqual([collection, spec.name, true]);
    }
  });

  test('names each index once per collection', () => {
    for (const [collection, specs] of Object.entries(file)) {
      const names = specs.map((s) => s.name);
      expect([collection, names]).toEqual([collection, [...new Set(names)]]);
    }
  });
});
