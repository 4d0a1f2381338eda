import type { Staff } from '../domain/staff/staff';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { findById } from './read';

export async function findStaff(db: Database, openid: string): Promise<Staff | null> {
  return findById<Staff>(db, COLLECTIONS.staff, openid);
}
