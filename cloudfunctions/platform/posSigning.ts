import { createHmac, timingSafeEqual } from 'node:crypto';
import { POS_MAX_SKEW_MS, POS_NONCE, posSigningText } from '../contract/pos';

/** Lowercase hex HMAC-SHA256 of the signing text with the store's secret. */
export function posSignature(secret: string, timestamp: string, nonce: string, rawBody: string): string {
  return createHmac('sha256', secret).update(posSigningText(timestamp, nonce, rawBody), 'utf8').digest('hex');
}

export interface SignedHeaders {
  timestamp: string;
  nonce: string;
  signature: string;
}

/** Why a request's signature is refused (said to the till, which logs it), or null when it is good. */
export function signatureProblem(secret: string, h: SignedHeaders, rawBody: string, now: Date): string | null {
  if (!/^\d{1,15}$/.test(h.timestamp)) return 'X-Timestamp must be unix milliseconds';
  if (Math.abs(Number(h.timestamp) - now.getTime()) > POS_MAX_SKEW_MS) return 'X-Timestamp is more than 5 minutes away from the server clock';
  if (!POS_NONCE.test(h.nonce)) return 'X-Nonce must be 8–64 letters, digits, "_" or "-"';
  if (!/^[0-9a-f]{64}$/.test(h.signature)) return 'X-Signature must be 64 lowercase hex digits';
  const expected = Buffer.from(posSignature(secret, h.timestamp, h.nonce, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(h.signature, 'hex')) ? null : 'X-Signature does not match the request';
}
