import type { Coupon } from '../domain/coupons/template';
import type { StaffWithCode } from '../domain/staff/joinCode';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { findById, findOne, updatedCount } from './read';

// — clerks' join codes (staff.joinCode, absent until drawn; each code held by its staffJoinCodes document) —

/** The staff member holding a join code, or null. */
export async function findStaffByJoinCode(db: Database, code: string): Promise<StaffWithCode | null> {
  return findOne<StaffWithCode>(db, COLLECTIONS.staff, { joinCode: code });
}

/**
 * Gives a staff member a drawn join code, only if they have none yet: 'given', 'taken' (another
 * staff member holds that code: draw again) or 'has' (a parallel first call gave them one: read it).
 * The code is first taken by adding its own document (`_id` = the code): CloudBase cannot build a
 * sparse unique index, and a plain unique index on staff.joinCode would refuse every second staff
 * member who has no code yet.
 */
export async function giveJoinCode(db: Database, staffId: string, code: string): Promise<'given' | 'taken' | 'has'> {
  if ((await addOnce(db, COLLECTIONS.staffJoinCodes, { _id: code, staffId })) === 'duplicate') {
    const holder = await findById<{ staffId: string }>(db, COLLECTIONS.staffJoinCodes, code);
    // our own from an attempt that stopped before the staff document was written: carry on with it
    if (holder?.staffId !== staffId) return 'taken';
  }
  const _ = db.command;
  const res = await db.collection(COLLECTIONS.staff).where({ _id: staffId, joinCode: _.exists(false) }).update({ data: { joinCode: code } });
  if (updatedCount(res) === 1) return 'given';
  // a parallel first call gave another code: free this one
  await db.collection(COLLECTIONS.staffJoinCodes).doc(code).remove();
  return 'has';
}

// — the counter coupon check —

/**
 * Uses a member's coupon at the counter: one conditional update on the very fields the till's order
 * transaction reads and writes (status, usedAt, usedOrder). It changes the coupon only while it is
 * the member's, available and valid; a till order that read it before commits second and fails on
 * the conflict (its retry then reads it used), and a till order that committed first leaves nothing
 * for this update. True when this call used it.
 */
export async function useCouponAtCounter(db: Database, c: { couponId: string; memberId: string; storeId: string; orderKey: string; now: Date }): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.coupons)
    .where({ _id: c.couponId, memberId: c.memberId, status: 'available', validFrom: _.lte(c.now), validUntil: _.gt(c.now), endedBy: _.neq('tierRefund') })
    .update({ data: { status: 'used', usedAt: c.now, usedOrder: c.orderKey, checkedAtStore: c.storeId } satisfies Partial<Coupon> });
  return updatedCount(res) === 1;
}
