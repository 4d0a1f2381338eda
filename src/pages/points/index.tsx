import { View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { EntryRow } from '../../components/EntryRow';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { TierProgress } from '../../components/TierProgress';
import { pointsApi } from '../../services/points';
import { pageUrl } from '../../services/routes';
import { usePointsHistory } from '../../services/usePointsHistory';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useReferralProgress } from '../../services/useReferralProgress';
import { useRemote } from '../../services/useRemote';
import { Balance } from './Balance';
import { History } from './History';
import './index.scss';

/**
 * 我的积分: the balance and what expires, the expiry reminder, the way to what points buy (积分兑换, a
 * page of the coupons subpackage), the tier and how to reach the next, the way to 会员权益 (every
 * tier's benefits, a page of the benefits subpackage), and the history. Read afresh on every show and
 * on pull-down, keeping what is on screen while the new answers come.
 */
export default function PointsPage() {
  const summary = useRemote(pointsApi.summary, { auto: false });
  const { history, reload: reloadHistory, loadMore, read: historyRead } = usePointsHistory();
  // referral progress beside the tier: read once the summary is on screen
  const referral = useReferralProgress(summary.state.status === 'ready');
  const { readAgain, notMember } = useReadOnShow([remoteRead(summary), historyRead, referral.read]);
  useReachBottom(() => void loadMore());

  if (summary.state.status === 'error' && !notMember) {
    return (
      <View className='page'>
        <ErrorState error={summary.state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (summary.state.status !== 'ready') {
    return (
      <View className='page points'>
        <LoadingBlock height={360} label='正在加载积分' />
        <View className='points__gap' />
        <LoadingBlock height={340} label='正在加载会员等级' />
      </View>
    );
  }

  const data = summary.state.data;
  return (
    <View className='page points'>
      <Balance summary={data} onReminders={(reminders) => summary.set({ ...data, reminders })} />
      <EntryRow kind='rewards' title='积分兑换' text='用积分换优惠券' onOpen={() => void Taro.navigateTo({ url: pageUrl('rewards') })} />
      <TierProgress tier={data.tier} progress={data.progress} />
      <EntryRow kind='invite' title='邀请好友' text={referral.text} onOpen={() => void Taro.navigateTo({ url: pageUrl('invite') })} />
      <EntryRow kind='benefits' title='会员权益' text='各等级权益与升级方式' onOpen={() => void Taro.navigateTo({ url: pageUrl('benefits') })} />
      <History
        history={history}
        onRetryFirst={() => void reloadHistory()}
        onMore={() => void loadMore()}
        onShowCode={() => void Taro.switchTab({ url: pageUrl('card') })}
      />
    </View>
  );
}
