import type { Invitee, ReferralMine, ReferralTerms, ReferralVoidReason } from '../../contract/referral';
import { discountFace } from '../coupons/discounts';
import type { CouponTemplate } from '../coupons/template';
import type { Member } from '../member';
import { figuresAsOf } from '../standing';
import { tierRecordOf } from '../member';
import { LOYAL_REFERRALS } from '../tierRules/loyalReferrals';
import { toIso } from '../time';
import type { ReferralProgramme } from './programme';
import type { Referral } from './referral';
import { graphemes, yuanText } from '../../contract/formats';

/** Why a referral did not count, in plain words for the inviter. */
export const VOID_TEXT: Record<ReferralVoidReason, string> = {
  unknownCode: '邀请码无效',
  self: '不能邀请自己',
  inviterLeft: '邀请人已退出会员',
  rejoined: '好友此前已是会员',
  samePhone: '与你绑定了同一手机号',
  belowMinimum: '好友首单未满最低消费',
  refunded: '好友首单已退货',
  noOrder: '好友30天内未消费',
  inviteeLeft: '好友已退出会员',
};

/**
 * A nickname as the other side (an inviter, an invitee, the brand reading co-creation comments) sees
 * it: the first character and stars (小雅 → 小*, 欧阳娜娜 → 欧**); a one-character name is only a star
 * (A → *: its first character is all of it); none → 好友.
 */
export function maskNickname(nickname: string | null): string {
  const chars = graphemes((nickname ?? '').trim());
  if (chars.length === 0) return '好友';
  if (chars.length === 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(2, Math.max(1, chars.length - 1)))}`;
}

/** An invitee's line on the inviter's list. */
export function inviteeLine(r: Referral): Invitee {
  const statusText =
    r.status === 'joined'
      ? '已加入'
      : r.status === 'qualified'
        ? '已消费，退货期后发放奖励'
        : r.status === 'settled'
          ? '已发放'
          : `未生效：${VOID_TEXT[r.voidReason ?? 'unknownCode']}`;
  const at = r.status === 'qualified' ? r.dueAt : r.status === 'settled' ? r.settledAt : null;
  return { key: r.listKey, nicknameMasked: r.inviteeNicknameMasked, joinedAt: toIso(r.joinedAt), status: r.status, statusText, at: at ? toIso(at) : null };
}

/** The counts of an inviter's referrals. */
export function referralStats(rs: Array<Pick<Referral, 'status' | 'voidReason'>>): ReferralMine['stats'] {
  const stats: ReferralMine['stats'] = { invited: rs.length, joined: 0, inWindow: 0, settled: 0, void: 0, voidReasons: [] };
  const reasons = new Map<ReferralVoidReason, number>();
  for (const r of rs) {
    if (r.status === 'joined') stats.joined += 1;
    else if (r.status === 'qualified') stats.inWindow += 1;
    else if (r.status === 'settled') stats.settled += 1;
    else {
      stats.void += 1;
      const reason = r.voidReason ?? 'unknownCode';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  stats.voidReasons = [...reasons].map(([reason, count]) => ({ reason, text: VOID_TEXT[reason], count }));
  return stats;
}

/** Towards 忠诚者 by referrals: settled in the last 12 months, and what is left, in words. */
export function loyalProgress(m: Member, now: Date): ReferralMine['loyalProgress'] {
  const settled = figuresAsOf(tierRecordOf(m), now).settledReferrals;
  const left = Math.max(0, LOYAL_REFERRALS - settled);
  const text = m.tier === 'loyal' ? '你已是忠诚者' : left === 0 ? '已满足忠诚者条件' : `再邀请 ${left} 位好友成功消费，即可成为忠诚者`;
  return { settled, needed: LOYAL_REFERRALS, text };
}

function reward(t: CouponTemplate | undefined): ReferralTerms['pass'] {
  if (!t) return { name: '—', value: '—', rule: '—' };
  const face = discountFace(t.discount);
  return { name: t.name, value: face.value, rule: face.rule };
}

/** The programme's terms as both sides read them (the join page, the invite page). */
export function referralTerms(p: ReferralProgramme, templates: Map<string, CouponTemplate>): ReferralTerms {
  const steps = p.inviterSteps.map((s) => ({ from: s.from, reward: reward(templates.get(s.templateId)) }));
  return {
    pass: reward(templates.get(p.passTemplateId)),
    inviterSteps: steps,
    minOrderFen: p.minOrderFen,
    returnWindowDays: p.returnWindowDays,
    rules: [
      `好友通过你的邀请成为新会员，并在${p.pendingDays}天内完成首单（实付满${yuanText(p.minOrderFen)}）`,
      `首单度过${p.returnWindowDays}天退货期后，你和好友各得一张${reward(templates.get(p.passTemplateId)).name}`,
      `你还会得到邀请礼券：${steps.map((s) => `第${s.from}位起 ${s.reward.value}`).join('，')}`,
      `成功邀请${LOYAL_REFERRALS}位好友（12个月内），即可成为忠诚者`,
      '奖励只看好友的真实消费，分享本身没有奖励；首单退货后奖励不发放',
    ],
  };
}

