import { performance } from 'node:perf_hooks';
import type { Envelope } from '../../cloudfunctions/contract';
import type { JobRun } from '../../cloudfunctions/contract/jobs';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { birthdaysOpeningOn } from '../../cloudfunctions/domain/coupons/birthday';
import { birthdayGifts } from '../../cloudfunctions/functions/jobs/birthdayGifts';
import { functionMains } from '../../local/functions';
import { expectedBornOn, membersBornOn, seedMembers } from '../support/birthdays';
import { createHarness } from '../support/harness';
import { round } from './stats';

/** One day's birthday job over N seeded members: what it cost next to the members it had to serve. */
export interface BirthdayJobRow {
  members: number;
  /** the shop day the job ran for ("YYYY-MM-DD") and the birthdays opening that day */
  runDate: string;
  birthdays: string[];
  /** members whose claim window opens that day (their birthday is one of `birthdays`) */
  inWindow: number;
  /** what the seeding's shares lead to expect: N × 88 % (with a birthday) / 365.25 per day */
  expectedInWindow: number;
  batches: number;
  requests: number;
  docsExamined: number;
  requestsPerMemberInWindow: number;
  docsExaminedPerMemberInWindow: number;
  /** birthday grants the run created, birthday messages WeChat was asked to send */
  grants: number;
  messages: number;
  /** members in the window holding a birthday credit: each must get exactly one message */
  creditHolders: number;
  seedMs: number;
  wallMs: number;
}

export interface BirthdayJobReport {
  note: string;
  rows: BirthdayJobRow[];
  /** the larger run over the smaller one, on the plain day */
  ratios: { members: number; inWindow: number; requests: number; docsExamined: number; docsExaminedPerMemberInWindow: number };
}

/** 10:00 in Shanghai on 25 November 2026: the windows of 28 November birthdays open. */
const PLAIN_DAY = '2026-11-25T02:00:00.000Z';
/** 25 February 2027 (no 29 February that year): 28 February and 29 February birthdays open together. */
const LEAP_DAY = '2027-02-25T02:00:00.000Z';

async function runDay(h: Awaited<ReturnType<typeof createHarness>>, members: number, seeded: Awaited<ReturnType<typeof seedMembers>>, seedMs: number): Promise<BirthdayJobRow> {
  const now = h.clock.now();
  const birthdays = birthdaysOpeningOn(now);
  const window = membersBornOn(seeded, birthdays);
  const jobs = functionMains().jobs!;
  const original = birthdayGifts.batch;
  let batches = 0;
  birthdayGifts.batch = (...args) => {
    batches += 1;
    return original.apply(birthdayGifts, args);
  };
  const sentBefore = h.cloud.openapi.sent('subscribeMessage.send').length;
  const grantsBefore = h.cloud.db.collection(COLLECTIONS.coupons).size;
  const t0 = performance.now();
  let outcome;
  try {
    outcome = await h.cloud.call(null, async () => (await jobs({ action: 'run', job: 'birthday' })) as Envelope<{ runs: JobRun[] }>);
  } finally {
    birthdayGifts.batch = original;
  }
  const wallMs = performance.now() - t0;
  const run = outcome.result.ok ? outcome.result.data.runs[0] : undefined;
  if (!run?.done || run.failed) throw new Error(`birthday job did not finish: ${JSON.stringify(outcome.result)}`);
  const grants = h.cloud.db.collection(COLLECTIONS.coupons).size - grantsBefore;
  const messages = h.cloud.openapi.sent('subscribeMessage.send').length - sentBefore;
  const creditHolders = window.filter((id) => (seeded.credits.get(id)?.birthdayGift ?? 0) > 0).length;
  if (grants !== window.length || messages !== creditHolders) {
    throw new Error(`birthday job on ${members} members: ${grants} grants for ${window.length} in the window, ${messages} messages for ${creditHolders} credit holders`);
  }
  const perMember = (n: number) => round(n / Math.max(1, window.length), 2);
  return {
    members,
    runDate: run.runDate,
    birthdays,
    inWindow: window.length,
    expectedInWindow: round(expectedBornOn(members, birthdays), 1),
    batches,
    requests: outcome.requests,
    docsExamined: outcome.docsExamined,
    requestsPerMemberInWindow: perMember(outcome.requests),
    docsExaminedPerMemberInWindow: perMember(outcome.docsExamined),
    grants,
    messages,
    creditHolders,
    seedMs: Math.round(seedMs),
    wallMs: round(wallMs, 1),
  };
}

/**
 * For each size: a fresh stand-in, N members seeded straight into its database, then the jobs
 * function's birthday job for one day, as its timer would run it (no caller). The largest size
 * also runs a day on which 28 and 29 February open together (the $or of two birthdays).
 */
export async function measureBirthdayJob(sizes: number[]): Promise<BirthdayJobReport> {
  const rows: BirthdayJobRow[] = [];
  for (const [i, members] of sizes.entries()) {
    const h = await createHarness(PLAIN_DAY);
    const t0 = performance.now();
    const seeded = await seedMembers(h.cloud.db, { count: members, now: h.clock.now(), prefix: `bench-bd-${members}` });
    const seedMs = performance.now() - t0;
    rows.push(await runDay(h, members, seeded, seedMs));
    if (i === sizes.length - 1) {
      h.clock.set(LEAP_DAY);
      rows.push(await runDay(h, members, seeded, 0));
    }
  }
  const plain = rows.filter((r) => r.birthdays.length === 1);
  const small = plain[0]!;
  const large = plain[plain.length - 1]!;
  const ratio = (a: number, b: number) => round(a / Math.max(1, b), 2);
  return {
    note: 'one day of the birthday job (jobs function, timer call) over N members seeded straight into the stand-in; requests and documents examined should follow the members in the window (≈ N/365), not N',
    rows,
    ratios: {
      members: ratio(large.members, small.members),
      inWindow: ratio(large.inWindow, small.inWindow),
      requests: ratio(large.requests, small.requests),
      docsExamined: ratio(large.docsExamined, small.docsExamined),
      docsExaminedPerMemberInWindow: ratio(large.docsExaminedPerMemberInWindow, small.docsExaminedPerMemberInWindow),
    },
  };
}

export function describeBirthdayJob(report: BirthdayJobReport): string {
  const { ratios } = report;
  return [
    `  ×${ratios.members} members → ×${ratios.inWindow} in the window, ×${ratios.requests} requests, ×${ratios.docsExamined} documents examined (per member in the window ×${ratios.docsExaminedPerMemberInWindow})`,
  ].join('\n');
}
