import { isDuplicateKey } from '../../cloudfunctions/data/errors';
import type { IndexFile } from '../../local/cloud/indexes';
import type { LocalCloud } from '../../local/cloud/install';
import { errorText, fresh, rejection, type Db, duplicateOn } from './support';

const INDEXES: IndexFile = {
  members: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }],
  referrals: [{ name: 'invitee_unique', keys: { inviteeId: 1 }, unique: true, sparse: true }],
  claims: [{ name: 'member_template_unique', keys: { memberId: 1, templateId: 1 }, unique: true }],
  products: [{ name: 'category', keys: { category: 1 } }],
  looks: [{ name: 'tags', keys: { tags: 1 } }],
  tasks: [{ name: 'due', keys: { dueAt: 1, _id: 1 } }],
};

let handle: LocalCloud;
let db: Db;
let _: any;

beforeEach(() => {
  ({ handle, db, _ } = fresh({ indexes: INDEXES }));
});

describe('a unique index', () => {
  beforeEach(async () => {
    await db.collection('members').add({ data: { _id: 'a', openid: 'o-1' } });
    await db.collection('members').add({ data: { _id: 'b', openid: 'o-2' } });
  });

  test('refuses a second document with the same key on add(), with the error data code detects', async () => {
    const err = await rejection(db.collection('members').add({ data: { openid: 'o-1' } }));
    expect(err.errCode).toBe(-502001);
    expect(errorText(err)).toMatch(/E11000/);
    expect(errorText(err)).toContain('index: openid_unique');
    expect(isDuplicateKey(err)).toBe(true);
    expect(duplicateOn(err, 'openid_unique')).toBe(true);
    expect(duplicateOn(err, 'code_unique')).toBe(false);
    expect((await db.collection('members').count()).total).toBe(2);
  });

  test('refuses a doc(id).update that would take a key another document holds', async () => {
    const err = await rejection(db.collection('members').doc('b').update({ data: { openid: 'o-1' } }));
    expect(duplicateOn(err, 'openid_unique')).toBe(true);
    expect((await db.collection('members').doc('b').get()).data.openid).toBe('o-2');
  });

  test('refuses a doc(id).set that would collide, whether it replaces or creates', async () => {
    expect(duplicateOn(await rejection(db.collection('members').doc('b').set({ data: { openid: 'o-1' } })), 'openid_unique')).toBe(true);
    expect(duplicateOn(await rejection(db.collection('members').doc('c').set({ data: { openid: 'o-1' } })), 'openid_unique')).toBe(true);
    expect((await db.collection('members').doc('b').get()).data.openid).toBe('o-2');
    expect((await db.collection('members').where({ _id: 'c' }).count()).total).toBe(0);
  });

  test('refuses a where().update that would collide, changing none of the documents', async () => {
    const err = await rejection(db.collection('members').where({ openid: _.in(['o-1', 'o-2']) }).update({ data: { openid: 'same' } }));
    expect(duplicateOn(err, 'openid_unique')).toBe(true);
    const openids = (await db.collection('members').orderBy('_id', 'asc').get()).data.map((m: { openid: string }) => m.openid);
    expect(openids).toEqual(['o-1', 'o-2']);
  });

  test('lets a document rewrite itself with its own key', async () => {
    await db.collection('members').doc('a').update({ data: { openid: 'o-1', name: 'x' } });
    await db.collection('members').doc('a').set({ data: { openid: 'o-1' } });
    expect((await db.collection('members').doc('a').get()).data).toEqual({ _id: 'a', openid: 'o-1' });
  });

  test('of 100 parallel adds of one key exactly one succeeds, the others fail as duplicates', async () => {
    const settled = await Promise.allSettled(Array.from({ length: 100 }, (_x, i) => db.collection('members').add({ data: { openid: 'o-race', n: i } })));
    const ok = settled.filter((s) => s.status === 'fulfilled');
    const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(99);
    expect(failed.every((f) => duplicateOn(f.reason, 'openid_unique'))).toBe(true);
    expect((await db.collection('members').where({ openid: 'o-race' }).count()).total).toBe(1);
  });

  test('an update that frees a key lets another document take it', async () => {
    await db.collection('members').doc('a').update({ data: { openid: 'o-1-old' } });
    await db.collection('members').add({ data: { _id: 'c', openid: 'o-1' } });
    expect((await db.collection('members').where({ openid: 'o-1' }).get()).data.map((m: { _id: string }) => m._id)).toEqual(['c']);
  });

  test('removing a document frees its key', async () => {
    await db.collection('members').doc('b').remove();
    await db.collection('members').add({ data: { _id: 'd', openid: 'o-2' } });
    expect((await db.collection('members').doc('d').get()).data.openid).toBe('o-2');
  });

  test('a failed write leaves the index as it was: the key is still free for a later write', async () => {
    await rejection(db.collection('members').doc('b').update({ data: { openid: 'o-1' } }));
    await db.collection('members').add({ data: { _id: 'e', openid: 'o-3' } });
    expect(duplicateOn(await rejection(db.collection('members').add({ data: { openid: 'o-2' } })), 'openid_unique')).toBe(true);
  });

  test('a non-sparse unique index treats a missing field as null: a second document without it is refused', async () => {
    await db.collection('members').add({ data: { _id: 'n1', name: 'no openid' } });
    expect(duplicateOn(await rejection(db.collection('members').add({ data: { name: 'no openid either' } })), 'openid_unique')).toBe(true);
    expect(duplicateOn(await rejection(db.collection('members').add({ data: { openid: null } })), 'openid_unique')).toBe(true);
  });

  test('a compound unique index refuses only the same combination of keys', async () => {
    await db.collection('claims').add({ data: { memberId: 'm1', templateId: 'birthday' } });
    await db.collection('claims').add({ data: { memberId: 'm1', templateId: 'welcome' } });
    await db.collection('claims').add({ data: { memberId: 'm2', templateId: 'birthday' } });
    const err = await rejection(db.collection('claims').add({ data: { memberId: 'm1', templateId: 'birthday' } }));
    expect(duplicateOn(err, 'member_template_unique')).toBe(true);
    expect((await db.collection('claims').count()).total).toBe(3);
  });
});

describe('a sparse unique index', () => {
  test('leaves out documents lacking the field, so many may lack it', async () => {
    await db.collection('referrals').add({ data: { inviterId: 'x' } });
    await db.collection('referrals').add({ data: { inviterId: 'y' } });
    expect((await db.collection('referrals').count()).total).toBe(2);
  });

  test('still refuses a second document with the same present key', async () => {
    await db.collection('referrals').add({ data: { inviteeId: 'm5' } });
    expect(duplicateOn(await rejection(db.collection('referrals').add({ data: { inviteeId: 'm5' } })), 'invitee_unique')).toBe(true);
  });

  test('a query for null still finds the documents that lack the field', async () => {
    await db.collection('referrals').add({ data: { _id: 'r1', inviterId: 'x' } });
    await db.collection('referrals').add({ data: { _id: 'r2', inviteeId: 'm5' } });
    const res = await db.collection('referrals').where({ inviteeId: null }).get();
    expect(res.data.map((r: { _id: string }) => r._id)).toEqual(['r1']);
  });
});

describe('queries pinned on an indexed field', () => {
  beforeEach(async () => {
    const categories = ['tops', 'bottoms', 'shoes', 'bags', 'hats'];
    await Promise.all(Array.from({ length: 100 }, (_x, i) => db.collection('products').add({ data: { i, category: categories[i % 5] } })));
  });

  test('examine only the matching documents', async () => {
    const { result, docsExamined } = await handle.call(null, () => db.collection('products').where({ category: 'shoes' }).get());
    expect(result.data).toHaveLength(20);
    expect(docsExamined).toBe(20);
  });

  test('examine only the matching documents when narrowed further on other fields', async () => {
    const { result, docsExamined } = await handle.call(null, () => db.collection('products').where({ category: _.eq('shoes'), i: _.lt(50) }).get());
    expect(result.data).toHaveLength(10);
    expect(docsExamined).toBe(20);
  });

  test('a unique-index lookup examines a single document', async () => {
    await db.collection('members').add({ data: { openid: 'o-7' } });
    await db.collection('members').add({ data: { openid: 'o-8' } });
    const { result, docsExamined } = await handle.call(null, () => db.collection('members').where({ openid: 'o-8' }).get());
    expect(result.data).toHaveLength(1);
    expect(docsExamined).toBe(1);
  });

  test('while a query on an unindexed field scans the whole collection', async () => {
    const { result, docsExamined } = await handle.call(null, () => db.collection('products').where({ i: 7 }).get());
    expect(result.data).toHaveLength(1);
    expect(docsExamined).toBe(100);
  });

  test('a doc(id) read examines one document', async () => {
    const { _id } = await db.collection('products').add({ data: { category: 'tops' } });
    const { docsExamined } = await handle.call(null, () => db.collection('products').doc(_id).get());
    expect(docsExamined).toBe(1);
  });

  test('an index on an array field still finds documents whose array contains the value', async () => {
    await db.collection('looks').add({ data: { _id: 'l1', tags: ['summer', 'linen'] } });
    await db.collection('looks').add({ data: { _id: 'l2', tags: 'summer' } });
    await db.collection('looks').add({ data: { _id: 'l3', tags: ['winter'] } });
    const res = await db.collection('looks').where({ tags: 'summer' }).orderBy('_id', 'asc').get();
    expect(res.data.map((l: { _id: string }) => l._id)).toEqual(['l1', 'l2']);
    expect((await db.collection('looks').where({ tags: 'linen' }).count()).total).toBe(1);
  });
});

describe('what the stand-in refuses rather than gets wrong', () => {
  test('a unique index over an array value is refused (MongoDB would file each element)', async () => {
    const { db: sdkDb } = fresh({ indexes: { things: [{ name: 'tags_unique', keys: { tags: 1 }, unique: true }] } });
    await expect(sdkDb.collection('things').add({ data: { tags: ['a', 'b'] } })).rejects.toThrow(/over an array value/);
    expect((await sdkDb.collection('things').get()).data).toHaveLength(0);
  });
});

describe('a range on an index\'s leading field alone (a job\'s due page)', () => {
  beforeEach(async () => {
    // 100 tasks: 10 due by day 10, 40 due later, 50 done (dueAt null)
    await Promise.all(
      Array.from({ length: 100 }, (_x, i) => {
        const dueAt = i < 50 ? new Date(Date.UTC(2026, 0, 1 + i)) : null;
        return db.collection('tasks').add({ data: { _id: `t${String(i).padStart(3, '0')}`, dueAt } });
      }),
    );
  });

  test('examines the documents within the range, not the done ones or those due later', async () => {
    const until = new Date(Date.UTC(2026, 0, 10, 12));
    const { result, docsExamined } = await handle.call(null, () => db.collection('tasks').where({ dueAt: _.lte(until), _id: _.gt('t003') }).orderBy('_id', 'asc').limit(5).get());
    expect(result.data.map((t: { _id: string }) => t._id)).toEqual(['t004', 't005', 't006', 't007', 't008']);
    expect(docsExamined).toBe(10);
  });

  test('answers exactly what a scan would, across both bounds', async () => {
    const from = new Date(Date.UTC(2026, 0, 5));
    const until = new Date(Date.UTC(2026, 0, 8));
    const { result } = await handle.call(null, () => db.collection('tasks').where({ dueAt: _.gt(from).and(_.lte(until)) }).orderBy('_id', 'asc').get());
    expect(result.data.map((t: { _id: string }) => t._id)).toEqual(['t005', 't006', 't007']);
  });
});
