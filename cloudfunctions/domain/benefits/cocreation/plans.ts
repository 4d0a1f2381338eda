import type { TierCode } from '../../../contract';
import type { Category } from '../../../contract/styleWords';
import { couponFrom } from '../../coupons/issue';
import type { Coupon, CouponTemplate } from '../../coupons/template';
import { publishedPieceId, type Piece, tryOnPassId, type Vote, voteIdOf } from './records';
import { commentOf } from './rules';

const DAY = 86_400_000;

export interface PublishRequest {
  name: string;
  story: string;
  images: string[];
  category: Category;
  targetPriceFen: number;
  tiers: TierCode[];
  openDays: number;
  requestId: string;
}

/** A piece a manager publishes: open from now for `openDays` days, keyed by the request. */
export function newPiece(r: PublishRequest, managerId: string, now: Date): Piece {
  return {
    _id: publishedPieceId(r.requestId),
    name: r.name,
    story: r.story,
    images: r.images,
    category: r.category,
    targetPriceFen: r.targetPriceFen,
    tiers: r.tiers,
    openFrom: now,
    openUntil: new Date(now.getTime() + r.openDays * DAY),
    status: 'open',
    createdAt: now,
    createdBy: managerId,
    closedAt: null,
    launchedAt: null,
    passesIssued: 0,
  };
}

/**
 * Whether a stored piece is the one this request publishes (a retry), not another piece under a used
 * request id: the same manager, texts, pictures, category, price, tiers and days open.
 */
export function samePiece(stored: Piece, drafted: Piece): boolean {
  const days = (p: Piece) => p.openUntil.getTime() - p.openFrom.getTime();
  return (
    stored.createdBy === drafted.createdBy && stored.name === drafted.name && stored.story === drafted.story && stored.images.join('\n') === drafted.images.join('\n') &&
    stored.category === drafted.category && stored.targetPriceFen === drafted.targetPriceFen && stored.tiers.join() === drafted.tiers.join() && days(stored) === days(drafted)
  );
}

export interface VoteRequest {
  pieceId: string;
  like: boolean;
  fit: number;
  price: number;
  comment?: string;
  requestId: string;
}

/** The vote as kept (the rules passed): its id is the one-vote rule. */
export function newVote(r: VoteRequest, memberId: string, tier: TierCode, now: Date): Vote {
  return { _id: voteIdOf(r.pieceId, memberId), pieceId: r.pieceId, memberId, tier, like: r.like, fit: r.fit, price: r.price, comment: commentOf(r.comment), requestId: r.requestId, votedAt: now, passId: null };
}

/**
 * The 新品优先试穿权 of a launched piece for one voter: the brand's pass template, its grant naming
 * the piece so the clerk who checks it off knows which; keyed by member and piece (issued once).
 */
export function tryOnPass(t: CouponTemplate, piece: Pick<Piece, '_id' | 'name'>, memberId: string, now: Date): Coupon {
  const coupon = couponFrom(t, tryOnPassId(memberId, piece._id), memberId, now, 'available', 'cocreation');
  return { ...coupon, discount: { kind: 'pass', title: `优先试穿·${piece.name}` } };
}
