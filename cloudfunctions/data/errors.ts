/**
 * CloudBase reports a unique-index violation as errCode -502001 with Mongo's E11000 text
 * naming the index. Races are decided by these errors, never by reading first.
 */
export function isDuplicateKey(err: unknown, index?: string): boolean {
  const text = err && typeof err === 'object' ? String((err as { errMsg?: unknown }).errMsg ?? (err as Error).message ?? '') : '';
  if (!/E11000|duplicate key/i.test(text)) return false;
  return index === undefined || text.includes(`index: ${index}`);
}
