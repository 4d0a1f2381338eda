import { performance } from 'node:perf_hooks';
import { functionMains } from '../../local/functions';
import { createHarness } from '../support/harness';
import { percentile, round } from './stats';

export interface ThroughputResult {
  action: string;
  inFlight: number;
  calls: number;
  failed: number;
  seconds: number;
  callsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  requestsPerCall: number;
  docsExaminedPerCall: number;
}

interface CallOutcome {
  ok: boolean;
  requests: number;
  docsExamined: number;
}

/**
 * Keeps `inFlight` calls running at all times (a pool: each finished call starts the next one at
 * once) until `seconds` have passed or `maxCalls` calls were started.
 */
export async function pool(action: string, inFlight: number, seconds: number, maxCalls: number, task: (i: number) => Promise<CallOutcome>): Promise<ThroughputResult> {
  const latencies: number[] = [];
  let started = 0;
  let failed = 0;
  let requests = 0;
  let docsExamined = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const worker = async () => {
    while (started < maxCalls && performance.now() < deadline) {
      const i = started++;
      const s = performance.now();
      const out = await task(i);
      latencies.push(performance.now() - s);
      if (!out.ok) failed += 1;
      requests += out.requests;
      docsExamined += out.docsExamined;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  const calls = latencies.length;
  return {
    action,
    inFlight,
    calls,
    failed,
    seconds: round(elapsed, 2),
    callsPerSecond: round(calls / elapsed, 0),
    p50Ms: round(percentile(latencies, 50), 2),
    p95Ms: round(percentile(latencies, 95), 2),
    maxMs: round(Math.max(...latencies), 2),
    requestsPerCall: round(requests / Math.max(1, calls), 2),
    docsExaminedPerCall: round(docsExamined / Math.max(1, calls), 2),
  };
}

const ENROLL = { action: 'enroll', storeId: 'S001', privacyAccepted: true };

/** enrolls/s (each a new openid) and cards/s (for members enrolled just before), in process. */
export async function measureThroughput(opts: { inFlight: number; seconds: number; maxCalls: number }): Promise<ThroughputResult[]> {
  const h = await createHarness();
  const member = functionMains().member;
  if (!member) throw new Error('no member function');
  const call = async (openid: string, data: Record<string, unknown>): Promise<CallOutcome> => {
    const { result, requests, docsExamined } = await h.cloud.call(openid, () => member(data));
    return { ok: result.ok, requests, docsExamined };
  };

  // warm-up (JIT, SDK lazy paths), not measured
  await pool('warm-up', opts.inFlight, 0.3, 500, (i) => call(`bench-warm-${i}`, ENROLL));
  await pool('warm-up', opts.inFlight, 0.2, 500, (i) => call(`bench-warm-${i % 500}`, { action: 'card' }));

  const enroll = await pool('member.enroll (new openid)', opts.inFlight, opts.seconds, opts.maxCalls, (i) => call(`bench-tp-${i}`, ENROLL));
  const members = Math.max(1, enroll.calls);
  const card = await pool('member.card (enrolled)', opts.inFlight, opts.seconds, opts.maxCalls, (i) => call(`bench-tp-${i % members}`, { action: 'card' }));
  return [enroll, card];
}
