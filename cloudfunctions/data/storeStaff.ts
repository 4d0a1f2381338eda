import type { Staff } from '../domain/staff/staff';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { documents } from './read';

/** A store's staff, active or not (a clerk who left still has last month's figures), through the storeId index. */
export async function staffOfStore(db: Database, storeId: string): Promise<Staff[]> {
  return documents<Staff>(db.collection(COLLECTIONS.staff).where({ storeId }).limit(200));
}
