import { failure, success } from '../../contract';
import type { opsCampaignsContract } from '../../contract/opsCampaigns';
import {
  activeTemplatesOf,
  batchesOf,
  campaignsOfStore,
  countPlacements,
  couponsOfCampaign,
  findCampaign,
  insertCampaign,
  membersTagged,
  ordersByKeys,
  placementsAfter,
  placementsAmong,
  purchasersAmong,
  segmentCounts,
  segmentNames,
  stopCampaign,
} from '../../data/campaigns';
import { findTemplate } from '../../data/coupons';
import { membersByIds } from '../../data/members';
import { recordLooks } from '../../data/staffAudit';
import { tagGroups } from '../../data/staffTags';
import { findStore } from '../../data/stores';
import { templateFace } from '../../domain/coupons/view';
import { couponCostFen } from '../../domain/ops/campaigns/budget';
import type { Campaign } from '../../domain/ops/campaigns/campaign';
import { CAMPAIGN_CHANNELS, campaignTemplate, LAUNCH_PROBLEM_TEXT, launchProblem } from '../../domain/ops/campaigns/launch';
import { campaignResults, RESULT_WINDOW_DAYS } from '../../domain/ops/campaigns/results';
import { campaignSummary, maskMemberNo, segmentName, validityWords } from '../../domain/ops/campaigns/view';
import { maskNickname } from '../../domain/referrals/view';
import { staffLook } from '../../domain/staff/audit';
import { TIERS, tierOf } from '../../domain/tiers';
import { toIso } from '../../domain/time';
import type { Handlers } from '../../platform/handler';
import { campaignStep } from '../jobs/campaignsJob';
import { staffCaller } from '../staff/caller';

const SAMPLE_SIZE = 5;
const DAY = 86_400_000;

export const campaignsHandlers: Handlers<typeof opsCampaignsContract> = {
  /** 新建活动: the offers, the store's segments with counts (as last scored), tiers and staff tags. */
  async campaignOptions(_input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const storeId = caller.value.storeId;
    const [store, templates, counts, names, groups] = await Promise.all([findStore(ctx.db, storeId), activeTemplatesOf(ctx.db, CAMPAIGN_CHANNELS), segmentCounts(ctx.db, storeId), segmentNames(ctx.db), tagGroups(ctx.db)]);
    return success({
      storeName: store?.name ?? storeId,
      templates: templates.filter(campaignTemplate).map((t) => {
        const face = templateFace(t);
        return { templateId: t._id, name: t.name, value: face.value, rule: face.rule, validity: validityWords(t.validity), costFen: couponCostFen(t.discount), forTiers: t.audience.tiers?.length ? `仅${t.audience.tiers.map((code) => tierOf(code).name).join('、')}可得` : null };
      }),
      segments: counts.counts
        .filter((s) => s.segment !== null)
        .map((s) => ({ code: s.segment!, name: segmentName(s.segment, names), members: s.members }))
        .sort((a, b) => b.members - a.members),
      tiers: TIERS.map((t) => ({ code: t.code, name: t.name })),
      tags: groups.flatMap((g) => g.tags.map((t) => ({ tagId: t.tagId, name: t.name }))),
      scoredOn: counts.scoredOn,
    });
  },

  /** 预览人群: how many of the store's members the audience takes in, and a few of them masked (each shown member is an audited look). */
  async campaignPreview(input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const staff = caller.value;
    const { audience } = input;
    let members: number;
    let sample;
    if (audience.tags.length) {
      const tagged = await membersTagged(ctx.db, audience.tags);
      members = 0;
      for (let i = 0; i < tagged.length; i += 1000) members += await countPlacements(ctx.db, staff.storeId, audience, tagged.slice(i, i + 1000));
      sample = tagged.length ? await placementsAmong(ctx.db, staff.storeId, audience, tagged.slice(0, 1000), SAMPLE_SIZE) : [];
    } else {
      [members, sample] = await Promise.all([countPlacements(ctx.db, staff.storeId, audience), placementsAfter(ctx.db, staff.storeId, audience, null, SAMPLE_SIZE)]);
    }
    const [found, names] = await Promise.all([membersByIds(ctx.db, sample.map((p) => p._id)), segmentNames(ctx.db)]);
    // a member who is leaving is not shown (nor looked at)
    const byId = new Map(found.filter((m) => !m.leavingSince).map((m) => [m._id, m]));
    const shown = sample.filter((p) => byId.has(p._id));
    await recordLooks(ctx.db, shown.map((p) => staffLook(staff, p._id, 'campaign', '营销活动人群预览', ctx.now, 'preview')));
    return success({
      members,
      expectedControl: Math.round((members * (input.controlPercent ?? 10)) / 100),
      sample: shown.map((p) => {
        const m = byId.get(p._id)!;
        return { memberNo: maskMemberNo(m._id), nickname: maskNickname(m.nickname), phoneMasked: m.phoneMasked, tierName: tierOf(m.tier).name, segmentName: segmentName(p.segment, names) };
      }),
    });
  },

  /** 发起活动: the campaign recorded once per request; starting now issues its first batch at once and the jobs timer goes on every 10 minutes. */
  async launchCampaign(input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const staff = caller.value;
    const id = `${staff.storeId}-${input.requestId}`;
    const names = await segmentNames(ctx.db);
    const existing = await findCampaign(ctx.db, id);
    if (existing) {
      // the same request retried answers the campaign it made; the id reused for another campaign is refused
      const same = existing.name === input.name && existing.templateId === input.templateId && existing.message === input.message && existing.controlPercent === (input.controlPercent ?? 10) && JSON.stringify(existing.audience) === JSON.stringify(input.audience) && JSON.stringify(existing.budget) === JSON.stringify(input.budget);
      return same ? success({ campaign: campaignSummary(existing, names), created: false }) : failure('CONFLICT', 'this requestId launched another campaign');
    }
    const t = await findTemplate(ctx.db, input.templateId);
    const startAt = input.startAt ? new Date(input.startAt) : ctx.now;
    const problem = launchProblem(t, input.budget, startAt, ctx.now);
    if (problem) return failure('INVALID_INPUT', LAUNCH_PROBLEM_TEXT[problem]);
    const now = ctx.now;
    const campaign: Campaign = {
      _id: id,
      storeId: staff.storeId,
      name: input.name,
      createdBy: { staffId: staff._id, name: staff.name },
      createdAt: now,
      audience: input.audience,
      templateId: t!._id,
      templateName: t!.name,
      couponCostFen: couponCostFen(t!.discount),
      message: input.message,
      controlPercent: input.controlPercent ?? 10,
      budget: input.budget,
      startAt: startAt.getTime() < now.getTime() ? now : startAt,
      status: 'scheduled',
      endedBy: null,
      cursor: null,
      batches: 0,
      treated: 0,
      control: 0,
      skipped: 0,
      budgetUsedFen: 0,
      applied: 0,
      issued: 0,
      messaged: 0,
      finishedAt: null,
      updatedAt: now,
    };
    const created = (await insertCampaign(ctx.db, campaign)) === 'created';
    if (created && campaign.startAt.getTime() <= now.getTime()) await campaignStep(ctx.db, campaign, now);
    const fresh = (await findCampaign(ctx.db, id))!;
    return success({ campaign: campaignSummary(fresh, names), created });
  },

  async campaigns(_input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const [list, names] = await Promise.all([campaignsOfStore(ctx.db, caller.value.storeId), segmentNames(ctx.db)]);
    return success({ campaigns: list.map((c) => campaignSummary(c, names)) });
  },

  /** 活动效果: issued, used (within 7 / 30 days), attributed sales, discount, ROI, and the treated against the held out over 30 days. */
  async campaignResults(input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const c = await findCampaign(ctx.db, input.campaignId);
    if (!c || c.storeId !== caller.value.storeId) return failure('NOT_FOUND', 'no such campaign in your store');
    const [batches, coupons, names] = await Promise.all([batchesOf(ctx.db, c._id), couponsOfCampaign(ctx.db, c._id), segmentNames(ctx.db)]);
    const treated = batches.flatMap((b) => b.treated);
    const control = batches.flatMap((b) => b.control);
    const usedKeys = [...new Set(coupons.filter((k) => k.status === 'used' && k.usedOrder).map((k) => k.usedOrder!))];
    const windowEnd = new Date(c.startAt.getTime() + RESULT_WINDOW_DAYS * DAY);
    const [orders, purchasers] = await Promise.all([ordersByKeys(ctx.db, usedKeys), purchasersAmong(ctx.db, [...treated, ...control], c.startAt, windowEnd)]);
    const r = campaignResults({
      startAt: c.startAt,
      now: ctx.now,
      treated,
      control,
      coupons,
      usedOrders: orders.map((o) => ({ _id: o._id, amountFen: o.amountFen, refundedFen: o.refundedFen, coupons: o.result?.coupons ?? [] })),
      purchasers,
    });
    return success({ campaign: campaignSummary(c, names), results: { ...r, windowEndsAt: toIso(r.windowEndsAt) } });
  },

  async stopCampaign(input, ctx) {
    const caller = await staffCaller(ctx, ['manager']);
    if (!caller.ok) return caller;
    const c = await findCampaign(ctx.db, input.campaignId);
    if (!c || c.storeId !== caller.value.storeId) return failure('NOT_FOUND', 'no such campaign in your store');
    if (!(await stopCampaign(ctx.db, c._id, ctx.now))) return failure('CONFLICT', 'the campaign has already ended');
    const names = await segmentNames(ctx.db);
    return success({ campaign: campaignSummary((await findCampaign(ctx.db, c._id))!, names) });
  },
};
