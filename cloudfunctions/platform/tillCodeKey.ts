import { createHmac } from 'node:crypto';

/**
 * The secret of an offline-code device (contract/tillCode.ts), derived, never stored:
 * HMAC-SHA256 with STYLECLUB_CODE_KEY (a random secret in the `member`, `pos` and `staff`
 * functions' environment; the local cloud sets a development one) over
 * `memberId|handle|issuedAt in unix ms`. The device record (handle, member, issuedAt) is then no
 * secret: a copy of the database gives no code, and a new key revokes every device at once.
 */
export function deviceSecret(memberId: string, handle: string, issuedAt: Date): Uint8Array {
  const key = process.env.STYLECLUB_CODE_KEY;
  if (!key) throw new Error('STYLECLUB_CODE_KEY is not configured');
  return new Uint8Array(createHmac('sha256', key).update(`${memberId}|${handle}|${issuedAt.getTime()}`).digest());
}
