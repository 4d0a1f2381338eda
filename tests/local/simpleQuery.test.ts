import fc from 'fast-check';
import { Query } from 'mingo';
import type { Doc } from '../../local/cloud/database';
import { simpleVerdict } from '../../local/cloud/simpleQuery';

/** What mingo answers: the stand-in's reference for every query. */
const mingo = (query: Doc, doc: Doc) => new Query(query).test(doc);

const stock = { _id: 'flash-sale', remaining: 2, holders: ['h1', 'h2', 'h3'] };

describe('plain conditions judged without mingo', () => {
  test.each([
    ['the stock claim: units left, not yet held', { _id: 'flash-sale', remaining: { $gt: 0 }, holders: { $ne: 'h9' } }, stock, true],
    ['the stock claim of a holder', { _id: 'flash-sale', remaining: { $gt: 0 }, holders: { $ne: 'h2' } }, stock, false],
    ['the stock claim when none is left', { _id: 'flash-sale', remaining: { $gt: 0 }, holders: { $ne: 'h9' } }, { ...stock, remaining: 0 }, false],
    ['held: equality on an array is membership', { _id: 'flash-sale', holders: 'h3' }, stock, true],
    ['not held', { _id: 'flash-sale', holders: 'h4' }, stock, false],
    ['another document', { _id: 'other', holders: 'h3' }, stock, false],
    ['a number is not the string of it', { remaining: '2' }, stock, false],
    ['$ne of another type holds', { remaining: { $ne: '2' } }, stock, true],
    ['bounds on one field', { remaining: { $gte: 2, $lt: 3 } }, stock, true],
    ['strings compare as strings', { _id: { $lt: 'g' } }, stock, true],
    ['held in one of the buckets', { _id: { $in: ['flash-sale', 'flash-sale#1'] }, holders: 'h1' }, stock, true],
    ['$in over an array: one of the values held', { holders: { $in: ['h9', 'h3'] } }, stock, true],
    ['$in over an array: none held', { holders: { $in: ['h9'] } }, stock, false],
    ['$in nothing', { _id: { $in: [] } }, stock, false],
  ] as Array<[string, Doc, Doc, boolean]>)('%s', (_name, query, doc, expected) => {
    const verdict = simpleVerdict(query);
    expect(verdict).not.toBeNull();
    expect(verdict!(doc)).toBe(expected);
    expect(mingo(query, doc)).toBe(expected);
  });

  test.each([
    ['a missing field ($ne matches it)', { coupon: { $ne: 'x' } }, stock],
    ['null', { remaining: { $ne: 1 } }, { ...stock, remaining: null }],
    ['a range over an array', { holders: { $gt: 'h' } }, stock],
    ['a range across types', { remaining: { $gt: 'a' } }, stock],
    ['an array holding objects', { holders: { $ne: 'h9' } }, { ...stock, holders: ['h1', { h: 'h9' }] }],
    ['an inherited name', { constructor: 'Object' }, stock],
  ] as Array<[string, Doc, Doc]>)('left to mingo: %s', (_name, query, doc) => {
    expect(simpleVerdict(query)!(doc)).toBeUndefined();
  });

  test.each([
    ['a dotted field', { 'spec.size': 'M' }],
    ['a date', { at: { $lt: new Date(0) } }],
    ['$in with null', { _id: { $in: ['a', null] } }],
    ['$in not a list', { _id: { $in: 'a' } }],
    ['$nin', { _id: { $nin: ['a'] } }],
    ['an inherited name as operator', JSON.parse('{"n": {"__proto__": 1}}')],
    ['a boolean', { done: true }],
    ['null', { done: null }],
    ['NaN', { n: NaN }],
    ['an object value', { spec: { size: 'M' } }],
    ['an array value', { tags: ['a'] }],
    ['$or', { $or: [{ a: 1 }] }],
    ['a regular expression', { name: /x/ }],
    ['no condition at all', {}],
    ['an empty condition', { a: {} }],
  ] as Array<[string, Doc]>)('not a plain query: %s', (_name, query) => {
    expect(simpleVerdict(query)).toBeNull();
  });
});

// documents and queries over a few fields, with values of every kind that meets a plain condition
// (ordinary objects, as EJSON decodes them: mingo's hashing fails on objects without a prototype)
const plain = fc.oneof(fc.constantFrom('a', 'b', 'h1', 'h2', '', 'B', '10', '2'), fc.constantFrom(0, -0, 1, 2, 10, -1, 1.5, Infinity, -Infinity));
const scalar = fc.oneof(plain, fc.constantFrom(null, true, false, NaN, undefined), fc.constant(new Date(0)));
const element = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: scalar }, { weight: 1, arbitrary: fc.oneof(fc.array(plain, { maxLength: 2 }), fc.record({ h: plain }, { noNullPrototype: true })) });
const value = fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: scalar }, { weight: 2, arbitrary: fc.array(element, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.record({ x: plain }, { noNullPrototype: true }) });
const field = fc.constantFrom('_id', 'remaining', 'holders', 'n');
const doc = fc.dictionary(field, value, { maxKeys: 4, noNullPrototype: true });
const op = fc.constantFrom('$eq', '$ne', '$gt', '$gte', '$lt', '$lte');
const condition = fc.oneof(plain, fc.dictionary(op, plain, { minKeys: 1, maxKeys: 3, noNullPrototype: true }), fc.record({ $in: fc.array(plain, { maxLength: 4 }) }, { noNullPrototype: true }));
const query = fc.dictionary(field, condition, { minKeys: 1, maxKeys: 3, noNullPrototype: true });

describe('the verdict is mingo\'s', () => {
  it('whenever it gives one, on any document and plain query', () => {
    fc.assert(
      fc.property(query, doc, (q, d) => {
        const verdict = simpleVerdict(q);
        expect(verdict).not.toBeNull();
        const v = verdict!(d);
        if (v !== undefined) expect(v).toBe(mingo(q, d));
      }),
      { numRuns: 20_000 },
    );
  });

  it('and is given for documents of strings and numbers', () => {
    const known = fc.oneof(plain, fc.array(plain, { maxLength: 5 }));
    // every field a query can name is there: no missing value for mingo to judge
    const sure = fc.record({ _id: known, remaining: known, holders: known, n: known }, { noNullPrototype: true });
    const equality = fc.dictionary(field, fc.oneof(plain, fc.dictionary(fc.constantFrom('$eq', '$ne'), plain, { minKeys: 1, noNullPrototype: true }), fc.record({ $in: fc.array(plain, { maxLength: 4 }) }, { noNullPrototype: true })), { minKeys: 1, maxKeys: 3, noNullPrototype: true });
    fc.assert(
      fc.property(equality, sure, (q, generated) => {
        // a number for _id too: the verdict reads any field alike
        const d = generated as Doc;
        expect(simpleVerdict(q)!(d)).toBe(mingo(q, d));
      }),
      { numRuns: 5_000 },
    );
  });
});
