import type { EntryDraft } from '../../cloudfunctions/domain/points/account';
import { type Member, newMember, pointsNow } from '../../cloudfunctions/domain/member';
import { ledgerIds, memberChanges, type PaidOrder, planExpiry, planOrder, planRefund, planSpend, type PointsPlan } from '../../cloudfunctions/domain/points/plans';

const at = (iso: string) => new Date(iso);
const store = { storeId: 'S001', name: '悦衣库 上海静安店' };
const joinedAt = at('2026-01-05T02:00:00Z');

function member(birthday?: string): Member {
  return newMember('100000000001', 'o1', { store, birthday }, joinedAt);
}

/** What the data layer does with a plan: its entries go to the ledger, its changes onto the member. */
function apply(m: Member, plan: PointsPlan | null, now: Date): Member {
  if (!plan) throw new Error('expected a plan');
  return { ...m, ...memberChanges(plan, now) };
}

const lines = (entries: EntryDraft[]) => entries.map((e) => [e.id, e.kind, e.points, e.debtChange, e.balanceAfter, e.seq]);

function order(key: string, amountFen: number, paidAt: string): PaidOrder {
  return { key, amountFen, paidAt: at(paidAt) };
}

/** Pays an order at its payment time and returns the member after it with what it earned. */
function pay(m: Member, o: PaidOrder) {
  const plan = planOrder(m, o, o.paidAt);
  return { m: apply(m, plan, o.paidAt), plan, refundable: { ...o, pointsEarned: plan.pointsEarned, refundedFen: 0 } };
}

describe('an order at the till', () => {
  it('earns 1 point per whole yuan in a lot that lasts until the end of next year, counts the spend, and keeps an Explorer an Explorer under ¥1,000', () => {
    const o = order('S001:o-1', 39_999, '2026-11-25T02:00:00Z');
    const plan = planOrder(member(), o, o.paidAt);
    expect(plan.pointsEarned).toBe(399);
    expect(plan.entries).toEqual([
      { id: 'e:S001:o-1', kind: 'earn', seq: 1, points: 399, debtChange: 0, at: o.paidAt, balanceAfter: 399, debtAfter: 0, lotExpiresAt: at('2028-01-01T00:00:00+08:00'), takes: [] },
    ]);
    expect(plan.spendDays).toEqual({ '20261125': 39_999 });
    expect(plan.tierChanged).toBe(false);
    expect(memberChanges(plan, o.paidAt)).toMatchObject({
      points: 399,
      pointsDebt: 0,
      ledgerSeq: 1,
      lotsExpireNext: at('2028-01-01T00:00:00+08:00'),
      tier: 'explorer',
      tierKeptUntil: null,
      updatedAt: o.paidAt,
    });
  });

  it('of ¥1,000 makes an Explorer a Grower at once, earning as an Explorer (no birthday double yet)', () => {
    const o = order('S001:o-1', 100_000, '2026-11-25T02:00:00Z');
    const plan = planOrder(member('11-20'), o, o.paidAt);
    expect(plan.pointsEarned).toBe(1_000);
    expect(plan.entries.map((e) => e.kind)).toEqual(['earn']);
    expect(plan.tierChanged).toBe(true);
    expect(plan.standing).toEqual({ tier: 'grower', tierSince: o.paidAt, qualifiedAt: { grower: o.paidAt, loyal: null }, keptUntil: at('2027-11-25T02:00:00Z') });
  });

  it.each([
    ['in the birthday month', '11-20', '2026-11-25T02:00:00Z', 1_000, 2],
    ['at 2026-10-31T16:30Z, already November in Shanghai', '11-20', '2026-10-31T16:30:00Z', 1_000, 2],
    ['at 2026-10-31T15:30Z, still October in Shanghai', '11-20', '2026-10-31T15:30:00Z', 500, 1],
    ['in February of a non-leap year, born on 02-29', '02-29', '2027-02-10T02:00:00Z', 1_000, 2],
    ['outside the birthday month', '05-20', '2026-11-25T02:00:00Z', 500, 1],
  ])('earns a Grower double points %s', (_name, birthday, paidAt, points, entries) => {
    // a Grower since a ¥1,000 order in early October (Q4)
    const grower = pay(member(birthday), order('S001:o-0', 100_000, '2026-10-02T02:00:00Z')).m;
    expect(grower.tier).toBe('grower');
    const o = order('S001:o-1', 50_050, paidAt);
    const plan = planOrder(grower, o, o.paidAt);
    expect(plan.pointsEarned).toBe(points);
    expect(plan.entries).toHaveLength(entries);
    if (entries === 2) {
      expect(lines(plan.entries)).toEqual([
        ['e:S001:o-1', 'earn', 500, 0, 1_500, 2],
        ['b:S001:o-1', 'bonus', 500, 0, 2_000, 3],
      ]);
      expect(Object.fromEntries((apply(grower, plan, o.paidAt).lots ?? []).map((l) => [l.id, l.remaining]))).toEqual({ 'e:S001:o-0': 1_000, 'e:S001:o-1': 500, 'b:S001:o-1': 500 });
    }
  });

  it('records a payment reported late on the day it was paid, and earns on that day’s calendar', () => {
    const o = order('S001:o-1', 100_000, '2026-12-31T15:50:00Z'); // 23:50 on New Year’s Eve in Shanghai
    const now = at('2026-12-31T16:10:00Z'); // received after midnight
    const plan = planOrder(member(), o, now);
    expect(plan.spendDays).toEqual({ '20261231': 100_000 });
    expect(plan.entries[0]?.lotExpiresAt).toEqual(at('2028-01-01T00:00:00+08:00'));
    expect(plan.standing.qualifiedAt.grower).toEqual(o.paidAt);
  });
});

describe('a refund at the till', () => {
  it('after the points were spent leaves a balance of 0 and a debt that the next order settles first', () => {
    const first = pay(member(), order('S001:o-1', 50_000, '2026-05-01T04:00:00Z'));
    const spendAt = at('2026-05-02T04:00:00Z');
    const afterSpend = apply(first.m, planSpend(first.m, { key: 'k1', points: 400 }, spendAt), spendAt);
    expect(afterSpend.points).toBe(100);

    const refundAt = at('2026-05-03T04:00:00Z');
    const refund = planRefund(afterSpend, first.refundable, { key: 'S001:rf-1', amountFen: 50_000 }, refundAt);
    expect(refund.pointsClawedBack).toBe(500);
    expect(lines(refund.entries)).toEqual([['r:S001:rf-1', 'refund', -100, 400, 0, 3]]);
    const afterRefund = apply(afterSpend, refund, refundAt);
    expect(afterRefund).toMatchObject({ points: 0, pointsDebt: 400, lots: [], lotsExpireNext: null, spendDays: {} });

    const next = planOrder(afterRefund, order('S001:o-2', 60_000, '2026-05-04T04:00:00Z'), at('2026-05-04T04:00:00Z'));
    expect(next.pointsEarned).toBe(600);
    expect(lines(next.entries)).toEqual([['e:S001:o-2', 'earn', 200, -400, 200, 4]]);
    expect(next.account).toMatchObject({ balance: 200, debt: 0 });
    expect(next.account.lots).toEqual([expect.objectContaining({ id: 'e:S001:o-2', earned: 200, remaining: 200 })]);
  });

  it('in parts takes back, in all, exactly what the order earned', () => {
    const paid = pay(member(), order('S001:o-1', 39_999, '2026-05-01T04:00:00Z'));
    let m = paid.m;
    let refundedFen = 0;
    const taken: number[] = [];
    for (const [i, fen] of [13_333, 13_333, 13_333].entries()) {
      const now = at(`2026-05-0${2 + i}T04:00:00Z`);
      const plan = planRefund(m, { ...paid.refundable, refundedFen }, { key: `S001:rf-${i}`, amountFen: fen }, now);
      taken.push(plan.pointsClawedBack);
      m = apply(m, plan, now);
      refundedFen += fen;
    }
    expect(taken).toEqual([133, 133, 133]);
    expect(m).toMatchObject({ points: 0, pointsDebt: 0, ledgerSeq: 4, spendDays: {} });
  });

  it('that breaks the Grower qualification the order earned moves the member back to Explorer', () => {
    const paid = pay(member(), order('S001:o-1', 120_000, '2026-05-10T06:00:00Z'));
    expect(paid.m.tier).toBe('grower');
    const now = at('2026-05-20T04:00:00Z');
    const plan = planRefund(paid.m, paid.refundable, { key: 'S001:rf-1', amountFen: 30_000 }, now);
    expect(plan.tierChanged).toBe(true);
    expect(memberChanges(plan, now)).toMatchObject({ tier: 'explorer', tierSince: now, tierKeptUntil: null, tierQualifiedAt: { grower: null, loyal: null }, spendDays: { '20260510': 90_000 }, points: 900 });
  });

  it('expires the lots whose time has come before taking anything back', () => {
    let { m } = pay(member(), order('S001:o-A', 30_000, '2026-06-01T04:00:00Z')); // expires 2028-01-01
    const b = pay(m, order('S001:o-B', 20_000, '2027-12-20T04:00:00Z')); // expires 2029-01-01
    m = b.m;
    const spendAt = at('2027-12-25T04:00:00Z');
    m = apply(m, planSpend(m, { key: 'k1', points: 200 }, spendAt), spendAt); // A keeps 100, B 200
    const now = at('2028-01-02T04:00:00Z');
    const plan = planRefund(m, b.refundable, { key: 'S001:rf-B', amountFen: 20_000 }, now);
    expect(lines(plan.entries)).toEqual([
      ['x:e:S001:o-A', 'expire', -100, 0, 200, 4],
      ['r:S001:rf-B', 'refund', -200, 0, 0, 5],
    ]);
    expect(plan.entries[1]?.takes).toEqual([{ lotId: 'e:S001:o-B', points: 200 }]);
  });
});

describe('spending points on a reward', () => {
  const paid = pay(member(), order('S001:o-1', 30_000, '2026-03-01T04:00:00Z')).m; // 300 points, expire 2028-01-01 00:00 Shanghai

  it('takes them all at once and leaves the tier and the spend alone', () => {
    const now = at('2026-04-01T04:00:00Z');
    const plan = planSpend(paid, { key: 'rw-1', points: 120 }, now)!;
    expect(lines(plan.entries)).toEqual([[ledgerIds.redeem('rw-1'), 'redeem', -120, 0, 180, 2]]);
    expect(plan.entries[0]?.takes).toEqual([{ lotId: 'e:S001:o-1', points: 120 }]);
    expect(plan.tierChanged).toBe(false);
    expect(memberChanges(plan, now)).toMatchObject({ points: 180, tier: 'explorer', spendDays: { '20260301': 30_000 } });
  });

  it('refuses, with nothing to write, a reward worth more than the balance', () => {
    expect(planSpend(paid, { key: 'rw-1', points: 301 }, at('2026-04-01T04:00:00Z'))).toBeNull();
  });

  it.each([
    ['a minute before they expire (23:59 on New Year’s Eve in Shanghai)', '2027-12-31T15:59:00Z', 300],
    ['at the expiry instant, before the daily job ran', '2027-12-31T16:00:00Z', 0],
    ['a week after, the job still not run', '2028-01-07T16:00:00Z', 0],
  ])('counts the points %s as %i', (_name, now, spendable) => {
    expect(pointsNow(paid, at(now))).toBe(spendable);
    const plan = planSpend(paid, { key: 'rw-1', points: 300 }, at(now));
    if (spendable === 300) expect(plan?.account.balance).toBe(0);
    else expect(plan).toBeNull();
  });
});

describe('the expiry job', () => {
  const paid = pay(member(), order('S001:o-1', 30_000, '2026-03-01T04:00:00Z')).m;

  it('has nothing to do for a member whose lots are not due', () => {
    expect(planExpiry(paid, at('2027-12-31T15:59:59Z'))).toBeNull();
    expect(planExpiry(member(), at('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('writes an expire entry per due lot and clears the next expiry, changing nothing else', () => {
    const now = at('2028-01-01T00:10:00Z');
    const plan = planExpiry(paid, now)!;
    expect(lines(plan.entries)).toEqual([['x:e:S001:o-1', 'expire', -300, 0, 0, 2]]);
    const after = apply(paid, plan, now);
    expect(after).toMatchObject({ points: 0, lots: [], ledgerSeq: 2, lotsExpireNext: null, tier: paid.tier, spendDays: paid.spendDays });
    expect(planExpiry(after, now)).toBeNull();
  });

  it('runs ahead of any later order too: the order’s entries come after the expiry', () => {
    const now = at('2028-02-01T04:00:00Z');
    const plan = planOrder(paid, order('S001:o-2', 10_000, '2028-02-01T04:00:00Z'), now);
    expect(lines(plan.entries)).toEqual([
      ['x:e:S001:o-1', 'expire', -300, 0, 0, 2],
      ['e:S001:o-2', 'earn', 100, 0, 100, 3],
    ]);
    expect(memberChanges(plan, now).lotsExpireNext).toEqual(at('2030-01-01T00:00:00+08:00'));
  });
});
