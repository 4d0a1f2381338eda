import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { inControlGroup } from '../../cloudfunctions/domain/ops/campaigns/control';
import { createHarness, type Harness } from '../support/harness';
import { requesterClass } from '../support/interleave';
import { runJobs } from '../support/ledger';
import { campaignCoupons, giveCampaignCredit, launchOf, memberNo, seedPlaced, seedSegmentNames } from '../support/campaigns';

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
    await seedSegmentNames(h);
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
        h.clock.advance(TEN_MINUTES);
        const crashed = await runCampaigns(h);
        expect(crashed).toMatchObject({ ok: true, data: { runs: [{ job: 'campaigns', failed: true }] } });
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
});
