import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { withText } from '../../../../tests/ui/support/dom';
import { fail, ok } from '../../../../tests/ui/support/member';
import { programStaff, todoItem } from '../../../../tests/ui/support/staffTodos';
import { recorded, resetTaro, showPage } from '../../../../tests/ui/support/taro';
import { ERROR_TEXT } from '../../../services/errors';
import StaffTodosPage from './index';

const calls = (action: string) => recorded.cloudCalls.filter((c) => c.name === 'staff' && c.data.action === action);
const LATE = todoItem({ todoId: 'S001:lapsed:2:20261130', kind: 'lapsed', reason: '已 33 天未到店', overdue: true, dueAt: '2026-12-31T15:59:59.999Z', member: { memberId: '2', nickname: null, phoneMasked: null, tier: 'explorer', tierName: '探索者' } });
const STATS = ok({ open: 3, overdue: 1, month: '2026年12月', clerks: [{ name: '林小悦', role: 'clerk' as const, active: true, done: 4, onTime: 3, unreachable: 1 }] });

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('待办', () => {
  it('shows each to-do with the member, the reason, the script and when it is due; an overdue one in red', async () => {
    programStaff({ todos: ok({ items: [todoItem(), LATE], nextCursor: null }), todoStats: fail('FORBIDDEN') });
    const { container } = render(<StaffTodosPage />);
    expect(await screen.findByText('生日 1月2日（3天后）')).toBeTruthy();
    expect(screen.getByText('王女士')).toBeTruthy();
    expect(screen.getByText('138****0000')).toBeTruthy();
    expect(screen.getByText('请于 1月1日 23:59 前联系')).toBeTruthy();
    const late = container.querySelector("[data-todo='S001:lapsed:2:20261130']")!;
    expect(late.className).toContain('todo-card--overdue');
    expect(late.querySelector('.todo-card__due--late')?.textContent).toBe('已超时 · 应于 12月31日 23:59 前联系');
    expect(late.querySelector('.todo-card__name')?.textContent).toBe('会员');
    // a clerk: no 完成情况, and it is not asked for again on the next show
    expect(container.querySelector('.todo-stats')).toBeNull();
    await act(async () => showPage());
    await waitFor(() => expect(calls('todos')).toHaveLength(2));
    expect(calls('todoStats')).toHaveLength(1);
  });

  it('says plainly when there is nothing to do', async () => {
    programStaff({ todos: ok({ items: [], nextCursor: null }), todoStats: fail('FORBIDDEN') });
    render(<StaffTodosPage />);
    expect(await screen.findByText('今天没有待办')).toBeTruthy();
  });

  it('已联系 closes it, says so and reads the list again; a colleague who got there first is told plainly', async () => {
    let closed = false;
    programStaff({
      todos: () => ok({ items: closed ? [] : [todoItem()], nextCursor: null }),
      todoStats: fail('FORBIDDEN'),
      closeTodo: (data) => {
        closed = true;
        return data.outcome === 'done' ? ok({ todoId: String(data.todoId), state: 'done' as const, closedAt: '2026-12-30T02:00:00.000Z', onTime: true }) : fail('CONFLICT');
      },
    });
    const { container } = render(<StaffTodosPage />);
    await screen.findByText('生日 1月2日（3天后）');
    fireEvent.click(withText(container, 'taro-button-core', '已联系'));
    await screen.findByText('今天没有待办');
    expect(calls('closeTodo').map((c) => c.data)).toEqual([{ action: 'closeTodo', todoId: 'S001:birthday:100000000001:2027', outcome: 'done' }]);
    expect(recorded.toasts).toEqual([{ title: '已记录：已联系', icon: 'success' }]);

    closed = false;
    await act(async () => showPage());
    await screen.findByText('生日 1月2日（3天后）');
    fireEvent.click(withText(container, 'taro-button-core', '联系不上'));
    await waitFor(() => expect(recorded.toasts[1]).toEqual({ title: '同事已处理了这条待办', icon: 'none' }));
  });

  it('稍后提醒 offers when, and snoozes until then', async () => {
    programStaff({
      todos: ok({ items: [todoItem()], nextCursor: null }),
      todoStats: fail('FORBIDDEN'),
      snoozeTodo: (data) => ok({ todoId: String(data.todoId), snoozedUntil: '2026-12-31T02:00:00.000Z' }),
    });
    const { container } = render(<StaffTodosPage />);
    await screen.findByText('生日 1月2日（3天后）');
    fireEvent.click(withText(container, 'taro-button-core', '稍后提醒'));
    fireEvent.click(withText(container, 'taro-button-core', '明天上午'));
    await waitFor(() => expect(recorded.toasts).toEqual([{ title: '明天上午再提醒', icon: 'success' }]));
    expect(calls('snoozeTodo').map((c) => c.data.until)).toEqual(['tomorrow']);
  });

  it('copies the script, and a tap on the member opens them (the look is recorded by the function first)', async () => {
    programStaff({ todos: ok({ items: [todoItem()], nextCursor: null }), todoStats: fail('FORBIDDEN'), openTodo: ok({ memberId: '100000000001' }) });
    const { container } = render(<StaffTodosPage />);
    await screen.findByText('生日 1月2日（3天后）');
    fireEvent.click(screen.getByText('复制话术'));
    await waitFor(() => expect(recorded.clipboard).toEqual([todoItem().script]));
    fireEvent.click(container.querySelector('.todo-card__member')!);
    await waitFor(() => expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/staff/member/index?memberId=100000000001' }]));
    expect(calls('openTodo').map((c) => c.data.todoId)).toEqual(['S001:birthday:100000000001:2027']);
  });

  it('a manager also sees 完成情况 per clerk, with the overdue count', async () => {
    programStaff({ todos: ok({ items: [LATE], nextCursor: null }), todoStats: STATS });
    const { container } = render(<StaffTodosPage />);
    expect(await screen.findByText('完成情况')).toBeTruthy();
    expect(container.querySelector('.todo-stats__late')?.textContent).toBe('已超时 1 条');
    expect(screen.getByText('已联系 4（按时 3） · 联系不上 1')).toBeTruthy();
  });

  it('已完成 shows who closed each to-do and whether on time', async () => {
    programStaff({
      todos: (data) => ok({ items: data.view === 'closed' ? [todoItem({ state: 'done', closedBy: '林小悦', closedAt: '2026-12-30T02:00:00.000Z', onTime: true })] : [], nextCursor: null }),
      todoStats: fail('FORBIDDEN'),
    });
    const { container } = render(<StaffTodosPage />);
    await screen.findByText('今天没有待办');
    fireEvent.click(screen.getByText('已完成'));
    expect(await screen.findByText('已联系 · 林小悦 · 12月30日 10:00 · 按时')).toBeTruthy();
    // nothing left to do on it: no buttons, no script
    expect(container.querySelectorAll('taro-button-core')).toHaveLength(0);
    expect(screen.queryByText('复制话术')).toBeNull();
  });

  it('a failed read says why in plain words, with a retry', async () => {
    let down = true;
    programStaff({ todos: () => (down ? fail('UNAVAILABLE') : ok({ items: [], nextCursor: null })), todoStats: fail('FORBIDDEN') });
    const { container } = render(<StaffTodosPage />);
    await screen.findByText(ERROR_TEXT.UNAVAILABLE);
    down = false;
    fireEvent.click(withText(container, 'taro-button-core', '重新加载'));
    await screen.findByText('今天没有待办');
  });
});
