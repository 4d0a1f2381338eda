import { failure, type Outcome, success } from '../../contract';
import { bucketsLeft, dropIssuing, findCoupon, holdsStock, insertCoupon, moveCoupon, takeStock } from '../../data/coupons';
import { audienceProblem, claimPeriodProblem } from '../../domain/coupons/audience';
import { claimsLeft, type FormerUse } from '../../domain/coupons/former';
import { couponFrom } from '../../domain/coupons/issue';
import { bucketIds, bucketsToTry } from '../../domain/coupons/stockBuckets';
import { type Coupon, couponIds, type CouponTemplate } from '../../domain/coupons/template';
import type { Member } from '../../domain/member';
import type { Database } from '../../platform/cloud';

/** Claims by one member of a template without a per-member limit: a ceiling, not an offer. */
const UNLIMITED_SLOTS = 99;
/**
 * A claim left `issuing` this long ago crashed midway: the next claim of that member finishes it.
 * It must stay longer than the coupon function's timeout (its config.json), so the claim that left
 * it is no longer running: with its stock in buckets, a claim still running could take a unit from
 * another bucket than the one its resumer finds.
 */
const STALE_ISSUING_MS = 30_000;

/** The member facts the rules judge: their tier and whether they have paid an order yet. */
export const holderFacts = (m: Member) => ({ tier: m.tier, firstOrderAt: m.firstOrderAt ?? null });

/**
 * A claim in the claim centre. Nothing is checked and then written: the member's limit is the
 * unique id of their k-th claim slot (k ≤ limit), and the stock is one conditional decrement,
 * so parallel claims can neither pass the limit nor take more than the stock. A claim takes its
 * slot first (`issuing`), then a unit of stock, then becomes `available`; a claim that crashed in
 * between is finished by the member's next claim (the stock remembers which coupons hold a unit).
 * A large stock is split into buckets (domain/coupons/stockBuckets): the unit comes from one of them.
 */
export async function claimCoupon(db: Database, m: Member, t: CouponTemplate | null, former: Pick<FormerUse, 'claims'>, now: Date): Promise<Outcome<Coupon>> {
  if (!t) return failure('NOT_FOUND', 'no such coupon template');
  if (t.channel !== 'claim') return failure('NOT_CLAIMABLE', '这张券不在领券中心');
  const problem = audienceProblem(t, holderFacts(m)) ?? claimPeriodProblem(t, now);
  if (problem) return failure('NOT_CLAIMABLE', problem);
  const limited = t.stock !== null;
  // claims of an earlier membership of this shopper count against the limit
  const slots = claimsLeft(t, former) ?? UNLIMITED_SLOTS;
  let coupon: Coupon | null = null;
  let resumed = false;
  for (let k = 1; k <= slots && !coupon; k += 1) {
    const fresh = couponFrom(t, couponIds.claim(t._id, m._id, k), m._id, now, limited ? 'issuing' : 'available');
    if ((await insertCoupon(db, fresh)) === 'created') {
      coupon = fresh;
      break;
    }
    const held = await findCoupon(db, fresh._id);
    // a slot whose claim crashed midway is this claim's to finish; a young one belongs to a claim still running
    if (held?.status === 'issuing' && now.getTime() - held.issuedAt.getTime() >= STALE_ISSUING_MS) {
      coupon = held;
      resumed = true;
    }
  }
  if (!coupon) return failure('LIMIT_REACHED', t.perMember === 1 ? '每人限领1张，你已领取' : `每人限领${t.perMember ?? UNLIMITED_SLOTS}张，你已领满`);
  if (!limited) return success(coupon);
  const buckets = bucketIds(t);
  // a resumed claim may have taken its unit before it crashed, from any bucket: it must not take a second from another
  const holds = () => holdsStock(db, buckets, coupon._id);
  if (!((resumed && (await holds())) || (await takeUnit(db, buckets, m._id, coupon._id)) || (await holds()))) {
    await dropIssuing(db, coupon._id);
    return failure('OUT_OF_STOCK', '来晚了，这张券已经被领完了');
  }
  await moveCoupon(db, coupon._id, 'issuing', { status: 'available' });
  return success({ ...coupon, status: 'available' });
}

/**
 * Takes a unit for the coupon from a bucket with units left. One bucket: one conditional update,
 * as before buckets. Several: one read of what each has left, then the buckets from the member's
 * own onwards, so parallel claims write to different documents; a bucket emptied meanwhile
 * refuses the update and the walk goes on.
 */
async function takeUnit(db: Database, buckets: string[], memberId: string, couponId: string): Promise<boolean> {
  if (buckets.length === 1) return takeStock(db, buckets[0]!, couponId);
  for (const bucket of bucketsToTry(buckets, memberId, await bucketsLeft(db, buckets))) {
    if (await takeStock(db, bucket, couponId)) return true;
  }
  return false;
}
