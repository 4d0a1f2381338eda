import type { Database } from '../platform/cloud';
import { isDuplicateKey } from './errors';

/** A transaction handle as the SDK gives it (only doc(id) and add() take part; see PITFALLS). */
export type Transaction = { collection(name: string): any };

export function isTransactionConflict(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT';
}

/** A document read inside a transaction, or null when there is none. */
export async function txGet<T>(t: Transaction, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await t.collection(collection).doc(id).get()) as { data: T | null };
    return res.data ?? null;
  } catch (err) {
    // wx-server-sdk reports a missing document inside a transaction as a failed get
    if (/does not exist/.test(String((err as { errMsg?: unknown }).errMsg ?? (err as Error).message))) return null;
    throw err;
  }
}

/** Attempts for one request: parallel writers of one member line up, each retry on fresh data. */
const MAX_ATTEMPTS = 30;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `attempt` until it settles without a race: a transaction that lost a conflict, or an
 * insert that lost to a parallel one on a unique key, starts again from its reads (which then see
 * the winner's writes). The jittered back-off spreads parallel writers of one member apart.
 */
export async function retryingRaces<T>(attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n);
    } catch (err) {
      const race = isTransactionConflict(err) || isDuplicateKey(err);
      if (!race || n + 1 >= MAX_ATTEMPTS) throw err;
      await pause(Math.random() * Math.min(100, 2 * 2 ** Math.min(n, 6)));
    }
  }
}

/** One transaction, no retries inside the SDK: retryingRaces decides, starting again from the reads outside it. */
export function transaction<T>(db: Database, work: (t: Transaction) => Promise<T>): Promise<T> {
  return (db as unknown as { runTransaction(cb: (t: Transaction) => Promise<T>, times: number): Promise<T> }).runTransaction(work, 0);
}
