import type { AttributionRule } from './rule';

/** Void: a shopper cannot invite themself. */
export const self: AttributionRule = {
  code: 'self',
  check: (f) => f.inviter?.openid === f.inviteeOpenid,
};
