import { fireEvent, render, screen } from '@testing-library/react';
import { withText } from '../../../tests/ui/support/dom';
import { KEY, RECEIPT } from '../../../tests/ui/support/card';
import { CARD } from '../../../tests/ui/support/member';
import { recorded, resetTaro, setRouterParams, storage } from '../../../tests/ui/support/taro';
import MomentsPage from './index';

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('消费成功: what the till did with the code', () => {
  it('shows the receipt the card handed over: 实付 · 用券 · 积分, the amount paid, the saving and the new balance; 好的 goes back to the card', () => {
    storage.set(KEY.moment, RECEIPT);
    const { container } = render(<MomentsPage />);
    expect(container.querySelector('[data-receipt-line]')?.textContent).toBe('实付 ¥319.20 · 用券 首单8折券 · +319 积分');
    expect(container.querySelector('.moment__paid')?.textContent).toBe('¥319.20');
    expect(container.textContent).toContain('本单优惠 ¥79.80');
    expect(container.textContent).toContain('悦衣库·静安嘉里店');
    expect(container.querySelector('.moment__balance-value')?.textContent).toBe('1,599');
    fireEvent.click(withText(container, '.moment__btn', '好的'));
    expect(recorded.navigations).toEqual([{ api: 'navigateBack', url: '' }]);
    expect(recorded.cloudCalls).toEqual([]);
  });

  it('an order that lifted the tier gets its own moment after the receipt: 恭喜升级成长者 with what it unlocks', async () => {
    storage.set(KEY.moment, { ...RECEIPT, pointsEarned: 1_200, balance: 2_480, tier: 'grower' });
    const { container } = render(<MomentsPage />);
    fireEvent.click(withText(container, '.moment__btn', '好的'));
    await screen.findByText('恭喜升级成长者');
    expect(container.querySelector('.moment__list')?.textContent).toContain('生日月消费双倍积分');
    expect(container.querySelector('.moment__list')?.textContent).toContain('造型师1对1预约');
    expect(container.querySelector('.moment__item--soon')).toBeNull();
    expect(recorded.navigations).toEqual([]);
    fireEvent.click(withText(container, '.moment__btn', '查看等级进度'));
    expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/points/index' }]);
  });

  it('with no receipt handed over it says so and leads back to the card', () => {
    const { container } = render(<MomentsPage />);
    expect(container.textContent).toContain('没有新的消费记录');
    fireEvent.click(withText(container, '.moment__btn', '返回会员卡'));
    expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }]);
  });
});

describe('欢迎加入: the card’s first open after joining', () => {
  it('names the coupons now in the wallet from the card the card page kept; 开始使用 goes back to the card, 查看我的券 opens the wallet', () => {
    setRouterParams({ kind: 'welcome' });
    storage.set(KEY.card, { card: { ...CARD, nickname: '小雨', wallet: { usable: 3, endingSoon: null, atTill: [{ couponId: 'a', name: '首单8折券' }, { couponId: 'b', name: '订阅福利券' }] } }, savedAt: Date.now() });
    const { container } = render(<MomentsPage />);
    expect(container.textContent).toContain('欢迎加入，小雨');
    expect(Array.from(container.querySelectorAll('.moment__item--gift'), (el) => el.textContent)).toEqual(['礼首单8折券', '礼订阅福利券']);
    expect(container.textContent).toContain('另有 1 张券');
    fireEvent.click(withText(container, '.moment__btn', '开始使用'));
    fireEvent.click(withText(container, '.moment__btn', '查看我的券'));
    expect(recorded.navigations).toEqual([
      { api: 'navigateBack', url: '' },
      { api: 'redirectTo', url: '/packages/coupons/index' },
    ]);
    expect(recorded.cloudCalls).toEqual([]);
  });

  it('with no card kept (storage cleared) falls back to saying there is no receipt, and leads to the card', () => {
    setRouterParams({ kind: 'welcome' });
    const { container } = render(<MomentsPage />);
    expect(container.textContent).toContain('返回会员卡');
  });
});
