import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import type { StepProps } from './types';

/** 上装, 下装 and 鞋码 as chips. */
export function SizesStep({ step, answers, onAnswer }: StepProps<'sizes'>) {
  const sizes = answers.sizes ?? {};
  return (
    <View className='quiz-groups'>
      <View className='quiz-group'>
        <Text className='quiz-group__label'>上装</Text>
        <ChoiceChips label='上装尺码' options={step.top.map((s) => ({ value: s, label: s }))} selected={sizes.top ? [sizes.top] : []} onToggle={(top) => onAnswer({ sizes: { top } })} />
      </View>
      <View className='quiz-group'>
        <Text className='quiz-group__label'>下装</Text>
        <ChoiceChips label='下装尺码' options={step.bottom.map((s) => ({ value: s, label: s }))} selected={sizes.bottom ? [sizes.bottom] : []} onToggle={(bottom) => onAnswer({ sizes: { bottom } })} />
      </View>
      <View className='quiz-group'>
        <Text className='quiz-group__label'>鞋码</Text>
        <ChoiceChips label='鞋码' options={step.shoes.map((s) => ({ value: s, label: String(s) }))} selected={sizes.shoes !== undefined ? [sizes.shoes] : []} onToggle={(shoes) => onAnswer({ sizes: { shoes } })} />
      </View>
    </View>
  );
}
