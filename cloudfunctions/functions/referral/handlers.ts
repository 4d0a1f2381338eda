import { failure, success } from '../../contract';
import { referralContract } from '../../contract/referral';
import { templatesById } from '../../data/coupons';
import { findMember, findMemberByOpenid } from '../../data/members';
import { findInviteCode, findProgramme, referralsOfInviter, referralStatusesOf } from '../../data/referrals';
import { notMember } from '../../domain/member';
import { DEFAULT_PROGRAMME_ID, rewardTemplateIds } from '../../domain/referrals/programme';
import { inviteeLine, loyalProgress, maskNickname, referralStats, referralTerms } from '../../domain/referrals/view';
import { JOIN_PAGE, joinScene, sharePath } from '../../domain/referrals/links';
import { openapi, type Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { inviteCodeOf } from './inviteCode';

const DEFAULT_PAGE = 20;

async function termsOf(db: Database) {
  const programme = await findProgramme(db, DEFAULT_PROGRAMME_ID);
  if (!programme?.active) return null;
  const templates = await templatesById(db, rewardTemplateIds(programme));
  return referralTerms(programme, templates);
}

export const referralHandlers: Handlers<typeof referralContract> = {
  /** The member's code, where it goes (share path, poster scene), their counts and the terms. */
  async mine(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [code, statuses, terms] = await Promise.all([inviteCodeOf(ctx.db, m, ctx.now), referralStatusesOf(ctx.db, m._id), termsOf(ctx.db)]);
    if (!code) return notMember();
    if (!terms) return failure('NOT_FOUND', '邀请活动暂未开放');
    return success({ code, sharePath: sharePath(code, m.homeStore.storeId), scene: joinScene(code, m.homeStore.storeId), stats: referralStats(statuses), loyalProgress: loyalProgress(m, ctx.now), terms });
  },

  /** The member's invitees, newest first, in words. */
  async invitees(input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const limit = input.limit ?? DEFAULT_PAGE;
    // one more than asked tells whether there is a next page
    const page = await referralsOfInviter(ctx.db, m._id, input.before, limit + 1);
    const shown = page.slice(0, limit);
    return success({ invitees: shown.map(inviteeLine), nextBefore: page.length > limit ? shown[shown.length - 1]!.listKey : null });
  },

  /** The join page, before the shopper agrees to anything: who invites them (masked) and what both get. */
  async inviter(input, ctx) {
    const found = await findInviteCode(ctx.db, input.ref);
    const inviter = found ? await findMember(ctx.db, found.memberId) : null;
    if (!inviter || inviter.leavingSince) return failure('NOT_FOUND', '邀请码无效');
    const terms = await termsOf(ctx.db);
    if (!terms) return failure('NOT_FOUND', '邀请活动暂未开放');
    return success({ nicknameMasked: maskNickname(inviter.nickname), terms });
  },

  /** The poster's mini program code for `r=<code>`: WeChat draws it (wxacode.getUnlimited). */
  async posterCode(_input, ctx) {
    const m = await findMemberByOpenid(ctx.db, ctx.openid);
    if (!m) return notMember();
    const code = await inviteCodeOf(ctx.db, m, ctx.now);
    if (!code) return notMember();
    const scene = joinScene(code, m.homeStore.storeId);
    const res = (await openapi().wxacode.getUnlimited({ scene, page: JOIN_PAGE, checkPath: false, width: 430 })) as { buffer: Buffer | Uint8Array };
    return success({ scene, page: JOIN_PAGE, pngBase64: Buffer.from(res.buffer).toString('base64') });
  },
};
