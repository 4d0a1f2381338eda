import type { AttributionRule } from './rule';

/** Void: only a brand-new member counts: this shopper was a member before. */
export const rejoined: AttributionRule = {
  code: 'rejoined',
  check: (f) => f.wasMemberBefore,
};
