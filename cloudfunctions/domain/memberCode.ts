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

/** A member's current till code. One per member: issuing a new one replaces (retires) the old. */
export interface MemberCode {
  /** the memberId */
  _id: string;
  code: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export function issueMemberCode(memberId: string, code: string, now: Date): MemberCode {
  return { _id: memberId, code, issuedAt: now, expiresAt: new Date(now.getTime() + MEMBER_CODE_TTL_SECONDS * 1000), usedAt: null };
}

export type MemberCodeState = 'live' | 'expired' | 'used';

/** A code is live until it is used or its 60 seconds are up (the expiry instant itself is too late). */
export function memberCodeState(c: Pick<MemberCode, 'expiresAt' | 'usedAt'>, now: Date): MemberCodeState {
  if (c.usedAt) return 'used';
  return now.getTime() < c.expiresAt.getTime() ? 'live' : 'expired';
}
