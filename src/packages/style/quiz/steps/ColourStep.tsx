import { View } from '@tarojs/components';
import { ColourSwatch } from '../../../../components/ColourSwatch';
import type { StepProps } from './types';

/** One colour question: each answer as a big swatch with its words; one is chosen. */
export function ColourStep({ step, answers, onAnswer }: StepProps<'colour'>) {
  const chosen = answers.colour?.[step.question];
  return (
    <View className={`quiz-colour-options quiz-colour-options--${step.options.length === 4 ? 'two' : 'three'}`} role='radiogroup' aria-label={step.title}>
      {step.options.map((option) => (
        <View key={option.id} className={`quiz-colour-option${chosen === option.id ? ' quiz-colour-option--on' : ''}`} data-option={option.id}>
          <ColourSwatch
            hex={option.hex}
            label={option.label}
            size='large'
            kind='radio'
            selected={chosen === option.id}
            onTap={() => onAnswer({ colour: { [step.question]: option.id } })}
          />
        </View>
      ))}
    </View>
  );
}
