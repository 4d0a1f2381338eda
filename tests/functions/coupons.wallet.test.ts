import { createHarness, START, type Harness } from '../support/harness';
import { accountProblems, memberDoc, runJobs } from '../support/ledger';
import { buy, deliver, orderBody, tillCode } from '../support/pos';

/** The welcome coupon of a member who joined at START (10:00 on 2026-11-25 in Shanghai), as the wallet shows it. */
const welcomeView = (memberId: string) => ({
  templateId: 'welcome-80',
  name: '首单8折券',
  kind: 'percent',
  value: '8折',
  rule: '全场通用，无门槛',
  notes: ['仅限首单使用', '最多优惠¥300'],
  couponId: `welcome-80:${memberId}:once`,
  status: 'available',
  channel: 'join',
  issuedAt: START,
  validFrom: START,
  // 30 days on, through the end of that day in Shanghai
  validUntil: '2026-12-25T16:00:00.000Z',
  validityText: '2026-12-25 23:59 前有效',
  expiringSoon: false,
  usedAt: null,
  endedReason: null,
});
const optInView = (memberId: string, issuedAt = START, validUntil = '2026-12-25T16:00:00.000Z', validityText = '2026-12-25 23:59 前有效') => ({
  templateId: 'marketing-opt-in-5',
  name: '订阅福利券',
  kind: 'amountOff',
  value: '¥5',
  rule: '无门槛',
  notes: ['可与其他可叠加的券同用'],
  couponId: `marketing-opt-in-5:${memberId}:once`,
  status: 'available',
  channel: 'optIn',
  issuedAt,
  validFrom: issuedAt,
  validUntil,
  validityText,
  expiringSoon: false,
  usedAt: null,
  endedReason: null,
});
const explorerGift = { templateId: 'birthday-explorer', name: '生日礼券', kind: 'amountOff', value: '¥20', rule: '无门槛', notes: ['可与其他可叠加的券同用'] };

type Tab = 'available' | 'used' | 'expired';
async function wallet(h: Harness, openid: string, status: Tab) {
  const answer = await h.call('coupon', openid, { action: 'list', status });
  if (!answer.ok) throw new Error(`list failed: ${JSON.stringify(answer.error)}`);
  // the tab's coupons and every tab's count (what else the answer carries is not this file's subject)
  return { coupons: answer.data.coupons as Array<Record<string, any>>, counts: answer.data.counts as Record<Tab, number> };
}
const ids = (w: { coupons: Array<Record<string, any>> }) => w.coupons.map((c) => c.couponId as string);

describe('the coupon wallet and the coupons members are given', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  describe('the wallet tabs (coupon.list)', () => {
    it('sorts each tab (usable by what ends first, ended ones newest first) and counts every tab', async () => {
      const m = await h.join('w');
      for (const templateId of ['new-arrival-trial', 'winter-300-50']) expect(await h.call('coupon', 'w', { action: 'claim', templateId })).toMatchObject({ ok: true });
      await buy(h, 'w', 30_000, { couponIds: [`new-arrival-trial:${m}:1`] });

      const available = await wallet(h, 'w', 'available');
      expect(ids(available)).toEqual([`second-item-half:${m}:once`, `winter-300-50:${m}:1`]);
      // a 72 h coupon is not "expiring" the moment it is issued: only in the second half of its life
      expect(available.coupons[0]).toMatchObject({ expiringSoon: false, validityText: '2026-11-28 09:59 前有效' });
      expect(available.counts).toEqual({ available: 2, used: 1, expired: 1 });
      expect(await wallet(h, 'w', 'used')).toEqual({
        coupons: [expect.objectContaining({ couponId: `new-arrival-trial:${m}:1`, status: 'used', usedAt: START, validityText: '已于2026-11-25使用' })],
        counts: { available: 2, used: 1, expired: 1 },
      });
      expect(await wallet(h, 'w', 'expired')).toEqual({
        coupons: [{ ...welcomeView(m), status: 'expired', endedReason: '首单已完成，此券已失效', validityText: '完成首单后失效' }],
        counts: { available: 2, used: 1, expired: 1 },
      });

      h.clock.set('2026-12-11T02:00:00.000Z');
      const ended = await wallet(h, 'w', 'expired');
      expect(ids(ended)).toEqual([`welcome-80:${m}:once`, `winter-300-50:${m}:1`, `second-item-half:${m}:once`]);
      expect(ended.coupons.map((c) => c.endedReason)).toEqual(['首单已完成，此券已失效', '已过期', '已过期']);
      expect(ended.counts).toEqual({ available: 0, used: 1, expired: 3 });
      expect(await wallet(h, 'w', 'available')).toEqual({ coupons: [], counts: { available: 0, used: 1, expired: 3 } });
    });

    it('shows a member only their own coupons', async () => {
      const a = await h.join('a');
      const b = await h.join('b');
      expect(ids(await wallet(h, 'a', 'available'))).toEqual([`welcome-80:${a}:once`]);
      expect(ids(await wallet(h, 'b', 'available'))).toEqual([`welcome-80:${b}:once`]);
    });

    it('refuses an unknown tab or field (INVALID_INPUT) and a stranger (NOT_MEMBER)', async () => {
      await h.join('w');
      expect(await h.call('coupon', 'w', { action: 'list', status: 'all' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await h.call('coupon', 'w', { action: 'list' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await h.call('coupon', 'w', { action: 'list', status: 'available', memberId: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await h.call('coupon', 'stranger', { action: 'list', status: 'available' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    });
  });

  describe('the welcome coupon on joining', () => {
    it('gives a new member the 首单8折券, valid through the end of the 30th day in Shanghai', async () => {
      const m = await h.join('newbie');
      expect(await wallet(h, 'newbie', 'available')).toEqual({ coupons: [welcomeView(m)], counts: { available: 1, used: 0, expired: 0 } });
    });

    it('shows it as expiring soon within its last 3 days', async () => {
      const m = await h.join('newbie');
      h.clock.set('2026-12-22T16:00:00.000Z');
      expect((await wallet(h, 'newbie', 'available')).coupons).toEqual([{ ...welcomeView(m), expiringSoon: true }]);
      h.clock.set('2026-12-22T15:59:59.000Z');
      expect((await wallet(h, 'newbie', 'available')).coupons).toEqual([{ ...welcomeView(m), expiringSoon: false }]);
    });

    it('counts the 30 days in Shanghai: a join at 23:30 there is valid to the end of the 30th day after', async () => {
      const late = await createHarness('2026-11-25T15:30:00.000Z');
      const m = await late.join('night-owl');
      expect((await wallet(late, 'night-owl', 'available')).coupons).toEqual([
        expect.objectContaining({ couponId: `welcome-80:${m}:once`, validUntil: '2026-12-25T16:00:00.000Z', validityText: '2026-12-25 23:59 前有效' }),
      ]);
    });

    it('is given once: a repeated join and 10 parallel joins of one shopper leave one welcome coupon', async () => {
      const m = await h.join('twice');
      expect(await h.call('member', 'twice', { action: 'enroll', storeId: 'S001', privacyAccepted: true })).toMatchObject({ ok: true, data: { created: false } });
      const answers = await Promise.all(Array.from({ length: 10 }, () => h.call('member', 'parallel', { action: 'enroll', storeId: 'S001', privacyAccepted: true })));
      const joined = new Set(answers.map((a) => a.ok && a.data.member.memberId));
      expect(joined.size).toBe(1);
      expect(h.cloud.db.count('coupons', { memberId: m })).toBe(1);
      expect(h.cloud.db.count('coupons', { memberId: [...joined][0] })).toBe(1);
      expect(h.cloud.db.count('members', {})).toBe(2);
    });

    it('is not given when the brand has switched it off', async () => {
      const t = h.cloud.db.find('couponTemplates', { _id: 'welcome-80' })[0]!;
      await h.cloud.db.apply([{ c: 'couponTemplates', id: 'welcome-80', doc: { ...t, active: false } }]);
      await h.join('late-comer');
      expect(await wallet(h, 'late-comer', 'available')).toEqual({ coupons: [], counts: { available: 0, used: 0, expired: 0 } });
    });
  });

  describe('the ¥5 for opting in to marketing', () => {
    it('comes with joining when the shopper opts in on the join page', async () => {
      const m = await h.join('fan', { marketingOptIn: true });
      // both issued at once and ending on 12-25: compared in id order
      const coupons = (await wallet(h, 'fan', 'available')).coupons.sort((a, b) => a.couponId.localeCompare(b.couponId));
      expect(coupons).toEqual([optInView(m), welcomeView(m)]);
    });

    it('does not come with joining without the opt-in', async () => {
      await h.join('quiet', { marketingOptIn: false });
      expect(h.cloud.db.count('coupons', { templateId: 'marketing-opt-in-5' })).toBe(0);
    });

    it('comes when a member opts in later (member.consent), once ever: opting out and in again gives no second one', async () => {
      const m = await h.join('later');
      h.clock.advance(3_600_000);
      expect(await h.call('member', 'later', { action: 'consent', marketingOptIn: true })).toMatchObject({ ok: true, data: { marketing: { optIn: true } } });
      const issuedAt = '2026-11-25T03:00:00.000Z';
      // both end on 12-25: the newer first
      expect((await wallet(h, 'later', 'available')).coupons).toEqual([optInView(m, issuedAt), welcomeView(m)]);
      h.clock.advance(3_600_000);
      expect(await h.call('member', 'later', { action: 'consent', marketingOptIn: false })).toMatchObject({ ok: true, data: { marketing: { optIn: false } } });
      // opting out takes nothing back
      expect(ids(await wallet(h, 'later', 'available'))).toContain(`marketing-opt-in-5:${m}:once`);
      h.clock.advance(3_600_000);
      expect(await h.call('member', 'later', { action: 'consent', marketingOptIn: true })).toMatchObject({ ok: true, data: { marketing: { optIn: true } } });
      expect(await h.call('member', 'later', { action: 'consent', marketingOptIn: true })).toMatchObject({ ok: true });
      expect(h.cloud.db.find('coupons', { templateId: 'marketing-opt-in-5' })).toEqual([expect.objectContaining({ _id: `marketing-opt-in-5:${m}:once`, issuedAt: new Date(issuedAt) })]);
    });

    it('is not given again after it was used', async () => {
      const m = await h.join('fan', { marketingOptIn: true });
      await buy(h, 'fan', 10_000, { couponIds: [`marketing-opt-in-5:${m}:once`] });
      await h.call('member', 'fan', { action: 'consent', marketingOptIn: false });
      await h.call('member', 'fan', { action: 'consent', marketingOptIn: true });
      expect(h.cloud.db.find('coupons', { templateId: 'marketing-opt-in-5' })).toEqual([expect.objectContaining({ status: 'used' })]);
      expect(ids(await wallet(h, 'fan', 'used'))).toEqual([`marketing-opt-in-5:${m}:once`]);
    });

    it('10 parallel opt-ins give one', async () => {
      await h.join('eager');
      const answers = await Promise.all(Array.from({ length: 10 }, () => h.call('member', 'eager', { action: 'consent', marketingOptIn: true })));
      expect(answers.every((a) => a.ok)).toBe(true);
      expect(h.cloud.db.count('coupons', { templateId: 'marketing-opt-in-5' })).toBe(1);
    });
  });

  describe('the birthday gift (coupon.birthday, coupon.claimBirthday)', () => {
    const birthday = (openid: string) => h.call('coupon', openid, { action: 'birthday' });
    const claimBirthday = (openid: string) => h.call('coupon', openid, { action: 'claimBirthday' });

    it('noBirthday: a member without one is asked to fill it in', async () => {
      await h.join('nobody');
      expect(await birthday('nobody')).toEqual({ ok: true, data: { state: 'noBirthday', birthday: null, window: null, gift: null, coupon: null } });
      expect(await claimBirthday('nobody')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '请先在「我的」里填写生日' } });
    });

    it('outside: NOT_CLAIMABLE, naming the day the next window opens', async () => {
      await h.join('may', { birthday: '05-20' });
      expect(await birthday('may')).toEqual({ ok: true, data: { state: 'outside', birthday: '05-20', window: null, gift: null, coupon: null } });
      expect(await claimBirthday('may')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '生日礼券在生日前3天至生日后7天内领取，下次可领：2027-05-17 起' } });
      expect(h.cloud.db.count('coupons', { channel: 'birthday' })).toBe(0);
    });

    it('claimable, then claimed: one per birthday year (LIMIT_REACHED), and again next year', async () => {
      const m = await h.join('nov', { birthday: '11-28' });
      const window = { birthdayOn: '2026-11-28', opensAt: '2026-11-24T16:00:00.000Z', closesAt: '2026-12-05T16:00:00.000Z' };
      expect(await birthday('nov')).toEqual({ ok: true, data: { state: 'claimable', birthday: '11-28', window, gift: explorerGift, coupon: null } });
      const coupon = {
        ...explorerGift,
        couponId: `birthday:${m}:2026`,
        status: 'available',
        channel: 'birthday',
        issuedAt: START,
        validFrom: START,
        validUntil: '2026-12-25T16:00:00.000Z',
        validityText: '2026-12-25 23:59 前有效',
        expiringSoon: false,
        usedAt: null,
        endedReason: null,
      };
      expect(await claimBirthday('nov')).toEqual({ ok: true, data: { coupon } });
      expect(await birthday('nov')).toEqual({ ok: true, data: { state: 'claimed', birthday: '11-28', window, gift: explorerGift, coupon } });
      expect(ids(await wallet(h, 'nov', 'available')).sort()).toEqual([`birthday:${m}:2026`, `welcome-80:${m}:once`]);
      h.clock.advance(2 * 86_400_000);
      expect(await claimBirthday('nov')).toEqual({ ok: false, error: { code: 'LIMIT_REACHED', message: '2026年的生日礼券已领取' } });
      expect(h.cloud.db.count('coupons', { channel: 'birthday' })).toBe(1);

      h.clock.set('2027-11-27T02:00:00.000Z');
      expect(await claimBirthday('nov')).toMatchObject({ ok: true, data: { coupon: { couponId: `birthday:${m}:2027` } } });
    });

    it('10 parallel claims give one gift', async () => {
      await h.join('nov', { birthday: '11-28' });
      const answers = await Promise.all(Array.from({ length: 10 }, () => claimBirthday('nov')));
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.filter((a) => !a.ok && a.error.code === 'LIMIT_REACHED')).toHaveLength(9);
      expect(h.cloud.db.count('coupons', { channel: 'birthday' })).toBe(1);
    });

    it('opens at 00:00 in Shanghai 3 days before and closes after the 7th day after, to the millisecond', async () => {
      // birthday 11-29: the window is 11-26 00:00 to 12-06 24:00 in Shanghai
      await h.join('edge', { birthday: '11-29' });
      h.clock.set('2026-11-25T15:59:59.999Z');
      expect(await birthday('edge')).toMatchObject({ ok: true, data: { state: 'outside' } });
      expect(await claimBirthday('edge')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '生日礼券在生日前3天至生日后7天内领取，下次可领：2026-11-26 起' } });
      h.clock.set('2026-11-25T16:00:00.000Z');
      expect(await birthday('edge')).toMatchObject({ ok: true, data: { state: 'claimable', window: { birthdayOn: '2026-11-29', opensAt: '2026-11-25T16:00:00.000Z', closesAt: '2026-12-06T16:00:00.000Z' } } });
      h.clock.set('2026-12-06T15:59:59.999Z');
      expect(await birthday('edge')).toMatchObject({ ok: true, data: { state: 'claimable' } });
      h.clock.set('2026-12-06T16:00:00.000Z');
      expect(await birthday('edge')).toMatchObject({ ok: true, data: { state: 'outside' } });
      expect(await claimBirthday('edge')).toEqual({ ok: false, error: { code: 'NOT_CLAIMABLE', message: '生日礼券在生日前3天至生日后7天内领取，下次可领：2027-11-26 起' } });
      h.clock.set('2026-12-06T15:59:59.999Z');
      expect(await claimBirthday('edge')).toMatchObject({ ok: true });
    });

    it('the tier decides the gift: ¥20 for an Explorer, ¥50 for a Grower, ¥100 for a Loyal member', async () => {
      await h.join('explorer', { birthday: '11-27' });
      await h.join('grower', { birthday: '11-27' });
      await h.join('loyal', { birthday: '11-27' });
      await buy(h, 'grower', 100_000);
      await buy(h, 'loyal', 300_001);
      const gifts = [];
      for (const openid of ['explorer', 'grower', 'loyal']) {
        const b = await birthday(openid);
        const c = await claimBirthday(openid);
        gifts.push([b.ok && b.data.gift.name, c.ok && c.data.coupon.templateId, c.ok && c.data.coupon.value]);
      }
      expect(gifts).toEqual([
        ['生日礼券', 'birthday-explorer', '¥20'],
        ['成长者生日礼券', 'birthday-grower', '¥50'],
        ['忠诚者生日礼券', 'birthday-loyal', '¥100'],
      ]);
    });

    it('a 29 February birthday is kept on 28 February in 2027', async () => {
      const feb = await createHarness('2027-02-24T16:00:00.000Z'); // 00:00 on 25 February in Shanghai
      const m = await feb.join('leap', { birthday: '02-29' });
      expect(await feb.call('coupon', 'leap', { action: 'birthday' })).toEqual({
        ok: true,
        data: { state: 'claimable', birthday: '02-29', window: { birthdayOn: '2027-02-28', opensAt: '2027-02-24T16:00:00.000Z', closesAt: '2027-03-07T16:00:00.000Z' }, gift: explorerGift, coupon: null },
      });
      expect(await feb.call('coupon', 'leap', { action: 'claimBirthday' })).toMatchObject({ ok: true, data: { coupon: { couponId: `birthday:${m}:2027` } } });
      feb.clock.set('2027-02-24T15:59:59.999Z');
      expect(await feb.call('coupon', 'leap', { action: 'birthday' })).toMatchObject({ ok: true, data: { state: 'outside' } });
    });

    it('around New Year the birthday’s own year counts: a 30 December birthday claimed on 5 January is that December’s gift', async () => {
      const jan = await createHarness('2027-01-05T02:00:00.000Z');
      const m = await jan.join('dec', { birthday: '12-30' });
      expect(await jan.call('coupon', 'dec', { action: 'birthday' })).toMatchObject({ ok: true, data: { state: 'claimable', window: { birthdayOn: '2026-12-30' } } });
      expect(await jan.call('coupon', 'dec', { action: 'claimBirthday' })).toMatchObject({ ok: true, data: { coupon: { couponId: `birthday:${m}:2026` } } });
      jan.clock.set('2027-12-28T02:00:00.000Z');
      expect(await jan.call('coupon', 'dec', { action: 'claimBirthday' })).toMatchObject({ ok: true, data: { coupon: { couponId: `birthday:${m}:2027` } } });
    });

    it('NOT_MEMBER for a stranger', async () => {
      expect(await birthday('stranger')).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
      expect(await claimBirthday('stranger')).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    });
  });

  describe('points rewards (points.rewards, points.redeem)', () => {
    const rewards = [
      { templateId: 'reward-20', name: '¥20无门槛券', kind: 'amountOff', value: '¥20', rule: '无门槛', notes: [], rewardId: 'reward-20', pointsCost: 500, validityText: '兑换后30天内有效' },
      { templateId: 'reward-new-arrival-trial', name: '积分专享试穿券', kind: 'amountOff', value: '¥100', rule: '满¥399可用', notes: [], rewardId: 'reward-new-arrival-trial', pointsCost: 1_500, validityText: '兑换后30天内有效' },
    ];

    it('lists what points buy, with their cost and the member’s balance', async () => {
      await h.join('saver');
      expect(await h.call('points', 'saver', { action: 'rewards' })).toEqual({ ok: true, data: { rewards, balance: 0 } });
      await buy(h, 'saver', 62_000);
      expect(await h.call('points', 'saver', { action: 'rewards' })).toEqual({ ok: true, data: { rewards, balance: 620 } });
    });

    it('a redeem spends the points and puts the coupon in the wallet; too few points is INSUFFICIENT_POINTS with nothing written', async () => {
      const m = await h.join('saver');
      await buy(h, 'saver', 62_000);
      expect(await h.call('points', 'saver', { action: 'redeem', rewardId: 'reward-new-arrival-trial' })).toEqual({
        ok: false,
        error: { code: 'INSUFFICIENT_POINTS', message: '1500 points are needed, 620 are available' },
      });
      const answer = await h.call('points', 'saver', { action: 'redeem', rewardId: 'reward-20', requestId: 'tap-000000001' });
      expect(answer).toEqual({
        ok: true,
        data: {
          coupon: {
            templateId: 'reward-20',
            name: '¥20无门槛券',
            kind: 'amountOff',
            value: '¥20',
            rule: '无门槛',
            notes: [],
            couponId: `reward-20:${m}:rtap-000000001`,
            status: 'available',
            channel: 'reward',
            issuedAt: START,
            validFrom: START,
            validUntil: '2026-12-25T16:00:00.000Z',
            validityText: '2026-12-25 23:59 前有效',
            expiringSoon: false,
            usedAt: null,
            endedReason: null,
          },
          balance: 120,
          spent: 500,
        },
      });
      expect(ids(await wallet(h, 'saver', 'available'))).toContain(`reward-20:${m}:rtap-000000001`);
      expect(await h.call('points', 'saver', { action: 'history', limit: 1 })).toMatchObject({ ok: true, data: { lines: [{ kind: 'redeem', points: -500, title: '积分兑换', detail: '兑换¥20无门槛券', balanceAfter: 120 }] } });
      expect(accountProblems(h, m)).toEqual([]);
      // a retry of that tap, after points changed meanwhile, answers what the first one did
      await buy(h, 'saver', 10_000);
      expect(await h.call('points', 'saver', { action: 'redeem', rewardId: 'reward-20', requestId: 'tap-000000001' })).toEqual(answer);
    });

    it('refuses a claim-centre or unknown template as a reward (NOT_FOUND), a bad requestId (INVALID_INPUT) and a stranger (NOT_MEMBER)', async () => {
      await h.join('saver');
      await buy(h, 'saver', 62_000);
      expect(await h.call('points', 'saver', { action: 'redeem', rewardId: 'new-arrival-trial' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await h.call('points', 'saver', { action: 'redeem', rewardId: 'no-such-reward' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await h.call('points', 'saver', { action: 'redeem', rewardId: 'reward-20', requestId: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await h.call('points', 'saver', { action: 'redeem', rewardId: 'REWARD-20' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'rewardId: rewardId is 1–48 lowercase letters, digits or "-"' } });
      expect(await h.call('points', 'saver', { action: 'redeem', rewardId: 'reward-20', points: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await h.call('points', 'stranger', { action: 'redeem', rewardId: 'reward-20' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
      expect(await h.call('points', 'stranger', { action: 'rewards' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
      expect(h.cloud.db.count('coupons', { channel: 'reward' })).toBe(0);
      expect(await h.call('points', 'saver', { action: 'rewards' })).toMatchObject({ ok: true, data: { balance: 620 } });
    });
  });

  describe('the member’s own data', () => {
    it('member.export includes every coupon the member holds or held, as the wallet shows them', async () => {
      const m = await h.join('keeper', { marketingOptIn: true, birthday: '11-28' });
      await h.call('coupon', 'keeper', { action: 'claim', templateId: 'winter-300-50' });
      await buy(h, 'keeper', 30_000, { couponIds: [`winter-300-50:${m}:1`] });
      const exported = await h.call('member', 'keeper', { action: 'export' });
      if (!exported.ok) throw new Error(`export failed: ${JSON.stringify(exported.error)}`);
      const all = [...(await wallet(h, 'keeper', 'available')).coupons, ...(await wallet(h, 'keeper', 'used')).coupons, ...(await wallet(h, 'keeper', 'expired')).coupons];
      const byId = (a: Record<string, any>, b: Record<string, any>) => String(a.couponId).localeCompare(String(b.couponId));
      expect([...exported.data.coupons].sort(byId)).toEqual([...all].sort(byId));
      expect(exported.data.coupons.map((c: { couponId: string }) => c.couponId).sort()).toEqual(
        [`marketing-opt-in-5:${m}:once`, `second-item-half:${m}:once`, `welcome-80:${m}:once`, `winter-300-50:${m}:1`].sort(),
      );
      expect(exported.data.reminders).toEqual({ pointsExpiring: 0, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 });
    });

    it('member.export leaves out a birthday gift not yet claimed: it is not a coupon the member holds', async () => {
      // the job opens the gifts of birthdays 3 days ahead: 11-28 at START
      await h.join('keeper', { birthday: '11-28' });
      expect(await runJobs(h, { action: 'run', job: 'birthday' })).toMatchObject({ ok: true, data: { runs: [{ changed: 1 }] } });
      expect(h.cloud.db.count('coupons', { status: 'claimable' })).toBe(1);
      const exported = await h.call('member', 'keeper', { action: 'export' });
      expect(exported.ok && exported.data.coupons.map((c: { templateId: string }) => c.templateId)).toEqual(['welcome-80']);
    });

    it('member.delete removes the member’s coupons and nobody else’s; a shopper who comes back is a new member but not a new claimant of the once-ever offers', async () => {
      const leaver = await h.join('leaver', { marketingOptIn: true, birthday: '11-28' });
      const stayer = await h.join('stayer');
      await h.call('coupon', 'leaver', { action: 'claim', templateId: 'new-arrival-trial' });
      await h.call('coupon', 'leaver', { action: 'claimBirthday' });
      await h.call('points', 'leaver', { action: 'rewards' });
      expect(h.cloud.db.count('coupons', { memberId: leaver })).toBe(4);
      expect(await h.call('member', 'leaver', { action: 'delete', confirm: true })).toEqual({ ok: true, data: { deleted: true } });
      expect(h.cloud.db.count('coupons', { memberId: leaver })).toBe(0);
      expect(h.cloud.db.count('coupons', { memberId: stayer })).toBe(1);
      expect(await h.call('coupon', 'leaver', { action: 'list', status: 'available' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
      // what stays names nobody: a digest of the openid, the once-ever templates used, claim counts and birthday years
      const [former] = h.cloud.db.find('formerUse', {});
      expect(former).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{32}$/), once: ['marketing-opt-in-5', 'welcome-80'].sort(), claims: { 'new-arrival-trial': 1 }, birthdayYears: [2026], memberships: [expect.stringMatching(/^[0-9a-f]{32}$/)], updatedAt: expect.any(Date) });
      expect(JSON.stringify(former)).not.toContain('leaver');
      expect(JSON.stringify(former)).not.toContain(leaver);
      const back = await h.join('leaver', { marketingOptIn: true, birthday: '11-28' });
      expect(back).not.toBe(leaver);
      // no second welcome or opt-in ¥5, the campaign's 1 per member is used, this year's birthday gift was had
      expect(ids(await wallet(h, 'leaver', 'available'))).toEqual([]);
      expect(await h.call('coupon', 'leaver', { action: 'claim', templateId: 'new-arrival-trial' })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      expect(await h.call('coupon', 'leaver', { action: 'center' })).toMatchObject({ ok: true, data: { templates: expect.arrayContaining([expect.objectContaining({ templateId: 'new-arrival-trial', state: 'claimed', limit: { perMember: 1, claimed: 1 } })]) } });
      expect(await h.call('coupon', 'leaver', { action: 'birthday' })).toMatchObject({ ok: true, data: { state: 'claimed', coupon: null } });
      expect(await h.call('coupon', 'leaver', { action: 'claimBirthday' })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      // the unlimited-stock campaign with 2 per member is still theirs to claim, and a stranger is unaffected
      expect(await h.call('coupon', 'leaver', { action: 'claim', templateId: 'winter-300-50' })).toMatchObject({ ok: true });
      expect(ids(await wallet(h, 'stayer', 'available'))).toEqual([`welcome-80:${stayer}:once`]);
    });

    it('a shopper who leaves before their first order and comes back does not get the second-item coupon twice either', async () => {
      const first = await h.join('twice');
      const code = await tillCode(h, 'twice');
      expect(await deliver(h, 'orders', orderBody(h, code, 20_000))).toMatchObject({ status: 200 });
      expect(h.cloud.db.count('coupons', { memberId: first, templateId: 'second-item-half' })).toBe(1);
      await h.call('member', 'twice', { action: 'delete', confirm: true });
      const again = await h.join('twice');
      expect(await deliver(h, 'orders', orderBody(h, await tillCode(h, 'twice'), 20_000))).toMatchObject({ status: 200 });
      expect(h.cloud.db.count('coupons', { memberId: again, templateId: 'second-item-half' })).toBe(0);
      expect(memberDoc(h, again).firstOrderAt).not.toBeNull();
    });
  });
});
