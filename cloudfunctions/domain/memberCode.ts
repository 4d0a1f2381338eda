/**
 * The till code a member shows: an opaque random token, never derived from the memberId or
 * openid. 18 digits: a Code 128 barcode packs digit pairs (set C), so it stays short, and tills
 * that type codes in by hand are used to 18-digit payment codes.
 */
export const MEMBER_CODE_TTL_SECONDS = 60;
export const MEMBER_CODE_PREFIX = '66';
export const MEMBER_CODE_RANDOM_DIGITS = 16;

export function composeMemberCode(randomDigits: string): string {
  if (!/^\d+$/.test(randomDigits) || randomDigits.length !== MEMBER_CODE_RANDOM_DIGITS) {
    throw new Error(`a member code needs ${MEMBER_CODE_RANDOM_DIGITS} random digits`);
  }
  return MEMBER_CODE_PREFIX + randomDigits;
}

/** One till code as issued. */
export interface IssuedCode {
  code: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  /** the order (`${storeId}:${orderId}`) that used it */
  usedFor?: string;
}

/**
 * A member's till code. One per member: issuing a new one retires the old for lookups. The code
 * it replaced is kept beside it until its own minute is up, for one purpose only: a till that
 * scanned it just before the phone refreshed can still send the order.
 */
export interface MemberCode extends IssuedCode {
  /** the memberId */
  _id: string;
  previous?: IssuedCode | null;
}

/** A till may send the order this long after the code's minute is up, if it was paid within it. */
export const ORDER_DELIVERY_GRACE_MS = 30_000;
/** How far a till's paidAt may lie outside the code's minute (its clock is not ours). */
export const PAID_AT_SLACK_MS = 60_000;
/** How far a till's clock may run ahead of ours at all. */
export const TILL_CLOCK_SLACK_MS = 5 * 60_000;

export function issueMemberCode(memberId: string, code: string, now: Date, replacing: MemberCode | null = null): MemberCode {
  const issued: MemberCode = { _id: memberId, code, issuedAt: now, expiresAt: new Date(now.getTime() + MEMBER_CODE_TTL_SECONDS * 1000), usedAt: null };
  // only a code a till could still send is kept (unused, and within the delivery grace)
  const keep = replacing && !replacing.usedAt && now.getTime() < replacing.expiresAt.getTime() + ORDER_DELIVERY_GRACE_MS;
  issued.previous = keep ? { code: replacing.code, issuedAt: replacing.issuedAt, expiresAt: replacing.expiresAt, usedAt: null } : null;
  return issued;
}

/** The slot of the member's code record that holds `code` ('current' or 'previous'), or null. */
export function slotOf(c: MemberCode, code: string): 'current' | 'previous' | null {
  if (c.code === code) return 'current';
  return c.previous?.code === code ? 'previous' : null;
}

/**
 * Whether a till order may use this code: unused, shown when the shopper paid (paidAt within
 * its minute, give or take the till's clock) and sent promptly after. Null when it may,
 * otherwise why not, for the till.
 */
export function orderCodeProblem(c: IssuedCode, paidAt: Date, now: Date): string | null {
  if (c.usedAt) return 'the member code was used already: ask the member to show a fresh one';
  if (now.getTime() >= c.expiresAt.getTime() + ORDER_DELIVERY_GRACE_MS) return 'the member code expired: ask the member to refresh it';
  if (paidAt.getTime() < c.issuedAt.getTime() - PAID_AT_SLACK_MS || paidAt.getTime() > c.expiresAt.getTime() + PAID_AT_SLACK_MS) {
    return 'paidAt is outside the minute the member code was shown: check the till clock or scan a fresh code';
  }
  return null;
}

export type MemberCodeState = 'live' | 'expired' | 'used';

/** A code is live until it is used or its 60 seconds are up (the expiry instant itself is too late). */
export function memberCodeState(c: Pick<MemberCode, 'expiresAt' | 'usedAt'>, now: Date): MemberCodeState {
  if (c.usedAt) return 'used';
  return now.getTime() < c.expiresAt.getTime() ? 'live' : 'expired';
}
