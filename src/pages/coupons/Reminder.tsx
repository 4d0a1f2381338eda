import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { askToSubscribe, tellSubscribeOutcome } from '../../services/subscribe';

/** What the row says once the member allowed reminders: each kind with the messages it has left. */
function heldText(reminders: PointsSummary['reminders']): string {
  const parts = [
    reminders.couponExpiring > 0 ? `券到期提醒剩余 ${reminders.couponExpiring} 次` : null,
    reminders.birthdayGift > 0 ? `生日礼提醒剩余 ${reminders.birthdayGift} 次` : null,
  ].filter(Boolean);
  return `已开启（${parts.join('，')}）`;
}

/**
 * 开启到期提醒: one tap asks WeChat for the coupon-expiry and birthday-gift messages together.
 * WeChat sends one message per opt-in; the list answer does not carry the credits held, so the row
 * says how many are left once the member has allowed some here.
 */
export function WalletReminder() {
  const [asking, setAsking] = useState(false);
  const [held, setHeld] = useState<PointsSummary['reminders'] | null>(null);

  async function subscribe() {
    if (asking) return;
    setAsking(true);
    // WeChat shows its dialog only from a tap: askToSubscribe asks before anything else
    const outcome = await askToSubscribe(['couponExpiring', 'birthdayGift']);
    setAsking(false);
    const reminders = tellSubscribeOutcome(outcome);
    if (reminders) setHeld(reminders);
  }

  const on = held !== null && (held.couponExpiring > 0 || held.birthdayGift > 0);
  return (
    <View className='wallet-reminder'>
      <View className='wallet-reminder__text'>
        <Text className='wallet-reminder__title'>开启到期提醒</Text>
        <Text className='wallet-reminder__state'>{on && held ? heldText(held) : '券快到期、生日礼可领时，微信通知你'}</Text>
      </View>
      <Button
        className={`wallet-reminder__btn ${on ? 'wallet-reminder__btn--again' : 'wallet-reminder__btn--on'}${asking ? ' wallet-reminder__btn--busy' : ''}`}
        onClick={() => void subscribe()}
        aria-label={on ? '再订阅一次券到期提醒' : '开启券到期提醒'}
      >
        {asking ? '请稍候…' : on ? '再订阅一次' : '开启提醒'}
      </Button>
    </View>
  );
}
