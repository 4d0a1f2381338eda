import { createHarness, type Harness } from '../support/harness';
import { buy } from '../support/pos';

const DAY = 86_400_000;

/** The card as a home page (issue 16): the next tier in one line and the wallet in brief, from two reads. */
describe('the card says where the member stands (member.card next and wallet)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  const card = async (openid: string) => {
    const answer = await h.call('member', openid, { action: 'card' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  };

  it('a new member sees the closest route up in the points page’s words, and the welcome coupon usable at the till', async () => {
    await h.join('newbie');
    const c = await card('newbie');
    const summary = await h.call('points', 'newbie', { action: 'summary' });
    expect(c.next).toEqual(summary.ok && summary.data.progress.next);
    expect(c.next).toMatchObject({ code: 'grower', name: '成长者', text: expect.stringContaining('升级成长者') });
    expect(c.wallet).toEqual({ usable: 1, endingSoon: null, atTill: [{ couponId: expect.stringMatching(/^welcome-80:/), name: '首单8折券' }] });
  });

  it('opting in at the join adds the ¥5, after the welcome coupon at the till (which is only good on this first order)', async () => {
    await h.join('opted', { marketingOptIn: true });
    const c = await card('opted');
    expect(c.wallet.usable).toBe(2);
    expect(c.wallet.atTill.map((x: { name: string }) => x.name)).toEqual(['首单8折券', '订阅福利券']);
  });

  it('after spending ¥399 the line says what is left: 本季度再消费 ¥601 升级成长者; the used welcome coupon leaves the wallet', async () => {
    await h.join('spender');
    await buy(h, 'spender', 39_900);
    const c = await card('spender');
    expect(c.next?.text).toBe('本季度再消费 ¥601 升级成长者');
    expect(c.wallet.atTill.map((x: { name: string }) => x.name)).not.toContain('首单8折券');
  });

  it('names the coupon that ends within 7 days, and not before', async () => {
    await h.join('ending');
    expect((await card('ending')).wallet.endingSoon).toBeNull();
    h.clock.advance(25 * DAY);
    expect((await card('ending')).wallet.endingSoon).toEqual({ name: '首单8折券', endsAt: expect.any(String) });
    h.clock.advance(10 * DAY);
    expect((await card('ending')).wallet).toEqual({ usable: 0, endingSoon: null, atTill: [] });
  });

  it('costs two database requests: the member and one coupons query', async () => {
    await h.join('cheap', { marketingOptIn: true });
    expect((await h.measure('member', 'cheap', { action: 'card' })).requests).toBe(2);
  });
});

describe('the join page learns the join gifts from the templates (member.store gifts)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });

  it('names the welcome coupon for joining and the ¥5 for opting in, each with a short text', async () => {
    const answer = await h.call('member', 'newcomer', { action: 'store', storeId: 'S001' });
    expect(answer).toMatchObject({ ok: true, data: { storeId: 'S001' } });
    const gifts = answer.ok ? answer.data.gifts : [];
    expect(gifts).toEqual([
      { on: 'join', name: '首单8折券', text: expect.stringContaining('8折') },
      { on: 'marketingOptIn', name: '订阅福利券', text: expect.stringContaining('¥5') },
    ]);
    expect(gifts[0].text).toContain('仅限首单');
  });

  it('promises nothing the brand switched off', async () => {
    const t = h.cloud.db.find('couponTemplates', { _id: 'marketing-opt-in-5' })[0]!;
    await h.cloud.db.apply([{ c: 'couponTemplates', id: 'marketing-opt-in-5', doc: { ...t, active: false } }]);
    const answer = await h.call('member', 'newcomer', { action: 'store', storeId: 'S001' });
    expect(answer.ok && answer.data.gifts.map((g: { on: string }) => g.on)).toEqual(['join']);
  });
});
