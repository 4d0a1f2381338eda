import { tillKey, type TillOrder, type TillRefund } from '../domain/till/records';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './errors';
import { allByIdCursor, documents, findById } from './read';
import { type Transaction, txGet } from './transaction';

export { tillKey, type TillOrder, type TillRefund } from '../domain/till/records';

export const findOrder = (db: Database, key: string) => findById<TillOrder>(db, COLLECTIONS.orders, key);
export const findRefund = (db: Database, key: string) => findById<TillRefund>(db, COLLECTIONS.refunds, key);

/** Adds the order inside the transaction; a parallel delivery of it makes one of the two commits fail. */
export const txOrder = (t: Transaction, key: string) => txGet<TillOrder>(t, COLLECTIONS.orders, key);

export async function addOrder(t: Transaction, order: TillOrder): Promise<void> {
  await t.collection(COLLECTIONS.orders).add({ data: order });
}

export async function addRefund(t: Transaction, refund: TillRefund): Promise<void> {
  await t.collection(COLLECTIONS.refunds).add({ data: refund });
}

export async function updateOrderRefunds(t: Transaction, db: Database, key: string, changes: { refundedFen: number; pointsClawedBack: number; returnedItems: Array<{ sku: string; qty: number }> }): Promise<void> {
  await t.collection(COLLECTIONS.orders).doc(key).update({ data: { refundedFen: changes.refundedFen, pointsClawedBack: changes.pointsClawedBack, returnedItems: db.command.set(changes.returnedItems) } });
}

/**
 * Records a POS nonce; false when it was seen before (a replay). The unique _id decides, so two
 * parallel requests with one nonce cannot both pass.
 */
export async function useNonce(db: Database, storeId: string, nonce: string, now: Date): Promise<boolean> {
  try {
    await db.collection(COLLECTIONS.posNonces).add({ data: { _id: tillKey(storeId, nonce), storeId, at: now } });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Forgets nonces older than `before` (their timestamps are stale: they would be refused anyway). Returns how many. */
export async function forgetNoncesBefore(db: Database, before: Date): Promise<number> {
  const _ = db.command;
  const res = (await db.collection(COLLECTIONS.posNonces).where({ at: _.lt(before) }).remove()) as { stats?: { removed?: number } };
  return res.stats?.removed ?? 0;
}

/** Every till order of the member, in `_id` order (their export): paged, never one unbounded read. */
export const ordersOfMember = (db: Database, memberId: string) => allByIdCursor<TillOrder>(db, COLLECTIONS.orders, { memberId });

/** Every refund of the member's orders, in `_id` order (their export). */
export const refundsOfMember = (db: Database, memberId: string) => allByIdCursor<TillRefund>(db, COLLECTIONS.refunds, { memberId });

/** Where a refund was made and which order it is of, read from its keys (`${storeId}:${refundId}`, `${storeId}:${orderId}`). */
export function refundPlace(refund: Pick<TillRefund, '_id' | 'orderKey'>): { storeId: string; refundId: string; orderStoreId: string; orderId: string } {
  const [storeId, refundId] = splitKey(refund._id);
  const [orderStoreId, orderId] = splitKey(refund.orderKey);
  return { storeId, refundId, orderStoreId, orderId };
}

/** A till key's store and till id (neither has a ":": POS_ID, STORE_ID). */
function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** The member's orders paid since `since`, newest first (their purchase tags): at most `limit`. */
export async function ordersOfMemberSince(db: Database, memberId: string, since: Date, limit = 200): Promise<TillOrder[]> {
  const _ = db.command;
  return documents<TillOrder>(db.collection(COLLECTIONS.orders).where({ memberId, paidAt: _.gte(since) }).orderBy('paidAt', 'desc').limit(limit));
}
