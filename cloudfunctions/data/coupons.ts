import type { Coupon, CouponStock, CouponTemplate } from '../domain/coupons/template';
import type { Member } from '../domain/member';
import type { Database } from '../platform/cloud';
import { holderOf } from '../platform/holder';
import { COLLECTIONS } from './collections';
import { addOnce, isDuplicateKey } from './errors';
import { allByIdCursor, documents, dueFilter, findById, PAGE_MAX, updatedCount } from './read';
import { retryingRaces, transaction, txGet, type Transaction } from './transaction';

// — templates —

export const findTemplate = (db: Database, id: string) => findById<CouponTemplate>(db, COLLECTIONS.couponTemplates, id);

/** The active templates of a channel (the claim centre's, the rewards), in the brand's order. */
export async function activeTemplates(db: Database, channel: CouponTemplate['channel']): Promise<CouponTemplate[]> {
  return documents<CouponTemplate>(db.collection(COLLECTIONS.couponTemplates).where({ channel, active: true }).orderBy('sort', 'asc').limit(100));
}

/** Templates by id (a few at once). */
export async function templatesById(db: Database, ids: string[]): Promise<Map<string, CouponTemplate>> {
  if (ids.length === 0) return new Map();
  const _ = db.command;
  const found = await documents<CouponTemplate>(db.collection(COLLECTIONS.couponTemplates).where({ _id: _.in(ids) }).limit(100));
  return new Map(found.map((t) => [t._id, t]));
}

// — stock —

/**
 * What is left in these stock buckets, by bucket id (a bucket without a document is not in the
 * map). `_id` lists only, read a page at a time: holders are not needed to show what is left.
 */
export async function bucketsLeft(db: Database, ids: string[]): Promise<Map<string, number>> {
  const _ = db.command;
  const pages: string[][] = [];
  for (let i = 0; i < ids.length; i += PAGE_MAX) pages.push(ids.slice(i, i + PAGE_MAX));
  const found = await Promise.all(
    pages.map((page) => documents<Pick<CouponStock, '_id' | 'remaining'>>(db.collection(COLLECTIONS.couponStock).where({ _id: _.in(page) }).field({ remaining: true }).limit(PAGE_MAX))),
  );
  return new Map(found.flat().map((b) => [b._id, b.remaining]));
}

/**
 * How a coupon is listed among a stock's holders: a keyed digest of its id, never the id, which
 * carries the memberId — the stock outlives a member who leaves and must not name them.
 */
export const stockHolder = (couponId: string) => holderOf(`stock:${couponId}`);

/** One bucket, or any of several (a coupon's unit is in exactly one of its template's buckets). */
const bucketFilter = (db: Database, ids: string[]) => (ids.length === 1 ? ids[0]! : db.command.in(ids));

/**
 * Takes one unit of a stock bucket for a coupon: a single conditional update decides the race for
 * the bucket's last unit (remaining > 0), and the coupon joins the holders in the same write,
 * so a resumed claim never takes a second unit of it. False: none left, or this coupon holds one already.
 */
export async function takeStock(db: Database, bucketId: string, couponId: string): Promise<boolean> {
  const _ = db.command;
  const holder = stockHolder(couponId);
  const res = await db
    .collection(COLLECTIONS.couponStock)
    .where({ _id: bucketId, remaining: _.gt(0), holders: _.neq(holder) })
    .update({ data: { remaining: _.inc(-1), holders: _.push(holder) } });
  return updatedCount(res) === 1;
}

/** Gives a coupon's unit back to the bucket that holds it (its claim was taken back): only if one does, so it is given back once. */
export async function giveBackStock(db: Database, bucketIds: string[], couponId: string): Promise<void> {
  const _ = db.command;
  const holder = stockHolder(couponId);
  await db
    .collection(COLLECTIONS.couponStock)
    .where({ _id: bucketFilter(db, bucketIds), holders: holder })
    .update({ data: { remaining: _.inc(1), holders: _.pull(holder) } });
}

/** Whether this coupon holds a unit of any of these buckets (a resumed claim, or after takeStock answered false). */
export async function holdsStock(db: Database, bucketIds: string[], couponId: string): Promise<boolean> {
  const found = await documents<{ _id: string }>(
    db.collection(COLLECTIONS.couponStock).where({ _id: bucketFilter(db, bucketIds), holders: stockHolder(couponId) }).field({ _id: true }).limit(1),
  );
  return found.length === 1;
}

// — coupons —

export const findCoupon = (db: Database, id: string) => findById<Coupon>(db, COLLECTIONS.coupons, id);

/** Adds a coupon; its id names the occasion, so a second issue for one occasion is 'duplicate'. */
export async function insertCoupon(db: Database, coupon: Coupon): Promise<'created' | 'duplicate'> {
  return addOnce(db, COLLECTIONS.coupons, coupon);
}

/** Moves a coupon from one state to another only if it is still in the first (compare-and-set). */
export async function moveCoupon(db: Database, id: string, from: Coupon['status'], changes: Partial<Coupon>, also: Partial<Pick<Coupon, 'endedBy' | 'usedAt'>> = {}): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.coupons).where({ ...also, _id: id, status: from }).update({ data: changes });
  return updatedCount(res) === 1;
}

/**
 * Checks a pass off at the counter, only while it is still the member's, unused and valid
 * (compare-and-set: two clerks tapping at once check it off once).
 */
export async function checkOffPass(db: Database, id: string, memberId: string, storeId: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.coupons)
    .where({ _id: id, memberId, status: 'available', 'discount.kind': 'pass', validUntil: _.gt(now) })
    .update({ data: { status: 'used', usedAt: now, checkedAtStore: storeId } });
  return updatedCount(res) === 1;
}

/** Removes a claim that found no stock (its per-member slot is free again). */
export async function dropIssuing(db: Database, id: string): Promise<void> {
  await db.collection(COLLECTIONS.coupons).where({ _id: id, status: 'issuing' }).remove();
}

/** Takes one coupon back (its member began leaving while it was issued). */
export async function removeCoupon(db: Database, id: string): Promise<void> {
  await db.collection(COLLECTIONS.coupons).doc(id).remove();
}

/** A member's coupons, newest first (a wallet holds far fewer than the page). */
export async function couponsOfMember(db: Database, memberId: string, limit = 1000): Promise<Coupon[]> {
  return documents<Coupon>(db.collection(COLLECTIONS.coupons).where({ memberId }).orderBy('issuedAt', 'desc').limit(limit));
}

/** A member's coupons still marked available (the card's wallet in brief: one query on the member index, used and ended ones left out). */
export async function availableCouponsOf(db: Database, memberId: string, limit = 1000): Promise<Coupon[]> {
  return documents<Coupon>(db.collection(COLLECTIONS.coupons).where({ memberId, status: 'available' }).limit(limit));
}

/** A batch of coupons in a state whose validity ends in (from, until], after the cursor, in id order. */
export async function couponsEnding(db: Database, status: Coupon['status'], range: { from?: Date; until: Date }, after: string | null, limit: number): Promise<Coupon[]> {
  return documents<Coupon>(db.collection(COLLECTIONS.coupons).where(dueFilter(db, 'validUntil', range, after, { status })).orderBy('_id', 'asc').limit(limit));
}

/** Marks these coupons expired if they are still unused and their time has come. Returns how many. */
export async function markExpired(db: Database, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const _ = db.command;
  const res = await db.collection(COLLECTIONS.coupons).where({ _id: _.in(ids), status: 'available', validUntil: _.lte(now) }).update({ data: { status: 'expired' } });
  return updatedCount(res);
}

/** Every coupon the member holds or held, in `_id` order, paged (their export: a wallet page may stop at 1,000). */
export const allCouponsOf = (db: Database, memberId: string) => allByIdCursor<Coupon>(db, COLLECTIONS.coupons, { memberId });

/** Leaving the programme: the member's coupons go with them. */
export async function deleteCouponsOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.coupons).where({ memberId }).remove();
}

// — inside a till order's transaction (doc(id) and add only) —

export const txCoupon = (t: Transaction, id: string) => txGet<Coupon>(t, COLLECTIONS.coupons, id);
export const txTemplate = (t: Transaction, id: string) => txGet<CouponTemplate>(t, COLLECTIONS.couponTemplates, id);

export async function txAddCoupon(t: Transaction, coupon: Coupon): Promise<void> {
  await t.collection(COLLECTIONS.coupons).add({ data: coupon });
}

export async function txUseCoupon(t: Transaction, id: string, orderKey: string, now: Date): Promise<void> {
  await t.collection(COLLECTIONS.coupons).doc(id).update({ data: { status: 'used', usedAt: now, usedOrder: orderKey } });
}

/** Takes back an unused coupon an undone order brought (the second-item coupon of a first order refunded whole). */
export async function txRemoveCoupon(t: Transaction, id: string): Promise<void> {
  await t.collection(COLLECTIONS.coupons).doc(id).remove();
}

/** An unused coupon ends before its time, with the reason its ticket shows. */
export async function txEndCoupon(t: Transaction, id: string, endedBy: NonNullable<Coupon['endedBy']>): Promise<void> {
  await t.collection(COLLECTIONS.coupons).doc(id).update({ data: { status: 'expired', endedBy } });
}

/** A member's unused tier gifts (a refund that takes the tier reads them again in its transaction). */
export async function unusedTierGiftsOf(db: Database, memberId: string): Promise<Coupon[]> {
  const _ = db.command;
  return documents<Coupon>(
    db.collection(COLLECTIONS.coupons).where({ memberId, grantedByTier: _.in(['grower', 'loyal']), status: _.in(['available', 'issuing']) }).limit(1000),
  );
}

/** A refunded order gives its coupon back to the wallet. */
export async function txReturnCoupon(t: Transaction, id: string): Promise<void> {
  await t.collection(COLLECTIONS.coupons).doc(id).update({ data: { status: 'available', usedAt: null, usedOrder: null } });
}

/**
 * Issues a win-back coupon and marks the member (lastWinBackAt, no longer due) in one commit, only
 * while the member is as the job read them: a till order in between moves winBackDueAt (and the
 * order's own transaction conflicts with this one), and then neither is written ('moved'). So a
 * coupon is never issued without the mark that keeps the next one 90 days off, a crash leaves
 * both or neither, and parallel runners issue one.
 */
export async function issueWinBack(db: Database, m: Pick<Member, '_id' | 'winBackDueAt'>, coupon: Coupon, now: Date): Promise<'issued' | 'held' | 'moved'> {
  const due = m.winBackDueAt?.getTime() ?? null;
  return retryingRaces(() =>
    transaction(db, async (t): Promise<'issued' | 'held' | 'moved'> => {
      const fresh = await txGet<Member>(t, COLLECTIONS.members, m._id);
      if (!fresh || fresh.leavingSince || (fresh.winBackDueAt?.getTime() ?? null) !== due) return 'moved';
      const held = await txCoupon(t, coupon._id);
      if (!held) await txAddCoupon(t, coupon);
      await t.collection(COLLECTIONS.members).doc(m._id).update({ data: { lastWinBackAt: now, winBackDueAt: null, updatedAt: now } });
      return held ? 'held' : 'issued';
    }),
  );
}

/**
 * Moves a member's win-back date later (their own purchase cycle says not yet), only while it is
 * still the date the job read: a till order in between wrote a newer one, which stands.
 */
export async function moveWinBackDue(db: Database, m: Pick<Member, '_id' | 'winBackDueAt'>, to: Date, now: Date): Promise<boolean> {
  if (!m.winBackDueAt) return false;
  const res = await db.collection(COLLECTIONS.members).where({ _id: m._id, winBackDueAt: m.winBackDueAt, leavingSince: null }).update({ data: { winBackDueAt: to, updatedAt: now } });
  return updatedCount(res) === 1;
}
