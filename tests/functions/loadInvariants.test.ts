import { checkInvariants } from '../bench/loadRun';
import { createHarness, type Harness } from '../support/harness';
import { runJobs } from '../support/ledger';
import { buy } from '../support/pos';

/**
 * The load run's invariant check (tests/bench/loadRun.ts) is only as good as its power to see a
 * broken invariant: here it reads a small club that did what the load run does, finds nothing
 * wrong, and then finds each kind of damage written into the data behind the functions' back.
 */
let h: Harness;
const DAY = 86_400_000;

const read = (c: string) => [...h.cloud.db.collection(c).values()].map((e) => e.doc) as Array<Record<string, any>>;
const problemsOf = (name: string) => checkInvariants(read, h).invariants.find((i) => i.name.startsWith(name))!;

beforeAll(async () => {
  h = await createHarness();
  const inviter = 'inv-ann';
  await h.join(inviter);
  const mine = await h.call('referral', inviter, { action: 'mine' });
  if (!mine.ok) throw new Error(JSON.stringify(mine.error));
  for (const n of [1, 2, 3]) {
    await h.join(`friend-${n}`, { ref: mine.data.code });
    await buy(h, `friend-${n}`, 20_000);
    expect((await h.call('coupon', `friend-${n}`, { action: 'claim', templateId: 'new-arrival-trial' })).ok).toBe(true);
  }
  h.clock.set(new Date(h.clock.now().getTime() + 8 * DAY));
  // as the dev server's "run it now" does (no caller: the timer's own source)
  expect(await runJobs(h, { action: 'run', job: 'referral-settlement', restart: true })).toMatchObject({ ok: true });
});

test('a club that did what the load run does breaks no invariant, and each check looked at something', () => {
  const { invariants, referralsSettled } = checkInvariants(read, h);
  expect(referralsSettled).toBe(3);
  for (const i of invariants) expect([i.name, i.problems, i.checked > 0]).toEqual([i.name, [], true]);
});

describe('each kind of damage is found', () => {
  const damage = async (c: string, id: string, patch: Record<string, unknown>) => {
    const entry = h.cloud.db.collection(c).get(id)!;
    const before = entry.doc;
    await h.cloud.db.apply([{ c, id, doc: { ...before, ...patch } }]);
    return () => h.cloud.db.apply([{ c, id, doc: before }]);
  };

  test('a balance that disagrees with its ledger', async () => {
    const member = read('members').find((m) => m.openid === 'friend-1')!;
    const undo = await damage('members', member._id, { points: member.points + 1 });
    expect(problemsOf('every balance').problems.join()).toContain('≠ ledger sum');
    await undo();
  });

  test('stock below 0, or a unit given out that no coupon holds', async () => {
    const undo = await damage('couponStock', 'new-arrival-trial', { remaining: -1 });
    expect(problemsOf('stock never below 0').problems.join()).toContain('remaining -1 < 0');
    await undo();
    const stock = read('couponStock').find((s) => s._id === 'new-arrival-trial')!;
    const undoLost = await damage('couponStock', 'new-arrival-trial', { remaining: stock.remaining - 1, holders: [...stock.holders, 'lost'] });
    expect(problemsOf('stock never below 0').problems.join()).toContain('3 coupons held, 4 units given out');
    await undoLost();
  });

  test('a coupon claimed past its per-member limit', async () => {
    const coupon = read('coupons').find((c) => c.templateId === 'new-arrival-trial')!;
    await h.cloud.db.apply([{ c: 'coupons', id: `${coupon._id}-again`, doc: { ...coupon, _id: `${coupon._id}-again` } }]);
    expect(problemsOf('no coupon claimed past').problems.join()).toContain('2 claimed, limit 1');
    await h.cloud.db.apply([{ c: 'coupons', id: `${coupon._id}-again`, doc: null }]);
  });

  test('a referral rewarded twice', async () => {
    const inviter = read('members').find((m) => m.openid === 'inv-ann')!;
    const undo = await damage('members', inviter._id, { referralsSettled: [...inviter.referralsSettled, inviter.referralsSettled[0]] });
    expect(problemsOf('no referral rewarded twice').problems.join()).toContain('a referral settled twice');
    await undo();
  });

  test('after every repair the club is whole again (the damage was the only cause)', () => {
    for (const i of checkInvariants(read, h).invariants) expect([i.name, i.problems]).toEqual([i.name, []]);
  });
});
