/**
 * The referral-settlement job's cost on 10,000 and 100,000 referrals seeded straight into the
 * stand-in: what it reads and writes should follow the referrals due today (found through the
 * {dueAt, _id} index), not how many referrals there are. `npx tsx tests/bench/referralJob.ts`
 * prints the figures; `npm run bench` runs it with the rest and writes bench/latest.json.
 */
import { performance } from 'node:perf_hooks';
import type { Envelope } from '../../cloudfunctions/contract';
import type { JobRun } from '../../cloudfunctions/contract/jobs';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { referralIdOf } from '../../cloudfunctions/data/referrals';
import { newMember } from '../../cloudfunctions/domain/member';
import { listKeyOf, type Referral } from '../../cloudfunctions/domain/referrals/referral';
import type { TillOrder } from '../../cloudfunctions/domain/till/records';
import { referralSettlement } from '../../cloudfunctions/functions/jobs/referralSettlement';
import type { Doc, LocalDatabase, Write } from '../../local/cloud/database';
import { currentScope } from '../../local/cloud/context';
import { functionMains } from '../../local/functions';
import { requesterClass } from '../support/interleave';
import { prng } from '../support/birthdays';
import { createHarness } from '../support/harness';
import { round, table } from './stats';

const DAY = 86_400_000;
/** 3 December 2026, 10:00 in Shanghai. */
const RUN_AT = '2026-12-03T02:00:00.000Z';
const STORE = { storeId: 'S001', name: '悦衣库 上海静安店' };

export interface ReferralJobRow {
  referrals: number;
  /** referrals due today: a qualified one past its return window (settles), a joined one past its 30 days without an order (void) */
  due: number;
  settled: number;
  voided: number;
  batches: number;
  requests: number;
  docsExamined: number;
  requestsPerDue: number;
  docsExaminedPerDue: number;
  /** of docsExamined, what the due page queries examined (the stand-in scans for a range on an index's leading field) */
  duePageExamined: number;
  /** docsExamined less the due page queries: the work on the due referrals themselves */
  otherExaminedPerDue: number;
  /** documents the requests answered with (what the function read), per due referral */
  docsRead: number;
  docsReadPerDue: number;
  /** the most the design allows for this day's due referrals (see BUDGET), whatever the total */
  requestBudget: number;
  /** coupons the run issued (3 per settled referral: both passes and the inviter's step reward) */
  coupons: number;
  seedMs: number;
  wallMs: number;
}

export interface ReferralJobReport {
  note: string;
  rows: ReferralJobRow[];
  /** the 100k run over the 10k run at the same share due, and at the same number due */
  ratios: { referrals: number; due: number; requests: number; docsExamined: number; docsRead: number; sameDueRequests: number; sameDueDocsExamined: number; sameDueDocsRead: number };
}

/**
 * The design's bound for one day's run. Requests: a settled referral 16 (transaction start, its
 * 6 reads — referral, programme, order, invitee, inviter, the month's budget — the referral
 * updated, 3 coupons added, the invitee touched, the inviter written, the budget set, commit; then
 * the notice's read of both sides' credits); a void one at most 9 (start, the reads, the referral,
 * commit); per batch 5 (the due page, the programme, its templates, the checkpoint moved and
 * reread); 2 for the day's checkpoint.
 */
export const requestBudget = (r: { settled: number; voided: number; batches: number }) => 16 * r.settled + 9 * r.voided + 5 * r.batches + 2;

interface Seeded {
  due: number;
  dueQualified: number;
}

/**
 * N referrals written straight into the database with their members (and the due ones' orders):
 * `due` of them due today (a tenth of those joined 30 days ago without ordering, the rest past
 * their window), each due one with its own inviter (no daily cap in the way); the rest settled,
 * void, or still waiting (joined or in the window) with a due date in the coming days.
 */
async function seedReferrals(db: LocalDatabase, count: number, due: number, now: Date, chunk = 5_000): Promise<Seeded> {
  const rnd = prng(count + due);
  const inviters = Math.max(due, Math.ceil(count / 25));
  const inviterIds: string[] = [];
  let writes: Write[] = [];
  const flush = async (force = false) => {
    if (writes.length >= chunk || (force && writes.length)) {
      await db.apply(writes);
      writes = [];
    }
  };
  const memberId = (i: number, kind: 1 | 2) => `${kind}${String(i).padStart(11, '0')}`;
  for (let i = 0; i < inviters; i += 1) {
    const id = memberId(i, 1);
    inviterIds.push(id);
    writes.push({ c: COLLECTIONS.members, id, doc: newMember(id, `bench-ref-inviter-${i}`, { store: STORE, nickname: `邀请人${i}` }, new Date(now.getTime() - 200 * DAY)) as unknown as Doc });
    await flush();
  }
  let dueQualified = 0;
  for (let i = 0; i < count; i += 1) {
    const inviteeId = memberId(i, 2);
    const joinedAt = new Date(now.getTime() - Math.floor(rnd() * 60) * DAY - 3_600_000);
    const invitee = newMember(inviteeId, `bench-ref-friend-${i}`, { store: STORE, nickname: `好友${i}` }, joinedAt);
    const id = referralIdOf(inviteeId);
    const base: Referral = {
      _id: id,
      programmeId: 'default',
      inviterId: inviterIds[i < due ? i : i % inviterIds.length]!,
      inviteeId,
      code: 'BENCHREF',
      inviteeNicknameMasked: '好*',
      status: 'joined',
      voidReason: null,
      joinedAt,
      orderKey: null,
      orderPaidFen: null,
      dueAt: null,
      settledAt: null,
      listKey: listKeyOf(joinedAt, id),
    };
    let r: Referral;
    if (i < due && i % 10 === 9) r = { ...base, dueAt: new Date(now.getTime() - 3_600_000) };
    else if (i < due) {
      const orderKey = `S001:BENCH-${i}`;
      const paidAt = new Date(now.getTime() - 8 * DAY);
      const order = { _id: orderKey, storeId: 'S001', orderId: `BENCH-${i}`, memberId: inviteeId, amountFen: 39_900, items: [{ sku: 'SKU-1', qty: 1, priceFen: 39_900 }], paidAt, countedAt: paidAt, fingerprint: 'bench', pointsEarned: 399, refundedFen: 0, pointsClawedBack: 0, result: {}, receivedAt: paidAt } as unknown as TillOrder;
      writes.push({ c: COLLECTIONS.orders, id: orderKey, doc: order as unknown as Doc });
      invitee.firstOrderAt = paidAt;
      r = { ...base, status: 'qualified', orderKey, orderPaidFen: 39_900, dueAt: new Date(now.getTime() - DAY) };
      dueQualified += 1;
    } else {
      const u = rnd();
      if (u < 0.4) r = { ...base, status: 'settled', orderKey: `S001:OLD-${i}`, orderPaidFen: 39_900, settledAt: new Date(now.getTime() - (1 + Math.floor(rnd() * 300)) * DAY) };
      else if (u < 0.65) r = { ...base, status: 'void', voidReason: rnd() < 0.5 ? 'noOrder' : 'refunded' };
      else if (u < 0.85) r = { ...base, dueAt: new Date(now.getTime() + (1 + Math.floor(rnd() * 29)) * DAY) };
      else r = { ...base, status: 'qualified', orderKey: `S001:NEW-${i}`, orderPaidFen: 39_900, dueAt: new Date(now.getTime() + (1 + Math.floor(rnd() * 6)) * DAY) };
    }
    invitee.referralId = r._id;
    writes.push({ c: COLLECTIONS.members, id: inviteeId, doc: invitee as unknown as Doc });
    writes.push({ c: COLLECTIONS.referrals, id, doc: r as unknown as Doc });
    await flush();
  }
  await flush(true);
  return { due, dueQualified };
}

async function measureOne(referrals: number, due: number): Promise<ReferralJobRow> {
  const h = await createHarness(RUN_AT);
  const t0 = performance.now();
  const seeded = await seedReferrals(h.cloud.db, referrals, due, h.clock.now());
  const seedMs = performance.now() - t0;
  const couponsBefore = h.cloud.db.count(COLLECTIONS.coupons, {});
  const jobs = functionMains().jobs!;
  const original = referralSettlement.batch;
  let batches = 0;
  referralSettlement.batch = (...args) => {
    batches += 1;
    return original.apply(referralSettlement, args);
  };
  // what each request examined and answered: the due page queries apart from the rest
  const Requester = requesterClass();
  const send = Requester.prototype.send;
  let duePageExamined = 0;
  let docsRead = 0;
  Requester.prototype.send = async function counted(this: unknown, action: string, params: Record<string, unknown> = {}) {
    const scope = currentScope();
    const before = scope.docsExamined;
    const answer = (await send.call(this, action, params)) as { data?: { list?: unknown[] } } | undefined;
    if (action === 'database.getDocument') docsRead += answer?.data?.list?.length ?? 0;
    if (action === 'database.getDocument' && params.collectionName === COLLECTIONS.referrals && params.queryType === 'WHERE' && !params.transactionId) duePageExamined += scope.docsExamined - before;
    return answer;
  };
  const t1 = performance.now();
  let outcome;
  try {
    outcome = await h.cloud.call(null, async () => (await jobs({ action: 'run', job: 'referral-settlement' })) as Envelope<{ runs: JobRun[] }>);
  } finally {
    referralSettlement.batch = original;
    Requester.prototype.send = send;
  }
  const wallMs = performance.now() - t1;
  const run = outcome.result.ok ? outcome.result.data.runs[0] : undefined;
  if (!run?.done || run.failed) throw new Error(`referral settlement did not finish: ${JSON.stringify(outcome.result)}`);
  const settled = h.cloud.db.count(COLLECTIONS.referrals, { status: 'settled', settledAt: h.clock.now() });
  const coupons = h.cloud.db.count(COLLECTIONS.coupons, {}) - couponsBefore;
  // every due one decided (changed), the qualified ones settled with their three coupons, nothing else touched
  if (settled !== seeded.dueQualified || coupons !== 3 * settled || run.processed !== due || run.changed !== due) {
    throw new Error(`referral settlement on ${referrals}: settled ${settled} of ${seeded.dueQualified} due, ${coupons} coupons, processed ${run.processed} and changed ${run.changed} of ${due}`);
  }
  const voidedToday = due - settled;
  const perDue = (n: number) => round(n / Math.max(1, due), 2);
  return {
    referrals,
    due,
    settled,
    voided: voidedToday,
    batches,
    requests: outcome.requests,
    docsExamined: outcome.docsExamined,
    requestsPerDue: perDue(outcome.requests),
    docsExaminedPerDue: perDue(outcome.docsExamined),
    duePageExamined,
    otherExaminedPerDue: perDue(outcome.docsExamined - duePageExamined),
    docsRead,
    docsReadPerDue: perDue(docsRead),
    requestBudget: requestBudget({ settled, voided: voidedToday, batches }),
    coupons,
    seedMs: Math.round(seedMs),
    wallMs: round(wallMs, 1),
  };
}

/** 1 % due at each size, and the larger size again with as many due as the smaller one. */
export async function measureReferralJob(sizes: number[] = [10_000, 100_000], dueShare = 0.01): Promise<ReferralJobReport> {
  const rows: ReferralJobRow[] = [];
  for (const n of sizes) rows.push(await measureOne(n, Math.round(n * dueShare)));
  const small = rows[0]!;
  const large = rows[rows.length - 1]!;
  const sameDue = await measureOne(large.referrals, small.due);
  rows.push(sameDue);
  const ratio = (a: number, b: number) => round(a / Math.max(1, b), 2);
  return {
    note: 'one day of referral-settlement (jobs function, timer call) over N referrals seeded straight into the stand-in, a share of them due that day; requests and documents examined should follow the due referrals, not N',
    rows,
    ratios: {
      referrals: ratio(large.referrals, small.referrals),
      due: ratio(large.due, small.due),
      requests: ratio(large.requests, small.requests),
      docsExamined: ratio(large.docsExamined, small.docsExamined),
      docsRead: ratio(large.docsRead, small.docsRead),
      sameDueRequests: ratio(sameDue.requests, small.requests),
      sameDueDocsExamined: ratio(sameDue.docsExamined, small.docsExamined),
      sameDueDocsRead: ratio(sameDue.docsRead, small.docsRead),
    },
  };
}

export function referralJobTable(report: ReferralJobReport): string {
  return table(
    ['referrals', 'due', 'settled', 'void', 'batches', 'requests', 'budget', 'requests/due', 'docs read', 'read/due', 'docs examined', 'by due pages', 'other/due', 'coupons', 'wall ms', 'seed ms'],
    report.rows.map((r) => [r.referrals, r.due, r.settled, r.voided, r.batches, r.requests, r.requestBudget, r.requestsPerDue, r.docsRead, r.docsReadPerDue, r.docsExamined, r.duePageExamined, r.otherExaminedPerDue, r.coupons, r.wallMs, r.seedMs]),
  );
}

export function describeReferralJob(report: ReferralJobReport): string {
  const { ratios, rows } = report;
  const over = rows.filter((r) => r.requests > r.requestBudget);
  return [
    `  ×${ratios.referrals} referrals, ×${ratios.due} due → ×${ratios.requests} requests, ×${ratios.docsRead} documents read, ×${ratios.docsExamined} documents examined; ×${ratios.referrals} referrals with the same number due → ×${ratios.sameDueRequests} requests, ×${ratios.sameDueDocsRead} documents read, ×${ratios.sameDueDocsExamined} documents examined`,
    '  the due page ({dueAt ≤ now, _id > cursor} by _id) is a scan of the {dueAt, _id} index within the dueAt bounds, sorted by _id: each batch examines the referrals still due (settled and void ones leave the range), never the settled history; everything else follows the due referrals',
    over.length ? `  !! over the design's bound: ${over.map((r) => `${r.referrals}/${r.due} due: ${r.requests} > ${r.requestBudget}`).join(', ')}` : '  every run within the design’s bound (16 per settled, 9 per void, 5 per batch, 2 per day)',
  ].join('\n');
}

if (require.main === module) {
  measureReferralJob()
    .then((report) => {
      console.log('Referral settlement job, one day, through the jobs function (referrals seeded straight into the stand-in; due = settles or voids that day)');
      console.log(referralJobTable(report));
      console.log(describeReferralJob(report));
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
