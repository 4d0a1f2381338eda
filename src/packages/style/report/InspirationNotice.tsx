import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useSubscribeAsk } from '../../../services/subscribe';

/**
 * 3 天穿搭灵感's reminder: after the first report, one outfit a day for three days waits on the
 * card; WeChat can say so once a day for each time the member allows it. Asking is the member's
 * choice (a tap), never a condition for anything.
 */
export function InspirationNotice() {
  const { asking, ask } = useSubscribeAsk(['outfitInspiration'], '已开启穿搭灵感提醒');
  const [credits, setCredits] = useState<number | null>(null);

  async function subscribe() {
    const reminders = await ask();
    if (reminders) setCredits(reminders.outfitInspiration);
  }

  const on = credits !== null && credits > 0;
  return (
    <View className='report-inspiration'>
      <View className='report-inspiration__text'>
        <Text className='report-inspiration__title'>3 天穿搭灵感</Text>
        <Text className='muted'>{on ? `已开启提醒（剩余 ${credits} 次）` : '接下来 3 天，每天在会员卡上为你搭一套；开启后微信提醒你'}</Text>
      </View>
      <Button className={`report-inspiration__btn ${on ? 'report-inspiration__btn--again' : 'report-inspiration__btn--on'}${asking ? ' report-inspiration__btn--busy' : ''}`} onClick={() => void subscribe()} aria-label={on ? '再开启一次穿搭灵感提醒' : '开启穿搭灵感提醒'}>
        {asking ? '请稍候…' : on ? '再开启一次' : '开启提醒'}
      </Button>
    </View>
  );
}
