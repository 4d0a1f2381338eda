import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import type { StepProps } from './types';

/** Per category, the price band of one piece (or 很少买). */
export function PricesStep({ step, answers, onAnswer }: StepProps<'prices'>) {
  return (
    <View className='quiz-groups'>
      {step.categories.map((c) => {
        const chosen = answers.prices?.[c.category];
        return (
          <View key={c.category} className='quiz-group' data-category={c.category}>
            <Text className='quiz-group__label'>{c.label}</Text>
            <ChoiceChips
              label={c.label}
              options={c.options.map((o) => ({ value: o.id, label: o.label }))}
              selected={chosen ? [chosen] : []}
              onToggle={(id) => onAnswer({ prices: { [c.category]: id } })}
            />
          </View>
        );
      })}
    </View>
  );
}
