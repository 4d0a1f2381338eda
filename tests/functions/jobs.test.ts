import { createHarness, type Harness } from '../support/harness';
import { accountProblems, ledgerOf, memberDoc, redeem, runJobs } from '../support/ledger';
import { pointsExpiry } from '../../cloudfunctions/functions/jobs/pointsExpiry';
import { buy, tillCode } from '../support/pos';

/** 09:00 on 1 January 2028 in Shanghai: the lots earned in 2026 expired an hour ago. */
const NEW_YEAR_2028 = '2028-01-01T01:00:00.000Z';
const run = (job: string, extra: Record<string, unknown> = {}) => ({ action: 'run', job, ...extra });

/** Members who each paid `fen` now, joined and paid in parallel groups. */
async function membersWhoPaid(h: Harness, count: number, fen: number, prefix = 'bulk'): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += 25) {
    const group = Array.from({ length: Math.min(25, count - from) }, (_, i) => `${prefix}-${from + i}`);
    ids.push(...(await Promise.all(group.map(async (openid) => {
      const id = await h.join(openid);
      await buy(h, openid, fen);
      return id;
    }))));
  }
  return ids;
}

/** The runs over more than 100 members set up their members through the till: a few seconds each. */
jest.setTimeout(30_000);

const expireEntries = (h: Harness) => h.cloud.db.count('ledger', { kind: 'expire' });

describe('the daily jobs (jobs function)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  describe('points expiry', () => {
    it('writes one expire entry per due lot at the end of the year after it was earned, and a rerun writes nothing', async () => {
      const id = await h.join('saver');
      await buy(h, 'saver', 10_000);
      await buy(h, 'saver', 5_000);
      await redeem(h, id, 'coupon-1', 30);
      h.clock.set('2027-03-01T02:00:00.000Z');
      await buy(h, 'saver', 8_000);
      h.clock.set(NEW_YEAR_2028);
      // the card stops counting expired points at once, before the job writes them
      expect(await h.call('member', 'saver', { action: 'card' })).toMatchObject({ ok: true, data: { points: 80 } });
      expect(await runJobs(h, run('points-expiry'))).toEqual({ ok: true, data: { runs: [{ job: 'points-expiry', runDate: '2028-01-01', processed: 1, changed: 1, done: true, failed: false }] } });
      const expired = ledgerOf(h, id).filter((e) => e.kind === 'expire');
      // 30 were spent from the first lot (oldest first): 70 and 50 expire, the 2027 lot stays
      expect(expired.map((e) => [e.points, e.at.toISOString()])).toEqual([
        [-70, '2027-12-31T16:00:00.000Z'],
        [-50, '2027-12-31T16:00:00.000Z'],
      ]);
      expect(memberDoc(h, id)).toMatchObject({ points: 80, lotsExpireNext: new Date('2028-12-31T16:00:00.000Z') });
      const history = await h.call('points', 'saver', { action: 'history', limit: 1 });
      expect(history).toMatchObject({ ok: true, data: { lines: [{ kind: 'expire', title: '积分过期' }] } });

      const ledgerBefore = ledgerOf(h, id).length;
      expect(await runJobs(h, run('points-expiry'))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 1, done: true }] } });
      expect(await runJobs(h, run('points-expiry', { restart: true }))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0, done: true }] } });
      h.clock.advance(86_400_000);
      expect(await runJobs(h, run('points-expiry'))).toMatchObject({ ok: true, data: { runs: [{ runDate: '2028-01-02', processed: 0, changed: 0 }] } });
      expect(ledgerOf(h, id)).toHaveLength(ledgerBefore);
      expect(accountProblems(h, id)).toEqual([]);
    });

    it('expires nothing before its time', async () => {
      const id = await h.join('early');
      await buy(h, 'early', 10_000);
      h.clock.set('2027-12-31T15:59:59.000Z');
      expect(await runJobs(h, run('points-expiry'))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0, done: true }] } });
      expect(memberDoc(h, id)).toMatchObject({ points: 100 });
    });

    it('resumes the day’s run from its checkpoint: 100 members in the first batch, the other 10 in the next call', async () => {
      const ids = await membersWhoPaid(h, 110, 1_000);
      h.clock.set(NEW_YEAR_2028);
      expect(await runJobs(h, run('points-expiry', { maxBatches: 1 }))).toMatchObject({ ok: true, data: { runs: [{ processed: 100, changed: 100, done: false }] } });
      expect(expireEntries(h)).toBe(100);
      expect(await runJobs(h, run('points-expiry'))).toMatchObject({ ok: true, data: { runs: [{ processed: 110, changed: 110, done: true }] } });
      expect(expireEntries(h)).toBe(110);
      for (const id of ids) expect(ledgerOf(h, id).map((e) => e.kind)).toEqual(['earn', 'expire']);
    });

    it('issues no duplicate after a crash in the middle of a batch: the rerun finishes the rest', async () => {
      const ids = await membersWhoPaid(h, 110, 1_000);
      h.clock.set(NEW_YEAR_2028);
      await runJobs(h, run('points-expiry', { maxBatches: 1 }));
      // the function dies on the 6th commit of the second batch
      const apply = h.cloud.db.apply.bind(h.cloud.db);
      let commits = 0;
      const crash = jest.spyOn(h.cloud.db, 'apply').mockImplementation((writes) => {
        if (writes.some((w) => w.c === 'ledger') && ++commits > 5) throw new Error('container killed');
        return apply(writes);
      });
      const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect(await runJobs(h, run('points-expiry'))).toMatchObject({ ok: true, data: { runs: [{ job: 'points-expiry', done: false, failed: true }] } });
      } finally {
        crash.mockRestore();
        quiet.mockRestore();
      }
      expect(expireEntries(h)).toBe(105);
      expect(await runJobs(h, run('points-expiry'))).toMatchObject({ ok: true, data: { runs: [{ done: true }] } });
      expect(expireEntries(h)).toBe(110);
      for (const id of ids) {
        expect(ledgerOf(h, id).map((e) => e.kind)).toEqual(['earn', 'expire']);
        expect(accountProblems(h, id)).toEqual([]);
      }
    });

    it('expires each lot once when two runners work the same day in parallel', async () => {
      const ids = await membersWhoPaid(h, 110, 1_000);
      h.clock.set(NEW_YEAR_2028);
      const [a, b] = await Promise.all([runJobs(h, run('points-expiry')), runJobs(h, run('points-expiry'))]);
      expect(a).toMatchObject({ ok: true, data: { runs: [{ done: true }] } });
      expect(b).toMatchObject({ ok: true, data: { runs: [{ done: true }] } });
      expect(expireEntries(h)).toBe(110);
      for (const id of ids) expect(memberDoc(h, id)).toMatchObject({ points: 0, lots: [], lotsExpireNext: null });
    });
  });

  describe('tier review', () => {
    it('downgrades only after the 12 months are up, keeps a member who requalified, and falls back to the best tier still earned', async () => {
      const lapsed = await h.join('lapsed');
      const requalified = await h.join('requalified');
      const wasLoyal = await h.join('was-loyal');
      await buy(h, 'lapsed', 100_000);
      await buy(h, 'requalified', 100_000);
      expect((await buy(h, 'was-loyal', 300_001)).result).toMatchObject({ tier: 'loyal' });
      h.clock.set('2027-05-10T02:00:00.000Z');
      await buy(h, 'requalified', 100_000);
      // a year on, an hour before the lapse: ¥1,000 this quarter requalifies Grower, not Loyal (the ¥3,000.01 day is out of the 12 months)
      h.clock.set('2027-11-25T01:00:00.000Z');
      expect((await buy(h, 'was-loyal', 100_000)).result).toMatchObject({ tier: 'loyal', tierChanged: false });

      expect(await runJobs(h, run('tier-review'))).toMatchObject({ ok: true, data: { runs: [{ job: 'tier-review', processed: 0, changed: 0, done: true }] } });
      expect(memberDoc(h, lapsed)).toMatchObject({ tier: 'grower' });

      h.clock.set('2027-11-26T02:00:00.000Z');
      expect(await runJobs(h, run('tier-review'))).toMatchObject({ ok: true, data: { runs: [{ runDate: '2027-11-26', processed: 2, changed: 2, done: true }] } });
      expect(memberDoc(h, lapsed)).toMatchObject({ tier: 'explorer', tierKeptUntil: null, tierSince: new Date('2027-11-26T02:00:00.000Z') });
      expect(memberDoc(h, requalified)).toMatchObject({ tier: 'grower', tierKeptUntil: new Date('2028-05-10T02:00:00.000Z') });
      expect(memberDoc(h, wasLoyal)).toMatchObject({ tier: 'grower', tierKeptUntil: new Date('2028-11-25T01:00:00.000Z') });
      expect(await h.call('member', 'lapsed', { action: 'card' })).toMatchObject({ ok: true, data: { tier: 'explorer', tierName: '探索者' } });

      expect(await runJobs(h, run('tier-review', { restart: true }))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
    });
  });

  describe('points-expiring reminders', () => {
    async function setUp() {
      const ids: Record<string, string> = {};
      for (const openid of ['subscribed', 'silent', 'refuser']) {
        ids[openid] = await h.join(openid);
        await buy(h, openid, 10_000);
      }
      ids.empty = await h.join('empty');
      for (const openid of ['subscribed', 'refuser', 'empty']) {
        expect(await h.call('member', openid, { action: 'subscribe', accepted: ['pointsExpiring'] })).toEqual({ ok: true, data: { reminders: { pointsExpiring: 1, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } } });
      }
      return ids;
    }
    const sent = () => h.cloud.openapi.sent('subscribeMessage.send');
    const credits = async (openid: string) => {
      const s = await h.call('points', openid, { action: 'summary' });
      return s.ok ? s.data.reminders.pointsExpiring : null;
    };

    it('reminds within 30 days of expiry only members holding a credit, spends it, and never sends twice', async () => {
      const ids = await setUp();
      await runJobs(h, run('points-reminders', { restart: true }));
      h.clock.set('2027-11-30T02:00:00.000Z');
      expect(await runJobs(h, run('points-reminders'))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
      expect(sent()).toHaveLength(0);

      h.clock.set('2027-12-10T02:00:00.000Z');
      expect(await runJobs(h, run('points-reminders'))).toMatchObject({ ok: true, data: { runs: [{ processed: 3, changed: 2 }] } });
      expect(sent().map((c) => c.data.touser).sort()).toEqual(['refuser', 'subscribed']);
      expect(sent().find((c) => c.data.touser === 'subscribed')!.data).toEqual({
        touser: 'subscribed',
        templateId: 'styleclub-dev-points-expiring',
        page: 'pages/points/index',
        data: { number1: { value: '100' }, date2: { value: '2027-12-31' }, thing3: { value: '积分到期后将失效，欢迎到店选购' } },
        miniprogramState: 'formal',
      });
      expect(await credits('subscribed')).toBe(0);
      expect(await credits('empty')).toBe(1);
      expect(h.cloud.db.find('messages', { memberId: ids.subscribed })).toEqual([expect.objectContaining({ status: 'sent', template: 'pointsExpiring' })]);

      // rerun the same day, then a credit granted again and the next day: the same expiry is never reminded twice
      await runJobs(h, run('points-reminders', { restart: true }));
      await h.call('member', 'subscribed', { action: 'subscribe', accepted: ['pointsExpiring'] });
      h.clock.advance(86_400_000);
      await runJobs(h, run('points-reminders'));
      expect(sent()).toHaveLength(2);
      expect(await credits('subscribed')).toBe(1);
    });

    it('marks a message WeChat refuses as failed, with the credit spent, and does not retry it', async () => {
      const ids = await setUp();
      const fakes = (h.cloud.openapi as unknown as { fakes: Record<string, (d: Record<string, unknown>) => unknown> }).fakes;
      const send = fakes['subscribeMessage.send']!;
      fakes['subscribeMessage.send'] = (d) => {
        if (d.touser === 'refuser') throw Object.assign(new Error('openapi.subscribeMessage.send:fail 43101 user refuse to accept the msg'), { errCode: 43101 });
        return send(d);
      };
      h.clock.set('2027-12-10T02:00:00.000Z');
      expect(await runJobs(h, run('points-reminders'))).toMatchObject({ ok: true, data: { runs: [{ processed: 3, changed: 1 }] } });
      expect(h.cloud.db.find('messages', { memberId: ids.refuser })).toEqual([expect.objectContaining({ status: 'failed', errCode: 43101 })]);
      expect(await credits('refuser')).toBe(0);
      await h.call('member', 'refuser', { action: 'subscribe', accepted: ['pointsExpiring'] });
      await runJobs(h, run('points-reminders', { restart: true }));
      expect(sent().filter((c) => c.data.touser === 'refuser')).toHaveLength(1);
    });
  });

  describe('the jobs function itself', () => {
    it('refuses a caller with an openid: FORBIDDEN, nothing run', async () => {
      expect(await runJobs(h, run('all'), 'shopper')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(h.cloud.db.count('jobRuns', {})).toBe(0);
    });

    it('runs every job, in order, on a timer event', async () => {
      const answer = await runJobs(h, { Type: 'Timer', TriggerName: 'every10min', Time: '2026-11-25T02:00:00Z' });
      expect(answer).toMatchObject({ ok: true });
      expect(answer.ok && answer.data.runs.map((r) => [r.job, r.runDate, r.done])).toEqual([
        ['points-expiry', '2026-11-25', true],
        ['coupon-expiry', '2026-11-25', true],
        ['points-reminders', '2026-11-25', true],
        ['coupon-reminders', '2026-11-25', true],
        ['birthday', '2026-11-25', true],
        ['win-back', '2026-11-25', true],
        ['referral-settlement', '2026-11-25', true],
        ['outfit-inspiration', '2026-11-25', true],
        ['tier-review', '2026-11-25', true],
        ['staff-todos', '2026-11-25', true],
        ['booking-reminders', '2026-11-25', true],
        ['segments', '2026-11-25', true],
        ['campaigns', '2026-11-25', true],
        ['alerts', '2026-11-25', true],
        ['sweep', '2026-11-25', true],
      ]);
    });

    it('a job that fails does not hold back the jobs after it: they run, it is marked failed and resumes next tick', async () => {
      const expiry = jest.spyOn(pointsExpiry, 'batch').mockRejectedValueOnce(new Error('database hiccup'));
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const answer = await runJobs(h, run('all'));
        expect(answer.ok && answer.data.runs.map((r) => [r.job, r.done, r.failed])).toEqual([
          ['points-expiry', false, true],
          ['coupon-expiry', true, false],
          ['points-reminders', true, false],
          ['coupon-reminders', true, false],
          ['birthday', true, false],
          ['win-back', true, false],
          ['referral-settlement', true, false],
          ['outfit-inspiration', true, false],
          ['tier-review', true, false],
          ['staff-todos', true, false],
          ['booking-reminders', true, false],
          ['segments', true, false],
          ['campaigns', true, false],
          ['alerts', true, false],
          ['sweep', true, false],
        ]);
        const next = await runJobs(h, run('all'));
        expect(next.ok && next.data.runs.map((r) => [r.job, r.done, r.failed])).toEqual([
          ['points-expiry', true, false],
          ['coupon-expiry', true, false],
          ['points-reminders', true, false],
          ['coupon-reminders', true, false],
          ['birthday', true, false],
          ['win-back', true, false],
          ['referral-settlement', true, false],
          ['outfit-inspiration', true, false],
          ['tier-review', true, false],
          ['staff-todos', true, false],
          ['booking-reminders', true, false],
          ['segments', true, false],
          ['campaigns', true, false],
          ['alerts', true, false],
          ['sweep', true, false],
        ]);
      } finally {
        expiry.mockRestore();
        errors.mockRestore();
      }
    });

    it('refuses an unknown job or field with INVALID_INPUT', async () => {
      expect(await runJobs(h, run('birthday-cake'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await runJobs(h, run('sweep', { maxBatches: 0 }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await runJobs(h, run('sweep', { openid: 'x' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });
  });

  describe('sweep', () => {
    it('forgets POS nonces older than the signing window and till codes a day past their expiry', async () => {
      await h.join('old');
      await h.join('fresh');
      await buy(h, 'old', 10_000);
      await tillCode(h, 'fresh');
      h.clock.advance(24 * 3_600_000 + 60_000);
      await buy(h, 'old', 10_000);
      await tillCode(h, 'fresh');
      expect(h.cloud.db.count('posNonces', {})).toBe(2);
      expect(await runJobs(h, run('sweep'))).toMatchObject({ ok: true, data: { runs: [{ job: 'sweep', processed: 2, changed: 2, done: true }] } });
      // the old nonce went, and the till's wrong-code counter of that day's minute; both codes are the ones
      // fetched a minute ago (each fetch replaced the member's code)
      expect(h.cloud.db.count('posNonces', {})).toBe(1);
      expect(h.cloud.db.count('codeGuesses', {})).toBe(1);
      expect(h.cloud.db.count('memberCodes', {})).toBe(2);
      h.clock.advance(25 * 3_600_000);
      expect(await runJobs(h, run('sweep'))).toMatchObject({ ok: true, data: { runs: [{ processed: 4, changed: 4 }] } });
      expect(h.cloud.db.count('posNonces', {})).toBe(0);
      expect(h.cloud.db.count('memberCodes', {})).toBe(0);
      expect(h.cloud.db.count('codeGuesses', {})).toBe(0);
    });
  });
});
