import type { Doc } from './database';

/**
 * A verdict on a query made only of plain conditions, without mingo: top-level fields (no dot, no
 * `$`) compared with a string or a number, by equality (`{f: v}`, `$eq`), `$ne` or a range
 * (`$gt`, `$gte`, `$lt`, `$lte`), or with a list of them by `$in` (the SDK's `_.in`: a claim
 * asks which of a template's buckets holds its coupon). The stock's `where({_id, remaining:
 * _.gt(0), holders: _.neq(h)})` is one: mingo's generic array matching (isEqual and flatten over
 * every element, a Query with its operator tables built afresh per request) made each claim cost
 * time in proportion to the holders list, and a flash campaign's run quadratic. Judged as mingo
 * judges: an array field matches an equality by holding the value (`$in`: one of the values), a
 * range only through mingo. Whatever it is not sure of (a missing or null field, other types,
 * NaN, objects in the array) is left to mingo: `undefined`.
 */
export type Verdict = (doc: Doc) => boolean | undefined;

type Test = (value: unknown) => boolean | undefined;

const RANGES = {
  $gt: (a: string | number, b: string | number) => a > b,
  $gte: (a: string | number, b: string | number) => a >= b,
  $lt: (a: string | number, b: string | number) => a < b,
  $lte: (a: string | number, b: string | number) => a <= b,
};

/** A string or a number (not NaN): what these verdicts compare as mingo does. */
export const isPlain = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v));

/** Whether an array holds v (strict equality, as mingo's isEqual for strings and numbers); undefined: an element only mingo can compare. */
function holds(list: unknown[], v: string | number): boolean | undefined {
  // one pass: a stock's holders list is read on every claim
  let sure = true;
  for (let i = 0; i < list.length; i += 1) {
    const e = list[i];
    if (e === v) return true;
    if (sure && !isPlain(e)) sure = false;
  }
  return sure ? false : undefined;
}

function equals(v: string | number): Test {
  return (x) => {
    if (isPlain(x)) return x === v;
    return Array.isArray(x) ? holds(x, v) : undefined;
  };
}

/** `$in` a list of strings and numbers: the value is one of them, or an array holds one of them. */
function isIn(list: unknown[]): Test | null {
  if (!list.every(isPlain)) return null;
  const wanted = new Set(list);
  return (x) => {
    if (isPlain(x)) return wanted.has(x);
    if (!Array.isArray(x)) return undefined;
    let sure = true;
    for (const e of x) {
      if (!isPlain(e)) sure = false;
      else if (wanted.has(e)) return true;
    }
    return sure ? false : undefined;
  };
}

function testFor(op: string, v: unknown): Test | null {
  if (op === '$in') return Array.isArray(v) ? isIn(v) : null;
  if (!isPlain(v)) return null;
  if (op === '$eq') return equals(v);
  if (op === '$ne') {
    const eq = equals(v);
    return (x) => {
      const r = eq(x);
      return r === undefined ? undefined : !r;
    };
  }
  if (Object.prototype.hasOwnProperty.call(RANGES, op)) {
    const compare = RANGES[op as keyof typeof RANGES];
    // the same type only: mingo brackets types (a string is never $gt a number), arrays go to mingo
    return (x) => (isPlain(x) && typeof x === typeof v ? compare(x, v) : undefined);
  }
  return null;
}

/** An object literal of either realm (its prototype is an Object.prototype, or none: under Jest the test's objects come from another realm); not a date, array or BSON value. */
export function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** The verdict of a query of plain conditions only; null when any part of it is not one (mingo judges it). */
export function simpleVerdict(query: Doc): Verdict | null {
  const checks: Array<[string, Test]> = [];
  for (const [field, condition] of Object.entries(query)) {
    if (field === '' || field.includes('.') || field.startsWith('$') || field === '__proto__') return null;
    if (isPlainObject(condition)) {
      const ops = Object.entries(condition as Doc);
      if (ops.length === 0) return null;
      for (const [op, v] of ops) {
        const test = testFor(op, v);
        if (!test) return null;
        checks.push([field, test]);
      }
    } else {
      const test = testFor('$eq', condition);
      if (!test) return null;
      checks.push([field, test]);
    }
  }
  if (checks.length === 0) return null;
  return (doc) => {
    let sure = true;
    for (const [field, test] of checks) {
      // an inherited name (constructor, toString) or a missing field: mingo's rules for missing values
      const r = Object.prototype.hasOwnProperty.call(doc, field) ? test(doc[field]) : undefined;
      if (r === false) return false;
      if (r === undefined) sure = false;
    }
    return sure ? true : undefined;
  };
}
