import type { AttributionRule } from './rule';

/** Void: both have bound the same phone: one person, two accounts. */
export const samePhone: AttributionRule = {
  code: 'samePhone',
  check: (f) => !!f.inviteePhoneDigest && f.inviter?.phoneDigest === f.inviteePhoneDigest,
};
