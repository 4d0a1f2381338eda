import { Image, Text, View } from '@tarojs/components';
import type { MemberCard } from '../../../cloudfunctions/contract';
import { imageSrc } from '../../services/files';
import { grouped, initialOf, shopDateShort, thousands } from '../../services/format';
import './index.scss';

/** The tier's name in the card's small caps line. */
const TIER_MOTTO: Record<MemberCard['tier'], string> = {
  explorer: 'EXPLORER',
  grower: 'GROWER',
  loyal: 'LOYAL',
};

export interface TierCardProps {
  card: MemberCard;
  /** when given, the points figure is a button (the card page opens the points tab) */
  onPointsTap?: () => void;
  /** the card was read a while ago: when, as the shop reads it ("12-06 14:05"), said under the points */
  updatedAt?: string | null;
}

/** The membership card, dressed in its tier's look: sand for 探索者, sage for 成长者, black and gold for 忠诚者. */
export function TierCard({ card, onPointsTap, updatedAt = null }: TierCardProps) {
  const pointsLabel = updatedAt ? `积分更新于 ${updatedAt}` : '积分';
  const avatar = imageSrc(card.avatar);
  const name = card.nickname ?? '悦衣会员';
  return (
    <View className={`tier-card tier-card--${card.tier}`} data-tier={card.tier}>
      <View className='tier-card__top'>
        <View className='tier-card__brand'>
          <Text className='tier-card__brand-cn'>悦衣会员</Text>
          <Text className='tier-card__brand-en'>YUEYI CLUB</Text>
        </View>
        <View className='tier-card__badge'>
          <Text className='tier-card__tier'>{card.tierName}</Text>
          <Text className='tier-card__motto'>{TIER_MOTTO[card.tier]}</Text>
        </View>
      </View>

      <View className='tier-card__who'>
        {avatar ? (
          <Image className='tier-card__avatar' src={avatar} mode='aspectFill' />
        ) : (
          <View className='tier-card__avatar tier-card__avatar--initial'>{initialOf(name)}</View>
        )}
        <View className='tier-card__name'>{name}</View>
      </View>

      <View className='tier-card__bottom'>
        {onPointsTap ? (
          <View
            className='tier-card__points tier-card__points--link'
            onClick={onPointsTap}
            hoverClass='tier-card__points--pressed'
            role='button'
            aria-label={`${thousands(card.points)} 积分，查看积分明细`}
          >
            <Text className='tier-card__points-value'>{thousands(card.points)}</Text>
            <Text className={`tier-card__label${updatedAt ? ' tier-card__label--stale' : ''}`}>{pointsLabel} ›</Text>
          </View>
        ) : (
          <View className='tier-card__points'>
            <Text className='tier-card__points-value'>{thousands(card.points)}</Text>
            <Text className={`tier-card__label${updatedAt ? ' tier-card__label--stale' : ''}`}>{pointsLabel}</Text>
          </View>
        )}
        <View className='tier-card__facts'>
          <Text className='tier-card__fact'>NO. {grouped(card.memberId)}</Text>
          {/* the home store and the day they joined on lines of their own: a narrow phone cuts a long store name, never the date */}
          <Text className='tier-card__fact tier-card__fact--store'>{card.homeStore.name}</Text>
          <Text className='tier-card__fact tier-card__fact--since'>{shopDateShort(card.memberSince)} 入会</Text>
        </View>
      </View>
    </View>
  );
}
