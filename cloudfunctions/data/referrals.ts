import type { ReferralProgramme } from '../domain/referrals/programme';
import type { Referral } from '../domain/referrals/referral';
import type { Database } from '../platform/cloud';
import { holderOf } from '../platform/holder';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './errors';
import { documents, dueFilter, findById, updatedCount } from './read';
import { type Transaction, txGet } from './transaction';

/**
 * A referral's id: a keyed digest of the invitee's memberId, so there is one referral per invitee
 * by construction (a parallel join cannot make two), and the id names nobody once they leave.
 */
export const referralIdOf = (inviteeId: string) => holderOf(`referral:${inviteeId}`);

// — invite codes —

/** The member an invite code names, or null. */
export async function findInviteCode(db: Database, code: string): Promise<{ _id: string; memberId: string } | null> {
  return findById(db, COLLECTIONS.inviteCodes, code);
}

/** Claims a drawn code for a member; false when another member holds it (draw again). */
export async function insertInviteCode(db: Database, code: string, memberId: string, now: Date): Promise<boolean> {
  try {
    await db.collection(COLLECTIONS.inviteCodes).add({ data: { _id: code, memberId, createdAt: now } });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Gives the member their code, only if they have none yet (parallel first calls keep one). */
export async function setMemberInviteCode(db: Database, memberId: string, code: string): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.members).where({ _id: memberId, inviteCode: null, leavingSince: null }).update({ data: { inviteCode: code } });
  return updatedCount(res) === 1;
}

export async function deleteInviteCode(db: Database, code: string): Promise<void> {
  await db.collection(COLLECTIONS.inviteCodes).doc(code).remove();
}

// — the programme and its budget —

export const findProgramme = (db: Database, id: string) => findById<ReferralProgramme>(db, COLLECTIONS.referralProgrammes, id);
export const txProgramme = (t: Transaction, id: string) => txGet<ReferralProgramme>(t, COLLECTIONS.referralProgrammes, id);

const budgetId = (programmeId: string, monthKey: string) => `${programmeId}:${monthKey}`;

export async function txBudgetSpent(t: Transaction, programmeId: string, monthKey: string): Promise<number> {
  return (await txGet<{ spentFen: number }>(t, COLLECTIONS.referralBudgets, budgetId(programmeId, monthKey)))?.spentFen ?? 0;
}

/** Sets the month's spending inside the settlement's transaction (a doc(id).set: made when missing). */
export async function txSetBudgetSpent(t: Transaction, programmeId: string, monthKey: string, spentFen: number): Promise<void> {
  await t.collection(COLLECTIONS.referralBudgets).doc(budgetId(programmeId, monthKey)).set({ data: { programmeId, monthKey, spentFen } });
}

// — referrals —

export const findReferral = (db: Database, id: string) => findById<Referral>(db, COLLECTIONS.referrals, id);

/** Ends a referral only while it is still open (joined or qualified): a settlement that won keeps it. */
export async function endReferralIfOpen(db: Database, id: string, changes: Partial<Referral>): Promise<void> {
  const _ = db.command;
  await db.collection(COLLECTIONS.referrals).where({ _id: id, status: _.in(['joined', 'qualified']) }).update({ data: changes });
}

export const txReferral = (t: Transaction, id: string) => txGet<Referral>(t, COLLECTIONS.referrals, id);

export async function txAddReferral(t: Transaction, r: Referral): Promise<void> {
  await t.collection(COLLECTIONS.referrals).add({ data: r });
}

export async function txUpdateReferral(t: Transaction, id: string, changes: Partial<Referral>): Promise<void> {
  await t.collection(COLLECTIONS.referrals).doc(id).update({ data: changes });
}

/** The inviter's referrals, newest first, `limit` of them older than `before` (a listKey). */
export async function referralsOfInviter(db: Database, inviterId: string, before: string | undefined, limit: number): Promise<Referral[]> {
  const _ = db.command;
  const filter = before === undefined ? { inviterId } : { inviterId, listKey: _.lt(before) };
  return documents<Referral>(db.collection(COLLECTIONS.referrals).where(filter).orderBy('listKey', 'desc').limit(limit));
}

/** What the inviter's counts need of all their referrals (status and reason only), paged on the list key. */
export async function referralStatusesOf(db: Database, inviterId: string): Promise<Array<Pick<Referral, 'status' | 'voidReason'>>> {
  const _ = db.command;
  const out: Array<Pick<Referral, 'status' | 'voidReason' | 'listKey'>> = [];
  for (;;) {
    const before = out.length ? out[out.length - 1]!.listKey : undefined;
    const filter = before === undefined ? { inviterId } : { inviterId, listKey: _.lt(before) };
    const page = await documents<Pick<Referral, 'status' | 'voidReason' | 'listKey'>>(
      db.collection(COLLECTIONS.referrals).where(filter).orderBy('listKey', 'desc').field({ status: true, voidReason: true, listKey: true }).limit(1000),
    );
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** A batch of referrals due by `until` (still open ones carry a dueAt), after the cursor, in id order. */
export async function referralsDue(db: Database, until: Date, after: string | null, limit: number): Promise<Referral[]> {
  return documents<Referral>(db.collection(COLLECTIONS.referrals).where(dueFilter(db, 'dueAt', { until }, after)).orderBy('_id', 'asc').limit(limit));
}

/**
 * Leaving the programme takes the member out of every referral: as inviter, those still open
 * are void (the friend's reward needs an inviter) and all forget them; as invitee, the same.
 * Nothing is deleted: the other side's list and counts keep the line, naming nobody.
 */
export async function forgetInReferrals(db: Database, memberId: string, code: string | null, now: Date): Promise<void> {
  const _ = db.command;
  const referrals = db.collection(COLLECTIONS.referrals);
  const open = _.in(['joined', 'qualified']);
  await referrals.where({ inviterId: memberId, status: open }).update({ data: { status: 'void', voidReason: 'inviterLeft', dueAt: null } });
  // the code was on their posters and links: it goes too, from the referrals and the friends' records
  await referrals.where({ inviterId: memberId }).update({ data: { inviterId: null, code: null, forgottenAt: now } });
  if (code) await db.collection(COLLECTIONS.members).where({ joinRef: code }).update({ data: { joinRef: null } });
  await referrals.where({ inviteeId: memberId, status: open }).update({ data: { status: 'void', voidReason: 'inviteeLeft', dueAt: null } });
  // nothing that leads from the store's anonymised order back to the friend: the order's key and amount go
  await referrals.where({ inviteeId: memberId }).update({ data: { inviteeId: null, inviteeNicknameMasked: '已退出的会员', orderKey: null, orderPaidFen: null, forgottenAt: now } });
}

/** Leaving: the member's invite codes go (a code of a member who left is unknown from then on). */
export async function deleteInviteCodesOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.inviteCodes).where({ memberId }).remove();
}
