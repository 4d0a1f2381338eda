import type { AttributionRule } from './rule';

/** Void: an unknown code (mistyped, or of a member whose erase removed it). */
export const unknownCode: AttributionRule = {
  code: 'unknownCode',
  check: (f) => f.inviter === null,
};
