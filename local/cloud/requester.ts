import { currentScope } from './context';
import { Doc, LocalDatabase, newDocId, Write } from './database';
import { DuplicateKeyError, RefusedWrite, TransactionMisuse, UnsupportedByStandIn } from './errors';
import { decode, encode } from './wire';
import { checkStoredFields, checkUpdate } from './written';

export { TransactionMisuse } from './errors';

interface Transaction {
  id: string;
  /** the database version when the transaction started: its snapshot */
  startVersion: number;
  /** version of every document the transaction read, when it first read it (0 = absent) */
  seen: Map<string, number>;
  staged: Map<string, Write>;
}

type Params = Record<string, any>;
const keyOf = (c: string, id: string) => `${c}\u0000${id}`;
const requestId = () => `local-${newDocId().slice(0, 12)}`;

/**
 * Answers what the SDK's TcbDBApiHttpRequester.send would get from the platform, with the
 * shapes @cloudbase/database 1.4.x parses (query.js, document.js, collection.js, transaction/).
 */
export class LocalRequester {
  private readonly transactions = new Map<string, Transaction>();

  constructor(private readonly db: LocalDatabase, private readonly now: () => Date) {}

  async send(action: string, params: Params = {}): Promise<unknown> {
    const scope = currentScope();
    scope.requests += 1;
    const txnId: string | undefined = params.transactionId;
    if (!txnId && scope.openTransactions.size > 0 && action !== 'database.startTransaction') {
      throw new TransactionMisuse(
        `${action} (${params.queryType ?? ''} on ${params.collectionName ?? '?'}) was sent while this call has a transaction open: ` +
          'on CloudBase it would run OUTSIDE the transaction. Inside a transaction use only doc(id) reads/writes and add().',
      );
    }
    try {
      const answer = txnId ? await this.inTransaction(action, params, txnId) : await this.direct(action, params);
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

  private async direct(action: string, p: Params): Promise<unknown> {
    const coll: string = p.collectionName;
    switch (action) {
      case 'database.getDocument': {
        const query = decode(p.query, this.now);
        const list = this.db.find(coll, query, {
          order: p.order ? decode(p.order, this.now) : undefined,
          offset: p.offset,
          limit: p.queryType === 'DOC' ? 1 : Math.min(p.limit ?? 100, 1000),
          projection: p.projection ? decode(p.projection, this.now) : undefined,
        });
        return { data: { list: list.map(encode), limit: p.limit ?? 100, offset: p.offset ?? 0 }, requestId: requestId() };
      }
      case 'database.calculateDocument':
        return { data: { total: this.db.count(coll, decode(p.query, this.now)) }, requestId: requestId() };
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
        const writes = next.filter((w) => encode(w.doc) !== encode(w.before)).map(({ c, id, doc }) => ({ c, id, doc }));
        await this.db.apply(writes);
        // On CloudBase updateAndReturn is findOneAndUpdate: a matched document counts as updated even
        // when the update leaves it as it was; here too (only plain update() counts real changes)
        if (returnDoc) return { data: { updated: next.length, doc: next[0] ? encode(next[0].doc) : null }, requestId: requestId() };
        return { data: { updated: writes.length, upsert_id: null }, requestId: requestId() };
      }
      case 'database.removeDocument': {
        let matched = this.db.match(coll, decode(p.query, this.now));
        if (p.queryType === 'DOC' || p.multi === false) matched = matched.slice(0, 1);
        await this.db.apply(matched.map((e) => ({ c: coll, id: e.doc._id as string, doc: null })));
        return { data: { deleted: matched.length }, requestId: requestId() };
      }
      case 'database.aggregateDocuments': {
        const pipeline = (p.stages as Array<{ stageKey: string; stageValue: string }>).map((s) => ({
          [s.stageKey]: decode(s.stageValue, this.now),
        }));
        return { data: { list: this.db.aggregate(coll, pipeline).map(encode) }, requestId: requestId() };
      }
      case 'database.addCollection':
        this.db.collection(coll);
        return { requestId: requestId() };
      case 'database.startTransaction': {
        const id = `txn-${newDocId()}`;
        this.transactions.set(id, { id, startVersion: this.db.currentVersion(), seen: new Map(), staged: new Map() });
        currentScope().openTransactions.add(id);
        return { transactionId: id, requestId: requestId() };
      }
      default:
        throw new UnsupportedByStandIn(`${action} is not implemented by the local cloud`);
    }
  }

  private async inTransaction(action: string, p: Params, txnId: string): Promise<unknown> {
    const txn = this.transactions.get(txnId);
    if (!txn) throw new TransactionMisuse(`transaction ${txnId} is not open`);
    if (action === 'database.commitTransaction') return this.commit(txn);
    if (action === 'database.abortTransaction') {
      this.end(txn);
      return { requestId: requestId() };
    }
    const coll: string = p.collectionName;
    if (action === 'database.insertDocument') {
      const ids: string[] = [];
      for (const s of p.data as string[]) {
        const doc: Doc = decode(s, this.now);
        checkStoredFields(doc);
        const id = (doc._id as string) ?? newDocId();
        if (this.read(txn, coll, id)) throw new DuplicateKeyError(coll, '_id_', JSON.stringify(id));
        txn.staged.set(keyOf(coll, id), { c: coll, id, doc: { ...doc, _id: id } });
        ids.push(id);
      }
      return { data: { insertedIds: ids }, requestId: requestId() };
    }
    if (p.queryType !== 'DOC') {
      throw new TransactionMisuse(`${action} with a where() query inside a transaction: only doc(id) and add() take part on CloudBase`);
    }
    const id = decode(p.query, this.now)._id as string;
    const current = this.read(txn, coll, id);
    switch (action) {
      case 'database.getDocument':
        return { data: { list: current ? [encode(current)] : [] }, requestId: requestId() };
      case 'database.modifyDocument': {
        const update = decode(p.data, this.now);
        checkUpdate(update);
        if (!current && !p.upsert) return { data: { updated: 0, upsert_id: null }, requestId: requestId() };
        const doc = LocalDatabase.updated(current ?? { _id: id }, update, p.merge !== false && !!current);
        txn.staged.set(keyOf(coll, id), { c: coll, id, doc: { ...doc, _id: id } });
        return { data: { updated: current ? 1 : 0, upsert_id: current ? null : id }, requestId: requestId() };
      }
      case 'database.removeDocument':
        txn.staged.set(keyOf(coll, id), { c: coll, id, doc: null });
        return { data: { deleted: current ? 1 : 0 }, requestId: requestId() };
      default:
        throw new TransactionMisuse(`${action} cannot run inside a transaction`);
    }
  }

  /** The transaction's view of a document: its own staged write, else the committed one. */
  private read(txn: Transaction, coll: string, id: string): Doc | null {
    const key = keyOf(coll, id);
    const staged = txn.staged.get(key);
    if (staged) return staged.doc;
    const entry = this.db.get(coll, id);
    if (!txn.seen.has(key)) txn.seen.set(key, entry?.version ?? 0);
    return entry?.doc ?? null;
  }

  /**
   * Commits like CloudBase's MongoDB snapshot transactions: first writer wins. A document this
   * transaction writes that someone else changed (or removed) since the transaction started is a
   * conflict, retried by the SDK. Documents it only read do not conflict, so write skew (two
   * transactions reading one quota and each writing elsewhere) happens here as on the platform.
   */
  private async commit(txn: Transaction): Promise<unknown> {
    this.end(txn);
    for (const key of txn.staged.keys()) {
      const [c, id] = key.split('\u0000') as [string, string];
      const current = this.db.collection(c).get(id)?.version ?? 0;
      const readAt = txn.seen.get(key);
      if (current > txn.startVersion || (readAt !== undefined && current !== readAt)) {
        return { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict', requestId: requestId() };
      }
    }
    await this.db.apply([...txn.staged.values()]);
    return { requestId: requestId() };
  }

  private end(txn: Transaction): void {
    this.transactions.delete(txn.id);
    currentScope().openTransactions.delete(txn.id);
  }
}
