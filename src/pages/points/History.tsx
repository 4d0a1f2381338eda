import { Button, Text, View } from '@tarojs/components';
import { PointsLine } from '../../components/PointsLine';
import { ListFooter } from '../../components/ListFooter';
import { LoadingBlock } from '../../components/StateView';
import { errorText } from '../../services/errors';
import type { PointsHistory } from '../../services/usePointsHistory';

interface HistoryProps {
  history: PointsHistory;
  onRetryFirst: () => void;
  onMore: () => void;
  /** the empty history's way forward: the card, whose code the till scans */
  onShowCode: () => void;
}

/** 积分明细: newest first, a page at a time as the shopper scrolls; the footer says what is happening. */
export function History({ history, onRetryFirst, onMore, onShowCode }: HistoryProps) {
  const { lines, loaded, loading, failed, nextBefore } = history;
  return (
    <View className='section points-history'>
      <Text className='section-title'>积分明细</Text>
      {!loaded && failed ? (
        <View className='points-history__problem' role='alert'>
          <Text className='points-history__problem-text'>积分明细没能加载：{errorText(failed.error)}</Text>
          <Button className='btn btn-ghost points-history__retry' onClick={onRetryFirst}>
            重新加载
          </Button>
        </View>
      ) : !loaded ? (
        <LoadingBlock height={320} label='正在加载积分明细' />
      ) : lines.length === 0 ? (
        <View className='points-history__empty'>
          <Text className='points-history__empty-title'>还没有积分记录</Text>
          <Text className='points-history__empty-text'>到店消费即可获得积分（每实付 1 元得 1 积分）</Text>
          <Button className='btn btn-ghost points-history__show-code' onClick={onShowCode}>
            出示会员码
          </Button>
        </View>
      ) : (
        <View className='points-history__lines'>
          {lines.map((line) => (
            <PointsLine key={line.id} line={line} />
          ))}
          <ListFooter loading={loading === 'more'} failed={failed?.page === 'more' ? failed.error : null} end={nextBefore === null} onMore={onMore} />
        </View>
      )}
    </View>
  );
}

