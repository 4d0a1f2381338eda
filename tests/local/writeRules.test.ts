/**
 * What the platform refuses or answers in its own way, kept by the local cloud: field names starting
 * with $, operators it cannot run, and what updateAndReturn reports. Through the real wx-server-sdk.
 */
import { errorText, fresh, rejection, type Db } from './support';

let db: Db;
let _: any;

beforeEach(async () => {
  ({ db, _ } = fresh());
  await db.collection('members').add({ data: { _id: 'm1', nickname: '小林', points: 10, tags: ['a'], lots: [{ n: 1 }] } });
});

const member = async () => (await db.collection('members').doc('m1').get()).data;

describe('a field named $x in written data is refused', () => {
  test.each([
    ['add() at the top', () => db.collection('members').add({ data: { $x: 1 } })],
    ['add() nested in an object', () => db.collection('members').add({ data: { profile: { $x: 1 } } })],
    ['add() inside an array element', () => db.collection('members').add({ data: { lots: [{ n: 1 }, { $x: 1 }] } })],
    ['set() nested', () => db.collection('members').doc('m1').set({ data: { profile: { $x: 1 } } })],
    ['update() nested in plain data', () => db.collection('members').doc('m1').update({ data: { profile: { $x: 1 } } })],
    ['update() at the top', () => db.collection('members').doc('m1').update({ data: { $x: 1 } })],
    ['update() with _.set of an object', () => db.collection('members').doc('m1').update({ data: { profile: _.set({ $x: 1 }) } })],
    ['update() pushing an element', () => db.collection('members').doc('m1').update({ data: { lots: _.push({ each: [{ $x: 1 }], slice: -5 }) } })],
    ['where().update()', () => db.collection('members').where({ _id: 'm1' }).update({ data: { profile: { $x: 1 } } })],
    ['add() in a transaction', () => db.runTransaction((t: any) => t.collection('members').add({ data: { profile: { $x: 1 } } }))],
    ['update() in a transaction', () => db.runTransaction((t: any) => t.collection('members').doc('m1').update({ data: { profile: { $x: 1 } } }))],
  ])('by %s, naming the field, and nothing is written', async (_name, write) => {
    const err = await rejection(write());
    expect(errorText(err)).toMatch(/\$x/);
    expect(errorText(err)).toMatch(/starts with \$|not an update operator/);
    expect(await member()).toEqual({ _id: 'm1', nickname: '小林', points: 10, tags: ['a'], lots: [{ n: 1 }] });
    expect((await db.collection('members').count()).total).toBe(1);
  });

  test('the update operators the SDK encodes and their modifiers are accepted', async () => {
    await db.collection('members').doc('m1').update({ data: { points: _.inc(5), tags: _.addToSet({ $each: ['b'] }), lots: _.push({ each: [{ n: 2 }], slice: -5 }) } });
    expect(await member()).toEqual({ _id: 'm1', nickname: '小林', points: 15, tags: ['a', 'b'], lots: [{ n: 1 }, { n: 2 }] });
  });

  test('a $ inside a field value is data, not a name, and is stored', async () => {
    await db.collection('members').doc('m1').update({ data: { nickname: '$小林$' } });
    expect((await member()).nickname).toBe('$小林$');
  });
});

describe('an unknown query operator fails with its name', () => {
  test.each([
    ['in where()', () => db.collection('members').where({ points: { $foo: 1 } }).get()],
    ['at the top of where()', () => db.collection('members').where({ $foo: [{ points: 1 }] }).get()],
    ['in count()', () => db.collection('members').where({ points: { $foo: 1 } }).count()],
    ['in where().update()', () => db.collection('members').where({ points: { $foo: 1 } }).update({ data: { points: 1 } })],
    ['in where().remove()', () => db.collection('members').where({ points: { $foo: 1 } }).remove()],
    ['inside an expression on an empty collection', () => db.collection('nobody').where({ $expr: { $foo: ['$a', 1] } }).get()],
  ])('%s', async (_name, query) => {
    expect(errorText(await rejection(query()))).toMatch(/unknown operator \$foo/);
    expect((await member()).points).toBe(10);
  });
});

describe('an unsupported aggregation operator fails with its name', () => {
  /** A raw pipeline, as @cloudbase/database's aggregate(stages) sends it in raw mode (wx-server-sdk's wrapper takes no stages). */
  const raw = (stages: object[]) => db._db.collection('members').options({ raw: true }).aggregate(stages).end();

  test('an unknown expression operator, even when no document reaches it', async () => {
    const err = await rejection(db.collection('nobody').aggregate().project({ x: { $foo: '$a' } }).end());
    expect(errorText(err)).toMatch(/unknown operator \$foo/);
  });

  test('an unknown accumulator in a group', async () => {
    const err = await rejection(db.collection('members').aggregate().group({ _id: null, x: { $foo: '$points' } }).end());
    expect(errorText(err)).toMatch(/unknown operator \$foo/);
  });

  test('a stage the platform does not offer, though mingo could run it', async () => {
    const err = await rejection(raw([{ $facet: { all: [{ $match: {} }] } }]));
    expect(errorText(err)).toMatch(/stage \$facet is not one CloudBase offers/);
  });

  test('$out writes nothing and names itself', async () => {
    const err = await rejection(raw([{ $match: {} }, { $out: 'copy' }]));
    expect(errorText(err)).toMatch(/\$out is not allowed by CloudBase/);
    expect((await db.collection('copy').count()).total).toBe(0);
  });

  test('a text-score sort is refused rather than ignored', async () => {
    const err = await rejection(db.collection('members').aggregate().sort({ score: { $meta: 'textScore' } }).end());
    expect(errorText(err)).toMatch(/\$meta is not allowed by CloudBase/);
  });

  test('the platform stages still run', async () => {
    const res = await db.collection('members').aggregate().match({ points: _.gt(0) }).group({ _id: null, total: _.aggregate.sum('$points') }).end();
    expect(res.list).toEqual([{ _id: null, total: 10 }]);
  });
});

describe('updateAndReturn (modifyAndReturnDoc)', () => {
  /** The SDK's Query.updateAndReturn, under wx-server-sdk's wrapper (which does not expose it). */
  const updateAndReturn = (where: object, data: object) => db._db.collection('members').where(where).updateAndReturn(data);

  test('reports a matched unchanged document as updated', async () => {
    const res = await updateAndReturn({ _id: 'm1' }, { points: 10 });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'm1', nickname: '小林', points: 10, tags: ['a'], lots: [{ n: 1 }] });
  });

  test('reports a changed document as updated and returns it as it is now', async () => {
    const res = await updateAndReturn({ _id: 'm1' }, { points: _.inc(1) });
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'm1', points: 11 } });
    expect((await member()).points).toBe(11);
  });

  test('reports nothing updated and no document when nothing matches', async () => {
    const res = await updateAndReturn({ _id: 'ghost' }, { points: 1 });
    expect(res.updated).toBe(0);
    expect(res.doc).toBeNull();
  });
});
