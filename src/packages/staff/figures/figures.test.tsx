import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fail, ok } from '../../../../tests/ui/support/member';
import { programStaff } from '../../../../tests/ui/support/staffTodos';
import { recorded, resetTaro } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import ClerkFiguresPage from './index';

const clerk = { name: '林小悦', role: 'clerk' as const, active: true, signedUp: 3, firstOrders: 2, upgrades: 1, todosDone: 4, todosOnTime: 3, callbacksClosed: 2, callbacksWithin2h: 1 };

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('店员业绩', () => {
  it('shows each clerk’s month, with what each figure means; 上月 reads last month', async () => {
    programStaff({
      clerkFigures: (data) =>
        data.month === 'last'
          ? ok({ month: 'last' as const, label: '2026年11月', clerks: [{ ...clerk, signedUp: 0, firstOrders: 0, upgrades: 0 }] })
          : ok({ month: 'this' as const, label: '2026年12月', clerks: [clerk] }),
    });
    const { container } = render(<ClerkFiguresPage />);
    expect(await screen.findByText('2026年12月 店员业绩')).toBeTruthy();
    const cells = () => Array.from(container.querySelectorAll('.clerk-row__cell'), (c) => c.textContent);
    expect(cells()).toEqual(['3 人招募会员', '2/3（67%）首单转化', '1 人升级会员', '3/4（75%）待办按时完成', '1/2（50%）投诉 2 小时内回访']);
    expect(screen.getByText('本月通过该店员专属二维码入会的会员数')).toBeTruthy();
    fireEvent.click(screen.getByText('上月'));
    expect(await screen.findByText('2026年11月 店员业绩')).toBeTruthy();
    expect(cells()[1]).toBe('—首单转化');
    expect(recorded.cloudCalls.map((c) => c.data.month)).toEqual(['this', 'last']);
  });

  it('someone who is not a manager is told they have no access', async () => {
    programStaff({ clerkFigures: fail('FORBIDDEN') });
    render(<ClerkFiguresPage />);
    expect(await screen.findByText(ERROR_TEXT.FORBIDDEN)).toBeTruthy();
    await waitFor(() => expect(recorded.navigations).toEqual([]));
  });
});
