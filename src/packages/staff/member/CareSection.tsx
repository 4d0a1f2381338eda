import { Button, Text, View } from '@tarojs/components';
import { shopDateTime } from '../../../services/format';
import type { MemberView } from './sections';

export interface CareSectionProps {
  view: MemberView;
  /** the complaint whose 补偿券 is being given now */
  giving: string | null;
  onCompensate(complaintId: string): void;
}

const KIND_NAMES: Record<string, string> = { birthday: '生日', pointsExpiring: '积分到期', lapsed: '久未到店', newMember: '新会员', complaintCallback: '投诉回访', npsDetractor: '差评回访' };

/** The store's open to-dos for the member (a call-back past its time in red) and the store's notes, a complaint with its 补偿券. */
export function CareSection({ view, giving, onCompensate }: CareSectionProps) {
  return (
    <View className='section'>
      <Text className='section-title'>本店待办</Text>
      {view.todos.length === 0 ? <Text className='muted staff-member__empty'>没有待办</Text> : null}
      {view.todos.map((t) => (
        <View key={t.todoId} className={`staff-todo${t.overdue ? ' staff-todo--overdue' : ''}`}>
          <Text className='staff-todo__kind'>{KIND_NAMES[t.kind] ?? '待办'}</Text>
          <Text className='staff-todo__reason'>{t.reason}</Text>
          <Text className='staff-todo__due'>{t.overdue ? `已超时 · 应于 ${shopDateTime(t.dueAt)} 前完成` : `${shopDateTime(t.dueAt)} 前完成`}</Text>
        </View>
      ))}
      <Text className='section-title staff-member__sub'>本店备注</Text>
      {view.notes.length === 0 ? <Text className='muted staff-member__empty'>还没有备注</Text> : null}
      {view.notes.map((n) => (
        <View key={n.noteId} className={`staff-note${n.kind === 'complaint' ? ' staff-note--complaint' : ''}`}>
          <Text className='staff-note__text'>
            {n.kind === 'complaint' ? '【投诉】' : ''}
            {n.text}
          </Text>
          <Text className='muted staff-note__by'>
            {n.staffName} · {shopDateTime(n.at)}
          </Text>
          {n.kind === 'complaint' ? (
            n.compensated ? (
              <Text className='staff-note__given'>补偿券已发放</Text>
            ) : (
              <Button className='btn btn-ghost staff-note__give' disabled={giving !== null} onClick={() => onCompensate(n.noteId)}>
                {giving === n.noteId ? '正在发放…' : '发放补偿券'}
              </Button>
            )
          ) : null}
        </View>
      ))}
    </View>
  );
}
