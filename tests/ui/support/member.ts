import type { ActionName, ActionOutput, ErrorCode } from '../../../cloudfunctions/contract';
import { type CloudRequest, programCloud, programFunction } from './taro';

/**
 * A fake `member` function for page tests: each action answers from the table the test gives
 * (an envelope, or a function of the request's data); an action left out answers INTERNAL, so a
 * call the test did not expect shows up as a failure on screen and in `recorded.cloudCalls`.
 */
type MemberAction = ActionName<'member'>;
type Answer<A extends MemberAction> =
  | { ok: true; data: ActionOutput<'member', A> }
  | { ok: false; error: { code: ErrorCode; message: string } };
export type MemberAnswers = { [A in MemberAction]?: Answer<A> | ((data: Record<string, unknown>) => Answer<A> | Promise<Answer<A>>) };

export const ok = <T>(data: T) => ({ ok: true as const, data });
export const fail = (code: ErrorCode) => ({ ok: false as const, error: { code, message: `${code}: the function's own words, never shown` } });

/**
 * Programs a function by action: each action's answer, or a function of the call's data that makes
 * it; an action not named answers INTERNAL (a page that calls what the test did not expect fails loudly).
 */
export function programActions(name: string, answers: Record<string, unknown | ((data: Record<string, unknown>) => unknown)>): void {
  programFunction(name, async ({ data }: CloudRequest) => {
    const a = answers[data.action as string];
    if (a === undefined) return fail('INTERNAL');
    return typeof a === 'function' ? (a as (d: Record<string, unknown>) => unknown)(data) : a;
  });
}

export function programMember(answers: MemberAnswers): void {
  programCloud(async ({ name, data }: CloudRequest) => {
    const action = data.action as MemberAction;
    const answer = name === 'member' ? answers[action] : undefined;
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? answer(data) : answer;
  });
}

export const GIFTS: ActionOutput<'member', 'store'>['gifts'] = [
  { on: 'join', name: '首单8折券', text: '入会即得8折券 · 全场通用，无门槛 · 仅限首单使用 · 最多优惠¥300 · 入会后30天内有效' },
  { on: 'marketingOptIn', name: '订阅福利券', text: '开启新品与优惠消息，再得 ¥5 无门槛券' },
];

export const STORE: ActionOutput<'member', 'store'> = { storeId: 'S001', name: '悦衣库·静安嘉里店', city: '上海', gifts: GIFTS };

export const CARD: ActionOutput<'member', 'card'> = {
  memberId: '312345678901',
  tier: 'explorer',
  tierName: '探索者',
  points: 1280,
  nickname: '小雨',
  avatar: null,
  homeStore: { storeId: 'S001', name: STORE.name },
  memberSince: '2026-03-08T04:00:00.000Z',
  next: { code: 'grower', name: '成长者', text: '本季度再消费 ¥601 升级成长者', ratio: 0.4 },
  wallet: { usable: 0, endingSoon: null, atTill: [] },
};

export const PROFILE: ActionOutput<'member', 'profile'> = {
  nickname: '小雨',
  avatar: null,
  birthday: '05-20',
  birthdayEditableFrom: null,
  phoneMasked: null,
};

export const CONSENT: ActionOutput<'member', 'consent'> = {
  privacy: { accepted: true, version: '2026-12', acceptedAt: '2026-03-08T04:00:00.000Z' },
  marketing: { optIn: false, changedAt: '2026-03-08T04:00:00.000Z' },
  history: [{ kind: 'privacy', granted: true, at: '2026-03-08T04:00:00.000Z', version: '2026-12' }],
};
