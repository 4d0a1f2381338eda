import { failure, success } from '../../contract';
import { findMember } from '../../data/members';
import { findStaff } from '../../data/staff';
import type { CodeGuesser } from '../../domain/codeGuesses';
import { isLeaving, type Member } from '../../domain/member';
import { memberCodeState } from '../../domain/memberCode';
import { isActiveStaff, type Staff } from '../../domain/staff/staff';
import { offlineCodeExpiresAt, offlineCodeProblem } from '../../domain/tillDevice';
import type { Database } from '../../platform/cloud';
import { findCodeWithinLimit, type FoundCode, limitReached } from '../codes/resolve';

/** Until when a found code is live for a clerk, or null when it is not (expired, used, replaced). */
function liveUntil(found: FoundCode, now: Date): Date | null {
  if (found.kind === 'offline') return offlineCodeProblem(found.device, found.step, { kind: 'lookup' }, now) ? null : offlineCodeExpiresAt(found.step);
  return memberCodeState(found.record, now) === 'live' ? found.record.expiresAt : null;
}

/**
 * The clerk and the member whose live code they hold, or why not (the code is not used up). A
 * clerk past this minute's wrong codes is refused every code until the next minute. Shared by the
 * counter's actions (lookup, checkPass, the counter coupon check, the member view by code).
 */
export async function atCounter(db: Database, openid: string, code: string, now: Date) {
  const clerk: CodeGuesser = { kind: 'clerk', openid };
  const staff = await findStaff(db, openid);
  if (!isActiveStaff(staff)) return failure('FORBIDDEN', 'only store staff can look members up');
  const found = await findCodeWithinLimit(db, clerk, now, code, now, 'lookup');
  if (found === 'limit') return limitReached();
  if (!found) return failure('CODE_EXPIRED', 'the member code is expired, used or unknown');
  const codeExpiresAt = liveUntil(found, now);
  if (!codeExpiresAt) return failure('CODE_EXPIRED', 'the member code is expired, used or unknown');
  const member = await findMember(db, found.memberId);
  if (!member || isLeaving(member)) return failure('CODE_EXPIRED', 'the member code no longer belongs to a member');
  return success<{ staff: Staff; member: Member; codeExpiresAt: Date }>({ staff, member, codeExpiresAt });
}
