import type { ActionOutput, ErrorCode, LedgerLine, PointsSummary } from '../../../cloudfunctions/contract';
import { fail, ok } from './member';
import { type CloudRequest, programCloud } from './taro';

/**
 * A fake `points` function (and `member.subscribe`) for the points page: `summary`, `rewards`,
 * `redeem` and `subscribe` answer from the table the test gives; `history` pages through `ledger` by `before`/`limit` as the
 * function does, unless the test gives its own answer. An action left out answers INTERNAL.
 */
type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
type Handler<T> = Answer<T> | ((data: Record<string, unknown>) => Answer<T> | Promise<Answer<T>>);
export interface PointsAnswers {
  summary?: Handler<PointsSummary>;
  history?: Handler<ActionOutput<'points', 'history'>>;
  subscribe?: Handler<ActionOutput<'member', 'subscribe'>>;
  /** 积分兑换: what points buy, and a redeem */
  rewards?: Handler<ActionOutput<'points', 'rewards'>>;
  redeem?: Handler<ActionOutput<'points', 'redeem'>>;
  /** the member's whole history, newest first, for the default `history` */
  ledger?: LedgerLine[];
}

export function programPoints(answers: PointsAnswers): void {
  const ledger = answers.ledger ?? [];
  const history = answers.history ?? ((data: Record<string, unknown>) => ok(page(ledger, data)));
  programCloud(async ({ name, data }: CloudRequest) => {
    const answer =
      name === 'points' && data.action === 'summary' ? answers.summary
      : name === 'points' && data.action === 'history' ? history
      : name === 'points' && data.action === 'rewards' ? answers.rewards
      : name === 'points' && data.action === 'redeem' ? answers.redeem
      : name === 'member' && data.action === 'subscribe' ? answers.subscribe
      : undefined;
    if (!answer) return fail('INTERNAL');
    return typeof answer === 'function' ? answer(data) : answer;
  });
}

/** One page of `ledger` as points.history answers it. */
export function page(ledger: LedgerLine[], data: Record<string, unknown>): ActionOutput<'points', 'history'> {
  const before = typeof data.before === 'number' ? data.before : Infinity;
  const limit = typeof data.limit === 'number' ? data.limit : 20;
  const older = ledger.filter((line) => line.seq < before);
  const lines = older.slice(0, limit);
  return { lines, nextBefore: older.length > limit ? (lines[lines.length - 1]?.seq ?? null) : null };
}

/** A purchase line; `seq` 1 is the oldest. */
export function line(seq: number, over: Partial<LedgerLine> = {}): LedgerLine {
  return {
    id: `L${seq}`,
    kind: 'earn',
    points: 120,
    debtSettled: 0,
    debtAdded: 0,
    at: '2026-11-25T02:00:00.000Z',
    title: '门店消费',
    detail: '悦衣库 上海静安店 · 实付 ¥120',
    expiresAt: '2027-12-31T16:00:00.000Z',
    balanceAfter: 120 * seq,
    seq,
    ...over,
  };
}

/** `count` purchases, newest first (seq count … 1). */
export function ledgerOf(count: number): LedgerLine[] {
  return Array.from({ length: count }, (_, i) => line(count - i, { title: `门店消费 #${count - i}` }));
}

/** Every tier as points.summary lists it (domain/tiers.ts). */
export const TIERS: PointsSummary['tiers'] = [
  { code: 'explorer', name: '探索者', rule: '注册即享', benefits: ['首单8折券', '风格测试', '3天穿搭灵感'] },
  { code: 'grower', name: '成长者', rule: '一个自然季度内消费满 ¥1,000', benefits: ['造型师1对1预约', '生日月双倍积分'] },
  { code: 'loyal', name: '忠诚者', rule: '近12个月消费超过 ¥3,000，或成功邀请 3 位好友', benefits: ['品牌体验官', '新品共创', '私享会邀请'] },
];

export const SUMMARY: PointsSummary = {
  balance: 1280,
  debt: 0,
  nextExpiry: { points: 120, expiresAt: '2027-12-31T16:00:00.000Z' },
  expiringSoonPoints: 0,
  tier: { code: 'explorer', name: '探索者', since: '2026-03-08T04:00:00.000Z', keptUntil: null },
  progress: {
    quarterSpendFen: 68000,
    yearSpendFen: 128000,
    settledReferrals: 0,
    next: { code: 'grower', name: '成长者', text: '本季度再消费 ¥320 升级成长者', ratio: 0.68 },
    keepText: null,
  },
  tiers: TIERS,
  reminders: { pointsExpiring: 0, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 },
};

/** What 1,280 points can buy: one reward within reach, one beyond it. */
export const REWARDS: ActionOutput<'points', 'rewards'> = {
  balance: 1280,
  rewards: [
    {
      templateId: 'points-20',
      rewardId: 'points-20',
      name: '¥20无门槛券',
      kind: 'amountOff',
      value: '¥20',
      rule: '无门槛',
      notes: ['可与其他可叠加的券同用'],
      pointsCost: 500,
      validityText: '兑换后30天内有效',
    },
    {
      templateId: 'points-100',
      rewardId: 'points-100',
      name: '¥100满减券',
      kind: 'amountOff',
      value: '¥100',
      rule: '满¥599可用',
      notes: [],
      pointsCost: 2000,
      validityText: '兑换后30天内有效',
    },
  ],
};

export const summaryWith = (over: Partial<PointsSummary>): PointsSummary => ({ ...SUMMARY, ...over });
export { fail, ok };
