import { yuanText } from '../../cloudfunctions/contract/formats';
import { type Member, newMember } from '../../cloudfunctions/domain/member';
import { credit, EMPTY_ACCOUNT } from '../../cloudfunctions/domain/points/account';
import { historyLine, historyLines, type LabelledEntry } from '../../cloudfunctions/domain/points/history';
import { accountNow, EXPIRING_SOON_DAYS, pointsSummary } from '../../cloudfunctions/domain/points/summary';
import type { SpendDays } from '../../cloudfunctions/domain/spend';

const at = (iso: string) => new Date(iso);
const store = { storeId: 'S001', name: '悦衣库 上海静安店' };
const now = at('2026-11-25T02:00:00Z'); // Q4 2026 in Shanghai
const reminders = { pointsExpiring: 0, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 };

type Standing = Pick<Member, 'tier' | 'tierSince' | 'tierQualifiedAt' | 'tierKeptUntil'>;
const explorer: Standing = { tier: 'explorer', tierSince: at('2026-01-05T02:00:00Z'), tierQualifiedAt: { grower: null, loyal: null }, tierKeptUntil: null };
const grower: Standing = { tier: 'grower', tierSince: at('2026-11-25T02:00:00Z'), tierQualifiedAt: { grower: at('2026-11-25T02:00:00Z'), loyal: null }, tierKeptUntil: at('2027-11-25T02:00:00Z') };
const loyal: Standing = { tier: 'loyal', tierSince: at('2026-05-31T16:00:00Z'), tierQualifiedAt: { grower: null, loyal: at('2026-05-31T16:00:00Z') }, tierKeptUntil: at('2027-05-31T16:00:00Z') };

function someone(standing: Standing, spendDays: SpendDays = {}, referrals = 0): Member {
  return {
    ...newMember('100000000001', 'o1', { store }, at('2026-01-05T02:00:00Z')),
    ...standing,
    spendDays,
    referralsSettled: Array.from({ length: referrals }, (_, i) => ({ key: `ref-${i}`, at: at('2026-09-01T02:00:00Z') })),
  };
}

/** A member holding lots earned at the given moments (one point per lot's worth). */
function holding(...lots: Array<[string, number, string]>): Member {
  const account = lots.reduce((a, [id, points, earnedAt]) => credit(a, { id, kind: 'earn', points, at: at(earnedAt) }).account, EMPTY_ACCOUNT);
  return { ...someone(explorer), points: account.balance, lots: account.lots, ledgerSeq: account.seq };
}

describe('the points page shows the way to the next tier in shop words', () => {
  it.each([
    ['an Explorer with ¥680 spent this quarter', someone(explorer, { '20261020': 68_000 }), { code: 'grower', name: '成长者', text: '本季度再消费 ¥320 升级成长者', ratio: 0.68 }],
    ['an Explorer with nothing spent this quarter (spend last quarter does not count)', someone(explorer, { '20260920': 90_000 }), { code: 'grower', name: '成长者', text: '本季度再消费 ¥1,000 升级成长者', ratio: 0 }],
    ['a Grower closer by spend than by referrals', someone(grower, { '20261120': 250_000 }, 2), { code: 'loyal', name: '忠诚者', text: '近12个月再消费 ¥501 升级忠诚者', ratio: 250_000 / 300_001 }],
    ['a Grower closer by referrals than by spend', someone(grower, { '20261120': 100_000 }, 2), { code: 'loyal', name: '忠诚者', text: '再成功邀请 1 位好友升级忠诚者', ratio: 2 / 3 }],
    ['a Loyal member (there is no next tier)', someone(loyal, { '20261120': 400_000 }), null],
  ])('for %s', (_name, m, next) => {
    expect(pointsSummary(m, now, reminders).progress.next).toEqual(next);
  });

  it('reports the figures the progress is judged on', () => {
    const s = pointsSummary(someone(grower, { '20251125': 1, '20251126': 10, '20260920': 100, '20261120': 1_000 }, 2), now, reminders);
    expect(s.progress).toMatchObject({ quarterSpendFen: 1_000, yearSpendFen: 1_110, settledReferrals: 2 });
  });
});

describe('the points page says until when an earned tier is kept and how to keep it', () => {
  it.each([
    ['an Explorer', explorer, null, null],
    ['a Grower', grower, '2027-11-25T02:00:00.000Z', '成长者保级至 2027-11-25：单季度消费满 ¥1,000 可续期'],
    // kept until 2027-06-01 00:00 in Shanghai: the last day kept is 31 May
    ['a Loyal member', loyal, '2027-05-31T16:00:00.000Z', '忠诚者保级至 2027-05-31：近12个月消费超过 ¥3,000 或成功邀请 3 位好友可续期'],
  ])('for %s', (_name, standing, keptUntil, keepText) => {
    const s = pointsSummary(someone(standing), now, reminders);
    expect(s.tier).toEqual({ code: standing.tier, name: expect.any(String), since: standing.tierSince.toISOString(), keptUntil });
    expect(s.progress.keepText).toBe(keepText);
  });

  it('lists every tier with its benefits and how it is reached', () => {
    expect(pointsSummary(someone(explorer), now, reminders).tiers.map((t) => [t.code, t.name, t.rule])).toEqual([
      ['explorer', '探索者', '注册即享'],
      ['grower', '成长者', '单季度消费满 ¥1,000'],
      ['loyal', '忠诚者', '近12个月消费超过 ¥3,000 或 成功邀请 3 位好友'],
    ]);
  });
});

describe(`the points page points out points expiring within ${EXPIRING_SOON_DAYS} days`, () => {
  // 100 + 40 points expire 2028-01-01 00:00 Shanghai (2027-12-31T16:00Z), 70 a year later
  const m = holding(['e:a', 100, '2026-03-01T02:00:00Z'], ['e:b', 40, '2026-11-01T02:00:00Z'], ['e:c', 70, '2027-06-01T02:00:00Z']);

  it.each([
    ['long before', '2027-06-01T00:00:00Z', 210, 0],
    ['30 days and a second before', '2027-12-01T15:59:59Z', 210, 0],
    ['exactly 30 days before', '2027-12-01T16:00:00Z', 210, 140],
    ['a minute before', '2027-12-31T15:59:00Z', 210, 140],
    ['at the expiry itself, before the job ran (they are gone)', '2027-12-31T16:00:00Z', 70, 0],
  ])('%s (%s): balance %i, expiring soon %i', (_name, when, balance, soon) => {
    const s = pointsSummary(m, at(when), reminders);
    expect(s.balance).toBe(balance);
    expect(s.expiringSoonPoints).toBe(soon);
    expect(accountNow(m, at(when)).balance).toBe(balance);
  });

  it('names the next batch to expire and when', () => {
    expect(pointsSummary(m, at('2027-06-01T00:00:00Z'), reminders).nextExpiry).toEqual({ points: 140, expiresAt: '2027-12-31T16:00:00.000Z' });
    expect(pointsSummary(m, at('2028-01-02T00:00:00Z'), reminders).nextExpiry).toEqual({ points: 70, expiresAt: '2028-12-31T16:00:00.000Z' });
    expect(pointsSummary(someone(explorer), now, reminders).nextExpiry).toBeNull();
  });

  it('shows a debt and passes the reminder credits through', () => {
    const s = pointsSummary({ ...someone(explorer), pointsDebt: 45 }, now, { pointsExpiring: 2, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 });
    expect(s).toMatchObject({ balance: 0, debt: 45, reminders: { pointsExpiring: 2, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } });
  });
});

describe('each line of the points history says what happened, in shop words', () => {
  const base = { _id: 'id', seq: 7, debtChange: 0, at: at('2026-11-25T02:00:00Z'), balanceAfter: 500, lotExpiresAt: null };
  const order = { kind: 'order' as const, storeName: '悦衣库 上海静安店', amountFen: 39_999 };
  it.each<[string, Partial<LabelledEntry> & Pick<LabelledEntry, 'kind' | 'points' | 'source'>, string, string]>([
    ['an order', { kind: 'earn', points: 399, source: order }, '门店消费', '悦衣库 上海静安店 · 实付 ¥399.99'],
    ['a birthday double', { kind: 'bonus', points: 399, source: order }, '生日月双倍积分', '悦衣库 上海静安店 · 成长者及以上会员生日月积分翻倍'],
    ['a refund', { kind: 'refund', points: -200, source: { kind: 'refund', storeName: '悦衣库 上海静安店', amountFen: 20_000 } }, '退货扣回', '悦衣库 上海静安店 · 退款 ¥200'],
    ['a reward', { kind: 'redeem', points: -300, source: { kind: 'reward', title: '¥30 无门槛券' } }, '积分兑换', '¥30 无门槛券'],
    ['an expiry', { kind: 'expire', points: -40, source: { kind: 'expiry' } }, '积分过期', '积分有效期至获得次年年底'],
    ['an adjustment', { kind: 'adjust', points: 10, source: { kind: 'reward', title: '客服补偿' } }, '积分调整', '客服补偿'],
  ])('%s reads "%s" / "%s"', (_name, fields, title, detail) => {
    const line = historyLine({ ...base, ...fields });
    expect(line).toMatchObject({ id: 'id', kind: fields.kind, points: fields.points, title, detail, at: '2026-11-25T02:00:00.000Z', balanceAfter: 500, seq: 7 });
  });

  it.each([
    ['an earning that settled 30 points of debt', 'earn', -30, 30, 0],
    ['a refund that left 45 points owed', 'refund', 45, 0, 45],
    ['an entry that touched no debt', 'earn', 0, 0, 0],
  ] as const)('%s shows debtSettled/debtAdded', (_name, kind, debtChange, debtSettled, debtAdded) => {
    expect(historyLine({ ...base, kind, points: 0, debtChange, source: order })).toMatchObject({ debtSettled, debtAdded });
  });

  it('shows when an earning’s points expire, and nothing for lines that opened no lot', () => {
    expect(historyLine({ ...base, kind: 'earn', points: 399, lotExpiresAt: at('2027-12-31T16:00:00Z'), source: order }).expiresAt).toBe('2027-12-31T16:00:00.000Z');
    expect(historyLine({ ...base, kind: 'redeem', points: -1, source: { kind: 'reward', title: 'x' } }).expiresAt).toBeNull();
  });
});

describe('the history joins what happened at one instant', () => {
  const newYear = at('2027-12-31T16:00:00Z');
  const expiry = (seq: number, points: number, balanceAfter: number): LabelledEntry => ({
    _id: `x:${seq}`, seq, kind: 'expire', points, debtChange: 0, at: newYear, balanceAfter, lotExpiresAt: null, source: { kind: 'expiry' },
  });
  const earn: LabelledEntry = { _id: 'e:1', seq: 1, kind: 'earn', points: 500, debtChange: 0, at: at('2026-03-01T02:00:00Z'), balanceAfter: 500, lotExpiresAt: newYear, source: { kind: 'order', storeName: '悦衣库 上海静安店', amountFen: 50_000 } };

  it('shows the lots that expired on one New Year as one 积分过期 line, with the balance after all of them', () => {
    // newest first, as the ledger page comes
    const lines = historyLines([expiry(4, -100, 0), expiry(3, -150, 100), expiry(2, -250, 250), earn]);
    expect(lines.map((l) => [l.kind, l.points, l.balanceAfter, l.seq])).toEqual([
      ['expire', -500, 0, 2],
      ['earn', 500, 500, 1],
    ]);
  });

  it('keeps expiries at different instants apart, and never joins other kinds', () => {
    const other = { ...expiry(3, -100, 0), at: at('2028-12-31T16:00:00Z') };
    expect(historyLines([other, expiry(2, -50, 100), earn]).map((l) => l.points)).toEqual([-100, -50, 500]);
  });
});

describe('money reads as yuan', () => {
  it.each([
    [0, '¥0'],
    [1, '¥0.01'],
    [50, '¥0.50'],
    [100, '¥1'],
    [32_000, '¥320'],
    [100_000, '¥1,000'],
    [300_001, '¥3,000.01'],
    [123_456_789, '¥1,234,567.89'],
    [-500, '-¥5'],
    [-1, '-¥0.01'],
  ])('%i fen is %s', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });
});
