import type { TierCode } from '../../../contract';
import type { PieceResult } from '../../../contract/benefitsCocreation';
import { maskPhonesIn } from '../../phone';
import { maskNickname } from '../../referrals/view';
import { TIERS, tierOf } from '../../tiers';
import { toIso } from '../../time';
import type { Piece, Vote } from './records';

/** One group of a piece's votes as the database sums them ($group by piece and tier). */
export interface VoteSums {
  pieceId: string;
  tier: TierCode;
  votes: number;
  likes: number;
  fitSum: number;
  priceSum: number;
}

export type Figures = PieceResult['total'];

const round1 = (n: number) => Math.round(n * 10) / 10;

export function figuresOf(s: Pick<VoteSums, 'votes' | 'likes' | 'fitSum' | 'priceSum'>): Figures {
  if (s.votes === 0) return { votes: 0, likeShare: 0, avgFit: null, avgPrice: null };
  return { votes: s.votes, likeShare: Math.round((s.likes / s.votes) * 1000) / 1000, avgFit: round1(s.fitSum / s.votes), avgPrice: round1(s.priceSum / s.votes) };
}

/** A comment as the brand reads it: the voter's nickname masked, their tier when they voted, any phone number typed in it masked. */
export type CommentFacts = Pick<Vote, 'tier' | 'like' | 'comment' | 'votedAt'> & { nickname: string | null };

/** A piece's results: the whole and each tier that voted (in tier order), and its latest comments (staff never see a full phone number, even in a vote kept before comments were masked on the way in). */
export function pieceResult(p: Piece, sums: VoteSums[], comments: CommentFacts[]): PieceResult {
  const mine = sums.filter((s) => s.pieceId === p._id);
  const total = mine.reduce((a, s) => ({ votes: a.votes + s.votes, likes: a.likes + s.likes, fitSum: a.fitSum + s.fitSum, priceSum: a.priceSum + s.priceSum }), { votes: 0, likes: 0, fitSum: 0, priceSum: 0 });
  const byTier = TIERS.flatMap((t) => {
    const s = mine.find((x) => x.tier === t.code);
    return s && s.votes > 0 ? [{ tier: t.code, tierName: t.name, ...figuresOf(s) }] : [];
  });
  return {
    pieceId: p._id,
    name: p.name,
    image: p.images[0] ?? '',
    status: p.status,
    openUntil: toIso(p.openUntil),
    tiers: p.tiers,
    total: figuresOf(total),
    byTier,
    comments: comments.filter((c) => c.comment).map((c) => ({ nickname: maskNickname(c.nickname), tierName: tierOf(c.tier).name, like: c.like, text: maskPhonesIn(c.comment!), at: toIso(c.votedAt) })),
    passesIssued: p.passesIssued,
  };
}
