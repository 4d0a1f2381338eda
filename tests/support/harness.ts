import { contract, type Envelope, type FunctionName } from '../../cloudfunctions/contract';
import { ManualClock } from '../../cloudfunctions/platform/clock';
import { installLocalCloud, type LocalCloud } from '../../local/cloud/install';
import { functionMains } from '../../local/functions';
import { seedDemoData } from '../../local/seed';

export const START = '2026-11-25T02:00:00.000Z'; // 10:00 in Shanghai

export interface Harness {
  cloud: LocalCloud;
  clock: ManualClock;
  /** Calls a function as the given caller; asserts a successful answer matches the contract's output schema. */
  call(fn: FunctionName, openid: string | null, data: unknown): Promise<Envelope<any>>;
  /** Like call, and also reports the database requests the call made. */
  measure(fn: FunctionName, openid: string | null, data: unknown): Promise<{ answer: Envelope<any>; requests: number; docsExamined: number }>;
  /** Enrolls a shopper at S001 and returns their memberId. */
  join(openid: string, extra?: Record<string, unknown>): Promise<string>;
}

/** A fresh in-memory local cloud with the demo seed and a manual clock. */
export async function createHarness(start: string = START): Promise<Harness> {
  const clock = new ManualClock(start);
  const cloud = installLocalCloud({ clock });
  await seedDemoData(cloud.db);
  const mains = functionMains();
  const measure: Harness['measure'] = async (fn, openid, data) => {
    const main = mains[fn];
    if (!main) throw new Error(`no function ${fn}`);
    // as the mini program calls it (callFunction), signed in or not
    const { result, requests, docsExamined } = await cloud.call(openid, () => main(data), 'wx_client');
    if (result.ok) {
      const action = (data as { action: string }).action as keyof (typeof contract)[typeof fn];
      const spec = contract[fn][action] as { output: { parse(v: unknown): unknown } };
      spec.output.parse(result.data);
    }
    return { answer: result, requests, docsExamined };
  };
  const call: Harness['call'] = async (fn, openid, data) => (await measure(fn, openid, data)).answer;
  return {
    cloud,
    clock,
    call,
    measure,
    async join(openid, extra = {}) {
      const answer = await call('member', openid, { action: 'enroll', storeId: 'S001', privacyAccepted: true, ...extra });
      if (!answer.ok) throw new Error(`join failed: ${JSON.stringify(answer.error)}`);
      return answer.data.member.memberId as string;
    },
  };
}

/** How many answers of each outcome: `{ ok: 100, OUT_OF_STOCK: 900 }`. */
export function tallyAnswers(answers: Array<Envelope<unknown>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const key = a.ok ? 'ok' : a.error.code;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** Joins `count` shoppers at S001, 100 at a time in parallel; returns openid → memberId. */
export async function joinMany(h: Harness, count: number, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let from = 0; from < count; from += 100) {
    const openids = Array.from({ length: Math.min(100, count - from) }, (_, i) => `${prefix}-${from + i}`);
    const ids = await Promise.all(openids.map((o) => h.join(o)));
    openids.forEach((o, i) => out.set(o, ids[i]!));
  }
  return out;
}
