import { randomBytes } from 'node:crypto';
import { posSignature } from '../../cloudfunctions/platform/posSigning';
import { functionMains } from '../../local/functions';
import type { Harness } from './harness';

export const SECRET_S001 = 'dev-secret-S001';

export interface PosAnswer {
  status: number;
  body: { ok: boolean; data?: any; error?: { code: string; message: string } };
  requests: number;
  docsExamined: number;
}

export interface Delivery {
  storeId?: string;
  secret?: string;
  nonce?: string;
  /** unix ms; default the harness clock */
  timestamp?: number;
  /** override the signature */
  signature?: string;
  /** send this text instead of JSON.stringify(body) */
  raw?: string;
}

/** Signs a body like a till of the store does: the headers of ARCHITECTURE.md "POS signing". */
export function signedHeaders(rawBody: string, opts: { storeId: string; secret: string; timestamp: number; nonce?: string }): Record<string, string> {
  const nonce = opts.nonce ?? randomBytes(12).toString('hex');
  const timestamp = String(opts.timestamp);
  return {
    'x-store-id': opts.storeId,
    'x-timestamp': timestamp,
    'x-nonce': nonce,
    'x-signature': posSignature(opts.secret, timestamp, nonce, rawBody),
    'content-type': 'application/json',
  };
}

/** Delivers a signed POS request to the `pos` function through the local cloud, as the HTTP access would. */
export async function deliver(h: Harness, route: 'orders' | 'refunds' | 'quotes', body: unknown, d: Delivery = {}): Promise<PosAnswer> {
  const pos = functionMains().pos!;
  const raw = d.raw ?? JSON.stringify(body);
  const headers = signedHeaders(raw, { storeId: d.storeId ?? 'S001', secret: d.secret ?? SECRET_S001, timestamp: d.timestamp ?? h.clock.now().getTime(), nonce: d.nonce });
  if (d.signature !== undefined) headers['x-signature'] = d.signature;
  const { result, requests, docsExamined } = await h.cloud.call(null, () => pos({ path: `/pos/${route}`, httpMethod: 'POST', headers, body: raw, isBase64Encoded: false }));
  const answer = result as unknown as { statusCode: number; body: string };
  return { status: answer.statusCode, body: JSON.parse(answer.body), requests, docsExamined };
}

/** A till code for the member signed in as `openid`. */
export async function tillCode(h: Harness, openid: string): Promise<string> {
  const answer = await h.call('member', openid, { action: 'code' });
  if (!answer.ok) throw new Error(`code failed: ${JSON.stringify(answer.error)}`);
  return answer.data.code;
}

let orderSeq = 0;
/** An order body paying `amountFen` now, one line per order. */
export function orderBody(h: Harness, memberCode: string, amountFen: number, extra: Record<string, unknown> = {}) {
  orderSeq += 1;
  return {
    orderId: `T${Date.now().toString(36)}${orderSeq}`,
    memberCode,
    amountFen,
    items: [{ sku: 'SKU-1', qty: 1, priceFen: amountFen }],
    paidAt: h.clock.now().toISOString(),
    ...extra,
  };
}

/** The demo stores' POS secrets (local/seed). */
export const SECRETS: Record<string, string> = { S001: SECRET_S001, S002: 'dev-secret-S002' };

/** What CloudBase's HTTP access would hand the `pos` function, for requests a helper above cannot express. */
export interface RawPosEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** Hands the `pos` function an event exactly as given (malformed headers, base64 bodies, odd paths). */
export async function deliverEvent(h: Harness, event: RawPosEvent): Promise<PosAnswer> {
  const pos = functionMains().pos!;
  const { result, requests, docsExamined } = await h.cloud.call(null, () => pos(event));
  const answer = result as unknown as { statusCode: number; body: string };
  return { status: answer.statusCode, body: JSON.parse(answer.body), requests, docsExamined };
}

/** A refund body of an order. */
export function refundBody(orderId: string, refundId: string, amountFen: number) {
  return { orderId, refundId, amountFen };
}

/** Fetches a code for the member and delivers a paid order with it; throws unless the till got 200. */
export async function buy(h: Harness, openid: string, amountFen: number, extra: Record<string, unknown> = {}, d: Delivery = {}) {
  const body = orderBody(h, await tillCode(h, openid), amountFen, extra);
  const answer = await deliver(h, 'orders', body, d);
  if (answer.status !== 200) throw new Error(`order failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { body, result: answer.body.data as { memberId: string; pointsEarned: number; balance: number; tier: string; tierChanged: boolean } };
}

/** How many till answers of each status and code: `{ '200': 1, '422 NOT_CLAIMABLE': 19 }`. */
export function tallyPos(answers: PosAnswer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const key = a.body.ok ? String(a.status) : `${a.status} ${a.body.error!.code}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
