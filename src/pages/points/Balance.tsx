import { Text, View } from '@tarojs/components';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { lastShopDay, thousands } from '../../services/format';
import { Reminder } from './Reminder';

interface BalanceProps {
  summary: PointsSummary;
  onReminders: (reminders: PointsSummary['reminders']) => void;
}

/** The balance first and biggest; then what expires next, what is owed, and the expiry reminder. */
export function Balance({ summary, onReminders }: BalanceProps) {
  const { balance, debt, nextExpiry, expiringSoonPoints } = summary;
  return (
    <View className='section points-balance'>
      <Text className='points-balance__label'>可用积分</Text>
      <Text className='points-balance__value'>{thousands(balance)}</Text>

      {expiringSoonPoints > 0 ? (
        <Text className='points-balance__soon'>
          30天内将有 {thousands(expiringSoonPoints)} 积分到期
        </Text>
      ) : null}
      {nextExpiry ? (
        <Text className='points-balance__expiry'>
          {thousands(nextExpiry.points)} 积分将于 {lastShopDay(nextExpiry.expiresAt)} 到期
        </Text>
      ) : (
        <Text className='points-balance__expiry'>到店消费，每实付 1 元得 1 积分</Text>
      )}

      {debt > 0 ? (
        <View className='points-balance__debt'>
          <Text className='points-balance__debt-title'>有 {thousands(debt)} 积分待抵扣</Text>
          <Text className='points-balance__debt-text'>退货时已使用的积分，将从之后获得的积分中扣除</Text>
        </View>
      ) : null}

      <Reminder credits={summary.reminders.pointsExpiring} onReminders={onReminders} />
    </View>
  );
}
