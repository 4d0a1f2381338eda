import { Button, Text, View } from '@tarojs/components';
import { useSubscribeAsk } from '../../../services/subscribe';

export interface BookingReminderProps {
  /** reminders the member has allowed and not yet used */
  credits: number;
  onCredits: (credits: number) => void;
}

/**
 * 预约前一天提醒: WeChat sends one message per allow, so the member allows it here (a tap, never a
 * condition for booking) and sees how many reminders are left; the day before, at 10:00, the
 * earliest booking of the next day is reminded.
 */
export function BookingReminder({ credits, onCredits }: BookingReminderProps) {
  const { asking, ask } = useSubscribeAsk(['bookingReminder'], '已开启预约提醒');

  async function subscribe() {
    const reminders = await ask();
    if (reminders) onCredits(reminders.bookingReminder);
  }

  const on = credits > 0;
  return (
    <View className='booking-reminder'>
      <View className='booking-reminder__text'>
        <Text className='booking-reminder__title'>预约前一天提醒我</Text>
        <Text className='muted'>{on ? `已开启，前一天上午微信提醒你（剩余 ${credits} 次）` : '微信每次授权可提醒一次，开启后前一天上午提醒你'}</Text>
      </View>
      <Button className={`booking-reminder__btn ${on ? 'booking-reminder__btn--again' : 'booking-reminder__btn--on'}${asking ? ' booking-reminder__btn--busy' : ''}`} onClick={() => void subscribe()} aria-label={on ? '再开启一次预约提醒' : '开启预约提醒'}>
        {asking ? '请稍候…' : on ? '再开启一次' : '开启提醒'}
      </Button>
    </View>
  );
}
