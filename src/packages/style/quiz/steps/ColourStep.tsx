import { View } from '@tarojs/components';
import { ColourSwatch } from '../../../../components/ColourSwatch';
import type { StepProps } from './types';

/** One colour question: each answer as a card with a big swatch and its words (the whole card is tappable); one is chosen. */
export function ColourStep({ step, answers, onAnswer }: StepProps<'colour'>) {
  const chosen = answers.colour?.[step.question];
  return (
    <View className={`quiz-colour-options quiz-colour-options--${step.options.length === 4 ? 'two' : 'three'}`} role='radiogroup' aria-label={step.title}>
      {step.options.map((option) => (
        <View
          key={option.id}
          className={`quiz-colour-option${chosen === option.id ? ' quiz-colour-option--on' : ''}`}
          data-option={option.id}
          role='radio'
          aria-checked={chosen === option.id ? 'true' : 'false'}
          aria-label={option.label}
          hoverClass='quiz-colour-option--pressed'
          onClick={() => onAnswer({ colour: { [step.question]: option.id } })}
        >
          <ColourSwatch hex={option.hex} label={option.label} size='large' selected={chosen === option.id} />
        </View>
      ))}
    </View>
  );
}
