import { markRestOfFlow, runInsideTransaction, type TransactionMark } from './context';

/** @cloudbase/database's dist/commonjs/transaction/index.js, whose exports each new Db copies (Db's constructor). */
interface SdkTransactionModule {
  runTransaction(this: unknown, callback: (t: SdkTransaction) => unknown, times?: number): Promise<unknown>;
  startTransaction(this: unknown): Promise<SdkTransaction>;
  [HOOKED]?: true;
}
interface SdkTransaction {
  getTransactionId(): string;
}
const HOOKED = Symbol.for('styleclub.localCloud.transactionsMarked');

/**
 * Marks the code a transaction's own flow runs, so the stand-in can tell a plain request sent
 * from inside it (on CloudBase that request silently runs OUTSIDE the transaction: refused here)
 * from one sent beside it by the same call (runs normally, as on the platform). The SDK path
 * wx-server-sdk → @cloudbase/database runTransaction/startTransaction is the only way in; each
 * new Db (cloud.database() makes one per call) picks the hooked functions up.
 */
export function markTransactionFlows(mod: SdkTransactionModule): void {
  if (mod[HOOKED]) return;
  const run = mod.runTransaction;
  const start = mod.startTransaction;
  mod.runTransaction = function runTransaction(callback, times) {
    return run.call(this, (t) => runInsideTransaction({ id: t.getTransactionId(), callback: true }, () => callback(t)), times);
  };
  // startTransaction() has no callback: the flow that called it is marked from here on, until the
  // transaction ends. A request started in the same synchronous step (a Promise.all sibling
  // created after it) is marked too; runTransaction has no such blur.
  mod.startTransaction = function startTransaction() {
    const mark: TransactionMark = { id: null, callback: false };
    markRestOfFlow(mark);
    return start.call(this).then((t) => {
      mark.id = t.getTransactionId();
      return t;
    });
  };
  mod[HOOKED] = true;
}
