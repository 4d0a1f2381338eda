import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One function call's view of the cloud. On the platform one container serves one call at a
 * time and `getWXContext()` reads process.env; here many calls share a process, so each call
 * carries its own identity, request counter and open transactions.
 */
export interface CallScope {
  openid: string | null;
  appid: string;
  /** database requests sent by this call (the benchmark's cost figure) */
  requests: number;
  /** documents the stand-in examined for this call's queries */
  docsExamined: number;
  /** transactions this call has started and not yet ended */
  openTransactions: Set<string>;
}

export const LOCAL_APPID = 'wx-local-styleclub';
const storage = new AsyncLocalStorage<CallScope>();

export function newScope(openid: string | null = null): CallScope {
  return { openid, appid: LOCAL_APPID, requests: 0, docsExamined: 0, openTransactions: new Set() };
}

/** Runs fn as one function call with the given caller identity. */
export async function runInScope<T>(scope: CallScope, fn: () => Promise<T> | T): Promise<T> {
  return storage.run(scope, async () => fn());
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
