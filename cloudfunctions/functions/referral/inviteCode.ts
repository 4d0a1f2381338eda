import { deleteInviteCode, insertInviteCode, setMemberInviteCode } from '../../data/referrals';
import { findMember } from '../../data/members';
import type { Member } from '../../domain/member';
import type { Database } from '../../platform/cloud';
import { randomCode } from '../../platform/random';

/** 8 characters of a 31-letter alphabet: ≈ 8.5 × 10^11 codes, short enough to read out. */
const INVITE_CODE_LENGTH = 8;
const MAX_DRAWS = 5;

/**
 * The member's invite code: drawn at random on first use, then stable. The code is claimed by a
 * unique id first, then given to the member only if they have none (parallel first calls keep one
 * code; the loser's is dropped). Null when the member began leaving meanwhile.
 */
export async function inviteCodeOf(db: Database, m: Member, now: Date): Promise<string | null> {
  if (m.inviteCode) return m.inviteCode;
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    const code = randomCode(INVITE_CODE_LENGTH);
    if (!(await insertInviteCode(db, code, m._id, now))) continue;
    if (await setMemberInviteCode(db, m._id, code)) return code;
    // a parallel call gave the member a code first (or the member is leaving): keep theirs
    await deleteInviteCode(db, code);
    const fresh = await findMember(db, m._id);
    return fresh && !fresh.leavingSince ? (fresh.inviteCode ?? null) : null;
  }
  throw new Error('could not draw a free invite code');
}
