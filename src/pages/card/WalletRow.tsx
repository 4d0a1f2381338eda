import { Text, View } from '@tarojs/components';
import type { MemberCard } from '../../../cloudfunctions/contract';
import { shopDay } from '../../services/format';

/** 我的券 with how many can be used and what ends soon; 领券中心 beside it. */
export function WalletRow({ wallet, onOpenWallet, onOpenCenter }: { wallet: MemberCard['wallet']; onOpenWallet: () => void; onOpenCenter: () => void }) {
  const soon = wallet.endingSoon ? `${wallet.endingSoon.name} ${shopDay(new Date(Date.parse(wallet.endingSoon.endsAt) - 1).toISOString()).slice(5)} 到期` : null;
  return (
    <View className='card-page__links'>
      <View className='card-page__link card-page__link--wallet' onClick={onOpenWallet} hoverClass='card-page__link--pressed' role='link'>
        <View className='card-page__link-main'>
          <Text>我的券</Text>
          <Text className='card-page__link-count'>{wallet.usable > 0 ? `${wallet.usable} 张可用` : '暂无可用'}</Text>
        </View>
        {soon ? <Text className='card-page__link-soon'>{soon}</Text> : null}
      </View>
      <View className='card-page__link' onClick={onOpenCenter} hoverClass='card-page__link--pressed' role='link'>
        <Text>领券中心</Text>
        <Text className='card-page__link-go'>›</Text>
      </View>
    </View>
  );
}
