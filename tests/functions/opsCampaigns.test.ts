import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { inControlGroup } from '../../cloudfunctions/domain/ops/campaigns/control';
import { createHarness, type Harness } from '../support/harness';
import { requesterClass } from '../support/interleave';
import { runJobs } from '../support/ledger';
import { buy, deliver, refundBody } from '../support/pos';
import { campaignCoupons, giveCampaignCredit, launchOf, memberNo, seedPlaced } from '../support/campaigns';

const MANAGER = 'manager-S001';
const TEN_MINUTES = 10 * 60_000;

const campaignDoc = (h: Harness, id: string) => h.cloud.db.find(COLLECTIONS.campaigns, { _id: id })[0] as Record<string, any>;
const runCampaigns = (h: Harness) => runJobs(h, { action: 'run', job: 'campaigns' });

/** Runs the campaigns job tick after tick (10 minutes apart) until the campaign is done; at most `ticks`. */
async function issueAll(h: Harness, id: string, ticks = 30, parallel = 1): Promise<void> {
  for (let i = 0; i < ticks && campaignDoc(h, id).status !== 'done'; i += 1) {
    h.clock.advance(TEN_MINUTES);
    await Promise.all(Array.from({ length: parallel }, () => runCampaigns(h)));
  }
  expect(campaignDoc(h, id).status).toBe('done');
}

async function launch(h: Harness, over: Record<string, unknown> = {}) {
  const answer = await h.call('ops', MANAGER, launchOf(over));
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data.campaign as { campaignId: string; status: string; issued: number };
}

jest.setTimeout(240_000);

describe('targeted campaigns (ops: launchCampaign, the campaigns job)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await h.cloud.db.apply([{ c: COLLECTIONS.staff, id: 'manager-S002', doc: { _id: 'manager-S002', storeId: 'S002', name: '周店长', role: 'manager', active: true } }]);
  });

  describe('exactly once', () => {
    it('a campaign to 10,000 members issues exactly 10,000 coupons after a crash midway and two parallel reruns; the control group receives none', async () => {
      const campaignId = 'S001-acceptance-01';
      // members of the dormant segment until 10,000 of them fall outside the 10 % control group
      const ids: string[] = [];
      let treated = 0;
      for (let i = 0; treated < 10_000; i += 1) {
        ids.push(memberNo(i));
        if (!inControlGroup(campaignId, memberNo(i), 10)) treated += 1;
      }
      await seedPlaced(h, ids);
      const held = ids.filter((id) => inControlGroup(campaignId, id, 10));
      expect(held.length).toBeGreaterThan(1_000 * 0.9);
      expect(held.length).toBeLessThan(1_000 * 1.3);

      const launched = await launch(h, { requestId: 'acceptance-01' });
      expect(launched).toMatchObject({ campaignId, status: 'issuing' });
      // the first batch went out with the launch itself
      expect(campaignCoupons(h, campaignId).length).toBeGreaterThan(0);

      // the job dies after 4,000 more coupon writes (a container killed mid-batch)
      const Requester = requesterClass();
      const original = Requester.prototype.send;
      let writes = 0;
      Requester.prototype.send = async function send(this: unknown, action: string, params: Record<string, unknown> = {}) {
        if (action === 'database.insertDocument' && params.collectionName === COLLECTIONS.coupons && ++writes > 4_000) throw new Error('container killed');
        return original.call(this, action, params);
      };
      const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        // a tick gives the campaigns job at most 25 s: on a slow machine the crash may come a tick later
        let failed = false;
        for (let tick = 0; tick < 30 && !failed; tick += 1) {
          h.clock.advance(TEN_MINUTES);
          const run = await runCampaigns(h);
          failed = run.ok && run.data.runs[0]!.failed;
        }
        expect(failed).toBe(true);
      } finally {
        Requester.prototype.send = original;
        quiet.mockRestore();
      }
      const midway = campaignCoupons(h, campaignId).length;
      expect(midway).toBeGreaterThan(4_000);
      expect(midway).toBeLessThan(10_000);

      // two runners at once, tick after tick, until the campaign is done
      await issueAll(h, campaignId, 30, 2);

      const coupons = campaignCoupons(h, campaignId);
      expect(coupons).toHaveLength(10_000);
      const holders = new Set(coupons.map((c) => c.memberId as string));
      expect(holders.size).toBe(10_000);
      expect(held.filter((id) => holders.has(id))).toEqual([]);
      expect(ids.filter((id) => !holders.has(id)).sort()).toEqual([...held].sort());
      // the coupon is the template's, in each wallet, valid for its 14 days
      expect(coupons[0]).toMatchObject({ templateId: 'win-back-30', name: '好久不见券', status: 'available' });
      expect(campaignDoc(h, campaignId)).toMatchObject({ status: 'done', endedBy: 'audience', treated: 10_000, control: held.length, skipped: 0, issued: 10_000 });
      // every batch planned once and applied once
      const batches = h.cloud.db.find(COLLECTIONS.campaignBatches, { campaignId });
      expect(batches.every((b) => b.applied)).toBe(true);
      expect(batches.flatMap((b) => b.treated as string[])).toHaveLength(10_000);
      expect(batches.flatMap((b) => b.control as string[])).toHaveLength(held.length);
    });
  });

  describe('the audience', () => {
    it("takes the store's members of the chosen segments, opted in when asked, never another store's, and passes over members who are leaving", async () => {
      await seedPlaced(h, Array.from({ length: 20 }, (_, i) => memberNo(i)), (_id, i) => ({
        segment: i >= 10 && i < 15 ? 'loyal' : 'dormant',
        store: i >= 15 && i < 18 ? 'S002' : 'S001',
        optIn: !(i === 18 || i === 19),
      }));
      await h.cloud.db.apply([{ c: COLLECTIONS.members, id: memberNo(1), doc: { ...h.cloud.db.find(COLLECTIONS.members, { _id: memberNo(1) })[0]!, leavingSince: h.clock.now() } }]);
      const c = await launch(h, { controlPercent: 0, audience: { segments: ['dormant'], tiers: [], tags: [], optedInOnly: true } });
      await issueAll(h, c.campaignId);
      const holders = campaignCoupons(h, c.campaignId).map((k) => k.memberId).sort();
      expect(holders).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9].map(memberNo));
      expect(campaignDoc(h, c.campaignId)).toMatchObject({ treated: 9, control: 0, skipped: 1, issued: 9 });
    });

    it('with staff tags takes only members holding one of them, and a template for 成长者 and up passes over the 探索者', async () => {
      await seedPlaced(h, Array.from({ length: 8 }, (_, i) => memberNo(i)), (_id, i) => ({ tier: i % 2 ? 'grower' : 'explorer' }));
      const tag = (i: number, tagId: string) => ({ c: COLLECTIONS.memberStaffTags, id: `${memberNo(i)}:${tagId}`, doc: { _id: `${memberNo(i)}:${tagId}`, memberId: memberNo(i), tagId, addedBy: { storeId: 'S001', name: '林小悦' }, at: h.clock.now() } });
      await h.cloud.db.apply([tag(0, 'care-vip'), tag(1, 'care-vip'), tag(3, 'shopping-sale'), tag(5, 'contact-quiet')]);
      const tagged = await launch(h, { requestId: 'tagged-0001', controlPercent: 0, audience: { segments: [], tiers: [], tags: ['care-vip', 'shopping-sale'], optedInOnly: false } });
      await issueAll(h, tagged.campaignId);
      expect(campaignCoupons(h, tagged.campaignId).map((k) => k.memberId).sort()).toEqual([0, 1, 3].map(memberNo));

      await h.cloud.db.apply([{ c: COLLECTIONS.couponTemplates, id: 'grower-50', doc: { _id: 'grower-50', name: '成长者专享¥50', channel: 'claim', sort: 81, discount: { kind: 'amountOff', amountFen: 5_000, thresholdFen: 30_000 }, stackable: false, validity: { kind: 'days', days: 30 }, stock: null, perMember: 1, audience: { tiers: ['grower', 'loyal'] }, active: true } }]);
      const growers = await launch(h, { requestId: 'growers-0001', templateId: 'grower-50', controlPercent: 0, audience: { segments: [], tiers: [], tags: [], optedInOnly: false } });
      await issueAll(h, growers.campaignId);
      expect(campaignCoupons(h, growers.campaignId).map((k) => k.memberId).sort()).toEqual([1, 3, 5, 7].map(memberNo));
      expect(campaignDoc(h, growers.campaignId)).toMatchObject({ treated: 4, skipped: 4 });
    });

    it("previews the audience's size and a masked sample (no openid, nickname and phone masked), each shown member an audited look", async () => {
      await seedPlaced(h, Array.from({ length: 30 }, (_, i) => memberNo(i)), (_id, i) => ({ segment: i < 23 ? 'dormant' : 'loyal', nickname: '王小雅' }));
      const answer = await h.call('ops', MANAGER, { action: 'campaignPreview', audience: { segments: ['dormant'], tiers: [], tags: [], optedInOnly: false }, controlPercent: 10 });
      expect(answer).toMatchObject({ ok: true, data: { members: 23, expectedControl: 2 } });
      const { sample } = answer.ok && answer.data;
      expect(sample).toHaveLength(5);
      expect(sample[0]).toEqual({ memberNo: '3000****0000', nickname: '王**', phoneMasked: '138****0000', tierName: '探索者', segmentName: '沉睡型' });
      expect(JSON.stringify(answer)).not.toMatch(/openid|300000000000/);
      expect(h.cloud.db.find(COLLECTIONS.staffAudit, { view: 'campaign', staffId: MANAGER })).toHaveLength(5);
    });

    it("lists what a campaign can be made of: the offers (no event gifts), the store's segments with counts, tiers and staff tags", async () => {
      await seedPlaced(h, Array.from({ length: 7 }, (_, i) => memberNo(i)), (_id, i) => ({ segment: i < 4 ? 'dormant' : i < 6 ? 'loyal' : null }));
      const answer = await h.call('ops', MANAGER, { action: 'campaignOptions' });
      expect(answer).toMatchObject({ ok: true, data: { storeName: '悦衣库 上海静安店', scoredOn: '2026-11-25', segments: [{ code: 'dormant', name: '沉睡型', members: 4 }, { code: 'loyal', name: '忠实型', members: 2 }] } });
      const ids = (answer.ok && answer.data.templates.map((t: { templateId: string }) => t.templateId)) as string[];
      expect(ids).toEqual(expect.arrayContaining(['win-back-30', 'winter-300-50', 'reward-20']));
      // the welcome coupon, and the limited offers of the claim centre (their stock is not the campaign's)
      for (const id of ['welcome-80', 'new-arrival-trial', 'grower-90']) expect(ids).not.toContain(id);
      expect(ids.some((id) => id.startsWith('birthday') || id.startsWith('referral'))).toBe(false);
      expect(answer.ok && answer.data.tags).toEqual(expect.arrayContaining([{ tagId: 'care-vip', name: expect.any(String) }]));
    });
  });

  describe('the budget cap', () => {
    it('stops at the most coupons allowed', async () => {
      await seedPlaced(h, Array.from({ length: 250 }, (_, i) => memberNo(i)));
      const c = await launch(h, { controlPercent: 0, budget: { maxCoupons: 125, maxDiscountFen: null } });
      await issueAll(h, c.campaignId, 30, 2);
      expect(campaignCoupons(h, c.campaignId)).toHaveLength(125);
      expect(campaignDoc(h, c.campaignId)).toMatchObject({ status: 'done', endedBy: 'budget', treated: 125, issued: 125 });
    });

    it('stops at the most discount allowed, counting each ¥30 coupon at ¥30', async () => {
      await seedPlaced(h, Array.from({ length: 50 }, (_, i) => memberNo(i)));
      const c = await launch(h, { controlPercent: 20, budget: { maxCoupons: null, maxDiscountFen: 10_000 } });
      await issueAll(h, c.campaignId);
      expect(campaignCoupons(h, c.campaignId)).toHaveLength(3);
      expect(campaignDoc(h, c.campaignId)).toMatchObject({ endedBy: 'budget', budgetUsedFen: 9_000 });
      const answer = await h.call('ops', MANAGER, { action: 'campaigns' });
      expect(answer).toMatchObject({ ok: true, data: { campaigns: [{ campaignId: c.campaignId, statusText: '已完成 · 预算用完', budgetText: '优惠上限 ¥100', audienceText: '沉睡型 · 全部等级' }] } });
    });

    it('refuses a discount cap on a coupon whose most is unknown (an uncapped percentage), writing nothing', async () => {
      await h.cloud.db.apply([{ c: COLLECTIONS.couponTemplates, id: 'open-85', doc: { _id: 'open-85', name: '85折', channel: 'claim', sort: 1, discount: { kind: 'percent', percent: 85 }, stackable: false, validity: { kind: 'days', days: 7 }, stock: null, perMember: null, audience: {}, active: true } }]);
      const answer = await h.call('ops', MANAGER, launchOf({ templateId: 'open-85', budget: { maxCoupons: null, maxDiscountFen: 50_000 } }));
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(h.cloud.db.count(COLLECTIONS.campaigns, {})).toBe(0);
    });
  });

  describe('the subscribe message', () => {
    it('goes once to treated members who opted in and hold a credit; opted-out members get the coupon only; the control group gets nothing', async () => {
      const ids = Array.from({ length: 40 }, (_, i) => memberNo(i));
      await seedPlaced(h, ids, (_id, i) => ({ optIn: i % 4 !== 0 }));
      await giveCampaignCredit(h, ids.filter((_id, i) => i % 3 !== 0));
      const c = await launch(h, { message: true, controlPercent: 30 });
      await issueAll(h, c.campaignId);
      const control = new Set(ids.filter((id) => inControlGroup(c.campaignId, id, 30)));
      const expected = ids.filter((id, i) => !control.has(id) && i % 4 !== 0 && i % 3 !== 0).sort();
      expect(expected.length).toBeGreaterThan(5);
      const sent = h.cloud.openapi.sent('subscribeMessage.send');
      const sentTo = sent.map((s) => String((s.data as { touser: string }).touser).replace('openid-', '')).sort();
      expect(sentTo).toEqual(expected);
      expect(sent[0]!.data).toMatchObject({ page: 'packages/coupons/index', data: { thing1: { value: '好久不见券' }, thing3: { value: expect.stringContaining('悦衣库 上海静安店') } } });
      expect(campaignCoupons(h, c.campaignId)).toHaveLength(ids.length - control.size);
      expect(campaignDoc(h, c.campaignId)).toMatchObject({ messaged: expected.length });
      // the job run again sends nothing twice
      h.clock.advance(TEN_MINUTES);
      await runJobs(h, { action: 'run', job: 'campaigns', restart: true });
      expect(h.cloud.openapi.sent('subscribeMessage.send')).toHaveLength(sent.length);
    });
  });

  describe('launching', () => {
    it('a retried launch (same request) makes one campaign; a scheduled one issues nothing before its start and starts on the first tick after it', async () => {
      await seedPlaced(h, Array.from({ length: 30 }, (_, i) => memberNo(i)));
      const startAt = new Date(h.clock.now().getTime() + 2 * 3_600_000).toISOString();
      const [a, b] = await Promise.all([h.call('ops', MANAGER, launchOf({ startAt })), h.call('ops', MANAGER, launchOf({ startAt }))]);
      expect([a, b].map((x) => x.ok && x.data.created).sort()).toEqual([false, true]);
      expect(h.cloud.db.count(COLLECTIONS.campaigns, {})).toBe(1);
      // the request id reused for another campaign is refused, never silently taken for the first
      expect(await h.call('ops', MANAGER, launchOf({ startAt, name: '另一个活动' }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const id = a.ok && a.data.campaign.campaignId;
      expect(a).toMatchObject({ ok: true, data: { campaign: { status: 'scheduled', statusText: '待开始 · 2026-11-25 12:00' } } });
      h.clock.advance(TEN_MINUTES);
      await runCampaigns(h);
      expect(campaignCoupons(h, id)).toHaveLength(0);
      h.clock.advance(2 * 3_600_000);
      await runCampaigns(h);
      expect(campaignDoc(h, id)).toMatchObject({ status: 'done' });
      expect(campaignCoupons(h, id).length).toBeGreaterThan(20);
      // a day later, with nothing to issue, the ticks' old checkpoints go
      expect(h.cloud.db.count(COLLECTIONS.jobRuns, { job: 'campaigns' })).toBeGreaterThan(1);
      h.clock.advance(2 * 86_400_000);
      await runCampaigns(h);
      expect(h.cloud.db.find(COLLECTIONS.jobRuns, { job: 'campaigns' }).map((r) => r.runDate)).toEqual(['2026-11-27 12:10']);
    });

    it('refuses bad input with INVALID_INPUT and writes nothing', async () => {
      const bad = [
        launchOf({ templateId: 'welcome-80' }),
        launchOf({ templateId: 'birthday-loyal' }),
        launchOf({ templateId: 'no-such-offer' }),
        launchOf({ name: '   ' }),
        launchOf({ controlPercent: 80 }),
        launchOf({ requestId: 'short' }),
        launchOf({ startAt: '2026-11-24T02:00:00.000Z' }),
        launchOf({ startAt: '2027-11-24T02:00:00.000Z' }),
        launchOf({ budget: { maxCoupons: 0, maxDiscountFen: null } }),
        launchOf({ audience: { segments: ['dormant'], tiers: ['vip'], tags: [], optedInOnly: false } }),
        launchOf({ audience: { segments: ['$where'], tiers: [], tags: [], optedInOnly: false } }),
        launchOf({ audience: { segments: [], tiers: [], tags: [], optedInOnly: false, storeId: 'S002' } }),
        launchOf({ openid: 'someone' }),
      ];
      for (const input of bad) expect(await h.call('ops', MANAGER, input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(h.cloud.db.count(COLLECTIONS.campaigns, {})).toBe(0);
    });

    it('a manager stops a campaign midway: no more coupons are issued, those issued stay', async () => {
      await seedPlaced(h, Array.from({ length: 300 }, (_, i) => memberNo(i)));
      const c = await launch(h, { controlPercent: 0 });
      const stopped = await h.call('ops', MANAGER, { action: 'stopCampaign', campaignId: c.campaignId });
      expect(stopped).toMatchObject({ ok: true, data: { campaign: { status: 'stopped', statusText: '已停止', issued: 100 } } });
      await runCampaigns(h);
      h.clock.advance(TEN_MINUTES);
      await runCampaigns(h);
      expect(campaignCoupons(h, c.campaignId)).toHaveLength(100);
      expect(await h.call('ops', MANAGER, { action: 'stopCampaign', campaignId: c.campaignId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      // another store's manager does not find it
      expect(await h.call('ops', 'manager-S002', { action: 'stopCampaign', campaignId: c.campaignId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe('results', () => {
    it('counts use, attributed sales, discount, ROI and uplift against the control group as a hand count does', async () => {
      const ids = Array.from({ length: 24 }, (_, i) => memberNo(i));
      await seedPlaced(h, ids);
      const c = await launch(h, { controlPercent: 50 });
      const id = c.campaignId;
      const start = h.clock.now().getTime();
      const treated = ids.filter((m) => !inControlGroup(id, m, 50));
      const control = ids.filter((m) => inControlGroup(id, m, 50));
      expect(treated.length).toBeGreaterThanOrEqual(5);
      expect(control.length).toBeGreaterThanOrEqual(3);
      const coupon = (m: string) => `campaign:${id}:${m}`;
      const at = (days: number) => h.clock.set(new Date(start + days * 86_400_000 + 3_600_000).toISOString());
      const openid = (m: string) => `openid-${m}`;

      // treated: three use the ¥30 coupon (days 2, 3 and 10), one buys without it; one order is partly refunded
      at(2);
      const first = await buy(h, openid(treated[0]!), 30_000, { couponIds: [coupon(treated[0]!)] });
      at(3);
      await buy(h, openid(treated[1]!), 25_000, { couponIds: [coupon(treated[1]!)] });
      at(5);
      await buy(h, openid(treated[3]!), 12_000);
      at(10);
      await buy(h, openid(treated[2]!), 40_000, { couponIds: [coupon(treated[2]!)] });
      at(11);
      expect((await deliver(h, 'refunds', refundBody(first.body.orderId, 'R-1', 5_000))).status).toBe(200);
      // held out: two buy within the 30 days, one only after them
      at(4);
      await buy(h, openid(control[0]!), 18_000);
      at(20);
      await buy(h, openid(control[1]!), 9_900);
      at(40);
      await buy(h, openid(control[2]!), 50_000);

      const answer = await h.call('ops', MANAGER, { action: 'campaignResults', campaignId: id });
      expect(answer.ok).toBe(true);
      const r = answer.ok && answer.data.results;
      // by hand: paid 270 + 220 + 370 − 50 refunded = ¥810 on the coupons' orders; 3 × ¥30 off
      expect(r).toMatchObject({
        issued: treated.length,
        used: 3,
        usedWithin7Days: 2,
        usedWithin30Days: 3,
        attributedSalesFen: 81_000,
        discountFen: 9_000,
        treated: { members: treated.length, purchasers: 4 },
        control: { members: control.length, purchasers: 2 },
        windowDays: 30,
        windowClosed: true,
      });
      expect(r.roi).toBeCloseTo((81_000 - 9_000) / 9_000, 10);
      expect(r.upliftPoints).toBeCloseTo((4 / treated.length - 2 / control.length) * 100, 10);
      expect(r.incrementalPurchasers).toBeCloseTo(4 - (2 / control.length) * treated.length, 10);
      // another store's manager does not see it
      expect(await h.call('ops', 'manager-S002', { action: 'campaignResults', campaignId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe("a member's rows", () => {
    it('are listed in their export and erased when they leave', async () => {
      const ids = Array.from({ length: 12 }, (_, i) => memberNo(i));
      await seedPlaced(h, ids);
      const c = await launch(h, { controlPercent: 50 });
      await issueAll(h, c.campaignId);
      const t = ids.find((m) => !inControlGroup(c.campaignId, m, 50))!;
      const k = ids.find((m) => inControlGroup(c.campaignId, m, 50))!;
      const exported = await h.call('member', `openid-${k}`, { action: 'export' });
      expect(exported).toMatchObject({ ok: true, data: { campaigns: [{ campaignId: c.campaignId, name: '唤醒沉睡会员', group: 'control' }] } });
      for (const m of [t, k]) expect(await h.call('member', `openid-${m}`, { action: 'delete', confirm: true })).toMatchObject({ ok: true });
      const named = h.cloud.db.find(COLLECTIONS.campaignBatches, {}).flatMap((b) => [...(b.treated as string[]), ...(b.control as string[])]);
      expect(named).not.toContain(t);
      expect(named).not.toContain(k);
      expect(campaignCoupons(h, c.campaignId).map((x) => x.memberId)).not.toContain(t);
    });
  });
});
