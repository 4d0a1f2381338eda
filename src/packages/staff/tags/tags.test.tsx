import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { typeInto, withText } from '../../../../tests/ui/support/dom';
import { CLERK, fail, GROUPS, MANAGER, ok, programStaff } from '../../../../tests/ui/support/staff';
import { answerModals, recorded, resetTaro } from '../../../../tests/ui/support/taro';
import StaffTagsPage from './index';

beforeEach(() => resetTaro());

const edits = () => recorded.cloudCalls.filter((c) => c.data.action === 'editTagGroup').map((c) => c.data);

describe('标签管理', () => {
  it('a manager adds a tag to a group', async () => {
    programStaff({
      me: ok({ staff: MANAGER }),
      tagGroups: ok({ groups: GROUPS }),
      editTagGroup: ok({ group: { ...GROUPS[1]!, tags: [...GROUPS[1]!.tags, { tagId: 'shopping-v1', name: '爱看直播', locked: false }] } }),
    });
    const { container } = render(<StaffTagsPage />);
    await screen.findByText('购物偏好');
    await waitFor(() => expect(container.querySelectorAll('.staff-tags__add')).toHaveLength(2));
    fireEvent.click(withText(withText(container, '.staff-tags__group', '购物偏好'), '.staff-tags__add', '添加标签'));
    typeInto(container.querySelector('.staff-tags__input'), '爱看直播');
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('爱看直播');
    expect(edits()).toEqual([{ action: 'editTagGroup', groupId: 'shopping', change: { op: 'add', name: '爱看直播' } }]);
    expect(recorded.toasts.map((t) => t.title)).toEqual(['已添加']);
  });

  it('a manager renames and removes a tag; 高关怀 says it cannot be removed', async () => {
    programStaff({
      me: ok({ staff: MANAGER }),
      tagGroups: ok({ groups: GROUPS }),
      editTagGroup: (data) =>
        data.change.op === 'rename'
          ? ok({ group: { ...GROUPS[0]!, tags: [GROUPS[0]!.tags[0]!, { tagId: 'care-vip', name: '核心会员', locked: false }] } })
          : ok({ group: { ...GROUPS[0]!, tags: [GROUPS[0]!.tags[0]!] } }),
    });
    const { container } = render(<StaffTagsPage />);
    await screen.findByText('重点维护');
    const care = () => withText(container, '.staff-tags__group', '服务关怀');
    expect(withText(care(), '.staff-tags__row', '高关怀').textContent).toContain('不可删除');
    fireEvent.click(withText(withText(care(), '.staff-tags__row', '重点维护'), '.staff-tags__action', '改名'));
    typeInto(container.querySelector('.staff-tags__input'), '核心会员');
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('核心会员');
    answerModals(true);
    fireEvent.click(withText(withText(care(), '.staff-tags__row', '核心会员'), '.staff-tags__action', '删除'));
    await waitFor(() => expect(screen.queryByText('核心会员')).toBeNull());
    expect(edits()).toEqual([
      { action: 'editTagGroup', groupId: 'care', change: { op: 'rename', tagId: 'care-vip', name: '核心会员' } },
      { action: 'editTagGroup', groupId: 'care', change: { op: 'remove', tagId: 'care-vip' } },
    ]);
  });

  it('a clerk sees the groups without editing, and is told only managers edit', async () => {
    programStaff({ me: ok({ staff: CLERK }), tagGroups: ok({ groups: GROUPS }) });
    const { container } = render(<StaffTagsPage />);
    await screen.findByText('标签组仅店长可编辑，你可以在会员详情里为会员添加标签。');
    expect(container.querySelectorAll('.staff-tags__action, .staff-tags__add')).toHaveLength(0);
  });

  it('says what went wrong when a save is refused, and keeps the groups', async () => {
    programStaff({ me: ok({ staff: MANAGER }), tagGroups: ok({ groups: GROUPS }), editTagGroup: fail('UNAVAILABLE') });
    const { container } = render(<StaffTagsPage />);
    await screen.findByText('购物偏好');
    await waitFor(() => expect(container.querySelectorAll('.staff-tags__add')).toHaveLength(2));
    fireEvent.click(withText(withText(container, '.staff-tags__group', '购物偏好'), '.staff-tags__add', '添加标签'));
    typeInto(container.querySelector('.staff-tags__input'), '新标签');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(recorded.toasts.map((t) => t.title)).toEqual(['网络不太稳定，请检查网络后重试']));
    expect(screen.getByText('爱尝新款')).toBeTruthy();
  });
});
