import { Button, Text, View } from '@tarojs/components';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { useSubscribeAsk } from '../../services/subscribe';

interface ReminderProps {
  /** reminder messages the member may still be sent (one per opt-in) */
  credits: number;
  onReminders: (reminders: PointsSummary['reminders']) => void;
}

/** 积分到期提醒: WeChat sends one message per opt-in, so the row says how many are left and offers another. */
export function Reminder({ credits, onReminders }: ReminderProps) {
  const { asking, ask } = useSubscribeAsk(['pointsExpiring']);

  async function subscribe() {
    const reminders = await ask();
    if (reminders) onReminders(reminders);
  }

  const on = credits > 0;
  return (
    <View className='points-reminder'>
      <View className='points-reminder__text'>
        <Text className='points-reminder__title'>积分到期提醒</Text>
        <Text className='points-reminder__state'>{on ? `已开启（剩余 ${credits} 次）` : '积分到期前，微信通知你'}</Text>
      </View>
      <Button
        className={`points-reminder__btn ${on ? 'points-reminder__btn--again' : 'points-reminder__btn--on'}${asking ? ' points-reminder__btn--busy' : ''}`}
        onClick={() => void subscribe()}
        aria-label={on ? '再订阅一次积分到期提醒' : '开启积分到期提醒'}
      >
        {asking ? '请稍候…' : on ? '再订阅一次' : '开启提醒'}
      </Button>
    </View>
  );
}
