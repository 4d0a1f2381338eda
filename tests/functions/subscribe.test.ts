import { createHarness, type Harness } from '../support/harness';

const accept = (n = 1) => ({ action: 'subscribe', accepted: Array.from({ length: n }, () => 'pointsExpiring') });

describe('reminder opt-ins (member.subscribe)', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('sub');
  });

  it('gives one send credit per distinct template accepted, however often it is listed', async () => {
    expect(await h.call('member', 'sub', accept())).toEqual({ ok: true, data: { reminders: { pointsExpiring: 1, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } } });
    expect(await h.call('member', 'sub', accept(3))).toEqual({ ok: true, data: { reminders: { pointsExpiring: 2, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } } });
    expect(h.cloud.db.find('subscriptions', { _id: memberId })[0]).toMatchObject({ credits: { pointsExpiring: 2 } });
  });

  it('keeps at most 20 credits per template', async () => {
    for (let i = 0; i < 24; i += 1) await h.call('member', 'sub', accept());
    expect(await h.call('member', 'sub', accept())).toEqual({ ok: true, data: { reminders: { pointsExpiring: 20, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } } });
  });

  it('counts every one of 15 parallel accepts, and stops at 20 of 40', async () => {
    await Promise.all(Array.from({ length: 15 }, () => h.call('member', 'sub', accept())));
    expect(h.cloud.db.find('subscriptions', { _id: memberId })[0]).toMatchObject({ credits: { pointsExpiring: 15 } });
    await h.join('sub-2');
    await Promise.all(Array.from({ length: 40 }, () => h.call('member', 'sub-2', accept())));
    const summary = await h.call('points', 'sub-2', { action: 'summary' });
    expect(summary.ok && summary.data.reminders).toEqual({ pointsExpiring: 20, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 });
  });

  it('refuses an unknown template, an empty list and a stranger', async () => {
    expect(await h.call('member', 'sub', { action: 'subscribe', accepted: ['marketing'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('member', 'sub', { action: 'subscribe', accepted: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('member', 'stranger', accept())).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(h.cloud.db.count('subscriptions', {})).toBe(0);
  });
});
