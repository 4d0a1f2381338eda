import type { StaffLook } from '../domain/staff/audit';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';

/** Appends one look (a retry with the same id writes nothing new). */
export async function recordLook(db: Database, look: StaffLook): Promise<void> {
  await addOnce(db, COLLECTIONS.staffAudit, look);
}

/** Appends several looks at once (a list that shows several members is a look at each). */
export async function recordLooks(db: Database, looks: StaffLook[]): Promise<void> {
  await Promise.all(looks.map((look) => addOnce(db, COLLECTIONS.staffAudit, look)));
}
