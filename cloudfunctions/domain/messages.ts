import { PAGES } from '../contract/pages';
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '../contract/formats';
import { shopDateLabel, shopDateTimeLabel } from './time';

/** A subscribe message as WeChat's send takes it: the template's fields, and the page a tap opens. */
export interface MessageDraft {
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** The 温馨提示 of the points-expiring reminder (the date is in date2). */
export const POINTS_EXPIRING_TIP = '积分到期后将失效，欢迎到店选购';

/**
 * "Points expiring": the brand's template 积分到期提醒 has the fields 积分数量 (number1),
 * 到期时间 (date2) and 温馨提示 (thing3); thing values are at most 20 characters.
 */
export function pointsExpiringMessage(points: number, expiresAt: Date): MessageDraft {
  return {
    templateId: SUBSCRIBE_TEMPLATES.pointsExpiring.id,
    page: PAGES.points,
    data: {
      number1: { value: String(points) },
      // the last day the points can be used
      date2: { value: shopDateLabel(new Date(expiresAt.getTime() - 1)) },
      // true to the programme as it is: points cannot be spent yet, so the tip never promises a use for them
      thing3: { value: POINTS_EXPIRING_TIP },
    },
  };
}

/** WeChat's thing values are at most 20 characters. */
const thing = (text: string) => ([...text].length <= 20 ? text : `${[...text].slice(0, 19).join('')}…`);

/**
 * "Coupon expiring": the template 优惠券到期提醒 with 优惠券 (thing1), 到期时间 (date2) and 温馨提示
 * (thing3). Several coupons ending on one day make one message.
 */
export function couponExpiringMessage(names: string[], validUntil: Date): MessageDraft {
  const first = names[0] ?? '优惠券';
  return {
    templateId: SUBSCRIBE_TEMPLATES.couponExpiring.id,
    page: PAGES.wallet,
    data: {
      thing1: { value: thing(names.length > 1 ? `${first}等${names.length}张券` : first) },
      date2: { value: shopDateLabel(new Date(validUntil.getTime() - 1)) },
      thing3: { value: '券即将过期，出示会员码即可使用' },
    },
  };
}

/** "Birthday gift": the template 生日礼券领取提醒 with 礼券 (thing1), 领取截止 (date2) and 温馨提示 (thing3). */
export function birthdayGiftMessage(giftName: string, claimClosesAt: Date): MessageDraft {
  return {
    templateId: SUBSCRIBE_TEMPLATES.birthdayGift.id,
    page: PAGES.card,
    data: {
      thing1: { value: thing(giftName) },
      date2: { value: shopDateLabel(new Date(claimClosesAt.getTime() - 1)) },
      thing3: { value: '生日快乐！打开会员卡即可领取' },
    },
  };
}

/**
 * "Referral reward": the template 邀请奖励到账通知 with 奖励内容 (thing1), 到账时间 (date2) and 温馨提示
 * (thing3), to each side of a settled referral that holds a credit for it.
 */
export function referralRewardMessage(rewards: string[], at: Date, side: 'inviter' | 'invitee'): MessageDraft {
  return {
    templateId: SUBSCRIBE_TEMPLATES.referralReward.id,
    page: PAGES.wallet,
    data: {
      thing1: { value: thing(rewards.join('、') || '邀请奖励') },
      date2: { value: shopDateLabel(at) },
      thing3: { value: side === 'inviter' ? '好友已完成首单，奖励已放入券包' : '欢迎加入，奖励已放入券包' },
    },
  };
}

/** 3 天穿搭灵感: day N's outfit is ready (it opens 今日穿搭). */
export function outfitInspirationMessage(dayNumber: number, at: Date): MessageDraft {
  return {
    templateId: SUBSCRIBE_TEMPLATES.outfitInspiration.id,
    page: PAGES.outfits,
    data: {
      thing1: { value: thing(`第${dayNumber}天穿搭灵感已更新`) },
      date2: { value: shopDateLabel(at) },
      thing3: { value: '按你的风格和衣橱搭好了，打开看看' },
    },
  };
}

/**
 * 造型师1对1 the day before: the template 造型师预约提醒 with 预约内容 (thing1), 预约时间 (time2)
 * and 门店 (thing3); a tap opens 我的预约 (the booking page), where it can still be moved or cancelled.
 */
export function bookingReminderMessage(stylistName: string, startAt: Date, storeName: string): MessageDraft {
  return {
    templateId: SUBSCRIBE_TEMPLATES.bookingReminder.id,
    page: PAGES.booking,
    data: {
      thing1: { value: thing(`造型师1对1 · ${stylistName}`) },
      time2: { value: shopDateTimeLabel(startAt) },
      thing3: { value: thing(storeName) },
    },
  };
}

/** What each template's fields are called on the message itself: the member's export reads them so. */
export const MESSAGE_FIELD_LABELS: Record<SubscribeTemplateKey, Record<string, string>> = {
  pointsExpiring: { number1: '积分数量', date2: '到期时间', thing3: '温馨提示' },
  couponExpiring: { thing1: '优惠券', date2: '到期时间', thing3: '温馨提示' },
  birthdayGift: { thing1: '礼券', date2: '领取截止', thing3: '温馨提示' },
  referralReward: { thing1: '奖励内容', date2: '到账时间', thing3: '温馨提示' },
  outfitInspiration: { thing1: '今日灵感', date2: '日期', thing3: '温馨提示' },
  bookingReminder: { thing1: '预约内容', time2: '预约时间', thing3: '门店' },
  campaignOffer: { thing1: '优惠内容', date2: '有效期至', thing3: '温馨提示' },
};
