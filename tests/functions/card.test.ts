import { createHarness, type Harness } from '../support/harness';

describe('the member card (member.card)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('shows memberId, tier, points, nickname, avatar, home store and member since', async () => {
    const memberId = await h.join('card-1', { nickname: 'Mia', avatar: 'cloud://env-1/avatars/mia.png' });
    const card = await h.call('member', 'card-1', { action: 'card' });
    expect(card).toEqual({
      ok: true,
      data: {
        memberId,
        tier: 'explorer',
        tierName: '探索者',
        points: 0,
        nickname: 'Mia',
        avatar: 'cloud://env-1/avatars/mia.png',
        homeStore: { storeId: 'S001', name: '悦衣库 上海静安店' },
        memberSince: '2026-11-25T02:00:00.000Z',
        next: { code: 'grower', name: '成长者', text: expect.stringContaining('升级成长者'), ratio: 0 },
        wallet: { usable: 1, endingSoon: null, atTill: [{ couponId: expect.stringMatching(/^welcome-80:/), name: '首单8折券' }] },
      },
    });
  });

  it('answers NOT_MEMBER to a shopper who has not joined', async () => {
    expect(await h.call('member', 'stranger', { action: 'card' })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });

  it('never shows one shopper the card of another, whatever the request says', async () => {
    await h.join('alice', { nickname: 'Alice' });
    await h.join('bob', { nickname: 'Bob' });
    const asBob = await h.call('member', 'bob', { action: 'card' });
    expect(asBob.ok && asBob.data.nickname).toBe('Bob');
    const sneaky = await h.call('member', 'bob', { action: 'card', openid: 'alice' });
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const withUserInfo = await h.call('member', 'bob', { action: 'card', userInfo: { openId: 'alice', appId: 'wx' } });
    expect(withUserInfo.ok && withUserInfo.data.nickname).toBe('Bob');
  });

  it('costs two database requests (the member, then their available coupons)', async () => {
    await h.join('cheap');
    expect((await h.measure('member', 'cheap', { action: 'card' })).requests).toBe(2);
  });
});
