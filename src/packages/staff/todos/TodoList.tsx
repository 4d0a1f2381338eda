import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Envelope } from '../../../../cloudfunctions/contract';
// StateView's styles before ListFooter's, as on the 积分 page: the weapp build wants one order
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { ListFooter } from '../../../components/ListFooter';
import { errorText } from '../../../services/errors';
import { pageUrl } from '../../../services/routes';
import { type SnoozeChoice, type TodoItem, type TodoView, staffTodosApi } from '../../../services/staffTodos';
import { toast } from '../../../services/toast';
import { usePagedList } from '../../../services/usePagedList';
import { useReadOnShow } from '../../../services/useReadOnShow';
import { TodoCard } from './TodoCard';

const EMPTY: Record<TodoView, { title: string; text: string }> = {
  open: { title: '今天没有待办', text: '生日、积分到期、久未到店和新会员的关怀，每天早上会出现在这里' },
  closed: { title: '还没有已完成的待办', text: '点「已联系」或「联系不上」后，待办会放到这里' },
};

const SNOOZED: Record<SnoozeChoice, string> = { later: '2 小时后再提醒', tomorrow: '明天上午再提醒', threeDays: '3 天后再提醒' };

/** What a refused action says: a colleague got there first, or the to-do is gone. */
const ACTION_ERRORS = { CONFLICT: '同事已处理了这条待办', NOT_FOUND: '这条待办已不在了' } as const;

/** One tab's list of to-dos, a page at a time; read again on every show, after every action. */
export function TodoList({ view, onChanged }: { view: TodoView; onChanged: () => void }) {
  const paged = usePagedList<TodoItem, string>({
    async fetch(cursor) {
      const answer = await staffTodosApi.todos(view, cursor);
      return answer.ok ? { ok: true, data: { items: answer.data.items, nextBefore: answer.data.nextCursor } } : answer;
    },
  });
  const { readAgain } = useReadOnShow([paged.read]);
  // a tab opened after the page showed: the platform's show has passed, so read now (a read already on its way is joined, not doubled)
  useEffect(() => {
    void paged.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useReachBottom(() => void paged.loadMore());
  const [busy, setBusy] = useState<string | null>(null);
  const { list } = paged;

  async function act(todo: TodoItem, run: () => Promise<Envelope<unknown>>, said: string) {
    setBusy(todo.todoId);
    const answer = await run();
    setBusy(null);
    toast(answer.ok ? said : errorText(answer.error, ACTION_ERRORS), answer.ok ? 'success' : 'none');
    await paged.reload();
    onChanged();
  }

  async function openMember(todo: TodoItem) {
    const answer = await staffTodosApi.openMember(todo.todoId);
    if (!answer.ok) return toast(errorText(answer.error, ACTION_ERRORS));
    void Taro.navigateTo({ url: pageUrl('staffMember', { memberId: answer.data.memberId }) });
  }

  async function copy(todo: TodoItem) {
    await Taro.setClipboardData({ data: todo.script });
    toast('话术已复制');
  }

  if (!list.loaded) {
    if (list.failed) return <ErrorState error={list.failed.error} onRetry={() => void readAgain()} />;
    return <LoadingBlock height={420} label='正在加载待办' />;
  }
  if (list.items.length === 0) {
    return (
      <View className='section staff-todos__empty'>
        <Text className='staff-todos__empty-title'>{EMPTY[view].title}</Text>
        <Text className='muted'>{EMPTY[view].text}</Text>
      </View>
    );
  }
  return (
    <View className='staff-todos__list'>
      {list.items.map((todo) => (
        <TodoCard
          key={todo.todoId}
          todo={todo}
          busy={busy === todo.todoId}
          onOpenMember={() => void openMember(todo)}
          onCopyScript={() => void copy(todo)}
          onClose={(outcome) => void act(todo, () => staffTodosApi.close(todo.todoId, outcome), outcome === 'done' ? '已记录：已联系' : '已记录：联系不上')}
          onSnooze={(until) => void act(todo, () => staffTodosApi.snooze(todo.todoId, until), SNOOZED[until])}
        />
      ))}
      <ListFooter loading={list.loading === 'more'} failed={list.failed?.page === 'more' ? list.failed.error : null} end={list.nextBefore === null} onMore={() => void paged.loadMore()} />
    </View>
  );
}
