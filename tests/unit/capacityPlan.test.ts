import { capacityFigures, capacityMarkdown, choosePlan, PLANS } from '../../tests/bench/capacity';
import type { StockSimReport, StockSimRow } from '../../tests/bench/stockSim';

const simRow = (layout: string, documents: number, sellOutSeconds: number, requestsPerClaim: number): StockSimRow => ({
  layout,
  documents,
  stock: 50_000,
  claims: 100_000,
  issued: 50_000,
  outOfStock: 50_000,
  otherAnswers: 0,
  stockLeft: 0,
  sellOutSeconds,
  allAnsweredSeconds: sellOutSeconds,
  claimsPerSecond: Math.round(100_000 / sellOutSeconds),
  requestsPerClaim,
  p50Ms: 100,
  p99Ms: 200,
  wallSeconds: 1,
});
const sim: StockSimReport = {
  note: 'fixture',
  model: { requestMs: 5, docWriteMs: 5, functionConcurrency: 1_000, source: 'fixture' },
  rows: [simRow('one stock document', 1, 250, 7.8), simRow('50 buckets', 50, 6, 8.2)],
  speedUp: 41.7,
  exactlyStock: true,
};
const rows = (pairs: Array<[string, number]>) => pairs.map(([action, actual]) => ({ action, actual }));
const latest = {
  timestamp: '2026-12-07T00:00:00.000Z',
  requests: { rows: rows([['coupon.center', 5], ['pos.quotes', 8], ['pos.orders (new)', 14], ['member.code', 4], ['member.card', 2], ['pos.refunds', 13]]) },
  segmentsJob: { rows: [{ requestsPerMember: 1.01 }] },
  birthdayJob: { rows: [{ requestsPerMemberInWindow: 2.8 }] },
  referralJob: { rows: [{ requestsPerDue: 15.3 }] },
  staffTodosJob: { rows: [{ requestsPerTodo: 1.5 }] },
  campaignsJob: { rows: [{ requestsPerCoupon: 1.25 }] },
  stockSim: sim,
  nightSim: { note: 'fixture', model: { requestMs: 5, docWriteMs: 5 }, members: 20_000, placed: 19_870, requests: 20_200, platformSeconds: 2.8, platformMsPerMember: 0.14, wallSeconds: 9 },
};

describe('the capacity plan (docs/capacity.md) from the bench’s figures', () => {
  it('the flash peak is bound by the slower of the calls running at once and the stock’s documents taking one write at a time', () => {
    const f = capacityFigures(latest);
    // 100,000 members × (5 + 8.2) requests × 5 ms over 1,000 calls at once = 6.6 s; 50 buckets × 1,000 units × 5 ms = 5 s
    expect(f.flash.callsBound).toBeCloseTo(6.6, 5);
    expect(f.flash.seconds).toBeCloseTo(6.6, 5);
    // one document: 50,000 writes × 5 ms = 250 s, whatever the calls
    expect(f.flash.secondsOneDocument).toBeCloseTo(250, 5);
    expect(f.flash.qps).toBeCloseTo((100_000 * 13.2) / 6.6, 3);
  });

  it('the plan is the first whose connections carry the flash peak’s 1,000 requests in flight: pay-as-you-go', () => {
    const { plan } = choosePlan(capacityFigures(latest));
    expect(plan.connections).toBeGreaterThanOrEqual(1_000);
    expect(plan).toBe(PLANS.find((p) => p.connections >= 1_000));
  });

  it('a figure the bench did not measure stops the generator instead of being guessed', () => {
    expect(() => capacityFigures({ ...latest, requests: { rows: [] } })).toThrow(/no requests row for coupon.center/);
    expect(() => capacityFigures({ ...latest, stockSim: undefined })).toThrow(/no stockSim section/);
    expect(() => capacityFigures({ ...latest, nightSim: undefined })).toThrow(/no nightSim section/);
  });

  it('the segments pass over 10 million members is its simulated time per member, spread over the timer’s 45 s of every 10 minutes', () => {
    const { segments } = capacityFigures(latest).nightly;
    // 0.14 ms × 10,000,000 = 1,400 s of work; 1,400 / 45 = 31.1 → 32 ticks × 10 min = 5.33 h
    expect(segments.seconds).toBeCloseTo(1_400, 5);
    expect(segments.ticks).toBe(32);
    expect(segments.hours).toBeCloseTo(32 / 6, 5);
    const slower = capacityFigures({ ...latest, nightSim: { ...latest.nightSim, platformMsPerMember: 0.3 } }).nightly.segments;
    expect(slower.hours).toBeGreaterThan(6);
  });

  it('the page names the plan, the sources with their date, and whether the segments pass fits the night', () => {
    const md = capacityMarkdown(latest);
    expect(md).toContain('**Plan: 按量计费 (pay-as-you-go)**');
    expect(md).toContain('looked up 2026-12-07');
    expect(md).toMatch(/segments pass, 23 min of platform work .* 32 ticks = 5\.3 h — inside the 6 h night/);
    expect(capacityMarkdown({ ...latest, nightSim: { ...latest.nightSim, platformMsPerMember: 0.3 } })).toMatch(/longer than the 6 h night/);
  });
});
