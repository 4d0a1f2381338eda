import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { thousands } from '../../../services/format';
import { pointsApi } from '../../../services/points';
import { pageUrl } from '../../../services/routes';
import { remoteRead, useReadOnShow } from '../../../services/useReadOnShow';
import { useRemote } from '../../../services/useRemote';
import { Rewards } from './Rewards';
import './index.scss';

/**
 * 积分兑换, opened from the 积分 tab (in the coupons subpackage, which every tab preloads, beside
 * the tickets it draws): the points there are to spend, then what they buy. Read on every show and
 * pull-down; the list says its own problems (with a retry) and only leaving the programme concerns
 * the page. The 积分 tab reads the balance again when the member goes back.
 */
export default function RewardsPage() {
  const rewards = useRemote(pointsApi.rewards, { auto: false });
  const { readAgain } = useReadOnShow([remoteRead(rewards, { saysOwnProblems: true })]);
  const state = rewards.state;
  return (
    <View className='page rewards-page'>
      {state.status === 'ready' && (
        <View className='section rewards-page__balance'>
          <Text className='muted'>可用积分</Text>
          <Text className='rewards-page__points'>{thousands(state.data.balance)}</Text>
        </View>
      )}
      <Rewards rewards={state} onRetry={() => void rewards.reload()} onChanged={readAgain} onOpenWallet={() => void Taro.navigateTo({ url: pageUrl('wallet') })} />
    </View>
  );
}
