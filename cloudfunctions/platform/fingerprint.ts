import { createHash } from 'node:crypto';

/** The request's identity for idempotency: a hash of its canonical form (cloudfunctions/domain/till/canonical.ts). */
export function fingerprint(canonical: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
