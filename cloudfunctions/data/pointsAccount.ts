import type { Member } from '../domain/member';
import { memberChanges, planExpiry, type PointsPlan } from '../domain/points/plans';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { appendEntries, type EntrySource, ledgerEntry } from './ledger';
import { transaction, txGet, type Transaction } from './transaction';

/**
 * Writes a plan inside the caller's transaction: the ledger entries and the member's cached
 * account in one commit. The member document is written on every plan, so two plans for one
 * member never both commit on the same reading (the loser's transaction conflicts and retries).
 * `alsoOnMember`: other member fields the same step changes (a till order's purchase dates).
 */
export async function writePlan(t: Transaction, db: Database, member: Member, plan: PointsPlan, source: EntrySource, now: Date, alsoOnMember: Partial<Member> = {}): Promise<void> {
  // the lots a plan expires first are the expiry's, whatever caused the plan
  await appendEntries(t, plan.entries.map((e) => ledgerEntry(member._id, e, e.kind === 'expire' ? { kind: 'expiry' } : source)));
  await t.collection(COLLECTIONS.members).doc(member._id).update({ data: setWhole(db, { ...memberChanges(plan, now), ...alsoOnMember }) });
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

/** The expiry job's work on one member: expires the lots whose time has come, in one transaction; false when none had. */
export async function expireLotsOf(db: Database, memberId: string, now: Date): Promise<boolean> {
  return transaction(db, async (t) => {
    const member = await txMember(t, memberId);
    const plan = member ? planExpiry(member, now) : null;
    if (!member || !plan) return false;
    await writePlan(t, db, member, plan, { kind: 'expiry' }, now);
    return true;
  });
}
