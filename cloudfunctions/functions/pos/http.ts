import type { Envelope, ErrorCode } from '../../contract';
import { clip, plainDataProblem } from '../../contract/plain';
import { POS_HEADERS, posContract } from '../../contract/pos';
import { STORE_ID } from '../../contract/rules';
import { useNonce } from '../../data/orders';
import { findStore } from '../../data/stores';
import { functionClock } from '../../platform/clock';
import { database } from '../../platform/cloud';
import { describeIssues } from '../../platform/handler';
import { signatureProblem } from '../../platform/posSigning';
import { basketProblem, orderProblem, recordOrder } from './orders';
import { quoteOrder } from './quotes';
import { recordRefund } from './refunds';

/** What CloudBase's HTTP access hands an HTTP-triggered function (the local gateway builds the same). */
export interface HttpEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** HTTP status per error: tills retry 5xx and timeouts, never 4xx (those need a person). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CODE_EXPIRED: 422,
  NOT_MEMBER: 422,
  INTERNAL: 500,
};

function answer(envelope: Envelope<unknown>): HttpAnswer {
  const statusCode = envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 422);
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(envelope), isBase64Encoded: false };
}
const refuse = (code: ErrorCode, message: string) => answer({ ok: false, error: { code, message } });

// a byte-order mark is kept (ignoreBOM): it is part of what the till signed, and is then refused by name
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const MAX_BODY_BYTES = 64 * 1024;

/** The request body exactly as the till signed it, or null when it is not UTF-8 text. */
function rawBody(event: HttpEvent): string | null {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) return body;
  try {
    return utf8.decode(Buffer.from(body, 'base64'));
  } catch {
    return null;
  }
}

type Route = keyof typeof posContract;

/**
 * The `pos` function: the till's signed HTTP requests (ARCHITECTURE.md "POS signing"). A request
 * that is not signed by a known store, is stale or replays a nonce is refused with 401 before
 * anything is written; then the body must match the contract (400); then the nonce is spent and
 * the order or refund recorded.
 */
export async function handlePos(event: HttpEvent): Promise<HttpAnswer> {
  try {
    const now = functionClock().now();
    const route = /\/(orders|refunds|quotes)\/?$/.exec(event.path ?? '')?.[1] as Route | undefined;
    if (!route) return refuse('NOT_FOUND', `no POS route ${clip(event.path ?? '', 60)}: use /orders, /refunds or /quotes`);
    if ((event.httpMethod ?? '').toUpperCase() !== 'POST') return { ...refuse('INVALID_INPUT', 'the till sends orders, refunds and quotes with POST'), statusCode: 405 };
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(event.headers ?? {})) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    const storeId = headers[POS_HEADERS.store] ?? '';
    if (!STORE_ID.test(storeId)) return refuse('UNAUTHENTICATED', 'X-Store-Id is missing or malformed');
    const body = rawBody(event);
    if (body === null) return refuse('INVALID_INPUT', 'the body is not UTF-8 text');
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return { ...refuse('INVALID_INPUT', 'the body is larger than 64 KB'), statusCode: 413 };
    const db = database();
    const store = await findStore(db, storeId);
    if (!store || !store.active) return refuse('UNAUTHENTICATED', `store ${storeId} is not known or not active`);
    const signed = { timestamp: headers[POS_HEADERS.timestamp] ?? '', nonce: headers[POS_HEADERS.nonce] ?? '', signature: headers[POS_HEADERS.signature] ?? '' };
    const problem = signatureProblem(store.posSecret, signed, body, now);
    if (problem) return refuse('UNAUTHENTICATED', problem);

    if (body.startsWith('\uFEFF')) return refuse('INVALID_INPUT', 'the body starts with a byte-order mark (BOM): send plain UTF-8 JSON without one');
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(body);
    } catch {
      return refuse('INVALID_INPUT', 'the body is not valid JSON');
    }
    const plain = plainDataProblem(parsedJson);
    if (plain) return refuse('INVALID_INPUT', plain);
    const spec = posContract[route];
    const parsed = spec.input.safeParse(parsedJson);
    if (!parsed.success) return refuse('INVALID_INPUT', describeIssues(parsed.error as never, parsedJson));
    // what can be judged from the request alone is judged before its nonce is spent
    // how far the till's clock is off ours (the signature vouches for its timestamp): its paidAt is read on our clock
    const tillOffsetMs = Number(signed.timestamp) - now.getTime();
    const contentsProblem =
      route === 'orders' ? orderProblem(parsed.data as never, now, tillOffsetMs) : route === 'quotes' ? basketProblem(parsed.data as never) : null;
    if (contentsProblem) return refuse('INVALID_INPUT', contentsProblem);
    if (!(await useNonce(db, store._id, signed.nonce, now))) return refuse('UNAUTHENTICATED', 'X-Nonce was used before: sign every request with a new nonce');

    const outcome =
      route === 'orders'
        ? await recordOrder(db, store, parsed.data as never, now, tillOffsetMs)
        : route === 'refunds'
          ? await recordRefund(db, store, parsed.data as never, now)
          : await quoteOrder(db, parsed.data as never, now);
    if (!outcome.ok) return answer({ ok: false, error: outcome.error });
    const checked = spec.output.safeParse(outcome.value);
    if (!checked.success) throw new Error(`pos.${route} answered outside its contract: ${describeIssues(checked.error as never, outcome.value)}`);
    return answer({ ok: true, data: checked.data });
  } catch (err) {
    console.error('[pos] internal error:', err);
    return refuse('INTERNAL', 'internal error');
  }
}
