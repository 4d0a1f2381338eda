import fc from 'fast-check';
import { DuplicateKeyError, LocalDatabase, type Write } from '../../local/cloud/database';
import type { IndexFile } from '../../local/cloud/indexes';

const INDEXES: IndexFile = {
  things: [
    { name: 'k_unique', keys: { k: 1 }, unique: true },
    { name: 'tag', keys: { tag: 1 } },
  ],
};

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const keys = fc.option(fc.constantFrom('k1', 'k2', 'k3', 'k4'), { nil: undefined });
const tags = fc.constantFrom('red', 'blue', 'green');
const write = fc.record({
  id: ids,
  remove: fc.boolean(),
  k: keys,
  tag: tags,
});
/** a batch is applied all-or-nothing, like a transaction's commit */
const batches = fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { maxLength: 40 });

describe('the in-memory indexes always agree with the documents', () => {
  it('after any sequence of batches (some refused by the unique index), indexed queries answer exactly what a full scan does', () => {
    fc.assert(
      fc.property(batches, (sequence) => {
        const db = new LocalDatabase(INDEXES);
        for (const batch of sequence) {
          const writes: Write[] = batch.map((w) => ({
            c: 'things',
            id: w.id,
            doc: w.remove ? null : { _id: w.id, tag: w.tag, ...(w.k === undefined ? {} : { k: w.k }) },
          }));
          const before = JSON.stringify([...db.collection('things').entries()]);
          try {
            void db.apply(writes);
          } catch (err) {
            expect(err).toBeInstanceOf(DuplicateKeyError);
            // a refused batch leaves nothing behind
            expect(JSON.stringify([...db.collection('things').entries()])).toBe(before);
          }
          const docs = [...db.collection('things').values()].map((e) => e.doc);
          // unique: no two documents share k (a missing k counts as null, as in Mongo)
          const ks = docs.map((d) => (d.k === undefined ? null : d.k));
          expect(new Set(ks).size).toBe(ks.length);
          for (const k of ['k1', 'k2', 'k3', 'k4', null]) {
            const scanned = docs.filter((d) => (d.k ?? null) === k).map((d) => d._id).sort();
            expect(db.find('things', { k }).map((d) => d._id).sort()).toEqual(scanned);
          }
          for (const tag of ['red', 'blue', 'green']) {
            const scanned = docs.filter((d) => d.tag === tag).map((d) => d._id).sort();
            expect(db.find('things', { tag }).map((d) => d._id).sort()).toEqual(scanned);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
