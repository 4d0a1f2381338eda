import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { pointsApi } from '../../services/points';
import { pageUrl } from '../../services/routes';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import { TierBenefits } from './TierBenefits';
import './index.scss';

const open = (page: 'styleQuiz' | 'outfits') => () => void Taro.navigateTo({ url: pageUrl(page) });

/** Benefits that open their page (a benefit listed works; the unbuilt ones say 即将开放). */
const LINKS = { 风格测试: open('styleQuiz'), '3天穿搭灵感': open('outfits') };

/**
 * 会员权益 (the benefits subpackage's first page; issue 18 adds booking, events and co-creation
 * here): where the member stands and how far the next tier is, then every tier — how it is
 * reached, what it brings, the member's own marked. Opened from the 积分 tab's row (and preloaded
 * from it and the card); reads points.summary on every show and pull-down.
 */
export default function BenefitsPage() {
  const summary = useRemote(pointsApi.summary, { auto: false });
  const { readAgain, notMember } = useReadOnShow([remoteRead(summary)]);
  const state = summary.state;

  if (state.status === 'error' && !notMember) {
    return (
      <View className='page benefits'>
        <ErrorState error={state.error} onRetry={() => void readAgain()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page benefits'>
        <LoadingBlock height={160} label='正在加载会员权益' />
        <View className='benefits__gap' />
        <LoadingBlock height={720} />
      </View>
    );
  }

  const { tier, progress, tiers } = state.data;
  return (
    <View className='page benefits'>
      <View className='section benefits__top'>
        <Text className='muted'>你的等级</Text>
        <Text className='benefits__tier'>{tier.name}</Text>
        <Text className='benefits__next'>{progress.next ? progress.next.text : '已是最高等级，尽享全部权益'}</Text>
        {progress.keepText ? <Text className='muted benefits__keep'>{progress.keepText}</Text> : null}
      </View>
      <View className='section'>
        <Text className='section-title'>各等级权益</Text>
        {tiers.length > 0 ? (
          <TierBenefits tiers={tiers} current={tier.code} next={progress.next} links={LINKS} />
        ) : (
          <Text className='muted benefits__empty'>暂时没有可展示的等级权益，请稍后下拉刷新</Text>
        )}
      </View>
    </View>
  );
}
