import { failure, success } from '../../contract';
import type { benefitsCocreationContract } from '../../contract/benefitsCocreation';
import { findPiece, findVote, insertVote, openPieces, piecesByIds, votesOfMember } from '../../data/cocreation';
import { findMemberByOpenid } from '../../data/members';
import { voteIdOf } from '../../domain/benefits/cocreation/records';
import { voteProblem } from '../../domain/benefits/cocreation/rules';
import { loyalUnlock } from '../../domain/benefits/cocreation/unlock';
import { pieceView, shownPieces } from '../../domain/benefits/cocreation/view';
import { newVote } from '../../domain/benefits/cocreation/plans';
import { notMember } from '../../domain/member';
import { tierOf } from '../../domain/tiers';
import type { Handlers } from '../../platform/handler';

type Contract = typeof benefitsCocreationContract;

export const cocreationMemberHandlers: Pick<Handlers<Contract>, 'pieces' | 'vote'> = {
  /** The pieces open now and those the member voted on, each with their vote (and priority line) or whether they may vote; how to become 忠诚者 for others. */
  async pieces(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [open, votes] = await Promise.all([openPieces(ctx.db, ctx.now), votesOfMember(ctx.db, m._id)]);
    const openIds = new Set(open.map((p) => p._id));
    const voted = await piecesByIds(ctx.db, votes.map((v) => v.pieceId).filter((id) => !openIds.has(id)));
    const byPiece = new Map(votes.map((v) => [v.pieceId, v]));
    const unlock = loyalUnlock(m, ctx.now);
    const pieces = shownPieces(open.filter((p) => p.openFrom <= ctx.now), voted).map((p) => pieceView(p, byPiece.get(p._id) ?? null, m.tier, unlock, ctx.now));
    return success({ tier: m.tier, tierName: tierOf(m.tier).name, unlock, pieces });
  },

  /**
   * One vote per member and piece, decided by the vote's id `<pieceId>:<memberId>`: ten parallel
   * votes write one. The same request again (a retry) answers the vote as kept; another vote on a
   * piece already voted on is LIMIT_REACHED (the page then shows the vote that counts).
   */
  async vote(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const piece = await findPiece(ctx.db, input.pieceId);
    const unlock = loyalUnlock(m, ctx.now);
    const problem = voteProblem({ tier: m.tier, piece, comment: input.comment, now: ctx.now, unlock: unlock ?? '' });
    if (problem) return failure(problem.code, problem.message);
    const drafted = newVote(input, m._id, m.tier, ctx.now);
    const created = (await insertVote(ctx.db, drafted)) === 'created';
    const vote = created ? drafted : await findVote(ctx.db, voteIdOf(piece!._id, m._id));
    if (!vote) return failure('CONFLICT', '请重试');
    if (!created && vote.requestId !== input.requestId) return failure('LIMIT_REACHED', '每款新品只能投一次票，你已投过');
    return success({ piece: pieceView(piece!, vote, m.tier, unlock, ctx.now) });
  },
};
