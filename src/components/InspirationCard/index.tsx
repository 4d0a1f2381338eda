import { Image, Text, View } from '@tarojs/components';
import type { OutfitView } from '../../../cloudfunctions/contract/outfits';
import { pictureSrc } from '../../services/files';
import './index.scss';

/** Head to toe, the outer layer first: how the outfit's pictures stand in a row. */
const ORDER = ['outer', 'top', 'dress', 'bottom', 'shoes', 'accessory'] as const;

export interface InspirationCardProps {
  /** 1–3: the day of the three */
  dayNumber: number;
  /** the day's outfit, or none when nothing could be made */
  outfit: OutfitView | null;
  onOpen: () => void;
}

/** 3 天穿搭灵感 on the card: the day of three, the outfit's pictures and its reason; a tap opens 今日穿搭. */
export function InspirationCard({ dayNumber, outfit, onOpen }: InspirationCardProps) {
  const pieces = outfit ? ORDER.flatMap((slot) => (outfit.slots[slot] ? [outfit.slots[slot]!] : [])) : [];
  return (
    <View className='inspiration' onClick={onOpen} hoverClass='inspiration--pressed' role='link' aria-label='3 天穿搭灵感，看今日穿搭'>
      <View className='inspiration__head'>
        <Text className='inspiration__title'>3 天穿搭灵感</Text>
        <Text className='inspiration__day'>第 {dayNumber}/3 天</Text>
      </View>
      {pieces.length > 0 ? (
        <View className='inspiration__pictures'>
          {pieces.map((p) => (
            <View key={p.id} className='inspiration__picture'>
              <Image className='inspiration__image' src={pictureSrc(p.image)} mode='aspectFit' />
            </View>
          ))}
        </View>
      ) : null}
      <Text className='inspiration__text'>{outfit ? outfit.reason : '今天的灵感要用到你的衣橱，去看看今日穿搭'}</Text>
      <Text className='inspiration__go'>看今日穿搭 ›</Text>
    </View>
  );
}
