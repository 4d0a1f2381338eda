import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One function call's view of the cloud. On the platform one container serves one call at a
 * time and `getWXContext()` reads process.env; here many calls share a process, so each call
 * carries its own identity, request counter and open transactions.
 */
export interface CallScope {
  openid: string | null;
  appid: string;
  /** getWXContext().SOURCE: what started the call ('wx_client' the mini program, 'wx_trigger' the timer); null names none */
  source: string | null;
  /** database requests sent by this call (the benchmark's cost figure) */
  requests: number;
  /** documents the stand-in examined for this call's queries */
  docsExamined: number;
  /** transactions this call has started and not yet ended */
  openTransactions: Set<string>;
}

export const LOCAL_APPID = 'wx-local-styleclub';
const storage = new AsyncLocalStorage<CallScope>();

/**
 * Code running inside a transaction: a runTransaction callback (callback: true, for as long as it
 * runs) or the flow that called startTransaction() (until that transaction ends). On CloudBase a
 * plain request sent from there runs OUTSIDE the transaction; the stand-in refuses it. A request
 * of the same call that is not inside (a Promise.all sibling) runs normally beside it.
 */
export interface TransactionMark {
  /** null until startTransaction() has its id */
  id: string | null;
  callback: boolean;
}
const inside = new AsyncLocalStorage<TransactionMark | null>();

/** Runs fn marked as inside a transaction (and whatever it starts, across awaits and timers). */
export function runInsideTransaction<T>(mark: TransactionMark, fn: () => T): T {
  return inside.run(mark, fn);
}

/** Marks the rest of the current flow as inside a transaction (startTransaction() has no callback to wrap). */
export function markRestOfFlow(mark: TransactionMark): void {
  inside.enterWith(mark);
}

export function transactionMark(): TransactionMark | null {
  return inside.getStore() ?? null;
}

export function newScope(openid: string | null = null, source: string | null = openid ? 'wx_client' : null): CallScope {
  return { openid, appid: LOCAL_APPID, source, requests: 0, docsExamined: 0, openTransactions: new Set() };
}

/** Runs fn as one function call with the given caller identity (a call of its own: inside no transaction). */
export async function runInScope<T>(scope: CallScope, fn: () => Promise<T> | T): Promise<T> {
  return storage.run(scope, () => inside.run(null, async () => fn()));
}

/** Outside any call (a script, a seed) requests are counted on a shared background scope. */
const background = newScope(null);
export function currentScope(): CallScope {
  return storage.getStore() ?? background;
}

/** A fresh local cloud starts with a clean background scope: transactions of the previous requester are gone with it. */
export function resetBackgroundScope(): void {
  background.requests = 0;
  background.docsExamined = 0;
  background.openTransactions.clear();
}
