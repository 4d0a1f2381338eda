/**
 * docs/capacity.md from the bench's own figures: requests per action (tests/bench/requests.ts), the
 * jobs' requests per member, the flash-campaign simulation (stockSim.ts) — times the brand's peaks,
 * against CloudBase's published quotas. `npm run bench` writes it at the end of its run; alone,
 * `npx tsx tests/bench/capacity.ts` rewrites it from the last bench/latest.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bucketCount } from '../../cloudfunctions/domain/coupons/stockBuckets';
import { WRITES_IN_FLIGHT as SEGMENT_WRITES_IN_FLIGHT } from '../../cloudfunctions/functions/jobs/segmentsJob';
import type { NightSimReport } from './nightSim';
import type { StockSimReport } from './stockSim';

const ROOT = path.resolve(__dirname, '../..');
export const LATEST = path.join(ROOT, 'bench', 'latest.json');
export const CAPACITY_DOC = path.join(ROOT, 'docs', 'capacity.md');

/** The peaks the plan must carry (the brand's figures: 300 stores, 千万级 members). Each an assumption, stated. */
export const PEAKS = {
  flash: { members: 100_000, stock: 50_000, note: '10万 members open the claim centre and claim one 50,000-unit campaign at the same moment' },
  till: {
    stores: 300,
    ordersPerStoreSaturday: 400,
    busiestHourShare: 0.2,
    /** the busiest minute against the busiest hour's average */
    minuteSurge: 3,
    refundShare: 0.05,
    note: 'A Saturday: 400 till orders a store, a fifth of them in the busiest hour, its busiest minute 3× the hour’s average; every order quoted once first and the member’s code shown (code + card); 5 % refunded',
  },
  nightly: {
    members: 10_000_000,
    windowHours: 6,
    /** share of members with a referral record, and of those due for settlement on a night */
    referralShare: 0.1,
    referralDueShare: 0.01,
    /** share of members a staff to-do is made for on an ordinary day (the bench's 10,000-member day: 38) */
    todoShare: 0.0038,
    /** a campaign night: a campaign to a tenth of the members */
    campaignShare: 0.1,
    note: 'The nightly jobs over 10 million members within 00:00–06:00 (UTC+8)',
  },
};

/**
 * CloudBase's published quotas, as found on 2026-12-07 (search tool). Sources:
 * [Q1] WeChat cloud development quota page (developers.weixin.qq.com …/wxcloud/basis/concepts/quota.html; mirrored with
 *      the per-plan table at w3cschool.cn/weixinapp/weixinapp-c9eh38kg.html, updated 2020-07-22);
 * [Q2] the WeChat developer community's official answer: every cloud function runs at most 1,000 calls at once, prepaid
 *      or pay-as-you-go (developers.weixin.qq.com/community/minihome/doc/000408efdd83f0324dfc908fe51400);
 * [Q3] tencentyun/qcloud-documents 购买指南/免费额度.md: a pay-as-you-go environment's database allows 1,000 connections;
 * [Q4] docs.cloudbase.net/en/faq/database: up to 100 indexes a collection (the WeChat page [Q1] says 20; deploy keeps to 20).
 * A plan's database "同时连接数" is the cap on requests in flight at once; published QPS exists only for the basic plan (30).
 */
export const PLANS: Array<{ plan: string; connections: number; readsPerDay: number | null; source: string }> = [
  { plan: '基础版 1', connections: 20, readsPerDay: 50_000, source: 'Q1' },
  { plan: '基础版 2', connections: 50, readsPerDay: 250_000, source: 'Q1' },
  { plan: '专业版 1', connections: 100, readsPerDay: 500_000, source: 'Q1' },
  { plan: '专业版 2', connections: 200, readsPerDay: 1_500_000, source: 'Q1' },
  { plan: '专业版 3', connections: 300, readsPerDay: 3_000_000, source: 'Q1' },
  { plan: '旗舰版 1', connections: 400, readsPerDay: 5_000_000, source: 'Q1' },
  { plan: '旗舰版 2', connections: 500, readsPerDay: 10_000_000, source: 'Q1' },
  { plan: '旗舰版 3', connections: 500, readsPerDay: 20_000_000, source: 'Q1' },
  { plan: '企业版 1', connections: 500, readsPerDay: null, source: 'Q1 (daily reads cut off in the source)' },
  { plan: '按量计费 (pay-as-you-go)', connections: 1_000, readsPerDay: null, source: 'Q3 (no daily cap: billed per use)' },
];
export const FUNCTION_CONCURRENCY_CEILING = 1_000;
/** The jobs function's timer (its config.json: every 10 minutes) and what each tick may spend (its index.ts: 45 s of its 60 s timeout). */
export const TICK_MINUTES = 10;
export const TICK_BUDGET_S = 45;

interface Latest {
  timestamp: string;
  requests?: { rows: Array<{ action: string; actual: number }> };
  birthdayJob?: { rows: Array<{ requestsPerMemberInWindow: number }> };
  referralJob?: { rows: Array<{ requestsPerDue: number }> };
  staffTodosJob?: { rows: Array<{ requestsPerTodo: number }> };
  segmentsJob?: { rows: Array<{ requestsPerMember: number }> };
  campaignsJob?: { rows: Array<{ requestsPerCoupon: number }> };
  stockSim?: StockSimReport;
  nightSim?: NightSimReport;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const worst = (xs: number[] | undefined, fallback: number) => (xs && xs.length ? Math.max(...xs) : fallback);

/** The figures: requests per peak → database QPS, requests in flight (connections), function concurrency. */
export function capacityFigures(latest: Latest) {
  const per = new Map((latest.requests?.rows ?? []).map((r) => [r.action, r.actual]));
  const need = (action: string) => {
    const n = per.get(action);
    if (n === undefined) throw new Error(`bench/latest.json has no requests row for ${action}: run npm run bench first`);
    return n;
  };
  const sim = latest.stockSim;
  if (!sim) throw new Error('bench/latest.json has no stockSim section: run npm run bench (or npx tsx tests/bench/stockSim.ts --write)');
  const requestMs = sim.model.requestMs;
  const [one, buckets] = sim.rows;
  // Little's law: requests in flight = request rate × how long each takes
  const inFlight = (qps: number) => (qps * requestMs) / 1000;

  const centre = need('coupon.center');
  const claim = buckets!.requestsPerClaim;
  const flashRequests = PEAKS.flash.members * (centre + claim);
  // under the model a rush is bound by the calls running at once (each request one round trip) or by the
  // stock's documents taking one write at a time, whichever is slower; the simulation checks the model below
  const callsBound = (flashRequests * requestMs) / 1000 / FUNCTION_CONCURRENCY_CEILING;
  const stockBound = (layoutDocs: number) => ((PEAKS.flash.stock / layoutDocs) * sim.model.docWriteMs) / 1000;
  const flashSeconds = Math.max(callsBound, stockBound(bucketCount(PEAKS.flash.stock)));
  const flashSecondsOneDocument = Math.max(callsBound, stockBound(1));
  const flashQps = flashRequests / flashSeconds;

  const t = PEAKS.till;
  const ordersPerSecond = ((t.stores * t.ordersPerStoreSaturday * t.busiestHourShare) / 3600) * t.minuteSurge;
  const perOrder = need('pos.quotes') + need('pos.orders (new)') + need('member.code') + need('member.card') + t.refundShare * need('pos.refunds');
  const tillQps = ordersPerSecond * perOrder;
  // a till order is a chain of requests, one after another: its duration under the model
  const orderSeconds = (need('pos.orders (new)') * requestMs) / 1000;

  const n = PEAKS.nightly;
  const jobs = [
    { job: 'segments (every member placed)', units: n.members, per: worst(latest.segmentsJob?.rows.map((r) => r.requestsPerMember), NaN), unit: 'member' },
    { job: 'birthday (members in the window)', units: Math.round(n.members / 365), per: worst(latest.birthdayJob?.rows.map((r) => r.requestsPerMemberInWindow), NaN), unit: 'member in window' },
    { job: 'referral settlement (due referrals)', units: Math.round(n.members * n.referralShare * n.referralDueShare), per: worst(latest.referralJob?.rows.map((r) => r.requestsPerDue), NaN), unit: 'due referral' },
    { job: 'staff to-dos (to-dos made)', units: Math.round(n.members * n.todoShare), per: worst(latest.staffTodosJob?.rows.map((r) => r.requestsPerTodo), NaN), unit: 'to-do' },
    { job: 'campaigns (a campaign night)', units: Math.round(n.members * n.campaignShare), per: worst(latest.campaignsJob?.rows.map((r) => r.requestsPerCoupon), NaN), unit: 'coupon' },
  ].map((j) => ({ ...j, requests: Math.round(j.units * j.per), sequentialHours: (j.units * j.per * requestMs) / 1000 / 3600 }));
  const nightlyRequests = jobs.reduce((s, j) => s + j.requests, 0);
  // the segments pass as the latency model runs it (its reads side by side, its writes many at a time), scaled to
  // the brand's members; the timer gives the jobs TICK_BUDGET_S of each TICK_MINUTES
  const night = latest.nightSim;
  if (!night) throw new Error('bench/latest.json has no nightSim section: run npm run bench (or npx tsx tests/bench/nightSim.ts --write)');
  const segmentsSeconds = (night.platformMsPerMember * n.members) / 1000;
  const segmentsTicks = Math.ceil(segmentsSeconds / TICK_BUDGET_S);
  const segments = { seconds: segmentsSeconds, ticks: segmentsTicks, hours: (segmentsTicks * TICK_MINUTES) / 60, sim: night };
  const nightlyQps = nightlyRequests / (n.windowHours * 3600);

  return {
    requestMs,
    docWriteMs: sim.model.docWriteMs,
    sim,
    one: one!,
    buckets: buckets!,
    // every running call always has one request out (or queued behind a document's writes): in flight = calls running
    flash: { centre, claim, requests: flashRequests, callsBound, seconds: flashSeconds, secondsOneDocument: flashSecondsOneDocument, buckets: bucketCount(PEAKS.flash.stock), qps: flashQps, inFlight: Math.min(PEAKS.flash.members, FUNCTION_CONCURRENCY_CEILING), functions: FUNCTION_CONCURRENCY_CEILING },
    till: { ordersPerSecond, perOrder, qps: tillQps, inFlight: inFlight(tillQps), functions: Math.max(1, Math.ceil(ordersPerSecond * orderSeconds)) },
    nightly: { jobs, requests: nightlyRequests, qps: nightlyQps, inFlight: inFlight(nightlyQps), segments },
  };
}

type Figures = ReturnType<typeof capacityFigures>;

/** The plan: the smallest whose connections carry the flash peak's requests in flight (and no daily read cap below the day's reads). */
export function choosePlan(f: Figures) {
  const dayReads = f.flash.requests + f.nightly.requests + f.till.qps * 3600 * 10; // a flash campaign, a night of jobs, ten hours of till trading
  const fits = PLANS.filter((p) => p.connections >= f.flash.inFlight && (p.readsPerDay === null || p.readsPerDay >= dayReads));
  return { dayReads, plan: fits[0] ?? PLANS[PLANS.length - 1]! };
}

export function capacityMarkdown(latest: Latest): string {
  const f = capacityFigures(latest);
  const { dayReads, plan } = choosePlan(f);
  const s = f.sim;
  const lines: string[] = [];
  const row = (cells: Array<string | number>) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push('# Capacity plan (generated)', '');
  lines.push(`Generated by \`tests/bench/capacity.ts\` from \`bench/latest.json\` of ${latest.timestamp}; do not edit by hand — rerun \`npx tsx tests/bench/capacity.ts\` (or \`npm run bench\`).`, '');
  lines.push('## The answer', '');
  lines.push(
    `- **Plan: ${plan.plan}** (${fmt(plan.connections)} database connections). The flash peak keeps ~${fmt(f.flash.inFlight)} database requests in flight (the coupon function at its ceiling of ${fmt(FUNCTION_CONCURRENCY_CEILING)} calls at once, each always waiting on one request), which only a plan with ${fmt(FUNCTION_CONCURRENCY_CEILING)} connections carries at full speed; a day with a flash campaign, ten hours of till trading and a night of jobs makes ~${fmt(dayReads)} database operations, more than the largest published daily read quota (旗舰版 3: 20,000,000). On a 500-connection prepaid plan (旗舰版 2/3, 企业版 1) the same peak is served at half the rate (about ${fmt(f.flash.seconds * 2, 0)} s instead of ${fmt(f.flash.seconds, 0)} s), and the daily read/write caps must be raised by request (the quota page [Q1] names the address).`,
    `- **Flash campaign**: 10万 members on a 50,000-unit campaign are all answered in ~${fmt(f.flash.seconds, 1)} s with the stock in ${f.flash.buckets} buckets, against ~${fmt(f.flash.secondsOneDocument, 1)} s on one document (the model's bound). Simulated: a ${fmt(s.rows[0]!.claims)}-claim rush on a ${fmt(s.rows[0]!.issued)}-unit campaign sells out in ${f.buckets.sellOutSeconds} s in ${f.buckets.documents} buckets against ${f.one.sellOutSeconds} s in one document (${s.speedUp}× sooner), p99 ${fmt(f.buckets.p99Ms)} ms against ${fmt(f.one.p99Ms)} ms, issuing exactly the stock both ways (${s.exactlyStock}).`,
    `- **Hot spots**: one campaign stock document (fixed: buckets); the nightly segments pass, ${fmt(f.nightly.segments.seconds / 60, 0)} min of platform work over 10 million members that the jobs timer spreads over ${fmt(f.nightly.segments.ticks)} ticks = ${fmt(f.nightly.segments.hours, 1)} h — ${f.nightly.segments.hours <= PEAKS.nightly.windowHours ? `inside the ${PEAKS.nightly.windowHours} h night, with ${fmt(PEAKS.nightly.windowHours - f.nightly.segments.hours, 1)} h to spare` : `longer than the ${PEAKS.nightly.windowHours} h night`} (see below).`,
    '',
  );
  lines.push('## Model and sources', '');
  lines.push(
    `- Latency model of the local cloud (\`local/cloud/latency.ts\`): **${f.requestMs} ms per database request** and **${f.docWriteMs} ms per write on one document** (writes to one document one at a time: at most ${fmt(1000 / f.docWriteMs)} a second). Both are **assumptions**: CloudBase publishes quotas, not latencies. Every QPS below scales with the request counts, not with these; the times and connections scale with them.`,
    `- Requests per action: the \`requests\` rows of the bench (the stand-in counts every database request a call sends). Jobs: requests per unit of work from the jobs' bench rows (the worst row of each).`,
    '- Quotas ([Q1]–[Q4], looked up 2026-12-07 with the search tool; the WeChat quota page is dated 2020, and CloudBase has since added function V2 and new packages — confirm the figures in the console before buying):',
    '  - [Q1] WeChat cloud development resource quotas, per plan: https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html and the per-plan table mirrored at https://w3cschool.cn/weixinapp/weixinapp-c9eh38kg.html (basic plan: database QPS 30, 20 connections; 20 indexes a collection).',
    '  - [Q2] 1,000 calls at once per cloud function, prepaid or pay-as-you-go: https://developers.weixin.qq.com/community/minihome/doc/000408efdd83f0324dfc908fe51400',
    '  - [Q3] pay-as-you-go environment, database 1,000 connections: tencentyun/qcloud-documents, 购买指南/免费额度.md',
    '  - [Q4] up to 100 indexes a collection: https://docs.cloudbase.net/en/faq/database',
    '',
  );
  lines.push('| plan | database connections | reads a day | source |', '|---|---:|---:|---|');
  for (const p of PLANS) row([p.plan, fmt(p.connections), p.readsPerDay === null ? '—' : fmt(p.readsPerDay), p.source]);
  lines.push('');

  lines.push('## Peak 1: 10万 members claiming one campaign at once', '');
  lines.push(`${PEAKS.flash.note}. Requests: coupon.center ${f.flash.centre} + coupon.claim ${f.flash.claim} (bucketed stock, measured in the simulation) = ${f.flash.centre + f.flash.claim} a member.`, '');
  lines.push('| figure | value |', '|---|---:|');
  row(['database requests', fmt(f.flash.requests)]);
  row(['seconds bound by the calls running at once', fmt(f.flash.callsBound, 1)]);
  row([`seconds to answer everyone, stock in ${f.flash.buckets} buckets`, fmt(f.flash.seconds, 1)]);
  row(['seconds to answer everyone, stock in one document', fmt(f.flash.secondsOneDocument, 1)]);
  row(['database QPS', fmt(f.flash.qps)]);
  row(['requests in flight (connections): one a running call', fmt(f.flash.inFlight)]);
  row(['function concurrency (coupon): the platform’s ceiling', fmt(f.flash.functions)]);
  lines.push('');
  const fullSize = s.rows[0]!.claims === 100_000 && s.rows[0]!.issued === 50_000;
  lines.push(
    `The simulation (\`tests/bench/stockSim.ts\`: every claim the real coupon.claim; ${fmt(s.model.functionConcurrency)} calls at once; simulated time)` +
      (fullSize ? ':' : ` — run at ${fmt(s.rows[0]!.claims)} claims on a ${fmt(s.rows[1]!.issued)}-unit stock, not the issue's 100,000 on 50,000 (STOCK_SIM_CLAIMS / STOCK_SIM_STOCK set another size); \`npm run bench\` runs the full size by default and this page follows it:`),
    '',
  );
  lines.push('| stock kept in | claims | issued | OUT_OF_STOCK | left | sold out (s) | all answered (s) | claims/s | requests/claim | p50 ms | p99 ms |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of s.rows) row([r.layout, fmt(r.claims), fmt(r.issued), fmt(r.outOfStock), fmt(r.stockLeft), r.sellOutSeconds, r.allAnsweredSeconds, fmt(r.claimsPerSecond), r.requestsPerClaim, fmt(r.p50Ms, 1), fmt(r.p99Ms, 1)]);
  lines.push(
    '',
    `One document takes one write at a time, so ${fmt(f.one.issued)} units need ${fmt(f.one.issued)} × ${f.docWriteMs} ms ≈ ${fmt((f.one.issued * f.docWriteMs) / 1000, 1)} s whatever the plan (simulated: ${f.one.sellOutSeconds} s); ${f.buckets.documents} buckets take ${f.buckets.documents} writes at a time, ≈ ${fmt((f.buckets.issued / f.buckets.documents) * f.docWriteMs / 1000, 1)} s of writes each (simulated: ${f.buckets.sellOutSeconds} s, the rest is the calls' own round trips). A bucket costs a claim one read more (what each bucket has left).`,
    '',
  );

  lines.push('## Peak 2: a Saturday’s till orders across 300 stores', '');
  lines.push(`${PEAKS.till.note}.`, '');
  lines.push('| figure | value |', '|---|---:|');
  row(['orders a second (busiest minute, all stores)', fmt(f.till.ordersPerSecond, 1)]);
  row(['database requests an order (quote + order + code + card + refunds’ share)', fmt(f.till.perOrder, 2)]);
  row(['database QPS', fmt(f.till.qps)]);
  row(['requests in flight (connections), by Little’s law at the model’s request time', fmt(f.till.inFlight, 1)]);
  row(['function concurrency (pos)', fmt(f.till.functions)]);
  lines.push(
    '',
    `About ${fmt(Math.ceil(f.till.inFlight))} requests in flight fit every plan's connections (the basic plan's published 30 QPS would not carry its ${fmt(f.till.qps)} QPS); the till is never the sizing peak.`,
    '',
  );

  lines.push('## Peak 3: the nightly jobs over 10 million members', '');
  lines.push(`${PEAKS.nightly.note}. Referral records: ${PEAKS.nightly.referralShare * 100} % of members, ${PEAKS.nightly.referralDueShare * 100} % of them due a night; to-dos for ${PEAKS.nightly.todoShare * 100} % of members a day; a campaign to ${PEAKS.nightly.campaignShare * 100} % of members on a campaign night.`, '');
  lines.push('| job | units | requests a unit | requests | hours if every request waited for the last |', '|---|---:|---:|---:|---:|');
  for (const j of f.nightly.jobs) row([j.job, fmt(j.units), j.per, fmt(j.requests), fmt(j.sequentialHours, 1)]);
  lines.push('');
  lines.push('| figure | value |', '|---|---:|');
  row(['database requests a night', fmt(f.nightly.requests)]);
  row([`database QPS over ${PEAKS.nightly.windowHours} h`, fmt(f.nightly.qps)]);
  row(['requests in flight at that rate', fmt(f.nightly.inFlight, 1)]);
  lines.push(
    '',
    `The QPS is small; the time is what counts. The segments pass does not wait request by request: each page of members is read in three requests, its placements written ${SEGMENT_WRITES_IN_FLIGHT} at a time, then the checkpoint moves. On the latency model (\`tests/bench/nightSim.ts\`: ${fmt(f.nightly.segments.sim.members)} members through the jobs function, ${f.nightly.segments.sim.platformSeconds} s of platform time) that is ${f.nightly.segments.sim.platformMsPerMember} ms a member: ${fmt(f.nightly.segments.seconds / 60, 0)} min of work for 10 million. The timer wakes the jobs every ${TICK_MINUTES} minutes for at most ${TICK_BUDGET_S} s, so the pass needs ${fmt(f.nightly.segments.ticks)} ticks = ${fmt(f.nightly.segments.hours, 1)} h of the night${f.nightly.segments.hours <= PEAKS.nightly.windowHours ? `, inside the ${PEAKS.nightly.windowHours} h window. But the ticks are shared and the jobs run in order: the jobs before segments are small, while the campaigns, alerts and sweep jobs after it get only what each tick leaves until the pass is done — at 10 million members they wait most of the night (a campaign sent at night goes out after the pass; the stores' alerts are ready before opening). Giving the pass its own trigger (a second function) or parallel ranges of members is the next capacity work` : `, longer than the ${PEAKS.nightly.windowHours} h window: the pass must run in parallel ranges of members or on a more frequent trigger`}.`,
    '',
  );

  lines.push('## Hot-spot documents', '');
  lines.push('| document | written by | rate at the peak | ceiling at one write at a time |', '|---|---|---:|---:|');
  row(['`couponStock/<campaign>` (one document)', 'every claim of a flash campaign', `${fmt(f.one.claims / Math.max(f.one.allAnsweredSeconds, 1e-9))} claims/s wanting it`, `${fmt(1000 / f.docWriteMs)} writes/s → fixed: ${f.buckets.documents} buckets, ${fmt((1000 / f.docWriteMs) * f.buckets.documents)} writes/s`]);
  row(['`members/<id>`', 'that member’s till orders, refunds, redeems (one writer by design)', 'a few a minute', `${fmt(1000 / f.docWriteMs)} writes/s`]);
  row(['a store’s minute of wrong codes', 'the till orders and quotes of one store in one minute', `${fmt(f.till.ordersPerSecond / PEAKS.till.stores, 2)} orders/s a store`, `${fmt(1000 / f.docWriteMs)} writes/s`]);
  row(['`jobRuns/<job>` checkpoints', 'one runner a job', 'one a batch', `${fmt(1000 / f.docWriteMs)} writes/s`]);
  lines.push('');
  return lines.join('\n');
}

/** Rewrites docs/capacity.md from bench/latest.json; answers the path written. */
export function writeCapacityDoc(latestFile = LATEST, out = CAPACITY_DOC): string {
  const latest = JSON.parse(fs.readFileSync(latestFile, 'utf8')) as Latest;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, capacityMarkdown(latest));
  return out;
}

if (require.main === module) {
  console.log(`wrote ${path.relative(ROOT, writeCapacityDoc())}`);
}
