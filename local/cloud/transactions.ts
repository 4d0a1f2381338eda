import { EventEmitter } from 'node:events';
import { CallScope, currentScope } from './context';
import { Doc, LocalDatabase, newDocId, Write } from './database';
import { DuplicateKeyError, TransactionMisuse } from './errors';
import { decode, encode, requestId } from './wire';
import { checkStoredFields, checkUpdate } from './written';

interface Transaction {
  id: string;
  /** the database version when it started: what it reads */
  snapshot: number;
  staged: Map<string, Write>;
  /** the call that started it (its open transactions are checked when it ends) */
  scope: CallScope;
  timer: NodeJS.Timeout;
}

/**
 * On CloudBase a transaction must be committed or rolled back within 30 s; after that the server
 * has dropped it and its requests fail with DATABASE_TRANSACTION_FAIL, "transaction does not exist"
 * (docs.cloudbase.net/error-code/DATABASE_TRANSACTION_FAIL). Here a timer aborts it after
 * transactionTimeoutMs (installLocalCloud; tests make it short) and its later requests get that
 * answer. MongoDB's own limit (transactionLifetimeLimitSeconds) is 60 s; functions meet the platform's.
 */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;
/** how many ended transactions are remembered to say why a late request fails */
const REMEMBERED = 1000;

type Params = Record<string, any>;
const keyOf = (c: string, id: string) => `${c}\u0000${id}`;

/**
 * The transactions of the local cloud, as CloudBase runs them on MongoDB: snapshot reads, writes
 * staged until commit, first committer wins. Only doc(id) reads/writes and add() take part.
 */
export class Transactions {
  private readonly open = new Map<string, Transaction>();
  /** id → how it ended, for the answer to a late request */
  private readonly ended = new Map<string, string>();
  /** 'timedOut' (id): a transaction was aborted for running too long */
  readonly events = new EventEmitter();

  constructor(private readonly db: LocalDatabase, private readonly now: () => Date, private readonly timeoutMs = DEFAULT_TRANSACTION_TIMEOUT_MS) {}

  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  start(): unknown {
    const id = `txn-${newDocId()}`;
    const scope = currentScope();
    const timer = setTimeout(() => this.timeOut(id), this.timeoutMs);
    timer.unref(); // a forgotten transaction must not keep a test run or the dev server alive
    this.open.set(id, { id, snapshot: this.db.beginSnapshot(), staged: new Map(), scope, timer });
    scope.openTransactions.add(id);
    return { transactionId: id, requestId: requestId() };
  }

  async send(action: string, p: Params, txnId: string): Promise<unknown> {
    const txn = this.open.get(txnId);
    if (!txn) {
      const how = this.ended.get(txnId) ?? 'never started here';
      const message = `transaction ${txnId} does not exist (${how}): a transaction must be committed or rolled back within ${this.timeoutMs / 1000} s`;
      return { code: 'DATABASE_TRANSACTION_FAIL', message, requestId: requestId() };
    }
    if (action === 'database.commitTransaction') return this.commit(txn);
    if (action === 'database.abortTransaction') {
      this.end(txn, 'rolled back');
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
    const seen = this.read(txn, coll, id);
    switch (action) {
      case 'database.getDocument':
        return { data: { list: seen ? [encode(seen)] : [] }, requestId: requestId() };
      case 'database.modifyDocument': {
        const update = decode(p.data, this.now);
        checkUpdate(update);
        if (!seen && !p.upsert) return { data: { updated: 0, upsert_id: null }, requestId: requestId() };
        const doc = LocalDatabase.updated(seen ?? { _id: id }, update, p.merge !== false && !!seen);
        txn.staged.set(keyOf(coll, id), { c: coll, id, doc: { ...doc, _id: id } });
        return { data: { updated: seen ? 1 : 0, upsert_id: seen ? null : id }, requestId: requestId() };
      }
      case 'database.removeDocument':
        // removing what the snapshot does not hold writes nothing (and so cannot conflict)
        if (seen) txn.staged.set(keyOf(coll, id), { c: coll, id, doc: null });
        return { data: { deleted: seen ? 1 : 0 }, requestId: requestId() };
      default:
        throw new TransactionMisuse(`${action} cannot run inside a transaction`);
    }
  }

  /** The transaction's view of a document: its own staged write, else the snapshot's. */
  private read(txn: Transaction, coll: string, id: string): Doc | null {
    const staged = txn.staged.get(keyOf(coll, id));
    if (staged) return staged.doc;
    return this.db.readAt(coll, id, txn.snapshot);
  }

  /**
   * On CloudBase a transaction that writes a document someone else changed or removed after its
   * snapshot fails with DATABASE_TRANSACTION_CONFLICT (the SDK's runTransaction retries it) and
   * none of its writes land. Here the check runs at commit, over every document it writes, and the
   * writes then land in one apply() (all or nothing, no await in between). Documents it only read
   * do not conflict: write skew happens here as on the platform.
   */
  private async commit(txn: Transaction): Promise<unknown> {
    // checked before the snapshot is released: a removal is only remembered while one is held
    const lost = [...txn.staged.values()].find((w) => this.db.lastChange(w.c, w.id) > txn.snapshot);
    this.end(txn, lost ? 'failed on a conflict' : 'committed');
    if (lost) {
      const message = `database transaction conflict: ${lost.c}/${lost.id} was changed or removed by another write after the transaction started`;
      return { code: 'DATABASE_TRANSACTION_CONFLICT', message, requestId: requestId() };
    }
    await this.db.apply([...txn.staged.values()]);
    return { requestId: requestId() };
  }

  private timeOut(id: string): void {
    const txn = this.open.get(id);
    if (!txn) return;
    this.end(txn, `aborted after ${this.timeoutMs} ms without commit or rollback`);
    this.events.emit('timedOut', id);
  }

  private end(txn: Transaction, how: string): void {
    clearTimeout(txn.timer);
    this.open.delete(txn.id);
    txn.scope.openTransactions.delete(txn.id);
    this.db.endSnapshot(txn.snapshot);
    this.ended.set(txn.id, how);
    if (this.ended.size > REMEMBERED) this.ended.delete(this.ended.keys().next().value!);
  }

  /** The local cloud is closed or replaced: every open transaction ends with it. */
  close(): void {
    for (const txn of [...this.open.values()]) this.end(txn, 'the local cloud was closed');
  }
}
