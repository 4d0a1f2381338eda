import { Text, View } from '@tarojs/components';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import { isComingSoon } from '../../services/comingSoon';
import './TierBenefits.scss';

/** A benefit that opens its page, and what its link says in the member's own tier (去预约). */
export interface BenefitLink {
  open: () => void;
  go: string;
}

export interface TierBenefitsProps {
  tiers: PointsSummary['tiers'];
  /** the member's tier: marked 当前等级; the tiers after it say how to get there */
  current: PointsSummary['tier']['code'];
  /** the next tier and what is left to reach it (the summary's progress.next), said on that tier */
  next?: PointsSummary['progress']['next'];
  /** benefits that open a page, by their words (风格测试 → the quiz) and what the link says (去测试): shown as links */
  links?: Readonly<Record<string, BenefitLink>>;
}

/** Every tier, how it is reached and what it brings; the member's own marked, the next one's way there said. */
export function TierBenefits({ tiers, current, next = null, links = {} }: TierBenefitsProps) {
  const mineAt = tiers.findIndex((t) => t.code === current);
  return (
    <View className='tier-benefits'>
      {tiers.map((tier, i) => {
        const mine = i === mineAt;
        return (
          <View
            key={tier.code}
            className={`tier-benefits__tier tier-benefits__tier--${tier.code}${mine ? ' tier-benefits__tier--current' : ''}`}
            data-tier={tier.code}
            aria-current={mine ? 'true' : undefined}
          >
            <View className='tier-benefits__head'>
              <Text className='tier-benefits__name'>{tier.name}</Text>
              {mine ? <Text className='tier-benefits__mine'>当前等级</Text> : null}
            </View>
            <Text className='tier-benefits__rule'>{tier.rule}</Text>
            {i > mineAt && next?.code === tier.code ? <Text className='tier-benefits__how'>{next.text}</Text> : null}
            {tier.benefits.map((benefit) =>
              isComingSoon(benefit) ? (
                <Text key={benefit} className='tier-benefits__benefit tier-benefits__benefit--soon'>
                  {benefit} · 即将开放
                </Text>
              ) : links[benefit] ? (
                // a tier above the member's says how to unlock it (its page says so too, with the way there)
                <View key={benefit} className='tier-benefits__benefit tier-benefits__benefit--link' onClick={links[benefit]!.open} hoverClass='tier-benefits__benefit--pressed' role='link'>
                  {benefit}
                  <Text className={`tier-benefits__go${i > mineAt ? ' tier-benefits__go--locked' : ''}`}>{i > mineAt ? `${unlockWords(tier, next)} ›` : `${links[benefit]!.go} ›`}</Text>
                </View>
              ) : (
                <Text key={benefit} className='tier-benefits__benefit'>
                  {benefit}
                </Text>
              ),
            )}
          </View>
        );
      })}
    </View>
  );
}

/** How a tier above the member's is unlocked, in a few words: what is left for the next one (再消费 ¥601 解锁), or the tier to reach. */
function unlockWords(tier: PointsSummary['tiers'][number], next: PointsSummary['progress']['next']): string {
  if (next?.code === tier.code) return `${next.text.replace(/升级\S+$/, '').trim()} 解锁`;
  return `升级${tier.name}后可用`;
}
