import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { AppError, Envelope } from '../../../../cloudfunctions/contract';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { errorText } from '../../../services/errors';
import { pageUrl } from '../../../services/routes';
import { staffMemberApi, type ViewReason } from '../../../services/staffMember';
import { toast } from '../../../services/toast';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { CounterCoupons } from '../CounterCoupons';
import { CareSection } from './CareSection';
import { NoteForm } from './NoteForm';
import { MemberHead, type MemberView, OrdersAndWardrobe, PointsAndCoupons, StyleAndSizes } from './sections';
import { TagPicker } from './TagPicker';
import './index.scss';

const REASONS: readonly ViewReason[] = ['todo', 'complaint', 'followUp'];
const NOT_HERE = { NOT_FOUND: '没有找到这位会员，或TA不是本店会员', FORBIDDEN: '导购助手仅对门店员工开放' } as const;
const noMember: Envelope<MemberView> = { ok: false, error: { code: 'NOT_FOUND', message: 'no code or memberId in the page query' } };

/**
 * 会员详情 for the clerk: the member who showed their live code (?code=) or one of the store's
 * members from a to-do (?memberId=&reason=). Once open it reads by memberId (the code lives a
 * minute); every read is a look the audit log records. Notes, complaints (with the 2-hour
 * call-back and one 补偿券), staff tags, and 为TA搭配.
 */
export default function StaffMemberPage() {
  const { params } = useRouter();
  const reason = REASONS.find((r) => r === params.reason);
  const memberId = useRef<string | null>(params.memberId ?? null);
  const view = useRemote<MemberView>(
    async () => {
      const id = memberId.current;
      const answer = id ? await staffMemberApi.viewById(id, reason) : params.code ? await staffMemberApi.viewByCode(params.code) : noMember;
      if (answer.ok) memberId.current = answer.data.member.memberId;
      return answer;
    },
    { auto: false },
  );
  const groups = useRemote(staffMemberApi.tagGroups, { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(view), remoteRead(groups, { saysOwnProblems: true })]);
  const [saving, setSaving] = useState(false);
  const [giving, setGiving] = useState<string | null>(null);
  const [tagging, setTagging] = useState<string | null>(null);

  const state = view.state;
  if (state.status === 'error') {
    return (
      <View className='page staff-member'>
        {state.error.code === 'CODE_EXPIRED' ? (
          <ErrorState error={state.error} onRetry={() => void Taro.navigateBack()} retryText='返回重新扫码' />
        ) : (
          <ErrorState error={state.error} onRetry={() => void readAgain()} retryText='重新查看' />
        )}
        {state.error.code in NOT_HERE ? <View className='staff-member__why'>{errorText(state.error, NOT_HERE)}</View> : null}
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page staff-member'>
        <LoadingBlock height={260} label='正在查看会员' />
        <View className='staff-member__gap' />
        <LoadingBlock height={520} />
      </View>
    );
  }
  const data = state.data;
  const id = data.member.memberId;
  const say = (error: AppError) => toast(errorText(error, NOT_HERE));

  async function saveNote(kind: 'note' | 'complaint', text: string): Promise<boolean> {
    setSaving(true);
    const answer = await staffMemberApi.addNote(id, kind, text);
    setSaving(false);
    if (!answer.ok) return say(answer.error), false;
    const { note, callback, staffTags } = answer.data;
    view.set({
      ...data,
      notes: [note, ...data.notes.filter((n) => n.noteId !== note.noteId)],
      todos: callback ? [...data.todos.filter((t) => t.todoId !== callback.todoId), callback] : data.todos,
      staffTags,
    });
    // a success toast holds 7 characters in WeChat: the longer one goes without the tick
    toast(kind === 'complaint' ? '已登记投诉，请在 2 小时内回访' : '备注已保存', kind === 'complaint' ? 'none' : 'success');
    return true;
  }

  async function compensate(complaintId: string) {
    setGiving(complaintId);
    const answer = await staffMemberApi.giveCompensation(complaintId);
    setGiving(null);
    if (!answer.ok) return say(answer.error);
    view.set({ ...data, notes: data.notes.map((n) => (n.noteId === complaintId ? { ...n, compensated: true } : n)) });
    toast(answer.data.issuedNow ? `${answer.data.name}已发放，顾客可在「我的券」查看` : '这张补偿券之前已发放');
  }

  async function toggleTag(tagId: string, on: boolean) {
    setTagging(tagId);
    const answer = on ? await staffMemberApi.addTag(id, tagId) : await staffMemberApi.removeTag(id, tagId);
    setTagging(null);
    // a clerk taking off 高关怀 (set by a complaint) is told who may: the manager, once the call-back is done
    if (!answer.ok) return answer.error.code === 'FORBIDDEN' ? toast('高关怀由投诉添加，请店长确认回访后移除') : say(answer.error);
    view.set({ ...data, staffTags: answer.data.staffTags });
  }

  return (
    <View className='page staff-member'>
      <MemberHead view={data} />
      <Button className='btn btn-primary staff-member__outfit' onClick={() => void Taro.navigateTo({ url: pageUrl('staffOutfit', { memberId: id }) })}>
        为TA搭配
      </Button>
      <CareSection view={data} giving={giving} onCompensate={(c) => void compensate(c)} />
      <NoteForm saving={saving} onSave={saveNote} />
      {groups.state.status === 'ready' ? (
        <TagPicker groups={groups.state.data.groups} held={new Set(data.staffTags.map((t) => t.tagId))} busy={tagging} onToggle={(t, on) => void toggleTag(t, on)} />
      ) : null}
      <PointsAndCoupons view={data} />
      {/* 柜台查券 while the member's code is live (a store without an integrated till uses a coupon here) */}
      {params.code ? <CounterCoupons code={params.code} /> : null}
      <StyleAndSizes view={data} />
      <OrdersAndWardrobe view={data} />
    </View>
  );
}
