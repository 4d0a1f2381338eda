import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { type TodoView, staffTodosApi } from '../../../services/staffTodos';
import { useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { Completion } from './Completion';
import { TodoList } from './TodoList';
import './index.scss';

const TABS: ReadonlyArray<{ view: TodoView; label: string }> = [
  { view: 'open', label: '待处理' },
  { view: 'closed', label: '已完成' },
];

/**
 * 待办 (导购助手): the store's care list — birthdays, points expiring, members who stopped coming,
 * new members and complaint call-backs — each with the reason, a script to copy and 已联系 /
 * 稍后提醒 / 联系不上; a tap opens the member. Managers also see 完成情况 per clerk (the answer
 * for anyone else is FORBIDDEN, and the section is simply not there).
 */
export default function StaffTodosPage() {
  const [view, setView] = useState<TodoView>('open');
  // once refused, not asked again on this page: the caller is not a manager
  const notManager = useRef(false);
  const stats = useRemote(async () => {
    const answer = await staffTodosApi.stats();
    if (!answer.ok && answer.error.code === 'FORBIDDEN') notManager.current = true;
    return answer;
  }, { auto: false });
  useReadOnShow([
    {
      refresh: async () => {
        if (notManager.current) return null;
        const answer = await stats.refresh();
        return answer.ok ? null : answer.error;
      },
      shown: () => stats.state.status === 'ready',
      failed: () => null,
      saysOwnProblems: true,
    },
  ]);
  const refreshStats = () => {
    if (!notManager.current) void stats.refresh();
  };

  return (
    <View className='page staff-todos'>
      <View className='staff-todos__tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.view}
            className={`staff-todos__tab${t.view === view ? ' staff-todos__tab--on' : ''}`}
            role='tab'
            aria-selected={t.view === view}
            hoverClass='staff-todos__tab--pressed'
            onClick={() => t.view !== view && setView(t.view)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {stats.state.status === 'ready' && view === 'open' ? <Completion stats={stats.state.data} /> : null}
      <TodoList key={view} view={view} onChanged={refreshStats} />
    </View>
  );
}
