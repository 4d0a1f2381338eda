import type { TierCode } from '../contract';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';

/**
 * The store dashboard's counts (issue 19, part 3), each one aggregation the database runs over the
 * store's documents: what comes back is a handful of sums, whatever the number of members. It
 * counts; it decides nothing (domain/ops/dashboard shapes the figures).
 */

type Range = { from: Date; until: Date };
type Agg = { list: Array<Record<string, unknown>> };

/** Shop days are Asia/Shanghai (UTC+8 all year): the aggregation's day of an instant. */
const SHOP_TZ = '+08:00';
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The store's members who joined in the range, per shop day and per the clerk whose code it was (null: the store's own code). */
export async function signupsPerDay(db: Database, storeId: string, range: Range): Promise<Array<{ day: string; staffId: string | null; members: number }>> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ 'homeStore.storeId': storeId, joinedAt: _.gte(range.from).and(_.lt(range.until)) })
    .group({ _id: { day: $.dateToString({ date: '$joinedAt', format: '%Y-%m-%d', timezone: SHOP_TZ }), staffId: $.ifNull(['$signedUpBy.staffId', null]) }, members: $.sum(1) })
    .limit(1000)
    .end()) as Agg;
  return res.list.map((g) => {
    const id = g._id as { day: string; staffId: string | null };
    return { day: id.day, staffId: id.staffId ?? null, members: num(g.members) };
  });
}

/** Of the store's members who have paid once, how many paid again later (their last order after their first). */
export async function repurchaseCounts(db: Database, storeId: string): Promise<{ buyers: number; repeat: number }> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ 'homeStore.storeId': storeId, firstOrderAt: _.gt(new Date(0)) })
    .group({ _id: null, buyers: $.sum(1), repeat: $.sum($.cond([$.gt(['$lastOrderAt', '$firstOrderAt']), 1, 0])) })
    .end()) as Agg;
  const g = res.list[0];
  return { buyers: num(g?.buyers), repeat: num(g?.repeat) };
}

/** The store's members per tier. */
export async function tierCounts(db: Database, storeId: string): Promise<Array<{ tier: TierCode; members: number }>> {
  const $ = db.command.aggregate;
  const res = (await db.collection(COLLECTIONS.members).aggregate().match({ 'homeStore.storeId': storeId }).group({ _id: '$tier', members: $.sum(1) }).end()) as Agg;
  return res.list.map((g) => ({ tier: g._id as TierCode, members: num(g.members) }));
}

/** Members of the store who rose to a tier within the range (from their tier history), per tier reached; a member counts once per tier. */
export async function upgradesIn(db: Database, storeId: string, range: Range): Promise<Array<{ tier: TierCode; members: number }>> {
  const _ = db.command;
  const $ = _.aggregate;
  const inRange = _.gte(range.from).and(_.lt(range.until));
  const res = (await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ 'homeStore.storeId': storeId, 'tierHistory.at': inRange })
    .unwind('$tierHistory')
    .match(
      _.or([
        { 'tierHistory.at': inRange, 'tierHistory.from': 'explorer', 'tierHistory.to': _.in(['grower', 'loyal']) },
        { 'tierHistory.at': inRange, 'tierHistory.from': 'grower', 'tierHistory.to': 'loyal' },
      ]),
    )
    .group({ _id: { member: '$_id', tier: '$tierHistory.to' } })
    .group({ _id: '$_id.tier', members: $.sum(1) })
    .end()) as Agg;
  return res.list.map((g) => ({ tier: g._id as TierCode, members: num(g.members) }));
}

/** The spendable points the store's members hold at `now` (open lots), and of them those that expire before `horizon`, with how many members hold those. */
export async function pointsHeld(db: Database, storeId: string, now: Date, horizon: Date): Promise<{ outstanding: number; expiring: number; expiringMembers: number }> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ 'homeStore.storeId': storeId, points: _.gt(0) })
    .unwind('$lots')
    .match({ 'lots.expiresAt': _.gt(now), 'lots.remaining': _.gt(0) })
    .group({ _id: '$_id', held: $.sum('$lots.remaining'), expiring: $.sum($.cond([$.lte(['$lots.expiresAt', horizon]), '$lots.remaining', 0])) })
    .group({ _id: null, outstanding: $.sum('$held'), expiring: $.sum('$expiring'), expiringMembers: $.sum($.cond([$.gt(['$expiring', 0]), 1, 0])) })
    .end()) as Agg;
  const g = res.list[0];
  return { outstanding: num(g?.outstanding), expiring: num(g?.expiring), expiringMembers: num(g?.expiringMembers) };
}

/** The store's till orders (and counter checks) in a coupon's `usedOrder` are `<storeId>:<order>`: this string range holds exactly them. */
function ofStore(db: Database, storeId: string) {
  const _ = db.command;
  return _.gt(`${storeId}:`).and(_.lt(`${storeId};`));
}

/** Coupons used at the store within the range: what both coupon figures count. */
function usedAtStoreWithin(db: Database, storeId: string, range: Range) {
  const _ = db.command;
  return { status: 'used', usedAt: _.gte(range.from).and(_.lt(range.until)), usedOrder: ofStore(db, storeId) };
}

/** Coupons used at the store within the range, per template (the name it was issued under). */
export async function couponUsesByTemplate(db: Database, storeId: string, range: Range): Promise<Array<{ templateId: string; name: string; used: number }>> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.coupons)
    .aggregate()
    .match(usedAtStoreWithin(db, storeId, range))
    .group({ _id: '$templateId', name: $.first('$name'), used: $.sum(1) })
    .limit(200)
    .end()) as Agg;
  return res.list.map((g) => ({ templateId: String(g._id), name: String(g.name ?? g._id), used: num(g.used) }));
}

/** Coupons used at the store per shop day within the range (the alert's "coupon use jumps" figure). */
export async function couponUsesPerDay(db: Database, storeId: string, range: Range): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.coupons)
    .aggregate()
    .match(usedAtStoreWithin(db, storeId, range))
    .group({ _id: $.dateToString({ date: '$usedAt', format: '%Y-%m-%d', timezone: SHOP_TZ }), used: $.sum(1) })
    .limit(1000)
    .end()) as Agg;
  return new Map(res.list.map((g) => [String(g._id), num(g.used)]));
}

/** What coupons took off the store's till orders paid within the range (fen). */
export async function discountGiven(db: Database, storeId: string, range: Range): Promise<number> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.orders)
    .aggregate()
    .match({ storeId, paidAt: _.gte(range.from).and(_.lt(range.until)), discountFen: _.gt(0) })
    .group({ _id: null, fen: $.sum('$discountFen') })
    .end()) as Agg;
  return num(res.list[0]?.fen);
}

/** The store's till orders per shop day within the range (a day without any is a day the store was shut). */
export async function ordersPerDay(db: Database, storeId: string, range: Range): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.orders)
    .aggregate()
    .match({ storeId, paidAt: _.gte(range.from).and(_.lt(range.until)) })
    .group({ _id: $.dateToString({ date: '$paidAt', format: '%Y-%m-%d', timezone: SHOP_TZ }), orders: $.sum(1) })
    .limit(1000)
    .end()) as Agg;
  return new Map(res.list.map((g) => [String(g._id), num(g.orders)]));
}

/** Members of the store who joined through an invite within the range, and of them those who have paid an order. */
export async function referralJoins(db: Database, storeId: string, range: Range): Promise<{ joined: number; converted: number }> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ 'homeStore.storeId': storeId, joinedAt: _.gte(range.from).and(_.lt(range.until)), referralId: _.gt('') })
    .group({ _id: null, joined: $.sum(1), converted: $.sum($.cond([$.eq([$.ifNull(['$firstOrderAt', null]), null]), 0, 1])) })
    .end()) as Agg;
  const g = res.list[0];
  return { joined: num(g?.joined), converted: num(g?.converted) };
}

/** NPS answers about the store within the range, by kind (npsAnswers, written by the member's NPS question; none yet: zeros). */
export async function npsCounts(db: Database, storeId: string, range: Range): Promise<{ promoters: number; passives: number; detractors: number }> {
  const _ = db.command;
  const $ = _.aggregate;
  let res: Agg;
  try {
    res = (await db
      .collection(COLLECTIONS.npsAnswers)
      .aggregate()
      .match({ storeId, answeredAt: _.gte(range.from).and(_.lt(range.until)) })
      .group({ _id: null, promoters: $.sum($.cond([$.gte(['$score', 9]), 1, 0])), detractors: $.sum($.cond([$.lte(['$score', 6]), 1, 0])), answers: $.sum(1) })
      .end()) as Agg;
  } catch (err) {
    if (!isMissingCollection(err)) throw err;
    res = { list: [] };
  }
  const g = res.list[0];
  const promoters = num(g?.promoters);
  const detractors = num(g?.detractors);
  return { promoters, detractors, passives: num(g?.answers) - promoters - detractors };
}

/** CloudBase answers a read of a collection nobody created yet with DATABASE_COLLECTION_NOT_EXIST. */
function isMissingCollection(err: unknown): boolean {
  const text = err && typeof err === 'object' ? String((err as { errMsg?: unknown; message?: unknown }).errMsg ?? (err as { message?: unknown }).message ?? '') : '';
  return /COLLECTION_NOT_EXIST|not exist/i.test(text);
}
