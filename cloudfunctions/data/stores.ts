import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { documents, findById, PAGE_MAX } from './read';

export interface Store {
  _id: string;
  name: string;
  city: string;
  address: string;
  /** which derived POS secret the store's till holds (platform/posSecrets.ts; absent = 1): the secret itself lives in the functions' environment, never here */
  posKeyVersion?: number;
  active: boolean;
}

export async function findStore(db: Database, storeId: string): Promise<Store | null> {
  return findById<Store>(db, COLLECTIONS.stores, storeId);
}

/** The stores of these ids (the member's orders and refunds name their stores), by id. */
export async function storesById(db: Database, ids: string[]): Promise<Map<string, Store>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const _ = db.command;
  const found = await documents<Store>(db.collection(COLLECTIONS.stores).where({ _id: _.in(wanted) }).limit(PAGE_MAX));
  return new Map(found.map((s) => [s._id, s]));
}
