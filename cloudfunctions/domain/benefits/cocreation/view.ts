import type { TierCode } from '../../../contract';
import type { MyVote, PieceView } from '../../../contract/benefitsCocreation';
import { CATEGORY_NAMES } from '../../../contract/styleWords';
import { toIso } from '../../time';
import { type Piece, PRIORITY_LINE, type Vote } from './records';
import { mayVoteNow } from './rules';

export const myVoteOf = (v: Vote): MyVote => ({ like: v.like, fit: v.fit, price: v.price, comment: v.comment, votedAt: toIso(v.votedAt) });

/** What the member reads of a piece: their vote and the priority line once they voted, or whether (and why not) they may vote. */
export function pieceView(p: Piece, vote: Vote | null, tier: TierCode, unlock: string | null, now: Date): PieceView {
  const may = !vote && mayVoteNow(tier, p, now);
  const locked = vote || may ? null : !p.tiers.includes(tier) ? (unlock ?? '暂未开放') : '投票已截止';
  return {
    pieceId: p._id,
    name: p.name,
    story: p.story,
    images: p.images,
    category: p.category,
    categoryName: CATEGORY_NAMES[p.category],
    targetPriceFen: p.targetPriceFen,
    openUntil: toIso(p.openUntil),
    mayVote: may,
    locked,
    myVote: vote ? myVoteOf(vote) : null,
    priority: vote ? PRIORITY_LINE : null,
  };
}

/** The pieces a member sees: those open now, and those they voted on (still open, closed or launched), newest window first. */
export function shownPieces(open: Piece[], voted: Piece[]): Piece[] {
  const byId = new Map([...open, ...voted].map((p) => [p._id, p]));
  return [...byId.values()].sort((a, b) => b.openUntil.getTime() - a.openUntil.getTime() || a._id.localeCompare(b._id));
}
