import { contract, type Envelope, type FunctionName } from '../../cloudfunctions/contract';
import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import jobsConfig from '../../cloudfunctions/functions/jobs/config.json';
import { timerTriggers } from '../../cloudfunctions/platform/timer';
import { functionMains } from '../../local/functions';
import { createHarness, type Harness } from './harness';
import { deliver, orderBody, SECRETS, signedHeaders, tillCode } from './pos';

/**
 * Every kind of caller a function can meet (issue 20), and how each one reaches a function: a
 * shopper or staff member calls from the mini program (their openid in the cloud context), the
 * timer trigger hands its function a timer event, a store's till sends an HTTP request signed
 * with that store's secret. The table of every caller (tests/functions/callers.test.ts) tries
 * each row with each of them on one fresh world.
 */

/** Who calls: an openid from the cloud context, the timer, or a store's till. */
export type Via = { openid: string | null } | { timer: true } | { till: 'S001' | 'S002' };

export const CALLERS = {
  nobody: { openid: null },
  member: { openid: 'm1' },
  otherMember: { openid: 'm2' },
  clerk: { openid: 'staff-S001' },
  otherClerk: { openid: 'staff-S002' },
  stylist: { openid: 'stylist-S001' },
  manager: { openid: 'manager-S001' },
  timer: { timer: true },
  till: { till: 'S001' },
  otherTill: { till: 'S002' },
} as const satisfies Record<string, Via>;
export type Caller = keyof typeof CALLERS;

/** The timer trigger the `jobs` function declares (its config.json, deployed with it). */
export const JOBS_TRIGGER = timerTriggers(jobsConfig)[0]!;

/**
 * The world every row starts from: m1 and m2 are 忠诚者 of S001 (so every benefit is open to each
 * on their own data); m1 (birthday tomorrow) has a bound phone, one till order and a complaint
 * noted by S001's clerk; S002 has a manager too (the ops table's other manager).
 */
export interface World {
  h: Harness;
  memberId: string;
  otherMemberId: string;
  complaintId: string;
  /** the till order of m1 (S001) */
  orderId: string;
  /** a fresh value each call (request ids) */
  fresh(): string;
}

let seq = 0;
export async function world(): Promise<World> {
  const h = await createHarness();
  await h.cloud.db.apply([{ c: COLLECTIONS.staff, id: 'manager-S002', doc: { _id: 'manager-S002', storeId: 'S002', name: '吴店长', role: 'manager', active: true } }]);
  const fresh = () => `req${Date.now().toString(36)}x${(seq += 1)}`;
  const memberId = await h.join('m1', { nickname: '小雅', birthday: '11-26' });
  const otherMemberId = await h.join('m2', { nickname: '小安' });
  await h.call('member', 'm1', { action: 'bindPhone', code: h.cloud.openapi.issuePhoneCode('13987654321') });
  const order = { ...orderBody(h, await tillCode(h, 'm1'), 29900), items: [{ sku: 'YYBAG011', qty: 1, priceFen: 29900 }] };
  const paid = await deliver(h, 'orders', order);
  if (paid.status !== 200) throw new Error(JSON.stringify(paid.body));
  const complaint = await h.call('staff', 'staff-S001', { action: 'addNote', memberId, text: '上次买的外套掉扣子', kind: 'complaint', requestId: fresh() });
  if (!complaint.ok) throw new Error(JSON.stringify(complaint.error));
  // the tier rules have their own tests: here both members simply hold the top tier
  for (const id of [memberId, otherMemberId]) {
    const doc = h.cloud.db.find(COLLECTIONS.members, { _id: id })[0]!;
    await h.cloud.db.apply([{ c: COLLECTIONS.members, id, doc: { ...doc, tier: 'loyal' } }]);
  }
  return { h, memberId, otherMemberId, complaintId: complaint.data.note.noteId, orderId: order.orderId, fresh };
}

/** What the timer trigger hands a function: the `jobs` tick names its job in the trigger's message; elsewhere the row's call rides along, to show a timer cannot make a called function act. */
function timerEvent(h: Harness, fn: string, data: Record<string, unknown>) {
  const tick = { Type: 'Timer', TriggerName: JOBS_TRIGGER, Time: h.clock.now().toISOString() };
  return fn === 'jobs' ? { ...tick, Message: data.job } : { ...tick, ...data };
}

/** What CloudBase's HTTP access hands a function for a till's signed POST: the pos routes take the body bare, any other function is sent the call's data. */
function tillEvent(h: Harness, fn: string, storeId: 'S001' | 'S002', data: Record<string, unknown>) {
  const { action, ...body } = data;
  const raw = JSON.stringify(fn === 'pos' ? body : data);
  const headers = signedHeaders(raw, { storeId, secret: SECRETS[storeId]!, timestamp: h.clock.now().getTime() });
  return { path: `/${fn}/${String(action)}`, httpMethod: 'POST', headers, body: raw, isBase64Encoded: false };
}

/**
 * Sends `{ action, ...input }` to a function as the caller would, and reads the answer as an
 * envelope (the pos function's HTTP answer carries it as its body). A successful answer of a
 * called function is checked against the contract's output schema (the harness does it).
 */
export async function ask(w: World, fn: string, via: Via, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  const main = functionMains()[fn];
  if (!main) throw new Error(`no function ${fn}`);
  const event = 'timer' in via ? timerEvent(w.h, fn, data) : 'till' in via ? tillEvent(w.h, fn, via.till, data) : data;
  if ('openid' in via && fn in contract) return w.h.call(fn as FunctionName, via.openid, event);
  // the timer starts its run as `wx_trigger`, a caller's is the mini program's callFunction; a till's request comes through HTTP access, which names no WeChat source
  const source = 'timer' in via ? 'wx_trigger' : 'openid' in via ? 'wx_client' : undefined;
  const { result } = await w.h.cloud.call('openid' in via ? via.openid : null, () => main(event), source);
  const http = result as unknown as { statusCode?: number; body?: string };
  return typeof http.statusCode === 'number' ? (JSON.parse(http.body!) as Envelope<unknown>) : result;
}

/** Openids and full phone numbers an answer must never carry (a member's own export is the one place a phone is theirs to see). */
export function leaks(answer: Envelope<unknown>, openids: string[], check = { phone: true }): string[] {
  const text = JSON.stringify(answer);
  const found: string[] = [];
  if (check.phone && /(?<!\d)1[3-9]\d{9}(?!\d)/.test(text)) found.push('a full phone number');
  for (const openid of openids) if (text.includes(`"${openid}"`) || new RegExp(`[:"]${openid}[:"]`).test(text)) found.push(`the openid ${openid}`);
  return found;
}
