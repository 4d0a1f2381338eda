import type { AppError, TierCode } from '../../../contract';
import { COMMENT_MAX_CHARS } from '../../../contract/benefitsCocreation';
import { graphemes } from '../../../contract/formats';
import { maskPhonesIn } from '../../phone';
import type { Piece } from './records';

/** What the vote rules judge: the voter's tier, the piece (null: no such piece), the comment as typed, now. */
export interface VoteFacts {
  tier: TierCode;
  piece: Piece | null;
  comment: string | undefined;
  now: Date;
  /** how the member becomes 忠诚者 (unlock.ts), for the refusal's words */
  unlock: string;
}

/** One rule of voting: a stable code and a check that answers the failure, or null when it passes. */
export interface VoteRule {
  code: string;
  check(f: VoteFacts): AppError | null;
}

export const pieceExists: VoteRule = {
  code: 'piece-exists',
  check: (f) => (f.piece ? null : { code: 'NOT_FOUND', message: '没有这款新品' }),
};

/** 忠诚者 (and 成长者 where the brand opened the piece to them) may vote; others are told how to get there. */
export const tierInvited: VoteRule = {
  code: 'tier-invited',
  check: (f) => (f.piece && !f.piece.tiers.includes(f.tier) ? { code: 'FORBIDDEN', message: f.unlock } : null),
};

/** Votes are taken while the piece is open and within its window. */
export const pieceOpen: VoteRule = {
  code: 'piece-open',
  check: (f) => {
    const p = f.piece;
    if (!p) return null;
    if (p.status !== 'open' || f.now < p.openFrom || f.now >= p.openUntil) return { code: 'NOT_CLAIMABLE', message: f.now < p.openFrom ? '这款新品还未开放投票' : '这款新品的投票已截止' };
    return null;
  },
};

/** A short comment: at most COMMENT_MAX_CHARS characters once trimmed (an empty one is none). */
export const commentShort: VoteRule = {
  code: 'comment-short',
  check: (f) => (graphemes((f.comment ?? '').trim()).length > COMMENT_MAX_CHARS ? { code: 'INVALID_INPUT', message: `评论最多 ${COMMENT_MAX_CHARS} 字` } : null),
};

/** In the order a voter is told: no piece, not your tier, not open, the comment. (One vote each is the vote's unique id, not a rule read first.) */
export const VOTE_RULES: readonly VoteRule[] = [pieceExists, tierInvited, pieceOpen, commentShort];

export function voteProblem(f: VoteFacts): AppError | null {
  for (const rule of VOTE_RULES) {
    const problem = rule.check(f);
    if (problem) return problem;
  }
  return null;
}

/**
 * The comment as kept: trimmed, null when empty, any mainland mobile number in it masked (the brand's
 * managers read comments and staff never keep or see a full number — as with staff notes).
 */
export function commentOf(text: string | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed ? maskPhonesIn(trimmed) : null;
}

/** Whether a member of `tier` may vote on the piece now (the page's 投票 button). */
export function mayVoteNow(tier: TierCode, piece: Piece, now: Date): boolean {
  return tierInvited.check({ tier, piece, comment: undefined, now, unlock: '' }) === null && pieceOpen.check({ tier, piece, comment: undefined, now, unlock: '' }) === null;
}
