import { Text, View } from '@tarojs/components';
import { ErrorState, LoadingBlock } from '../../../components/StateView';
import { staffSalesApi } from '../../../services/staffSales';
import { useRemote } from '../../../services/useRemote';
import { ClerkPoster } from './ClerkPoster';
import '../sales.scss';

/**
 * 我的拉新码 (issue 17, part 2): the clerk's own mini program code with the store and their name.
 * A shopper who joins by scanning it is signed up to this store and this clerk, for good; the
 * clerk figures count them. Save it to the album to show on the phone or to print.
 */
export default function StaffPosterPage() {
  const remote = useRemote(staffSalesApi.joinCode);
  const state = remote.state;
  if (state.status === 'loading') return <View className='page'><LoadingBlock height={720} label='正在生成我的拉新码' /></View>;
  if (state.status === 'error') return <View className='page'><ErrorState error={state.error} onRetry={() => void remote.reload()} /></View>;
  const { image, storeName, clerkName } = state.data;
  return (
    <View className='page staff-poster'>
      <ClerkPoster codePng={image} content={{ storeName, clerkName }} />
      <View className='section'>
        <Text className='section-title'>怎么用</Text>
        <Text className='staff-poster__steps'>1. 顾客用微信扫这个码，按提示加入悦衣会员。</Text>
        <Text className='staff-poster__steps'>2. 扫你的码入会的顾客，会记在你名下（{storeName}），以后不会改。</Text>
        <Text className='staff-poster__steps'>3. 已经是会员的顾客扫码不会改变归属。</Text>
        <Text className='staff-poster__steps'>4. 保存到相册后可以在手机上出示，或打印放在柜台。</Text>
      </View>
    </View>
  );
}
