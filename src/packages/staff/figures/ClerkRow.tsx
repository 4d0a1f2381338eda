import { Text, View } from '@tarojs/components';
import type { ClerkFigures } from '../../../services/staffTodos';

type Clerk = ClerkFigures['clerks'][number];
const ROLE = { clerk: '导购', stylist: '造型师', manager: '店长' } as const;

/** "2/3（67%）", or "—" when there is nothing to count. */
export function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${part}/${whole}（${Math.round((part / whole) * 100)}%）`;
}

/** One clerk's month: who they signed up and what became of them, and how they kept up with the care list. */
export function ClerkRow({ clerk }: { clerk: Clerk }) {
  const figures: Array<[string, string]> = [
    ['招募会员', `${clerk.signedUp} 人`],
    ['首单转化', share(clerk.firstOrders, clerk.signedUp)],
    ['升级会员', `${clerk.upgrades} 人`],
    ['待办按时完成', share(clerk.todosOnTime, clerk.todosDone)],
    ['投诉 2 小时内回访', share(clerk.callbacksWithin2h, clerk.callbacksClosed)],
  ];
  return (
    <View className='clerk-row'>
      <View className='clerk-row__head'>
        <Text className='clerk-row__name'>{clerk.name}</Text>
        <Text className='muted'>{`${ROLE[clerk.role]}${clerk.active ? '' : ' · 已离职'}`}</Text>
      </View>
      <View className='clerk-row__grid'>
        {figures.map(([label, value]) => (
          <View key={label} className='clerk-row__cell'>
            <Text className='clerk-row__value'>{value}</Text>
            <Text className='muted clerk-row__label'>{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
