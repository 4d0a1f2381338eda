import { createHmac } from 'node:crypto';

/**
 * A keyed one-way digest of a shopper's openid (HMAC-SHA256 with STYLECLUB_HOLDER_KEY, from the
 * functions' environment; the local cloud sets a development one). It names what a shopper used of
 * the once-ever offers after they leave the programme — and nothing else: without the key it
 * cannot be linked to anyone, and it holds no personal data.
 */
export function holderOf(openid: string): string {
  return createHmac('sha256', holderKey()).update(openid).digest('hex').slice(0, 32);
}

/**
 * The stylist's part of a slot id (8 hex digits): a keyed digest under the same key, apart from
 * the holder's by its prefix, so a member who sees a slot id cannot tell which staff openid
 * published it (an unkeyed hash of an openid can be matched by anyone who guesses it).
 */
export function stylistKeyOf(staffId: string): string {
  return createHmac('sha256', holderKey()).update(`stylist:${staffId}`).digest('hex').slice(0, 8);
}

function holderKey(): string {
  const key = process.env.STYLECLUB_HOLDER_KEY;
  if (!key) throw new Error('STYLECLUB_HOLDER_KEY is not configured');
  return key;
}
