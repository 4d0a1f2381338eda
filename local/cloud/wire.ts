import { BSONRegExp, EJSON } from 'bson';
import { UnsupportedByStandIn } from './errors';
import { newDocId } from './database';

/**
 * The SDK sends queries and update data as EJSON strings. Decoding must be relaxed: with
 * relaxed:false numbers become Int32 objects and every comparison silently fails (PITFALLS).
 */
export function decode(text: unknown, now: () => Date): any {
  if (text === undefined || text === null || text === '') return {};
  if (typeof text !== 'string') throw new UnsupportedByStandIn(`expected an EJSON string, got ${typeof text}`);
  return resolve(EJSON.parse(text), now);
}

/** serverDate() arrives as {$tcb_server_date: {offset}}: the platform stamps its own clock. */
function resolve(value: unknown, now: () => Date): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^imsu]/g, ''));
  if (Array.isArray(value)) return value.map((v) => resolve(v, now));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new UnsupportedByStandIn(`the local cloud does not store ${(value as object).constructor?.name ?? 'this BSON type'}`);
  }
  const obj = value as Record<string, unknown>;
  if ('$tcb_server_date' in obj) {
    const offset = Number((obj.$tcb_server_date as { offset?: number })?.offset ?? 0);
    return new Date(now().getTime() + offset);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = resolve(v, now);
  return out;
}

/** Documents go back as EJSON strings, as the platform answers them. */
export function encode(doc: unknown): string {
  return EJSON.stringify(doc as never, { relaxed: false });
}

/** The request id every platform answer carries. */
export const requestId = () => `local-${newDocId().slice(0, 12)}`;
