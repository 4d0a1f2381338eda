import fc from 'fast-check';
import { POS_MAX_FEN } from '../../cloudfunctions/contract/pos';
import { type Member, newMember, pointsNow } from '../../cloudfunctions/domain/member';
import { type EntryDraft, type Lot, lotExpiry } from '../../cloudfunctions/domain/points/account';
import { pointsForPaid } from '../../cloudfunctions/domain/points/earning';
import { memberChanges, planExpiry, planOrder, planRefund, planSpend, type PointsPlan } from '../../cloudfunctions/domain/points/plans';
import { tierOf } from '../../cloudfunctions/domain/tiers';

/**
 * The ledger's promise, for any history: the member's cached account always agrees with the
 * append-only entries, every lot is accounted for by the entries that took from it, spending is
 * all or nothing, and refunds take back exactly what their order earned — never more.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

/** How far the clock moves before an operation: a moment, days, a year or more, or right onto the next expiry instant. */
type Step = { by: number } | { toNextExpiry: -1 | 0 | 1 };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ by: fc.integer({ min: 0, max: 90 * MINUTE }) }),
  fc.record({ by: fc.integer({ min: 0, max: 45 * DAY }) }),
  fc.record({ by: fc.integer({ min: 0, max: 500 * DAY }) }),
  fc.record({ toNextExpiry: fc.constantFrom(-1 as const, 0 as const, 1 as const) }),
);

type Op =
  | { kind: 'order'; step: Step; amountFen: number; lagMs: number }
  | { kind: 'refund'; step: Step; pick: number; part: number; whole: boolean }
  /** a fixed size, or (points null) a share of what is spendable — up to 110%, so some are refused */
  | { kind: 'redeem'; step: Step; points: number | null; share: number }
  | { kind: 'expiry'; step: Step };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('order' as const), step, amountFen: fc.oneof(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 0, max: 400_000 }), fc.constantFrom(99_999, 100_000, 300_000, 300_001, POS_MAX_FEN)), lagMs: fc.integer({ min: 0, max: 30 * MINUTE }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), step, pick: fc.nat(), part: fc.double({ min: 0, max: 1, noNaN: true }), whole: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('redeem' as const), step, points: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 5_000 })), share: fc.double({ min: 0, max: 1.1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expiry' as const), step }) },
);

interface TillOrder {
  key: string;
  amountFen: number;
  paidAt: Date;
  pointsEarned: number;
  refundedFen: number;
  clawedBack: number;
  /** a refund came after the order's points had expired */
  late?: boolean;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const rank = (m: Member) => tierOf(m.tier).rank;

/** Fails the run with what broke (plain checks: a few thousand `expect`s per run would cost seconds). */
function must(ok: boolean, what: string, detail?: unknown): void {
  if (!ok) throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

/** The promises that hold between any two operations. */
function checkLedger(m: Member, ledger: EntryDraft[], now: Date, wrote: boolean) {
  // seq is 1..n without gaps, and the member's seq is the newest
  ledger.forEach((e, i) => must(e.seq === i + 1, 'seq runs 1..n without gaps', { at: i, seq: e.seq }));
  must((m.ledgerSeq ?? 0) === ledger.length, "the member's seq is the newest entry's", { ledgerSeq: m.ledgerSeq, entries: ledger.length });
  must(new Set(ledger.map((e) => e.id)).size === ledger.length, 'entry ids are unique');

  // balance and debt are the sums of the entries, never negative; each entry's "after" figures are the running sums
  let balance = 0;
  let debt = 0;
  for (const e of ledger) {
    balance += e.points;
    debt += e.debtChange;
    must(e.balanceAfter === balance && e.debtAfter === debt, 'balanceAfter/debtAfter are the running sums', e);
    must(balance >= 0 && debt >= 0, 'balance and debt never go below 0', { balance, debt });
  }
  must(m.points === balance, 'balance = the sum of all entries', { points: m.points, balance });
  must((m.pointsDebt ?? 0) === debt, 'debt = the sum of all debt changes', { pointsDebt: m.pointsDebt, debt });
  // points are owed only once every point there was is gone
  must(debt === 0 || balance === 0, 'a debt stands only with a balance of 0', { balance, debt });

  // the balance is what the open lots hold
  const lots = m.lots ?? [];
  must(sum(lots.map((l) => l.remaining)) === m.points, 'balance = the sum of the open lots', { points: m.points, lots });
  const soonest = lots.length ? Math.min(...lots.map((l) => l.expiresAt.getTime())) : null;
  must((m.lotsExpireNext?.getTime() ?? null) === soonest, 'lotsExpireNext is the soonest lot expiry', { lotsExpireNext: m.lotsExpireNext, soonest });

  // every lot (open or closed) holds what its entry put in, less what later entries took from it
  const taken = new Map<string, number>();
  for (const e of ledger) {
    for (const t of e.takes) {
      must(t.points > 0, 'a take takes something', e);
      taken.set(t.lotId, (taken.get(t.lotId) ?? 0) + t.points);
    }
    // what an entry took is what left the balance
    if (e.kind === 'redeem' || e.kind === 'refund' || e.kind === 'expire') must(sum(e.takes.map((t) => t.points)) === -e.points, 'an entry takes from lots exactly the points it removes', e);
  }
  const opened = ledger.filter((e) => e.lotExpiresAt !== null);
  const openedIds = new Set(opened.map((e) => e.id));
  for (const e of opened) must(e.points > 0, 'an entry that opens a lot adds points', e);
  for (const lotId of taken.keys()) must(openedIds.has(lotId), 'takes name lots that entries opened', lotId);
  const open = new Map(lots.map((l) => [l.id, l]));
  for (const e of opened) {
    const lot = open.get(e.id);
    const left = e.points - (taken.get(e.id) ?? 0);
    if (lot) {
      must(lot.earned === e.points && lot.expiresAt.getTime() === e.lotExpiresAt!.getTime(), 'a lot is what its entry opened', { lot, entry: e });
      must(lot.remaining === left, 'remaining = earned − every take from the lot', { lot, left });
    } else {
      must(left === 0, 'a closed lot was taken down to 0', { lotId: e.id, left });
    }
  }
  for (const l of lots) {
    must(l.remaining > 0, 'no open lot is empty', l);
    // a stored document may still hold a lot past its expiry only when nothing was written at `now`
    if (wrote) must(l.expiresAt.getTime() > now.getTime(), 'no lot is past its expiry after a write at now', { lot: l, now });
  }
}

/** Oldest first: no point is taken from a lot while a lot that expires sooner still holds points after the entry. */
function checkOldestFirst(before: Lot[], e: EntryDraft | undefined, now: Date) {
  must(e !== undefined, 'the operation wrote its entry');
  const took = new Map(e!.takes.map((t) => [t.lotId, t.points]));
  const live = before.filter((l) => l.expiresAt.getTime() > now.getTime());
  for (const later of live) {
    if (!took.get(later.id)) continue;
    for (const sooner of live) {
      if (sooner.expiresAt.getTime() < later.expiresAt.getTime()) must(took.get(sooner.id) === sooner.remaining, 'takes the lots that expire first', { entry: e, before });
    }
  }
}

function advance(now: Date, s: Step, m: Member): Date {
  if ('by' in s) return new Date(now.getTime() + s.by);
  const next = m.lotsExpireNext;
  if (!next) return now;
  return new Date(Math.max(now.getTime(), next.getTime() + s.toNextExpiry));
}

describe('the points ledger, for any sequence of orders, refunds, redemptions and expiry runs', () => {
  it('keeps the cached account equal to the ledger, every lot accounted for, spends all-or-nothing and claw-backs bounded by what was earned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-01-06T00:00:00Z'), max: Date.parse('2027-12-31T23:00:00Z') }),
        fc.option(fc.constantFrom('01-15', '02-29', '06-30', '11-01', '12-31'), { nil: undefined }),
        fc.array(op, { minLength: 1, maxLength: 40 }),
        (start, birthday, ops) => {
          let now = new Date(start);
          let m = newMember('100000000001', 'o1', { store: { storeId: 'S001', name: '悦衣库 上海静安店' }, birthday }, now);
          const ledger: EntryDraft[] = [];
          const orders: TillOrder[] = [];
          const apply = (plan: PointsPlan) => {
            ledger.push(...plan.entries);
            m = { ...m, ...memberChanges(plan, now) };
          };

          ops.forEach((o, i) => {
            now = advance(now, o.step, m);
            let wrote = false;
            if (o.kind === 'order') {
              const paidAt = new Date(now.getTime() - o.lagMs);
              const before = rank(m);
              const plan = planOrder(m, { key: `S001:o${i}`, amountFen: o.amountFen, paidAt }, now);
              const base = pointsForPaid(o.amountFen);
              expect([base, 2 * base]).toContain(plan.pointsEarned);
              apply(plan);
              wrote = true;
              // upgrades happen at once and spend never moves a member down
              expect(rank(m)).toBeGreaterThanOrEqual(before);
              orders.push({ key: `S001:o${i}`, amountFen: o.amountFen, paidAt, pointsEarned: plan.pointsEarned, refundedFen: 0, clawedBack: 0 });
            } else if (o.kind === 'refund') {
              const open = orders.filter((t) => t.refundedFen < t.amountFen);
              const order = open[o.pick % Math.max(1, open.length)];
              if (order) {
                const left = order.amountFen - order.refundedFen;
                const amountFen = o.whole ? left : Math.min(left, 1 + Math.floor(o.part * left));
                const before = rank(m);
                const plan = planRefund(m, { key: order.key, amountFen: order.amountFen, paidAt: order.paidAt, pointsEarned: order.pointsEarned, refundedFen: order.refundedFen }, { key: `S001:r${i}`, amountFen }, now);
                const lotsBefore = m.lots ?? [];
                apply(plan);
                wrote = true;
                checkOldestFirst(lotsBefore, ledger.at(-1), now);
                expect(rank(m)).toBeLessThanOrEqual(before);
                order.refundedFen += amountFen;
                order.clawedBack += plan.pointsClawedBack;
                expect(order.clawedBack).toBeLessThanOrEqual(order.pointsEarned);
                // once the order's own points reached their expiry a refund takes nothing (they are gone, spent or expired)
                const late = lotExpiry(order.paidAt).getTime() <= now.getTime();
                if (late) expect(plan.pointsClawedBack).toBe(0);
                order.late ||= late;
                if (order.refundedFen === order.amountFen && !order.late) expect(order.clawedBack).toBe(order.pointsEarned);
              }
            } else if (o.kind === 'redeem') {
              const spendable = pointsNow(m, now);
              const points = o.points ?? Math.max(1, Math.ceil(o.share * spendable));
              const seqBefore = ledger.length;
              const plan = planSpend(m, { key: `rw${i}`, points }, now);
              if (points > spendable) {
                expect(plan).toBeNull();
              } else {
                expect(plan).not.toBeNull();
                const lotsBefore = m.lots ?? [];
                apply(plan!);
                wrote = true;
                checkOldestFirst(lotsBefore, ledger.at(-1), now);
                expect(m.points).toBe(spendable - points);
                const redeem = ledger.slice(seqBefore).filter((e) => e.kind === 'redeem');
                expect(redeem.map((e) => e.points)).toEqual([-points]);
              }
            } else {
              const plan = planExpiry(m, now);
              if (plan) {
                expect(plan.entries.every((e) => e.kind === 'expire')).toBe(true);
                apply(plan);
                wrote = true;
              }
              // after the run nothing due is left, whether or not there was work
              expect((m.lots ?? []).every((l) => l.expiresAt.getTime() > now.getTime())).toBe(true);
            }
            checkLedger(m, ledger, now, wrote);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
