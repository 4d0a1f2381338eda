import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { Member } from '../../cloudfunctions/domain/member';
import type { Doc, Write } from '../../local/cloud/database';
import { createHarness, type Harness } from '../support/harness';
import { memberWith, putMembers } from '../support/todoMembers';

/** 10:00 in Shanghai on Sunday 6 December 2026. */
const NOW = '2026-12-06T02:00:00.000Z';
const DAY = 86_400_000;
const MANAGER = 'manager-S001';
const ago = (h: Harness, days: number) => new Date(h.clock.now().getTime() - days * DAY);

let n = 0;
const id = (store: 'S001' | 'S002' = 'S001') => `${store === 'S001' ? 1 : 2}000000${String((n += 1)).padStart(5, '0')}`;
const joined = (h: Harness, days: number, staffId: string | null, over: Partial<Member> & { store?: 'S001' | 'S002' } = {}) =>
  memberWith(id(over.store), { joinedAt: ago(h, days), signedUpBy: { storeId: over.store ?? 'S001', staffId }, ...over });

function coupon(templateId: string, name: string, usedOrder: string | null, usedAt: Date | null): Write {
  const cid = `${templateId}:${(n += 1)}`;
  return { c: COLLECTIONS.coupons, id: cid, doc: { _id: cid, memberId: '100000000000', templateId, name, channel: 'claim', status: usedAt ? 'used' : 'available', usedAt, usedOrder } as unknown as Doc };
}
const order = (storeId: string, paidAt: Date, discountFen: number): Write => {
  const oid = `${storeId}:o${(n += 1)}`;
  return { c: COLLECTIONS.orders, id: oid, doc: { _id: oid, storeId, memberId: '100000000000', amountFen: 20_000, discountFen, paidAt } as unknown as Doc };
};
const answer = (storeId: string, score: number, at: Date): Write => {
  const aid = `nps${(n += 1)}`;
  return { c: COLLECTIONS.npsAnswers, id: aid, doc: { _id: aid, memberId: '100000000000', storeId, staffId: null, score, reason: '', answeredAt: at } as unknown as Doc };
};

/**
 * S001's month, counted by hand: 8 joins in the 30 days (3 today by the store's code, 2 yesterday
 * by 林小悦's code, 1 ten days ago by 陈造型's, 1 by a clerk who has left, 1 through an invite
 * who has paid… ), one join 40 days ago, and S002's members, coupons, orders and answers beside
 * them that must not count.
 */
async function storeMonth() {
  const h = await createHarness(NOW);
  const lot = (points: number, expiresAt: Date) => ({ points, lots: [{ id: `lot${(n += 1)}`, earned: points, remaining: points, earnedAt: ago(h, 100), expiresAt }], lotsExpireNext: expiresAt });
  const yearEnd = new Date('2026-12-31T16:00:00.000Z');
  const members = [
    joined(h, 0, null),
    joined(h, 0, null, { tier: 'grower', ...lot(1_000, yearEnd) }),
    joined(h, 0, null, { firstOrderAt: ago(h, 0), lastOrderAt: ago(h, 0) }),
    joined(h, 1, 'staff-S001', { referralId: 'ref-1', firstOrderAt: ago(h, 1), lastOrderAt: ago(h, 1) }),
    joined(h, 1, 'staff-S001', { referralId: 'ref-2' }),
    joined(h, 10, 'stylist-S001', { tier: 'grower', tierHistory: [{ from: 'explorer', to: 'grower', at: ago(h, 3), reason: 'quarterSpend' } as never], ...lot(500, new Date('2027-12-31T16:00:00.000Z')) }),
    joined(h, 5, 'gone-S001'),
    joined(h, 29, null, { firstOrderAt: ago(h, 20), lastOrderAt: ago(h, 2), ...lot(300, ago(h, 1)) }),
    joined(h, 40, null, { tier: 'loyal', firstOrderAt: ago(h, 39), lastOrderAt: ago(h, 30), tierHistory: [{ from: 'grower', to: 'loyal', at: ago(h, 35), reason: 'yearSpend' } as never] }),
    joined(h, 0, null, { store: 'S002', tier: 'loyal', ...lot(9_000, yearEnd), firstOrderAt: ago(h, 0), lastOrderAt: ago(h, 0) }),
  ];
  await putMembers(h.cloud.db, members);
  await h.cloud.db.apply([
    coupon('winter-300-50', '冬装满减券', 'S001:o-a', ago(h, 2)),
    coupon('winter-300-50', '冬装满减券', 'S001:o-b', ago(h, 3)),
    coupon('winter-300-50', '冬装满减券', 'S001:c-1', ago(h, 4)),
    coupon('reward-20', '¥20无门槛券', 'S001:o-c', ago(h, 5)),
    coupon('winter-300-50', '冬装满减券', 'S001:o-old', ago(h, 45)),
    coupon('winter-300-50', '冬装满减券', 'S002:o-x', ago(h, 2)),
    coupon('winter-300-50', '冬装满减券', 'S0010:o-y', ago(h, 2)),
    coupon('winter-300-50', '冬装满减券', null, null),
    order('S001', ago(h, 2), 5_000),
    order('S001', ago(h, 3), 2_000),
    order('S001', ago(h, 3), 0),
    order('S001', ago(h, 45), 9_000),
    order('S002', ago(h, 2), 4_000),
    answer('S001', 10, ago(h, 1)),
    answer('S001', 9, ago(h, 2)),
    answer('S001', 8, ago(h, 3)),
    answer('S001', 3, ago(h, 4)),
    answer('S001', 0, ago(h, 40)),
    answer('S002', 0, ago(h, 1)),
  ]);
  return { h, members };
}

describe('the store dashboard (门店看板)', () => {
  it('counts the manager’s own store over 30 days as a hand count does, and names no member', async () => {
    const { h, members } = await storeMonth();
    const got = await h.call('ops', MANAGER, { action: 'dashboard' });
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    const d = got.data;
    expect(d.store).toEqual({ storeId: 'S001', name: '悦衣库 上海静安店' });
    expect(d.period).toEqual({ days: 30, from: '2026-11-07', through: '2026-12-06' });
    expect(d.signups).toMatchObject({ total: 8, viaStore: 4, viaClerks: 4 });
    expect(d.signups.daily).toHaveLength(30);
    expect(d.signups.daily.at(-1)).toEqual({ date: '2026-12-06', store: 3, clerks: 0 });
    expect(d.signups.daily.at(-2)).toEqual({ date: '2026-12-05', store: 0, clerks: 2 });
    expect(d.signups.clerks).toEqual([
      { name: '林小悦', role: 'clerk', signedUp: 2 },
      { name: '陈造型', role: 'stylist', signedUp: 1 },
      { name: '已离岗员工', role: null, signedUp: 1 },
      { name: '林店长', role: 'manager', signedUp: 0 },
    ]);
    // buyers: the three of this month who paid and the loyal one from 40 days ago; paid again: the 29-day one and the loyal one
    expect(d.repurchase).toEqual({ buyers: 4, repeat: 2, pct: 50 });
    expect(d.tiers.counts).toEqual([
      { tier: 'explorer', name: '探索者', members: 6 },
      { tier: 'grower', name: '成长者', members: 2 },
      { tier: 'loyal', name: '忠诚者', members: 1 },
    ]);
    expect(d.tiers).toMatchObject({ total: 9, upgrades: [{ tier: 'grower', members: 1 }, { tier: 'loyal', members: 0 }] });
    // 1,000 expiring at the year end (within 30 days), 500 a year later; 300 already expired count for nothing. ¥20 for 500 points: 4 fen a point
    expect(d.points).toEqual({
      outstanding: 1_500,
      liabilityFen: 6_000,
      valuedAt: { rewardName: '¥20无门槛券', pointsCost: 500, amountFen: 2_000 },
      expiring: { before: '2027-01-06', points: 1_000, members: 1, liabilityFen: 4_000 },
    });
    expect(d.coupons).toEqual({
      used: 4,
      discountFen: 7_000,
      templates: [
        { templateId: 'winter-300-50', name: '冬装满减券', used: 3 },
        { templateId: 'reward-20', name: '¥20无门槛券', used: 1 },
      ],
    });
    expect(d.referrals).toEqual({ joined: 2, converted: 1, pct: 50 });
    // 10 and 9 promote, 8 is passive, 3 detracts: (2 − 1) / 4 = 25
    expect(d.nps).toEqual({ answers: 4, promoters: 2, passives: 1, detractors: 1, score: 25 });
    const text = JSON.stringify(got);
    for (const m of members) expect(text).not.toContain(m._id);
    expect(text).not.toMatch(/openid|staff-S001|会员\d{4}/);
  });

  it('a 7-day window counts only its days; S002’s manager sees S002', async () => {
    const { h } = await storeMonth();
    await h.cloud.db.apply([{ c: COLLECTIONS.staff, id: 'manager-S002', doc: { _id: 'manager-S002', storeId: 'S002', name: '吴店长', role: 'manager', active: true } }]);
    const week = await h.call('ops', MANAGER, { action: 'dashboard', days: 7 });
    expect(week).toMatchObject({ ok: true, data: { period: { from: '2026-11-30', through: '2026-12-06' }, signups: { total: 6 }, referrals: { joined: 2 }, nps: { answers: 4 } } });
    const other = await h.call('ops', 'manager-S002', { action: 'dashboard' });
    expect(other).toMatchObject({ ok: true, data: { store: { storeId: 'S002' }, signups: { total: 1 }, tiers: { total: 1 }, points: { outstanding: 9_000 }, coupons: { used: 1, discountFen: 4_000 }, nps: { answers: 1, score: -100 } } });
  });

  it('an empty store shows zeros and no shares (not 0 %)', async () => {
    const h = await createHarness(NOW);
    const got = await h.call('ops', MANAGER, { action: 'dashboard' });
    expect(got).toMatchObject({ ok: true, data: { signups: { total: 0 }, repurchase: { buyers: 0, pct: null }, referrals: { pct: null }, nps: { answers: 0, score: null }, points: { outstanding: 0, liabilityFen: 0 } } });
  });

  it('costs the same number of database requests for 10 members as for 3,000: the database does the counting', async () => {
    const { h } = await storeMonth();
    const small = await h.measure('ops', MANAGER, { action: 'dashboard' });
    await putMembers(h.cloud.db, Array.from({ length: 3_000 }, (_, i) => joined(h, i % 60, i % 3 ? null : 'staff-S001')));
    const large = await h.measure('ops', MANAGER, { action: 'dashboard' });
    expect(large.answer).toMatchObject({ ok: true, data: { signups: { total: 8 + 1_500 } } });
    expect(large.requests).toBe(small.requests);
    expect(small.requests).toBeLessThanOrEqual(16);
  });
});
