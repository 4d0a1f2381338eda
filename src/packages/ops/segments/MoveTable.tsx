import { Text, View } from '@tarojs/components';
import type { SegmentMovement } from '../../../services/opsSegments';

/** 近一周流动: from → to, how many, and a few of them (member number and a masked nickname). */
export function MoveTable({ moves }: { moves: SegmentMovement['moves'] }) {
  return (
    <View className='seg-moves' role='table' aria-label='近一周分群流动'>
      <View className='seg-moves__row seg-moves__row--head' role='row'>
        <View className='seg-moves__cell seg-moves__cell--from' role='columnheader'>
          上周
        </View>
        <View className='seg-moves__cell seg-moves__cell--to' role='columnheader'>
          本周
        </View>
        <View className='seg-moves__cell seg-moves__cell--count' role='columnheader'>
          人数
        </View>
      </View>
      {moves.map((m) => (
        <View key={`${m.from.code}>${m.to.code}`} className='seg-moves__item' role='row'>
          <View className='seg-moves__row'>
            <View className='seg-moves__cell seg-moves__cell--from' role='cell'>
              {m.from.name}
            </View>
            <View className='seg-moves__cell seg-moves__cell--to' role='cell'>
              {`→ ${m.to.name}`}
            </View>
            <View className='seg-moves__cell seg-moves__cell--count' role='cell'>
              {m.count.toLocaleString('zh-CN')}
            </View>
          </View>
          {m.sample.length > 0 && <Text className='seg-moves__sample muted'>{`如 ${m.sample.map((s) => `${s.nickname}（${s.memberId}）`).join('、')}`}</Text>}
        </View>
      ))}
    </View>
  );
}
