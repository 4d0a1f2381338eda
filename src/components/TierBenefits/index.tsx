import { Text, View } from '@tarojs/components';
import type { PointsSummary } from '../../../cloudfunctions/contract';
import './index.scss';

export interface TierBenefitsProps {
  tiers: PointsSummary['tiers'];
  /** the member's tier: marked 当前等级 */
  current: PointsSummary['tier']['code'];
  /** benefits that open a page, by their words (风格测试 → the quiz): shown as links */
  links?: Readonly<Record<string, () => void>>;
}

/** Every tier, how it is reached and what it brings; the member's own marked. */
export function TierBenefits({ tiers, current, links = {} }: TierBenefitsProps) {
  return (
    <View className='tier-benefits'>
      {tiers.map((tier) => {
        const mine = tier.code === current;
        return (
          <View
            key={tier.code}
            className={`tier-benefits__tier tier-benefits__tier--${tier.code}${mine ? ' tier-benefits__tier--current' : ''}`}
            data-tier={tier.code}
            aria-current={mine ? 'true' : undefined}
          >
            <View className='tier-benefits__head'>
              <View className='tier-benefits__swatch' />
              <Text className='tier-benefits__name'>{tier.name}</Text>
              {mine ? <Text className='tier-benefits__mine'>当前等级</Text> : null}
            </View>
            <Text className='tier-benefits__rule'>{tier.rule}</Text>
            <View className='tier-benefits__list'>
              {tier.benefits.map((benefit) =>
                links[benefit] ? (
                  <View key={benefit} className='tier-benefits__benefit tier-benefits__benefit--link' onClick={links[benefit]} hoverClass='tier-benefits__benefit--pressed' role='link'>
                    {benefit}
                    <Text className='tier-benefits__go'>去看看 ›</Text>
                  </View>
                ) : (
                  <Text key={benefit} className='tier-benefits__benefit'>
                    {benefit}
                  </Text>
                ),
              )}
            </View>
          </View>
        );
      })}
    </View>
  );
}
