/**
 * A flash campaign under the platform's costs: CLAIMS members claim a STOCK-unit campaign at the
 * same moment, once with the whole stock in one document and once in buckets
 * (domain/coupons/stockBuckets). Every claim is the real coupon function (coupon.claim) on the
 * local cloud with its latency model (local/cloud/latency.ts) on a simulated clock: the figures are
 * platform time under the model's stated assumptions, and this machine pays only the CPU.
 * Runnable alone: `npx tsx tests/bench/stockSim.ts [claims] [stock]` prints the table.
 * Cost on this machine: the full size takes about 12 minutes in all (measured 2026-12-07 on the
 * shared 2-core machine: one document 398 s, 50 buckets 274 s, seeding the rest). A claim on one
 * document still costs more as its holders list (a digest per unit taken) grows — the stand-in
 * scans it and copies it once a claim, as the platform rewrites that growing document too — but
 * as a plain scan and one copy of a list of strings (local/cloud/simpleQuery.ts,
 * LocalDatabase.updated): each 10,000 claims took 32 s at the start and about 100 s just before
 * the sell-out, where mingo's generic array matching and update took the run past 40 minutes.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LATEST } from './capacity';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import { stockBuckets } from '../../cloudfunctions/domain/coupons/stockBuckets';
import type { Coupon, CouponStock, CouponTemplate } from '../../cloudfunctions/domain/coupons/template';
import { newMember } from '../../cloudfunctions/domain/member';
import { ManualClock } from '../../cloudfunctions/platform/clock';
import { installLocalCloud } from '../../local/cloud/install';
import { DEFAULT_LATENCY, VirtualTime } from '../../local/cloud/latency';
import { functionMains } from '../../local/functions';
import { seedDemoData } from '../../local/seed';
import { START } from '../support/harness';
import { percentile, round, table } from './stats';

export const SIM_CLAIMS = 100_000;
export const SIM_STOCK = 50_000;
/**
 * Calls of one function running at once: CloudBase's published ceiling per function (1,000, the
 * platform's answer in the WeChat developer community, 2020: "云函数的并发数…统一最大上限 1000").
 */
export const FUNCTION_CONCURRENCY = 1_000;
const TEMPLATE = 'flash-sale';

export interface StockSimRow {
  layout: string;
  documents: number;
  /** the campaign's units */
  stock: number;
  claims: number;
  issued: number;
  outOfStock: number;
  otherAnswers: number;
  stockLeft: number;
  /** simulated seconds until the last unit was taken */
  sellOutSeconds: number;
  /** simulated seconds until every claim was answered */
  allAnsweredSeconds: number;
  claimsPerSecond: number;
  /** database requests one claim sent, on average */
  requestsPerClaim: number;
  p50Ms: number;
  p99Ms: number;
  /** wall seconds this machine took to simulate it */
  wallSeconds: number;
}

export interface StockSimReport {
  note: string;
  model: { requestMs: number; docWriteMs: number; functionConcurrency: number; source: string };
  rows: StockSimRow[];
  speedUp: number;
  exactlyStock: boolean;
}

/** One campaign: `layout` 'one' keeps the stock in one document, 'buckets' splits it by the rule. */
async function simulate(layout: 'one' | 'buckets', claims: number, stock: number): Promise<StockSimRow> {
  const time = new VirtualTime();
  const clock = new ManualClock(START);
  const cloud = installLocalCloud({ clock, latency: { ...DEFAULT_LATENCY, wait: time.wait } });
  try {
    await seedDemoData(cloud.db);
    const base = cloud.db.find(COLLECTIONS.couponTemplates, { _id: 'new-arrival-trial' })[0] as unknown as CouponTemplate;
    const t: CouponTemplate = { ...base, _id: TEMPLATE, name: '限时抢券', stock, perMember: 1, sort: 0 };
    const buckets: CouponStock[] = layout === 'one' ? [{ _id: TEMPLATE, total: stock, remaining: stock, holders: [] }] : stockBuckets(t);
    await cloud.db.apply([{ c: COLLECTIONS.couponTemplates, id: TEMPLATE, doc: { ...t } }, ...buckets.map((b) => ({ c: COLLECTIONS.couponStock, id: b._id, doc: { ...b } }))]);
    // the claimers, written straight in (enrolling 100,000 through the function is not what is measured)
    const store = { storeId: 'S001', name: '悦衣库 上海静安店' };
    for (let from = 0; from < claims; from += 10_000) {
      const writes = [];
      for (let i = from; i < Math.min(claims, from + 10_000); i += 1) {
        const m = newMember(`9${String(i).padStart(11, '0')}`, `flash-${i}`, { store, marketingOptIn: false }, new Date(START));
        writes.push({ c: COLLECTIONS.members, id: m._id, doc: m as unknown as Record<string, unknown> });
      }
      await cloud.db.apply(writes);
    }
    const coupon = functionMains().coupon!;
    const latencies: number[] = [];
    const answers = new Map<string, number>();
    let next = 0;
    let lastIssuedAt = 0;
    let requests = 0;
    const wall = performance.now();
    // every member arrives at once; at most FUNCTION_CONCURRENCY calls run, the others wait for an instance
    const instance = async () => {
      while (next < claims) {
        const i = next++;
        const started = time.now();
        const { result, requests: sent } = await cloud.call(`flash-${i}`, () => coupon({ action: 'claim', templateId: TEMPLATE }) as Promise<{ ok: boolean; error?: { code: string } }>);
        requests += sent;
        const key = result.ok ? 'ok' : result.error!.code;
        answers.set(key, (answers.get(key) ?? 0) + 1);
        latencies.push(time.now() - started);
        if (result.ok) lastIssuedAt = time.now();
        if (process.env.STOCK_SIM_PROGRESS && latencies.length % 10_000 === 0) console.error(`  [${layout}] ${latencies.length} claims, ${round((performance.now() - wall) / 1000, 1)} s wall`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(FUNCTION_CONCURRENCY, claims) }, instance));
    const wallSeconds = (performance.now() - wall) / 1000;
    const issued = (cloud.db.find(COLLECTIONS.coupons, { templateId: TEMPLATE }) as unknown as Coupon[]).filter((c) => c.status === 'available').length;
    const left = (cloud.db.find(COLLECTIONS.couponStock, {}) as unknown as CouponStock[]).filter((b) => b._id === TEMPLATE || b._id.startsWith(`${TEMPLATE}#`));
    const ok = answers.get('ok') ?? 0;
    const outOfStock = answers.get('OUT_OF_STOCK') ?? 0;
    return {
      layout: layout === 'one' ? 'one stock document' : `${buckets.length} buckets`,
      documents: buckets.length,
      stock,
      claims,
      issued,
      outOfStock,
      otherAnswers: claims - ok - outOfStock,
      stockLeft: left.reduce((sum, b) => sum + b.remaining, 0),
      sellOutSeconds: round(lastIssuedAt / 1000, 2),
      allAnsweredSeconds: round(time.now() / 1000, 2),
      claimsPerSecond: Math.round(claims / (time.now() / 1000)),
      requestsPerClaim: round(requests / claims, 2),
      p50Ms: round(percentile(latencies, 50), 1),
      p99Ms: round(percentile(latencies, 99), 1),
      wallSeconds: round(wallSeconds, 1),
    };
  } finally {
    cloud.close();
  }
}

export async function measureStockSim(claims = SIM_CLAIMS, stock = SIM_STOCK): Promise<StockSimReport> {
  return stockSimReport([await simulate('one', claims, stock), await simulate('buckets', claims, stock)], claims, stock);
}

/** The report of the two layouts' rows (one document first), whether simulated in one process or two. */
export function stockSimReport(rows: StockSimRow[], claims: number, stock: number): StockSimReport {
  return {
    note: `${claims.toLocaleString('en')} members claiming a ${stock.toLocaleString('en')}-unit campaign at once through coupon.claim, on the local cloud's latency model (simulated time; assumed figures, not CloudBase measurements)`,
    model: {
      ...DEFAULT_LATENCY,
      functionConcurrency: FUNCTION_CONCURRENCY,
      source: 'requestMs and docWriteMs: stated assumptions (local/cloud/latency.ts); function concurrency: CloudBase\'s per-function ceiling of 1,000',
    },
    rows,
    speedUp: round(rows[0]!.sellOutSeconds / rows[1]!.sellOutSeconds, 1),
    exactlyStock: rows.every((r) => r.stock === stock && r.issued === stock && r.stockLeft === 0),
  };
}

export function stockSimTable(r: StockSimReport): string {
  return [
    `Flash campaign (${r.note}); model: ${r.model.requestMs} ms a request, ${r.model.docWriteMs} ms a write per document, ${r.model.functionConcurrency} calls at once`,
    table(
      ['stock kept in', 'claims', 'issued', 'OUT_OF_STOCK', 'other', 'left', 'sold out (s)', 'all answered (s)', 'claims/s', 'requests/claim', 'p50 ms', 'p99 ms', 'wall s'],
      r.rows.map((x) => [x.layout, x.claims, x.issued, x.outOfStock, x.otherAnswers, x.stockLeft, x.sellOutSeconds, x.allAnsweredSeconds, x.claimsPerSecond, x.requestsPerClaim, x.p50Ms, x.p99Ms, x.wallSeconds]),
    ),
    `buckets sell out ${r.speedUp}× sooner; exactly the stock issued in both: ${r.exactlyStock}`,
  ].join('\n');
}

/**
 * Alone: prints the table; with `--write`, also puts the report into bench/latest.json as its
 * `stockSim` section (the rest of the file kept) so capacity.ts can use it without a whole bench.
 */
if (require.main === module) {
  const args = process.argv.slice(2);
  const [claims, stock] = args.filter((a) => !a.startsWith('--')).map(Number);
  // `--only one|buckets` simulates one layout and prints its row as JSON (two processes share a busy machine better)
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) as 'one' | 'buckets' | undefined;
  if (only) {
    simulate(only, claims || SIM_CLAIMS, stock || SIM_STOCK).then((row) => console.log(JSON.stringify(row)));
  } else measureStockSim(claims || SIM_CLAIMS, stock || SIM_STOCK)
    .then((r) => {
      console.log(stockSimTable(r));
      if (args.includes('--write')) {
        const latest = JSON.parse(fs.readFileSync(LATEST, 'utf8')) as Record<string, unknown>;
        fs.writeFileSync(LATEST, JSON.stringify({ ...latest, stockSim: r }, null, 2) + '\n');
        console.log(`wrote the stockSim section of ${LATEST}`);
      }
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
