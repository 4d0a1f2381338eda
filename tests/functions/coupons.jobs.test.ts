import path from 'node:path';
import type { Coupon } from '../../cloudfunctions/domain/coupons/template';
import { createHarness, START, type Harness } from '../support/harness';
import { memberDoc, runJobs } from '../support/ledger';
import { buy } from '../support/pos';

const DAY = 86_400_000;
const run = (job: string, extra: Record<string, unknown> = {}) => ({ action: 'run', job, ...extra });
const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();

describe('the coupon jobs (jobs function)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  /** The subscribe messages sent, as WeChat was asked to send them. */
  const sent = () => h.cloud.openapi.sent('subscribeMessage.send') as unknown as Array<{ data: { touser: string; data: Record<string, { value: string }> } & Record<string, unknown> }>;
  /** `times` accepts of the template's request, each one credit. */
  const subscribe = async (openid: string, key: string, times = 1) => {
    for (let i = 0; i < times; i += 1) expect(await h.call('member', openid, { action: 'subscribe', accepted: [key] })).toMatchObject({ ok: true });
  };
  const credits = async (openid: string) => {
    const s = await h.call('points', openid, { action: 'summary' });
    return s.ok ? s.data.reminders : null;
  };
  const couponDoc = (id: string) => h.cloud.db.find('coupons', { _id: id })[0] as unknown as Coupon | undefined;

  describe('birthday: opening the gifts of the day', () => {
    it('grants a claimable gift to the members whose window opens today, and only them; sends the message only where a credit is held, spending it', async () => {
      const subscribed = await h.join('subscribed', { birthday: '11-28' });
      const silent = await h.join('silent', { birthday: '11-28' });
      await h.join('yesterday', { birthday: '11-27' });
      await h.join('tomorrow', { birthday: '11-29' });
      await h.join('spring', { birthday: '05-20' });
      await h.join('unknown');
      await subscribe('subscribed', 'birthdayGift');
      await subscribe('tomorrow', 'birthdayGift');

      expect(await runJobs(h, run('birthday'))).toEqual({ ok: true, data: { runs: [{ job: 'birthday', runDate: '2026-11-25', processed: 2, changed: 2, done: true, failed: false }] } });
      expect(h.cloud.db.find('coupons', { channel: 'birthday' }, { order: { _id: 1 } }).map((c) => [c._id, c.status])).toEqual(
        [
          [`birthday:${silent}:2026`, 'claimable'],
          [`birthday:${subscribed}:2026`, 'claimable'],
        ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
      );
      // while claimable, its dates are the claim window
      expect(couponDoc(`birthday:${subscribed}:2026`)).toMatchObject({ templateId: 'birthday-explorer', validFrom: new Date('2026-11-24T16:00:00.000Z'), validUntil: new Date('2026-12-05T16:00:00.000Z') });
      expect(sent().map((c) => c.data)).toEqual([
        {
          touser: 'subscribed',
          templateId: 'styleclub-dev-birthday-gift',
          page: 'pages/card/index',
          data: { thing1: { value: '生日礼券' }, date2: { value: '2026-12-05' }, thing3: { value: '生日快乐！打开会员卡即可领取' } },
          miniprogramState: 'formal',
        },
      ]);
      expect(await credits('subscribed')).toEqual({ pointsExpiring: 0, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 });
      expect(await credits('tomorrow')).toEqual({ pointsExpiring: 0, couponExpiring: 0, birthdayGift: 1, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 });
      expect(h.cloud.db.find('messages', { memberId: subscribed })).toEqual([expect.objectContaining({ _id: `birthdayGift:${subscribed}:2026`, status: 'sent', template: 'birthdayGift' })]);
      // a grant is not a coupon in the wallet yet; the banner offers it
      expect(await h.call('coupon', 'silent', { action: 'list', status: 'available' })).toMatchObject({ ok: true, data: { counts: { available: 1, used: 0, expired: 0 } } });
      expect(await h.call('coupon', 'silent', { action: 'birthday' })).toMatchObject({ ok: true, data: { state: 'claimable', coupon: null } });
    });

    it('a rerun the same day, even with a credit granted again, grants and sends nothing twice; the next day opens the next day’s birthdays', async () => {
      const subscribed = await h.join('subscribed', { birthday: '11-28' });
      const tomorrow = await h.join('tomorrow', { birthday: '11-29' });
      await subscribe('subscribed', 'birthdayGift');
      await runJobs(h, run('birthday'));
      await subscribe('subscribed', 'birthdayGift');
      expect(await runJobs(h, run('birthday', { restart: true }))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 0, done: true }] } });
      expect(await runJobs(h, run('birthday'))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 0, done: true }] } });
      expect(sent()).toHaveLength(1);
      expect(await credits('subscribed')).toMatchObject({ birthdayGift: 1, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 });
      expect(h.cloud.db.count('coupons', { memberId: subscribed, channel: 'birthday' })).toBe(1);

      h.clock.advance(DAY);
      expect(await runJobs(h, run('birthday'))).toEqual({ ok: true, data: { runs: [{ job: 'birthday', runDate: '2026-11-26', processed: 1, changed: 1, done: true, failed: false }] } });
      expect(h.cloud.db.find('coupons', { channel: 'birthday' }).map((c) => c.memberId).sort()).toEqual([subscribed, tomorrow].sort());
      expect(sent()).toHaveLength(1);
    });

    it('two runners in parallel grant each gift once and send each message once', async () => {
      const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => h.join(`twin-${i}`, { birthday: '11-28' })));
      for (let i = 0; i < 30; i += 1) await subscribe(`twin-${i}`, 'birthdayGift');
      await Promise.all([runJobs(h, run('birthday')), runJobs(h, run('birthday'))]);
      expect(h.cloud.db.count('coupons', { channel: 'birthday', status: 'claimable' })).toBe(30);
      expect(sent()).toHaveLength(30);
      expect(new Set(sent().map((c) => c.data.touser)).size).toBe(30);
      for (const id of ids) expect(h.cloud.db.count('messages', { memberId: id })).toBe(1);
    });

    it('claimBirthday turns the grant into the coupon: its own 30 days from the claim, in the wallet, one per year', async () => {
      const m = await h.join('claimer', { birthday: '11-28' });
      await runJobs(h, run('birthday'));
      h.clock.advance(2 * 3_600_000);
      const claimed = await h.call('coupon', 'claimer', { action: 'claimBirthday' });
      expect(claimed).toMatchObject({
        ok: true,
        data: { coupon: { couponId: `birthday:${m}:2026`, status: 'available', channel: 'birthday', issuedAt: '2026-11-25T04:00:00.000Z', validUntil: '2026-12-25T16:00:00.000Z', validityText: '2026-12-25 23:59 前有效' } },
      });
      expect(couponDoc(`birthday:${m}:2026`)).toMatchObject({ status: 'available', issuedAt: new Date('2026-11-25T04:00:00.000Z'), validFrom: new Date('2026-11-25T04:00:00.000Z') });
      expect(h.cloud.db.count('coupons', { memberId: m, channel: 'birthday' })).toBe(1);
      expect(await h.call('coupon', 'claimer', { action: 'birthday' })).toMatchObject({ ok: true, data: { state: 'claimed', coupon: { couponId: `birthday:${m}:2026` } } });
      expect(await h.call('coupon', 'claimer', { action: 'claimBirthday' })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      const wallet = await h.call('coupon', 'claimer', { action: 'list', status: 'available' });
      expect(wallet.ok && wallet.data.coupons.map((c: { couponId: string }) => c.couponId).sort()).toEqual([`birthday:${m}:2026`, `welcome-80:${m}:once`]);
    });

    it('does not spend a credit on a “come and claim” message to a member who claimed before the job reached them', async () => {
      const e = await createHarness('2026-11-24T16:05:00.000Z'); // 00:05 on 11-25 in Shanghai: the 11-28 window has just opened
      const m = await e.join('early-bird', { birthday: '11-28' });
      expect(await e.call('member', 'early-bird', { action: 'subscribe', accepted: ['birthdayGift'] })).toMatchObject({ ok: true });
      expect(await e.call('coupon', 'early-bird', { action: 'claimBirthday' })).toMatchObject({ ok: true, data: { coupon: { couponId: `birthday:${m}:2026` } } });
      e.clock.advance(5 * 60_000);
      expect(await runJobs(e, run('birthday'))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 0, done: true }] } });
      expect(e.cloud.openapi.sent('subscribeMessage.send')).toHaveLength(0);
      expect(e.cloud.db.find('subscriptions', { _id: m })[0]).toMatchObject({ credits: { birthdayGift: 1, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } });
      expect(e.cloud.db.find('coupons', { _id: `birthday:${m}:2026` })[0]).toMatchObject({ status: 'available' });
    });

    it('the tier at the claim decides the gift: an Explorer granted the ¥20 who becomes a Grower claims the ¥50', async () => {
      const m = await h.join('riser', { birthday: '11-28' });
      await runJobs(h, run('birthday'));
      expect(couponDoc(`birthday:${m}:2026`)).toMatchObject({ templateId: 'birthday-explorer', status: 'claimable' });
      expect((await buy(h, 'riser', 100_000)).result).toMatchObject({ tier: 'grower' });
      expect(await h.call('coupon', 'riser', { action: 'birthday' })).toMatchObject({ ok: true, data: { state: 'claimable', gift: { templateId: 'birthday-grower', value: '¥50' } } });
      expect(await h.call('coupon', 'riser', { action: 'claimBirthday' })).toMatchObject({ ok: true, data: { coupon: { couponId: `birthday:${m}:2026`, templateId: 'birthday-grower', name: '成长者生日礼券', value: '¥50' } } });
      expect(h.cloud.db.count('coupons', { memberId: m, channel: 'birthday' })).toBe(1);
    });

    it('claims of a grant racing each other give one coupon', async () => {
      await h.join('racer', { birthday: '11-28' });
      await runJobs(h, run('birthday'));
      const answers = await Promise.all(Array.from({ length: 10 }, () => h.call('coupon', 'racer', { action: 'claimBirthday' })));
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.filter((a) => !a.ok && a.error.code === 'LIMIT_REACHED')).toHaveLength(9);
      expect(h.cloud.db.count('coupons', { channel: 'birthday', status: 'available' })).toBe(1);
    });

    it('on 25 February 2027 opens the 28 February birthdays and the 29 February ones with them', async () => {
      const feb = await createHarness('2027-02-25T02:00:00.000Z');
      const leap = await feb.join('leap', { birthday: '02-29' });
      const eve = await feb.join('eve', { birthday: '02-28' });
      await feb.join('march', { birthday: '03-01' });
      expect(await runJobs(feb, run('birthday'))).toMatchObject({ ok: true, data: { runs: [{ processed: 2, changed: 2 }] } });
      expect(feb.cloud.db.find('coupons', { channel: 'birthday' }).map((c) => c._id).sort()).toEqual([`birthday:${eve}:2027`, `birthday:${leap}:2027`].sort());
    });
  });

  describe('coupon-expiry', () => {
    it('marks the unused coupons whose time has come as expired, and nothing else; a rerun changes nothing', async () => {
      const m = await h.join('holder');
      const other = await h.join('other');
      expect(await h.call('coupon', 'holder', { action: 'claim', templateId: 'winter-300-50' })).toMatchObject({ ok: true });
      expect(await h.call('coupon', 'holder', { action: 'claim', templateId: 'winter-300-50' })).toMatchObject({ ok: true });
      await buy(h, 'holder', 30_000, { couponIds: [`winter-300-50:${m}:2`] });
      // winter-300-50 ends 2026-12-10 (the used one stays used), the second-item coupon 2026-11-28, the welcomes 2026-12-25
      h.clock.set('2026-12-10T15:59:59.000Z');
      expect(await runJobs(h, run('coupon-expiry'))).toEqual({ ok: true, data: { runs: [{ job: 'coupon-expiry', runDate: '2026-12-10', processed: 1, changed: 1, done: true, failed: false }] } });
      expect(couponDoc(`second-item-half:${m}:once`)).toMatchObject({ status: 'expired' });
      expect(couponDoc(`winter-300-50:${m}:1`)).toMatchObject({ status: 'available' });

      h.clock.set('2026-12-11T01:00:00.000Z');
      expect(await runJobs(h, run('coupon-expiry'))).toMatchObject({ ok: true, data: { runs: [{ runDate: '2026-12-11', processed: 1, changed: 1 }] } });
      expect(couponDoc(`winter-300-50:${m}:1`)).toMatchObject({ status: 'expired' });
      expect(couponDoc(`winter-300-50:${m}:2`)).toMatchObject({ status: 'used' });
      expect(couponDoc(`welcome-80:${m}:once`)).toMatchObject({ status: 'available' });
      expect(couponDoc(`welcome-80:${other}:once`)).toMatchObject({ status: 'available' });
      expect(await runJobs(h, run('coupon-expiry', { restart: true }))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0, done: true }] } });

      h.clock.set('2026-12-26T01:00:00.000Z');
      expect(await runJobs(h, run('coupon-expiry'))).toMatchObject({ ok: true, data: { runs: [{ processed: 2, changed: 2 }] } });
      const tabs = await h.call('coupon', 'holder', { action: 'list', status: 'expired' });
      expect(tabs).toMatchObject({ ok: true, data: { counts: { available: 0, used: 1, expired: 3 } } });
      expect(tabs.ok && tabs.data.coupons.map((c: { couponId: string; endedReason: string }) => [c.couponId, c.endedReason])).toEqual([
        [`welcome-80:${m}:once`, '已过期'],
        [`winter-300-50:${m}:1`, '已过期'],
        [`second-item-half:${m}:once`, '已过期'],
      ]);
    });

    it('leaves a birthday grant nobody claimed alone', async () => {
      await h.join('nov', { birthday: '11-28' });
      await runJobs(h, run('birthday'));
      h.clock.set('2027-01-10T02:00:00.000Z');
      await runJobs(h, run('coupon-expiry'));
      expect(h.cloud.db.count('coupons', { channel: 'birthday', status: 'claimable' })).toBe(1);
    });

    it('works through more than one batch: 110 coupons ending, 100 then 10', async () => {
      await Promise.all(Array.from({ length: 110 }, (_, i) => h.join(`many-${i}`)));
      h.clock.set('2026-12-26T01:00:00.000Z');
      expect(await runJobs(h, run('coupon-expiry', { maxBatches: 1 }))).toMatchObject({ ok: true, data: { runs: [{ processed: 100, changed: 100, done: false }] } });
      expect(await runJobs(h, run('coupon-expiry'))).toMatchObject({ ok: true, data: { runs: [{ processed: 110, changed: 110, done: true }] } });
      expect(h.cloud.db.count('coupons', { status: 'expired' })).toBe(110);
    });
  });

  describe('coupon-reminders', () => {
    it('one message per member per expiry day within 3 days, naming the coupons, only with a credit, which it spends; never twice', async () => {
      const fan = await h.join('fan', { marketingOptIn: true });
      await h.join('silent', { marketingOptIn: true });
      await subscribe('fan', 'couponExpiring', 3);
      // both the welcome and the ¥5 end at 2026-12-25 24:00 in Shanghai: 3 days before is 12-22 24:00
      h.clock.set('2026-12-22T15:59:59.000Z');
      expect(await runJobs(h, run('coupon-reminders'))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
      h.clock.set('2026-12-23T02:00:00.000Z');
      expect(await runJobs(h, run('coupon-reminders'))).toEqual({ ok: true, data: { runs: [{ job: 'coupon-reminders', runDate: '2026-12-23', processed: 4, changed: 1, done: true, failed: false }] } });
      expect(sent().map((c) => c.data)).toEqual([
        {
          touser: 'fan',
          templateId: 'styleclub-dev-coupon-expiring',
          page: 'packages/coupons/index',
          data: { thing1: { value: '订阅福利券等2张券' }, date2: { value: '2026-12-25' }, thing3: { value: '券即将过期，出示会员码即可使用' } },
          miniprogramState: 'formal',
        },
      ]);
      expect(await credits('fan')).toMatchObject({ couponExpiring: 2 });
      expect(h.cloud.db.find('messages', { memberId: fan })).toEqual([expect.objectContaining({ _id: `couponExpiring:${fan}:20261225`, status: 'sent' })]);

      await runJobs(h, run('coupon-reminders', { restart: true }));
      h.clock.advance(DAY);
      await runJobs(h, run('coupon-reminders'));
      h.clock.advance(DAY);
      await runJobs(h, run('coupon-reminders'));
      expect(sent()).toHaveLength(1);
      expect(await credits('fan')).toMatchObject({ couponExpiring: 2 });
    });

    it('coupons ending on two days make two messages while credits last, the first ending first', async () => {
      const m = await h.join('busy');
      await subscribe('busy', 'couponExpiring');
      expect(await h.call('coupon', 'busy', { action: 'claim', templateId: 'winter-300-50' })).toMatchObject({ ok: true });
      // a first order on 12-08 10:00 brings the second-item coupon, ending 12-11 10:00; the winter coupon ends 12-10 24:00
      h.clock.set('2026-12-08T02:00:00.000Z');
      await buy(h, 'busy', 10_000);
      h.clock.set('2026-12-08T03:00:00.000Z');
      expect(await runJobs(h, run('coupon-reminders'))).toMatchObject({ ok: true, data: { runs: [{ processed: 2, changed: 1 }] } });
      expect(sent().map((c) => c.data.data.thing1!.value)).toEqual(['冬装满减券']);
      await subscribe('busy', 'couponExpiring');
      // the next day the 72 h coupon is still in the first half of its life: not yet reminded of
      h.clock.advance(DAY);
      expect(await runJobs(h, run('coupon-reminders'))).toMatchObject({ ok: true, data: { runs: [{ processed: 2, changed: 0 }] } });
      h.clock.advance(DAY);
      expect(await runJobs(h, run('coupon-reminders'))).toMatchObject({ ok: true, data: { runs: [{ processed: 2, changed: 1 }] } });
      expect(sent().map((c) => [c.data.data.thing1!.value, c.data.data.date2!.value])).toEqual([
        ['冬装满减券', '2026-12-10'],
        ['第二件半价券', '2026-12-11'],
      ]);
      expect(h.cloud.db.find('messages', { memberId: m }).map((x) => x._id).sort()).toEqual([`couponExpiring:${m}:20261210`, `couponExpiring:${m}:20261211`]);
    });

    it('does not remind of used coupons, nor of a first-order coupon the member can no longer use', async () => {
      const m = await h.join('done', { marketingOptIn: true });
      await subscribe('done', 'couponExpiring', 2);
      await buy(h, 'done', 10_000, { couponIds: [`marketing-opt-in-5:${m}:once`] });
      // the welcome coupon ended with the first order: it shows as 已过期 and must not be advertised as expiring
      h.clock.set('2026-12-23T02:00:00.000Z');
      await runJobs(h, run('coupon-reminders'));
      expect(sent()).toHaveLength(0);
      expect(await credits('done')).toMatchObject({ couponExpiring: 2 });
    });
  });

  describe('win-back', () => {
    it('issues the 好久不见券 30 days after the last order, once, and marks the member', async () => {
      const m = await h.join('lapsed');
      await buy(h, 'lapsed', 10_000);
      expect(memberDoc(h, m)).toMatchObject({ lastOrderAt: new Date(START), winBackDueAt: new Date(at(30 * DAY)), lastWinBackAt: null });
      h.clock.set(at(30 * DAY - 1_000));
      expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
      h.clock.set(at(30 * DAY));
      expect(await runJobs(h, run('win-back', { restart: true }))).toEqual({ ok: true, data: { runs: [{ job: 'win-back', runDate: '2026-12-25', processed: 1, changed: 1, done: true, failed: false }] } });
      const id = `win-back-30:${m}:20261125`;
      expect(couponDoc(id)).toMatchObject({ memberId: m, templateId: 'win-back-30', channel: 'winBack', status: 'available', issuedAt: new Date(at(30 * DAY)), validUntil: new Date('2027-01-08T16:00:00.000Z') });
      expect(memberDoc(h, m)).toMatchObject({ lastWinBackAt: new Date(at(30 * DAY)), winBackDueAt: null });
      const wallet = await h.call('coupon', 'lapsed', { action: 'list', status: 'available' });
      expect(wallet).toMatchObject({ ok: true, data: { coupons: [{ couponId: id, name: '好久不见券', value: '¥30', rule: '满¥199可用', validityText: '2027-01-08 23:59 前有效' }] } });

      expect(await runJobs(h, run('win-back', { restart: true }))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
      for (const day of [31, 60, 200]) {
        h.clock.set(at(day * DAY));
        expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
      }
      expect(h.cloud.db.count('coupons', { templateId: 'win-back-30' })).toBe(1);
    });

    it('leaves alone members who never bought and members who bought within the 30 days', async () => {
      await h.join('never');
      const regular = await h.join('regular');
      await buy(h, 'regular', 10_000);
      h.clock.set(at(20 * DAY));
      await buy(h, 'regular', 10_000);
      h.clock.set(at(45 * DAY));
      expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
      h.clock.set(at(50 * DAY));
      expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 1 }] } });
      // 30 days after the second purchase (day 20), not the first
      expect(h.cloud.db.find('coupons', { templateId: 'win-back-30' }).map((c) => c._id)).toEqual([`win-back-30:${regular}:20261215`]);
    });

    it('gives a member at most one win-back per 90 days: a purchase after one puts the next off to 90 days after it', async () => {
      const m = await h.join('again');
      await buy(h, 'again', 10_000);
      h.clock.set(at(30 * DAY));
      await runJobs(h, run('win-back'));
      h.clock.set(at(40 * DAY));
      await buy(h, 'again', 10_000);
      // 30 days after that purchase is day 70, but the last win-back was on day 30: the next is due on day 120
      expect(memberDoc(h, m)).toMatchObject({ winBackDueAt: new Date(at(120 * DAY)) });
      h.clock.set(at(70 * DAY));
      expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
      h.clock.set(at(120 * DAY));
      expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 1 }] } });
      expect(h.cloud.db.find('coupons', { templateId: 'win-back-30' }).map((c) => c._id).sort()).toEqual([`win-back-30:${m}:20261125`, `win-back-30:${m}:20270104`]);
      expect(memberDoc(h, m)).toMatchObject({ lastWinBackAt: new Date(at(120 * DAY)), winBackDueAt: null });
    });

    it('a member who bought after falling due and before the job ran is not found, and gets none', async () => {
      const m = await h.join('returning');
      await buy(h, 'returning', 10_000);
      h.clock.set(at(35 * DAY));
      await buy(h, 'returning', 10_000);
      expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 0, changed: 0 }] } });
      expect(memberDoc(h, m)).toMatchObject({ lastWinBackAt: null, winBackDueAt: new Date(at(65 * DAY)) });
    });

    it('a member who buys while the job is issuing their coupon gets none and is not marked: the purchase’s due date stands, and one win-back follows if they lapse again', async () => {
      const m = await h.join('racing');
      await buy(h, 'racing', 10_000);
      h.clock.set(at(30 * DAY));
      // the till order lands between the job reading the member and issuing their coupon
      const Requester = requesterClass();
      const send = Requester.prototype.send;
      let bought: Promise<unknown> | null = null;
      Requester.prototype.send = async function (this: unknown, action: string, params: Record<string, unknown> = {}) {
        if (!bought && action === 'database.insertDocument' && params.collectionName === 'coupons' && String(params.data).includes('win-back-30')) {
          bought = buy(h, 'racing', 10_000);
          await bought;
        }
        return send.call(this, action, params);
      };
      try {
        expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 0, done: true }] } });
      } finally {
        Requester.prototype.send = send;
      }
      expect(bought).not.toBeNull();
      expect(h.cloud.db.count('coupons', { templateId: 'win-back-30' })).toBe(0);
      expect(memberDoc(h, m)).toMatchObject({ lastOrderAt: new Date(at(30 * DAY)), lastWinBackAt: null, winBackDueAt: new Date(at(60 * DAY)) });
      h.clock.set(at(60 * DAY));
      expect(await runJobs(h, run('win-back'))).toMatchObject({ ok: true, data: { runs: [{ processed: 1, changed: 1 }] } });
      expect(h.cloud.db.find('coupons', { templateId: 'win-back-30' }).map((c) => c._id)).toEqual([`win-back-30:${m}:20261225`]);
      expect(memberDoc(h, m)).toMatchObject({ lastWinBackAt: new Date(at(60 * DAY)), winBackDueAt: null });
    });

    it('two runners in parallel issue one win-back per member', async () => {
      const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => h.join(`pair-${i}`)));
      for (let i = 0; i < 20; i += 1) await buy(h, `pair-${i}`, 10_000);
      h.clock.set(at(30 * DAY));
      await Promise.all([runJobs(h, run('win-back')), runJobs(h, run('win-back')), runJobs(h, run('win-back', { restart: true }))]);
      expect(h.cloud.db.count('coupons', { templateId: 'win-back-30' })).toBe(20);
      for (const id of ids) expect(memberDoc(h, id)).toMatchObject({ lastWinBackAt: new Date(at(30 * DAY)), winBackDueAt: null });
    });
  });
});

/** The SDK's database requester (the local cloud's seam), to let a till order land inside a job's batch. */
function requesterClass(): { prototype: { send: (this: unknown, action: string, params?: Record<string, unknown>) => Promise<unknown> } } {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
  return require(path.join(nodeSdkDir, 'dist/utils/tcbdbapirequester.js')).TcbDBApiHttpRequester;
}
