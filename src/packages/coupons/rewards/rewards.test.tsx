import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { REQUEST_ID } from '../../../../cloudfunctions/contract/coupon';
import { prop, withText } from '../../../../tests/ui/support/dom';
import { coupon } from '../../../../tests/ui/support/coupons';
import { fail, ok, type PointsAnswers, programPoints, REWARDS, SUMMARY, summaryWith } from '../../../../tests/ui/support/points';
import { answerModals, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import RewardsPage from './index';

type Redeemed = ActionOutput<'points', 'redeem'>;
const calls = (action: string) => recorded.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data);
const REDEEMED: Redeemed = { coupon: coupon('points-20:m1:r1', { templateId: 'points-20', name: '¥20无门槛券', value: '¥20', rule: '无门槛', channel: 'reward' }), balance: 780, spent: 500 };

async function open(answers: PointsAnswers = {}) {
  programPoints({ summary: ok(SUMMARY), rewards: ok(REWARDS), ledger: [], ...answers });
  const view = render(<RewardsPage />);
  await screen.findByText('¥20无门槛券');
  const section = () => view.container.querySelector('.points-rewards') as HTMLElement;
  const button = (name: string) => withText(section(), '.coupon-ticket', name).querySelector('taro-button-core') as HTMLElement;
  return { ...view, section, button };
}

/** Lets answered calls run to the end, inside act. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  });
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('积分兑换 lists what points buy', () => {
  it('each reward shows its ticket and its price in points', async () => {
    const { section } = await open();
    expect(section().querySelector('.section-title')?.textContent).toBe('积分兑换');
    const first = withText(section(), '.coupon-ticket', '¥20无门槛券');
    expect(first.querySelector('.coupon-ticket__value')?.textContent).toBe('¥20');
    expect(first.querySelector('.coupon-ticket__rule')?.textContent).toBe('无门槛');
    expect(first.querySelector('.coupon-ticket__validity')?.textContent).toBe('兑换后30天内有效');
    expect(first.querySelector('.points-reward__cost')?.textContent).toBe('500 积分');
    expect(withText(section(), '.coupon-ticket', '¥100满减券').querySelector('.points-reward__cost')?.textContent).toBe('2,000 积分');
  });

  it('a reward the balance can pay for says 兑换; one beyond it is disabled and says 积分不足', async () => {
    const { button } = await open();
    expect(button('¥20无门槛券').textContent).toBe('兑换');
    expect(prop<boolean>(button('¥20无门槛券'), 'disabled')).toBe(false);
    expect(button('¥100满减券').textContent).toBe('积分不足');
    expect(prop<boolean>(button('¥100满减券'), 'disabled')).toBe(true);
    fireEvent.click(button('¥100满减券'));
    expect(recorded.modals).toEqual([]);
  });

  it('with no rewards on offer the section says so', async () => {
    programPoints({ summary: ok(SUMMARY), rewards: ok({ rewards: [], balance: 1280 }), ledger: [] });
    const { container } = render(<RewardsPage />);
    await screen.findByText('暂时没有可兑换的券，新的兑换上线后会出现在这里');
    expect(container.querySelector('.points-rewards .coupon-ticket')).toBeNull();
  });

  it('reads the rewards alone when the page shows, and shows the points there are to spend', async () => {
    const { container } = await open();
    expect(recorded.cloudCalls.map((c) => c.data)).toEqual([{ action: 'rewards' }]);
    expect(container.querySelector('.rewards-page__points')?.textContent).toBe('1,280');
  });

  it('rewards that cannot be read say why and load on retry', async () => {
    let down = true;
    programPoints({ summary: ok(SUMMARY), rewards: () => (down ? fail('UNAVAILABLE') : ok(REWARDS)), ledger: [] });
    const { container } = render(<RewardsPage />);
    const retry = await waitFor(() => withText(container, '.points-rewards__problem taro-button-core', '重新加载'));
    expect(container.querySelector('.points-rewards__problem')?.textContent).toContain(ERROR_TEXT.UNAVAILABLE);
    down = false;
    fireEvent.click(retry);
    await screen.findByText('¥20无门槛券');
  });

  it('我的券 opens the wallet', async () => {
    const { section } = await open();
    fireEvent.click(withText(section(), '.points-rewards__wallet', '我的券'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/coupons/index' }]);
  });
});

describe('redeeming a reward', () => {
  it('asks first, naming the points and the coupon; cancelling spends nothing', async () => {
    answerModals(false);
    const { button } = await open({ redeem: ok(REDEEMED) });
    fireEvent.click(button('¥20无门槛券'));
    await waitFor(() => expect(recorded.modals).toHaveLength(1));
    expect(recorded.modals[0]).toMatchObject({ title: '积分兑换', content: '确认用 500 积分兑换「¥20无门槛券」？', confirmText: '兑换' });
    await settle();
    expect(calls('redeem')).toEqual([]);
    expect(button('¥20无门槛券').textContent).toBe('兑换');
  });

  it('a confirmed redeem says 兑换成功, and the rewards and their balance are read again', async () => {
    let balance = 1280;
    const { button, container } = await open({
      summary: () => ok(summaryWith({ balance })),
      rewards: () => ok({ ...REWARDS, balance }),
      redeem: () => {
        balance = 780;
        return ok(REDEEMED);
      },
    });
    fireEvent.click(button('¥20无门槛券'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '兑换成功', icon: 'success' }]));
    await waitFor(() => expect(container.querySelector('.rewards-page__points')?.textContent).toBe('780'));
    const [sent] = calls('redeem');
    expect(sent).toMatchObject({ action: 'redeem', rewardId: 'points-20' });
    expect(String(sent?.requestId)).toMatch(REQUEST_ID);
    expect(calls('rewards')).toHaveLength(2);
  });

  it('a redeem refused for lack of points says 积分不足 and reads the page again', async () => {
    const { button } = await open({ redeem: fail('INSUFFICIENT_POINTS') });
    fireEvent.click(button('¥20无门槛券'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '积分不足', icon: 'none' }]));
    await waitFor(() => expect(calls('rewards')).toHaveLength(2));
  });

  it('a redeem that got no answer is retried with the same request id, so the points are spent once; the next redeem is a new one', async () => {
    let down = true;
    const { button } = await open({ redeem: () => (down ? fail('UNAVAILABLE') : ok(REDEEMED)) });
    fireEvent.click(button('¥20无门槛券'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: ERROR_TEXT.UNAVAILABLE, icon: 'none' }]));
    // nothing new was learnt: no read again
    expect(calls('rewards')).toHaveLength(1);
    await waitFor(() => expect(button('¥20无门槛券').textContent).toBe('兑换'));

    down = false;
    fireEvent.click(button('¥20无门槛券'));
    await waitFor(() => expect(recorded.toasts).toContainEqual({ title: '兑换成功', icon: 'success' }));
    await waitFor(() => expect(button('¥20无门槛券').textContent).toBe('兑换'));
    fireEvent.click(button('¥20无门槛券'));
    await waitFor(() => expect(calls('redeem')).toHaveLength(3));

    const ids = calls('redeem').map((c) => c.requestId);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
    await settle();
  });

  it('taps while a redeem is under way open no second dialog and send no second redeem', async () => {
    let answer: (a: ReturnType<typeof ok<Redeemed>>) => void = () => undefined;
    const { button } = await open({ redeem: () => new Promise((resolve) => (answer = resolve)) });
    fireEvent.click(button('¥20无门槛券'));
    fireEvent.click(button('¥20无门槛券'));
    await waitFor(() => expect(calls('redeem')).toHaveLength(1));
    expect(button('¥20无门槛券').textContent).toBe('兑换中…');
    fireEvent.click(button('¥20无门槛券'));
    expect(recorded.modals).toHaveLength(1);
    answer(ok(REDEEMED));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '兑换成功', icon: 'success' }]));
    expect(calls('redeem')).toHaveLength(1);
  });
});
