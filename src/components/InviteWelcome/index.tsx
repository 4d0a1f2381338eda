import { Text, View } from '@tarojs/components';
import type { ReferralTerms } from '../../../cloudfunctions/contract';
import { yuanText } from '../../../cloudfunctions/contract/formats';
import './index.scss';

/**
 * Who invites the shopper and what both get, shown on the join page before anything is agreed to
 * (and on a Moments share). The rewards follow the shopper's own first purchase, and it says so.
 * (In the main package: every character here counts toward its size.)
 */
export function InviteWelcome({ nicknameMasked, terms }: { nicknameMasked: string; terms: ReferralTerms }) {
  return (
    <View className='section invite-welcome'>
      <Text className='invite-welcome__from'>{nicknameMasked} 邀请你加入悦衣会员</Text>
      <Text>
        入会后首单实付满{yuanText(terms.minOrderFen)}，{terms.returnWindowDays}天退货期过后，你和Ta都得「{terms.pass.name}」。
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
    <View className='section invite-welcome__hint'>
      <Text className='invite-welcome__from'>点击下方「前往小程序」入会</Text>
      <Text className='muted'>朋友圈里不能登录，进入小程序即可入会，邀请会保留。</Text>
    </View>
  );
}
