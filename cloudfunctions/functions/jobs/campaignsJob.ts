import { commitBatchPlan, endPlanning, finishCampaign, holdingTags, markBatchApplied, nextDueCampaign, placementsAfter, unappliedBatch } from '../../data/campaigns';
import { findTemplate, insertCoupon, removeCoupon } from '../../data/coupons';
import { membersByIds } from '../../data/members';
import { forgetRunsBefore } from '../../data/jobRuns';
import { findStore } from '../../data/stores';
import { creditsOf } from '../../data/subscriptions';
import { couponFrom } from '../../domain/coupons/issue';
import { planBatch } from '../../domain/ops/campaigns/batchPlan';
import { batchId, type Campaign, type CampaignBatch, campaignCouponId } from '../../domain/ops/campaigns/campaign';
import { campaignOfferMessage } from '../../domain/ops/campaigns/message';
import { shopTime } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { DailyJob } from './job';
import { sendOnce } from './sendOnce';

/** Placements per campaign batch: a batch issues at most this many coupons, well inside a function's timeout. */
export const CAMPAIGN_BATCH = 100;

/** The timer's period: the campaigns job runs every tick (10 minutes), not once a day. */
export const tickKey = (now: Date) => {
  const t = shopTime(now);
  return `${t.format('YYYY-MM-DD HH')}:${String(Math.floor(t.minute() / 10) * 10).padStart(2, '0')}`;
};

export interface StepResult {
  /** members the step planned or applied */
  processed: number;
  /** coupons it issued */
  changed: number;
  /** the campaign has nothing left to do */
  finished: boolean;
}

/**
 * Issues one planned batch: each treated member still a member gets the campaign's coupon (its id
 * is campaign + member, so however many runners apply the batch, one coupon each), and — when the
 * campaign sends a message — those opted in to marketing and holding a 专属优惠 credit get one
 * message (keyed by the campaign, through sendOnce). The held-out members get nothing.
 */
export async function applyBatch(db: Database, c: Campaign, b: CampaignBatch, now: Date): Promise<number> {
  const [t, members] = await Promise.all([findTemplate(db, c.templateId), membersByIds(db, b.treated)]);
  const issued: string[] = [];
  const coupons = new Map<string, ReturnType<typeof couponFrom>>();
  if (t) {
    for (const m of members) {
      if (m.leavingSince) continue;
      const coupon = couponFrom(t, campaignCouponId(c._id, m._id), m._id, now);
      // 'duplicate': an earlier runner (crashed or in parallel) issued it; it is this member's one coupon either way
      await insertCoupon(db, coupon);
      issued.push(m._id);
      coupons.set(m._id, coupon);
    }
  }
  // members who began leaving after the batch was read keep no coupon (their erase may have run already)
  const staying = new Set((await membersByIds(db, issued)).filter((m) => !m.leavingSince).map((m) => m._id));
  for (const id of issued) if (!staying.has(id)) await removeCoupon(db, campaignCouponId(c._id, id));
  let messaged = 0;
  if (c.message && t && staying.size) {
    const store = await findStore(db, c.storeId);
    const credits = await creditsOf(db, [...staying]);
    for (const m of members) {
      if (!staying.has(m._id) || !m.consent.marketing.optIn || (credits.get(m._id)?.campaignOffer ?? 0) <= 0) continue;
      const coupon = coupons.get(m._id)!;
      if (await sendOnce(db, m, 'campaignOffer', c._id, campaignOfferMessage(t.name, coupon.validUntil, store?.name ?? '悦衣库'), now)) messaged += 1;
    }
  }
  await markBatchApplied(db, b, { issued: staying.size, messaged }, now);
  return staying.size;
}

/**
 * One step of a campaign, safe to run twice or in parallel: finish a planned batch a runner left
 * unapplied; else plan the next batch (one transaction records the plan and moves the campaign's
 * cursor) and apply it; else, once planning has ended, mark the campaign done.
 */
export async function campaignStep(db: Database, c: Campaign, now: Date): Promise<StepResult> {
  const left = await unappliedBatch(db, c._id);
  if (left) {
    const changed = await applyBatch(db, c, left, now);
    return { processed: left.treated.length + left.control.length, changed, finished: false };
  }
  if (c.endedBy !== null) {
    await finishCampaign(db, c, now);
    return { processed: 0, changed: 0, finished: true };
  }
  const t = await findTemplate(db, c.templateId);
  if (!t?.active) {
    await endPlanning(db, c, 'template', now);
    return { processed: 0, changed: 0, finished: false };
  }
  const placements = await placementsAfter(db, c.storeId, c.audience, c.cursor, CAMPAIGN_BATCH);
  const ids = placements.map((p) => p._id);
  const [members, tagged] = await Promise.all([membersByIds(db, ids), c.audience.tags.length ? holdingTags(db, ids, c.audience.tags) : Promise.resolve(null)]);
  const byId = new Map(members.map((m) => [m._id, m]));
  const plan = planBatch({
    campaign: c,
    more: placements.length === CAMPAIGN_BATCH,
    placed: ids.map((id) => {
      const m = byId.get(id);
      return {
        memberId: id,
        facts: {
          member: m ? { tier: m.tier, optIn: m.consent.marketing.optIn, leaving: !!m.leavingSince } : null,
          tagged: tagged === null || tagged.has(id),
          templateTiers: t.audience.tiers,
        },
      };
    }),
  });
  const batch: CampaignBatch = { _id: batchId(c._id, c.batches), campaignId: c._id, n: c.batches, after: c.cursor, treated: plan.treated, control: plan.control, plannedAt: now, applied: false, appliedAt: null };
  const committed = await commitBatchPlan(
    db,
    c,
    batch,
    { cursor: plan.cursor ?? c.cursor, status: 'issuing', endedBy: plan.end, updatedAt: now },
    { treated: plan.treated.length, control: plan.control.length, skipped: plan.skipped, budgetUsedFen: plan.budgetFen },
  );
  // another runner planned this batch first: the next step applies whatever it wrote
  if (committed === 'moved') return { processed: 0, changed: 0, finished: false };
  const changed = await applyBatch(db, c, batch, now);
  // the last batch: done at once (not on the next tick), unless a runner still holds a batch open
  const finished = plan.end !== null && (await finishCampaign(db, { _id: c._id, batches: c.batches + 1 }, now));
  return { processed: placements.length, changed, finished };
}

/**
 * The campaigns job: every timer tick (not once a day: a campaign launched at 15:00 must not wait
 * for tomorrow), it works through the campaigns whose start has come, a batch at a time, the
 * earliest started first. A campaign keeps its own cursor and batch plans, so the job's own
 * checkpoint only marks the tick; a crash, a rerun or a second runner repeats nothing.
 */
export const campaignsJob: DailyJob = {
  name: 'campaigns',
  runKey: tickKey,
  // the other jobs of the tick (alerts, sweep) still get their turn while a large campaign issues
  maxMsPerTick: 25_000,
  async batch(db, _cursor, now) {
    const c = await nextDueCampaign(db, now);
    if (!c) {
      // the tick's checkpoints of earlier days are of no more use (one per tick, 144 a day)
      await forgetRunsBefore(db, 'campaigns', new Date(now.getTime() - 86_400_000));
      return { cursor: null, processed: 0, changed: 0 };
    }
    const step = await campaignStep(db, c, now);
    return { cursor: `${c._id}#${c.batches}#${c.applied}#${step.finished ? 'f' : ''}`, processed: step.processed, changed: step.changed };
  },
};

