import type { Database } from '../platform/cloud';

/**
 * CloudBase reports a unique-index violation as errCode -502001 with MongoDB's E11000 text.
 * Races are decided by these errors, never by reading first. Callers do not rely on how the
 * platform names the index in the text: after a duplicate they read to learn what happened.
 */
export function isDuplicateKey(err: unknown): boolean {
  const text = err && typeof err === 'object' ? String((err as { errMsg?: unknown }).errMsg ?? (err as Error).message ?? '') : '';
  return /E11000|duplicate key/i.test(text);
}

/**
 * Adds a document whose id (or a unique index) names its occasion: 'duplicate' when it was
 * there already (a retry, a parallel request), which is the answer the race needed, not a failure.
 */
export async function addOnce(db: Database, collection: string, doc: object): Promise<'created' | 'duplicate'> {
  try {
    await db.collection(collection).add({ data: doc });
    return 'created';
  } catch (err) {
    if (isDuplicateKey(err)) return 'duplicate';
    throw err;
  }
}
