import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { errorText } from '../../services/errors';
import { askToSubscribe } from '../../services/subscribe';

interface ReminderProps {
  /** reminder messages the member may still be sent (one per opt-in) */
  credits: number;
  onReminders: (reminders: PointsSummary['reminders']) => void;
}

/** 积分到期提醒: WeChat sends one message per opt-in, so the row says how many are left and offers another. */
export function Reminder({ credits, onReminders }: ReminderProps) {
  const [asking, setAsking] = useState(false);

  async function subscribe() {
    if (asking) return;
    setAsking(true);
    // WeChat shows its dialog only from a tap: askToSubscribe asks before anything else
    const outcome = await askToSubscribe(['pointsExpiring']);
    setAsking(false);
    if (outcome.kind === 'recorded') {
      onReminders(outcome.reminders);
      void Taro.showToast({ title: '已开启到期提醒', icon: 'success' });
    } else if (outcome.kind === 'declined' && outcome.blocked) {
      void Taro.showModal({
        title: '提醒被关闭了',
        content: '你在微信里关闭了本小程序的订阅消息。可在右上角「···」→「设置」→「订阅消息」中重新打开。',
        showCancel: false,
        confirmText: '知道了',
        confirmColor: '#1F1B16',
      });
    } else if (outcome.kind === 'declined') {
      void Taro.showToast({ title: '未开启提醒，可随时再开启', icon: 'none' });
    } else {
      void Taro.showToast({ title: outcome.error ? errorText(outcome.error) : '没能开启提醒，请稍后再试', icon: 'none' });
    }
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
