import { View } from '@tarojs/components';

// placeholder until issue 18's page lands (replaced before merge)
export default function Page() {
  return <View className='page'>会员权益</View>;
}
