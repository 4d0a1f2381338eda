import { COLLECTIONS } from '../../cloudfunctions/data/collections';
import type { SentMessage, SubscribeCredits } from '../../cloudfunctions/data/subscriptions';
import { birthdaysOpeningOn, birthdayWindowAt } from '../../cloudfunctions/domain/coupons/birthday';
import { BIRTHDAY_TEMPLATES } from '../../cloudfunctions/domain/coupons/events';
import type { Coupon } from '../../cloudfunctions/domain/coupons/template';
import type { Member } from '../../cloudfunctions/domain/member';
import { currentScope, type CallScope } from '../../local/cloud/context';
import type { Write } from '../../local/cloud/database';
import { functionMains } from '../../local/functions';
import { membersBornOn, seedMembers, type SeededMembers } from '../support/birthdays';
import { createHarness, type Harness } from '../support/harness';
import { runJobs, snapshot } from '../support/ledger';

/**
 * The birthday job over thousands of members, killed midway at the points where a crash could
 * double a gift or a message, then run again (alone, two at once, and from scratch): every member
 * whose window opens gets one grant, one message if they hold a credit (the credit spent once),
 * and nobody else is touched. The cost follows the members in the window, not all members.
 */
jest.setTimeout(60_000);

/** 10:00 in Shanghai on 25 November 2026: the windows of 28 November birthdays open. */
const PLAIN_DAY = '2026-11-25T02:00:00.000Z';
/** 25 February 2027 (no 29 February that year): 28 and 29 February open together. */
const FEBRUARY_DAY = '2027-02-25T02:00:00.000Z';

const BIRTHDAY = { action: 'run', job: 'birthday' };

interface Day {
  h: Harness;
  seeded: SeededMembers;
  year: number;
  /** members whose window opens today */
  window: string[];
  /** of them, those holding a birthday credit */
  holders: string[];
  /** document versions before the job ran: what must stay untouched */
  before: ReturnType<typeof snapshot>;
}

/** `spread` members over the year plus `crowd` born on the day opening at `at`: several batches of 100 open at once. */
async function seedDay(at: string, spread: number, crowd: number): Promise<Day> {
  const h = await createHarness(at);
  const birthdays = birthdaysOpeningOn(h.clock.now());
  const seeded = await seedMembers(h.cloud.db, { count: spread, now: h.clock.now(), crowd: { birthdays, count: crowd }, prefix: `bd-${spread}` });
  const window = membersBornOn(seeded, birthdays);
  const holders = window.filter((id) => (seeded.credits.get(id)?.birthdayGift ?? 0) > 0);
  const year = birthdayWindowAt(seeded.birthday.get(window[0]!)!, h.clock.now())!.year;
  return { h, seeded, year, window, holders, before: snapshot(h, [COLLECTIONS.members, COLLECTIONS.subscriptions]) };
}

/** Sets every credit holder in the window to `n` birthday credits (in the database and in what the checks expect). */
async function giveHoldersCredits(day: Day, n: number) {
  const writes: Write[] = day.holders.map((id) => {
    const doc = structuredClone(day.h.cloud.db.collection(COLLECTIONS.subscriptions).get(id)!.doc) as unknown as SubscribeCredits;
    doc.credits.birthdayGift = n;
    day.seeded.credits.set(id, { ...doc.credits });
    return { c: COLLECTIONS.subscriptions, id, doc: doc as unknown as Write['doc'] };
  });
  await day.h.cloud.db.apply(writes);
  day.before = snapshot(day.h, [COLLECTIONS.members, COLLECTIONS.subscriptions]);
}

/**
 * Kills the function instance whose write matches `trip` (it is refused, as is every later write
 * and WeChat call of that instance: a dead process does nothing more). Other instances go on.
 */
function crashWhen(h: Harness, trip: (w: Write, seen: number) => boolean) {
  const db = h.cloud.db;
  const apply = db.apply.bind(db);
  const dead = new Set<CallScope>();
  let seen = 0;
  const killed = () => Object.assign(new Error('function instance killed'), { code: 'KILLED' });
  const spy = jest.spyOn(db, 'apply').mockImplementation((writes: Write[]) => {
    const scope = currentScope();
    if (dead.has(scope)) throw killed();
    if (writes.some((w) => trip(w, ++seen))) {
      dead.add(scope);
      throw killed();
    }
    return apply(writes);
  });
  const fakes = (h.cloud.openapi as unknown as { fakes: Record<string, (d: Record<string, unknown>) => unknown> }).fakes;
  const send = fakes['subscribeMessage.send']!;
  fakes['subscribeMessage.send'] = (d) => {
    if (dead.has(currentScope())) throw killed();
    return send(d);
  };
  return {
    crashed: () => dead.size,
    restore() {
      spy.mockRestore();
      fakes['subscribeMessage.send'] = send;
    },
  };
}

/** The n-th write (counting from 1) that matches. */
const nth = (n: number, matches: (w: Write) => boolean) => {
  let count = 0;
  return (w: Write) => matches(w) && ++count === n;
};
const isBirthdayGrant = (w: Write) => w.c === COLLECTIONS.coupons && w.id.startsWith('birthday:') && w.doc !== null;
const isReservation = (w: Write) => w.c === COLLECTIONS.messages && (w.doc as SentMessage | null)?.status === 'sending';
const isMarkedSent = (w: Write) => w.c === COLLECTIONS.messages && (w.doc as SentMessage | null)?.status === 'sent';

/** Everything the day's job must have left, whatever crashed on the way. */
function expectExactlyOnce(day: Day) {
  const { h, seeded, year, window, holders } = day;
  const inWindow = new Set(window);

  // one grant per member in the window, of their tier's gift, for this birthday year; nothing for anyone else
  const coupons = [...h.cloud.db.collection(COLLECTIONS.coupons).values()].map((e) => e.doc as unknown as Coupon);
  const grants = coupons.filter((c) => c.channel === 'birthday');
  expect(coupons).toHaveLength(grants.length);
  expect(grants.map((c) => c.memberId).sort()).toEqual([...window].sort());
  for (const c of grants) {
    expect(c).toMatchObject({ _id: `birthday:${c.memberId}:${year}`, status: 'claimable', templateId: BIRTHDAY_TEMPLATES[seeded.tier.get(c.memberId)!] });
  }

  // one message record per credit holder in the window, none for anyone else
  const messages = [...h.cloud.db.collection(COLLECTIONS.messages).values()].map((e) => e.doc as unknown as SentMessage);
  expect(messages.map((m) => m._id).sort()).toEqual(holders.map((id) => `birthdayGift:${id}:${year}`).sort());

  // WeChat asked exactly once per credit holder, never for anyone else
  const openidOf = new Map(window.map((id) => [(h.cloud.db.collection(COLLECTIONS.members).get(id)!.doc as unknown as Member).openid, id]));
  const sends = h.cloud.openapi.sent('subscribeMessage.send').map((c) => String(c.data.touser));
  expect(new Set(sends).size).toBe(sends.length);
  expect(sends.map((openid) => openidOf.get(openid) ?? `outside the window: ${openid}`).sort()).toEqual([...holders].sort());

  // each holder's birthday credit spent once, every other credit as it was
  for (const [id, credits] of seeded.credits) {
    const now = (h.cloud.db.collection(COLLECTIONS.subscriptions).get(id)!.doc as unknown as SubscribeCredits).credits;
    const spent = inWindow.has(id) && credits.birthdayGift > 0 ? 1 : 0;
    expect([id, now]).toEqual([id, { ...credits, birthdayGift: credits.birthdayGift - spent }]);
  }

  // no member document written; no subscriptions document outside the window
  const after = snapshot(h, [COLLECTIONS.members, COLLECTIONS.subscriptions]);
  expect(after.members).toEqual(day.before.members);
  const untouched = (s: Record<string, number>) => Object.fromEntries(Object.entries(s).filter(([id]) => !inWindow.has(id)));
  expect(untouched(after.subscriptions!)).toEqual(untouched(day.before.subscriptions!));
}

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return await fn();
  } finally {
    errors.mockRestore();
  }
}

describe('the birthday job, crashed midway and run again', () => {
  const crashPoints: Array<[string, (w: Write) => boolean]> = [
    ['while granting: the 150th gift (midway through the second batch)', nth(150, isBirthdayGrant)],
    ['while spending a credit: the 30th message reservation is never committed', nth(30, isReservation)],
    ['after WeChat took the 30th message, before it was marked sent', nth(30, isMarkedSent)],
  ];

  it.each(crashPoints)('%s: a rerun, two runs at once and a restart of the day add no duplicate', async (_label, trip) => {
    const day = await seedDay(PLAIN_DAY, 2_700, 330);
    const { h, window, holders } = day;
    expect(window.length).toBeGreaterThan(300); // four batches of 100
    expect(holders.length).toBeGreaterThan(30);

    const crash = crashWhen(h, trip);
    const crashed = await quietly(() => runJobs(h, BIRTHDAY));
    crash.restore();
    expect(crash.crashed()).toBe(1);
    expect(crashed).toMatchObject({ ok: true, data: { runs: [{ job: 'birthday', runDate: '2026-11-25', done: false, failed: true }] } });
    // the crash stopped it partway: some of the day done, not all
    const granted = h.cloud.db.count(COLLECTIONS.coupons, {});
    expect(granted).toBeGreaterThan(0);
    expect(granted).toBeLessThan(window.length);

    // the next tick: two instances at once, both resuming from the checkpoint
    const [a, b] = await Promise.all([runJobs(h, BIRTHDAY), runJobs(h, BIRTHDAY)]);
    for (const r of [a, b]) expect(r).toMatchObject({ ok: true, data: { runs: [{ done: true, failed: false }] } });
    expectExactlyOnce(day);

    // and the whole day run again from the start: nothing new
    expect(await runJobs(h, { ...BIRTHDAY, restart: true })).toMatchObject({ ok: true, data: { runs: [{ processed: window.length, changed: 0, done: true }] } });
    expectExactlyOnce(day);
  });

  it('a crash after WeChat took a message, before it was marked: the record stays "sending", one credit spent, and no second send though a credit is left (at most once)', async () => {
    const day = await seedDay(PLAIN_DAY, 2_700, 330);
    const { h } = day;
    // two credits each: after the crash a credit is left, so only the message record stops a second send
    await giveHoldersCredits(day, 2);
    const crash = crashWhen(h, nth(30, isMarkedSent));
    await quietly(() => runJobs(h, BIRTHDAY));
    crash.restore();
    expect(crash.crashed()).toBe(1);
    expect(await runJobs(h, BIRTHDAY)).toMatchObject({ ok: true, data: { runs: [{ done: true, failed: false }] } });
    const messages = [...h.cloud.db.collection(COLLECTIONS.messages).values()].map((e) => e.doc as unknown as SentMessage);
    expect(messages.filter((m) => m.status === 'sending')).toHaveLength(1);
    expect(messages.filter((m) => m.status !== 'sending').every((m) => m.status === 'sent')).toBe(true);
    expectExactlyOnce(day);
  });

  it('28 and 29 February opening together: two runners from the start, one killed midway, then a rerun', async () => {
    const day = await seedDay(FEBRUARY_DAY, 2_700, 260);
    const { h, window, seeded } = day;
    expect(new Set(window.map((id) => seeded.birthday.get(id)))).toEqual(new Set(['02-28', '02-29']));
    const crash = crashWhen(h, nth(120, isBirthdayGrant));
    const runs = await quietly(() => Promise.all([runJobs(h, BIRTHDAY), runJobs(h, BIRTHDAY)]));
    crash.restore();
    expect(crash.crashed()).toBe(1);
    expect(runs.map((r) => r.ok && r.data.runs[0]!.failed).sort()).toEqual([false, true]);
    // the survivor went on to the end of the day
    expect(runs.find((r) => r.ok && !r.data.runs[0]!.failed)).toMatchObject({ ok: true, data: { runs: [{ runDate: '2027-02-25', done: true }] } });
    expect(await runJobs(h, BIRTHDAY)).toMatchObject({ ok: true, data: { runs: [{ done: true, failed: false }] } });
    expectExactlyOnce(day);
  });
});

describe('the birthday job’s cost follows the members in the window, not all members', () => {
  /** The run's requests and documents examined on N members spread over the year (and `crowd` more born on the day). */
  async function cost(members: number, crowd = 0) {
    const day = await seedDay(PLAIN_DAY, members, crowd);
    const { result, requests, docsExamined } = await day.h.cloud.call(null, () => functionMains().jobs!(BIRTHDAY));
    expect(result).toMatchObject({ ok: true, data: { runs: [{ done: true, failed: false, changed: day.window.length }] } });
    expectExactlyOnce(day);
    const batches = Math.floor(day.window.length / 100) + 1;
    return { members, window: day.window.length, holders: day.holders.length, batches, requests, docsExamined };
  }

  /**
   * The most a run may cost for its window; nothing in it depends on how many members there are in
   * all. Requests: a grant per member, 7 more for a message (transaction: start, 2 reads, 2 writes,
   * commit; then marked sent), 5 per batch (members, templates, credits, checkpoint moved and
   * reread), 2 for the day's checkpoint. Documents: the member (read once: a batch does not rescan
   * the day) and its credits, 5 for a message (the transaction touches the credits and the record
   * twice each; then marked sent), 6 per batch (3 templates, the checkpoint's), 2 for the day's
   * checkpoint. Since leaving is race-safe, a batch that granted reads its grantees once more (did
   * anyone begin leaving meanwhile?): one request per batch, one document per grant.
   */
  const requestBudget = (r: { window: number; holders: number; batches: number }) => r.window + 7 * r.holders + 7 * r.batches + 2;
  const docsBudget = (r: { window: number; holders: number; batches: number }) => 3 * r.window + 5 * r.holders + 6 * r.batches + 2;
  const difference = (a: Awaited<ReturnType<typeof cost>>, b: Awaited<ReturnType<typeof cost>>) => ({ window: b.window - a.window, holders: b.holders - a.holders, batches: b.batches - a.batches });

  function expectWithinWindowCost(run: Awaited<ReturnType<typeof cost>>) {
    expect(run.requests).toBeLessThanOrEqual(requestBudget(run));
    expect(run.requests).toBeGreaterThanOrEqual(run.window + run.batches);
    expect(run.docsExamined).toBeLessThanOrEqual(docsBudget(run));
  }

  it('3,000 and 30,000 members spread over the year: ≈ ten times the birthdays, ≈ ten times the work', async () => {
    const small = await cost(3_000);
    const large = await cost(30_000);
    expect(small.window).toBeGreaterThan(0);
    expect(large.window / small.window).toBeGreaterThan(5);
    for (const run of [small, large]) expectWithinWindowCost(run);
    expect(large.requests - small.requests).toBeLessThanOrEqual(requestBudget(difference(small, large)));
    // far from a scan of the members: a twentieth of them is already many times the day's work
    expect(large.docsExamined).toBeLessThan(large.members / 20);
  });

  it('300 birthdays on the day among 3,000 or 30,000 members: the difference is the window’s, not the 27,000 members’', async () => {
    const small = await cost(3_000, 300);
    const large = await cost(30_000, 300);
    expect(small.batches).toBeGreaterThanOrEqual(4);
    for (const run of [small, large]) expectWithinWindowCost(run);
    const more = difference(small, large);
    expect(more.window).toBeGreaterThan(0);
    expect(large.requests - small.requests).toBeLessThanOrEqual(requestBudget(more));
    expect(large.docsExamined - small.docsExamined).toBeLessThanOrEqual(docsBudget(more));
  });
});
