import { currentScope, transactionMark } from './context';
import { Doc, LocalDatabase, newDocId } from './database';
import { DuplicateKeyError, RefusedWrite, TransactionMisuse, UnsupportedByStandIn } from './errors';
import { DocumentQueues, type LatencyModel } from './latency';
import { Transactions } from './transactions';
import { decode, encode, requestId } from './wire';
import { checkStoredFields, checkUpdate } from './written';

export { TransactionMisuse } from './errors';

type Params = Record<string, any>;

/** Whether an update changes every document it applies to: a non-zero `$inc`, or a `$push` of something. */
function surelyChanges(update: Record<string, unknown>): boolean {
  const inc = update.$inc as Record<string, unknown> | undefined;
  if (inc && Object.values(inc).some((v) => typeof v === 'number' && Number.isFinite(v) && v !== 0)) return true;
  const push = update.$push as Record<string, unknown> | undefined;
  if (!push) return false;
  return Object.values(push).some((v) => {
    const each = v && typeof v === 'object' && '$each' in v ? (v as { $each: unknown }).$each : undefined;
    return each === undefined || (Array.isArray(each) && each.length > 0);
  });
}

/** The requests that write documents outside a transaction. */
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument']);

/**
 * Answers what the SDK's TcbDBApiHttpRequester.send would get from the platform, with the
 * shapes @cloudbase/database 1.4.x parses (query.js, document.js, collection.js, transaction/).
 */
export class LocalRequester {
  readonly transactions: Transactions;
  /** the platform's costs (latency.ts), when the local cloud was installed with a latency model */
  private readonly queues: DocumentQueues | null;

  constructor(private readonly db: LocalDatabase, private readonly now: () => Date, transactionTimeoutMs?: number, latency?: LatencyModel) {
    this.transactions = new Transactions(db, now, transactionTimeoutMs);
    this.queues = latency ? new DocumentQueues(latency) : null;
  }

  async send(action: string, params: Params = {}): Promise<unknown> {
    const scope = currentScope();
    scope.requests += 1;
    const txnId: string | undefined = params.transactionId;
    // On CloudBase a request without the transaction id runs outside any transaction. Sent from
    // inside a transaction's own flow that is a bug the platform hides: refused here. Sent beside
    // it by the same call (not from inside), it runs normally, as there.
    const mark = transactionMark();
    if (!txnId && mark && action !== 'database.startTransaction' && (mark.callback || (mark.id !== null && this.transactions.isOpen(mark.id)))) {
      throw new TransactionMisuse(
        `${action} (${params.queryType ?? ''} on ${params.collectionName ?? '?'}) was sent from inside a transaction (${mark.id}) but not through it: ` +
          'on CloudBase it would run OUTSIDE the transaction. Inside a transaction use only doc(id) reads/writes and add() of the transaction.',
      );
    }
    try {
      if (this.queues) await this.queues.roundTrip();
      const answer = txnId ? await this.transactions.send(action, params, txnId) : await this.directQueued(action, params);
      await this.db.settled();
      return answer;
    } catch (err) {
      // what the platform refuses to store comes back as a failed request, not a transport error
      if (err instanceof DuplicateKeyError || err instanceof RefusedWrite) {
        return { code: 'DATABASE_REQUEST_FAILED', message: err.message, requestId: requestId() };
      }
      throw err;
    }
  }

  /** A request outside transactions; under a latency model, a write waits for the earlier writes to its documents. */
  private async directQueued(action: string, p: Params): Promise<unknown> {
    if (!this.queues || !WRITES.has(action)) return this.direct(action, p);
    const keys = this.writtenIds(action, p).map((id) => `${p.collectionName}/${id}`);
    return this.queues.exclusive(keys, async () => {
      const answer = (await this.direct(action, p)) as { data: { updated?: number; upsert_id?: string | null; deleted?: number; insertedIds?: string[] } };
      // what the answer says was changed
      const d = answer.data;
      return { answer, wrote: (d.updated ?? 0) > 0 || !!d.upsert_id || (d.deleted ?? 0) > 0 || (d.insertedIds?.length ?? 0) > 0 };
    });
  }

  /** The documents a write may change: its _id (or _id list), else what its query matches as it arrives. */
  private writtenIds(action: string, p: Params): string[] {
    if (action === 'database.insertDocument') return (p.data as string[]).map((s) => String(decode(s, this.now)._id ?? ''));
    const query = decode(p.query, this.now);
    const id = query._id as unknown;
    if (typeof id === 'string') return [id];
    if (id && typeof id === 'object' && Array.isArray((id as { $in?: unknown }).$in)) return ((id as { $in: unknown[] }).$in).map(String);
    return this.db.match(p.collectionName, query).map((e) => e.doc._id as string);
  }

  private async direct(action: string, p: Params): Promise<unknown> {
    const coll: string = p.collectionName;
    switch (action) {
      case 'database.getDocument': {
        const query = decode(p.query, this.now);
        const order = p.order ? decode(p.order, this.now) : undefined;
        this.db.refuseUncovered(coll, query, 'read', order);
        const list = this.db.find(coll, query, {
          order,
          offset: p.offset,
          limit: p.queryType === 'DOC' ? 1 : Math.min(p.limit ?? 100, 1000),
          projection: p.projection ? decode(p.projection, this.now) : undefined,
        });
        return { data: { list: list.map(encode), limit: p.limit ?? 100, offset: p.offset ?? 0 }, requestId: requestId() };
      }
      case 'database.calculateDocument': {
        const query = decode(p.query, this.now);
        this.db.refuseUncovered(coll, query, 'count');
        return { data: { total: this.db.count(coll, query) }, requestId: requestId() };
      }
      case 'database.insertDocument': {
        const docs: Doc[] = (p.data as string[]).map((s) => decode(s, this.now));
        docs.forEach((d) => checkStoredFields(d));
        const writes = docs.map((d) => ({ c: coll, id: (d._id as string) ?? newDocId(), doc: d }));
        for (const w of writes) {
          w.doc._id = w.id;
          if (this.db.collection(coll).has(w.id)) throw new DuplicateKeyError(coll, '_id_', JSON.stringify(w.id));
        }
        await this.db.apply(writes);
        return { data: { insertedIds: writes.map((w) => w.id) }, requestId: requestId() };
      }
      case 'database.modifyDocument':
      case 'database.modifyAndReturnDoc': {
        const query = decode(p.query, this.now);
        const update = decode(p.data, this.now);
        checkUpdate(update);
        const returnDoc = action === 'database.modifyAndReturnDoc';
        const multi = !returnDoc && p.queryType === 'WHERE' && p.multi !== false;
        this.db.refuseUncovered(coll, query, 'update');
        let matched = this.db.match(coll, query);
        if (!multi) matched = matched.slice(0, 1);
        if (matched.length === 0 && p.upsert) {
          if (p.queryType !== 'DOC') throw new UnsupportedByStandIn('upsert is only sent for doc(id).set()');
          const id = query._id as string;
          const doc = { ...LocalDatabase.updated({ _id: id }, update, false), _id: id };
          await this.db.apply([{ c: coll, id, doc }]);
          return { data: { updated: 0, upsert_id: id }, requestId: requestId() };
        }
        const next = matched.map((e) => ({ c: coll, id: e.doc._id as string, doc: LocalDatabase.updated(e.doc, update, p.merge !== false), before: e.doc }));
        // like MongoDB's nModified: a document the update leaves as it was is not written and not counted
        // (an update that surely changes a document skips the comparison: encoding a large document twice a write is the cost)
        const writes = next.filter((w) => surelyChanges(update) || encode(w.doc) !== encode(w.before)).map(({ c, id, doc }) => ({ c, id, doc }));
        await this.db.apply(writes);
        // On CloudBase updateAndReturn is findOneAndUpdate: a matched document counts as updated even
        // when the update leaves it as it was; here too (only plain update() counts real changes)
        if (returnDoc) return { data: { updated: next.length, doc: next[0] ? encode(next[0].doc) : null }, requestId: requestId() };
        return { data: { updated: writes.length, upsert_id: null }, requestId: requestId() };
      }
      case 'database.removeDocument': {
        const query = decode(p.query, this.now);
        this.db.refuseUncovered(coll, query, 'remove');
        let matched = this.db.match(coll, query);
        if (p.queryType === 'DOC' || p.multi === false) matched = matched.slice(0, 1);
        await this.db.apply(matched.map((e) => ({ c: coll, id: e.doc._id as string, doc: null })));
        return { data: { deleted: matched.length }, requestId: requestId() };
      }
      case 'database.aggregateDocuments': {
        const pipeline = (p.stages as Array<{ stageKey: string; stageValue: string }>).map((s) => ({
          [s.stageKey]: decode(s.stageValue, this.now),
        }));
        // the first stage decides whether the pipeline starts from an index or from every document
        const first = pipeline[0] ?? {};
        if ('$match' in first) this.db.refuseUncovered(coll, first.$match as Doc, 'aggregation');
        else this.db.refuseUncovered(coll, {}, `aggregation starting with ${Object.keys(first)[0] ?? 'nothing'}`, '$sort' in first ? (first.$sort as Doc) : undefined);
        return { data: { list: this.db.aggregate(coll, pipeline).map(encode) }, requestId: requestId() };
      }
      case 'database.addCollection':
        this.db.collection(coll);
        return { requestId: requestId() };
      case 'database.startTransaction':
        return this.transactions.start();
      default:
        throw new UnsupportedByStandIn(`${action} is not implemented by the local cloud`);
    }
  }
}
