import { View } from '@tarojs/components';

// placeholder until issue 17's page lands (replaced before merge)
export default function Page() {
  return <View className='page'>导购助手</View>;
}
