import { createHmac } from 'node:crypto';

/**
 * A keyed one-way digest of a shopper's openid (HMAC-SHA256 with STYLECLUB_HOLDER_KEY, from the
 * functions' environment; the local cloud sets a development one). It names what a shopper used of
 * the once-ever offers after they leave the programme — and nothing else: without the key it
 * cannot be linked to anyone, and it holds no personal data.
 */
export function holderOf(openid: string): string {
  const key = process.env.STYLECLUB_HOLDER_KEY;
  if (!key) throw new Error('STYLECLUB_HOLDER_KEY is not configured');
  return createHmac('sha256', key).update(openid).digest('hex').slice(0, 32);
}
