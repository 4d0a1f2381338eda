import { type FormerUse, NO_FORMER_USE } from '../domain/coupons/former';
import type { Database } from '../platform/cloud';
import { holderOf } from '../platform/holder';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './errors';
import { documents, findById, updatedCount } from './read';
import { txGet, type Transaction } from './transaction';

/**
 * Former use is keyed by the holder digest of the shopper's openid (platform/holder.ts): callers
 * name the shopper by openid, only this module knows the key.
 */

/** What this shopper used in earlier memberships, or nothing. */
export async function findFormerUse(db: Database, openid: string): Promise<Omit<FormerUse, '_id' | 'updatedAt'>> {
  return (await findById<FormerUse>(db, COLLECTIONS.formerUse, holderOf(openid))) ?? NO_FORMER_USE;
}

/** The former use of several shoppers at once (a job's batch), by openid; most have none. */
export async function formerUseOfShoppers(db: Database, openids: string[]): Promise<Map<string, FormerUse>> {
  if (openids.length === 0) return new Map();
  const _ = db.command;
  const holders = new Map(openids.map((o) => [holderOf(o), o]));
  const found = await documents<FormerUse>(db.collection(COLLECTIONS.formerUse).where({ _id: _.in([...holders.keys()]) }).limit(1000));
  return new Map(found.map((f) => [holders.get(f._id)!, f]));
}

export async function txFormerUse(t: Transaction, openid: string): Promise<Omit<FormerUse, '_id' | 'updatedAt'>> {
  return (await txGet<FormerUse>(t, COLLECTIONS.formerUse, holderOf(openid))) ?? NO_FORMER_USE;
}

/**
 * Adds a leaving member's use to their holder's record, by atomic set-unions and increments (a
 * shopper who leaves twice adds up); made when missing. Written before the member's coupons go,
 * once per membership: the record keeps a digest of each membership it holds (never the
 * memberId), so an erase resumed after a crash does not count the same claims twice.
 */
export async function recordFormerUse(db: Database, openid: string, memberId: string, use: Omit<FormerUse, '_id' | 'updatedAt'>, now: Date): Promise<void> {
  const _ = db.command;
  const holder = holderOf(openid);
  const membership = holderOf(`membership:${memberId}`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const data: Record<string, unknown> = { once: _.addToSet({ each: use.once }), birthdayYears: _.addToSet({ each: use.birthdayYears }), memberships: _.push(membership), updatedAt: now };
    for (const [templateId, n] of Object.entries(use.claims)) data[`claims.${templateId}`] = _.inc(n);
    const res = await db.collection(COLLECTIONS.formerUse).where({ _id: holder, memberships: _.neq(membership) }).update({ data });
    if (updatedCount(res) === 1) return;
    try {
      await db.collection(COLLECTIONS.formerUse).add({ data: { _id: holder, ...use, memberships: [membership], updatedAt: now } satisfies FormerUse });
      return;
    } catch (err) {
      // a parallel leave made it first, or this membership is recorded already (an erase resumed)
      if (!isDuplicateKey(err)) throw err;
      if ((await findById<FormerUse>(db, COLLECTIONS.formerUse, holder))?.memberships?.includes(membership)) return;
    }
  }
  throw new Error('could not record the former use of a leaving member');
}
