import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { Coupon } from '../../cloudfunctions/domain/coupons/template';
import type { ReferralProgramme } from '../../cloudfunctions/domain/referrals/programme';
import { rewardCostFen } from '../../cloudfunctions/domain/referrals/programme';
import type { Referral } from '../../cloudfunctions/domain/referrals/referral';
import { shopMonthKey } from '../../cloudfunctions/domain/time';
import { database } from '../../cloudfunctions/platform/cloud';
import { InjectedCrash } from '../support/erasure';
import { createHarness, type Harness } from '../support/harness';
import { requesterClass } from '../support/interleave';
import { memberDoc, runJobs } from '../support/ledger';
import { buy, deliver, refundBody } from '../support/pos';

/**
 * The settlement job over 1,040 referrals (40 inviters × 26 friends, every one joined through
 * member.enroll with the inviter's code, every first order and refund through signed till
 * requests), run twice at once, crashed midway at a commit (written or not), stopped after a few
 * batches — then run again: every settled referral is rewarded exactly once on both sides, each
 * inviter counted once per settlement with the reward of their step, and the month's budget holds
 * exactly what the inviters' rewards cost.
 */
jest.setTimeout(120_000);

const DAY = 86_400_000;
const INVITERS = 40;
const FRIENDS = 26;
const SETTLE = { action: 'run', job: 'referral-settlement' };
/** 3 December 2026, 10:00 in Shanghai: the first orders (25 November) are past their 7-day window. */
const DECEMBER = '2026-12-03T02:00:00.000Z';
/** 2 January 2027: the referrals the December budget deferred are due, the friends who never ordered are past their 30 days. */
const JANUARY = '2027-01-02T02:00:00.000Z';
/** 00:00 on 1 January 2027 in Shanghai: where an exhausted December budget defers to. */
const NEXT_MONTH = new Date('2026-12-31T16:00:00.000Z');

type Kind = 'paid' | 'refunded' | 'noOrder';
/** Of each inviter's 26 friends: 2 refund their first order in the window, 2 never order, 22 pay ¥399 and keep it. */
const kindOf = (j: number): Kind => (j % 13 === 5 ? 'refunded' : j % 13 === 7 ? 'noOrder' : 'paid');

interface World {
  h: Harness;
  inviters: string[];
  /** inviteeId → their inviter and what they did */
  friends: Map<string, { inviterId: string; kind: Kind }>;
  budgetFen: number;
}

async function seedWorld(): Promise<World> {
  const h = await createHarness();
  // every inviter's whole cohort is due on one day: lift the daily cap (it has its own tests) — the month's budget stays as seeded
  await h.cloud.call(null, async () => {
    await database().collection(COLLECTIONS.referralProgrammes).doc('default').update({ data: { dailyCap: 1_000 } });
  });
  const programme = h.cloud.db.find(COLLECTIONS.referralProgrammes, { _id: 'default' })[0] as unknown as ReferralProgramme;
  const friends = new Map<string, { inviterId: string; kind: Kind }>();
  const toRefund: string[] = [];
  const inviters = await Promise.all(
    Array.from({ length: INVITERS }, async (_, i) => {
      const inviterId = await h.join(`inviter-${i}`, { nickname: `邀请人${i}` });
      const mine = await h.call('referral', `inviter-${i}`, { action: 'mine' });
      if (!mine.ok) throw new Error(JSON.stringify(mine));
      for (let j = 0; j < FRIENDS; j += 1) {
        const openid = `friend-${i}-${j}`;
        const id = await h.join(openid, { ref: mine.data.code, nickname: `好友${j}` });
        const kind = kindOf(j);
        friends.set(id, { inviterId, kind });
        if (kind === 'noOrder') continue;
        const { body } = await buy(h, openid, 39_900);
        if (kind === 'refunded') toRefund.push(body.orderId);
      }
      return inviterId;
    }),
  );
  h.clock.advance(2 * DAY);
  await Promise.all(
    toRefund.map(async (orderId) => {
      const answer = await deliver(h, 'refunds', refundBody(orderId, `RF-${orderId}`, 39_900));
      if (answer.status !== 200) throw new Error(`refund ${orderId}: ${answer.status}`);
    }),
  );
  h.clock.set(DECEMBER);
  expect(h.cloud.db.count(COLLECTIONS.referrals, {})).toBe(INVITERS * FRIENDS);
  return { h, inviters, friends, budgetFen: programme.monthlyBudgetFen };
}

/** The referral's id is the last part of its rewards' ids (`<template>:<member>:<referral>`). */
const referralOfCoupon = (c: Coupon) => c._id.slice(c._id.lastIndexOf(':') + 1);

/** The inviter's step rewards after `s` settlements: ¥20 for the 1st and 2nd, ¥50 for the 3rd and 4th, ¥100 from the 5th. */
const stepCounts = (s: number) => ({ 'referral-reward-1': Math.min(2, s), 'referral-reward-3': Math.min(2, Math.max(0, s - 2)), 'referral-reward-5': Math.max(0, s - 4) });

interface Tally {
  settled: number;
  deferred: number;
  voided: Record<string, number>;
  joined: number;
  coupons: number;
  budget: Record<string, number>;
}

/**
 * Everything the job must have left, whatever crashed or ran twice: `phase` says what the
 * referrals may be (partway: some not looked at yet; after December's run the budget may have
 * deferred some to 1 January; in January every one is decided).
 */
function expectExactlyOnce(w: World, phase: 'partway' | 'december' | 'january'): Tally {
  const { h } = w;
  const referrals = h.cloud.db.find(COLLECTIONS.referrals, {}) as unknown as Referral[];
  const coupons = (h.cloud.db.find(COLLECTIONS.coupons, { channel: 'referral' }) as unknown as Coupon[]).filter((c) => c.templateId.startsWith('referral-'));
  const byReferral = new Map<string, Coupon[]>();
  for (const c of coupons) byReferral.set(referralOfCoupon(c), [...(byReferral.get(referralOfCoupon(c)) ?? []), c]);
  const tally: Tally = { settled: 0, deferred: 0, voided: {}, joined: 0, coupons: coupons.length, budget: {} };
  const settledOf = new Map<string, string[]>(w.inviters.map((id) => [id, []]));

  for (const r of referrals) {
    const friend = w.friends.get(r.inviteeId!)!;
    expect({ r: r._id, inviter: r.inviterId }).toEqual({ r: r._id, inviter: friend.inviterId });
    const got = (byReferral.get(r._id) ?? []).map((c) => `${c.templateId.replace(/-[135]$/, '-N')}→${c.memberId === r.inviteeId ? 'invitee' : c.memberId === r.inviterId ? 'inviter' : c.memberId}`).sort();
    if (r.status === 'settled') {
      tally.settled += 1;
      settledOf.get(r.inviterId!)!.push(r._id);
      // one pass each, one step reward for the inviter: never two of anything
      expect({ r: r._id, got }).toEqual({ r: r._id, got: ['referral-pass→invitee', 'referral-pass→inviter', 'referral-reward-N→inviter'] });
    } else {
      expect({ r: r._id, status: r.status, got }).toEqual({ r: r._id, status: r.status, got: [] });
    }
    if (r.status === 'void') tally.voided[r.voidReason!] = (tally.voided[r.voidReason!] ?? 0) + 1;
    if (r.status === 'joined') tally.joined += 1;
    if (r.status === 'qualified') tally.deferred += 1;
    const expected =
      // partway, a referral not looked at yet is as the till left it
      phase === 'partway' && r.status === 'qualified' && friend.kind !== 'noOrder'
        ? { status: 'qualified' }
        : friend.kind === 'refunded'
        ? { status: 'void', voidReason: 'refunded' }
        : friend.kind === 'noOrder'
          ? phase === 'january'
            ? { status: 'void', voidReason: 'noOrder' }
            : { status: 'joined' }
          : phase === 'december' && r.status === 'qualified'
            ? { status: 'qualified', dueAt: NEXT_MONTH }
            : { status: 'settled' };
    expect({ r: r._id, kind: friend.kind, ...r }).toMatchObject({ r: r._id, kind: friend.kind, ...expected });
  }

  // each inviter counted once per settlement, rewarded by their step, 忠诚者 from the third
  for (const [inviterId, settled] of settledOf) {
    const m = memberDoc(h, inviterId);
    const rewards = coupons.filter((c) => c.memberId === inviterId && c.templateId !== 'referral-pass');
    const counts = { 'referral-reward-1': 0, 'referral-reward-3': 0, 'referral-reward-5': 0 } as Record<string, number>;
    for (const c of rewards) counts[c.templateId]! += 1;
    expect({ inviterId, total: m.referralsSettledTotal ?? 0, keys: (m.referralsSettled ?? []).map((k) => k.key).sort(), counts, tier: m.tier }).toEqual({
      inviterId,
      total: settled.length,
      keys: [...settled].sort(),
      counts: stepCounts(settled.length),
      tier: settled.length >= 3 ? 'loyal' : 'explorer',
    });
  }

  // the month's budget holds exactly what the inviters' rewards issued that month cost, never more than the programme allows
  const costs: Record<string, number> = {};
  for (const c of coupons) costs[shopMonthKey(c.issuedAt)] = (costs[shopMonthKey(c.issuedAt)] ?? 0) + rewardCostFen(c);
  for (const b of h.cloud.db.find(COLLECTIONS.referralBudgets, {}) as unknown as Array<{ monthKey: string; spentFen: number }>) tally.budget[b.monthKey] = b.spentFen;
  expect(tally.budget).toEqual(costs);
  for (const spent of Object.values(tally.budget)) expect(spent).toBeLessThanOrEqual(w.budgetFen);
  expect(tally.coupons).toBe(3 * tally.settled);
  return tally;
}

const PAID_PER_INVITER = Array.from({ length: FRIENDS }, (_, j) => kindOf(j)).filter((k) => k === 'paid').length;

/** January: what December deferred settles, the friends who never ordered are void: the whole programme ends exactly once. */
async function finishInJanuary(w: World) {
  w.h.clock.set(JANUARY);
  const runs = await Promise.all([runJobs(w.h, SETTLE), runJobs(w.h, SETTLE)]);
  for (const r of runs) expect(r).toMatchObject({ ok: true, data: { runs: [{ runDate: '2027-01-02', done: true, failed: false }] } });
  const final = expectExactlyOnce(w, 'january');
  expect(final).toMatchObject({ settled: INVITERS * PAID_PER_INVITER, deferred: 0, joined: 0, voided: { refunded: INVITERS * 2, noOrder: INVITERS * 2 } });
  // 40 inviters × (2 × ¥20 + 2 × ¥50 + 18 × ¥100), over the two months
  expect(Object.values(final.budget).reduce((a, b) => a + b, 0)).toBe(INVITERS * (2 * 2_000 + 2 * 5_000 + (PAID_PER_INVITER - 4) * 10_000));
  return final;
}

/** Fails the n-th transaction commit of the job (a dead instance): `before` it lands (nothing written) or `after` (written, the answer lost). */
function crashAtCommit(n: number, when: 'before' | 'after') {
  const Requester = requesterClass();
  const original = Requester.prototype.send;
  let commits = 0;
  let hit = false;
  Requester.prototype.send = async function send(this: unknown, action: string, params: Record<string, unknown> = {}) {
    if (action !== 'database.commitTransaction' || ++commits !== n) return original.call(this, action, params);
    hit = true;
    if (when === 'before') throw new InjectedCrash(`crash before commit ${n}`);
    await original.call(this, action, params);
    throw new InjectedCrash(`crash after commit ${n}`);
  };
  return { hit: () => hit, restore: () => (Requester.prototype.send = original) };
}

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return await fn();
  } finally {
    errors.mockRestore();
  }
}

const referralStatuses = (h: Harness) => {
  const out: Record<string, number> = {};
  for (const r of h.cloud.db.find(COLLECTIONS.referrals, {}) as unknown as Referral[]) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
};

describe('the referral settlement job over 1,040 referrals: every settled referral rewarded exactly once on both sides', () => {
  it('(a) two runs at once settle what is due once, defer what the month’s budget cannot pay, and January finishes it', async () => {
    const t0 = Date.now();
    const w = await seedWorld();
    const seeded = Date.now() - t0;
    const [x, y] = await Promise.all([runJobs(w.h, SETTLE), runJobs(w.h, SETTLE)]);
    for (const r of [x, y]) expect(r).toMatchObject({ ok: true, data: { runs: [{ runDate: '2026-12-03', done: true, failed: false }] } });
    const december = expectExactlyOnce(w, 'december');
    // the budget ran out: some waited for January, and the settled ones spent close to all of it
    expect(december.deferred).toBeGreaterThan(0);
    expect(december.settled + december.deferred).toBe(INVITERS * PAID_PER_INVITER);
    expect(december.budget['202612']).toBeGreaterThan(w.budgetFen - 10_000);
    // the whole day again from the start: nothing is due any more
    expect(await runJobs(w.h, { ...SETTLE, restart: true })).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0, done: true }] } });
    expectExactlyOnce(w, 'december');
    const january = await finishInJanuary(w);
    console.log(
      `[referral settlement (a)] ${INVITERS * FRIENDS} referrals (seeded through enroll + signed till requests in ${seeded} ms); two runs at once on 3 December: ` +
        `settled ${december.settled}, deferred to 1 January by the budget ${december.deferred}, void ${JSON.stringify(december.voided)}, joined ${december.joined}, ` +
        `coupons ${december.coupons}, budget ${JSON.stringify(december.budget)}; January: settled ${january.settled}, void ${JSON.stringify(january.voided)}, coupons ${january.coupons}, budget ${JSON.stringify(january.budget)}`,
    );
  });

  it.each([
    ['after the 300th commit: the settlement written, its answer lost', 300, 'after'],
    ['before the 500th commit: the settlement never written', 500, 'before'],
  ] as Array<[string, number, 'before' | 'after']>)('(b) a crash %s, then two runs at once and a restart: the same exactly-once result', async (label, n, when) => {
    const w = await seedWorld();
    const crash = crashAtCommit(n, when);
    let crashed;
    try {
      crashed = await quietly(() => runJobs(w.h, SETTLE));
    } finally {
      crash.restore();
    }
    expect(crash.hit()).toBe(true);
    expect(crashed).toMatchObject({ ok: true, data: { runs: [{ done: false, failed: true }] } });
    const partway = referralStatuses(w.h);
    // partway: some settled, some still waiting
    expect(partway.settled).toBeGreaterThan(0);
    expect(partway.qualified).toBeGreaterThan(0);
    expectExactlyOnce(w, 'partway');

    const runs = await Promise.all([runJobs(w.h, SETTLE), runJobs(w.h, SETTLE)]);
    for (const r of runs) expect(r).toMatchObject({ ok: true, data: { runs: [{ done: true, failed: false }] } });
    const december = expectExactlyOnce(w, 'december');
    expect(december.settled + december.deferred).toBe(INVITERS * PAID_PER_INVITER);
    expect(await runJobs(w.h, { ...SETTLE, restart: true })).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
    const january = await finishInJanuary(w);
    console.log(
      `[referral settlement (b)] crash ${label}: partway ${JSON.stringify(partway)}; after the rerun settled ${december.settled}, deferred ${december.deferred}, ` +
        `coupons ${december.coupons}, budget ${JSON.stringify(december.budget)}; January settled ${january.settled}, coupons ${january.coupons}`,
    );
  });

  it('(b) runs stopped after a few batches (maxBatches), resumed from the checkpoint: the same exactly-once result', async () => {
    const w = await seedWorld();
    expect(await runJobs(w.h, { ...SETTLE, maxBatches: 3 })).toMatchObject({ ok: true, data: { runs: [{ processed: 300, done: false }] } });
    const partway = referralStatuses(w.h);
    expectExactlyOnce(w, 'partway');
    expect(await runJobs(w.h, { ...SETTLE, maxBatches: 2 })).toMatchObject({ ok: true, data: { runs: [{ processed: 500, done: false }] } });
    expectExactlyOnce(w, 'partway');
    const runs = await Promise.all([runJobs(w.h, SETTLE), runJobs(w.h, SETTLE)]);
    for (const r of runs) expect(r).toMatchObject({ ok: true, data: { runs: [{ done: true, failed: false }] } });
    const december = expectExactlyOnce(w, 'december');
    expect(december.settled + december.deferred).toBe(INVITERS * PAID_PER_INVITER);
    const january = await finishInJanuary(w);
    console.log(`[referral settlement (b)] stopped after 3 then 2 batches: partway ${JSON.stringify(partway)}; resumed: settled ${december.settled}, deferred ${december.deferred}; January settled ${january.settled}`);
  });
});
