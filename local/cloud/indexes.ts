/** Index definitions as deployed with the functions (cloudfunctions/database/indexes.json). */
export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  /** a sparse index leaves out documents that lack every key (Mongo's default counts them as null) */
  sparse?: boolean;
}
export type IndexFile = Record<string, IndexSpec[]>;

type Doc = Record<string, unknown>;

function valueAt(doc: Doc, dotted: string): unknown {
  let v: unknown = doc;
  for (const part of dotted.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Doc)[part];
  }
  return v;
}

/** Whether the path meets an array (the field, or a parent of it): Mongo's multikey case, which a whole-value key cannot answer. */
function meetsArray(doc: Doc, dotted: string): boolean {
  let v: unknown = doc;
  for (const part of dotted.split('.')) {
    if (v === null || typeof v !== 'object') return false;
    v = (v as Doc)[part];
    if (Array.isArray(v)) return true;
  }
  return false;
}

function keyOf(values: unknown[]): string {
  return JSON.stringify(values.map((v) => (v instanceof Date ? { $date: v.getTime() } : v === undefined ? null : v)));
}

/** One index kept in memory: key → ids. Unique indexes refuse a second id under one key. */
export class MemoryIndex {
  readonly fields: string[];
  /** set once a document files an array under this index (sticky, as in Mongo): equality on an element must not be narrowed by whole-value keys */
  multikey = false;
  private readonly map = new Map<string, Set<string>>();
  /**
   * A compound index read by its leading fields: key of all fields but the last → id → the last
   * field's value (as filed, Dates as {$date}). It answers an equality on the leading fields with
   * a range (or nothing) on the last, in the last field's order, as an index scan with bounds does.
   */
  private readonly byPrefix: Map<string, Map<string, unknown>> | null;
  /** id → the leading field's value as filed: a range on the leading field alone is a scan within its bounds */
  private readonly byLeading = new Map<string, unknown>();

  constructor(readonly collection: string, readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys);
    this.byPrefix = this.fields.length >= 2 ? new Map() : null;
  }

  /** Every filed id with its leading field's value (the caller bounds them, as an index scan over a range of the leading field does). */
  leadingValues(): ReadonlyMap<string, unknown> {
    return this.byLeading;
  }

  /** The field a prefix scan ranges over and returns its ids in the order of (the last one), or null for a single-field index. */
  get rangeField(): string | null {
    return this.byPrefix ? this.fields[this.fields.length - 1]! : null;
  }

  /** The key a document files under, or null when a sparse index leaves it out. */
  keyFor(doc: Doc): string | null {
    const values = this.fields.map((f) => valueAt(doc, f));
    if (!this.multikey && this.fields.some((f) => meetsArray(doc, f))) this.multikey = true;
    if (this.spec.sparse && values.every((v) => v === undefined)) return null;
    return keyOf(values);
  }

  keyForQuery(values: unknown[]): string {
    return keyOf(values);
  }

  idsFor(key: string): ReadonlySet<string> {
    return this.map.get(key) ?? new Set();
  }

  /** The id already holding this key other than `id`, if the index is unique. */
  conflict(key: string | null, id: string): string | null {
    if (!this.spec.unique || key === null) return null;
    for (const other of this.idsFor(key)) if (other !== id) return other;
    return null;
  }

  /**
   * The ids filed under these leading-field values with the last field's value, in no particular
   * order (the caller applies bounds and orders by the values, as the index holds them sorted).
   */
  idsForPrefix(prefix: unknown[]): ReadonlyMap<string, unknown> {
    return this.byPrefix?.get(keyOf(prefix)) ?? new Map();
  }

  add(key: string | null, id: string): void {
    if (key === null) return;
    let ids = this.map.get(key);
    if (!ids) this.map.set(key, (ids = new Set()));
    ids.add(id);
    this.byLeading.set(id, (JSON.parse(key) as unknown[])[0]);
    if (this.byPrefix) {
      const { prefix, last } = splitKey(key);
      let entries = this.byPrefix.get(prefix);
      if (!entries) this.byPrefix.set(prefix, (entries = new Map()));
      entries.set(id, last);
    }
  }

  remove(key: string | null, id: string): void {
    if (key === null) return;
    const ids = this.map.get(key);
    if (!ids) return;
    ids.delete(id);
    this.byLeading.delete(id);
    if (ids.size === 0) this.map.delete(key);
    if (this.byPrefix) {
      const { prefix } = splitKey(key);
      const entries = this.byPrefix.get(prefix);
      entries?.delete(id);
      if (entries?.size === 0) this.byPrefix.delete(prefix);
    }
  }
}

function splitKey(key: string): { prefix: string; last: unknown } {
  const values = JSON.parse(key) as unknown[];
  return { prefix: JSON.stringify(values.slice(0, -1)), last: values[values.length - 1] };
}

/** A value as an index files it and orders it: Dates by their instant. Null for a type the bounds here do not order. */
export function indexOrderValue(v: unknown): { type: 'string' | 'number' | 'date'; at: string | number } | null {
  if (typeof v === 'string') return { type: 'string', at: v };
  if (typeof v === 'number' && Number.isFinite(v)) return { type: 'number', at: v };
  if (v instanceof Date) return { type: 'date', at: v.getTime() };
  if (v && typeof v === 'object' && Object.keys(v).length === 1 && typeof (v as Doc).$date === 'number') return { type: 'date', at: (v as Doc).$date as number };
  return null;
}

const RANGE_OPERATORS = ['$gt', '$gte', '$lt', '$lte', '$eq'] as const;
type RangeOperator = (typeof RANGE_OPERATORS)[number];

/**
 * The bounds a query's condition on one field sets, as an index scan would use them: a test on
 * the filed value. It keeps a value it cannot judge (another type, null, an operator it does not
 * read), so the documents fetched are always a superset of the matches; the query's own filter
 * decides after the fetch. Null: no bounds (the field is absent or not bounded here).
 */
export function rangeBounds(condition: unknown): ((filed: unknown) => boolean) | null {
  if (condition === undefined) return null;
  const ops: Array<[RangeOperator, { type: string; at: string | number }]> = [];
  const plain = indexOrderValue(condition);
  if (plain) ops.push(['$eq', plain]);
  else if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
    for (const [op, v] of Object.entries(condition as Doc)) {
      const bound = indexOrderValue(v);
      if (!(RANGE_OPERATORS as readonly string[]).includes(op) || !bound) return null;
      ops.push([op as RangeOperator, bound]);
    }
  }
  if (ops.length === 0) return null;
  return (filed) => {
    const value = indexOrderValue(filed);
    if (!value) return true;
    return ops.every(([op, bound]) => {
      if (bound.type !== value.type) return true;
      const a = value.at;
      const b = bound.at;
      switch (op) {
        case '$gt':
          return a > b;
        case '$gte':
          return a >= b;
        case '$lt':
          return a < b;
        case '$lte':
          return a <= b;
        case '$eq':
          return a === b;
      }
    });
  };
}

/** The equality values a query pins for an index's fields, or null when it does not pin them all. */
export function pinnedValues(query: Doc, fields: string[]): unknown[] | null {
  const values: unknown[] = [];
  for (const f of fields) {
    if (!Object.prototype.hasOwnProperty.call(query, f)) return null;
    const v = query[f];
    const plainScalar = v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date;
    if (plainScalar) values.push(v);
    else if (v && typeof v === 'object' && Object.keys(v).length === 1 && '$eq' in (v as Doc)) {
      const eq = (v as Doc).$eq;
      if (eq === null || ['string', 'number', 'boolean'].includes(typeof eq)) values.push(eq);
      else return null;
    } else return null;
  }
  return values;
}
