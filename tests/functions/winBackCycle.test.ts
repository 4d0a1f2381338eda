import { createHarness, START, type Harness } from '../support/harness';
import { memberDoc, runJobs } from '../support/ledger';
import { buy } from '../support/pos';

const DAY = 86_400_000;
const run = (extra: Record<string, unknown> = {}) => ({ action: 'run', job: 'win-back', ...extra });
const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();
const winBacks = (h: Harness) => h.cloud.db.find('coupons', { templateId: 'win-back-30' }).map((c) => c._id as string).sort();

/** Buys ¥100 on each of these days after START. */
async function buyOn(h: Harness, openid: string, days: number[]) {
  for (const d of days) {
    h.clock.set(at(d * DAY));
    await buy(h, openid, 10_000);
  }
}

describe('win-back by purchase cycle (the existing win-back job, issue 19 part 6)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('a shopper who buys every 10 days gets the 回归礼 15 days after their last purchase, not at 30 — once for that lapse', async () => {
    const m = await h.join('weekly');
    await buyOn(h, 'weekly', [0, 10, 20]);
    // the third purchase day makes the cycle: 1.5 × 10 days after day 20
    expect(memberDoc(h, m)).toMatchObject({ winBackDueAt: new Date(at(35 * DAY)) });
    h.clock.set(at(35 * DAY - 1_000));
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
    h.clock.set(at(35 * DAY));
    expect(await runJobs(h, run({ restart: true }))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 1 }] } });
    expect(winBacks(h)).toEqual([`win-back-30:${m}:20261215`]);
    for (const day of [36, 50, 90]) {
      h.clock.set(at(day * DAY));
      expect(await runJobs(h, run({ restart: true }))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
    }
    expect(winBacks(h)).toHaveLength(1);
  });

  it('a shopper who comes every 60 days is not chased at 30: the 回归礼 waits until day 90 after their last purchase', async () => {
    const m = await h.join('seasonal');
    await buyOn(h, 'seasonal', [0, 60, 120]);
    expect(memberDoc(h, m)).toMatchObject({ winBackDueAt: new Date(at(210 * DAY)) });
    h.clock.set(at(150 * DAY));
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
    h.clock.set(at(210 * DAY));
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 1 }] } });
    expect(winBacks(h)).toEqual([`win-back-30:${m}:20270325`]);
  });

  it('once per cycle: after a 回归礼 a purchase starts the next cycle, and the next coupon comes no sooner than a cycle after the last', async () => {
    const m = await h.join('cyclic');
    await buyOn(h, 'cyclic', [0, 10, 20]);
    h.clock.set(at(35 * DAY));
    await runJobs(h, run());
    // back on day 36 (gaps 10, 10, 16: median 10): due 15 days later, day 51
    await buyOn(h, 'cyclic', [36]);
    expect(memberDoc(h, m)).toMatchObject({ lastWinBackAt: new Date(at(35 * DAY)), winBackDueAt: new Date(at(51 * DAY)) });
    h.clock.set(at(51 * DAY));
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 1 }] } });
    expect(winBacks(h)).toEqual([`win-back-30:${m}:20261215`, `win-back-30:${m}:20261231`]);
  });

  it('three orders on one day are one visit: with a second visit two weeks later there is no cycle yet, the 30-day rule', async () => {
    const m = await h.join('busy-day');
    await buyOn(h, 'busy-day', [0, 0, 0, 14]);
    expect(memberDoc(h, m)).toMatchObject({ winBackDueAt: new Date(at(44 * DAY)) });
  });

  it('members with fewer than 3 purchases keep the 30-day rule', async () => {
    const m = await h.join('twice');
    await buyOn(h, 'twice', [0, 5]);
    expect(memberDoc(h, m)).toMatchObject({ winBackDueAt: new Date(at(35 * DAY)) });
  });

  it('a member whose date was written by the 30-day rule before their cycle was known is moved, not issued early', async () => {
    const m = await h.join('legacy');
    await buyOn(h, 'legacy', [0, 60, 120]);
    // as an order before this change would have left it: 30 days after the last purchase
    await h.cloud.db.apply([{ c: 'members', id: m, doc: { ...memberDoc(h, m), winBackDueAt: new Date(at(150 * DAY)) } as never }]);
    h.clock.set(at(150 * DAY));
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 0 }] } });
    expect(winBacks(h)).toEqual([]);
    expect(memberDoc(h, m)).toMatchObject({ winBackDueAt: new Date(at(210 * DAY)) });
    h.clock.set(at(210 * DAY));
    expect(await runJobs(h, run())).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 1 }] } });
  });

  it('two runners in parallel issue one 回归礼 per cycle member', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      ids.push(await h.join(`pair-${i}`));
    }
    for (const d of [0, 10, 20]) {
      h.clock.set(at(d * DAY));
      for (let i = 0; i < 10; i += 1) await buy(h, `pair-${i}`, 10_000);
    }
    h.clock.set(at(35 * DAY));
    await Promise.all([runJobs(h, run()), runJobs(h, run()), runJobs(h, run({ restart: true }))]);
    expect(winBacks(h)).toHaveLength(10);
    for (const id of ids) expect(memberDoc(h, id)).toMatchObject({ lastWinBackAt: new Date(at(35 * DAY)), winBackDueAt: null });
  });
});
