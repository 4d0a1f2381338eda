import { Button, Text, View } from '@tarojs/components';
import type { BirthdayGift } from '../../../cloudfunctions/contract';
import { shopToday } from '../../services/format';
import './index.scss';

export interface BirthdayBannerProps {
  gift: BirthdayGift;
  /** a claim is under way */
  claiming: boolean;
  /** claimed on this page just now (this very coupon) */
  justClaimed: boolean;
  onClaim: () => void;
  onOpenWallet: () => void;
  /** today in the shop's calendar, "YYYY-MM-DD" (the phone's clock, Asia/Shanghai, unless given) */
  today?: string;
}

/** The window opens 3 days before the birthday: 生日快乐 only from the day itself. */
function wishFor(gift: BirthdayGift, today: string): string {
  const birthdayOn = gift.window?.birthdayOn;
  return birthdayOn && today < birthdayOn ? '生日快到啦🎂' : '生日快乐🎂';
}

/**
 * A slim, warm banner on the card while the birthday gift can be claimed (and after, in the same
 * window, a way to the coupon). Outside the window, or with no birthday on record, nothing; nor
 * when this year's gift was claimed but no coupon of it is here (it went with an earlier
 * membership the shopper left): the wallet would be empty.
 */
export function BirthdayBanner({ gift, claiming, justClaimed, onClaim, onOpenWallet, today = shopToday() }: BirthdayBannerProps) {
  const value = gift.gift?.value ?? gift.coupon?.value ?? null;
  const wish = wishFor(gift, today);
  if (gift.state === 'claimable') {
    return (
      <View className='birthday-banner' data-state='claimable'>
        <View className='birthday-banner__text'>
          <Text className='birthday-banner__title'>{wish}</Text>
          <Text className='birthday-banner__sub'>{value ? `生日礼券 ${value} 可领取` : '生日礼券可领取'}</Text>
        </View>
        <Button
          className={`birthday-banner__btn birthday-banner__btn--claim${claiming ? ' birthday-banner__btn--busy' : ''}`}
          disabled={claiming}
          onClick={() => !claiming && onClaim()}
          aria-label='领取生日礼券'
        >
          {claiming ? '领取中…' : '领取'}
        </Button>
      </View>
    );
  }
  if (gift.state !== 'claimed' || !gift.coupon) return null;
  return (
    <View className='birthday-banner birthday-banner--claimed' data-state='claimed' onClick={onOpenWallet} hoverClass='birthday-banner--pressed' role='link'>
      <View className='birthday-banner__text'>
        <Text className='birthday-banner__title'>{justClaimed ? wish : '生日礼券已领取'}</Text>
        <Text className='birthday-banner__sub'>{justClaimed ? (value ? `生日礼券 ${value}` : '生日礼券') : gift.coupon.validityText}</Text>
      </View>
      <Text className='birthday-banner__go'>{justClaimed ? '已领取 · 去看看' : '去看看 ›'}</Text>
    </View>
  );
}
