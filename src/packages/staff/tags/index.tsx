import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionInput, ActionOutput } from '../../../../cloudfunctions/contract';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { staffMemberApi } from '../../../services/staffMember';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import './index.scss';

type Group = ActionOutput<'staff', 'tagGroups'>['groups'][number];
type Change = ActionInput<'staff', 'editTagGroup'>['change'];
/** What is being typed: a new tag of a group (tagId null) or a tag's new name. */
type Draft = { groupId: string; tagId: string | null; name: string };

const TAG_NAME_MAX = 12;

/**
 * 标签管理 (store managers): the brand's staff tag groups; add a tag, rename one, remove one.
 * 高关怀 is locked (complaints set it). Other staff see the groups and are told only managers edit.
 */
export default function StaffTagsPage() {
  const groups = useRemote(staffMemberApi.tagGroups, { auto: false });
  const me = useRemote(staffMemberApi.me, { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(groups), remoteRead(me, { saysOwnProblems: true })]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);

  const state = groups.state;
  if (state.status === 'error') {
    return (
      <View className='page staff-tags'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page staff-tags'>
        <LoadingBlock height={640} label='正在加载标签组' />
      </View>
    );
  }
  const manager = me.state.status === 'ready' && me.state.data.staff?.role === 'manager';
  const shown = state.data.groups;

  async function edit(groupId: string, change: Change, done: string) {
    setBusy(true);
    const answer = await staffMemberApi.editTagGroup(groupId, change);
    setBusy(false);
    if (!answer.ok) {
      toast(errorText(answer.error, { CONFLICT: answer.error.message.includes('已在') ? answer.error.message : '标签组刚被修改过，请刷新后重试' }));
      if (answer.error.code === 'CONFLICT') void groups.refresh();
      return;
    }
    groups.set({ groups: shown.map((g) => (g.groupId === groupId ? answer.data.group : g)) });
    setDraft(null);
    toast(done, 'success');
  }

  function saveDraft() {
    if (!draft || busy) return;
    const name = draft.name.trim();
    if (!name) return toast('请输入标签名');
    void edit(draft.groupId, draft.tagId ? { op: 'rename', tagId: draft.tagId, name } : { op: 'add', name }, draft.tagId ? '已改名' : '已添加');
  }

  async function remove(group: Group, tagId: string, name: string) {
    const sure = await Taro.showModal({ title: '删除标签', content: `删除「${name}」后，会员身上的这个标签也不再显示。确定删除吗？`, confirmText: '删除', confirmColor: '#B4412F', cancelText: '取消' });
    if (sure.confirm) void edit(group.groupId, { op: 'remove', tagId }, '已删除');
  }

  const editor = (
    <View className='staff-tags__editor'>
      <Input className='staff-tags__input' value={draft?.name ?? ''} maxlength={TAG_NAME_MAX} focus placeholder={`标签名，最多 ${TAG_NAME_MAX} 个字`} onInput={(e) => draft && setDraft({ ...draft, name: e.detail.value })} onConfirm={saveDraft} />
      <Button className='btn btn-primary staff-tags__save' disabled={busy} onClick={saveDraft}>
        {busy ? '保存中' : '保存'}
      </Button>
      <Button className='btn btn-ghost staff-tags__cancel' onClick={() => setDraft(null)}>
        取消
      </Button>
    </View>
  );

  return (
    <View className='page staff-tags'>
      <Text className='muted staff-tags__intro'>{manager ? '标签组由品牌统一设置，店长可增删改；「高关怀」由投诉自动添加，不能删除。' : '标签组仅店长可编辑，你可以在会员详情里为会员添加标签。'}</Text>
      {shown.map((g) => (
        <View key={g.groupId} className='section staff-tags__group'>
          <Text className='section-title'>{g.name}</Text>
          {g.tags.map((t) =>
            draft?.groupId === g.groupId && draft.tagId === t.tagId ? (
              <View key={t.tagId}>{editor}</View>
            ) : (
              <View key={t.tagId} className='staff-tags__row'>
                <Text className='staff-tags__name'>{t.name}</Text>
                {manager ? (
                  <View className='staff-tags__actions'>
                    <Text className='staff-tags__action' onClick={() => setDraft({ groupId: g.groupId, tagId: t.tagId, name: t.name })}>
                      改名
                    </Text>
                    {t.locked ? (
                      <Text className='muted staff-tags__locked'>不可删除</Text>
                    ) : (
                      <Text className='staff-tags__action staff-tags__action--danger' onClick={() => void remove(g, t.tagId, t.name)}>
                        删除
                      </Text>
                    )}
                  </View>
                ) : null}
              </View>
            ),
          )}
          {manager ? (
            draft?.groupId === g.groupId && draft.tagId === null ? (
              editor
            ) : (
              <View className='staff-tags__add' onClick={() => setDraft({ groupId: g.groupId, tagId: null, name: '' })}>
                ＋ 添加标签
              </View>
            )
          ) : null}
        </View>
      ))}
    </View>
  );
}
