import type { Coupon } from '../domain/coupons/template';
import type { StaffWithCode } from '../domain/staff/joinCode';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './errors';
import { findOne, updatedCount } from './read';

// — clerks' join codes (staff.joinCode, unique and sparse: absent until drawn) —

/** The staff member holding a join code, or null. */
export async function findStaffByJoinCode(db: Database, code: string): Promise<StaffWithCode | null> {
  return findOne<StaffWithCode>(db, COLLECTIONS.staff, { joinCode: code });
}

/**
 * Gives a staff member a drawn join code, only if they have none yet: 'given', 'taken' (another
 * staff member holds that code: draw again) or 'has' (a parallel first call gave them one: read it).
 */
export async function giveJoinCode(db: Database, staffId: string, code: string): Promise<'given' | 'taken' | 'has'> {
  const _ = db.command;
  try {
    const res = await db.collection(COLLECTIONS.staff).where({ _id: staffId, joinCode: _.exists(false) }).update({ data: { joinCode: code } });
    return updatedCount(res) === 1 ? 'given' : 'has';
  } catch (err) {
    if (isDuplicateKey(err)) return 'taken';
    throw err;
  }
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
