import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import type { StepProps } from './types';

/** Each scene with how often the member dresses for it: 经常 / 有时 / 很少. */
export function ScenesStep({ step, answers, onAnswer }: StepProps<'scenes'>) {
  const options = step.frequencies.map((f) => ({ value: f, label: f }));
  return (
    <View className='quiz-rows'>
      {step.scenes.map((scene) => (
        <View key={scene} className='quiz-row' data-scene={scene}>
          <Text className='quiz-row__label'>{scene}</Text>
          <View className='quiz-row__chips'>
            <ChoiceChips even label={scene} options={options} selected={answers.scenes?.[scene] ? [answers.scenes[scene]!] : []} onToggle={(f) => onAnswer({ scenes: { [scene]: f } })} />
          </View>
        </View>
      ))}
    </View>
  );
}
