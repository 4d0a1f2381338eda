import type { Envelope, ErrorCode, Outcome } from '../contract';
import { clip } from '../contract/plain';
import { functionClock } from './clock';
import { type Actions, guarded, isAction, refusal, type Served, serve } from './pipeline';

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

/**
 * Who may call an HTTP function: first from the headers alone, before the body is read (a request
 * from no one is refused cheaply), then by the body they signed, which gives the handlers their
 * context. Both answer UNAUTHENTICATED (401) when they refuse.
 */
export interface HttpGuard<Caller, Ctx> {
  caller(headers: Record<string, string>): Outcome<Caller>;
  verify(caller: Caller, headers: Record<string, string>, rawBody: string, now: Date): Promise<Outcome<Ctx>>;
}

/** HTTP status per error: tills retry 5xx and timeouts, never 4xx (those need a person). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CODE_EXPIRED: 422,
  NOT_MEMBER: 422,
  /** a till past its store's wrong member codes of the minute (domain/codeGuesses): wait for the next minute */
  LIMIT_REACHED: 429,
  INTERNAL: 500,
};

function answer(envelope: Envelope<unknown>, statusCode = envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 422)): HttpAnswer {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(envelope), isBase64Encoded: false };
}
const refuse = (code: ErrorCode, message: string, statusCode?: number) => answer(refusal(code, message), statusCode);

// a byte-order mark is kept (ignoreBOM): it is part of what the caller signed, and is then refused by name
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
export const MAX_BODY_BYTES = 64 * 1024;

/** The request body exactly as it was signed, or null when it is not UTF-8 text. */
function rawBody(event: HttpEvent): string | null {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) return body;
  try {
    return utf8.decode(Buffer.from(body, 'base64'));
  } catch {
    return null;
  }
}

/** "/orders, /refunds or /quotes" */
function routeList(routes: string[]): string {
  const paths = routes.map((r) => `/${r}`);
  return paths.length > 1 ? `${paths.slice(0, -1).join(', ')} or ${paths[paths.length - 1]}` : paths.join('');
}

/**
 * The HTTP entry: an action per path (`POST …/<action>`), the guard's two checks around reading the
 * body, a JSON body of at most 64 KB, then the pipeline; its envelope goes back as the body with a
 * status per error code. `label` names the caller in messages ("POS").
 */
export function createHttpMain<C extends Actions<C>, Ctx, Caller>(served: Served<C, Ctx> & { label: string }, guard: HttpGuard<Caller, Ctx>) {
  const routes = Object.keys(served.contract);
  const handle = async (event: HttpEvent): Promise<HttpAnswer> => {
    const now = functionClock().now();
    const route = /\/([^/]+)\/?$/.exec(event.path ?? '')?.[1];
    if (!route || !isAction(served.contract, route)) return refuse('NOT_FOUND', `no ${served.label} route ${clip(event.path ?? '', 60)}: use ${routeList(routes)}`);
    if ((event.httpMethod ?? '').toUpperCase() !== 'POST') return refuse('INVALID_INPUT', `${served.label} requests (${routeList(routes)}) are sent with POST`, 405);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(event.headers ?? {})) if (typeof v === 'string') headers[k.toLowerCase()] = v;
    const caller = guard.caller(headers);
    if (!caller.ok) return answer(caller);
    const body = rawBody(event);
    if (body === null) return refuse('INVALID_INPUT', 'the body is not UTF-8 text');
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return refuse('INVALID_INPUT', 'the body is larger than 64 KB', 413);
    const verified = await guard.verify(caller.value, headers, body, now);
    if (!verified.ok) return answer(verified);
    if (body.startsWith('\uFEFF')) return refuse('INVALID_INPUT', 'the body starts with a byte-order mark (BOM): send plain UTF-8 JSON without one');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return refuse('INVALID_INPUT', 'the body is not valid JSON');
    }
    return answer(await serve(served, json, (data) => ({ action: route, data }), () => verified));
  };
  return (event: unknown) => guarded(served.name, () => handle((event ?? {}) as HttpEvent), (internal) => answer(internal));
}
