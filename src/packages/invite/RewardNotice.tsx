import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useSubscribeAsk } from '../../services/subscribe';

/**
 * 奖励到账通知: WeChat sends one message per opt-in, when a friend's referral settles and the
 * rewards reach the wallet. Nothing here is a reward for sharing: it only tells the member later.
 */
export function RewardNotice() {
  const { asking, ask } = useSubscribeAsk(['referralReward'], '已开启奖励到账通知');
  const [credits, setCredits] = useState<number | null>(null);

  async function subscribe() {
    const reminders = await ask();
    if (reminders) setCredits(reminders.referralReward);
  }

  const on = credits !== null && credits > 0;
  return (
    <View className='section invite-notice'>
      <View className='invite-notice__text'>
        <Text className='invite-notice__title'>奖励到账通知</Text>
        <Text className='muted'>{on ? `已开启（剩余 ${credits} 次）` : '好友的奖励发放时，微信通知你'}</Text>
      </View>
      <Button className={`invite-notice__btn ${on ? 'invite-notice__btn--again' : 'invite-notice__btn--on'}${asking ? ' invite-notice__btn--busy' : ''}`} onClick={() => void subscribe()} aria-label={on ? '再订阅一次奖励到账通知' : '开启奖励到账通知'}>
        {asking ? '请稍候…' : on ? '再订阅一次' : '开启通知'}
      </Button>
    </View>
  );
}
