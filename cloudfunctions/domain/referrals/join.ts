import type { Member } from '../member';
import { attributionProblem } from './attribution';
import type { ReferralProgramme } from './programme';
import { listKeyOf, type Referral } from './referral';
import { maskNickname } from './view';

const DAY_MS = 86_400_000;

/** What a join with an invite code is decided on, read before the member is made. */
export interface JoinReferralFacts {
  /** the code on the join link or the poster's scene (null: what came was not a code) */
  code: string | null;
  /** the new member (not yet stored) and the referral's id (a keyed digest of their memberId) */
  invitee: Member;
  referralId: string;
  inviter: Member | null;
  wasMemberBefore: boolean;
  programme: ReferralProgramme | null;
}

/**
 * The referral a join with an invite code makes, decided on the server: joined when every
 * attribution rule passes (waiting for the friend's first paid order, at most `pendingDays`),
 * else void with its reason — recorded either way, and never in the way of joining. Null when the
 * programme is closed.
 */
export function referralAtJoin(f: JoinReferralFacts): Referral | null {
  const p = f.programme;
  if (!p?.active) return null;
  const problem = attributionProblem({ inviter: f.inviter, inviteeOpenid: f.invitee.openid, wasMemberBefore: f.wasMemberBefore, inviteePhoneDigest: f.invitee.phoneDigest ?? null });
  const at = f.invitee.joinedAt;
  return {
    _id: f.referralId,
    programmeId: p._id,
    inviterId: problem === 'unknownCode' ? null : f.inviter?._id ?? null,
    inviteeId: f.invitee._id,
    code: f.code,
    inviteeNicknameMasked: maskNickname(f.invitee.nickname),
    status: problem ? 'void' : 'joined',
    voidReason: problem,
    joinedAt: at,
    orderKey: null,
    orderPaidFen: null,
    dueAt: problem ? null : new Date(at.getTime() + p.pendingDays * DAY_MS),
    settledAt: null,
    listKey: listKeyOf(at, f.referralId),
  };
}
