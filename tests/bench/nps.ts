/**
 * NPS (issue 19, part 5): the database requests and documents examined of the member's question and
 * answer, and of the manager's report with 1,000 and 10,000 answers in the store over the period
 * (seeded straight into the stand-in): the report is one `$group` aggregation over the store's
 * answers in the period (the store + answeredAt index), the latest reasons one indexed page, so its
 * requests stay flat while the documents the aggregation reads follow the store's answers.
 * `npx tsx tests/bench/nps.ts` prints the figures; `npm run bench` runs it with the rest (benchNps).
 */
import type { NpsAnswer } from '../../cloudfunctions/domain/ops/nps/answer';
import type { Write } from '../../local/cloud/database';
import { createHarness } from '../support/harness';
import { deliver, orderBody, tillCode } from '../support/pos';
import { table } from './stats';

export interface NpsBenchRow {
  action: string;
  answersInStore: number;
  requests: number;
  docsExamined: number;
  ok: boolean;
}

const STAFF = ['staff-S001', 'stylist-S001', 'manager-S001', null];

export async function measureNps(sizes: number[] = [1_000, 10_000]): Promise<NpsBenchRow[]> {
  const rows: NpsBenchRow[] = [];
  for (const size of sizes) {
    const h = await createHarness();
    const now = h.clock.now().getTime();
    const writes: Write[] = [];
    for (let i = 0; i < size; i += 1) {
      const memberId = `9${String(i).padStart(11, '0')}`;
      const a: NpsAnswer = { _id: `${memberId}:1`, memberId, seq: 1, storeId: i % 5 === 4 ? 'S002' : 'S001', staffId: STAFF[i % 4]!, orderKey: `S001:B${i}`, score: i % 11, reason: i % 3 ? null : '理由', answeredAt: new Date(now - (i % 30) * 86_400_000) };
      writes.push({ c: 'npsAnswers', id: a._id, doc: a as never });
    }
    for (let i = 0; i < writes.length; i += 5_000) await h.cloud.db.apply(writes.slice(i, i + 5_000));
    const inStore = writes.filter((w) => (w.doc as { storeId: string }).storeId === 'S001').length;
    const report = await h.measure('ops', 'manager-S001', { action: 'npsReport', period: 'month' });
    rows.push({ action: 'ops.npsReport (30 days)', answersInStore: inStore, requests: report.requests, docsExamined: report.docsExamined, ok: report.answer.ok });
    if (size === sizes[0]) {
      await h.join('bench-nps');
      const body = orderBody(h, await tillCode(h, 'bench-nps'), 39_900);
      await deliver(h, 'orders', body);
      const q = await h.measure('member', 'bench-nps', { action: 'npsQuestion' });
      rows.push({ action: 'member.npsQuestion', answersInStore: inStore, requests: q.requests, docsExamined: q.docsExamined, ok: q.answer.ok });
      const a = await h.measure('member', 'bench-nps', { action: 'answerNps', orderKey: `S001:${body.orderId}`, score: 3, reason: '排队久' });
      rows.push({ action: 'member.answerNps (detractor: + the call-back)', answersInStore: inStore, requests: a.requests, docsExamined: a.docsExamined, ok: a.answer.ok });
    }
  }
  return rows;
}

export function npsTable(rows: NpsBenchRow[]): string {
  return table(['action', "answers in the store's 30 days", 'requests', 'docs examined', 'ok'], rows.map((r) => [r.action, r.answersInStore, r.requests, r.docsExamined, r.ok ? 'ok' : 'FAILED']));
}

/** What `npm run bench` prints for NPS (one line in run.ts). */
export async function benchNps(): Promise<NpsBenchRow[]> {
  const rows = await measureNps();
  console.log('NPS: the member\u2019s question and answer, the manager\u2019s report (one aggregation) at 1,000 and 10,000 answers');
  console.log(npsTable(rows) + '\n');
  return rows;
}

if (require.main === module) {
  void benchNps().then(() => process.exit(0));
}
