import type { ActionName, ActionOutput, ErrorCode, Invitee, ReferralMine, ReferralTerms } from '../../../cloudfunctions/contract';
import { fail } from './member';
import { type CloudRequest, programFunction } from './taro';

/**
 * A fake `referral` function for page tests, beside whatever answers the other functions
 * (programMember, programPoints…): each action answers from the table the test gives (an envelope
 * or a function of the request's data); an action left out answers INTERNAL.
 */
type ReferralAction = ActionName<'referral'>;
type Answer<A extends ReferralAction> = { ok: true; data: ActionOutput<'referral', A> } | { ok: false; error: { code: ErrorCode; message: string } };
export type ReferralAnswers = { [A in ReferralAction]?: Answer<A> | ((data: Record<string, unknown>) => Answer<A> | Promise<Answer<A>>) };

export function programReferral(answers: ReferralAnswers): void {
  programFunction('referral', async ({ data }: CloudRequest) => {
    const answer = answers[data.action as ReferralAction];
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? answer(data) : answer;
  });
}

export const TERMS: ReferralTerms = {
  pass: { name: '新品优先试穿权', value: '新品到店先试', rule: '凭券到店，新品上架前 3 天预约试穿' },
  inviterSteps: [
    { from: 1, reward: { name: '邀请礼券', value: '¥20', rule: '满¥200可用' } },
    { from: 3, reward: { name: '邀请礼券', value: '¥50', rule: '满¥300可用' } },
    { from: 5, reward: { name: '邀请礼券', value: '¥100', rule: '满¥500可用' } },
  ],
  minOrderFen: 10000,
  returnWindowDays: 7,
  rules: [
    '好友通过你的邀请链接或海报，第一次加入悦衣会员，才算你的邀请。',
    '好友入会后首单实付满¥100，并过了 7 天退货期，你们各得一张新品优先试穿权。',
    '分享本身没有奖励；奖励只跟随好友的真实消费。',
  ],
};

export const MINE: ReferralMine = {
  code: 'AB12CD',
  sharePath: 'packages/join/index?ref=AB12CD&storeId=S001',
  scene: 'r=AB12CD&s=S001',
  stats: { invited: 3, joined: 1, inWindow: 1, settled: 1, void: 0, voidReasons: [] },
  loyalProgress: { settled: 1, needed: 3, text: '再邀请 2 位好友成为忠诚者' },
  terms: TERMS,
};

/** A member who has invited nobody yet. */
export const MINE_NEW: ReferralMine = {
  ...MINE,
  stats: { invited: 0, joined: 0, inWindow: 0, settled: 0, void: 0, voidReasons: [] },
  loyalProgress: { settled: 0, needed: 3, text: '再邀请 3 位好友成为忠诚者' },
};

export const INVITER: ActionOutput<'referral', 'inviter'> = { nicknameMasked: '小*', terms: TERMS };

/** The i-th invitee, newest first (i = 0 newest). */
export function invitee(i: number, over: Partial<Invitee> = {}): Invitee {
  return {
    key: `k${i}`,
    nicknameMasked: `好友${i}*`,
    joinedAt: new Date(Date.parse('2026-11-30T02:00:00.000Z') - i * 86_400_000).toISOString(),
    status: 'joined',
    statusText: '已加入',
    at: null,
    ...over,
  };
}

/** A page of `all` as referral.invitees answers it (`before` is the key of the last one shown). */
export function inviteesPage(all: Invitee[], data: Record<string, unknown>): ActionOutput<'referral', 'invitees'> {
  const from = typeof data.before === 'string' ? all.findIndex((i) => i.key === data.before) + 1 : 0;
  const limit = typeof data.limit === 'number' ? data.limit : 20;
  const invitees = all.slice(from, from + limit);
  return { invitees, nextBefore: from + limit < all.length ? (invitees[invitees.length - 1]?.key ?? null) : null };
}
