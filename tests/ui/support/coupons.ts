import type { ActionOutput, BirthdayGift, CenterEntry, CouponView, ErrorCode, Reward } from '../../../cloudfunctions/contract';
import { fail, type MemberAnswers, ok } from './member';
import { type CloudRequest, programCloud } from './taro';

/**
 * A fake `coupon` function, the rewards of `points`, and `member` (card, code, subscribe) for the
 * coupon pages and the card: each action answers from the table the test gives (an envelope, or a
 * function of the request's data); an action left out answers INTERNAL, as in member.ts.
 */
type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
type Handler<T> = Answer<T> | ((data: Record<string, unknown>) => Answer<T> | Promise<Answer<T>>);
export interface CouponAnswers {
  list?: Handler<ActionOutput<'coupon', 'list'>>;
  center?: Handler<ActionOutput<'coupon', 'center'>>;
  claim?: Handler<ActionOutput<'coupon', 'claim'>>;
  birthday?: Handler<ActionOutput<'coupon', 'birthday'>>;
  claimBirthday?: Handler<ActionOutput<'coupon', 'claimBirthday'>>;
  rewards?: Handler<ActionOutput<'points', 'rewards'>>;
  redeem?: Handler<ActionOutput<'points', 'redeem'>>;
}

export function programCoupons(answers: CouponAnswers, member: MemberAnswers = {}): void {
  programCloud(async ({ name, data }: CloudRequest) => {
    const action = String(data.action);
    const answer =
      name === 'coupon' && ['list', 'center', 'claim', 'birthday', 'claimBirthday'].includes(action) ? answers[action as keyof CouponAnswers]
      : name === 'points' && (action === 'rewards' || action === 'redeem') ? answers[action]
      : name === 'member' ? member[action as keyof MemberAnswers]
      : undefined;
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? (answer as (d: Record<string, unknown>) => unknown)(data) : answer;
  });
}

/** A wallet coupon as coupon.list answers it: an available ¥50 off ¥199 coupon. */
export function coupon(id: string, over: Partial<CouponView> = {}): CouponView {
  return {
    templateId: 'new-arrival-trial',
    name: '新品试穿券',
    kind: 'amountOff',
    value: '¥50',
    rule: '满¥199可用',
    notes: ['可与其他可叠加的券同用'],
    couponId: id,
    status: 'available',
    channel: 'claim',
    issuedAt: '2026-11-20T02:00:00.000Z',
    validFrom: '2026-11-20T02:00:00.000Z',
    validUntil: '2026-12-20T16:00:00.000Z',
    validityText: '2026-12-20 23:59 前有效',
    expiringSoon: false,
    usedAt: null,
    endedReason: null,
    ...over,
  };
}

export const WELCOME = coupon('welcome-80:m1:join', {
  templateId: 'welcome-80',
  name: '首单8折券',
  kind: 'percent',
  value: '8折',
  rule: '全场通用，无门槛',
  notes: ['仅限首单使用', '最多优惠¥300'],
  channel: 'join',
  validityText: '2026-11-28 23:59 前有效',
  expiringSoon: true,
});

/** No subscribe-message credits held. */
export const NO_REMINDERS: ActionOutput<'coupon', 'list'>['reminders'] = { pointsExpiring: 0, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 };

/** One tab's answer with the counts of all three and the reminder credits held (none unless given). */
export function listOf(
  coupons: CouponView[],
  counts: ActionOutput<'coupon', 'list'>['counts'],
  reminders: Partial<ActionOutput<'coupon', 'list'>['reminders']> = {},
): ActionOutput<'coupon', 'list'> {
  return { coupons, counts, reminders: { ...NO_REMINDERS, ...reminders } };
}

/** A campaign coupon of the claim centre. */
export function entry(templateId: string, over: Partial<CenterEntry> = {}): CenterEntry {
  return {
    templateId,
    name: '新品试穿券',
    kind: 'amountOff',
    value: '¥50',
    rule: '满¥199可用',
    notes: ['可与其他可叠加的券同用'],
    state: 'claimable',
    stock: { total: 500, remaining: 120 },
    limit: { perMember: 1, claimed: 0 },
    validityText: '领取后30天内有效',
    claimUntil: null,
    ...over,
  };
}

export const GIFT = {
  templateId: 'birthday-explorer',
  name: '生日礼券',
  kind: 'amountOff' as const,
  value: '¥20',
  rule: '无门槛',
  notes: ['可与其他可叠加的券同用'],
};

export function birthday(over: Partial<BirthdayGift> = {}): BirthdayGift {
  return {
    state: 'claimable',
    birthday: '11-26',
    window: { birthdayOn: '2026-11-26', opensAt: '2026-11-22T16:00:00.000Z', closesAt: '2026-12-03T16:00:00.000Z' },
    gift: GIFT,
    coupon: null,
    ...over,
  };
}

export const BIRTHDAY_COUPON = coupon('birthday-explorer:m1:2026', {
  ...GIFT,
  channel: 'birthday',
  validityText: '2026-12-26 23:59 前有效',
});

export function reward(rewardId: string, over: Partial<Reward> = {}): Reward {
  return {
    templateId: rewardId,
    rewardId,
    name: '¥20无门槛券',
    kind: 'amountOff',
    value: '¥20',
    rule: '无门槛',
    notes: [],
    pointsCost: 500,
    validityText: '兑换后30天内有效',
    ...over,
  };
}

export { fail, ok };
