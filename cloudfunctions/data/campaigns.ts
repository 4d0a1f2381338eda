import type { TillOrder } from '../domain/till/records';
import type { Campaign, CampaignAudience, CampaignBatch } from '../domain/ops/campaigns/campaign';
import type { SegmentPlacement } from '../domain/ops/placement';
import type { Coupon, CouponTemplate } from '../domain/coupons/template';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { findDefinitions, segmentCounts as placementCounts } from './segments';
import { addOnce, isDuplicateKey } from './errors';
import { allByIdCursor, documents, findById, PAGE_MAX, updatedCount } from './read';
import { retryingRaces, transaction, txGet } from './transaction';

// — campaigns —

/** The active templates of these channels (what a campaign may issue), in the brand's order. */
export async function activeTemplatesOf(db: Database, channels: ReadonlyArray<CouponTemplate['channel']>): Promise<CouponTemplate[]> {
  const _ = db.command;
  return documents<CouponTemplate>(db.collection(COLLECTIONS.couponTemplates).where({ channel: _.in([...channels]), active: true }).orderBy('sort', 'asc').limit(100));
}

export const findCampaign = (db: Database, id: string) => findById<Campaign>(db, COLLECTIONS.campaigns, id);

/** Adds a campaign; its id is the launch's request, so a retried launch is 'duplicate'. */
export const insertCampaign = (db: Database, c: Campaign) => addOnce(db, COLLECTIONS.campaigns, c);

/** A store's campaigns, newest first. */
export async function campaignsOfStore(db: Database, storeId: string, limit = 50): Promise<Campaign[]> {
  return documents<Campaign>(db.collection(COLLECTIONS.campaigns).where({ storeId }).orderBy('createdAt', 'desc').limit(limit));
}

/** The campaign the job works on next: the earliest started one still scheduled or issuing. */
export async function nextDueCampaign(db: Database, now: Date): Promise<Campaign | null> {
  const _ = db.command;
  const [first] = await documents<Campaign>(db.collection(COLLECTIONS.campaigns).where({ status: _.in(['scheduled', 'issuing']), startAt: _.lte(now) }).orderBy('startAt', 'asc').limit(1));
  return first ?? null;
}

/** Stops a campaign still scheduled or issuing (compare-and-set: false when it had ended). */
export async function stopCampaign(db: Database, id: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db.collection(COLLECTIONS.campaigns).where({ _id: id, status: _.in(['scheduled', 'issuing']) }).update({ data: { status: 'stopped', endedBy: 'stopped', finishedAt: now, updatedAt: now } });
  return updatedCount(res) === 1;
}

/** Marks a campaign done once planning ended and no planned batch is left to apply (the caller found none after reading `batches`). */
export async function finishCampaign(db: Database, c: Pick<Campaign, '_id' | 'batches'>, now: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.campaigns)
    .where({ _id: c._id, status: _.in(['scheduled', 'issuing']), endedBy: _.neq(null), batches: c.batches })
    .update({ data: { status: 'done', finishedAt: now, updatedAt: now } });
  return updatedCount(res) === 1;
}

// — batches —

/**
 * Records a batch's plan and moves the campaign past it in one transaction, only if the campaign is
 * still where the batch was read from (same cursor and batch count, still scheduled or issuing).
 * Of two runners planning the same batch, one commits; the other finds it 'moved' and applies the
 * plan that was written (the batch id is the same, so its add cannot land twice).
 */
export async function commitBatchPlan(db: Database, read: Pick<Campaign, '_id' | 'cursor' | 'batches'>, batch: CampaignBatch, changes: Partial<Campaign>, inc: { treated: number; control: number; skipped: number; budgetUsedFen: number }): Promise<'planned' | 'moved'> {
  const _ = db.command;
  try {
    return await retryingRaces(() =>
      transaction(db, async (t): Promise<'planned' | 'moved'> => {
        const fresh = await txGet<Campaign>(t, COLLECTIONS.campaigns, read._id);
        if (!fresh || (fresh.status !== 'scheduled' && fresh.status !== 'issuing') || fresh.endedBy !== null || fresh.cursor !== read.cursor || fresh.batches !== read.batches) return 'moved';
        await t.collection(COLLECTIONS.campaignBatches).add({ data: batch });
        await t.collection(COLLECTIONS.campaigns).doc(read._id).update({
          data: { ...changes, batches: _.inc(1), treated: _.inc(inc.treated), control: _.inc(inc.control), skipped: _.inc(inc.skipped), budgetUsedFen: _.inc(inc.budgetUsedFen) },
        });
        return 'planned';
      }),
    );
  } catch (err) {
    if (isDuplicateKey(err)) return 'moved';
    throw err;
  }
}

/** A planned batch of the campaign not yet applied (a runner crashed, or is still at it), the oldest first. */
export async function unappliedBatch(db: Database, campaignId: string): Promise<CampaignBatch | null> {
  const [first] = await documents<CampaignBatch>(db.collection(COLLECTIONS.campaignBatches).where({ campaignId, applied: false }).orderBy('_id', 'asc').limit(1));
  return first ?? null;
}

/**
 * Marks a batch applied and counts what it did on the campaign, in one transaction and once: of
 * runners applying one batch together, the one that commits counts it (the coupons themselves are
 * keyed, so whoever issued them, each was issued once).
 */
export async function markBatchApplied(db: Database, b: CampaignBatch, counts: { issued: number; messaged: number }, now: Date): Promise<boolean> {
  const _ = db.command;
  return retryingRaces(() =>
    transaction(db, async (t) => {
      const fresh = await txGet<CampaignBatch>(t, COLLECTIONS.campaignBatches, b._id);
      if (!fresh || fresh.applied) return false;
      await t.collection(COLLECTIONS.campaignBatches).doc(b._id).update({ data: { applied: true, appliedAt: now } });
      await t.collection(COLLECTIONS.campaigns).doc(b.campaignId).update({ data: { applied: _.inc(1), issued: _.inc(counts.issued), messaged: _.inc(counts.messaged), updatedAt: now } });
      return true;
    }),
  );
}

/** Ends planning (the template went away): no batch after this one, only if nobody moved the campaign meanwhile. */
export async function endPlanning(db: Database, c: Pick<Campaign, '_id' | 'cursor' | 'batches'>, endedBy: Campaign['endedBy'], now: Date): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.campaigns).where({ _id: c._id, cursor: c.cursor, batches: c.batches, endedBy: null }).update({ data: { endedBy, updatedAt: now } });
  return updatedCount(res) === 1;
}

/** Every batch of a campaign (a 10,000-member campaign has about 100), in order. */
export const batchesOf = (db: Database, campaignId: string) => allByIdCursor<CampaignBatch>(db, COLLECTIONS.campaignBatches, { campaignId });

// — the audience —

function audienceFilter(db: Database, storeId: string, audience: CampaignAudience): Record<string, unknown> {
  const _ = db.command;
  const filter: Record<string, unknown> = { storeId };
  // one segment (the usual case) as an equality: the store + segment + _id index then pages it exactly
  if (audience.segments.length) filter.segment = audience.segments.length === 1 ? audience.segments[0] : _.in(audience.segments);
  if (audience.tiers.length) filter.tier = _.in(audience.tiers);
  if (audience.optedInOnly) filter.optIn = true;
  return filter;
}

/** The next page of the store's placements in the audience, after the cursor, in memberId order. */
export async function placementsAfter(db: Database, storeId: string, audience: CampaignAudience, after: string | null, limit: number): Promise<SegmentPlacement[]> {
  const _ = db.command;
  const filter = audienceFilter(db, storeId, audience);
  if (after !== null) filter._id = _.gt(after);
  return documents<SegmentPlacement>(db.collection(COLLECTIONS.memberSegments).where(filter).orderBy('_id', 'asc').limit(limit));
}

/** How many of the store's placements the audience's segment, tier and opt-in take in (one count). */
export async function countPlacements(db: Database, storeId: string, audience: CampaignAudience, memberIds?: string[]): Promise<number> {
  const _ = db.command;
  const filter = audienceFilter(db, storeId, audience);
  if (memberIds) filter._id = _.in(memberIds);
  return ((await db.collection(COLLECTIONS.memberSegments).where(filter).count()) as { total: number }).total;
}

/** The first placements of the audience among these members (a tag filter's preview). */
export async function placementsAmong(db: Database, storeId: string, audience: CampaignAudience, memberIds: string[], limit: number): Promise<SegmentPlacement[]> {
  const _ = db.command;
  return documents<SegmentPlacement>(db.collection(COLLECTIONS.memberSegments).where({ ...audienceFilter(db, storeId, audience), _id: _.in(memberIds) }).orderBy('_id', 'asc').limit(limit));
}

/** The store's placements per segment (the segments' own count: one aggregation) and when they were last scored. */
export async function segmentCounts(db: Database, storeId: string): Promise<{ counts: Array<{ segment: string | null; members: number }>; scoredOn: string | null }> {
  const rows = await placementCounts(db, { storeId });
  const scoredOn = rows.reduce<string | null>((max, g) => (g.scoredOn && (!max || g.scoredOn > max) ? g.scoredOn : max), null);
  return { counts: rows.map((g) => ({ segment: g.segment, members: g.count })), scoredOn };
}

/** The segment definitions' names by code (the managers' definitions, as the segments job reads them). */
export async function segmentNames(db: Database): Promise<Map<string, string>> {
  const defs = await findDefinitions(db);
  return new Map(defs.definitions.map((d) => [d.code, d.name]));
}

/** Of these members, those holding any of the staff tags (one read per 100 members). */
export async function holdingTags(db: Database, memberIds: string[], tagIds: string[]): Promise<Set<string>> {
  const _ = db.command;
  const out = new Set<string>();
  for (let i = 0; i < memberIds.length; i += 100) {
    const page = await documents<{ memberId: string }>(
      db.collection(COLLECTIONS.memberStaffTags).where({ memberId: _.in(memberIds.slice(i, i + 100)), tagId: _.in(tagIds) }).field({ memberId: true }).limit(PAGE_MAX),
    );
    for (const t of page) out.add(t.memberId);
  }
  return out;
}

/** Members holding any of the staff tags, at most `limit` (a store's tagged members: a preview's candidates). */
export async function membersTagged(db: Database, tagIds: string[], limit = 5_000): Promise<string[]> {
  const _ = db.command;
  const out: string[] = [];
  let after: string | null = null;
  while (out.length < limit) {
    const filter: Record<string, unknown> = { tagId: _.in(tagIds) };
    if (after !== null) filter._id = _.gt(after);
    const page: Array<{ _id: string; memberId: string }> = await documents(db.collection(COLLECTIONS.memberStaffTags).where(filter).orderBy('_id', 'asc').field({ _id: true, memberId: true }).limit(PAGE_MAX));
    out.push(...page.map((t) => t.memberId));
    if (page.length < PAGE_MAX) break;
    after = page[page.length - 1]!._id;
  }
  return [...new Set(out)];
}

// — results —

/** The campaign's coupons (their ids start `campaign:<id>:`: an _id range, in order, 1,000 a page). */
export async function couponsOfCampaign(db: Database, campaignId: string): Promise<Coupon[]> {
  const _ = db.command;
  const prefix = `campaign:${campaignId}:`;
  const out: Coupon[] = [];
  let after = prefix;
  for (;;) {
    const page = await documents<Coupon>(db.collection(COLLECTIONS.coupons).where({ _id: _.gt(after).and(_.lt(`campaign:${campaignId};`)) }).orderBy('_id', 'asc').limit(PAGE_MAX));
    out.push(...page);
    if (page.length < PAGE_MAX) return out;
    after = page[page.length - 1]!._id;
  }
}

/** Till orders by key (100 a read). */
export async function ordersByKeys(db: Database, keys: string[]): Promise<TillOrder[]> {
  const _ = db.command;
  const out: TillOrder[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    out.push(...(await documents<TillOrder>(db.collection(COLLECTIONS.orders).where({ _id: _.in(keys.slice(i, i + 100)) }).limit(100))));
  }
  return out;
}

/** Of these members, those with a paid order in [from, until) that was not refunded whole (one aggregation per 1,000 members). */
export async function purchasersAmong(db: Database, memberIds: string[], from: Date, until: Date): Promise<Set<string>> {
  const _ = db.command;
  const $ = _.aggregate;
  const out = new Set<string>();
  for (let i = 0; i < memberIds.length; i += PAGE_MAX) {
    const res = (await db
      .collection(COLLECTIONS.orders)
      .aggregate()
      .match({ memberId: _.in(memberIds.slice(i, i + PAGE_MAX)), paidAt: _.gte(from).and(_.lt(until)) })
      .group({ _id: '$memberId', net: $.sum($.subtract(['$amountFen', '$refundedFen'])) })
      .match({ net: _.gt(0) })
      .limit(PAGE_MAX)
      .end()) as { list: Array<{ _id: string }> };
    for (const g of res.list) out.add(g._id);
  }
  return out;
}

// — a member's rows (export, erase) —

/** The campaign batches that name the member (treated or held out): their export. */
export async function batchesNaming(db: Database, memberId: string): Promise<CampaignBatch[]> {
  const _ = db.command;
  return documents<CampaignBatch>(db.collection(COLLECTIONS.campaignBatches).where(_.or([{ treated: memberId }, { control: memberId }])).limit(PAGE_MAX));
}

/** Campaigns by id (a member's export names the ones they were in). */
export async function campaignsByIds(db: Database, ids: string[]): Promise<Campaign[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return documents<Campaign>(db.collection(COLLECTIONS.campaigns).where({ _id: _.in(ids.slice(0, PAGE_MAX)) }).field({ _id: true, name: true, storeId: true }).limit(PAGE_MAX));
}

/** A leaving member is taken out of every campaign batch that names them. */
export async function forgetInBatches(db: Database, memberId: string): Promise<void> {
  const _ = db.command;
  await db.collection(COLLECTIONS.campaignBatches).where({ treated: memberId }).update({ data: { treated: _.pull(memberId) } });
  await db.collection(COLLECTIONS.campaignBatches).where({ control: memberId }).update({ data: { control: _.pull(memberId) } });
}

