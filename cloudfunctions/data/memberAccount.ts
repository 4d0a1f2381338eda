import type { Member } from '../domain/member';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { type Transaction, txGet } from './transaction';

/**
 * The one writer of the member document's account and tier standing: every plan (a till order or
 * refund, a spend, an expiry, a settled referral, the tier review) writes its member changes here,
 * inside its transaction, so two plans for one member never both commit on the same reading (the
 * loser's transaction conflicts and starts again from its reads).
 */
export async function txWriteMember(t: Transaction, db: Database, memberId: string, changes: Partial<Member>): Promise<void> {
  await t.collection(COLLECTIONS.members).doc(memberId).update({ data: setWhole(db, changes) });
}

/** Objects and arrays are replaced whole (the SDK would merge nested objects field by field). */
export function setWhole(db: Database, changes: Record<string, unknown>): Record<string, unknown> {
  const _ = db.command;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) out[k] = v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v;
  return out;
}

export async function txMember(t: Transaction, memberId: string): Promise<Member | null> {
  return txGet<Member>(t, COLLECTIONS.members, memberId);
}
