import { View } from '@tarojs/components';

// placeholder until issue 19's page lands (replaced before merge)
export default function Page() {
  return <View className='page'>精准营销</View>;
}
