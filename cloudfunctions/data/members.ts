import type { Coupon } from '../domain/coupons/template';
import type { Referral } from '../domain/referrals/referral';
import type { ConsentEntry, EncryptedPhone, Member } from '../domain/member';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './errors';
import { documents, dueFilter, findById, findOne, updatedCount } from './read';
import { isTransactionConflict, transaction } from './transaction';

/**
 * Marketing choices kept in the member record, so the document cannot grow without bound. The
 * privacy consent is kept apart (consent.privacy), so it is never pushed out.
 */
export const CONSENT_HISTORY_LIMIT = 50;

/** The shopper's membership, if they belong to the programme (a member who is leaving no longer does). */
export async function findMemberByOpenid(db: Database, openid: string): Promise<Member | null> {
  return findOne<Member>(db, COLLECTIONS.members, { openid, leavingSince: null });
}

/** The shopper's member record whatever its state, a leaving one included (leaving and joining finish an erase). */
export async function findMemberRecordByOpenid(db: Database, openid: string): Promise<Member | null> {
  return findOne<Member>(db, COLLECTIONS.members, { openid });
}

export async function findMember(db: Database, memberId: string): Promise<Member | null> {
  return findById<Member>(db, COLLECTIONS.members, memberId);
}

/**
 * Adds a member (with the coupons joining brings). The unique index on openid decides parallel joins of one shopper: exactly one
 * insert wins, the others learn 'duplicate' (as does a random memberId that collided; the caller
 * tells the two apart by reading, not by the platform's wording of the error).
 */
export async function insertMember(db: Database, member: Member, welcome: Coupon[] = [], referral: Referral | null = null): Promise<'created' | 'duplicate'> {
  try {
    if (welcome.length === 0 && !referral) await db.collection(COLLECTIONS.members).add({ data: member });
    // the member, their welcome coupons and their referral in one commit: a crash never leaves a member without them
    else
      await transaction(db, async (t) => {
        await t.collection(COLLECTIONS.members).add({ data: member });
        for (const c of welcome) await t.collection(COLLECTIONS.coupons).add({ data: c });
        if (referral) await t.collection(COLLECTIONS.referrals).add({ data: referral });
      });
    return 'created';
  } catch (err) {
    if (isDuplicateKey(err) || isTransactionConflict(err)) return 'duplicate';
    throw err;
  }
}

export interface ProfileChanges {
  nickname?: string | null;
  avatar?: string | null;
  birthday?: string;
}

/**
 * Writes profile changes as one compare-and-set on the birthday stamp the caller judged: if
 * someone changed the birthday meanwhile, nothing is written and false comes back (judge again).
 */
export async function updateProfile(db: Database, member: Member, changes: ProfileChanges, now: Date): Promise<boolean> {
  const data: Record<string, unknown> = { updatedAt: now };
  if (changes.nickname !== undefined) data.nickname = changes.nickname;
  if (changes.avatar !== undefined) data.avatar = changes.avatar;
  if (changes.birthday !== undefined && changes.birthday !== member.birthday) {
    data.birthday = changes.birthday;
    data.birthdaySetAt = now;
  }
  const res = await db
    .collection(COLLECTIONS.members)
    .where({ _id: member._id, birthdaySetAt: member.birthdaySetAt })
    .update({ data });
  return updatedCount(res) === 1;
}

/** Sets the marketing opt-in only if it differs, logging the change; false when it already had that value. */
export async function setMarketingOptIn(db: Database, memberId: string, optIn: boolean, now: Date): Promise<boolean> {
  const _ = db.command;
  const entry: ConsentEntry = { kind: 'marketing', granted: optIn, at: now };
  const res = await db
    .collection(COLLECTIONS.members)
    .where({ _id: memberId, 'consent.marketing.optIn': !optIn })
    .update({
      data: {
        consent: { marketing: { optIn, changedAt: now } },
        consentHistory: _.push({ each: [entry], slice: -CONSENT_HISTORY_LIMIT }),
        updatedAt: now,
      },
    });
  return updatedCount(res) === 1;
}

export async function setPhone(db: Database, memberId: string, phone: EncryptedPhone, phoneMasked: string, phoneDigest: string, now: Date): Promise<void> {
  await db.collection(COLLECTIONS.members).doc(memberId).update({ data: { phone, phoneMasked, phoneDigest, updatedAt: now } });
}

/**
 * Marks the member as leaving (the first mark stays). Any till order, refund or spend whose
 * transaction read the member before this write conflicts with it and starts again from its
 * reads, where it finds the member leaving.
 */
export async function markLeaving(db: Database, memberId: string, now: Date): Promise<void> {
  await db.collection(COLLECTIONS.members).where({ _id: memberId, leavingSince: null }).update({ data: { leavingSince: now, updatedAt: now } });
}

/**
 * Whether the member still belongs to the programme (exists, not leaving). A write made outside
 * the member's transaction (a claim, a credit, a code, a job's grant) asks this after writing:
 * if the member began leaving meanwhile, the writer takes its write back itself; otherwise the
 * erase, which starts after the mark, finds and removes it.
 */
export async function isStillMember(db: Database, memberId: string): Promise<boolean> {
  const m = await findMember(db, memberId);
  return !!m && !m.leavingSince;
}

/**
 * After a write made outside the member's transaction: true while the member still belongs;
 * otherwise the write is taken back here (their erase may have run already) and false comes back.
 */
export async function keptForMember(db: Database, memberId: string, takeBack: () => Promise<void>): Promise<boolean> {
  if (await isStillMember(db, memberId)) return true;
  await takeBack();
  return false;
}

/** Erases the member record (and with it their personal data): the last step of leaving. */
export async function deleteMember(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.members).doc(memberId).remove();
}

/** A batch of members whose erase began before `before` and is unfinished (a crash stopped it), after the cursor. */
export async function membersLeavingBefore(db: Database, before: Date, after: string | null, limit: number): Promise<Member[]> {
  return documents<Member>(db.collection(COLLECTIONS.members).where(dueFilter(db, 'leavingSince', { until: before }, after)).orderBy('_id', 'asc').limit(limit));
}

/**
 * A batch of members for a daily job: those whose `field` (an indexed instant) lies in
 * [from, until], after the cursor, in id order. The job's work grows with the members due, not
 * with all members.
 */
export async function membersDue(
  db: Database,
  field: 'lotsExpireNext' | 'tierKeptUntil' | 'winBackDueAt',
  range: { from?: Date; until: Date },
  after: string | null,
  limit: number,
): Promise<Member[]> {
  return documents<Member>(db.collection(COLLECTIONS.members).where(dueFilter(db, field, range, after)).orderBy('_id', 'asc').limit(limit));
}

/**
 * A batch of members whose birthday ("MM-DD") is one of these, after the cursor, in id order:
 * read through the month-day index, so the birthday job's work grows with the birthdays of the day.
 */
export async function membersWithBirthday(db: Database, birthdays: string[], after: string | null, limit: number): Promise<Member[]> {
  const _ = db.command;
  const branch = (birthday: string) => (after === null ? { birthday } : { birthday, _id: _.gt(after) });
  const filter = birthdays.length === 1 ? branch(birthdays[0]!) : _.or(birthdays.map(branch));
  return documents<Member>(db.collection(COLLECTIONS.members).where(filter).orderBy('_id', 'asc').limit(limit));
}

/** Members by id (a job's batch of coupon holders). */
export async function membersByIds(db: Database, ids: string[]): Promise<Member[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return documents<Member>(db.collection(COLLECTIONS.members).where({ _id: _.in(ids) }).limit(1000));
}
