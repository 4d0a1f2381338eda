import fc from 'fast-check';
import { newScope, runInScope } from '../../local/cloud/context';
import { LocalDatabase, type Doc } from '../../local/cloud/database';
import type { IndexFile } from '../../local/cloud/indexes';
import { fresh } from './support';

/**
 * A compound index {a: 1, b: 1} also serves an equality on a with a range (or nothing) on b, in
 * b's order, as an index scan with bounds does: a limited read sorted on b stops once its page is
 * full. What it answers must always be what a full scan answers.
 */
const INDEXES: IndexFile = {
  things: [{ name: 'day_id', keys: { day: 1, _id: 1 } }],
  lots: [{ name: 'day_at', keys: { day: 1, at: 1 } }],
};

const days = ['01-01', '02-28', '02-29', '12-31'];
/** a query (an _id condition is not a document's _id) */
const where = (q: Record<string, unknown>) => q as Doc;

async function examined<T>(fn: () => T): Promise<{ result: T; docsExamined: number }> {
  const scope = newScope();
  const result = await runInScope(scope, () => fn());
  return { result, docsExamined: scope.docsExamined };
}

describe('a compound index read by its leading field', () => {
  it('answers any equality + _id range, sorted and limited, exactly as a full scan does', () => {
    const doc = fc.record({ id: fc.integer({ min: 0, max: 60 }), day: fc.constantFrom(...days, undefined), n: fc.integer({ min: 0, max: 3 }) });
    const query = fc.record({
      days: fc.subarray(days, { minLength: 1 }),
      after: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      until: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      n: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      direction: fc.constantFrom(1 as const, -1 as const),
      limit: fc.integer({ min: 1, max: 20 }),
      offset: fc.integer({ min: 0, max: 3 }),
      /** as the SDK sends `.and()`: a top-level $and of one condition each */
      asAnd: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 80 }), query, (docs, q) => {
        const indexed = new LocalDatabase(INDEXES);
        const plain = new LocalDatabase({});
        const writes = docs.map((d) => {
          const id = `m${String(d.id).padStart(3, '0')}`;
          return { c: 'things', id, doc: { _id: id, n: d.n, ...(d.day === undefined ? {} : { day: d.day }) } as Doc };
        });
        // the last write of an id wins, as in a batch
        void indexed.apply(writes);
        void plain.apply(writes);
        const pad = (i: number) => `m${String(i).padStart(3, '0')}`;
        const branch = (day: string): Record<string, unknown> => {
          const range: Doc = {};
          if (q.after !== undefined) range.$gt = pad(q.after);
          if (q.until !== undefined) range.$lte = pad(q.until);
          if (q.asAnd) return { $and: [{ day }, ...Object.entries(range).map(([op, v]) => ({ _id: { [op]: v } })), ...(q.n === undefined ? [] : [{ n: q.n }])] };
          return { day, ...(Object.keys(range).length ? { _id: range } : {}), ...(q.n === undefined ? {} : { n: q.n }) };
        };
        const query = where(q.days.length === 1 ? branch(q.days[0]!) : { $or: q.days.map(branch) });
        const options = { order: { _id: q.direction }, limit: q.limit, offset: q.offset };
        expect(indexed.find('things', query, options)).toEqual(plain.find('things', query, options));
        expect(indexed.count('things', query)).toBe(plain.count('things', query));
      }),
      { numRuns: 300 },
    );
  });

  it('a page of 100 after a cursor examines the page, not every document of the day', async () => {
    const db = new LocalDatabase(INDEXES);
    const writes = Array.from({ length: 1_000 }, (_, i) => {
      const id = `m${String(i).padStart(4, '0')}`;
      return { c: 'things', id, doc: { _id: id, day: i % 2 ? '02-28' : '02-29' } as Doc };
    });
    await db.apply(writes);
    const page = await examined(() => db.find('things', where({ day: '02-28', _id: { $gt: 'm0200' } }), { order: { _id: 1 }, limit: 100 }));
    expect(page.result).toHaveLength(100);
    expect(page.result[0]!._id).toBe('m0201');
    expect(page.docsExamined).toBe(100);
    // two days at once: the union of two scans, merged in _id order
    const both = await examined(() => db.find('things', where({ $or: [{ day: '02-28', _id: { $gt: 'm0900' } }, { day: '02-29', _id: { $gt: 'm0900' } }] }), { order: { _id: 1 }, limit: 100 }));
    expect(both.result.map((d) => d._id)).toEqual(writes.slice(901).map((w) => w.id));
    expect(both.docsExamined).toBe(99);
    // without a sort on the indexed order (or without a limit) every document within the bounds is fetched
    expect((await examined(() => db.find('things', where({ day: '02-28', _id: { $gt: 'm0200' } }), { limit: 100 }))).docsExamined).toBe(400);
    expect((await examined(() => db.count('things', where({ day: '02-28', _id: { $gt: 'm0200' } })))).docsExamined).toBe(400);
    // a query that does not pin the leading field cannot use it
    expect((await examined(() => db.find('things', where({ _id: { $gt: 'm0990' } }), { order: { _id: 1 }, limit: 5 }))).docsExamined).toBe(1_000);
  });

  it('ranges on a date field within the bounds only, in either direction, through the real SDK', async () => {
    const { handle, db, _ } = fresh({ indexes: INDEXES });
    const day0 = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 50; i += 1) {
      await db.collection('lots').add({ data: { _id: `l${i}`, day: i % 5 === 0 ? 'x' : 'y', at: new Date(day0 + i * 3_600_000) } });
    }
    const { result, docsExamined } = await handle.call(null, () =>
      db
        .collection('lots')
        .where({ day: 'x', at: _.gte(new Date(day0 + 10 * 3_600_000)).and(_.lt(new Date(day0 + 40 * 3_600_000))) })
        .orderBy('at', 'desc')
        .limit(3)
        .get(),
    );
    expect(result.data.map((d: { _id: string }) => d._id)).toEqual(['l35', 'l30', 'l25']);
    expect(docsExamined).toBe(3);
  });
});
