import type { TierCode } from '../../../contract';
import type { Category } from '../../../contract/styleWords';

/** An upcoming piece the brand asks its 忠诚者 about (seeded from database/seed/cocreationPieces.json, or published by a manager). */
export interface Piece {
  _id: string;
  name: string;
  story: string;
  images: string[];
  category: Category;
  targetPriceFen: number;
  /** who may vote: 忠诚者 always, 成长者 when a manager opened it to them */
  tiers: TierCode[];
  openFrom: Date;
  openUntil: Date;
  /** open: taking votes (until openUntil); closed: the brand stopped it; launched: on sale, voters got their try-on pass */
  status: 'open' | 'closed' | 'launched';
  createdAt: Date;
  /** the manager who published it (null: the brand's seed) */
  createdBy: string | null;
  closedAt: Date | null;
  launchedAt: Date | null;
  /** try-on passes issued to its voters (counted as each is created) */
  passesIssued: number;
}

/**
 * One member's vote on one piece: its id `<pieceId>:<memberId>` is the one-vote rule (a second or a
 * parallel vote is a duplicate key). Ordered by votedAt, a piece's votes are its 新品优先试穿 line.
 */
export interface Vote {
  _id: string;
  pieceId: string;
  memberId: string;
  /** the voter's tier when they voted (results by tier) */
  tier: TierCode;
  like: boolean;
  /** 1 不合身 … 5 很合身 */
  fit: number;
  /** 1 太贵 … 5 很值 */
  price: number;
  comment: string | null;
  requestId: string;
  votedAt: Date;
  /** the try-on pass issued when the piece launched (null: not yet) */
  passId: string | null;
}

export const voteIdOf = (pieceId: string, memberId: string) => `${pieceId}:${memberId}`;
/** A piece published by a manager is named by the publishing request: a retry publishes it once. */
export const publishedPieceId = (requestId: string) => `cc-${requestId}`;

/** The try-on pass of a launched piece: the existing 新品优先试穿权 template, one per voter and piece. */
export const TRY_ON_PASS_TEMPLATE = 'referral-pass';
export const tryOnPassId = (memberId: string, pieceId: string) => `${TRY_ON_PASS_TEMPLATE}:${memberId}:cc-${pieceId}`;

export const PRIORITY_LINE = '新品上市时你将优先试穿';
