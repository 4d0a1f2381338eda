import { Button, Text, View } from '@tarojs/components';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { useMyData } from '../../../services/useMyData';
import { when } from './parts';
import { readableExport } from './readable';
import { ExportSection } from './Section';
import './index.scss';

/**
 * 导出我的数据: everything the programme holds about the member, in sections with Chinese
 * headings, amounts in ¥ and times in Shanghai; 复制全部数据 copies the same as JSON.
 */
export default function MyDataPage() {
  // a member who left is sent to join by the read-on-show hook; nothing is drawn meanwhile
  const { state, reload, notMember, copyAll, copying } = useMyData();

  if (state.status === 'error' && !notMember) {
    return (
      <View className='page my-data'>
        <ErrorState error={state.error} onRetry={() => void reload()} />
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className='page my-data'>
        <LoadingBlock height={240} label='正在整理你的数据' />
        <View className='my-data__gap' />
        <LoadingBlock height={480} />
      </View>
    );
  }

  const copyButton = (
    <Button className={`btn btn-primary my-data__copy${copying ? ' btn--off' : ''}`} disabled={copying} onClick={() => void copyAll()}>
      {copying ? '正在复制…' : '复制全部数据（JSON）'}
    </Button>
  );
  return (
    <View className='page my-data'>
      <View className='section my-data__intro'>
        <Text className='my-data__title'>悦衣会员保存的你的全部数据</Text>
        <Text className='muted my-data__text'>整理于 {when(state.data.exportedAt)}（北京时间）。其中有你的手机号等个人信息，复制后请妥善保管。</Text>
        {copyButton}
      </View>
      {readableExport(state.data).map((section) => (
        <ExportSection key={section.id} section={section} />
      ))}
      <View className='my-data__end'>{copyButton}</View>
    </View>
  );
}
