import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { typeInto, withText } from '../../../../tests/ui/support/dom';
import { fail, GROUPS, ok, programStaff, type StaffAnswers, VIEW } from '../../../../tests/ui/support/staff';
import { recorded, resetTaro, setRouterParams, showPage } from '../../../../tests/ui/support/taro';
import StaffMemberPage from './index';

const COMPLAINT = { noteId: 'S001:r1234567890', kind: 'complaint' as const, text: '裤长改短了', staffName: '林小悦', at: '2026-11-25T02:00:00.000Z', compensated: false };
const CALLBACK = { todoId: 'S001:complaintCallback:312345678901:S001:r1234567890', kind: 'complaintCallback', reason: '投诉回访：裤长改短了（12:00 前回访）', dueAt: '2026-11-25T04:00:00.000Z', overdue: false, complaintId: COMPLAINT.noteId };
const HIGH_CARE = { tagId: 'care-high', name: '高关怀', groupName: '服务关怀' };

const views = () => recorded.cloudCalls.filter((c) => c.data.action === 'memberView').map((c) => c.data);

async function open(params: Record<string, string>, answers: StaffAnswers = {}) {
  setRouterParams(params);
  programStaff({ memberView: ok(VIEW), tagGroups: ok({ groups: GROUPS }), ...answers });
  const page = render(<StaffMemberPage />);
  await screen.findByText('小雅');
  return page;
}

beforeEach(() => {
  resetTaro();
  delete process.env.TARO_ENV;
});

describe('会员详情 for the clerk', () => {
  it('opens the member by the scanned code, then reads by memberId (the code lives a minute)', async () => {
    await open({ code: '661234567890123456' });
    await act(async () => showPage());
    await waitFor(() => expect(views()).toEqual([{ action: 'memberView', code: '661234567890123456' }, { action: 'memberView', memberId: '312345678901' }]));
  });

  it('opens a member of a to-do by id, saying why', async () => {
    await open({ memberId: '312345678901', reason: 'todo' });
    expect(views()).toEqual([{ action: 'memberView', memberId: '312345678901', reason: 'todo' }]);
  });

  it('lays out who the member is, points, coupons, style, sizes, orders and wardrobe — masked phone only', async () => {
    const { container } = await open({ code: '661234567890123456' });
    const text = container.textContent ?? '';
    for (const shown of ['139****4321', '本店会员', '探索者', '本季度再消费 ¥701 升级成长者', '1,280', '300 积分将于 2027年1月1日 到期', '首单8折券', '柔秋', '通勤 · 简约', '上装 M · 下装 L · 鞋 37', '¥299', '通勤托特包·焦糖 × 1', '纯棉圆领T恤·燕麦', '穿过 4 次']) {
      expect(text).toContain(shown);
    }
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  });

  it('a complaint: the form warns of the call-back, the 2-hour to-do and 高关怀 appear, and the 补偿券 is given once', async () => {
    const { container } = await open(
      { code: '661234567890123456' },
      {
        addNote: (data) => ok({ note: { ...COMPLAINT, text: data.text }, callback: CALLBACK, staffTags: [HIGH_CARE] }),
        giveCompensation: ok({ couponId: 'care-compensation:312345678901:S001:r1234567890', name: '补偿券', validUntil: '2026-12-25T16:00:00.000Z', issuedNow: true }),
      },
    );
    fireEvent.click(screen.getByText('顾客投诉'));
    expect(container.textContent).toContain('生成 2 小时内回访的待办');
    typeInto(container.querySelector('.staff-note-form__text'), '裤长改短了');
    fireEvent.click(screen.getByText('登记投诉'));
    await screen.findByText('【投诉】裤长改短了', { exact: false });
    const add = recorded.cloudCalls.find((c) => c.data.action === 'addNote')!.data;
    expect(add).toMatchObject({ memberId: '312345678901', kind: 'complaint', text: '裤长改短了', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,40}$/) });
    expect(withText(container, '.staff-todo', '投诉回访').textContent).toContain('12:00 前完成');
    expect(withText(container, '.staff-chip', '高关怀').className).toContain('staff-chip--care');
    expect(recorded.toasts.map((t) => t.title)).toContain('已登记投诉，请在 2 小时内回访');
    fireEvent.click(screen.getByText('发放补偿券'));
    await screen.findByText('补偿券已发放');
    expect(screen.queryByText('发放补偿券')).toBeNull();
    expect(recorded.toasts.map((t) => t.title)).toContain('补偿券已发放，顾客可在「我的券」查看');
    expect(recorded.cloudCalls.filter((c) => c.data.action === 'giveCompensation')).toEqual([{ name: 'staff', data: { action: 'giveCompensation', complaintId: COMPLAINT.noteId } }]);
  });

  it('shows a call-back past its time in red', async () => {
    const { container } = await open({ memberId: '312345678901' }, { memberView: ok({ ...VIEW, todos: [{ ...CALLBACK, overdue: true }], notes: [COMPLAINT] }) });
    expect(withText(container, '.staff-todo', '投诉回访').className).toContain('staff-todo--overdue');
    expect(withText(container, '.staff-todo', '投诉回访').textContent).toContain('已超时');
  });

  it('does not save an empty note; a plain note is saved and the form empties', async () => {
    const { container } = await open({ memberId: '312345678901' }, { addNote: (data) => ok({ note: { ...COMPLAINT, kind: 'note', compensated: null, text: data.text }, callback: null, staffTags: [] }) });
    fireEvent.click(screen.getByText('保存备注'));
    expect(recorded.cloudCalls.some((c) => c.data.action === 'addNote')).toBe(false);
    typeInto(container.querySelector('.staff-note-form__text'), '喜欢燕麦色');
    fireEvent.click(screen.getByText('保存备注'));
    await screen.findByText('喜欢燕麦色');
    await waitFor(() => expect((container.querySelector('.staff-note-form__text') as unknown as { value: string }).value).toBe(''));
  });

  it('adds and removes a tag from the brand\'s groups', async () => {
    const { container } = await open(
      { memberId: '312345678901' },
      {
        addTag: ok({ staffTags: [{ tagId: 'shopping-new', name: '爱尝新款', groupName: '购物偏好' }] }),
        removeTag: ok({ staffTags: [] }),
      },
    );
    const chip = () => withText(container, '.staff-chip--pick', '爱尝新款');
    fireEvent.click(chip());
    await waitFor(() => expect(chip().getAttribute('aria-checked')).toBe('true'));
    fireEvent.click(chip());
    await waitFor(() => expect(chip().getAttribute('aria-checked')).toBe('false'));
    expect(recorded.cloudCalls.filter((c) => /Tag$/.test(String(c.data.action))).map((c) => c.data)).toEqual([
      { action: 'addTag', memberId: '312345678901', tagId: 'shopping-new' },
      { action: 'removeTag', memberId: '312345678901', tagId: 'shopping-new' },
    ]);
  });

  it('为TA搭配 opens the outfit list for this member', async () => {
    await open({ memberId: '312345678901' });
    fireEvent.click(screen.getByText('为TA搭配'));
    expect(recorded.navigations).toEqual([{ api: 'navigateTo', url: '/packages/staff/outfit/index?memberId=312345678901' }]);
  });

  it('says plainly when the code has expired or the member is not the store\'s', async () => {
    setRouterParams({ code: '661234567890123456' });
    programStaff({ memberView: fail('CODE_EXPIRED'), tagGroups: ok({ groups: GROUPS }) });
    const { unmount } = render(<StaffMemberPage />);
    await screen.findByText('会员码已过期，请刷新后重新出示');
    fireEvent.click(screen.getByText('返回重新扫码'));
    expect(recorded.navigations).toEqual([{ api: 'navigateBack', url: '' }]);
    unmount();
    setRouterParams({ memberId: '312345678901' });
    programStaff({ memberView: fail('NOT_FOUND'), tagGroups: ok({ groups: GROUPS }) });
    render(<StaffMemberPage />);
    await screen.findByText('没有找到这位会员，或TA不是本店会员');
  });
});
