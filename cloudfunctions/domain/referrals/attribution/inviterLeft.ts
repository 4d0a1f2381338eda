import type { AttributionRule } from './rule';

/** Void: the inviter is leaving the programme. */
export const inviterLeft: AttributionRule = {
  code: 'inviterLeft',
  check: (f) => !!f.inviter?.leavingSince,
};
