import { Text, View } from '@tarojs/components';
import type { ReferralTerms } from '../../../cloudfunctions/contract';
import { yuanText } from '../../../cloudfunctions/contract/formats';
import './index.scss';

export interface InviteWelcomeProps {
  /** the inviting member, masked (小*) */
  nicknameMasked: string;
  terms: ReferralTerms;
}

/**
 * Who invites the shopper and what both get, shown on the join page before anything is agreed to
 * (and on a Moments share). The rewards follow the shopper's own first purchase, and it says so.
 */
export function InviteWelcome({ nicknameMasked, terms }: InviteWelcomeProps) {
  const step = terms.inviterSteps[0]?.reward;
  return (
    <View className='invite-welcome' aria-label={`${nicknameMasked} 邀请你加入悦衣会员`}>
      <Text className='invite-welcome__from'>
        <Text className='invite-welcome__name'>{nicknameMasked}</Text> 邀请你加入悦衣会员
      </Text>
      <View className='invite-welcome__gets'>
        <Text className='invite-welcome__who'>你得</Text>
        <Text className='invite-welcome__what'>{terms.pass.name}</Text>
      </View>
      <View className='invite-welcome__gets'>
        <Text className='invite-welcome__who'>Ta 得</Text>
        <Text className='invite-welcome__what'>
          {terms.pass.name}
          {step ? ` 和 ${step.value}${step.name}` : ''}
        </Text>
      </View>
      <Text className='invite-welcome__when'>
        入会后首单实付满{yuanText(terms.minOrderFen)}，{terms.returnWindowDays}天退货期过后，你们都会收到，放在「我的券」里。
      </Text>
    </View>
  );
}

/**
 * What to do in single-page mode (a page opened from Moments): WeChat's own 前往小程序 bar at the
 * bottom opens the mini program on the same page and query, so the invite comes along.
 */
export function SinglePageHint() {
  return (
    <View className='section single-page-hint' role='note'>
      <Text className='single-page-hint__title'>点击屏幕下方的「前往小程序」入会</Text>
      <Text className='muted'>在朋友圈里打开的页面不能登录。进入悦衣会员小程序后，同意隐私政策即可入会，好友的邀请会一直保留。</Text>
    </View>
  );
}
