import { Text, View } from '@tarojs/components';
import type { AppError } from '../../../cloudfunctions/contract';
import { errorText } from '../../services/errors';
import './index.scss';

export interface ListFooterProps {
  /** the next page is on its way */
  loading: boolean;
  /** loading the next page failed: a retry in plain words */
  failed: AppError | null;
  /** nothing older to load */
  end: boolean;
  onMore: () => void;
}

/** The foot of a paged list: 加载中…, a retry, 没有更多了, or a tap to load more (reaching the bottom loads it too). */
export function ListFooter({ loading, failed, end, onMore }: ListFooterProps) {
  if (loading) {
    return (
      <View className='list-foot' aria-busy='true'>
        加载中…
      </View>
    );
  }
  if (failed) {
    return (
      <View className='list-foot list-foot--retry' role='alert' onClick={onMore} hoverClass='list-foot--pressed'>
        <Text>没能加载更多：{errorText(failed)}</Text>
        <Text className='list-foot__action'>重新加载</Text>
      </View>
    );
  }
  if (end) return <View className='list-foot'>没有更多了</View>;
  // a tap loads the next page too, for a list too short to scroll
  return (
    <View className='list-foot list-foot--more' onClick={onMore} hoverClass='list-foot--pressed'>
      上拉或点击加载更多
    </View>
  );
}
