import type { TierCode } from '../contract';
import type { Piece, Vote } from '../domain/benefits/cocreation/records';
import type { CommentFacts, VoteSums } from '../domain/benefits/cocreation/results';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { allByIdCursor, documents, findById, updatedCount } from './read';

/** The brand's co-creation pieces and members' votes (issue 18). It reads and writes; it decides nothing. */

/** How many pieces a list shows at most (the brand runs a handful at a time). */
export const PIECES_MAX = 50;
/** Comments shown per piece in the results. */
export const COMMENTS_SHOWN = 20;

export const insertPiece = (db: Database, piece: Piece) => addOnce(db, COLLECTIONS.cocreationPieces, piece);
export const findPiece = (db: Database, id: string) => findById<Piece>(db, COLLECTIONS.cocreationPieces, id);

/** Pieces taking votes now: status open and the window not over (openFrom is judged by the rules). */
export async function openPieces(db: Database, now: Date): Promise<Piece[]> {
  const _ = db.command;
  return documents<Piece>(db.collection(COLLECTIONS.cocreationPieces).where({ status: 'open', openUntil: _.gt(now) }).orderBy('openUntil', 'asc').limit(PIECES_MAX));
}

export async function piecesByIds(db: Database, ids: string[]): Promise<Piece[]> {
  if (!ids.length) return [];
  const _ = db.command;
  return documents<Piece>(db.collection(COLLECTIONS.cocreationPieces).where({ _id: _.in(ids) }).limit(PIECES_MAX));
}

/** The latest pieces, newest first (the brand's results page). */
export async function latestPieces(db: Database): Promise<Piece[]> {
  return documents<Piece>(db.collection(COLLECTIONS.cocreationPieces).orderBy('createdAt', 'desc').limit(PIECES_MAX));
}

/** open → closed, once: false when it was not open (closed or launched already). */
export async function closePiece(db: Database, id: string, now: Date): Promise<boolean> {
  return updatedCount(await db.collection(COLLECTIONS.cocreationPieces).where({ _id: id, status: 'open' }).update({ data: { status: 'closed', closedAt: now } })) === 1;
}

/** open or closed → launched, once: false when launched already. */
export async function markLaunched(db: Database, id: string, now: Date): Promise<boolean> {
  const _ = db.command;
  return updatedCount(await db.collection(COLLECTIONS.cocreationPieces).where({ _id: id, status: _.in(['open', 'closed']) }).update({ data: { status: 'launched', launchedAt: now } })) === 1;
}

export async function countPassesIssued(db: Database, id: string, n: number): Promise<void> {
  if (n > 0) await db.collection(COLLECTIONS.cocreationPieces).doc(id).update({ data: { passesIssued: db.command.inc(n) } });
}

/** Adds a vote once: its id `<pieceId>:<memberId>` decides a second or parallel vote. */
export const insertVote = (db: Database, vote: Vote) => addOnce(db, COLLECTIONS.cocreationVotes, vote);
export const findVote = (db: Database, id: string) => findById<Vote>(db, COLLECTIONS.cocreationVotes, id);

/** A member's latest votes (the pieces page, the 产品共创型用户 tag). */
export async function votesOfMember(db: Database, memberId: string, limit = PIECES_MAX): Promise<Vote[]> {
  return documents<Vote>(db.collection(COLLECTIONS.cocreationVotes).where({ memberId }).orderBy('votedAt', 'desc').limit(limit));
}

/** A launched piece's voters still without their pass, first voters first (the priority line). */
export async function votesWithoutPass(db: Database, pieceId: string, limit: number): Promise<Vote[]> {
  return documents<Vote>(db.collection(COLLECTIONS.cocreationVotes).where({ pieceId, passId: null }).orderBy('votedAt', 'asc').orderBy('_id', 'asc').limit(limit));
}

/** Notes the pass on the vote, once. */
export async function setVotePass(db: Database, voteId: string, passId: string): Promise<void> {
  await db.collection(COLLECTIONS.cocreationVotes).where({ _id: voteId, passId: null }).update({ data: { passId } });
}

/** The votes of the pieces summed by piece and voter tier: one aggregation, whatever the number of votes. */
export async function voteSums(db: Database, pieceIds: string[]): Promise<VoteSums[]> {
  if (!pieceIds.length) return [];
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.cocreationVotes)
    .aggregate()
    .match({ pieceId: _.in(pieceIds) })
    .group({ _id: { pieceId: '$pieceId', tier: '$tier' }, votes: $.sum(1), likes: $.sum($.cond(['$like', 1, 0])), fitSum: $.sum('$fit'), priceSum: $.sum('$price') })
    .end()) as { list: Array<{ _id: { pieceId: string; tier: TierCode }; votes: number; likes: number; fitSum: number; priceSum: number }> };
  return res.list.map((g) => ({ pieceId: g._id.pieceId, tier: g._id.tier, votes: g.votes, likes: g.likes, fitSum: g.fitSum, priceSum: g.priceSum }));
}

/** A piece's latest comments (votes with one), newest first. */
export async function latestComments(db: Database, pieceId: string): Promise<Array<Omit<CommentFacts, 'nickname'> & { memberId: string }>> {
  const _ = db.command;
  return documents(db.collection(COLLECTIONS.cocreationVotes).where({ pieceId, comment: _.neq(null) }).orderBy('votedAt', 'desc').limit(COMMENTS_SHOWN).field({ memberId: true, tier: true, like: true, comment: true, votedAt: true }));
}

/** Every vote of a member (their export). */
export const allVotesOf = (db: Database, memberId: string) => allByIdCursor<Vote>(db, COLLECTIONS.cocreationVotes, { memberId });

/** Erases a leaving member's votes. */
export async function deleteVotesOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.cocreationVotes).where({ memberId }).remove();
}
