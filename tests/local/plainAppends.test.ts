import fc from 'fast-check';
import { update as mingoUpdate } from 'mingo';
import { type Doc, LocalDatabase } from '../../local/cloud/database';

/** What mingo makes of the update on a deep copy: the stand-in's reference. */
function byMingo(doc: Doc, update: Doc): Doc | Error {
  const copy = JSON.parse(JSON.stringify(doc)) as Doc;
  try {
    mingoUpdate(copy, update as never);
    return copy;
  } catch (err) {
    return err as Error;
  }
}

function byStandIn(doc: Doc, update: Doc): Doc | Error {
  try {
    return LocalDatabase.updated(doc, update, true);
  } catch (err) {
    return err as Error;
  }
}

describe('a stock claim\'s update ($inc remaining, $push a holder)', () => {
  test('appends the holder and leaves the stored document as it was', () => {
    const stored = { _id: 'flash-sale', total: 3, remaining: 2, holders: ['h1'] };
    const next = LocalDatabase.updated(stored, { $inc: { remaining: -1 }, $push: { holders: { $each: ['h2'] } } }, true);
    expect(next).toEqual({ _id: 'flash-sale', total: 3, remaining: 1, holders: ['h1', 'h2'] });
    expect(stored).toEqual({ _id: 'flash-sale', total: 3, remaining: 2, holders: ['h1'] });
  });

  test('a $push and a $pull of the same list is mingo\'s conflict, refused', () => {
    expect(() => LocalDatabase.updated({ _id: 'a', holders: ['h1'] }, { $push: { holders: 'h2' }, $pull: { holders: 'h1' } }, true)).toThrow();
  });
});

const plain = fc.constantFrom('a', 'b', 'h1', '', 0, 1, -1, 2.5);
const element = fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(null, true, { h: 'a' }, ['a']) });
const doc = fc.record(
  { _id: fc.constant('s'), remaining: fc.integer({ min: -2, max: 5 }), holders: fc.oneof(fc.array(element, { maxLength: 6 }), plain), tags: fc.array(plain, { maxLength: 3 }), note: fc.record({ by: plain }, { noNullPrototype: true }) },
  { requiredKeys: ['_id'], noNullPrototype: true },
);
const pushed = fc.oneof(plain, fc.record({ $each: fc.array(element, { maxLength: 3 }) }, { noNullPrototype: true }), fc.record({ $each: fc.array(plain, { maxLength: 3 }), $slice: fc.constantFrom(-2, 2) }, { noNullPrototype: true }), fc.constant({ h: 'x' }));
const field = fc.constantFrom('holders', 'tags', 'missing', 'note.list');
const update = fc.record(
  {
    $push: fc.dictionary(field, pushed, { minKeys: 1, maxKeys: 2, noNullPrototype: true }),
    $inc: fc.dictionary(fc.constantFrom('remaining', 'holders', 'note.n'), fc.constantFrom(1, -1), { minKeys: 1, maxKeys: 2, noNullPrototype: true }),
    $set: fc.dictionary(fc.constantFrom('tags', 'tags.0', 'other', 'holders.1'), plain, { minKeys: 1, maxKeys: 2, noNullPrototype: true }),
    $pull: fc.dictionary(fc.constantFrom('holders', 'tags'), plain, { minKeys: 1, maxKeys: 1, noNullPrototype: true }),
  },
  { requiredKeys: ['$push'], noNullPrototype: true },
);

describe('an update with $push gives what mingo gives', () => {
  it('for any document and update, and never changes the stored document', () => {
    fc.assert(
      fc.property(doc, update, (d, u) => {
        const before = JSON.stringify(d);
        const expected = byMingo(d, u);
        const got = byStandIn(d, u);
        if (expected instanceof Error) expect(got).toBeInstanceOf(Error);
        else expect(got).toEqual(expected);
        expect(JSON.stringify(d)).toBe(before);
      }),
      { numRuns: 5_000 },
    );
  });
});
