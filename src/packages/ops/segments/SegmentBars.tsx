import { Text, View } from '@tarojs/components';
import type { SegmentCounts } from '../../../services/opsSegments';

/** Members per segment: each a bar as long as its share of the largest, with the count and the percent written beside it. */
export function SegmentBars({ segments, total }: { segments: SegmentCounts['segments']; total: number }) {
  const largest = Math.max(1, ...segments.map((s) => s.count));
  return (
    <View className='seg-bars' role='list' aria-label='各分群人数'>
      {segments.map((s) => (
        <View key={s.code ?? '-'} className='seg-bar' role='listitem' aria-label={`${s.name} ${s.count} 人，占 ${s.percent}%`}>
          <View className='seg-bar__head'>
            <Text className='seg-bar__name'>{s.name}</Text>
            <Text className='seg-bar__figure'>{`${s.count.toLocaleString('zh-CN')} 人 · ${total === 0 ? '—' : `${s.percent}%`}`}</Text>
          </View>
          <View className='seg-bar__track'>
            <View className={`seg-bar__fill seg-bar__fill--${s.code ?? 'none'}`} style={{ width: `${(100 * s.count) / largest}%` }} />
          </View>
        </View>
      ))}
    </View>
  );
}
