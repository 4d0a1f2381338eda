/**
 * The nightly segments job's cost on 10,000 and 100,000 members seeded straight into the stand-in
 * (tests/support/segmentMembers: two stores, 20 % never bought, the rest 1–30 purchase days over
 * two years, 5 % with staff tags, 0.5 % leaving): every member is scored and placed, so reads and
 * writes follow N by design. The quintile cut points are three aggregations whatever N (the rows
 * they return are bounded by the metrics' ranges, not by N); the pass reads each member once, in
 * pages of 500, with one read of their previous placements and one of their staff tags per page,
 * and writes one placement per member.
 * `npx tsx tests/bench/segments.ts [sizes…]` prints the figures; `npm run bench` runs it with the rest.
 */
import { performance } from 'node:perf_hooks';
import type { Envelope } from '../../cloudfunctions/contract';
import type { JobRun } from '../../cloudfunctions/contract/jobs';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { segmentsJob } from '../../cloudfunctions/functions/jobs/segmentsJob';
import type { LocalCloud } from '../../local/cloud/install';
import { functionMains } from '../../local/functions';
import { createHarness } from '../support/harness';
import { requesterClass } from '../support/interleave';
import { seedSegmentMembers } from '../support/segmentMembers';
import { round, table } from './stats';

export interface SegmentsJobRow {
  members: number;
  placed: number;
  batches: number;
  /** function calls the timer needed (each stops at its 45 s budget) */
  calls: number;
  requests: number;
  /** aggregations (the cut points) and the rows they returned */
  aggregations: number;
  aggregateRows: number;
  /** documents that came back from plain reads (members, placements, tags, checkpoints) */
  docsRead: number;
  docsExamined: number;
  writes: number;
  requestsPerMember: number;
  docsReadPerMember: number;
  seedMs: number;
  wallMs: number;
}

export interface SegmentsJobReport {
  note: string;
  rows: SegmentsJobRow[];
  ratios: { members: number; requests: number; docsRead: number; aggregateRows: number; docsExamined: number };
}

export interface SegmentsNight {
  run: JobRun;
  /** the timer's calls it took, and what they sent and examined */
  calls: number;
  requests: number;
  docsExamined: number;
  /** placements stored: the run's count, checked */
  placed: number;
}

/** The timer's calls of the jobs function, one after another, until the night's segments run is done; every placement the run counts is stored. */
export async function runSegmentsNight(cloud: LocalCloud): Promise<SegmentsNight> {
  const jobs = functionMains().jobs!;
  const night = { calls: 0, requests: 0, docsExamined: 0 };
  let run: JobRun | undefined;
  while (!run?.done) {
    const outcome = await cloud.call(null, async () => (await jobs({ action: 'run', job: 'segments' })) as Envelope<{ runs: JobRun[] }>, 'wx_trigger');
    night.calls += 1;
    night.requests += outcome.requests;
    night.docsExamined += outcome.docsExamined;
    run = outcome.result.ok ? outcome.result.data.runs[0] : undefined;
    if (!run || run.failed) throw new Error(`segments job failed: ${JSON.stringify(outcome.result)}`);
  }
  const placed = cloud.db.collection(COLLECTIONS.memberSegments).size;
  if (placed !== run.changed) throw new Error(`${placed} placements stored, the run says ${run.changed}`);
  return { ...night, run, placed };
}

async function runSize(members: number): Promise<SegmentsJobRow> {
  const h = await createHarness();
  const t0 = performance.now();
  await seedSegmentMembers(h.cloud.db, members, h.clock.now());
  const seedMs = performance.now() - t0;
  const original = segmentsJob.batch;
  let batches = 0;
  segmentsJob.batch = (...args) => {
    batches += 1;
    return original.apply(segmentsJob, args);
  };
  const Requester = requesterClass();
  const send = Requester.prototype.send;
  let docsRead = 0;
  let aggregations = 0;
  let aggregateRows = 0;
  let writes = 0;
  Requester.prototype.send = async function counted(this: unknown, action: string, params: Record<string, unknown> = {}) {
    const answer = (await send.call(this, action, params)) as { data?: { list?: unknown[] } } | undefined;
    if (action === 'database.getDocument') docsRead += answer?.data?.list?.length ?? 0;
    if (action === 'database.aggregateDocuments') {
      aggregations += 1;
      aggregateRows += answer?.data?.list?.length ?? 0;
    }
    if (action === 'database.modifyDocument' && params.collectionName === COLLECTIONS.memberSegments) writes += 1;
    return answer;
  };
  const t1 = performance.now();
  let night: SegmentsNight;
  try {
    night = await runSegmentsNight(h.cloud);
  } finally {
    segmentsJob.batch = original;
    Requester.prototype.send = send;
  }
  const wallMs = performance.now() - t1;
  const { placed, calls, requests, docsExamined } = night;
  return {
    members,
    placed,
    batches,
    calls,
    requests,
    aggregations,
    aggregateRows,
    docsRead,
    docsExamined,
    writes,
    requestsPerMember: round(requests / members, 3),
    docsReadPerMember: round(docsRead / members, 3),
    seedMs: Math.round(seedMs),
    wallMs: round(wallMs, 1),
  };
}

export async function measureSegmentsJob(sizes: number[] = [10_000, 100_000]): Promise<SegmentsJobReport> {
  const rows: SegmentsJobRow[] = [];
  for (const members of sizes) rows.push(await runSize(members));
  const small = rows[0]!;
  const large = rows[rows.length - 1]!;
  const ratio = (a: number, b: number) => round(a / Math.max(1, b), 2);
  return {
    note: 'one night of the segments job (jobs function, timer calls until done) over N members seeded straight into the stand-in; every member is placed, so requests and documents read follow N (≈ 1 write + 1/500 of a page per member); the cut points are 3 aggregations whose rows do not grow with N',
    rows,
    ratios: {
      members: ratio(large.members, small.members),
      requests: ratio(large.requests, small.requests),
      docsRead: ratio(large.docsRead, small.docsRead),
      aggregateRows: ratio(large.aggregateRows, small.aggregateRows),
      docsExamined: ratio(large.docsExamined, small.docsExamined),
    },
  };
}

export function segmentsJobTable(report: SegmentsJobReport): string {
  return table(
    ['members', 'placed', 'batches', 'calls', 'requests', 'aggregations', 'aggregate rows', 'docs read', 'docs examined', 'writes', 'requests/member', 'read/member', 'wall ms', 'seed ms'],
    report.rows.map((r) => [r.members, r.placed, r.batches, r.calls, r.requests, r.aggregations, r.aggregateRows, r.docsRead, r.docsExamined, r.writes, r.requestsPerMember, r.docsReadPerMember, r.wallMs, r.seedMs]),
  );
}

export function describeSegmentsJob(report: SegmentsJobReport): string {
  const { ratios } = report;
  return `  ×${ratios.members} members → ×${ratios.requests} requests, ×${ratios.docsRead} documents read, ×${ratios.aggregateRows} aggregate rows (the cut points), ×${ratios.docsExamined} documents examined`;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  measureSegmentsJob(sizes.length ? sizes : undefined)
    .then((report) => {
      console.log('Segments job, one night, through the jobs function (members seeded straight into the stand-in)');
      console.log(segmentsJobTable(report));
      console.log(describeSegmentsJob(report));
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
