import { recordSettledReferral } from '../../cloudfunctions/functions/jobs/settledReferral';
import { database } from '../../cloudfunctions/platform/cloud';
import { createHarness, type Harness } from '../support/harness';
import { buy } from '../support/pos';

/** The hook the referral issue calls when a referral settles: it counts towards 忠诚者. */
describe('settled referrals and the tiers (the referral hook)', () => {
  let h: Harness;
  let memberId: string;
  beforeEach(async () => {
    h = await createHarness();
    memberId = await h.join('inviter');
  });
  const settle = (key: string, at = h.clock.now()) => h.cloud.call(null, () => recordSettledReferral(database(), memberId, key, at, h.clock.now())).then((c) => c.result);
  const card = async () => { const a = await h.call('member', 'inviter', { action: 'card' }); return a.ok ? a.data : a; };

  it('a third settled referral makes the member 忠诚者 at once', async () => {
    expect(await settle('ref-1')).toEqual({ tier: 'explorer', tierChanged: false, settledReferrals: 1 });
    expect(await settle('ref-2')).toEqual({ tier: 'explorer', tierChanged: false, settledReferrals: 2 });
    expect(await settle('ref-3')).toEqual({ tier: 'loyal', tierChanged: true, settledReferrals: 3 });
    expect(await card()).toMatchObject({ tier: 'loyal', tierName: '忠诚者' });
    expect(await h.call('points', 'inviter', { action: 'summary' })).toMatchObject({
      ok: true,
      data: { tier: { keptUntil: '2027-11-25T02:00:00.000Z' }, progress: { settledReferrals: 3 } },
    });
  });

  it('settling one referral twice, even in parallel, counts it once', async () => {
    await Promise.all([settle('ref-1'), settle('ref-1'), settle('ref-1')]);
    expect(await settle('ref-1')).toEqual({ tier: 'explorer', tierChanged: false, settledReferrals: 1 });
  });

  it('referrals settled more than 12 months ago do not count', async () => {
    await settle('old-1', new Date('2025-10-01T00:00:00Z'));
    await settle('old-2', new Date('2025-10-02T00:00:00Z'));
    expect(await settle('ref-3')).toEqual({ tier: 'explorer', tierChanged: false, settledReferrals: 1 });
  });

  it('lines up with the member’s till orders: points and tier both land', async () => {
    await Promise.all([settle('ref-1'), buy(h, 'inviter', 39_900), settle('ref-2'), settle('ref-3')]);
    expect(await card()).toMatchObject({ tier: 'loyal', points: 399 });
  });

  it('answers null for a member who left', async () => {
    await h.call('member', 'inviter', { action: 'delete', confirm: true });
    expect(await settle('ref-1')).toBeNull();
  });
});
