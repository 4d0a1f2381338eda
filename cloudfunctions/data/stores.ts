import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { findById } from './read';

export interface Store {
  _id: string;
  name: string;
  city: string;
  address: string;
  /** HMAC secret the store's till signs POS requests with; never leaves the functions */
  posSecret: string;
  active: boolean;
}

export async function findStore(db: Database, storeId: string): Promise<Store | null> {
  return findById<Store>(db, COLLECTIONS.stores, storeId);
}
