import type { IndexSpec } from './indexes';

/**
 * Index coverage: on CloudBase a query no index serves is a collection scan, fine on the few
 * documents of a test and a timeout on ten million members. Once a collection holds more than
 * this many documents the local cloud refuses such a query, so a missing index shows in the
 * tests that seed big collections instead of in production. Small enough that the big seeds
 * (1,000 to 100,000 documents) cross it, large enough that a hand-made fixture does not.
 */
export const INDEX_COVERAGE_FROM = 200;

/**
 * CloudBase's limit on indexes per collection: "每个集合内最多可创建100个索引,每个索引最多可包含31个字段"
 * (Tencent Cloud, 云开发 CloudBase 数据库相关问题, https://cloud.tencent.com/document/product/878/18436,
 * updated 2024-11-07; the same figure at https://docs.cloudbase.net/en/faq/database). The _id index is
 * the platform's own and is not counted here.
 */
export const CLOUDBASE_INDEXES_PER_COLLECTION = 100;
export const CLOUDBASE_FIELDS_PER_INDEX = 31;

type Doc = Record<string, unknown>;

/** Operators an index scan can bound or seek with (equality, ranges, a list of values). */
const SEEKABLE = new Set(['$eq', '$in', '$gt', '$gte', '$lt', '$lte']);

/** Whether a condition on one field lets an index on it seek instead of scanning it whole. */
function seekable(condition: unknown): boolean {
  if (condition === undefined || condition instanceof RegExp) return false; // a regex scans the index whole
  if (condition === null || typeof condition !== 'object' || condition instanceof Date) return true;
  if (Array.isArray(condition)) return true; // equality with an array value
  const ops = Object.keys(condition as Doc);
  if (!ops.some((k) => k.startsWith('$'))) return true; // equality with a sub-document
  return ops.some((op) => SEEKABLE.has(op));
}

/** The conditions of a query by field, a top-level $and's parts folded in (each part narrows alone). */
function fieldConditions(query: Doc): Map<string, unknown[]> {
  const byField = new Map<string, unknown[]>();
  const add = (q: Doc) => {
    for (const [field, condition] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (part && typeof part === 'object' && !Array.isArray(part)) add(part as Doc);
        continue;
      }
      if (field.startsWith('$')) continue;
      byField.set(field, [...(byField.get(field) ?? []), condition]);
    }
  };
  add(query);
  return byField;
}

/** The $or lists a query must satisfy (top level, or one conjunct of a top-level $and). */
function orLists(query: Doc): Doc[][] {
  const lists: Doc[][] = [];
  if (Array.isArray(query.$or)) lists.push(query.$or as Doc[]);
  if (Array.isArray(query.$and)) for (const part of query.$and as Doc[]) if (part && Array.isArray(part.$or)) lists.push(part.$or as Doc[]);
  return lists;
}

/**
 * Whether some index (or the _id) serves the query: its leading field is pinned or bounded (the
 * equality/range prefix of a compound index), or, for a query that filters nothing, the sort
 * walks an index in order. An $or is served when every branch is (MongoDB's union of index scans).
 */
export function served(query: Doc, indexes: readonly IndexSpec[], order?: Record<string, unknown>): boolean {
  const byField = fieldConditions(query);
  const leads = (field: string) => (byField.get(field) ?? []).some(seekable);
  if (leads('_id')) return true;
  if (indexes.some((index) => leads(Object.keys(index.keys)[0]!))) return true;
  const ors = orLists(query);
  if (ors.some((branches) => branches.length > 0 && branches.every((b) => served(b, indexes)))) return true;
  if (byField.size === 0 && ors.length === 0 && order) {
    const first = Object.keys(order)[0];
    if (first === '_id' || indexes.some((index) => Object.keys(index.keys)[0] === first)) return true;
  }
  return false;
}

/** The fields a query filters on, nested $and/$or included, for the refusal's message. */
export function queriedFields(query: Doc): string[] {
  const fields = new Set<string>();
  const walk = (q: unknown) => {
    if (!q || typeof q !== 'object') return;
    if (Array.isArray(q)) return q.forEach(walk);
    for (const [k, v] of Object.entries(q as Doc)) {
      if (k === '$and' || k === '$or' || k === '$nor') walk(v);
      else if (!k.startsWith('$')) fields.add(k);
    }
  };
  walk(query);
  return [...fields];
}

/** A query the declared indexes do not serve on a collection past INDEX_COVERAGE_FROM documents. */
export class UncoveredQuery extends Error {
  constructor(readonly collection: string, readonly fields: string[], documents: number, indexes: readonly IndexSpec[], what: string) {
    const declared = indexes.length ? indexes.map((i) => `${i.name}(${Object.keys(i.keys).join(', ')})`).join('; ') : 'none';
    super(
      `no declared index serves this ${what} on ${collection} (${documents} documents, more than ${INDEX_COVERAGE_FROM}): ` +
        `it filters on [${fields.join(', ') || 'nothing'}]; the indexes of ${collection} are: ${declared} (and _id). ` +
        'On CloudBase it would scan the whole collection: add an index to cloudfunctions/database/indexes.json whose leading field the query pins or bounds.',
    );
  }
}
