import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ActionOutput, ErrorCode } from '../../../cloudfunctions/contract';
import { withText } from '../../../tests/ui/support/dom';
import { fail, ledgerOf, line, ok, page, type PointsAnswers, programPoints, REWARDS, SUMMARY, summaryWith } from '../../../tests/ui/support/points';
import { answerModals, programSubscribe, pullDownRefresh, reachBottom, recorded, resetTaro, showPage } from '../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../services/errors';
import PointsPage from './index';

type Page = ActionOutput<'points', 'history'>;
const TEMPLATE = 'styleclub-dev-points-expiring';

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const text = (root: ParentNode) => root.textContent ?? '';

async function open(answers: PointsAnswers = {}) {
  programPoints({ summary: ok(SUMMARY), rewards: ok(REWARDS), ...answers });
  const view = render(<PointsPage />);
  await screen.findByText('可用积分');
  return view;
}

/** Lets answered calls run to the end, inside act. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  });
}

/** A history whose pages the test hands out one at a time. */
function heldHistory() {
  const waiting: Array<(page: Page) => void> = [];
  return {
    waiting,
    history: () => new Promise<{ ok: true; data: Page }>((resolve) => waiting.push((p) => resolve(ok(p)))),
    async answer(p: Page) {
      const next = waiting.shift();
      if (!next) throw new Error('no history call is waiting');
      next(p);
      await settle();
    },
  };
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});
afterEach(() => {
  delete (globalThis as { fetch?: unknown }).fetch;
});

describe('the balance comes first', () => {
  it('shows the spendable points big, and when the next points expire (the last day, Shanghai calendar)', async () => {
    const { container } = await open();
    expect(container.querySelector('.points-balance__value')?.textContent).toBe('1,280');
    expect(text(container)).toContain('120 积分将于 2027-12-31 到期');
    expect(container.querySelector('.points-balance__soon')).toBeNull();
    expect(container.querySelector('.points-balance__debt')).toBeNull();
  });

  it('points expiring within 30 days are called out', async () => {
    const { container } = await open({
      summary: ok(summaryWith({ expiringSoonPoints: 1200, nextExpiry: { points: 1200, expiresAt: '2026-12-31T16:00:00.000Z' } })),
    });
    expect(container.querySelector('.points-balance__soon')?.textContent).toBe('30天内将有 1,200 积分到期');
    expect(text(container)).toContain('1,200 积分将于 2026-12-31 到期');
  });

  it('a member with no points is told how to earn them instead of an expiry', async () => {
    const { container } = await open({ summary: ok(summaryWith({ balance: 0, nextExpiry: null })) });
    expect(container.querySelector('.points-balance__value')?.textContent).toBe('0');
    expect(container.querySelector('.points-balance__expiry')?.textContent).toBe('到店消费，每实付 1 元得 1 积分');
    expect(container.querySelector('.points-balance__soon')).toBeNull();
  });

  it('points still owed after a return are explained in plain words', async () => {
    const { container } = await open({ summary: ok(summaryWith({ debt: 30 })) });
    expect(text(container.querySelector('.points-balance__debt') as Element)).toBe(
      '有 30 积分待抵扣退货时已使用的积分，将从之后获得的积分中扣除',
    );
  });
});

describe('积分兑换 is a row of its own', () => {
  it('opens the 积分兑换 page, and reads nothing of the rewards here', async () => {
    await open();
    const row = await waitFor(() => document.querySelector('.entry-row--rewards') as HTMLElement);
    expect(row.textContent).toBe('积分兑换用积分换优惠券›');
    fireEvent.click(row);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/rewards/index' }]);
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'rewards')).toEqual([]);
  });
});

describe('会员权益 is a row of its own', () => {
  it('stands under the tier and 邀请好友, opens the 会员权益 page, and lists no tier here', async () => {
    await open();
    const row = await waitFor(() => document.querySelector('.entry-row--benefits') as HTMLElement);
    expect(row.textContent).toBe('会员权益各等级权益与升级方式›');
    expect(row.getAttribute('role')).toBe('link');
    expect(document.querySelector('.tier-progress ~ .entry-row--benefits')).not.toBeNull();
    expect(document.querySelector('.tier-benefits')).toBeNull();
    fireEvent.click(row);
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/benefits/index' }]);
  });
});

describe('reading the page', () => {
  it('reads the summary and the first page of history when it shows, and again on every show (积分兑换 reads its rewards on its own page)', async () => {
    await open({ ledger: ledgerOf(3) });
    await screen.findByText('门店消费 #3');
    expect(recorded.cloudCalls.map((c) => [c.name, c.data])).toEqual([
      ['points', { action: 'summary' }],
      ['points', { action: 'history', limit: 20 }],
      // the referral line beside the tier comes after the page's own reads
      ['referral', { action: 'mine' }],
    ]);
    act(() => showPage());
    await settle();
    expect(calls('summary')).toHaveLength(2);
    expect(calls('rewards')).toEqual([]);
    expect(calls('history')).toEqual([{ action: 'history', limit: 20 }, { action: 'history', limit: 20 }]);
  });

  it('keeps the balance and the lines on screen while it reads again, then shows the new figures', async () => {
    let balance = 1280;
    const held = heldHistory();
    const { container } = await open({ summary: () => ok(summaryWith({ balance })), history: held.history });
    await held.answer(page([line(1)], {}));
    balance = 1400;
    act(() => showPage());
    // the new answers are on their way: nothing is blanked meanwhile
    expect(container.querySelector('.points-balance__value')?.textContent).toBe('1,280');
    expect(container.querySelectorAll('.points-line')).toHaveLength(1);
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    await held.answer(page([line(2), line(1)], {}));
    expect(container.querySelector('.points-balance__value')?.textContent).toBe('1,400');
    expect(container.querySelectorAll('.points-line')).toHaveLength(2);
  });

  it('pull-down reads both again and puts the spinner away', async () => {
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh');
    await open({ ledger: ledgerOf(1) });
    await screen.findByText('门店消费 #1');
    act(() => pullDownRefresh());
    await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
    expect(calls('summary')).toHaveLength(2);
    expect(calls('history')).toHaveLength(2);
    stop.mockRestore();
  });

  it('a failed read again keeps what is shown and says why in plain words', async () => {
    let down = false;
    const { container } = await open({
      summary: () => (down ? fail('UNAVAILABLE') : ok(SUMMARY)),
      history: (data) => (down ? fail('UNAVAILABLE') : ok(page(ledgerOf(2), data))),
    });
    await screen.findByText('门店消费 #2');
    down = true;
    act(() => showPage());
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(container.querySelector('.points-balance__value')?.textContent).toBe('1,280');
    expect(container.querySelectorAll('.points-line')).toHaveLength(2);
  });

  it.each<ErrorCode>(['UNAVAILABLE', 'INTERNAL'])('a summary that cannot be read (%s) says so in plain words and reads again on retry', async (code) => {
    let answer: ReturnType<typeof fail> | ReturnType<typeof ok<typeof SUMMARY>> = fail(code);
    programPoints({ summary: () => answer, ledger: [] });
    const { container } = render(<PointsPage />);
    await screen.findByText(ERROR_TEXT[code]);
    expect(text(container)).not.toContain(code);
    answer = ok(SUMMARY);
    fireEvent.click(withText(container, 'taro-button-core', '重新加载'));
    await screen.findByText('可用积分');
  });

  it.each([
    ['the summary', { summary: fail('NOT_MEMBER') }],
    ['the history', { history: fail('NOT_MEMBER') }],
  ])('someone who is not a member (said by %s) is sent to join', async (_name, answers) => {
    programPoints({ summary: ok(SUMMARY), ...answers });
    render(<PointsPage />);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'redirectTo', url: '/packages/join/index' }]));
  });
});

describe('the history, a page at a time', () => {
  it('an empty history invites the first purchase', async () => {
    const { container } = await open({ ledger: [] });
    await screen.findByText('还没有积分记录');
    expect(text(container)).toContain('到店消费即可获得积分（每实付 1 元得 1 积分）');
    expect(container.querySelector('.list-foot')).toBeNull();
    act(() => reachBottom());
    await settle();
    expect(calls('history')).toHaveLength(1);
    // and the way there: the card, whose code the till scans
    fireEvent.click(withText(container, 'taro-button-core', '出示会员码'));
    expect(recorded.navigations).toEqual([{ api: 'switchTab', url: '/pages/card/index' }]);
  });

  it('scrolling to the bottom loads the next page once, from where the list ends', async () => {
    const held = heldHistory();
    const ledger = ledgerOf(45);
    const { container } = await open({ history: held.history });
    await held.answer(page(ledger, { limit: 20 }));
    expect(container.querySelectorAll('.points-line')).toHaveLength(20);

    act(() => reachBottom());
    act(() => reachBottom());
    act(() => reachBottom());
    expect(calls('history')).toEqual([{ action: 'history', limit: 20 }, { action: 'history', before: 26, limit: 20 }]);
    expect(container.querySelector('.list-foot')?.textContent).toBe('加载中…');

    await held.answer(page(ledger, { before: 26, limit: 20 }));
    expect(container.querySelectorAll('.points-line')).toHaveLength(40);
    act(() => reachBottom());
    expect(calls('history')[2]).toEqual({ action: 'history', before: 6, limit: 20 });
    await held.answer(page(ledger, { before: 6, limit: 20 }));

    const seqs = Array.from(container.querySelectorAll('.points-line'), (el) => el.getAttribute('data-id'));
    expect(seqs).toEqual(ledger.map((l) => l.id));
    expect(container.querySelector('.list-foot')?.textContent).toBe('没有更多了');
    act(() => reachBottom());
    await settle();
    expect(calls('history')).toHaveLength(3);
  });

  it('a failed page shows a retry that loads it', async () => {
    const ledger = ledgerOf(25);
    let failNext = false;
    const { container } = await open({
      history: (data) => (failNext && data.before !== undefined ? fail('UNAVAILABLE') : ok(page(ledger, data))),
    });
    await screen.findByText('门店消费 #25');
    failNext = true;
    act(() => reachBottom());
    const retry = await waitFor(() => withText(container, '.list-foot--retry', '重新加载'));
    expect(text(retry)).toContain(ERROR_TEXT.UNAVAILABLE);
    expect(container.querySelectorAll('.points-line')).toHaveLength(20);

    failNext = false;
    fireEvent.click(retry);
    await waitFor(() => expect(container.querySelectorAll('.points-line')).toHaveLength(25));
    expect(calls('history').slice(1)).toEqual([
      { action: 'history', before: 6, limit: 20 },
      { action: 'history', before: 6, limit: 20 },
    ]);
    expect(container.querySelector('.list-foot')?.textContent).toBe('没有更多了');
  });

  it('a first page that fails says why and loads on retry, while the balance stays', async () => {
    let down = true;
    const { container } = await open({ history: (data) => (down ? fail('INTERNAL') : ok(page(ledgerOf(2), data))) });
    const retry = await waitFor(() => withText(container, '.points-history__problem taro-button-core', '重新加载'));
    expect(text(container)).toContain(ERROR_TEXT.INTERNAL);
    expect(container.querySelector('.points-balance__value')?.textContent).toBe('1,280');
    down = false;
    fireEvent.click(retry);
    await screen.findByText('门店消费 #2');
  });

  it('coming back keeps the older pages already read and puts new lines on top', async () => {
    let ledger = ledgerOf(30);
    const { container } = await open({ history: (data) => ok(page(ledger, data)) });
    await screen.findByText('门店消费 #30');
    act(() => reachBottom());
    await waitFor(() => expect(container.querySelectorAll('.points-line')).toHaveLength(30));

    ledger = [line(31, { title: '新的一笔' }), ...ledger];
    act(() => showPage());
    await screen.findByText('新的一笔');
    expect(container.querySelectorAll('.points-line')).toHaveLength(31);
    expect(container.querySelector('.list-foot')?.textContent).toBe('没有更多了');
  });
});

describe('the expiry reminder (one WeChat message per opt-in)', () => {
  const reminderButton = (root: ParentNode) => root.querySelector('taro-button-core.points-reminder__btn') as HTMLElement;

  it('asks nothing of WeChat until the shopper taps', async () => {
    const { container } = await open();
    expect(text(container.querySelector('.points-reminder') as Element)).toContain('积分到期提醒');
    expect(reminderButton(container).textContent).toBe('开启提醒');
    expect(recorded.subscribeRequests).toEqual([]);
    expect(calls('subscribe')).toEqual([]);
  });

  it('accepting the reminder records one credit and says how many are left', async () => {
    programSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
    const { container } = await open({ subscribe: ok({ reminders: { pointsExpiring: 1, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } }) });
    fireEvent.click(reminderButton(container));
    await screen.findByText('已开启（剩余 1 次）');
    expect(recorded.subscribeRequests).toEqual([[TEMPLATE]]);
    expect(calls('subscribe')).toEqual([{ action: 'subscribe', accepted: ['pointsExpiring'] }]);
    expect(reminderButton(container).textContent).toBe('再订阅一次');
    expect(recorded.toasts).toEqual([{ title: '已开启到期提醒', icon: 'success' }]);
  });

  it('a shopper with reminders left can subscribe once more, and sees the new count', async () => {
    programSubscribe(() => ({ [TEMPLATE]: 'accept' }));
    const { container } = await open({
      summary: ok(summaryWith({ reminders: { pointsExpiring: 2, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } })),
      subscribe: ok({ reminders: { pointsExpiring: 3, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } }),
    });
    expect(text(container)).toContain('已开启（剩余 2 次）');
    fireEvent.click(reminderButton(container));
    await screen.findByText('已开启（剩余 3 次）');
    expect(calls('subscribe')).toHaveLength(1);
  });

  it.each(['reject', 'filter'])('refusing the reminder (%s) records nothing', async (answer) => {
    programSubscribe(() => ({ [TEMPLATE]: answer }));
    const { container } = await open();
    fireEvent.click(reminderButton(container));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '未开启提醒，可随时再开启', icon: 'none' }]));
    expect(calls('subscribe')).toEqual([]);
    expect(reminderButton(container).textContent).toBe('开启提醒');
  });

  it.each<[string, () => Record<string, string>]>([
    ['the template is banned', () => ({ [TEMPLATE]: 'ban' })],
    ['subscribe messages are switched off (20004)', () => {
      throw { errMsg: 'requestSubscribeMessage:fail', errCode: 20004 };
    }],
  ])('when %s the shopper is told where to switch it back on', async (_name, dialog) => {
    programSubscribe(dialog);
    const { container } = await open();
    fireEvent.click(reminderButton(container));
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    expect(recorded.modals[0]?.content).toContain('「设置」→「订阅消息」');
    expect(calls('subscribe')).toEqual([]);
  });

  it('an opt-in that cannot be recorded says why, and the count stays', async () => {
    programSubscribe(() => ({ [TEMPLATE]: 'accept' }));
    const { container } = await open({ subscribe: fail('UNAVAILABLE') });
    fireEvent.click(reminderButton(container));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    expect(reminderButton(container).textContent).toBe('开启提醒');
  });

  it.each<[string, boolean, number]>([
    ['允许 records one credit', true, 1],
    ['拒绝 records nothing', false, 0],
  ])('in the H5 preview a dialog stands in for WeChat’s: %s', async (_name, allow, recordedCalls) => {
    process.env.TARO_ENV = 'h5';
    const fetch = jest.fn(async (url: string, init: { body: string }) => ({
      json: async () => {
        const data = JSON.parse(init.body) as Record<string, unknown>;
        if (url.endsWith('/member')) return ok({ reminders: { pointsExpiring: 1, couponExpiring: 0, birthdayGift: 0, referralReward: 0, outfitInspiration: 0, bookingReminder: 0, campaignOffer: 0 } });
        if (url.endsWith('/referral')) return fail('INTERNAL');
        if (data.action === 'rewards') return ok(REWARDS);
        return data.action === 'summary' ? ok(SUMMARY) : ok(page([], data));
      },
    }));
    (globalThis as { fetch?: unknown }).fetch = fetch;
    answerModals(allow);
    render(<PointsPage />);
    await screen.findByText('可用积分');
    fireEvent.click(screen.getByText('开启提醒'));
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    expect(recorded.modals[0]).toMatchObject({ title: '模拟订阅消息授权', confirmText: '允许', cancelText: '拒绝' });
    await settle();
    const subscribes = fetch.mock.calls.filter(([url]) => url.endsWith('/member'));
    expect(subscribes).toHaveLength(recordedCalls);
    if (allow) expect(JSON.parse(subscribes[0]![1].body)).toEqual({ action: 'subscribe', accepted: ['pointsExpiring'] });
    expect(recorded.subscribeRequests).toEqual([]);
  });
});
