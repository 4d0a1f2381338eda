import { Button, Text, View } from '@tarojs/components';
import type { ActionOutput } from '../../../cloudfunctions/contract';
import { useSubscribeAsk } from '../../services/subscribe';

/** The subscribe-message credits held, as coupon.list and member.subscribe answer them. */
export type HeldReminders = ActionOutput<'coupon', 'list'>['reminders'];

/** The wallet's reminders: coupon expiry and the birthday gift (the points page has its own). */
export function walletRemindersOn(reminders: HeldReminders): boolean {
  return reminders.couponExpiring > 0 || reminders.birthdayGift > 0;
}

/**
 * What the row says once the member allowed reminders, in pieces that each stay on one line (a
 * narrow phone breaks between them, never inside "剩 2 次"): "已开启（剩余 2 次）" when both kinds
 * have as many left (one tap asks for both), each kind's count otherwise.
 */
export function heldParts(reminders: HeldReminders): string[] {
  const { couponExpiring: coupon, birthdayGift: birthday } = reminders;
  if (coupon > 0 && birthday > 0) return coupon === birthday ? ['已开启', `（剩余 ${coupon} 次）`] : ['已开启', `（券到期剩 ${coupon} 次，`, `生日礼剩 ${birthday} 次）`];
  return coupon > 0 ? ['已开启券到期提醒', `（剩余 ${coupon} 次）`] : ['已开启生日礼提醒', `（剩余 ${birthday} 次）`];
}

interface WalletReminderProps {
  /** the credits held, from the wallet's latest answer (or a subscribe since); null: not known */
  reminders: HeldReminders | null;
  /** the first answer is still on its way: the row does not guess meanwhile */
  loading: boolean;
  /** the shopper allowed some: the credits now held */
  onReminders: (reminders: HeldReminders) => void;
}

/**
 * 到期提醒: one tap asks WeChat for the coupon-expiry and birthday-gift messages together.
 * WeChat sends one message per opt-in, so the row says how many are left (from the wallet's own
 * answer, from the first load on) and offers another.
 */
export function WalletReminder({ reminders, loading, onReminders }: WalletReminderProps) {
  const { asking, ask } = useSubscribeAsk(['couponExpiring', 'birthdayGift']);

  async function subscribe() {
    const reminders = await ask();
    if (reminders) onReminders(reminders);
  }

  const on = reminders !== null && walletRemindersOn(reminders);
  // before the first answer the row neither offers nor claims anything (no 开启提醒 flashing to 再订阅一次)
  const pending = reminders === null && loading;
  return (
    <View className='wallet-reminder' data-state={pending ? 'pending' : on ? 'on' : 'off'}>
      <View className='wallet-reminder__text'>
        <Text className='wallet-reminder__title'>{on || pending ? '到期提醒' : '开启到期提醒'}</Text>
        <Text className='wallet-reminder__state'>
          {on && reminders
            ? heldParts(reminders).map((part) => (
                <Text className='wallet-reminder__part' key={part}>
                  {part}
                </Text>
              ))
            : '券快到期、生日礼可领时，微信通知你'}
        </Text>
      </View>
      {pending ? (
        <View className='wallet-reminder__btn-slot' aria-hidden />
      ) : (
        <Button
          className={`wallet-reminder__btn ${on ? 'wallet-reminder__btn--again' : 'wallet-reminder__btn--on'}${asking ? ' wallet-reminder__btn--busy' : ''}`}
          onClick={() => void subscribe()}
          aria-label={on ? '再订阅一次券到期提醒' : '开启券到期提醒'}
        >
          {asking ? '请稍候…' : on ? '再订阅一次' : '开启提醒'}
        </Button>
      )}
    </View>
  );
}
