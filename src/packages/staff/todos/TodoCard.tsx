import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SnoozeChoice, TodoItem } from '../../../services/staffTodos';

/** "12月9日 23:59" in shop time (UTC+8 all year). */
export function momentWords(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

export const KIND_LABEL: Record<TodoItem['kind'], string> = {
  birthday: '生日关怀',
  pointsExpiring: '积分到期',
  lapsed: '久未到店',
  newMember: '新会员',
  complaintCallback: '投诉回访',
  npsDetractor: '差评回访',
};

const SNOOZES: ReadonlyArray<{ until: SnoozeChoice; label: string }> = [
  { until: 'later', label: '2 小时后' },
  { until: 'tomorrow', label: '明天上午' },
  { until: 'threeDays', label: '3 天后' },
];

export interface TodoCardProps {
  todo: TodoItem;
  /** an action on this card is on its way: its buttons wait */
  busy: boolean;
  onOpenMember: () => void;
  onCopyScript: () => void;
  onClose: (outcome: 'done' | 'unreachable') => void;
  onSnooze: (until: SnoozeChoice) => void;
}

/** One to-do: who, why, what to say (copyable), when it is due (red when overdue), and what the clerk did. */
export function TodoCard({ todo, busy, onOpenMember, onCopyScript, onClose, onSnooze }: TodoCardProps) {
  const [choosing, setChoosing] = useState(false);
  const open = todo.state === 'open' || todo.state === 'snoozed';
  const { member } = todo;
  return (
    <View className={`todo-card${todo.overdue ? ' todo-card--overdue' : ''}`} data-todo={todo.todoId}>
      <View className='todo-card__member' onClick={onOpenMember} hoverClass='todo-card__member--pressed' role='link' aria-label='查看会员'>
        <View className='todo-card__who'>
          <Text className='todo-card__name'>{member.nickname ?? '会员'}</Text>
          <Text className='todo-card__tier'>{member.tierName}</Text>
          {member.phoneMasked ? <Text className='muted todo-card__phone'>{member.phoneMasked}</Text> : null}
        </View>
        <Text className='todo-card__kind'>{KIND_LABEL[todo.kind]}</Text>
      </View>
      <Text className='todo-card__reason'>{todo.reason}</Text>
      {open ? (
        <Text className={`todo-card__due${todo.overdue ? ' todo-card__due--late' : ''}`}>{todo.overdue ? `已超时 · 应于 ${momentWords(todo.dueAt)} 前联系` : `请于 ${momentWords(todo.dueAt)} 前联系`}</Text>
      ) : (
        <Text className='muted todo-card__closed'>
          {`${todo.state === 'done' ? '已联系' : '联系不上'} · ${todo.closedBy ?? ''} · ${todo.closedAt ? momentWords(todo.closedAt) : ''}`}
          {todo.state === 'done' ? (todo.onTime ? ' · 按时' : ' · 超时') : ''}
        </Text>
      )}
      {open ? (
        <View className='todo-card__script'>
          <Text className='todo-card__script-label'>参考话术</Text>
          <Text className='todo-card__script-text' userSelect>
            {todo.script}
          </Text>
          <View className='todo-card__copy' onClick={onCopyScript} hoverClass='todo-card__copy--pressed' role='button'>
            复制话术
          </View>
        </View>
      ) : null}
      {open && !choosing ? (
        <View className='todo-card__actions'>
          <Button className='btn btn-primary todo-card__btn' disabled={busy} onClick={() => onClose('done')}>
            已联系
          </Button>
          <Button className='btn btn-ghost todo-card__btn' disabled={busy} onClick={() => setChoosing(true)}>
            稍后提醒
          </Button>
          <Button className='btn btn-ghost todo-card__btn' disabled={busy} onClick={() => onClose('unreachable')}>
            联系不上
          </Button>
        </View>
      ) : null}
      {open && choosing ? (
        <View className='todo-card__actions todo-card__snooze' role='group' aria-label='稍后提醒'>
          {SNOOZES.map((s) => (
            <Button
              key={s.until}
              className='btn btn-ghost todo-card__btn'
              disabled={busy}
              onClick={() => {
                setChoosing(false);
                onSnooze(s.until);
              }}
            >
              {s.label}
            </Button>
          ))}
          <View className='todo-card__cancel' onClick={() => setChoosing(false)} role='button'>
            取消
          </View>
        </View>
      ) : null}
    </View>
  );
}
