import { ManualClock } from '../../cloudfunctions/platform/clock';
import { errorText, fresh, rejection, type Db } from './support';

const START = '2026-03-01T02:00:00.000Z';
let db: Db;
let _: any;
let clock: ManualClock;

const products = [
  { _id: 'p1', name: 'Linen Shirt', category: 'tops', price: 19900, stock: 5, tags: ['linen', 'summer'], spec: { color: 'white', size: 'M' }, launchedAt: new Date('2026-01-10T00:00:00Z') },
  { _id: 'p2', name: 'linen trousers', category: 'bottoms', price: 29900, stock: 0, tags: ['linen'], spec: { color: 'beige', size: 'L' }, launchedAt: new Date('2026-02-10T00:00:00Z') },
  { _id: 'p3', name: 'Denim Jacket', category: 'outerwear', price: 59900, stock: 2, tags: ['denim'], spec: { color: 'blue', size: 'M' }, launchedAt: new Date('2025-11-01T00:00:00Z') },
  { _id: 'p4', name: 'Silk Scarf', category: 'accessories', price: 9900, stock: 12, spec: { color: 'white', size: 'one' }, launchedAt: new Date('2026-02-20T00:00:00Z') },
  { _id: 'p5', name: 'Cotton Tee', category: 'tops', price: 9900, stock: 30, tags: ['cotton', 'summer'], spec: { color: 'black', size: 'S' }, launchedAt: new Date('2026-02-28T00:00:00Z') },
];

const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id);
const sortedIds = (res: { data: Array<{ _id: string }> }) => ids(res).sort();

beforeEach(async () => {
  clock = new ManualClock(START);
  // the query language with no indexes declared: index coverage is tests/local/indexCoverage.test.ts
  ({ db, _ } = fresh({ clock, indexCoverageFrom: Infinity }));
  for (const p of products) await db.collection('products').add({ data: p });
});

describe('where() conditions through the real SDK encoding', () => {
  test('_.gt and _.lt on one field return only the documents strictly between the bounds', async () => {
    const res = await db.collection('products').where({ price: _.gt(9900).and(_.lt(59900)) }).get();
    expect(sortedIds(res)).toEqual(['p1', 'p2']);
  });

  test('_.gt on a number compares numbers, not EJSON wrappers (stock > 0 skips the sold-out item)', async () => {
    const res = await db.collection('products').where({ stock: _.gt(0) }).get();
    expect(sortedIds(res)).toEqual(['p1', 'p3', 'p4', 'p5']);
  });

  test('_.in matches any of the listed values', async () => {
    const res = await db.collection('products').where({ category: _.in(['bottoms', 'outerwear']) }).get();
    expect(sortedIds(res)).toEqual(['p2', 'p3']);
  });

  test('_.or across different fields returns the documents matching either branch', async () => {
    const res = await db.collection('products').where(_.or([{ category: 'accessories' }, { stock: _.lt(1) }])).get();
    expect(sortedIds(res)).toEqual(['p2', 'p4']);
  });

  test('_.and combines conditions that must all hold', async () => {
    const res = await db.collection('products').where(_.and([{ category: 'tops' }, { price: _.lt(10000) }])).get();
    expect(ids(res)).toEqual(['p5']);
  });

  test('_.exists(true) finds documents having the field and _.exists(false) those lacking it', async () => {
    expect(sortedIds(await db.collection('products').where({ tags: _.exists(false) }).get())).toEqual(['p4']);
    expect(sortedIds(await db.collection('products').where({ tags: _.exists(true) }).get())).toEqual(['p1', 'p2', 'p3', 'p5']);
  });

  test('a scalar condition on an array field matches documents whose array contains the value', async () => {
    expect(sortedIds(await db.collection('products').where({ tags: 'summer' }).get())).toEqual(['p1', 'p5']);
  });

  test('a nested object in where() matches by dotted path, leaving the other sub-fields free', async () => {
    const res = await db.collection('products').where({ spec: { color: 'white' } }).get();
    expect(sortedIds(res)).toEqual(['p1', 'p4']);
  });

  test('a dotted field name with a command matches the nested field', async () => {
    const res = await db.collection('products').where({ 'spec.size': _.in(['M', 'L']), 'spec.color': _.neq('blue') }).get();
    expect(sortedIds(res)).toEqual(['p1', 'p2']);
  });

  test('db.RegExp matches with its options (case-insensitive here)', async () => {
    const res = await db.collection('products').where({ name: db.RegExp({ regexp: '^linen', options: 'i' }) }).get();
    expect(sortedIds(res)).toEqual(['p1', 'p2']);
  });

  test('a JavaScript RegExp literal in where() is case-sensitive unless flagged', async () => {
    expect(ids(await db.collection('products').where({ name: /^linen/ }).get())).toEqual(['p2']);
    expect(sortedIds(await db.collection('products').where({ name: /shirt|scarf/i }).get())).toEqual(['p1', 'p4']);
  });
});

describe('ordering and paging', () => {
  test('orderBy on two fields sorts by the first, then the second', async () => {
    const res = await db.collection('products').orderBy('price', 'asc').orderBy('stock', 'desc').get();
    expect(ids(res)).toEqual(['p5', 'p4', 'p1', 'p2', 'p3']);
  });

  test('orderBy on a nested field sorts by that sub-field', async () => {
    const res = await db.collection('products').orderBy('spec.color', 'asc').orderBy('_id', 'asc').get();
    expect(res.data.map((d: { spec: { color: string } }) => d.spec.color)).toEqual(['beige', 'black', 'blue', 'white', 'white']);
  });

  test('skip and limit page through a stable order without gaps or repeats', async () => {
    const page = (n: number) => db.collection('products').orderBy('_id', 'asc').skip(n * 2).limit(2).get();
    const pages = [await page(0), await page(1), await page(2), await page(3)];
    expect(pages.map(ids)).toEqual([['p1', 'p2'], ['p3', 'p4'], ['p5'], []]);
  });

  test('get() returns at most 100 documents by default, limit() raises that to 1000 and no further, and count() counts them all', async () => {
    await Promise.all(Array.from({ length: 1100 }, (_x, i) => db.collection('bulk').add({ data: { i } })));
    expect((await db.collection('bulk').get()).data).toHaveLength(100);
    expect((await db.collection('bulk').limit(250).get()).data).toHaveLength(250);
    expect((await db.collection('bulk').limit(1000).get()).data).toHaveLength(1000);
    expect((await db.collection('bulk').limit(5000).get()).data).toHaveLength(1000);
    expect((await db.collection('bulk').count()).total).toBe(1100);
    expect((await db.collection('bulk').where({ i: _.gte(1050) }).count()).total).toBe(50);
  });

  test('count() counts only the matching documents', async () => {
    expect((await db.collection('products').where({ category: 'tops' }).count()).total).toBe(2);
    expect((await db.collection('products').where({ category: 'hats' }).count()).total).toBe(0);
  });
});

describe('projection and single documents', () => {
  test('field() returns only the chosen fields plus _id', async () => {
    const res = await db.collection('products').where({ _id: 'p1' }).field({ name: true, 'spec.color': true }).get();
    expect(res.data).toEqual([{ _id: 'p1', name: 'Linen Shirt', spec: { color: 'white' } }]);
  });

  test('field() on doc(id) projects the single document', async () => {
    const res = await db.collection('products').doc('p3').field({ price: true }).get();
    expect(res.data).toEqual({ _id: 'p3', price: 59900 });
  });

  test('doc(id).get() returns the whole document as an object', async () => {
    const res = await db.collection('products').doc('p2').get();
    expect(res.data).toEqual(products[1]);
  });

  test('doc(id).get() of a missing document throws, as on the platform', async () => {
    const err = await rejection(db.collection('products').doc('nope').get());
    expect(errorText(err)).toMatch(/document with _id nope does not exist/);
  });
});

describe('aggregate()', () => {
  test('match, group and sort compute per-group figures', async () => {
    const $ = _.aggregate;
    const res = await db
      .collection('products')
      .aggregate()
      .match({ price: _.lt(50000) })
      .group({ _id: '$category', items: $.sum(1), stock: $.sum('$stock'), cheapest: $.min('$price') })
      .sort({ stock: -1 })
      .end();
    expect(res.list).toEqual([
      { _id: 'tops', items: 2, stock: 35, cheapest: 9900 },
      { _id: 'accessories', items: 1, stock: 12, cheapest: 9900 },
      { _id: 'bottoms', items: 1, stock: 0, cheapest: 29900 },
    ]);
  });

  test('unwind, group, sort and limit stages count array elements', async () => {
    const res = await db.collection('products').aggregate().unwind('$tags').group({ _id: '$tags', n: _.aggregate.sum(1) }).sort({ n: -1, _id: 1 }).limit(2).end();
    expect(res.list).toEqual([
      { _id: 'linen', n: 2 },
      { _id: 'summer', n: 2 },
    ]);
  });
});

describe('dates', () => {
  test('serverDate() is stored as the injected clock time, not the machine time', async () => {
    const { _id } = await db.collection('events').add({ data: { at: db.serverDate() } });
    const doc = (await db.collection('events').doc(_id).get()).data;
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.toISOString()).toBe(START);
  });

  test('serverDate() follows the clock as it moves and honours its offset', async () => {
    const { _id } = await db.collection('events').add({ data: { at: db.serverDate() } });
    clock.advance(90 * 60_000);
    await db.collection('events').doc(_id).update({ data: { seenAt: db.serverDate(), expiresAt: db.serverDate({ offset: 3_600_000 }) } });
    const doc = (await db.collection('events').doc(_id).get()).data;
    expect(doc.at.toISOString()).toBe('2026-03-01T02:00:00.000Z');
    expect(doc.seenAt.toISOString()).toBe('2026-03-01T03:30:00.000Z');
    expect(doc.expiresAt.toISOString()).toBe('2026-03-01T04:30:00.000Z');
  });

  test('Dates round-trip as Date objects, also nested in objects and arrays', async () => {
    const when = new Date('2026-05-20T13:14:15.678Z');
    await db.collection('events').add({ data: { _id: 'e1', when, nested: { when }, list: [when] } });
    const doc = (await db.collection('events').doc('e1').get()).data;
    expect(doc.when).toEqual(when);
    expect(doc.nested.when).toEqual(when);
    expect(doc.list[0]).toEqual(when);
    expect(doc.when).toBeInstanceOf(Date);
  });

  test('Dates compare as instants in where() conditions and orderBy', async () => {
    const res = await db.collection('products').where({ launchedAt: _.gte(new Date('2026-02-01T00:00:00Z')) }).orderBy('launchedAt', 'desc').get();
    expect(ids(res)).toEqual(['p5', 'p4', 'p2']);
  });
});

describe('what the local cloud cannot do it refuses loudly', () => {
  test('a geoWithin condition raises instead of answering quietly', async () => {
    const err = await rejection(db.collection('stores').where({ location: _.geoWithin({ centerSphere: [[121.45, 31.22], 0.001] }) }).get());
    expect(errorText(err)).toMatch(/\$geoWithin is not available/);
  });

  test('a geoNear condition in where() raises', async () => {
    const err = await rejection(db.collection('stores').where({ location: _.geoNear({ geometry: new db.Geo.Point(121.45, 31.22), maxDistance: 1000 }) }).get());
    expect(errorText(err)).toMatch(/\$(near|nearSphere|geoNear) is not available/);
  });

  test('a geoNear aggregate stage raises', async () => {
    const err = await rejection(
      db.collection('stores').aggregate().geoNear({ distanceField: 'distance', near: new db.Geo.Point(121.45, 31.22), spherical: true }).end(),
    );
    expect(errorText(err)).toMatch(/\$geoNear is not available/);
  });

  test('a geoIntersects condition raises', async () => {
    const err = await rejection(db.collection('stores').where({ location: _.geoIntersects({ geometry: new db.Geo.Point(121.45, 31.22) }) }).get());
    expect(errorText(err)).toMatch(/\$geoIntersects is not available/);
  });
});
