/**
 * The store dashboard's and the alerts job's cost on 10,000 and 100,000 members seeded straight
 * into the stand-in (issue 19, parts 3 and 4): the dashboard is a fixed set of aggregations, so its
 * requests must not grow with the members; the alerts job is four aggregations and one read per
 * store, whatever the store's size. The stand-in runs an aggregation over the whole collection
 * (`docs examined`); CloudBase narrows each `$match` by the home store + joinedAt, store + paidAt
 * and usedAt indexes (database/indexes.json).
 * `npx tsx tests/bench/opsDashboard.ts [sizes…]` prints the figures; `npm run bench` runs it with the rest.
 */
import { performance } from 'node:perf_hooks';
import type { Envelope } from '../../cloudfunctions/contract';
import type { JobRun } from '../../cloudfunctions/contract/jobs';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { newMember, type Member } from '../../cloudfunctions/domain/member';
import type { Doc, LocalDatabase, Write } from '../../local/cloud/database';
import { functionMains } from '../../local/functions';
import { prng } from '../support/birthdays';
import { createHarness } from '../support/harness';
import { round, table } from './stats';

const DAY = 86_400_000;
/** 02:00 in Shanghai on Sunday 6 December 2026: the night's alerts run and a manager's morning look. */
const AT = '2026-12-05T18:00:00.000Z';
const STORES = [
  { storeId: 'S001', name: '悦衣库 上海静安店' },
  { storeId: 'S002', name: '悦衣库 杭州湖滨店' },
];
const CLERKS = ['staff-S001', 'stylist-S001', null, null];

export interface OpsDashboardRow {
  members: number;
  /** the dashboard as S001's manager, 30 days */
  dashboardRequests: number;
  dashboardDocsExamined: number;
  dashboardMs: number;
  /** the nightly alerts job over the open stores */
  stores: number;
  alertsRequests: number;
  alertsDocsExamined: number;
  alertsRaised: number;
  alertsMs: number;
  seedMs: number;
}

/** N members over two stores, joined over two years, 60 % who paid (a third twice), half holding points, a few coupons used. */
async function seed(db: LocalDatabase, count: number, now: Date): Promise<void> {
  const rnd = prng(20_261_206);
  let writes: Write[] = [];
  const flush = async () => {
    if (writes.length) await db.apply(writes);
    writes = [];
  };
  for (let i = 0; i < count; i += 1) {
    const id = String(1 + Math.floor(rnd() * 9)) + String(i).padStart(11, '0');
    const store = STORES[i % 2]!;
    const joinedAt = new Date(now.getTime() - Math.floor(rnd() * 730 * DAY));
    const m: Member = newMember(id, `bench-ops-${i}`, { store }, joinedAt);
    m.signedUpBy = { storeId: store.storeId, staffId: store.storeId === 'S001' ? CLERKS[i % 4]! : null };
    if (rnd() < 0.6) {
      m.firstOrderAt = new Date(joinedAt.getTime() + DAY);
      m.lastOrderAt = rnd() < 0.33 ? new Date(m.firstOrderAt.getTime() + 20 * DAY) : m.firstOrderAt;
    }
    if (rnd() < 0.5) {
      const points = 50 + Math.floor(rnd() * 3000);
      const expiresAt = new Date(rnd() < 0.5 ? '2026-12-31T16:00:00.000Z' : '2027-12-31T16:00:00.000Z');
      m.points = points;
      m.lots = [{ id: `lot-${id}`, earned: points, remaining: points, earnedAt: joinedAt, expiresAt }];
      m.lotsExpireNext = expiresAt;
    }
    writes.push({ c: COLLECTIONS.members, id, doc: m as unknown as Doc });
    if (rnd() < 0.05) {
      const cid = `winter-300-50:${id}:1`;
      const usedAt = new Date(now.getTime() - Math.floor(rnd() * 60 * DAY));
      writes.push({ c: COLLECTIONS.coupons, id: cid, doc: { _id: cid, memberId: id, templateId: 'winter-300-50', name: '冬装满减券', channel: 'claim', status: 'used', usedAt, usedOrder: `${store.storeId}:b${i}` } as unknown as Doc });
    }
    if (writes.length >= 5_000) await flush();
  }
  await flush();
}

async function runSize(members: number): Promise<OpsDashboardRow> {
  const h = await createHarness(AT);
  const t0 = performance.now();
  await seed(h.cloud.db, members, h.clock.now());
  const seedMs = performance.now() - t0;
  const t1 = performance.now();
  const dash = await h.measure('ops', 'manager-S001', { action: 'dashboard', days: 30 });
  const dashboardMs = performance.now() - t1;
  if (!dash.answer.ok) throw new Error(`dashboard failed: ${JSON.stringify(dash.answer)}`);
  const jobs = functionMains().jobs!;
  const t2 = performance.now();
  const outcome = await h.cloud.call(null, async () => (await jobs({ action: 'run', job: 'alerts' })) as Envelope<{ runs: JobRun[] }>);
  const alertsMs = performance.now() - t2;
  const run = outcome.result.ok ? outcome.result.data.runs[0] : undefined;
  if (!run?.done) throw new Error(`alerts job did not finish: ${JSON.stringify(outcome.result)}`);
  return {
    members,
    dashboardRequests: dash.requests,
    dashboardDocsExamined: dash.docsExamined,
    dashboardMs: round(dashboardMs, 1),
    stores: run.processed,
    alertsRequests: outcome.requests,
    alertsDocsExamined: outcome.docsExamined,
    alertsRaised: run.changed,
    alertsMs: round(alertsMs, 1),
    seedMs: Math.round(seedMs),
  };
}

export async function measureOpsDashboard(sizes: number[] = [10_000, 100_000]): Promise<{ note: string; rows: OpsDashboardRow[] }> {
  const rows: OpsDashboardRow[] = [];
  for (const members of sizes) rows.push(await runSize(members));
  return {
    note: 'the ops dashboard (S001 manager, 30 days) and the nightly alerts job over N members seeded straight into the stand-in; requests should not grow with N (aggregations); docs examined is the stand-in scanning whole collections for each aggregation (CloudBase uses the indexes)',
    rows,
  };
}

export function opsDashboardTable(report: { rows: OpsDashboardRow[] }): string {
  return table(
    ['members', 'dashboard requests', 'dashboard docs examined', 'dashboard ms', 'stores', 'alerts requests', 'alerts docs examined', 'alerts raised', 'alerts ms', 'seed ms'],
    report.rows.map((r) => [r.members, r.dashboardRequests, r.dashboardDocsExamined, r.dashboardMs, r.stores, r.alertsRequests, r.alertsDocsExamined, r.alertsRaised, r.alertsMs, r.seedMs]),
  );
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  measureOpsDashboard(sizes.length ? sizes : undefined)
    .then((report) => {
      console.log('Ops dashboard and alerts job (members seeded straight into the stand-in)');
      console.log(opsDashboardTable(report));
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
