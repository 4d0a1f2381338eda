/**
 * The staff-todos job's cost on 10,000 and 100,000 members seeded straight into the stand-in:
 * what it reads should follow the members due that day (birthdays 3 days ahead, last purchase 30
 * days ago, joined since the last run, points coming within 30 days of expiry), not how many
 * members there are. Two days per size: an ordinary day, and 2 December, when every lot earned in
 * 2025 comes within 30 days of its year-end expiry at once (a day on which many are due).
 * `npx tsx tests/bench/staffTodosJob.ts [sizes…]` prints the figures; `npm run bench` runs it with the rest.
 */
import { performance } from 'node:perf_hooks';
import type { Envelope } from '../../cloudfunctions/contract';
import type { JobRun } from '../../cloudfunctions/contract/jobs';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { newMember, type Member } from '../../cloudfunctions/domain/member';
import { staffTodos } from '../../cloudfunctions/functions/jobs/staffTodos';
import type { Doc, LocalDatabase, Write } from '../../local/cloud/database';
import { functionMains } from '../../local/functions';
import { ALL_BIRTHDAYS, prng } from '../support/birthdays';
import { createHarness } from '../support/harness';
import { requesterClass } from '../support/interleave';
import { round, table } from './stats';

const DAY = 86_400_000;
/** 10:00 in Shanghai on 25 November 2026 (an ordinary day) and on 2 December 2026 (the 2025 lots come within 30 days). */
const DAYS = ['2026-11-25T02:00:00.000Z', '2026-12-02T02:00:00.000Z'];
const STORES = [
  { storeId: 'S001', name: '悦衣库 上海静安店' },
  { storeId: 'S002', name: '悦衣库 杭州湖滨店' },
];
/** 00:00 on 1 January 2027 and 2028 in Shanghai: the expiry of lots earned in 2025 and 2026. */
const EXPIRY_2027 = new Date('2026-12-31T16:00:00.000Z');
const EXPIRY_2028 = new Date('2027-12-31T16:00:00.000Z');

export interface StaffTodosJobRow {
  members: number;
  runDate: string;
  /** members the job read (each crossed into a to-do's condition on the day) and the to-dos it made */
  membersRead: number;
  todosMade: number;
  /** to-dos made per kind: birthday / points expiring / no purchase / new member */
  byKind: string;
  batches: number;
  requests: number;
  docsRead: number;
  docsExamined: number;
  requestsPerTodo: number;
  docsReadPerTodo: number;
  docsExaminedPerTodo: number;
  seedMs: number;
  wallMs: number;
}

export interface StaffTodosJobReport {
  note: string;
  rows: StaffTodosJobRow[];
  /** the largest size over the smallest, on the ordinary day */
  ratios: { members: number; todos: number; requests: number; docsRead: number; docsExamined: number };
}

/**
 * N members over two stores: birthdays over the year (12 % none), joined over 3 years (a few each
 * day), 60 % with a last purchase in the past year, 50 % holding points (lots of 2025 or of 2026).
 */
async function seed(db: LocalDatabase, count: number, now: Date): Promise<void> {
  const rnd = prng(20_261_206);
  let writes: Write[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = String(1 + Math.floor(rnd() * 9)) + String(i).padStart(11, '0');
    const joinedAt = new Date(now.getTime() - Math.floor(rnd() * 3 * 365 * DAY) - Math.floor(rnd() * DAY));
    const m: Member = newMember(id, `bench-todo-${i}`, { store: STORES[i % 2]!, birthday: rnd() < 0.12 ? undefined : ALL_BIRTHDAYS[Math.floor(rnd() * ALL_BIRTHDAYS.length)] }, joinedAt);
    m.nickname = `会员${i}`;
    if (rnd() < 0.6) m.lastOrderAt = new Date(now.getTime() - Math.floor(rnd() * 365 * DAY));
    if (rnd() < 0.5) {
      const old = rnd() < 0.5;
      const expiresAt = old ? EXPIRY_2027 : EXPIRY_2028;
      const points = 50 + Math.floor(rnd() * 3000);
      m.points = points;
      m.lots = [{ id: `lot-${id}`, earned: points, remaining: points, earnedAt: new Date(expiresAt.getTime() - 500 * DAY), expiresAt }];
      m.lotsExpireNext = expiresAt;
    }
    writes.push({ c: COLLECTIONS.members, id, doc: m as unknown as Doc });
    if (writes.length >= 5_000) {
      await db.apply(writes);
      writes = [];
    }
  }
  if (writes.length) await db.apply(writes);
}

/** The day before's run, finished: today's run covers today alone (the daily case). */
async function finishedYesterday(db: LocalDatabase, now: Date): Promise<void> {
  const day = new Date(now.getTime() + 8 * 3_600_000 - DAY).toISOString().slice(0, 10);
  const doc = { _id: `staff-todos:${day}`, job: 'staff-todos', runDate: day, cursor: null, processed: 0, changed: 0, done: true, startedAt: now, updatedAt: now };
  await db.apply([{ c: COLLECTIONS.jobRuns, id: doc._id, doc: doc as unknown as Doc }]);
}

async function runDay(members: number, at: string): Promise<StaffTodosJobRow> {
  const h = await createHarness(at);
  const now = h.clock.now();
  const t0 = performance.now();
  await seed(h.cloud.db, members, now);
  await finishedYesterday(h.cloud.db, now);
  const seedMs = performance.now() - t0;
  const jobs = functionMains().jobs!;
  const original = staffTodos.batch;
  let batches = 0;
  staffTodos.batch = (...args) => {
    batches += 1;
    return original.apply(staffTodos, args);
  };
  const Requester = requesterClass();
  const send = Requester.prototype.send;
  let docsRead = 0;
  Requester.prototype.send = async function counted(this: unknown, action: string, params: Record<string, unknown> = {}) {
    const answer = (await send.call(this, action, params)) as { data?: { list?: unknown[] } } | undefined;
    if (action === 'database.getDocument') docsRead += answer?.data?.list?.length ?? 0;
    return answer;
  };
  const t1 = performance.now();
  let outcome;
  try {
    outcome = await h.cloud.call(null, async () => (await jobs({ action: 'run', job: 'staff-todos' })) as Envelope<{ runs: JobRun[] }>);
  } finally {
    staffTodos.batch = original;
    Requester.prototype.send = send;
  }
  const wallMs = performance.now() - t1;
  const run = outcome.result.ok ? outcome.result.data.runs[0] : undefined;
  if (!run?.done || run.failed) throw new Error(`staff-todos job did not finish: ${JSON.stringify(outcome.result)}`);
  const todosMade = h.cloud.db.collection(COLLECTIONS.todos).size;
  if (todosMade !== run.changed) throw new Error(`${todosMade} to-dos stored, the run says ${run.changed}`);
  const kinds = new Map<string, number>();
  for (const e of h.cloud.db.collection(COLLECTIONS.todos).values()) kinds.set(String(e.doc.kind), (kinds.get(String(e.doc.kind)) ?? 0) + 1);
  const byKind = ['birthday', 'pointsExpiring', 'lapsed', 'newMember'].map((k) => kinds.get(k) ?? 0).join('/');
  const per = (n: number) => round(n / Math.max(1, todosMade), 2);
  return {
    members,
    runDate: run.runDate,
    membersRead: run.processed,
    todosMade,
    byKind,
    batches,
    requests: outcome.requests,
    docsRead,
    docsExamined: outcome.docsExamined,
    requestsPerTodo: per(outcome.requests),
    docsReadPerTodo: per(docsRead),
    docsExaminedPerTodo: per(outcome.docsExamined),
    seedMs: Math.round(seedMs),
    wallMs: round(wallMs, 1),
  };
}

export async function measureStaffTodosJob(sizes: number[] = [10_000, 100_000]): Promise<StaffTodosJobReport> {
  const rows: StaffTodosJobRow[] = [];
  for (const members of sizes) for (const at of DAYS) rows.push(await runDay(members, at));
  const ordinary = rows.filter((r) => r.runDate === '2026-11-25');
  const small = ordinary[0]!;
  const large = ordinary[ordinary.length - 1]!;
  const ratio = (a: number, b: number) => round(a / Math.max(1, b), 2);
  return {
    note: 'one day of the staff-todos job (jobs function, timer call, the day before finished) over N members seeded straight into the stand-in; requests and documents read should follow the to-dos made (the members who crossed into a condition that day), not N',
    rows,
    ratios: {
      members: ratio(large.members, small.members),
      todos: ratio(large.todosMade, small.todosMade),
      requests: ratio(large.requests, small.requests),
      docsRead: ratio(large.docsRead, small.docsRead),
      docsExamined: ratio(large.docsExamined, small.docsExamined),
    },
  };
}

export function staffTodosJobTable(report: StaffTodosJobReport): string {
  return table(
    ['members', 'day', 'members read', 'to-dos', 'bd/pts/lapsed/new', 'batches', 'requests', 'docs read', 'docs examined', 'requests/to-do', 'read/to-do', 'examined/to-do', 'wall ms', 'seed ms'],
    report.rows.map((r) => [r.members, r.runDate, r.membersRead, r.todosMade, r.byKind, r.batches, r.requests, r.docsRead, r.docsExamined, r.requestsPerTodo, r.docsReadPerTodo, r.docsExaminedPerTodo, r.wallMs, r.seedMs]),
  );
}

export function describeStaffTodosJob(report: StaffTodosJobReport): string {
  const { ratios } = report;
  return `  ordinary day: ×${ratios.members} members → ×${ratios.todos} to-dos, ×${ratios.requests} requests, ×${ratios.docsRead} documents read, ×${ratios.docsExamined} documents examined`;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  measureStaffTodosJob(sizes.length ? sizes : undefined)
    .then((report) => {
      console.log('Staff to-do job, one day, through the jobs function (members seeded straight into the stand-in; the day before finished)');
      console.log(staffTodosJobTable(report));
      console.log(describeStaffTodosJob(report));
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
