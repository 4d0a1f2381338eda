import { fireEvent, render, screen } from '@testing-library/react';
import { typeInto, withText } from '../../../tests/ui/support/dom';
import { KEY, RECEIPT } from '../../../tests/ui/support/card';
import { CARD } from '../../../tests/ui/support/member';
import { programFunction, recorded, resetTaro, setRouterParams, storage } from '../../../tests/ui/support/taro';
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
    // the one read: whether the NPS question about this order is open (it is not: nothing shows)
    expect(recorded.cloudCalls.map((c) => c.data.action)).toEqual(['npsQuestion']);
    expect(container.querySelector('.nps')).toBeNull();
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

describe('本次体验: the one NPS question under a paid order\'s receipt (issue 19)', () => {
  const question = { orderKey: RECEIPT.receiptId, storeName: RECEIPT.storeName, paidAt: RECEIPT.usedAt, payableFen: RECEIPT.payableFen, askUntil: RECEIPT.usedAt };
  const answered = (score: number, next: string, reason: string | null = null) => ({ ok: true, data: { answer: { orderKey: RECEIPT.receiptId, score, band: next === 'invite' ? 'promoter' : next === 'callback' ? 'detractor' : 'passive', reason, answeredAt: RECEIPT.usedAt }, created: true, next, nextFrom: RECEIPT.usedAt } });
  /** The member function: the question open, and `answer` for answerNps. */
  const program = (answer: (data: Record<string, unknown>) => unknown) =>
    programFunction('member', (r) => (r.data.action === 'npsQuestion' ? { ok: true, data: { question, nextFrom: null } } : answer(r.data as Record<string, unknown>)));

  it('a promoter picks 10, says why, and is offered the invite page', async () => {
    storage.set(KEY.moment, RECEIPT);
    program(() => answered(10, 'invite', '搭配很专业'));
    const { container } = render(<MomentsPage />);
    await screen.findByText('你有多大可能向朋友推荐悦衣库？');
    expect(container.querySelectorAll('.nps__score')).toHaveLength(11);
    expect(container.querySelector('.nps__send')).toBeNull();
    fireEvent.click(screen.getByLabelText('10 分'));
    expect(container.querySelector('.nps__reason')?.getAttribute('placeholder')).toBe('最喜欢哪一点？（选填）');
    typeInto(container.querySelector('.nps__reason'), '搭配很专业');
    fireEvent.click(withText(container, '.nps__send', '提交评价'));
    await screen.findByText('感谢你的评价');
    expect(recorded.cloudCalls.at(-1)?.data).toEqual({ action: 'answerNps', orderKey: RECEIPT.receiptId, score: 10, reason: '搭配很专业' });
    fireEvent.click(withText(container, '.nps__invite', '邀请好友'));
    expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/invite/index' }]);
  });

  it('a detractor hears the store will call back within 24 hours', async () => {
    storage.set(KEY.moment, RECEIPT);
    program(() => answered(3, 'callback'));
    const { container } = render(<MomentsPage />);
    fireEvent.click(await screen.findByLabelText('3 分'));
    expect(container.querySelector('.nps__reason')?.getAttribute('placeholder')).toBe('哪里让你不满意？门店会尽快联系你（选填）');
    fireEvent.click(withText(container, '.nps__send', '提交评价'));
    await screen.findByText('抱歉这次没让你满意');
    expect(container.textContent).toContain('门店会在 24 小时内联系你');
    expect(recorded.cloudCalls.at(-1)?.data).toEqual({ action: 'answerNps', orderKey: RECEIPT.receiptId, score: 3 });
  });

  it('an answer refused (answered within 30 days on another phone) says so in plain words and keeps the receipt', async () => {
    storage.set(KEY.moment, RECEIPT);
    program(() => ({ ok: false, error: { code: 'LIMIT_REACHED', message: 'one answer per 30 days' } }));
    const { container } = render(<MomentsPage />);
    fireEvent.click(await screen.findByLabelText('8 分'));
    fireEvent.click(withText(container, '.nps__send', '提交评价'));
    await screen.findByText('30 天内已评价过，感谢你的反馈');
    expect(container.querySelector('.moment__paid')?.textContent).toBe('¥319.20');
  });

  it('a question about another order, or a free order, shows nothing', async () => {
    storage.set(KEY.moment, { ...RECEIPT, payableFen: 0 });
    program(() => null);
    const { container } = render(<MomentsPage />);
    expect(container.querySelector('.nps')).toBeNull();
    expect(recorded.cloudCalls).toEqual([]);
  });
});
