/**
 * The campaigns job's cost: a campaign to one segment of a store, over N members placed by the
 * segments job (seeded straight into the stand-in), 10 % of them in the audience, 10 % of that held
 * out. Requests, documents read and examined per coupon issued should stay flat as N grows; the
 * results action's requests follow the audience (one page per 1,000 coupons, one aggregation per
 * 1,000 members), not N. `npx tsx tests/bench/campaignsJob.ts [sizes…]` prints the figures.
 */
import { performance } from 'node:perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { createHarness } from '../support/harness';
import { requesterClass } from '../support/interleave';
import { functionMains } from '../../local/functions';
import { launchOf, memberNo, seedPlaced } from '../support/campaigns';
import { round, table } from './stats';

export interface CampaignsJobRow {
  members: number;
  audience: number;
  issued: number;
  heldOut: number;
  requests: number;
  docsRead: number;
  docsExamined: number;
  requestsPerCoupon: number;
  docsReadPerCoupon: number;
  docsExaminedPerCoupon: number;
  resultsRequests: number;
  resultsDocsExamined: number;
  wallMs: number;
}

async function runSize(members: number): Promise<CampaignsJobRow> {
  const h = await createHarness();
  // every 10th member is in the dormant segment: the audience
  await seedPlaced(h, Array.from({ length: members }, (_, i) => memberNo(i)), (_id, i) => ({ segment: i % 10 === 0 ? 'dormant' : 'loyal' }));
  const Requester = requesterClass();
  const send = Requester.prototype.send;
  let docsRead = 0;
  Requester.prototype.send = async function counted(this: unknown, action: string, params: Record<string, unknown> = {}) {
    const answer = (await send.call(this, action, params)) as { data?: { list?: unknown[] } } | undefined;
    if (action === 'database.getDocument') docsRead += answer?.data?.list?.length ?? 0;
    return answer;
  };
  const jobs = functionMains().jobs!;
  let requests = 0;
  let docsExamined = 0;
  const t0 = performance.now();
  try {
    // the launch (first batch inline) and the timer's ticks until done, all counted
    const launch = await h.measure('ops', 'manager-S001', launchOf({ requestId: 'bench-campaign' }));
    if (!launch.answer.ok) throw new Error(JSON.stringify(launch.answer));
    requests += launch.requests;
    docsExamined += launch.docsExamined;
    const id = launch.answer.data.campaign.campaignId as string;
    for (let tick = 0; tick < 100; tick += 1) {
      const doc = h.cloud.db.find(COLLECTIONS.campaigns, { _id: id })[0]!;
      if (doc.status === 'done') break;
      h.clock.advance(10 * 60_000);
      const { requests: r, docsExamined: d } = await h.cloud.call(null, () => jobs({ action: 'run', job: 'campaigns' }));
      requests += r;
      docsExamined += d;
    }
  } finally {
    Requester.prototype.send = send;
  }
  const wallMs = performance.now() - t0;
  const campaign = h.cloud.db.find(COLLECTIONS.campaigns, {})[0]!;
  if (campaign.status !== 'done') throw new Error(`campaign not done: ${JSON.stringify(campaign)}`);
  const issued = Number(campaign.issued);
  const results = await h.measure('ops', 'manager-S001', { action: 'campaignResults', campaignId: campaign._id });
  if (!results.answer.ok) throw new Error(JSON.stringify(results.answer));
  const per = (n: number) => round(n / Math.max(1, issued), 2);
  return {
    members,
    audience: Number(campaign.treated) + Number(campaign.control),
    issued,
    heldOut: Number(campaign.control),
    requests,
    docsRead,
    docsExamined,
    requestsPerCoupon: per(requests),
    docsReadPerCoupon: per(docsRead),
    docsExaminedPerCoupon: per(docsExamined),
    resultsRequests: results.requests,
    resultsDocsExamined: results.docsExamined,
    wallMs: Math.round(wallMs),
  };
}

export async function measureCampaignsJob(sizes: number[] = [10_000, 100_000]): Promise<{ note: string; rows: CampaignsJobRow[] }> {
  const rows: CampaignsJobRow[] = [];
  for (const n of sizes) rows.push(await runSize(n));
  return { note: 'a campaign to one segment (10 % of N placed members, 10 % held out): the launch and every campaigns-job tick until done, then campaignResults once', rows };
}

export function campaignsJobTable(report: { rows: CampaignsJobRow[] }): string {
  return table(
    ['members', 'audience', 'issued', 'held out', 'requests', 'docs read', 'docs examined', 'requests/coupon', 'read/coupon', 'examined/coupon', 'results requests', 'results examined', 'wall ms'],
    report.rows.map((r) => [r.members, r.audience, r.issued, r.heldOut, r.requests, r.docsRead, r.docsExamined, r.requestsPerCoupon, r.docsReadPerCoupon, r.docsExaminedPerCoupon, r.resultsRequests, r.resultsDocsExamined, r.wallMs]),
  );
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  measureCampaignsJob(sizes.length ? sizes : undefined)
    .then((report) => {
      console.log('Campaigns job (launch + ticks until done) and the results action');
      console.log(campaignsJobTable(report));
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
