import { Text, View } from '@tarojs/components';
import type { TodoStats } from '../../../services/staffTodos';

const ROLE = { clerk: '导购', stylist: '造型师', manager: '店长' } as const;

/** 完成情况 (managers): open and overdue to-dos of the store, and this month's closes per clerk. */
export function Completion({ stats }: { stats: TodoStats }) {
  return (
    <View className='section todo-stats'>
      <Text className='section-title'>完成情况</Text>
      <View className='todo-stats__totals'>
        <Text>{`待处理 ${stats.open} 条`}</Text>
        <Text className={stats.overdue > 0 ? 'todo-stats__late' : 'muted'}>{`已超时 ${stats.overdue} 条`}</Text>
      </View>
      <Text className='muted'>{`${stats.month} 各店员完成的待办（按时 = 在截止前联系）`}</Text>
      {stats.clerks.map((c) => (
        <View key={`${c.role}:${c.name}`} className='todo-stats__row'>
          <Text className='todo-stats__name'>{`${c.name} · ${ROLE[c.role]}`}</Text>
          <Text className='todo-stats__figures'>{`已联系 ${c.done}（按时 ${c.onTime}） · 联系不上 ${c.unreachable}`}</Text>
        </View>
      ))}
    </View>
  );
}
