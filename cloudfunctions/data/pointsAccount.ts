import type { Member } from '../domain/member';
import { memberChanges, type PointsPlan } from '../domain/points/plans';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { appendEntries, type EntrySource, ledgerEntry } from './ledger';
import { transaction, txGet, type Transaction } from './transaction';

/**
 * Writes a plan inside the caller's transaction: the ledger entries and the member's cached
 * account in one commit. The member document is written on every plan, so two plans for one
 * member never both commit on the same reading (the loser's transaction conflicts and retries).
 */
export async function writePlan(t: Transaction, db: Database, member: Member, plan: PointsPlan, sourceOf: (kind: string) => EntrySource, now: Date): Promise<void> {
  await appendEntries(t, plan.entries.map((e) => ledgerEntry(member._id, e, e.kind === 'expire' ? { kind: 'expiry' } : sourceOf(e.kind))));
  await t.collection(COLLECTIONS.members).doc(member._id).update({ data: setWhole(db, memberChanges(plan, now)) });
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

/**
 * Applies a plan computed from the member as the transaction reads them (null plan: nothing to do).
 * Outcome of the plan function is returned; used by jobs and the redeem path.
 */
export async function applyToMember<R>(
  db: Database,
  memberId: string,
  now: Date,
  decide: (m: Member) => { plan: PointsPlan | null; result: R; source?: (kind: string) => EntrySource },
): Promise<{ member: Member | null; result: R | null }> {
  return transaction(db, async (t) => {
    const member = await txMember(t, memberId);
    if (!member) return { member: null, result: null };
    const { plan, result, source } = decide(member);
    if (plan) await writePlan(t, db, member, plan, source ?? (() => ({ kind: 'expiry' })), now);
    return { member, result };
  });
}
