import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorState, LoadingBlock } from '../../components/StateView';
import { pointsApi } from '../../services/points';
import { pageUrl } from '../../services/routes';
import { remoteRead, useReadOnShow } from '../../services/useReadOnShow';
import { useRemote } from '../../services/useRemote';
import { type BenefitLink, TierBenefits } from './TierBenefits';
import './index.scss';

const link = (page: 'styleQuiz' | 'outfits' | 'booking' | 'events' | 'cocreation', go: string): BenefitLink => ({ open: () => void Taro.navigateTo({ url: pageUrl(page) }), go });

/** Benefits that open their page (a benefit listed works; one not built yet says 即将开放): in a tier above the member's, the page says how to unlock it. */
const LINKS: Readonly<Record<string, BenefitLink>> = {
  风格测试: link('styleQuiz', '去测试'),
  '3天穿搭灵感': link('outfits', '去看看'),
  造型师1对1预约: link('booking', '去预约'),
  私享会邀请: link('events', '去报名'),
  品牌体验官: link('cocreation', '去参与'),
  新品共创: link('cocreation', '去投票'),
};

/**
 * 会员权益 (the benefits subpackage's first page; 造型师预约, 私享会 and 新品共创 beside it): where the member stands and how far the next tier is, then every tier — how it is
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
