import type { MemberCode } from '../domain/memberCode';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './errors';
import { findById, findOne } from './read';
import { type Transaction, txGet } from './transaction';

/**
 * Stores the member's one current code (keyed by memberId): writing it replaces the previous code,
 * so fetching a new code retires the old one in the same single write. Returns false when the
 * random code collides with another member's live code (unique index), so the caller draws again.
 */
export async function saveMemberCode(db: Database, code: MemberCode): Promise<boolean> {
  const { _id, ...fields } = code;
  try {
    await db.collection(COLLECTIONS.memberCodes).doc(_id).set({ data: fields });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** The member's current till code record, whatever its state. */
export async function findCodeOfMember(db: Database, memberId: string): Promise<MemberCode | null> {
  return findById<MemberCode>(db, COLLECTIONS.memberCodes, memberId);
}

/** The record whose current code is `code` (what a clerk's lookup may use). */
export async function findMemberCode(db: Database, code: string): Promise<MemberCode | null> {
  return findOne<MemberCode>(db, COLLECTIONS.memberCodes, { code });
}

/** The record holding `code` as its current or its just-replaced code (what a till order may use). */
export async function findCodeForOrder(db: Database, code: string): Promise<MemberCode | null> {
  const _ = db.command;
  return findOne<MemberCode>(db, COLLECTIONS.memberCodes, _.or([{ code }, { 'previous.code': code }]));
}

export async function deleteMemberCode(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.memberCodes).doc(memberId).remove();
}

/** Removes till codes that expired before `before`; returns how many. */
export async function deleteCodesExpiredBefore(db: Database, before: Date): Promise<number> {
  const _ = db.command;
  const res = (await db.collection(COLLECTIONS.memberCodes).where({ expiresAt: _.lt(before) }).remove()) as { stats?: { removed?: number } };
  return res.stats?.removed ?? 0;
}

/** The member's till code record read inside a transaction (a till order reads it again there), or null. */
export async function txMemberCode(t: Transaction, memberId: string): Promise<MemberCode | null> {
  return txGet<MemberCode>(t, COLLECTIONS.memberCodes, memberId);
}

/** Marks the code the order used (the current one or the one just replaced) as used by it, inside the order's transaction. */
export async function txUseMemberCode(t: Transaction, memberId: string, slot: 'current' | 'previous', usedFor: string, now: Date): Promise<void> {
  const used = slot === 'current' ? { usedAt: now, usedFor } : { 'previous.usedAt': now, 'previous.usedFor': usedFor };
  await t.collection(COLLECTIONS.memberCodes).doc(memberId).update({ data: used });
}
