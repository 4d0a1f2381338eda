import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CouponFace, WalletStatus } from '../../../cloudfunctions/contract';
import './index.scss';

/**
 * What a ticket shows. Wallet coupons (CouponView), claim-centre entries and point rewards all
 * fit: the texts come ready-made from the functions, the ticket never works out a rule itself.
 * A spent coupon's validityText says how it ended ("已于2026-12-10 23:59过期", "完成首单后失效"),
 * so the ticket shows that one line and not endedReason beside it, which would say it twice.
 */
export type TicketCoupon = CouponFace & {
  validityText: string;
  /** the wallet tab it sits in; none (claim centre, rewards): an offer, shown as usable */
  status?: WalletStatus;
  expiringSoon?: boolean;
};

export interface CouponTicketProps {
  coupon: TicketCoupon;
  /** the ticket's button (去使用, 立即领取, 兑换…): a TicketAction */
  action?: ReactNode;
  /** further lines under the validity: stock and limits in the claim centre, the points price of a reward */
  children?: ReactNode;
  /** an offer that cannot be had (sold out): faded like a spent coupon, so the eye goes to the ones that can */
  dim?: boolean;
}

/** A coupon as a paper ticket: the value big on the stub, the name, rule and notes, when it is good for, and its button. */
export function CouponTicket({ coupon, action, children, dim = false }: CouponTicketProps) {
  const status = coupon.status ?? 'available';
  const ended = status !== 'available';
  return (
    <View className={`coupon-ticket coupon-ticket--${status}${dim ? ' coupon-ticket--dim' : ''}`} data-status={status} data-template={coupon.templateId}>
      <View className='coupon-ticket__stub'>
        <Text className='coupon-ticket__value'>{coupon.value}</Text>
        <Text className='coupon-ticket__rule'>{coupon.rule}</Text>
      </View>
      <View className='coupon-ticket__body'>
        <View className='coupon-ticket__head'>
          <Text className='coupon-ticket__name'>{coupon.name}</Text>
          {coupon.expiringSoon && !ended ? <Text className='coupon-ticket__soon'>即将过期</Text> : null}
        </View>
        {coupon.notes.length > 0 ? (
          <View className='coupon-ticket__notes'>
            {coupon.notes.map((note) => (
              <Text className='coupon-ticket__note' key={note}>
                {note}
              </Text>
            ))}
          </View>
        ) : null}
        <Text className='coupon-ticket__validity'>{coupon.validityText}</Text>
        {children ? <View className='coupon-ticket__extra'>{children}</View> : null}
        {action ? <View className='coupon-ticket__action'>{action}</View> : null}
      </View>
      {status === 'used' ? (
        <View className='coupon-ticket__stamp'>已使用</View>
      ) : null}
    </View>
  );
}

export interface TicketActionProps {
  label: string;
  onClick?: () => void;
  /** primary: the thing to do now; ghost: a way on; off: cannot be done, and the label says why */
  tone?: 'primary' | 'ghost' | 'off';
  /** a request is under way: the button shows it and ignores taps */
  busy?: boolean;
  busyLabel?: string;
  ariaLabel?: string;
}

/** A ticket's button: thumb-sized; when it cannot be tapped its words say why (已领取, 已抢光, 积分不足). */
export function TicketAction({ label, onClick, tone = 'primary', busy = false, busyLabel = '请稍候…', ariaLabel }: TicketActionProps) {
  const off = tone === 'off';
  return (
    <Button
      className={`coupon-ticket__btn coupon-ticket__btn--${tone}${busy ? ' coupon-ticket__btn--busy' : ''}`}
      disabled={off || busy}
      onClick={() => {
        if (!off && !busy) onClick?.();
      }}
      aria-label={ariaLabel ?? label}
    >
      {busy ? busyLabel : label}
    </Button>
  );
}
