import { failure, success } from '../../contract';
import { activeTemplates, findTemplate } from '../../data/coupons';
import { audienceProblem } from '../../domain/coupons/audience';
import { couponFrom } from '../../domain/coupons/issue';
import { couponIds } from '../../domain/coupons/template';
import { templateValidityText } from '../../domain/coupons/validity';
import { couponView, templateFace } from '../../domain/coupons/view';
import { pointsNow } from '../../domain/member';
import { randomDigits } from '../../platform/random';
import { holderFacts } from '../coupon/claim';
import { redeemPoints } from './redeem';
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
    return success(pointsSummary(m, ctx.now, credits));
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

  /** 积分兑换: what points buy, for this member's tier. */
  async rewards(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const offered = (await activeTemplates(ctx.db, 'reward')).filter((t) => t.pointsCost && !audienceProblem(t, holderFacts(m)));
    return success({
      rewards: offered.map((t) => ({ ...templateFace(t), rewardId: t._id, pointsCost: t.pointsCost!, validityText: templateValidityText(t.validity, '兑换') })),
      balance: pointsNow(m, ctx.now),
    });
  },

  /**
   * Spends the reward's points (oldest lots first) and issues its coupon in one transaction. The
   * app's requestId makes a retried tap spend once; without one every call is a new redeem.
   */
  async redeem(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const t = await findTemplate(ctx.db, input.rewardId);
    if (!t || t.channel !== 'reward' || !t.pointsCost) return failure('NOT_FOUND', `no reward ${input.rewardId}`);
    const problem = audienceProblem(t, holderFacts(m));
    if (problem) return failure('NOT_CLAIMABLE', problem);
    const request = input.requestId ?? randomDigits(16);
    const coupon = couponFrom(t, couponIds.reward(t._id, m._id, request), m._id, ctx.now);
    const redeemed = await redeemPoints(ctx.db, m._id, { key: `${m._id}:${request}`, points: t.pointsCost, title: `兑换${t.name}`, coupon }, ctx.now);
    if (!redeemed.ok) return redeemed;
    const issued = redeemed.value.coupon;
    if (!issued) return failure('CONFLICT', `requestId ${request} was used for another reward`);
    return success({ coupon: couponView(issued, !!m.firstOrderAt, ctx.now), balance: redeemed.value.balance, spent: redeemed.value.spent });
  },
};
