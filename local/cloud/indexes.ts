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

  constructor(readonly collection: string, readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys);
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

  add(key: string | null, id: string): void {
    if (key === null) return;
    let ids = this.map.get(key);
    if (!ids) this.map.set(key, (ids = new Set()));
    ids.add(id);
  }

  remove(key: string | null, id: string): void {
    if (key === null) return;
    const ids = this.map.get(key);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.map.delete(key);
  }
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
