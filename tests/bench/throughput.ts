import { performance } from 'node:perf_hooks';
import { functionMains } from '../../local/functions';
import { createHarness } from '../support/harness';
import { deliver, orderBody } from '../support/pos';
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

/**
 * Till orders/s through the stand-in with `inFlight` in flight, each signed and delivered to the
 * `pos` function as the HTTP access would. Every order needs its own live till code (codes are
 * single-use), so members and their codes are made before the clock starts.
 */
export async function measurePosThroughput(opts: { inFlight: number; seconds: number; maxCalls: number }): Promise<ThroughputResult> {
  const h = await createHarness();
  const member = functionMains().member!;
  const codes: string[] = [];
  const provision = async (i: number): Promise<CallOutcome> => {
    const openid = `bench-pos-${i}`;
    await h.cloud.call(openid, () => member(ENROLL));
    const { result } = await h.cloud.call(openid, () => member({ action: 'code' }));
    if (!result.ok) throw new Error(`no code: ${JSON.stringify(result)}`);
    codes[i] = (result.data as { code: string }).code;
    return { ok: true, requests: 0, docsExamined: 0 };
  };
  await pool('provision', opts.inFlight, 600, opts.maxCalls, provision);
  // warm-up on a few spare members, not measured
  const spare = codes.splice(opts.maxCalls - 200);
  await pool('warm-up', 50, 5, spare.length, async (i) => {
    const a = await deliver(h, 'orders', orderBody(h, spare[i]!, 12_345));
    return { ok: a.body.ok, requests: a.requests, docsExamined: a.docsExamined };
  });
  return pool(`pos.orders (signed, ${opts.inFlight} in flight)`, opts.inFlight, opts.seconds, codes.length, async (i) => {
    const a = await deliver(h, 'orders', orderBody(h, codes[i]!, 39_900 + i));
    return { ok: a.body.ok, requests: a.requests, docsExamined: a.docsExamined };
  });
}
