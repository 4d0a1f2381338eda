import { randomBytes } from 'node:crypto';
import { Query, find, aggregate, update as applyUpdate } from 'mingo';
import { INDEX_COVERAGE_FROM, queriedFields, served, UncoveredQuery } from './coverage';
import { IndexFile, indexOrderValue, MemoryIndex, pinnedValues, rangeBounds } from './indexes';
import { Journal, JournalRecord } from './journal';
import { currentScope } from './context';
import { DuplicateKeyError, UnsupportedByStandIn } from './errors';
import { checkOperators, checkPipeline } from './operators';
import { isPlain, isPlainObject, simpleVerdict } from './simpleQuery';
import { Snapshots } from './snapshots';

export { DuplicateKeyError, UnsupportedByStandIn } from './errors';
export { UncoveredQuery } from './coverage';

export type Doc = Record<string, unknown> & { _id?: string };
interface Entry {
  doc: Doc;
  version: number;
}

export interface FindOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

/**
 * What an index (or the _id) yields for a query: the ids to fetch and, when they come in the order
 * of one field (an index scan over it, or _id lookups), that field and each id's value of it.
 */
interface Scan {
  ids: string[];
  field: string | null;
  values?: unknown[];
}

export interface Write {
  c: string;
  id: string;
  doc: Doc | null;
}

/**
 * The query as the planner reads it: a top-level $and (the SDK sends one for `_.gt(a).and(_.lt(b))`
 * or any `.and`) merged into one object of field conditions, the bounds of one field together. A
 * conjunct it cannot merge (a second bound of the same kind, another operator) is left out: the
 * plan then fetches more documents, never fewer, and the whole query filters them.
 */
function conjuncts(query: Doc): Doc {
  if (!Array.isArray(query.$and)) return query;
  const merged: Doc = {};
  const add = (field: string, condition: unknown) => {
    if (field.startsWith('$')) return;
    if (!(field in merged)) {
      merged[field] = condition;
      return;
    }
    const held = merged[field];
    const isBounds = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && Object.keys(v).every((k) => k.startsWith('$'));
    if (isBounds(held) && isBounds(condition)) {
      const both = { ...(held as Doc) };
      for (const [op, v] of Object.entries(condition as Doc)) if (!(op in both)) both[op] = v;
      merged[field] = both;
    }
    // an equality held stays: it pins the field, the rest is the filter's
  };
  for (const [field, condition] of Object.entries(query)) if (field !== '$and') add(field, condition);
  for (const part of query.$and as unknown[]) {
    if (!part || typeof part !== 'object' || Array.isArray(part)) continue;
    const keys = Object.keys(part);
    // a lone $or among the conjuncts is kept for the union plan when nothing else narrows
    if (keys.length === 1 && keys[0] === '$or') continue;
    for (const [field, condition] of Object.entries(part as Doc)) add(field, condition);
  }
  return merged;
}

/**
 * Whether a document matches a query: plain conditions judged directly (simpleQuery.ts), anything
 * else by mingo, whose Query is built only when a document needs it (each one builds its operator
 * tables afresh).
 */
function matcherOf(query: Doc): (doc: Doc) => boolean {
  const verdict = simpleVerdict(query);
  if (!verdict) {
    const q = new Query(query);
    return (doc) => q.test(doc);
  }
  let q: Query | undefined;
  return (doc) => verdict(doc) ?? (q ??= new Query(query)).test(doc);
}

/**
 * Random bytes drawn a block at a time: every answer carries a request id, and one randomBytes
 * call per id was a measurable share of a flash campaign's run.
 */
const ID_BYTES = 16;
let pool = Buffer.alloc(0);
let drawn = 0;

export function newDocId(): string {
  if (drawn + ID_BYTES > pool.length) {
    pool = randomBytes(ID_BYTES * 256);
    drawn = 0;
  }
  drawn += ID_BYTES;
  return pool.toString('hex', drawn - ID_BYTES, drawn);
}

/**
 * The documents of the local cloud: collections of versioned documents, the indexes declared
 * for deployment, and (for the dev server) a journal every write reaches before it is answered.
 */
/**
 * A deep copy of a document whose dates are dates of this realm. Not structuredClone: under Jest
 * the test's code runs in its own realm while structuredClone builds its copies in Node's, and a
 * date from there fails mingo's `instanceof Date` — a member whose document had been updated by
 * id broke every later `$dateToString` over it (the ops dashboard answered INTERNAL in tests only).
 */
function copyOf<T>(value: T): T {
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as unknown as Date).getTime()) as T;
  if (Array.isArray(value)) {
    // a list of strings and numbers (a stock's holders, tens of thousands of them) is copied whole, not element by element
    for (const e of value) if (e !== null && typeof e === 'object') return value.map(copyOf) as T;
    return value.slice() as T;
  }
  // a plain object of either realm; class instances (BSON values) are kept as they are
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = copyOf(v);
    return out as T;
  }
  return value;
}

/**
 * The values an update's `$push` appends, by field, when every one of them is plain: a string or
 * number (or an `$each` of them, no other modifier) onto a top-level list of strings and numbers
 * that no other operator of the update names. Null otherwise: mingo applies the whole update. A
 * stock's holders list took a digest on every claim, and mingo's $push copies the list twice
 * beyond the copy the new document needs (a snapshot to compare, then a grown one): at tens of
 * thousands of holders that garbage was a large share of a flash campaign's run.
 */
function plainAppends(doc: Doc, update: Doc): Map<string, unknown[]> | null {
  const push = update.$push;
  if (!push || typeof push !== 'object' || Array.isArray(push)) return null;
  const appends = new Map<string, unknown[]>();
  for (const [field, value] of Object.entries(push as Doc)) {
    if (field.includes('.') || field.includes('$') || field === '__proto__' || !Object.prototype.hasOwnProperty.call(doc, field)) return null;
    const list = doc[field];
    if (!Array.isArray(list) || !list.every(isPlain)) return null;
    const each = value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).join() === '$each' ? (value as { $each: unknown }).$each : [value];
    if (!Array.isArray(each) || !each.every(isPlain)) return null;
    appends.set(field, each);
  }
  // a field another operator names too is a conflict mingo reports (or a rename): all of it is mingo's
  for (const [op, body] of Object.entries(update)) {
    if (op === '$push') continue;
    if (!body || typeof body !== 'object') return null;
    const named = [...Object.keys(body), ...(op === '$rename' ? Object.values(body).map(String) : [])];
    if (named.some((path) => appends.has(path.split('.')[0]!))) return null;
  }
  return appends;
}

export class LocalDatabase {
  private readonly collections = new Map<string, Map<string, Entry>>();
  private readonly indexes = new Map<string, MemoryIndex[]>();
  private version = 0;
  private readonly snapshots = new Snapshots();

  /**
   * @param erasing collections whose removed documents must leave no history in the journal (the
   * members: a member who leaves takes their personal data along), see Journal.append().
   * @param coverageFrom past this many documents in a collection, a query no declared index serves
   * is refused (see coverage.ts); Infinity turns the check off (tests of the planner itself).
   */
  constructor(
    indexFile: IndexFile,
    private readonly journal: Journal | null = null,
    private readonly erasing: ReadonlySet<string> = new Set(),
    private readonly coverageFrom: number = INDEX_COVERAGE_FROM,
  ) {
    for (const [collection, specs] of Object.entries(indexFile)) {
      this.indexes.set(collection, specs.map((s) => new MemoryIndex(collection, s)));
    }
    journal?.setSnapshot(() => this.allDocuments());
  }

  collection(name: string): Map<string, Entry> {
    let c = this.collections.get(name);
    if (!c) this.collections.set(name, (c = new Map()));
    return c;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  get(collection: string, id: string): Entry | undefined {
    currentScope().docsExamined += 1;
    return this.collection(collection).get(id);
  }

  /** Candidate documents for a query: an index narrows the scan when the query pins its keys. */
  private candidates(collection: string, query: Doc): Entry[] {
    const scan = this.narrowed(collection, query);
    if (!scan) return [...this.collection(collection).values()];
    const docs = this.collection(collection);
    return scan.ids.flatMap((id) => docs.get(id) ?? []);
  }

  /**
   * The ids an index (or the _id) yields for this query, or null when none applies: a full scan.
   * An $or whose every branch is pinned is the union of the branches, as MongoDB plans it. A
   * compound index also serves an equality on its leading fields with a range (or nothing) on its
   * last one, within the range's bounds, its ids then come with the last field's values (the
   * order the index keeps them in).
   */
  private narrowed(collection: string, original: Doc): Scan | null {
    const docs = this.collection(collection);
    const query = conjuncts(original);
    const keys = Object.keys(query);
    if (keys.length === 1 && keys[0] === '$or' && Array.isArray(query.$or)) {
      const union = new Map<string, unknown>();
      let field: string | null | undefined;
      for (const branch of query.$or as Doc[]) {
        const some = this.narrowed(collection, branch);
        if (!some) return null;
        // ordered only if every branch is ordered by the same field (a merge of index scans)
        field = field === undefined || field === some.field ? some.field : null;
        some.ids.forEach((id, i) => union.set(id, some.values?.[i]));
      }
      const ids = [...union.keys()];
      return field ? { ids, field, values: [...union.values()] } : { ids, field: null };
    }
    if (typeof query._id === 'string') {
      const ids = docs.has(query._id) ? [query._id] : [];
      return { ids, field: '_id', values: ids };
    }
    // {_id: {$in: [...]}}: a lookup per id, as the _id index answers it
    const inIds = query._id && typeof query._id === 'object' ? (query._id as Doc).$in : undefined;
    if (Array.isArray(inIds) && Object.keys(query._id as unknown as Doc).length === 1 && inIds.every((id) => typeof id === 'string')) {
      const ids = [...new Set(inIds as string[])].filter((id) => docs.has(id));
      return { ids, field: '_id', values: ids };
    }
    const usable = (this.indexes.get(collection) ?? []).filter((index) => !index.multikey); // {tags: 'x'} matches ['x', 'y'], which files under another key: scan instead
    for (const index of usable) {
      const values = pinnedValues(query, index.fields);
      if (!values || (index.spec.sparse && values.some((v) => v === null))) continue;
      return { ids: [...index.idsFor(index.keyForQuery(values))], field: null };
    }
    // the leading fields pinned, the last one ranged or free: an index scan within bounds, in the last field's order
    for (const index of usable) {
      const field = index.rangeField;
      if (!field) continue;
      const prefix = pinnedValues(query, index.fields.slice(0, -1));
      if (!prefix || (index.spec.sparse && prefix.some((v) => v === null))) continue;
      const inBounds = rangeBounds(query[field]);
      const ids: string[] = [];
      const filed: unknown[] = [];
      for (const [id, value] of index.idsForPrefix(prefix)) {
        if (inBounds && !inBounds(value)) continue;
        ids.push(id);
        filed.push(value);
      }
      return { ids, field, values: filed };
    }
    // only the leading field bounded ({dueAt: {$lte: now}, _id: {$gt: cursor}}): a scan over that range, as the
    // platform plans a job's due page: the documents within the bounds are examined, not the collection
    for (const index of usable) {
      const leading = index.fields[0]!;
      const inBounds = rangeBounds(query[leading]);
      if (!inBounds || indexOrderValue(query[leading])) continue; // an equality is served above, or the index does not cover it
      const ids: string[] = [];
      const filed: unknown[] = [];
      for (const [id, value] of index.leadingValues()) {
        // a range on a date or number never matches null or a missing field (BSON type brackets): the done ones (dueAt null) are not examined
        if (!indexOrderValue(value) || !inBounds(value)) continue;
        ids.push(id);
        filed.push(value);
      }
      return { ids, field: leading, values: filed };
    }
    return null;
  }

  /**
   * Refuses a query on a big collection that no declared index serves: on CloudBase it would scan
   * them all. The requester asks it of every query that arrives from the SDK; a test reading the
   * stand-in directly (find, count) is inspecting, not querying, and is not asked.
   */
  refuseUncovered(collection: string, query: Doc, what: string, order?: Record<string, unknown>): void {
    const size = this.collection(collection).size;
    if (size <= this.coverageFrom) return;
    const specs = (this.indexes.get(collection) ?? []).map((i) => i.spec);
    if (!served(query, specs, order)) throw new UncoveredQuery(collection, queriedFields(query), size, specs, what);
  }

  /** Entries matching a query, in natural (insertion) order. */
  match(collection: string, query: Doc): Entry[] {
    checkOperators(query);
    const matches = matcherOf(query);
    const candidates = this.candidates(collection, query);
    currentScope().docsExamined += candidates.length;
    return candidates.filter((e) => matches(e.doc));
  }

  find(collection: string, query: Doc, options: FindOptions = {}): Doc[] {
    if (options.projection) checkOperators(options.projection);
    const early = this.findInIndexOrder(collection, query, options);
    if (early) return early;
    const matched = this.match(collection, query).map((e) => e.doc);
    const ordered = options.order && Object.keys(options.order).length;
    if (!ordered && !options.projection) {
      // the common read: no sort or projection, so no second mingo query (each one builds its operator tables afresh)
      const from = options.offset ?? 0;
      return matched.slice(from, options.limit === undefined ? undefined : from + options.limit);
    }
    let cursor = find(matched, {}, options.projection as never);
    if (options.order && Object.keys(options.order).length) cursor = cursor.sort(options.order);
    if (options.offset) cursor = cursor.skip(options.offset);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor.all() as Doc[];
  }

  /**
   * A limited read sorted on the field an index scan yields its ids in order of: the documents are
   * fetched in that order and the scan stops once the page is full (no sort stage), so it examines
   * the page, not every document within the bounds. Null when the plan does not give that order.
   */
  private findInIndexOrder(collection: string, query: Doc, options: FindOptions): Doc[] | null {
    const order = Object.entries(options.order ?? {});
    if (order.length !== 1 || options.limit === undefined) return null;
    const [field, direction] = order[0]!;
    checkOperators(query);
    const scan = this.narrowed(collection, query);
    if (!scan || scan.field !== field || !scan.values) return null;
    const keyed = scan.values.map(indexOrderValue);
    const type = keyed[0]?.type;
    if (keyed.some((k) => !k || k.type !== type)) return null; // mixed or unordered types: leave it to the sort stage
    const positions = scan.ids.map((_, i) => i).sort((a, b) => {
      const x = keyed[a]!.at;
      const y = keyed[b]!.at;
      return (x < y ? -1 : x > y ? 1 : 0) * direction;
    });
    const docs = this.collection(collection);
    const matches = matcherOf(query);
    const wanted = (options.offset ?? 0) + options.limit;
    const page: Doc[] = [];
    let examined = 0;
    for (const i of positions) {
      if (page.length >= wanted) break;
      const e = docs.get(scan.ids[i]!);
      if (!e) continue;
      examined += 1;
      if (matches(e.doc)) page.push(e.doc);
    }
    currentScope().docsExamined += examined;
    const out = page.slice(options.offset ?? 0);
    return options.projection ? (find(out, {}, options.projection as never).all() as Doc[]) : out;
  }

  count(collection: string, query: Doc): number {
    return this.match(collection, query).length;
  }

  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    checkPipeline(pipeline);
    const docs = [...this.collection(collection).values()].map((e) => e.doc);
    currentScope().docsExamined += docs.length;
    return aggregate(docs, pipeline, {
      collectionResolver: (name: string) => [...this.collection(name).values()].map((e) => e.doc),
    }) as Doc[];
  }

  /** A copy of doc with the update applied: operators ($inc, $set, ...) or, without them, a replacement. */
  static updated(doc: Doc, update: Doc, merge: boolean): Doc {
    const hasOperators = Object.keys(update).some((k) => k.startsWith('$'));
    if (!hasOperators) {
      const base = merge ? copyOf(doc) : { _id: doc._id };
      return { ...base, ...copyOf(update), _id: doc._id };
    }
    if ('_id' in ((update.$set as Doc) ?? {})) throw new UnsupportedByStandIn('_id cannot be updated');
    const appends = plainAppends(doc, update);
    if (!appends) {
      const next = copyOf(doc);
      applyUpdate(next, update as never);
      return next;
    }
    const next: Doc = {};
    for (const [k, v] of Object.entries(doc)) next[k] = appends.has(k) ? (v as unknown[]).concat(appends.get(k)!) : copyOf(v);
    const { $push: _appended, ...rest } = update;
    if (Object.keys(rest).length) applyUpdate(next, rest as never);
    return next;
  }

  /**
   * Applies writes all-or-nothing: unique indexes are checked across the whole batch first.
   * Memory changes at once (later reads see them); the promise resolves once the journal has them.
   */
  apply(writes: Write[]): Promise<void> {
    // nothing to write (an update that matched nothing, or changed nothing): the database is as it was, its version too
    if (writes.length === 0) return this.settled();
    // staged apart from the documents, so a refused batch leaves them exactly as they were
    const staged = new Map<string, { w: Write; entry: Entry | null }>();
    const undo: Array<() => void> = [];
    const version = this.version + 1;
    try {
      for (const w of writes) {
        const key = `${w.c}\u0000${w.id}`;
        // a later write of the same batch sees the earlier one
        const before = staged.has(key) ? staged.get(key)!.entry : (this.collection(w.c).get(w.id) ?? null);
        for (const index of this.indexes.get(w.c) ?? []) {
          const oldKey = before ? index.keyFor(before.doc) : null;
          const newKey = w.doc ? index.keyFor(w.doc) : null;
          if (index.spec.unique && index.multikey) {
            // MongoDB files each element of an array under a unique index; this stand-in does not, so it refuses
            throw new UnsupportedByStandIn(`unique index ${w.c}.${index.spec.name} over an array value is not supported by the local cloud`);
          }
          if (oldKey === newKey) continue;
          const holder = index.conflict(newKey, w.id);
          if (holder !== null) throw new DuplicateKeyError(w.c, index.spec.name, newKey ?? '');
          index.remove(oldKey, w.id);
          index.add(newKey, w.id);
          undo.push(() => {
            index.remove(newKey, w.id);
            index.add(oldKey, w.id);
          });
        }
        staged.set(key, { w, entry: w.doc ? { doc: w.doc, version } : null });
      }
    } catch (err) {
      for (const u of undo.reverse()) u();
      throw err;
    }
    let erases = false;
    for (const [key, { w, entry }] of staged) {
      const before = this.collection(w.c).get(w.id);
      this.snapshots.record(key, before, version, !entry);
      if (!entry && before && this.erasing.has(w.c)) erases = true;
      if (entry) this.collection(w.c).set(w.id, entry);
      else this.collection(w.c).delete(w.id);
    }
    this.version = version;
    if (!this.journal) return Promise.resolve();
    const record: JournalRecord = { writes: writes.map((w) => ({ c: w.c, id: w.id, doc: w.doc })) };
    return this.journal.append(record, erases);
  }

  /** Resolves once every write this answer could have seen is durable. */
  settled(): Promise<void> {
    return this.journal ? this.journal.settled() : Promise.resolve();
  }

  /** Replays journal records at start-up (no index check: they were checked when first written). */
  replay(records: JournalRecord[]): void {
    for (const r of records) {
      for (const w of r.writes) {
        const docs = this.collection(w.c);
        const before = docs.get(w.id);
        for (const index of this.indexes.get(w.c) ?? []) {
          if (before) index.remove(index.keyFor(before.doc), w.id);
          if (w.doc) index.add(index.keyFor(w.doc), w.id);
        }
        if (w.doc) docs.set(w.id, { doc: w.doc as Doc, version: ++this.version });
        else docs.delete(w.id);
      }
    }
  }

  *allDocuments(): Generator<{ c: string; id: string; doc: Doc }> {
    for (const [c, docs] of this.collections) for (const [id, e] of docs) yield { c, id, doc: e.doc };
  }

  /** The version of the last write (tests: "nothing was written" is an unchanged version). */
  currentVersion(): number {
    return this.version;
  }

  /** A transaction's snapshot: the database as it is now, readable until endSnapshot(). */
  beginSnapshot(): number {
    return this.snapshots.take(this.version);
  }

  endSnapshot(snapshot: number): void {
    this.snapshots.release(snapshot);
  }

  /** A document as the snapshot sees it (null: absent then). */
  readAt(collection: string, id: string, snapshot: number): Doc | null {
    currentScope().docsExamined += 1;
    return this.snapshots.stateAt(`${collection}\u0000${id}`, this.collection(collection).get(id), snapshot);
  }

  /** The version of the last write to a document, its removal included (for conflicts). */
  lastChange(collection: string, id: string): number {
    return this.snapshots.lastChange(`${collection}\u0000${id}`, this.collection(collection).get(id));
  }
}
