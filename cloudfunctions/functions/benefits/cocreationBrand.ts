import { failure, success } from '../../contract';
import type { benefitsCocreationContract } from '../../contract/benefitsCocreation';
import { closePiece, countPassesIssued, findPiece, insertPiece, latestComments, latestPieces, markLaunched, setVotePass, voteSums, votesWithoutPass } from '../../data/cocreation';
import { findTemplate, insertCoupon } from '../../data/coupons';
import { membersByIds } from '../../data/members';
import { newPiece, samePiece, tryOnPass } from '../../domain/benefits/cocreation/plans';
import { type Piece, TRY_ON_PASS_TEMPLATE } from '../../domain/benefits/cocreation/records';
import { pieceResult } from '../../domain/benefits/cocreation/results';
import { pieceTiers } from '../../domain/benefits/cocreation/unlock';
import { MANAGERS } from '../../domain/staff/access';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from '../staff/caller';

type Contract = typeof benefitsCocreationContract;

/** Voters a launch issues passes to in one call; a bigger piece is finished by launching again. */
export const LAUNCH_BATCH = 200;
/** Passes issued at once within a batch (the function's time limit, not the database, bounds a launch). */
const LAUNCH_PARALLEL = 20;

/** Results of pieces: one aggregation for the figures of all, then each piece's latest comments with the voters' nicknames (masked). */
async function resultsOf(db: Database, pieces: Piece[]) {
  const [sums, comments] = await Promise.all([voteSums(db, pieces.map((p) => p._id)), Promise.all(pieces.map((p) => latestComments(db, p._id)))]);
  const members = new Map((await membersByIds(db, [...new Set(comments.flat().map((c) => c.memberId))])).map((m) => [m._id, m.nickname]));
  return pieces.map((p, i) => pieceResult(p, sums, comments[i]!.map((c) => ({ ...c, nickname: members.get(c.memberId) ?? null }))));
}

async function oneResult(db: Database, id: string) {
  const piece = await findPiece(db, id);
  return piece ? (await resultsOf(db, [piece]))[0]! : null;
}

export const cocreationBrandHandlers: Pick<Handlers<Contract>, 'publishPiece' | 'closePiece' | 'launchPiece' | 'pieceResults'> = {
  /**
   * A manager publishes an upcoming piece; the request id names it, so a retry publishes it once and
   * answers it. The same request id with other content is CONFLICT (the piece published stays as it is).
   */
  async publishPiece(input, ctx) {
    const manager = await staffCaller(ctx, MANAGERS);
    if (!manager.ok) return manager;
    const drafted = newPiece({ ...input, tiers: pieceTiers(input.alsoGrowers) }, manager.value._id, ctx.now);
    const stored = (await insertPiece(ctx.db, drafted)) === 'created' ? drafted : await findPiece(ctx.db, drafted._id);
    if (!stored) return failure('CONFLICT', '请重试');
    if (!samePiece(stored, drafted)) return failure('CONFLICT', '这个请求编号已用于另一款新品，请刷新后重新发布');
    const result = await oneResult(ctx.db, drafted._id);
    return result ? success({ piece: result }) : failure('CONFLICT', '请重试');
  },

  /** A manager stops the votes on a piece (closing it twice is once; a launched piece stays launched). */
  async closePiece(input, ctx) {
    const manager = await staffCaller(ctx, MANAGERS);
    if (!manager.ok) return manager;
    if (!(await findPiece(ctx.db, input.pieceId))) return failure('NOT_FOUND', '没有这款新品');
    await closePiece(ctx.db, input.pieceId, ctx.now);
    return success({ piece: (await oneResult(ctx.db, input.pieceId))! });
  },

  /**
   * The piece is on sale: its voters, first voters first, each get the 新品优先试穿权 for it once
   * (the coupon's id names member and piece; the vote notes it). Launching again goes on where a
   * batch or a crash stopped and issues nothing twice.
   */
  async launchPiece(input, ctx) {
    const manager = await staffCaller(ctx, MANAGERS);
    if (!manager.ok) return manager;
    const [piece, template] = await Promise.all([findPiece(ctx.db, input.pieceId), findTemplate(ctx.db, TRY_ON_PASS_TEMPLATE)]);
    if (!piece) return failure('NOT_FOUND', '没有这款新品');
    if (!template || !template.active) return failure('NOT_CLAIMABLE', '新品优先试穿权暂未开放，请联系品牌');
    await markLaunched(ctx.db, piece._id, ctx.now);
    const voters = await votesWithoutPass(ctx.db, piece._id, LAUNCH_BATCH);
    let issued = 0;
    // voters in vote order, LAUNCH_PARALLEL at a time (each pass keyed by member and piece: a rerun adds none twice)
    for (let i = 0; i < voters.length; i += LAUNCH_PARALLEL) {
      const made = await Promise.all(
        voters.slice(i, i + LAUNCH_PARALLEL).map(async (vote) => {
          const pass = tryOnPass(template, piece, vote.memberId, ctx.now);
          const created = (await insertCoupon(ctx.db, pass)) === 'created';
          await setVotePass(ctx.db, vote._id, pass._id);
          return created;
        }),
      );
      issued += made.filter(Boolean).length;
    }
    await countPassesIssued(ctx.db, piece._id, issued);
    return success({ piece: (await oneResult(ctx.db, piece._id))!, issued, remaining: voters.length === LAUNCH_BATCH });
  },

  /** The brand's results: per piece votes, likes, average fit and price, by the voters' tier, and the latest comments. */
  async pieceResults(input, ctx) {
    const manager = await staffCaller(ctx, MANAGERS);
    if (!manager.ok) return manager;
    const pieces = input.pieceId ? [await findPiece(ctx.db, input.pieceId)].filter((p): p is Piece => p !== null) : await latestPieces(ctx.db);
    if (input.pieceId && !pieces.length) return failure('NOT_FOUND', '没有这款新品');
    return success({ pieces: await resultsOf(ctx.db, pieces) });
  },
};
