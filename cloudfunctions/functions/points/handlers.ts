import { success } from '../../contract';
import { pointsContract } from '../../contract/points';
import { ledgerPage } from '../../data/ledger';
import { findMemberByOpenid } from '../../data/members';
import { findCredits } from '../../data/subscriptions';
import { notMember } from '../../domain/member';
import { historyLines } from '../../domain/points/history';
import { pointsSummary } from '../../domain/points/summary';
import type { Handlers } from '../../platform/handler';

const HISTORY_PAGE = 20;

export const pointsHandlers: Handlers<typeof pointsContract> = {
  /** Balance, what expires next, tier progress and benefits, reminder credits. */
  async summary(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const credits = await findCredits(ctx.db, m._id);
    return success(pointsSummary(m, ctx.now, { pointsExpiring: credits.pointsExpiring }));
  },

  /** The member's ledger, newest first, a page at a time (`before` = the last seq shown). */
  async history(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const limit = input.limit ?? HISTORY_PAGE;
    // one more than asked tells whether an older page exists without a count
    const entries = await ledgerPage(ctx.db, m._id, input.before, limit + 1);
    const page = entries.slice(0, limit);
    return success({ lines: historyLines(page), nextBefore: entries.length > limit ? page[page.length - 1]!.seq : null });
  },
};
