import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ActionOutput, CouponView, WalletStatus } from '../../../cloudfunctions/contract';
import { withText } from '../../../tests/ui/support/dom';
import { coupon, type CouponAnswers, fail, listOf, ok, programCoupons, WELCOME } from '../../../tests/ui/support/coupons';
import { programSubscribe, pullDownRefresh, recorded, resetTaro, setRouterParams, showPage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import WalletPage from './index';

type List = ActionOutput<'coupon', 'list'>;
const COUNTS = { available: 2, used: 1, expired: 3 };
const WALLET: Record<WalletStatus, CouponView[]> = {
  available: [WELCOME, coupon('trial:m1:1')],
  used: [coupon('trial:m1:0', { status: 'used', validityText: '已于2026-11-21使用', usedAt: '2026-11-21T04:00:00.000Z' })],
  expired: [
    coupon('winback:m1:1', { name: '好久不见券', status: 'expired', endedReason: '已过期', validityText: '已于2026-10-31 23:59过期' }),
    coupon('welcome-80:m1:old', { name: '首单8折券', status: 'expired', endedReason: '首单已完成，此券已失效', validityText: '完成首单后失效' }),
    coupon('optin:m1:1', { name: '订阅福利券', status: 'expired', endedReason: '已过期', validityText: '已于2026-11-20 23:59过期' }),
  ],
};
const byTab = (data: Record<string, unknown>) => ok(listOf(WALLET[data.status as WalletStatus], COUNTS));

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const tab = (root: ParentNode, status: WalletStatus) => root.querySelector(`.wallet-tabs__tab[data-status="${status}"]`) as HTMLElement;
const names = (root: ParentNode) => Array.from(root.querySelectorAll('.coupon-ticket__name'), (n) => n.textContent);

async function open(answers: CouponAnswers = {}, member = {}) {
  programCoupons({ list: byTab, ...answers }, member);
  const view = render(<WalletPage />);
  await waitFor(() => expect(view.container.querySelector('.wallet__list, .wallet__empty')).not.toBeNull());
  return view;
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('the wallet’s tabs', () => {
  it('opens on 可使用 and every tab shows how many coupons it holds', async () => {
    const { container } = await open();
    expect(Array.from(container.querySelectorAll('.wallet-tabs__tab'), (t) => t.textContent)).toEqual(['可使用(2)', '已使用(1)', '已过期(3)']);
    expect(tab(container, 'available').getAttribute('aria-selected')).toBe('true');
    expect(calls('list')).toEqual([{ action: 'list', status: 'available' }]);
    expect(names(container)).toEqual(['首单8折券', '新品试穿券']);
    expect(container.querySelector('.coupon-ticket__soon')?.textContent).toBe('即将过期');
  });

  it('switching tabs reads that tab; its coupons show once they arrive, the counts stay meanwhile', async () => {
    let release: () => void = () => undefined;
    const { container } = await open({
      list: (data) => (data.status === 'used' ? new Promise<ReturnType<typeof byTab>>((r) => (release = () => r(byTab(data)))) : byTab(data)),
    });
    fireEvent.click(tab(container, 'used'));
    expect(tab(container, 'used').getAttribute('aria-selected')).toBe('true');
    expect(container.querySelector('.wallet__loading')).not.toBeNull();
    expect(names(container)).toEqual([]);
    expect(tab(container, 'used').textContent).toBe('已使用(1)');
    await act(async () => release());
    await waitFor(() => expect(names(container)).toEqual(['新品试穿券']));
    expect(calls('list')).toEqual([
      { action: 'list', status: 'available' },
      { action: 'list', status: 'used' },
    ]);
  });

  it('new counts from a later answer replace the old ones', async () => {
    let counts = COUNTS;
    const { container } = await open({ list: (data) => ok(listOf(WALLET[data.status as WalletStatus], counts)) });
    counts = { available: 1, used: 2, expired: 3 };
    fireEvent.click(tab(container, 'expired'));
    await waitFor(() => expect(tab(container, 'available').textContent).toBe('可使用(1)'));
    expect(tab(container, 'used').textContent).toBe('已使用(2)');
  });

  it('used coupons are stamped 已使用 and offer no 去使用', async () => {
    const { container } = await open();
    fireEvent.click(tab(container, 'used'));
    await waitFor(() => expect(container.querySelector('.coupon-ticket__stamp')?.textContent).toBe('已使用'));
    expect(container.querySelector('.coupon-ticket__btn')).toBeNull();
    expect(container.querySelector('.coupon-ticket__validity')?.textContent).toBe('已于2026-11-21使用');
  });

  it('expired coupons say how each one ended, once: in the validity line', async () => {
    const { container } = await open();
    fireEvent.click(tab(container, 'expired'));
    await waitFor(() => expect(names(container)).toHaveLength(3));
    const tickets = Array.from(container.querySelectorAll('.coupon-ticket'));
    expect(tickets.map((t) => t.querySelector('.coupon-ticket__validity')?.textContent)).toEqual(['已于2026-10-31 23:59过期', '完成首单后失效', '已于2026-11-20 23:59过期']);
    // endedReason says the same thing: not beside it
    for (const t of tickets) expect(t.textContent).not.toMatch(/已过期|首单已完成，此券已失效/);
    expect(container.querySelector('.coupon-ticket__btn')).toBeNull();
  });
});

describe('using a coupon', () => {
  it('去使用 switches to the card tab, whose member code the till scans', async () => {
    const { container } = await open();
    fireEvent.click(withText(container, '.coupon-ticket', '新品试穿券').querySelector('taro-button-core') as HTMLElement);
    expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }]);
  });
});

describe('an empty tab leads to the claim centre', () => {
  it.each<[WalletStatus, string]>([
    ['available', '暂无可使用的券'],
    ['used', '还没有用过券'],
    ['expired', '没有已过期的券'],
  ])('an empty %s tab says %s and offers 去领券中心', async (status, title) => {
    const counts = { available: 0, used: 0, expired: 0 };
    const { container } = await open({ list: () => ok(listOf([], counts)) });
    if (status !== 'available') fireEvent.click(tab(container, status));
    await screen.findByText(title);
    fireEvent.click(withText(container, '.wallet__empty taro-button-core', '去领券中心'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/center/index?from=wallet' }]);
  });
});

describe('the top of the wallet', () => {
  it('领券中心 opens the claim centre', async () => {
    const { container } = await open();
    fireEvent.click(withText(container, '.wallet__center', '领券中心'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/center/index?from=wallet' }]);
  });

  it('opened from the claim centre, 领券中心 goes back to it rather than piling up pages', async () => {
    setRouterParams({ from: 'center' });
    const { container } = await open();
    fireEvent.click(withText(container, '.wallet__center', '领券中心'));
    expect(recorded.navigations).toEqual([{ api: 'navigateBack', url: '' }]);
  });

  const COUPON_TEMPLATE = 'styleclub-dev-coupon-expiring';
  const BIRTHDAY_TEMPLATE = 'styleclub-dev-birthday-gift';
  const reminderButton = (root: ParentNode) => root.querySelector('taro-button-core.wallet-reminder__btn') as HTMLElement;

  const reminderState = (root: ParentNode) => root.querySelector('.wallet-reminder__state')?.textContent;
  const reminderTitle = (root: ParentNode) => root.querySelector('.wallet-reminder__title')?.textContent;

  it('a member holding no credits is offered 开启到期提醒 from the first load', async () => {
    const { container } = await open();
    expect(reminderTitle(container)).toBe('开启到期提醒');
    expect(reminderState(container)).toBe('券快到期、生日礼可领时，微信通知你');
    expect(reminderButton(container).textContent).toBe('开启提醒');
  });

  it('credits held are shown from the wallet’s own answer on the first load, without asking anything', async () => {
    const { container } = await open({ list: (data) => ok(listOf(WALLET[data.status as WalletStatus], COUNTS, { couponExpiring: 3, birthdayGift: 1, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 })) });
    expect(reminderTitle(container)).toBe('到期提醒');
    expect(reminderState(container)).toBe('已开启（券到期剩 3 次，生日礼剩 1 次）');
    expect(reminderButton(container).textContent).toBe('再订阅一次');
    expect(calls('subscribe')).toEqual([]);
    expect(recorded.subscribeRequests).toEqual([]);
  });

  it('birthday-gift credits alone say so, and the state breaks only between its pieces', async () => {
    const { container } = await open({ list: (data) => ok(listOf(WALLET[data.status as WalletStatus], COUNTS, { birthdayGift: 1, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 })) });
    expect(reminderState(container)).toBe('已开启生日礼提醒（剩余 1 次）');
    expect(Array.from(container.querySelectorAll('.wallet-reminder__part'), (p) => p.textContent)).toEqual(['已开启生日礼提醒', '（剩余 1 次）']);
  });

  it('points-expiry credits alone do not count as the wallet’s reminders', async () => {
    const { container } = await open({ list: (data) => ok(listOf(WALLET[data.status as WalletStatus], COUNTS, { pointsExpiring: 5 })) });
    expect(reminderTitle(container)).toBe('开启到期提醒');
    expect(reminderButton(container).textContent).toBe('开启提醒');
  });

  it('before the first answer the row neither offers nor claims a reminder', async () => {
    let release: () => void = () => undefined;
    programCoupons({ list: (data) => new Promise((r) => (release = () => r(ok(listOf(WALLET[data.status as WalletStatus], COUNTS, { couponExpiring: 2 }))))) });
    const { container } = render(<WalletPage />);
    await waitFor(() => expect(calls('list')).toHaveLength(1));
    expect(container.querySelector('.wallet-reminder')?.getAttribute('data-state')).toBe('pending');
    expect(reminderButton(container)).toBeNull();
    await act(async () => release());
    await waitFor(() => expect(reminderState(container)).toBe('已开启券到期提醒（剩余 2 次）'));
    expect(reminderButton(container).textContent).toBe('再订阅一次');
  });

  it('a wallet that cannot be read still offers the reminder', async () => {
    programCoupons({ list: fail('UNAVAILABLE') });
    const { container } = render(<WalletPage />);
    await screen.findByText(ERROR_TEXT.UNAVAILABLE);
    expect(reminderButton(container).textContent).toBe('开启提醒');
  });

  it('开启到期提醒 asks WeChat for the coupon-expiry and birthday-gift messages in one tap and says what is held', async () => {
    programSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
    const { container } = await open({}, { subscribe: ok({ reminders: { pointsExpiring: 0, couponExpiring: 1, birthdayGift: 1, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } }) });
    expect(recorded.subscribeRequests).toEqual([]);
    fireEvent.click(reminderButton(container));
    await waitFor(() => expect(reminderState(container)).toBe('已开启（剩余 1 次）'));
    expect(reminderTitle(container)).toBe('到期提醒');
    expect(recorded.subscribeRequests).toEqual([[COUPON_TEMPLATE, BIRTHDAY_TEMPLATE]]);
    expect(calls('subscribe')).toEqual([{ action: 'subscribe', accepted: ['couponExpiring', 'birthdayGift'] }]);
    expect(recorded.toasts).toEqual([{ title: '已开启到期提醒', icon: 'success' }]);
    expect(reminderButton(container).textContent).toBe('再订阅一次');
  });

  it('再订阅一次 adds to the credits the first load showed', async () => {
    programSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
    const { container } = await open(
      { list: (data) => ok(listOf(WALLET[data.status as WalletStatus], COUNTS, { couponExpiring: 2, birthdayGift: 1, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 })) },
      { subscribe: ok({ reminders: { pointsExpiring: 0, couponExpiring: 3, birthdayGift: 2, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } }) },
    );
    expect(reminderState(container)).toBe('已开启（券到期剩 2 次，生日礼剩 1 次）');
    fireEvent.click(reminderButton(container));
    await waitFor(() => expect(reminderState(container)).toBe('已开启（券到期剩 3 次，生日礼剩 2 次）'));
  });

  it('a read that started before the subscribe does not take back the credits it recorded; a later read has the last word', async () => {
    programSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
    let held = { couponExpiring: 0 };
    let releaseUsed: () => void = () => undefined;
    const { container } = await open(
      {
        list: (data) => {
          const answer = ok(listOf(WALLET[data.status as WalletStatus], COUNTS, held));
          return data.status === 'used' ? new Promise((r) => (releaseUsed = () => r(answer))) : answer;
        },
      },
      { subscribe: () => ((held = { couponExpiring: 1 }), ok({ reminders: { pointsExpiring: 0, couponExpiring: 1, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } })) },
    );
    // the 已使用 tab's read leaves with no credits held …
    fireEvent.click(tab(container, 'used'));
    await waitFor(() => expect(calls('list')).toHaveLength(2));
    // … the subscribe is recorded meanwhile …
    fireEvent.click(reminderButton(container));
    await waitFor(() => expect(reminderState(container)).toBe('已开启券到期提醒（剩余 1 次）'));
    // … and the old answer arriving late does not turn the row off again
    await act(async () => releaseUsed());
    await waitFor(() => expect(names(container)).toEqual(['新品试穿券']));
    expect(reminderState(container)).toBe('已开启券到期提醒（剩余 1 次）');
    // a read that starts afterwards is the truth again (a credit spent by a reminder sent meanwhile)
    held = { couponExpiring: 0 };
    fireEvent.click(tab(container, 'available'));
    await waitFor(() => expect(reminderTitle(container)).toBe('开启到期提醒'));
  });

  it('allowing only the coupon-expiry message records only that one', async () => {
    programSubscribe(() => ({ [COUPON_TEMPLATE]: 'accept', [BIRTHDAY_TEMPLATE]: 'reject' }));
    const { container } = await open({}, { subscribe: ok({ reminders: { pointsExpiring: 0, couponExpiring: 2, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } }) });
    fireEvent.click(reminderButton(container));
    await waitFor(() => expect(reminderState(container)).toBe('已开启券到期提醒（剩余 2 次）'));
    expect(calls('subscribe')).toEqual([{ action: 'subscribe', accepted: ['couponExpiring'] }]);
  });

  it('refusing the reminder records nothing and the row still offers it', async () => {
    programSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, 'reject'])));
    const { container } = await open();
    fireEvent.click(reminderButton(container));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '未开启提醒，可随时再开启', icon: 'none' }]));
    expect(calls('subscribe')).toEqual([]);
    expect(reminderButton(container).textContent).toBe('开启提醒');
  });
});

describe('reading the wallet', () => {
  it('reads the open tab again on every show and on pull-down, keeping the coupons on screen meanwhile', async () => {
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh');
    let available: List = listOf(WALLET.available, COUNTS);
    const { container } = await open({ list: (data) => (data.status === 'available' ? ok(available) : byTab(data)) });
    available = listOf([coupon('trial:m1:1')], { ...COUNTS, available: 1 });
    act(() => showPage());
    expect(names(container)).toEqual(['首单8折券', '新品试穿券']);
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    await waitFor(() => expect(names(container)).toEqual(['新品试穿券']));
    expect(tab(container, 'available').textContent).toBe('可使用(1)');
    act(() => pullDownRefresh());
    await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
    expect(calls('list')).toHaveLength(3);
    stop.mockRestore();
  });

  it('a failed read again keeps what is shown and says why in plain words', async () => {
    let down = false;
    const { container } = await open({ list: (data) => (down ? fail('UNAVAILABLE') : byTab(data)) });
    down = true;
    act(() => showPage());
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(names(container)).toEqual(['首单8折券', '新品试穿券']);
  });

  it('a wallet that cannot be read says why and reads again on retry', async () => {
    let down = true;
    programCoupons({ list: (data) => (down ? fail('INTERNAL') : byTab(data)) });
    const { container } = render(<WalletPage />);
    await screen.findByText(ERROR_TEXT.INTERNAL);
    expect(container.textContent).not.toContain('INTERNAL');
    down = false;
    fireEvent.click(withText(container, 'taro-button-core', '重新加载'));
    await waitFor(() => expect(names(container)).toEqual(['首单8折券', '新品试穿券']));
  });

  it('someone who is not a member is sent to join', async () => {
    programCoupons({ list: fail('NOT_MEMBER') });
    render(<WalletPage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});
